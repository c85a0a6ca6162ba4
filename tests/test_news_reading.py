"""How the reader takes the shapes news copy comes in: a minister's title with the
subjects after it, a wire's dateline, a fact box, a list numbered "ii.", a quotation
whose speaker is named before it."""

from __future__ import annotations

import datetime as dt

import pytest

from quizcli.reading.article import read_article
from quizcli.reading.extractor import default_extractor

DAY = dt.date(2025, 3, 14)


def facts(text: str, date: dt.date | None = DAY):
    article = read_article(text, "story.txt", date)
    return default_extractor().extract(article, "story")


def of_kind(text: str, kind: str) -> list[tuple[str, dict]]:
    return [(f.answer, dict(f.detail)) for f in facts(text) if f.kind.value == kind]


def sentences(text: str) -> list[str]:
    return [s.text for s in read_article(text, "story.txt", DAY).sentences]


STORY = "Lakes of Sikkim\n\nThe Tribunal ordered a census of the lakes of Sikkim on 3 March 2025.\n"


@pytest.mark.parametrize(("line", "office", "holder"), [
    ("Minister of Lakes and Forests Asha Verma said the census would take a year.",
     "Minister of Lakes and Forests", "Asha Verma"),
    ("Union Minister for Lakes, Rivers and Hill Areas Ravi Menon said the lakes "
     "were shrinking.", "Union Minister for Lakes, Rivers and Hill Areas",
     "Ravi Menon"),
    ("Union Health Minister Nima Lama said the census would cover every district.",
     "Union Health Minister", "Nima Lama"),
])
def test_a_ministers_subjects_belong_to_the_title_and_not_to_the_name(line, office, holder):
    found = facts(STORY + line + "\n")
    assert (holder, office) in {(f.answer, f.detail.get("office")) for f in found
                                if f.kind.value == "role"}
    assert {f.answer for f in found if f.kind.value == "quote"} == {holder}


def test_an_office_named_alone_speaks_for_the_one_who_holds_it():
    text = STORY + ("Union Health Minister Nima Lama opened the census office in Gangtok.\n"
                    "Speaking at the launch, the Union Health Minister said, \"The census will "
                    "count every lake in the state.\"\n")
    assert {answer for answer, _ in of_kind(text, "quote")} == {"Nima Lama"}


def test_a_wire_dateline_with_its_state_and_country_is_no_part_of_the_story():
    text = ("Lakes of Sikkim\n\nGangtok (Sikkim) [India], July 1 (ANI): The Tribunal ordered a "
            "census of the lakes of Sikkim.\n")
    assert sentences(text) == ["The Tribunal ordered a census of the lakes of Sikkim."]


def test_list_marks_run_into_their_items_are_no_part_of_them():
    text = STORY + ("Key Points:\ni.The census is run by the Lake Authority of Sikkim.\n"
                    "ii.The Authority will publish its report in June.\n")
    assert sentences(text)[1:] == ["The census is run by the Lake Authority of Sikkim.",
                                   "The Authority will publish its report in June."]


def test_a_fact_box_with_dashes_is_read_line_by_line():
    text = STORY + ("About Lake Authority of Sikkim (LAS):\n"
                    "Formed– 1961\nHeadquarters– Gangtok, Sikkim\nChairman– Asha Verma\n")
    found = facts(text)
    assert ("1961", "Formed: 1961") in {(f.answer, f.evidence) for f in found}
    assert {f.detail.get("section") for f in found if f.evidence.startswith("Formed")} == {
        "About Lake Authority of Sikkim (LAS)"}
    assert ("Asha Verma", "Chairman") in {(f.answer, f.detail.get("office")) for f in found
                                           if f.kind.value == "role"}


def test_an_about_heading_heads_its_section_and_opens_no_sentence():
    text = STORY + "About Lake census:\nIt has been held every five years since 1993.\n"
    assert sentences(text)[1] == "It has been held every five years since 1993."


def test_one_month_is_a_period():
    text = STORY + "The state must reply within a period of one month, the Tribunal said.\n"
    assert "one month" in {answer for answer, _ in of_kind(text, "number")}


def test_words_before_a_speaker_named_with_a_title_are_his():
    text = STORY + ("The census will count every lake of the state, Sikkim Forest Minister Ravi "
                    "Menon said this afternoon.\n")
    assert [(a, d["quote"]) for a, d in of_kind(text, "quote")] == [
        ("Ravi Menon", "The census will count every lake of the state")]


def test_words_before_told_reporters_are_the_speakers():
    text = STORY + ("Forest Minister Ravi Menon visited the lakes.\n"
                    '"We have counted every lake of the state," Mr Menon told reporters in '
                    "Gangtok.\n")
    assert [(a, d["quote"]) for a, d in of_kind(text, "quote")] == [
        ("Ravi Menon", "We have counted every lake of the state")]


def test_said_then_adding_gives_the_words_before_it():
    text = STORY + ("Forest Minister Ravi Menon said 40 lakes had dried up, adding the census "
                    "would go on.\n"
                    "The lakes are Tsomgo, Gurudongmar and Khecheopalri, Mr Menon said, adding "
                    "the count will end in June.\n")
    said = [d["quote"] for _, d in of_kind(text, "quote")]
    assert not any(q.startswith(",") for q in said)
    assert any(q.startswith("The lakes are Tsomgo") for q in said)


def test_a_quotation_alone_is_the_words_of_who_spoke_before_it():
    text = STORY + ("Forest Minister Ravi Menon welcomed the census and vowed to protect the "
                    "lakes.\n"
                    "\u201cThe lakes of Sikkim are the water of the whole state and we will "
                    "protect them.\u201d\n")
    assert [answer for answer, _ in of_kind(text, "quote")] == ["Ravi Menon"]


def test_he_after_a_sentence_that_names_no_one_is_still_who_came_before():
    text = STORY + ("Forest Minister Ravi Menon opened the census office in Gangtok.\n"
                    "The office will count every lake of the state by June.\n"
                    "The lakes are the water of the whole state, he said.\n")
    assert [answer for answer, _ in of_kind(text, "quote")] == ["Ravi Menon"]


def test_a_numbered_project_an_initiative_and_a_long_mission_name_are_things():
    text = STORY + ("INS Tista is the first ship of the Project 21C frigate series.\n"
                    "It was built under the Harit Sikkim initiative of the state.\n"
                    "The National Red Panda Habitat Mission was announced in the Budget.\n")
    found = facts(text)
    terms = {(f.answer, f.detail.get("term")) for f in found if f.kind.value == "fact"}
    assert ("Project 21C", "scheme") in terms
    assert ("Harit Sikkim", "scheme") in terms
    assert not [f for f in found if f.kind.value == "quote"]  # the mission is no speaker


def test_a_bare_title_is_a_term_where_the_sentence_says_what_the_office_may_do():
    text = STORY + "The bill will now be sent to the President for her assent.\n"
    assert ("President", {"term": "name"}) in of_kind(text, "fact")


def test_refers_to_and_also_regarded_as_define_a_term():
    text = STORY + ("Lake balance refers to the difference between the water a lake gains and "
                    "loses in a year.\n"
                    "It is one way to count the health of a lake, and it’s also regarded as a "
                    "water budget.\n")
    terms = {(f.answer, f.detail.get("term")) for f in facts(text) if f.kind.value == "fact"}
    assert ("Lake balance", "definition") in terms
    assert ("water budget", "defined") in terms


def test_a_long_line_with_no_full_stop_stands_alone():
    text = ("Lakes of Sikkim\n"
            "To keep the lakes of Sikkim full, the state must cut its water use by 28 per cent "
            "this decade\n"
            "The Lake Authority of Sikkim has warned that 40 lakes could dry up by 2030.\n")
    assert sentences(text) == [
        "To keep the lakes of Sikkim full, the state must cut its water use by 28 per cent "
        "this decade",
        "The Lake Authority of Sikkim has warned that 40 lakes could dry up by 2030."]


def test_pc_after_a_figure_is_per_cent():
    text = STORY + "Inflation in Sikkim stayed at 5.4 pc for the whole of the year 2024.\n"
    assert ("5.4 pc", "percent") in {(a, d["unit"]) for a, d in of_kind(text, "number")}


def test_a_surname_before_said_speaks_and_he_after_said_is_what_was_said():
    text = STORY + ("Forest Minister Ravi Menon met his counterpart in Thimphu on Monday.\n"
                    "Tshering said he had a fruitful exchange of ideas with Menon on the lakes.\n")
    assert [answer for answer, _ in of_kind(text, "quote")] == ["Tshering"]


def test_a_system_is_a_named_thing():
    text = STORY + ("The state used the indigenously developed Lake Watch System to count "
                    "the lakes.\n")
    assert ("Lake Watch System", "thing") in {
        (f.answer, f.detail.get("term")) for f in facts(text) if f.kind.value == "fact"}


@pytest.mark.parametrize("line, holder, office", [
    ("Asha Verma, Lakes Board Regional Director for the Eastern Hills, presented the award.",
     "Asha Verma", "Lakes Board Regional Director for the Eastern Hills"),
    ("The award went to Ravi Menon, Additional Secretary and Mission Director of the "
     "Sikkim Lakes Mission within the Ministry of Lakes.",
     "Ravi Menon", "Additional Secretary and Mission Director of the Sikkim Lakes Mission"),
    ("The Union Minister of Lakes, Rivers, and Hill Areas, Nima Tshering, opened the dam.",
     "Nima Tshering", "Union Minister of Lakes, Rivers, and Hill Areas"),
])
def test_a_title_in_apposition_names_the_office_whole(line, holder, office):
    text = STORY + line + "\n"
    assert (holder, office) in [(a, d["office"]) for a, d in of_kind(text, "role")]
    # The words of the title are the office's, not a scheme's or a body's of their own.
    terms = [a for a, _ in of_kind(text, "fact")]
    assert not [t for t in terms if t in office and "Director" in t or t.startswith("Union Min")]


def test_a_town_that_ends_a_titled_name_is_the_persons_surname():
    text = STORY + "CJI Asha Batala and Justice Ravi Sangrur wrote separate verdicts.\n"
    assert {("Asha Batala", "CJI"), ("Ravi Sangrur", "Justice")} <= {
        (a, d["office"]) for a, d in of_kind(text, "role")}
    places = [a for a, _ in of_kind(text + "The court sat in Sangrur.\n", "place")]
    assert places.count("Sangrur") == 1  # the town where no title comes before it


def test_an_organism_named_after_caused_by_is_one_term_and_a_common_word_is_no_binomial():
    text = STORY + ("Lake blight is a disease caused by Fusaria sikkimensis in the high lakes.\n"
                    "Meanwhile, Gangtok virus (GTV) is a zoonotic virus found in bats.\n")
    terms = {a: d["term"] for a, d in of_kind(text, "fact")}
    assert terms.get("Fusaria sikkimensis") == "species"
    assert "Gangtok virus" not in terms or terms["Gangtok virus"] != "species"


def test_a_ministry_with_of_in_its_abbreviation_is_read_whole():
    text = STORY + ("The report released by the Ministry of Lakes, Rivers, and Hill Areas "
                    "(MoLRHA) asked for a census cell.\n")
    assert ("Ministry of Lakes, Rivers, and Hill Areas", "abbreviation") in [
        (a, d["term"]) for a, d in of_kind(text, "fact")]


def test_words_that_point_to_a_list_define_nothing():
    text = STORY + "Following are the highlights of the judgment of the Sikkim High Court.\n"
    assert "Following" not in [a for a, _ in of_kind(text, "fact")]


def test_a_share_in_words_and_an_article_with_its_letter_apart_are_read_whole():
    text = STORY + ("The Bill seeks to insert Article 330 A to keep one-third of the seats of "
                    "the Sikkim Assembly for women.\n")
    assert "one-third" in [a for a, _ in of_kind(text, "number")]
    assert "Article 330 A" in [a for a, _ in of_kind(text, "fact")]


def test_a_bullets_term_with_what_it_stands_for_in_brackets_is_defined():
    text = STORY + ("The Lake Index looks at two indicators:\n"
                    "- Lake Shrinking (which reflects lost water): calculated by the share of "
                    "lakes that are smaller than in 2014\n"
                    "- Lake Silting (which reflects soil loss): calculated by the share of lakes "
                    "with silt on their bed\n")
    terms = {a: d["term"] for a, d in of_kind(text, "fact")}
    assert terms.get("Lake Shrinking") == "definition" and terms.get("Lake Silting") == "definition"


def test_a_name_ending_in_a_wide_compound_is_an_organisation_not_a_person():
    text = STORY + ("The Lake Index is an annual report, jointly published by Lakes Worldwide "
                    "and Seehilfe.\n")
    assert ("Lakes Worldwide and Seehilfe", "agent") in [
        (a, d["term"]) for a, d in of_kind(text, "fact")]
    assert not [f for f in facts(text) if "Lakes Worldwide" in f.people]


def test_a_range_of_large_figures_is_one_number():
    text = STORY + "The red panda has an estimated population of 2,500-3,500 worldwide.\n"
    assert "2,500-3,500" in [a for a, _ in of_kind(text, "number")]


def test_a_size_before_member_is_no_title():
    text = STORY + "India and the four-member European bloc signed a trade pact on Sunday.\n"
    assert not of_kind(text, "role")


def test_the_line_under_the_title_without_a_full_stop_stands_alone():
    text = ("Lakes of Sikkim\nA fine start to the census, the Chief Minister says\n"
            "The Tribunal ordered a census of the lakes of Sikkim on 3 March 2025.\n")
    first = "The Tribunal ordered a census of the lakes of Sikkim on 3 March 2025."
    assert first in sentences(text)


def test_a_name_added_to_something_is_no_words_said():
    text = STORY + ("The lake council was formed by Sikkim and Nepal in 2009 and added Bhutan "
                    "in 2010, its first new member in a decade.\n"
                    "Asha Verma added the census would end in May.\n")
    quotes = of_kind(text, "quote")
    assert not [q for q in quotes if q[1].get("quote", "").startswith("Bhutan")]
    assert [q for q in quotes if q[0] == "Asha Verma"]


def test_a_wire_place_in_capitals_before_a_dash_is_no_part_of_the_story():
    text = "Lakes of Sikkim\n\nGANGTOK -- The Tribunal ordered a census of the lakes on Monday.\n"
    assert sentences(text)[0].startswith("The Tribunal ordered")


def test_a_headlines_words_before_a_speaker_are_no_quote_but_a_clause_is():
    text = STORY + ("A fine start to the census thanks to our surveyors, Chief Minister Asha "
                    "Verma says.\n"
                    "The census will end in May, Chief Minister Asha Verma said.\n")
    quotes = [d.get("quote", "") for _, d in of_kind(text, "quote")]
    assert not [q for q in quotes if q.startswith("A fine start")]
    assert [q for q in quotes if q.startswith("The census will end")]


def test_an_exam_pages_syllabus_tags_are_no_part_of_the_story():
    text = ("Lakes of Sikkim\n\nSyllabus-\n"
            "Preliminary Examination: Current events of national and international importance\n"
            "Mains Examination: General Studies III: Conservation and environmental pollution\n"
            "Relevance: Lakes are crucial for the UPSC syllabus.\n"
            "The Tribunal ordered a census of the lakes of Sikkim on 3 March 2025.\n")
    first = "The Tribunal ordered a census of the lakes of Sikkim on 3 March 2025."
    assert sentences(text) == [first]


def test_a_title_that_opens_the_sentence_names_the_person_between_commas():
    text = STORY + ("Union Minister for Lakes, Rivers and Hill Areas, Nima Tshering, on Saturday "
                    "released the lake report in Gangtok.\n")
    assert ("Nima Tshering", "Union Minister for Lakes, Rivers and Hill Areas") in [
        (a, d["office"]) for a, d in of_kind(text, "role")]


def test_a_preposition_inside_a_capitalised_run_makes_it_no_ones_name():
    text = STORY + "The Lake Index is an annual report published by Rivers Without Walls (RWW).\n"
    assert not [f for f in facts(text) if "Rivers Without Walls" in f.people]
    assert "Rivers Without Walls" in [a for a, _ in of_kind(text, "fact")]


def test_a_span_of_two_full_years_is_one_period():
    text = STORY + "Gangtok was declared the lake capital for 2025–2026 by the council.\n"
    dates = [a for a, _ in of_kind(text, "date")]
    assert "2025–2026" in dates and "2026" not in dates
