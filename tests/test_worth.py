"""What a setter would ask: blanks that give themselves away are never asked, and wrong
figures are the ones the sentence makes false."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from quizcli.making.distractors import Pools
from quizcli.making.gate import gate
from quizcli.making.ingest import pools_for
from quizcli.making.questions import make_candidates
from quizcli.model import QuestionType
from quizcli.reading.article import read_article
from quizcli.reading.extractor import default_extractor
from quizcli.reading.rules.numbers import number_value


def kept(text: str, date: dt.date | None = dt.date(2025, 3, 14)) -> list:
    article = read_article(text, "story.txt", date)
    facts = default_extractor().extract(article, "story")
    candidates = make_candidates(facts, pools_for(facts, ((), ())), "test", article)
    return [c.question for c in gate(candidates).kept]


def made(text: str, date: dt.date | None = dt.date(2025, 3, 14)) -> list:
    """Every question made of the text, before the gate chooses among them."""
    article = read_article(text, "story.txt", date)
    facts = default_extractor().extract(article, "story")
    return [c.question for c in make_candidates(facts, pools_for(facts, ((), ())), "test",
                                                article)]


def answers(text: str, date: dt.date | None = dt.date(2025, 3, 14)) -> set[str]:
    return {q.answer for q in kept(text, date)}


STORY = """Wetland Census Ordered

The National Green Tribunal ordered a census of wetlands across the country on 3 March 2025.
The Tribunal said that 1,250 hectares of mangroves had been lost since 2010.
"""

SPEAKERS = ("Asha Verma, the Tribunal's chair, said the census would take a year.\n"
            "Ravi Menon said the wetlands of Sikkim were shrinking fast.\n"
            "Nima Lama said 40 lakes had dried up since 2010.\n")
"""Three people the story quotes, so that it asks who said what."""


@pytest.mark.parametrize(("sentence", "never"), [
    ("India has opened its coal blocks to private miners and aims at a threefold rise by 2032.",
     "India"),
    ("The Coastal Regulation Zone rules limit building near the sea, and CRZ permits are issued"
     " by the states.", "Coastal Regulation Zone"),
    ("The CRZ [Coastal Regulation Zone] rules limit building within 500 metres of the sea.",
     "Coastal Regulation Zone"),
    ("The bill was cleared by the Lok Sabha on Thursday after a debate of nine hours.",
     "Thursday"),
    ("The ferry left at 06:40 am from the northern jetty at Port Rowan for the islands.",
     "06:40 am"),
    ("The Police and other central agencies may inspect vessels without a warrant.", "Police"),
    ("In 2017, the share of wetlands under protection stood at 3.7% across the states.",
     "2017"),
])
def test_a_blank_that_gives_itself_away_is_never_asked(sentence, never):
    text = STORY + sentence + "\n"
    assert never not in answers(text)


def test_the_subject_of_the_title_is_never_a_blank():
    text = ("Wetland Census\n\nThe Wetland Census was ordered by the National Green Tribunal.\n"
            "The Wetland Census will count 2,400 lakes in its first round in 2026.\n"
            "Each state will run the Wetland Census with its forest department.\n")
    assert "Wetland Census" not in answers(text)
    # a long name needs naming only twice: the headline's bill is what the story is about
    text = ("Coastal Zones Protection Bill passed\n\nThe Coastal Zones Protection Bill was "
            "passed in the Lok Sabha on 3 March 2025 by a voice vote.\n"
            "Under the Coastal Zones Protection Bill, 14 new marine parks will be notified.\n")
    assert "Coastal Zones Protection Bill" not in answers(text)


def test_a_weekday_in_a_dated_story_asks_its_date_typed():
    text = STORY + "The Rajya Sabha passed the Wetlands Bill on Wednesday by a voice vote.\n"
    [question] = [q for q in kept(text) if q.prompt.startswith("Which date")
                  and "Rajya Sabha passed" in q.prompt]
    assert question.answer == "12 March 2025"
    assert "on _____" in question.prompt
    assert "in a story of Friday, 14 March 2025" in question.prompt  # a reader can tell it
    # Choices of other months would give it away, being plainly not of the story's week.
    assert question.type is QuestionType.CLOZE and not question.choices
    assert {"March 12, 2025", "2025-03-12", "12/03/2025", "Wednesday"} <= set(question.accept)


def test_a_weekday_said_without_on_is_asked_with_on():
    text = STORY + "The Wetlands Bill cleared the House Wednesday by a voice vote.\n"
    [question] = [q for q in kept(text) if q.prompt.startswith("Which date")
                  and "cleared the House" in q.prompt]
    assert "cleared the House on _____ by a voice vote" in question.prompt


def test_the_day_of_a_remark_given_as_a_weekday_is_not_asked():
    text = STORY + "The Wetlands Bill will pass the House soon, the minister said Wednesday.\n"
    assert not [q for q in kept(text) if q.prompt.startswith("Which date")
                and "the minister said" in q.prompt]


def test_an_undated_story_never_asks_the_date_of_a_weekday():
    text = ("Wetland Census Ordered\n\n"
            "The Rajya Sabha passed the Wetlands Bill on Wednesday by a voice vote.\n")
    assert not [q for q in kept(text, None) if q.prompt.startswith("Which date")]


@pytest.mark.parametrize(("sentence", "answer", "possible"), [
    # over 100: a wrong choice below would be true as well
    ("Over 70 countries saw their wetland area shrink in the last decade.", "70",
     lambda w: w > 70),
    # in the top 10 is in the top 12 as well
    ("Wetlands remain among the top 8 sources of methane in the world.", "8",
     lambda w: w < 8),
    ("Fewer than 90 snow leopards are left, of which 64 live in one park.", "90",
     lambda w: 64 < w < 90),
    ("The first course lasts three to nine weeks, and the second one 20 weeks.", "three",
     lambda w: w < 9),
    # a count beside a rank, even one printed without its space
    ("This year, the rank has come down to97 among 118 countries in total.", "118",
     lambda w: w > 97),
    ("Three of the five crane species found here are resident birds.", "five",
     lambda w: w > 3),
    # a later meeting has not been held yet
    ("The 47th meeting of the Wetlands Council began in Gangtok on Friday.", "47th",
     lambda w: w < 47),
    # a figure the sentence gives already is no wrong choice
    ("The 12th and 13th rounds of the wetland talks were held in Gangtok.", "13th",
     lambda w: w < 12),
    ("Floods rose 15 times, and in the last ten years 19 times, across the state.", "15 times",
     lambda w: w != 19),
])
def test_wrong_figures_are_the_ones_the_sentence_makes_false(sentence, answer, possible):
    questions = [q for q in kept(STORY + sentence + "\n") if q.answer == answer
                 and q.type is QuestionType.MCQ]
    for question in questions:
        wrong = [number_value(c) for c in question.choices if c != answer]
        assert all(possible(w) for w in wrong), question.choices


def test_one_lakh_is_a_number():
    assert number_value("one lakh") == 1.0
    assert number_value("less than one lakh") == 1.0


def test_a_region_is_offered_regions_of_its_own_kind():
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    assert set(table.alike("Asia")) == {"Africa", "Europe", "North America", "Oceania",
                                        "South America"}  # no Antarctica: no one lives there
    assert all({"Sea", "Gulf", "Strait", "Ocean", "Bay"} & set(p.split())
               for p in table.alike("Indian Ocean"))


def test_a_town_is_offered_towns_of_its_own_state_and_a_great_city_great_cities():
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    for town in ("Kolhapur", "Gaya"):
        home = table.place_area[town]
        assert all(home & table.place_area.get(p, frozenset()) for p in table.alike(town)[:6])
    assert all(table.population[p] >= 1_000_000 for p in table.alike("Nagoya")[:6])


def test_a_place_the_gazetteer_does_not_know_is_offered_no_state_or_city():
    from quizcli.making.distractors import Pools, place_choices

    pools = Pools(places=("Ambala", "Kolhapur", "Gujarat", "Sonitpur", "Lohit", "London"))
    assert set(place_choices("Bhimgaon", pools, "seed")) == {"Sonitpur", "Lohit"}


def test_a_word_that_only_describes_the_noun_after_it_is_never_a_blank():
    text = STORY + ("The district collector said that 40 R&D centres had sent ID cards and "
                    "Korean-Thai delegates to the Union Ministry of Mines.\n")
    found = answers(text)
    assert "Union Ministry of Mines" in found
    assert not {"R&D", "ID", "Korean-Thai"} & found


def test_the_parties_to_a_case_are_not_the_storys_people():
    from quizcli.reading.entities import read_mentions

    people, _ = read_mentions(["The bench heard State of Sikkim v Ravi Menon and Ors. today.",
                               "Justice Asha Pillai wrote the majority opinion."])
    names = set(people.full_names.values())
    assert "Ravi Menon" not in names and "Asha Pillai" in names


def test_a_rank_or_a_count_of_countries_stays_within_the_world_the_story_ranks():
    text = STORY + ("Out of 120 countries, Finland ranked first in the index.\n"
                    "Chile ranks 97 and Kenya ranks 88 on the same index.\n"
                    "The survey covers 181 countries in its latest edition.\n")
    for question in kept(text):
        if question.answer in ("97", "88"):
            assert all(number_value(c) <= 120 for c in question.choices), question.choices
        if question.answer == "181":
            assert all(number_value(c) <= 195 for c in question.choices), question.choices


def test_who_said_offers_no_one_from_the_side_the_words_speak_of():
    text = ("Sanctions Stay\n\n"
            "Iranian President Reza Tavakoli met Omani Foreign Minister Salim Harthi in May.\n"
            "US Treasury Secretary Janet Morrow said that the sanctions placed on Iran"
            " would stay until it stops enrichment.\n"
            "US Special Envoy Paul Carver said that talks would resume next month"
            " in the capital.\n"
            "Salim Harthi said that the two sides would reopen their channel soon.\n")
    [question] = [q for q in kept(text)
                  if q.prompt.startswith("Who said that the sanctions placed on Iran")]
    assert "Reza Tavakoli" not in question.choices, question.choices


def test_a_typed_abbreviation_accepts_the_storys_own_spelling_of_it():
    text = ("Forum Joins\n\nThe Pacific Islands Forum was founded in Wellington in 1971 by 16 "
            "states.\nLeaders backed adding the PIF to the group of trading nations at the "
            "Suva meeting.\n")
    typed = [q for q in made(text) if q.answer == "PIF" and q.type is QuestionType.CLOZE]
    assert typed
    for question in typed:
        assert "Pacific Islands Forum" in question.accept


def test_a_pair_matched_to_figures_respectively_is_accepted_only_in_its_order():
    text = STORY + ("Success stories: Asian and Andean regions achieved major reductions in "
                    "deaths (31% and 38%, respectively).\n"
                    "Progress elsewhere: Nordic and Baltic regions cut deaths by half.\n")
    pairs = {q.answer: q.accept for q in kept(text) if q.type is QuestionType.CLOZE}
    if "Asian and Andean" in pairs:
        assert "Andean and Asian" not in pairs["Asian and Andean"]
    assert "Nordic and Baltic" in pairs, pairs
    assert "Baltic and Nordic" in pairs["Nordic and Baltic"]


def test_a_typed_body_accepts_its_other_names():
    text = STORY + "The Upper House cleared the Coastal Zones Bill by a voice vote on Monday.\n"
    typed = [q for q in kept(text) if q.answer == "Upper House"]
    assert typed
    assert {"Rajya Sabha", "Council of States"} <= set(typed[0].accept)


def test_a_typed_person_accepts_the_shorter_name_the_story_uses():
    text = STORY + ("Chief Justice R.K. Mehra said the Tribunal's order on wetlands would stand "
                    "until 2026.\n"
                    "President Asha Verma said the census must finish by 2027.\n"
                    "Verma added that 40 teams would count the lakes in a year.\n")
    accepted = {q.answer: set(q.accept) for q in kept(text) if q.answer in ("R.K. Mehra",
                                                                             "Asha Verma")}
    assert accepted["Asha Verma"] == {"Verma"}


def test_a_blank_the_sentence_itself_fills_is_never_asked():
    text = STORY + ("The sanctions stay until Chairman Ri (Song Ho) signs the 2025 accord, the "
                    "envoy said.\n"
                    "Talks between the two leaders on the Wetlands Accord ran for 14 hours.\n"
                    "The other three judges on the bench were Justice Asha Rao, Justice Vikram "
                    "Sood and Justice Meera Nair.\n"
                    "According to Lisbon officials, 38 delegations will attend the next round.\n")
    found = answers(text)
    assert not {"Song Ho", "two", "three", "Lisbon"} & found, found
    assert "14 hours" in found or "14" in found  # the sentences still give their facts


def test_one_quoted_common_word_is_never_a_typed_blank():
    text = STORY + ('The Tribunal called the census a "landmark" step for 2,400 lakes in 2026.\n')
    assert "landmark" not in answers(text)


def test_what_a_share_is_of_is_never_the_blank():
    text = STORY + ("The wetland fund for 2026 is pegged at 0.4 per cent of gross domestic "
                    "product (GDP), the Tribunal said.\n")
    found = answers(text)
    assert "gross domestic product" not in found and "0.4 per cent" in found, found


def test_a_stock_top_ten_is_never_the_blank_but_another_rank_is():
    text = STORY + ("Wetland loss is among the top 10 threats to 1,200 bird species.\n"
                    "The plan aims to put the state among the top six wetland keepers by 2030.\n")
    found = answers(text)
    assert "10" not in found and "six" in found, found


def test_where_a_source_works_is_never_the_blank():
    text = STORY + ("Asha Verma, a fellow at the Institute of Coastal Ecology, said 1,250 "
                    "hectares had gone.\n"
                    "The study was led by Dr Ravi Menon, Director, Centre for Wetland Science; "
                    "it counted 2,400 lakes.\n")
    found = answers(text)
    assert not {"Institute of Coastal Ecology", "Centre for Wetland Science"} & found, found


def test_a_round_year_or_figure_is_asked_among_round_ones():
    text = STORY + ("Wetland area in the state may halve by 2040, the Tribunal said.\n"
                    "In the last 10 years, 40 lakes in the state have dried up.\n")
    asked = {q.answer: q.choices for q in kept(text) if q.type is QuestionType.MCQ}
    assert all(int(c) % 5 == 0 and int(c) > 2025 for c in asked["2040"]), asked["2040"]
    assert all(number_value(c) % 5 == 0 for c in asked["10 years"]), asked["10 years"]


def test_an_abbreviation_just_after_its_spelled_out_name_is_never_the_blank():
    text = STORY + ("The rules of the Coastal Wetlands (Protection) Act 2019 -- known as CWPA -- "
                    "cover 1,400 lakes.\n")
    assert "CWPA" not in answers(text)


def test_one_name_with_and_in_it_is_not_accepted_the_other_way_round():
    text = STORY + ("The state launched the Wetland Restoration and Monitoring Programme (WRMP) "
                    "with 40 new teams in 2025.\n"
                    "Wetlands in Nordic and Baltic regions shrank by half after 2010.\n")
    accepted = {q.answer: q.accept for q in kept(text) if q.type is QuestionType.CLOZE}
    name = "Wetland Restoration and Monitoring Programme"
    assert name in accepted, accepted
    assert not [a for a in accepted[name] if a.startswith("Monitoring")], accepted[name]


@pytest.mark.parametrize("sentence", [
    "The Mayor names up to five councillors to preside if both Mayor and Deputy Mayor are away.",
    "The Mayor nominates ten Councillors to preside when the Mayor and Deputy Mayor are absent.",
])
def test_a_name_whose_word_stands_beside_the_blank_is_never_asked(sentence):
    assert "Mayor and Deputy Mayor" not in answers(STORY + sentence + "\n")


def test_a_city_where_something_happened_is_not_answered_by_its_country():
    text = STORY + "The delegates met in Thimphu for the talks on Himalayan wetlands.\n"
    [where] = [q for q in kept(text) if q.answer == "Thimphu"]
    assert "Bhutan" not in where.accept


def test_a_name_with_and_in_it_is_not_turned_round():
    text = STORY + ("The survey was carried out with the National Institute of Hill Ecology and"
                    " Forestry, which has studied wetlands since 1990.\n")
    named = [q for q in kept(text) if q.answer.endswith("Hill Ecology and Forestry")]
    assert named and all(not a.startswith("Forestry") for q in named for a in q.accept)


def test_a_blank_never_cuts_a_word():
    text = STORY + ("Nepal's President favours a lasting resolution of the US.-Nepal wetland"
                    " dispute, which began in 2019.\n")
    assert not [q.prompt for q in kept(text) if re.search(r"\w_____|_____\.?[\w-]", q.prompt)]


def test_an_ordinal_the_title_gives_is_not_asked_but_its_headline_figure_is():
    text = ("Third Wetland Summit Opens\n\nThe third wetland summit opened in Gangtok on "
            "3 March 2025 with 40 countries taking part.\n")
    assert "third" not in answers(text)
    text = ("Survey Finds 130 New Lakes in Sikkim\n\nA survey of the state's wetlands found "
            "130 new lakes above 4,000 metres, the forest department said on 3 March 2025.\n")
    assert "130" in answers(text)


def test_wrong_years_keep_the_order_of_the_sentences_other_years():
    text = STORY + "The forum fell apart in 2008 and was revived in 2017 by four members.\n"
    [question] = [q for q in kept(text) if q.answer == "2008"]
    assert all(int(c) < 2017 for c in question.choices), question.choices


def test_an_abbreviation_accepts_the_expansion_of_its_heading():
    text = ("Wetland Report\n\nWetland Health Index (WHI)\n\nThe WHI is an index released by"
            " the Tribunal that ranks the wetlands of each state.\n")
    [question] = [q for q in kept(text) if q.answer == "WHI"]
    assert "Wetland Health Index" in question.accept


def test_a_provision_accepts_the_article_without_its_clause():
    text = STORY + ("Article 48A (1) of the Constitution asks the State to protect the"
                    " environment and safeguard the forests and wildlife of the country.\n")
    [question] = [q for q in kept(text) if q.answer == "Article 48A (1)"]
    assert "Article 48A" in question.accept


def test_a_long_name_accepts_its_initials_and_the_storys_short_form():
    text = ("ZS Council meets\n\nThe Zoological Survey Council met in Gangtok on 3 March"
            " 2025. The ZS Council will meet again in May, and the ZS Council has 12 members."
            " The Council named the Himalayan"
            " Wildlife Research Organisation its partner for the survey.\n")
    [body] = [q for q in kept(text) if q.answer == "Himalayan Wildlife Research Organisation"]
    assert "HWRO" in body.accept
    assert "Zoological Survey Council" not in answers(text)  # the story's own subject


def test_a_clause_that_opens_the_sentence_is_no_name():
    text = STORY + ("Opening the Wetland Session 2025, the Chief Minister announced a survey of"
                    " every lake in the state.\n")
    assert not [a for a in answers(text) if a.startswith("Opening")]


def test_where_a_named_scientist_works_is_not_asked():
    text = STORY + ("The survey was led by Dr Lepcha, Director, Wetland Trust; Dr Asha Rao,"
                    " Himalayan Institute of Lake Studies, Gangtok; and Dr Ravi Menon of Goa.\n")
    assert "Himalayan Institute of Lake Studies" not in answers(text)


def test_the_possessive_of_a_blanked_name_stays_grammatical():
    text = STORY + ("The rise was marked by the Maldives' successful bid to host the wetland"
                    " summit in 2019, which drew 40 countries.\n")
    assert not [q.prompt for q in kept(text) if "_____' " in q.prompt]


def test_a_city_blanked_in_its_sentence_is_not_answered_by_its_country():
    text = STORY + ("The talks held in Thimphu will be the most important since 2019, and"
                    " wetland finance has been a key item.\n")
    [blank] = [q for q in kept(text) if q.answer == "Thimphu"]
    assert "Bhutan" not in blank.accept


@pytest.mark.parametrize(("sentence", "answer", "plainer"), [
    ("The Wetlands Research & Development Organisation (WRDO) tested a probe over the lakes"
     " on 4 March 2025.", "Wetlands Research & Development Organisation",
     "Wetlands Research and Development Organisation"),
    ("The Wetlands Authority tested the Surya-V probe over the lakes on 4 March 2025.",
     "Surya-V", "Surya-5"),
    ("The Audit Board of Bhutan found that 40 wetlands had no survey since 2019.",
     "Audit Board of Bhutan", "Audit Board"),
    ("In a post on Friday, District Collector A K Verma ordered that the lakes of the district"
     " be counted by 2026.", "A K Verma", "Verma"),
    ("The Tribunal said the census would be finished in the financial year 2025-’26 across"
     " all districts.", "2025-’26", "2025-2026"),
])
def test_a_typed_name_accepts_its_plainer_forms(sentence, answer, plainer):
    [typed] = [q for q in kept(STORY + sentence + "\n") if q.answer == answer]
    assert plainer in typed.accept


def test_a_body_of_a_state_keeps_its_state():
    text = STORY + "The High Court of Sikkim found that 40 wetlands had no survey since 2019.\n"
    typed = [q for q in kept(text) if q.answer == "High Court of Sikkim"]
    assert all("High Court" not in q.accept for q in typed)


def test_a_straight_quote_closed_by_a_curly_one_is_shown_as_a_pair():
    text = STORY + ('The Tribunal launched the Wetland Care Package (WCP) with "mapping” and '
                    '"restoring” as its two aims.\n')
    shown = [q.prompt for q in kept(text) if "mapping" in q.prompt]
    assert shown and all(re.search("([“‘])mapping[”’] and \\1restoring[”’]", p)
                         for p in shown), shown


def test_a_quotation_inside_a_quoted_sentence_is_in_single_marks():
    text = STORY + ('The minister called the 40 new wetland sites "a national treasure" at '
                    'the meeting in Gangtok.\n')
    [figure] = [q for q in kept(text) if q.answer == "40"]
    assert figure.prompt.endswith("‘a national treasure’ at the meeting in Gangtok.”")
    assert figure.prompt.count("“") == 1 and '"' not in figure.prompt


def test_a_great_city_asked_as_a_district_is_offered_towns_of_its_state():
    from quizcli.making.distractors import place_choices
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    home = table.place_area["Nagpur"]
    as_city = place_choices("Nagpur", Pools(), "seed", sentence="The team flew in from _____.")
    assert all(table.population[p] >= 1_000_000 for p in as_city), as_city
    as_district = place_choices("Nagpur", Pools(), "seed",
                                sentence="Tigers were counted in _____ district last year.")
    assert all(home & table.place_area[p] for p in as_district), as_district


def test_the_storys_places_are_offered_only_of_the_answers_size_and_continent():
    from quizcli.making.distractors import place_choices

    pools = Pools(places=("Senegal", "Peru", "Chile", "Tunisia", "Kolhapur", "Lucknow",
                          "Ahmedabad"))
    assert not {"Peru", "Chile"} & set(place_choices("Tunisia", pools, "seed"))
    assert "Kolhapur" not in place_choices("Lucknow", pools, "seed")


FIGURES = """Wetland Survey Finds Fewer Lakes

Sikkim counted 1,250 high lakes in its wetland survey of 2024.
Lake cover: The lakes cover 4.2% of the state's area, the survey said.
The state spent Rs 40 crore on the survey over three seasons.
Only 61 of the lakes have a management plan in place today.
The survey team walked 3,800 km across the high passes of the state.
In all, 18% of the lakes have shrunk since the last survey was done in 2014.
Tourism brings Rs 900 crore a year to the lake districts of the state.
"""


def statement_sets(text: str) -> list:
    return [q for q in made(text) if q.prompt.startswith("Consider the following statements")]


def test_the_figures_give_two_sets_of_statements_that_share_no_sentence():
    sets = statement_sets(FIGURES)
    assert len(sets) == 2
    first, second = ({line[3:] for line in q.prompt.splitlines() if line[:2] in ("1.", "2.", "3.")}
                     for q in sets)
    assert first and second and not first & second


def test_a_statement_drops_its_bullets_label_and_any_of_seven_answers_may_be_right():
    sets = statement_sets(FIGURES)
    lines = [line for q in sets for line in q.prompt.splitlines()]
    assert [line for line in lines if line.endswith("of the state's area, the survey said.")
            and "Lake cover" not in line]
    seven = {"1 only", "2 only", "3 only", "1 and 2 only", "2 and 3 only", "1 and 3 only",
             "1, 2 and 3"}
    for q in sets:
        assert q.answer not in ("Both 1 and 2", "1, 2 and 3")  # one statement is changed
        if "3. " in q.prompt:
            assert q.answer in q.choices and set(q.choices) <= seven and len(q.choices) == 4
            sizes = {c.count(" and ") + (", " in c) + 1 for c in q.choices}
            assert {1, 2} <= sizes, q.choices  # the choices do not tell how many are true


def test_a_body_the_headline_names_by_its_initials_is_never_the_blank():
    text = ("Sikkim HC Upholds Ban On Plastic Near Lakes\n\n"
            "The High Court on 3 March 2025 upheld the state's ban on plastic within 500 metres"
            " of its lakes.\n"
            "The bench of the High Court said that the ban served the public interest in"
            " clean water.\n")
    assert "High Court" not in answers(text)


def test_a_capital_standing_for_the_storys_own_country_is_never_the_blank():
    text = ("Bhutan Talks Stall\n\n"
            "Bhutan and Nepal met in Kathmandu on 3 March 2025 to talk about the river.\n"
            "Bhutan wants a joint survey, and Bhutan's envoy said so at the talks.\n"
            "Nepal said Bhutan had not shared its data, and Bhutan denied it.\n"
            "Officials said that Thimphu had made little headway on its commitments.\n"
            "Bhutan will host the next round of talks.\n")
    assert "Thimphu" not in answers(text)


def test_a_match_of_people_and_offices_leaves_out_heads_of_government():
    text = STORY + (
        "Bhutan's Prime Minister Asha Verma opened the wetland summit in Thimphu.\n"
        "Foreign Secretary Ravi Menon said the summit would end on 4 March 2025.\n"
        "National Security Adviser Tenzin Dorji said the border lakes were safe.\n"
        "Press Secretary Karma Wangdi said that 40 countries had sent delegates.\n")
    [match] = [q for q in kept(text) if q.prompt.startswith("Match List I")]
    assert "Asha Verma" not in match.prompt and "Prime Minister" not in match.prompt
    assert all(name in match.prompt for name in ("Ravi Menon", "Tenzin Dorji", "Karma Wangdi"))


def test_a_peoples_name_is_never_the_blank():
    text = STORY + ("The envoy said the talks could not make the Costa Ricans give up "
                    "the lake survey of 2024.\n")
    assert "Costa Ricans" not in answers(text)


def test_the_two_parties_a_story_is_about_are_never_the_blank():
    text = ("Bhutan Talks Stall\n\n"
            "Bhutan and Nepal met in Kathmandu on 3 March 2025 to talk about the river.\n"
            "Bhutan wants a joint survey, and Nepal's envoy said so at the talks.\n"
            "Nepal said Bhutan had not shared its data, and Bhutan denied it.\n"
            "Nepal will host the next round, Nepal's foreign office said.\n"
            "The talks will set the terms of the relationship between Bhutan and Nepal.\n")
    assert "Bhutan and Nepal" not in answers(text)


def test_a_name_the_story_says_again_with_the_same_words_is_never_the_blank():
    once = STORY + ("The survey was funded by the Wetlands and Lakes Authority of the state"
                    " in 2024.\n")
    twice = once + ("A second survey will also be funded by the Wetlands and Lakes Authority"
                    " in 2026.\n")
    assert "Wetlands and Lakes Authority" in answers(once)
    assert "Wetlands and Lakes Authority" not in answers(twice)


def test_quoted_praise_of_a_noun_is_never_the_blank_but_a_quoted_name_is():
    text = STORY + ('The envoy said the minister had sent a "very warm, very cordial" letter on '
                    'the lakes in 2024.\n'
                    'The Tribunal set up the “lakes and rivers” fund in 2024 for the survey.\n')
    found = answers(text)
    assert "very warm, very cordial" not in found
    assert "lakes and rivers" in found


def test_a_quotation_cut_by_the_sentences_end_is_closed_there():
    text = STORY + ('Dr Asha Verma said, "The lakes above 4,000 metres have shrunk by 18% since '
                    '2014. They are fed by glaciers that retreat each year, and the villages '
                    'below them depend on their water for drinking, for their fields and for the '
                    'small mills that grind their grain through the long winter months."\n')
    shown = [q.prompt for q in kept(text) if "4,000 metres" in q.prompt and "18%" in q.prompt]
    assert shown and all(p.endswith("since _____.’”") or p.endswith("since 2014.’”")
                         for p in shown), shown


def test_an_abbreviation_blanked_with_its_name_takes_the_comma_after_it():
    text = STORY + ("The survey projected the real gross wetland product, or GWP, growth for "
                    "the state at 7% in 2025.\n")
    blanks = [q.prompt for q in kept(text) if q.answer == "gross wetland product"]
    assert blanks and all("real _____ growth" in p for p in blanks), blanks


def test_a_sentence_that_is_all_quotation_is_shown_in_one_pair_of_marks():
    text = STORY + ("“To keep the lakes alive, I propose to extend the survey to 31 March "
                    "2026,” the minister said.\n")
    shown = [q.prompt for q in kept(text) if "keep the lakes alive" in q.prompt]
    assert shown and all(p.count("“") == 1 for p in shown), shown


def test_a_court_or_a_law_accepts_no_initials_the_story_never_writes():
    text = STORY + ("The Sikkim High Court upheld the Lake Conservation Amendment Bill on "
                    "4 March 2025 after a long hearing.\n")
    for q in kept(text):
        assert "SHC" not in q.accept and "LCAB" not in q.accept, q.accept


def test_a_year_is_offered_beside_years_near_it_not_the_storys_far_ones():
    text = STORY + ("The survey of 2019 and the survey of 2021 found fewer lakes than in 2020.\n"
                    "The wetland census was first held in 1994 by the Tribunal's board.\n")
    [question] = [q for q in kept(text) if q.answer == "1994"]
    assert all(abs(int(c) - 1994) <= 10 for c in question.choices), question.choices


def test_a_temperature_is_offered_beside_near_temperatures():
    from quizcli.making.figures import figure_choices

    choices = figure_choices("40 °C", "seed", n=4)
    assert choices and all(30 <= int(c.split()[0]) <= 50 for c in choices), choices


def test_a_city_that_is_part_of_a_greater_one_is_offered_beside_no_city():
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    assert {"Sakai", "Higashiosaka"} <= table.suburbs  # beside Osaka
    assert "Tokyo" not in table.suburbs
    for city in ("Osaka", "Nagoya", "Karachi"):
        assert not set(table.alike(city)) & table.suburbs


def test_a_stance_on_it_names_what_it_is():
    text = STORY + ("Minister Asha Verma told the House that when the bill was being drafted, "
                    "Chief Minister Ravi Menon had suggested to send it to a select committee.\n"
                    "Governor Tenzin Dorji said the lakes would be counted by 2026.\n"
                    "Mayor Karma Wangdi said that 40 teams had been formed.\n")
    prompts = [q.prompt for q in kept(text) if q.prompt.startswith("Who suggested")]
    assert prompts and all("send the bill to" in p for p in prompts), prompts


def test_some_examples_of_a_longer_list_are_never_the_blank_but_a_pair_is_asked_either_way():
    longer = STORY + ("Artisans who practise one of 18 trades – such as boat making, weaving"
                      " and pottery – may join the wetland scheme of 2024.\n")
    assert "boat making, weaving and pottery" not in answers(longer)
    pair = STORY + ("The Tribunal backs two kinds of research, including lake mapping and "
                    "water sampling, in the hills since 2019.\n")
    found = {q.answer: q for q in kept(pair)}
    assert "water sampling and lake mapping" in found["lake mapping and water sampling"].accept


def test_the_fourth_one_is_shown_with_the_sentence_it_counts_on():
    text = STORY + ("Three of the four crane species are found in Sikkim, namely the Sarus "
                    "Crane, the Demoiselle Crane and the Common Crane.\n"
                    "The fourth one Hooded Crane is a winter visitor to the lakes.\n")
    shown = [q.prompt for q in kept(text) if "winter visitor" in q.prompt]
    assert shown and all("Three of the four crane species" in p for p in shown), shown


def test_an_abbreviation_accepts_what_an_about_heading_calls_it():
    text = ("Wetlands Survey\n\nAbout Lake Survey Report:\n\n"
            "The LSR is a report released by the Tribunal that reviews the lakes of the state "
            "every two years.\n")
    typed = [q for q in kept(text) if q.answer == "LSR"]
    assert typed and "Lake Survey Report" in typed[0].accept


def test_a_stance_on_the_expression_shows_the_sentence_it_leans_on():
    text = ("Border Talks Stall\n\nAlso, the two sides agreed on the phrase “a lasting peace” "
            "in the joint statement signed at Thimphu last spring.\n\n"
            "Nepal insists that the expression must include the withdrawal of every foreign "
            "soldier from the valley.\n\n"
            "Bhutan said that the statement was a first step towards an open border.\n")
    asked = [q for q in kept(text) if "party insists that the expression" in q.prompt]
    assert asked, [q.prompt for q in kept(text)]
    for question in asked:
        assert question.prompt.startswith("The two sides agreed on the phrase “a lasting peace”")


def test_the_title_of_an_explainer_is_not_asked_as_what_its_definition_defines():
    text = ("Cold Wave\n\nA cold wave is a spell of days when the air stays far colder than "
            "normal for the season.\n\nIf the temperature falls 4.5 °C below normal, it is "
            "called a cold wave by the Meteorological Department.\n\nThe Department issued "
            "alerts for 14 districts of Sikkim on 3 January 2025.\n")
    assert "cold wave" not in {answer.casefold() for answer in answers(text)}
    assert answers(text)  # the rest of the explainer is asked


def test_the_year_a_figure_is_of_is_not_asked_but_a_target_year_is():
    text = STORY + ("Between 1998 and 2024, flood days in Sikkim have gone up 12 times, the "
                    "Tribunal said.\n\nIn 2023, only $2.1 billion was spent on wetlands, far "
                    "below the $9 billion target for 2029.\n")
    asked = answers(text)
    assert "1998" not in asked and "2023" not in asked
    assert "2029" in asked


@pytest.mark.parametrize(("sentence", "never"), [
    # the rest of a name that opens with "The"
    ("The tool was found on a beach near The Hague by a team from Sikkim.", "Hague"),
    # the country of the city just named
    ("Asha Verma, an astronomer at the Hill Institute in Osaka, Japan, led the survey.",
     "Japan"),
    # a bare title or kind of body, perhaps ranked
    ("The Gangtok council must elect a Mayor and Deputy Mayor within a month of the census.",
     "Mayor and Deputy Mayor"),
    ("The census was cleared by the Joint Committee of the Tribunal after a debate in Gangtok.",
     "Joint Committee"),
    # where a change started, and a count of the others
    ("Forest cover in Sikkim rose from 3,200 hectares in 2015 to 4,100 hectares in 2024.",
     "3,200 hectares"),
    ("Floods killed nine people and injured 30 others in the north of Sikkim in June 2024.", "30"),
    # one place of a list
    ("Bhutan, Nepal, the Maldives and Myanmar signed the pact on wetlands in Gangtok in 2024.",
     "Nepal"),
])
def test_half_a_place_a_bare_title_or_a_side_figure_is_not_asked(sentence, never):
    assert never not in answers(STORY + sentence + "\n")


def test_a_month_the_sentence_gives_is_no_wrong_choice():
    text = STORY + "In August and September, the Tribunal heard 40 petitions on wetlands.\n"
    for question in kept(text):
        if question.prompt.startswith("Which date") and "_____ and September" in question.prompt:
            assert "September" not in question.choices, question.choices
        if question.prompt.startswith("Which date") and "August and _____" in question.prompt:
            assert "August" not in question.choices, question.choices


def test_a_sentence_opening_on_that_shows_the_one_before():
    text = STORY + ("Coal use in Sikkim has fallen for ten years.\n"
                    "And that trend continued through last year, as coal use slid 18 percent.\n")
    [question] = [q for q in kept(text) if q.answer == "18 percent"]
    assert question.prompt.count("Coal use in Sikkim has fallen for ten years.") == 1


def test_one_year_sits_beside_two_years():
    from quizcli.making.figures import figure_choices

    assert all(choice.endswith("years") for choice in figure_choices("one year", "seed", n=3))


def test_an_event_of_a_days_possessive_keeps_its_noun():
    text = STORY + ("The Tribunal first met on 2 January 2025.\n"
                    "She won 8.1 lakh votes in March 2024’s election in Sikkim, the most ever.\n"
                    "The census began on 10 February 2025 in Gangtok.\n")
    [question] = [q for q in made(text, dt.date(2025, 3, 14)) if q.prompt.startswith("Arrange")]
    assert "votes in the election in Sikkim" in question.prompt


def test_an_ordinal_in_words_is_accepted_in_figures():
    from quizcli.making.questions.wording import other_spellings

    text = ("The Constitution (One Hundred and Sixth Amendment) Act, 2023 reserved seats.")
    forms = other_spellings("Constitution (One Hundred and Sixth Amendment) Act", text)
    assert "Constitution (106th Amendment) Act" in forms


def test_a_threshold_lowered_from_a_figure_to_another_is_asked_with_choices_it_allows():
    text = STORY + "The board has lowered the age threshold from 65 to 60 for the bus scheme.\n"
    for question in kept(text):
        if "from _____ to 60" in question.prompt:
            assert all(float(c) > 60 for c in question.choices), question.choices
        if "from 65 to _____" in question.prompt:
            assert all(float(c) < 65 for c in question.choices), question.choices


def test_a_name_the_story_never_shows_to_be_a_person_is_no_wrong_answer_for_who():
    text = STORY + ("Asha Verma, the Tribunal's chair, said the census would take a year.\n"
                    "Ravi Menon, a member, said the wetlands of Sikkim were shrinking fast.\n"
                    "Nima Lama, the secretary, said 40 lakes had dried up since 2010.\n"
                    "The wines Lepcha Dorje and Pinot Madeleine came from Gangtok.\n")
    asked = [q for q in kept(text) if q.prompt.startswith("Who")]
    assert asked
    for question in asked:
        assert not {"Pinot Madeleine", "Lepcha Dorje"} & set(question.choices), question.choices


def test_a_head_of_state_is_asked_beside_office_holders_only():
    text = STORY + SPEAKERS + ("Karma Dorje said the report took a veiled shot at Nepal's "
                               "President Sita Rai.\n")
    for question in kept(text):
        if "President _____" in question.prompt:
            assert not {"Ravi Menon", "Nima Lama", "Karma Dorje"} & set(question.choices)


def test_a_date_in_an_aside_does_not_date_the_sentences_event():
    text = STORY + ("The Tribunal first met on 2 January 2025.\n"
                    "The board lowered the age limit for the bus pass, something it had refused "
                    "to do in October 2024.\n"
                    "The census began on 10 February 2025 in Gangtok.\n"
                    "The survey of lakes ended on 1 March 2025.\n")
    for question in kept(text):
        if question.prompt.startswith("Arrange"):
            assert "lowered the age limit" not in question.prompt, question.prompt


def test_an_index_value_is_offered_beside_near_values():
    from quizcli.making.figures import figure_choices

    choices = figure_choices("0.957", "seed")
    assert len(choices) == 3
    assert all(abs(float(c) - 0.957) <= 0.05 and float(c) < 1 for c in choices), choices


def test_a_place_the_shown_context_names_is_no_wrong_choice():
    from quizcli.making.distractors import place_choices

    pools = Pools(places=("Goa", "Odisha", "Bihar", "Sikkim", "Haryana", "Telangana"))
    context = "The law is in force in parts of Goa, Odisha and Bihar."
    choices = place_choices("Haryana", pools, "seed", sentence="It was lifted in _____ in 2015.",
                            context=context)
    assert len(choices) == 3
    assert not {"Goa", "Odisha", "Bihar"} & set(choices), choices


def test_a_case_is_accepted_by_its_first_party_and_a_hedged_figure_without_its_hedge():
    from quizcli.making.questions.figure import spelled_numbers
    from quizcli.making.questions.wording import other_spellings

    text = STORY + ("The bench revisited the principles of the 2004 judgment in Ravi Menon v. "
                    "Union of India, which had ruled against quotas within quotas.\n")
    [question] = [q for q in kept(text) if q.answer == "Ravi Menon v. Union of India"]
    assert "Ravi Menon" in question.accept
    assert {"over a year", "a year"} <= set(other_spellings("more than a year"))
    assert "more than 500 pilgrims" in spelled_numbers("over 500 pilgrims")
    assert not other_spellings("Some Person")


def test_an_english_word_in_ise_keeps_its_spelling():
    from quizcli.making.questions.wording import other_spellings

    assert "organize the poll" in other_spellings("organise the poll")
    for word in ("alarming rise of rents", "exercise", "precise", "supervise", "surprise"):
        assert not any("ize" in form for form in other_spellings(word)), word


@pytest.mark.parametrize(("sentence", "never"), [
    # where a quoted scientist works, and the town of it
    ("“The survey is a first,” says Asha Verma, an astronomer at the Hill Institute of Sikkim"
     " in Gangtok, who led the count of 40 lakes.", "Gangtok"),
    ("“The lakes are shrinking,” says Ravi Menon, who studies glaciers at the Himalayan "
     "Glacier Institute, which runs 12 stations.", "Himalayan Glacier Institute"),
    # the paper someone spoke to
    ("“The lakes will not come back,” the warden Nima Lama told Kathmandu Post.",
     "Kathmandu Post"),
    # the city officials spoke in
    ("Citing the Tribunal, officials in Gangtok said that 40 lakes had dried up since 2010.",
     "Gangtok"),
    # a name that only qualifies the noun after it, or half of a compound
    ("The lakes are named after Nepali-French botanist Karma Dorje, who surveyed them in 1890.",
     "Nepali-French"),
    ("Under the Chief Minister Asha Verma-led government, 40 lakes were restored in 2024.",
     "Asha Verma"),
    # the number of a name, and the rest of a name in brackets
    ("The Group of 77 developing nations welcomed the census of wetlands at their summit in "
     "Gangtok on Saturday.", "77"),
    ("Rule 8 (Tribunal Rules) mandates the chair to fix the date of the census.",
     "Tribunal Rules"),
])
def test_where_someone_works_or_spoke_and_half_a_name_are_not_asked(sentence, never):
    assert never not in answers(STORY + sentence + "\n")


def test_a_remark_that_names_nothing_is_no_who_said_question():
    text = STORY + ("“This is very exciting news,” said Asha Verma, the Tribunal's chair.\n"
                    "“Sikkim has lost 40 lakes since 2010,” said Ravi Menon, a member.\n"
                    "Nima Lama said the census would cost Rs 12 crore.\n")
    said = [q for q in kept(text) if q.prompt.startswith("Who said")]
    assert said
    assert not any("exciting" in q.prompt for q in said)


def test_a_remark_is_put_to_the_others_who_speak_first():
    text = STORY + SPEAKERS + ("Karma Dorje took a veiled shot at Nepal's President Sita Rai.\n"
                               "Dawa Sherpa said the report would be out in June.\n")
    said = [q for q in kept(text) if q.prompt.startswith("Who said")]
    assert said
    for question in said:
        assert "Sita Rai" not in question.choices, question.choices


def test_a_role_before_a_place_name_opens_a_persons_name():
    from quizcli.reading.entities import read_mentions

    _, [found] = read_mentions(["The film's director Madison Lee said the lakes had shrunk."])
    assert ("person", "Madison Lee") in [(m.kind, m.value) for m in found]


def test_the_speaker_of_a_remark_is_asked_by_who_said_not_by_a_blank():
    text = STORY + ("District Collector Asha Verma said that 40 lakes had dried up since 2010.\n"
                    "Ravi Menon said the wetlands of Sikkim were shrinking fast.\n"
                    "A spokesperson for the Himalayan Lakes Authority said 12 lakes were saved.\n")
    questions = kept(text)
    assert not any("Collector _____ said" in q.prompt for q in questions)
    assert any(q.prompt.startswith("Who said") and q.answer == "Asha Verma" for q in questions)
    assert "Himalayan Lakes Authority" in {q.answer for q in questions}


def test_reported_words_run_on_after_that_in_lower_case():
    text = STORY + ("Although it costs less than other dams, the Teesta dam will store the most "
                    "water in Sikkim, says Asha Verma.\n"
                    "Ravi Menon said the wetlands of Sikkim were shrinking fast.\n"
                    "Nima Lama said 40 lakes had dried up since 2010.\n")
    said = [q for q in kept(text) if q.answer == "Asha Verma" and q.prompt.startswith("Who")]
    assert said
    assert all("that Although" not in q.prompt for q in said)
    assert any("that although it costs less" in q.prompt for q in said)


def test_a_judgement_after_is_a_is_no_definition():
    text = STORY + ("Cleaning the lakes is a great first step to saving the wetlands of Sikkim.\n"
                    "It’s true that the census is a welcome government policy for the lakes.\n"
                    "The Lepcha marten is a nocturnal forest mammal found only in Sikkim.\n")
    asked = answers(text)
    assert not {"great first step", "welcome government policy"} & asked
    assert "nocturnal forest mammal" in asked


def test_a_peoples_possessive_keeps_its_apostrophe_alone():
    text = STORY + ("The Tribunal aligned Gangtokers’ fear of floods with the census of lakes "
                    "across Sikkim.\n")
    blanks = [q.prompt for q in kept(text) if q.answer == "Gangtokers"]
    assert blanks and all("_____’ fear" in p for p in blanks), blanks


def test_what_a_change_came_to_and_a_named_body_are_still_asked():
    asked = answers(STORY + "Forest cover in Sikkim rose from 3,200 hectares in 2015 to 4,100 "
                            "hectares in 2024.\nThe census was cleared by the Himalayan Lakes "
                            "Authority after a debate in Gangtok.\n")
    assert {"4,100 hectares", "Himalayan Lakes Authority"} <= asked


def test_a_place_in_the_possessive_is_not_asked_where():
    text = STORY + "The report of the Tribunal did not mention Nepal's claim to the lakes.\n"
    assert not any("_____'s claim" in q.prompt for q in kept(text))


def test_an_event_after_is_the_is_no_definition():
    text = STORY + "The ongoing census is the first since a decision of the Tribunal in May.\n"
    assert "ongoing census" not in answers(text)


def test_a_body_is_offered_bodies_of_its_head_word_as_wrong_choices():
    from quizcli.making.distractors import party_choices

    pools = Pools(parties=("Election Commission", "Sikkim Assembly", "Finance Commission"),
                  other_parties=("Himalayan Lakes Authority", "Law Commission", "Nepal",
                                 "Sikkim Lakes Commission"))
    wrong = party_choices("Election Commission", pools, "seed")
    assert sorted(wrong) == ["Finance Commission", "Law Commission", "Sikkim Lakes Commission"]


def test_a_figure_in_brackets_is_never_the_changed_one_of_a_statement():
    text = STORY + ("Net emissions of Sikkim (8 tonnes a head) were 34 per cent below the "
                    "average of the states in 2023.\n"
                    "The state spent Rs 120 crore on the lakes of Sikkim in the year 2024.\n"
                    "The forest cover of Sikkim grew by 4.2 per cent over the decade to 2024.\n")
    sets = [q for q in made(text) if q.prompt.startswith("Consider the following")]
    assert sets
    for question in sets:
        assert "(8 tonnes a head)" in question.prompt or "tonnes" not in question.prompt


def test_an_adjective_before_a_common_noun_names_no_person():
    from quizcli.reading.entities import read_mentions

    _, [found] = read_mentions(["The lakes are studied under Hydrological Science, said "
                                "Asha Verma."])
    people = {m.value for m in found if m.kind == "person"}
    assert "Hydrological Science" not in people
    assert "Asha Verma" in people


def test_a_date_or_figure_in_an_aside_is_not_asked():
    text = STORY + ("The lake survey of Sikkim (finished in June 2024) counted 40 lakes in "
                    "all across the state.\n")
    asked = kept(text)
    assert "40" in {q.answer for q in asked}
    assert not any("(finished in _____)" in q.prompt for q in asked)


def test_a_labelled_date_is_asked_of_the_article_it_dates():
    text = ("State of Sikkim v Ravi Menon\n\nDate of Notification: 3rd March, 2025\n\n"
            "The Sikkim High Court ruled that the census of lakes must finish by 2026.\n"
            "The court said 40 lakes had dried up since 2010.\n")
    prompts = [q.prompt for q in kept(text) if q.answer == "3 March 2025"]
    assert prompts == ["What is the date of notification of “State of Sikkim v Ravi Menon”?"]


def test_what_a_term_means_is_asked_of_the_term():
    text = STORY + ("Under the new rules, “lakeshore” will now mean any land within 50 metres "
                    "of a lake.\n")
    blanks = [q.prompt for q in kept(text) if q.answer == "lakeshore"]
    assert blanks and all("“_____” will now mean any land" in p for p in blanks), blanks


def test_a_plural_common_word_and_a_start_in_rupees_are_not_asked():
    text = STORY + ("The wages paid to lake workers vary widely across States in 2024.\n"
                    "The workers will get a wage hike from Rs. 130 to Rs. 340 a day.\n")
    asked = answers(text)
    assert "Rs. 340" in asked
    assert not {"States", "Rs. 130"} & asked
    # a name that ends as a plural does ("Gang" is a word) is still a name
    assert "Ganges" in answers(STORY + "Red pandas live in most of Sikkim north of the Ganges, "
                                       "far from the lakes.\n")


def test_a_species_entry_is_read_under_its_names():
    text = ("Mammals of Sikkim\n\n(i) Snow Leopard (Panthera uncia)\n\n"
            " • It is found in the alpine zone of Sikkim above 3,000 metres.\n"
            " • It was declared the state animal of Sikkim in 2015.\n\n"
            "(ii) Red Panda (Ailurus fulgens)\n\n"
            " • It lives in the temperate forests of Sikkim and Bhutan.\n")
    prompts = [q.prompt for q in kept(text)]
    assert prompts
    assert not any("(_____" in p or "Panthera uncia)" in p and "About" not in p
                   for p in prompts), prompts
    assert any("About Snow Leopard (Panthera uncia): It" in p for p in prompts), prompts


def test_a_rank_the_headline_states_is_asked_and_a_named_day_is_dated():
    text = ("Sikkim stays at 4th place in the Lake Health Index 2024\n\n"
            "Sikkim has retained its 4th position among 28 states in the Lake Health Index 2024.\n"
            "On the occasion of Lake Day (25th December), the Tribunal released the Lake Health "
            "Index 2024.\n")
    questions = kept(text, dt.date(2024, 12, 26))
    assert "4th" in {q.answer for q in questions}
    [day] = [q for q in questions if q.answer == "25 December"]
    assert len(day.choices) == 4


def test_a_ministry_named_by_its_subjects_is_one_name():
    text = STORY + ("The census was prepared by the Ministry of Lakes, Rivers and Wetlands for the "
                    "Tribunal.\n")
    assert "Ministry of Lakes, Rivers and Wetlands" in answers(text)


def test_a_question_in_the_text_an_honorific_and_an_emphatic_word_are_not_asked():
    text = STORY + ("The case raised a debate: Can the Tribunal close the lakes of Sikkim?\n"
                    "Honourable Tribunal held that its orders are NOT binding on the state.\n")
    asked = answers(text)
    assert not {"Can the Tribunal", "NOT", "Honourable Tribunal"} & asked


def test_reported_words_after_where_they_were_said_and_a_plural_noun_that_is_no_verb():
    text = STORY + ("Nepal's foreign ministry said in a joint statement issued after talks "
                    "between the two sides that 12 lakes would be restored by 2026.\n"
                    "One of the projects brings clean water to the lakes of the northern states.\n"
                    "Prime Minister Asha Verma met her counterpart Sheikh Nima on Monday.\n"
                    "In her remarks, Nima said that ties between Nepal and Sikkim were on an "
                    "upswing.\n")
    said = [q for q in kept(text) if re.match(r"(?:Who|Which \w+) (?:said|says)", q.prompt)]
    prompts = " ".join(q.prompt for q in said)
    assert "that 12 lakes would be restored" in prompts
    assert "in a joint statement" not in prompts and "northern" not in {q.answer for q in said}
    article = read_article(text, "story.txt", dt.date(2025, 3, 14))
    speakers = {f.answer for f in default_extractor().extract(article, "story")
                if f.kind.value == "quote"}
    assert speakers == {"Nepal", "Nima"}  # "Sheikh Nima" is Nima when named alone


def test_an_opening_phrase_before_it_shows_what_it_is():
    text = ("Red pandas of Sikkim\n\nAbout Red Panda:\n\n"
            " • Also known as the lesser panda, it is found in the forests of Sikkim at 2,500 "
            "metres and more.\n"
            " • If the snow is deep, it is called a hard winter for the pandas.\n")
    prompts = [q.prompt for q in kept(text)]
    shown = [p for p in prompts if "Also known as" in p]
    assert shown and all("About Red Panda: Also known as" in p for p in shown), prompts


def test_a_hedged_figure_is_never_changed_in_a_statement():
    text = STORY + ("Red pandas were seen in over 48% of the forests of Sikkim in the year 2024.\n"
                    "The state spent Rs 120 crore on the lakes of Sikkim in the year 2024.\n"
                    "The forest cover of Sikkim grew by 4.2 per cent over the decade to 2024.\n")
    sets = [q for q in made(text) if q.prompt.startswith("Consider the following")]
    assert sets
    assert not any("over" in line and "% of the forests" in line and "48%" not in line
                   for q in sets for line in q.prompt.splitlines())
    assert not any("48% of the forests" in q.prompt for q in sets)


def test_only_opens_no_name_and_a_count_of_the_list_after_it_is_not_asked():
    text = STORY + ("Only Nepal (25% of the lakes) and Bhutan (11%) counted more lakes than "
                    "Sikkim in 2024.\n"
                    "The census was first run in 2019 in three states: Goa, Bihar and Odisha.\n")
    asked = answers(text)
    assert "Only Nepal" not in asked
    assert "three" not in asked


def test_a_fact_box_line_is_asked_of_its_section_and_a_state_after_its_town_is_not():
    text = STORY + ("\nAbout Lake Authority of Sikkim (LAS):\nFormed– 1961\n"
                    "Headquarters– Gangtok, Sikkim\n")
    questions = kept(text)
    formed = [q for q in questions if q.answer == "1961"]
    assert formed and "About Lake Authority of Sikkim (LAS): Formed: _____" in formed[0].prompt
    assert "Sikkim" not in {q.answer for q in questions if "Headquarters" in q.prompt}


@pytest.mark.parametrize(("dateline", "asked"), [("Gangtok, Mar 14 (PTI) ", True), ("", False)])
def test_the_storys_own_day_is_asked_only_where_its_text_dates_it(dateline, asked):
    text = (f"Lake census ordered\n\n{dateline}The Tribunal on Friday ordered a census of the "
            "wetlands of Sikkim and of its 40 lakes.\n")
    days = [q for q in kept(text) if q.answer == "14 March 2025"]
    assert bool(days) is asked
    assert all(len(q.choices) == 4 and "in a story of" not in q.prompt for q in days)


def test_a_minister_the_story_is_about_is_still_asked_and_so_is_a_lone_speaker():
    text = ("Lakes plan of Forest Minister Verma\n\n"
            "Forest Minister Asha Verma said on Monday that 40 lakes of Sikkim had dried up.\n"
            "Verma said the census would cover every district of the state.\n"
            "Verma also opened a lake office in Gangtok.\n")
    assert any(q.answer == "Asha Verma" and "Forest Minister _____" in q.prompt
               for q in kept(text))


def test_a_count_is_asked_without_the_list_that_counts_it_off():
    text = STORY + ("The new census of the state has three parts — Lakes and Rivers, Marshes "
                    "and Bogs, and Glaciers of the high mountains.\n"
                    "It will be run in 278 villages of five districts namely Gangtok, Namchi, "
                    "Mangan, Gyalshing, Pakyong.\n")
    questions = kept(text)
    three = [q for q in questions if q.answer == "three"]
    assert three and all("Marshes" not in q.prompt for q in three)
    assert not any(q.answer.count(",") >= 4 for q in questions)


def test_a_figure_that_is_its_brackets_whole_is_asked_but_not_one_of_a_list_of_them():
    text = STORY + ("Sikkim has the most lakes of the northern states (16 lakes) followed by "
                    "Nepal (10 lakes).\n"
                    "The lakes grew in Gangtok (12.5%), Namchi (9.2%), Mangan (4.1%) and "
                    "Pakyong (2.8%) over the year.\n")
    asked = answers(text)
    assert "16" in asked
    assert not {"12.5%", "9.2%", "4.1%", "2.8%"} & asked


def test_a_bare_title_is_asked_where_the_sentence_says_what_the_office_may_do():
    text = STORY + ("The Lakes Bill was passed by both Houses on Friday after a long debate.\n"
                    "The Bill will now be sent to the President for her assent.\n")
    assert "President" in answers(text)


def test_a_rank_after_a_place_in_the_headline_is_asked():
    text = ("Lake index: Sikkim 4th among 28 states\n\n"
            "Sikkim has been ranked 4th among 28 states in the Lake Health Index 2024.\n"
            "The Tribunal released the index in Gangtok on 3 March 2025.\n")
    assert "4th" in answers(text)


def test_what_a_rate_is_per_is_not_asked_and_an_old_date_gets_no_new_choices():
    text = STORY + ("Banks now pay a premium of 12 paise per Rs 100 of deposits to the Authority.\n"
                    "The Lake Authority of Sikkim was formed on 1 April 1935 in Gangtok.\n")
    questions = kept(text)
    assert "Rs 100" not in {q.answer for q in questions}
    [formed] = [q for q in questions if q.answer == "1 April 1935"]
    assert all(abs(int(choice[-4:]) - 1935) <= 5 for choice in formed.choices), formed.choices


def test_a_total_is_asked_without_the_parts_that_add_it_up():
    text = STORY + ("The scheme gives loans of up to Rs 3 lakh in two stages – Rs 1 lakh followed "
                    "by Rs 2 lakh – at an interest rate of 5 per cent.\n")
    [total] = [q for q in kept(text) if q.answer == "Rs 3 lakh"]
    assert "Rs 1 lakh" not in total.prompt


def test_a_low_ordinal_is_offered_no_far_later_one():
    from quizcli.making.figures import figure_choices

    for seed in range(20):
        assert set(figure_choices("second", f"q{seed}")) <= {"first", "third", "fourth"}
        assert set(figure_choices("2nd", f"q{seed}")) <= {"1st", "3rd", "4th"}


def test_statements_on_figures_asked_alone_are_not_kept():
    """'Consider the following statements' on figures that cards of their own ask already
    tests the same facts again; the builder still makes it, the gate drops it."""
    assert statement_sets(FIGURES)
    asked = kept(FIGURES)
    assert not [q for q in asked if q.prompt.startswith("Consider the following statements")]
    assert {"4.2%", "Rs 40 crore", "61"} <= {q.answer for q in asked}


def test_events_without_their_year_are_not_put_in_order():
    dated = STORY + ("The Tribunal first met on 2 January 2025.\n"
                     "The census began on 10 February 2025 in Gangtok.\n"
                     "The lake board was set up in March 2024 in Sikkim.\n")
    undated = STORY + ("The Tribunal first met in January.\n"
                       "The census began on Friday in Gangtok.\n"
                       "The lake board was set up in February in Sikkim.\n")
    assert [q for q in made(dated) if q.prompt.startswith("Arrange")]
    assert not [q for q in made(undated) if q.prompt.startswith("Arrange")]


def test_one_name_of_a_long_list_is_never_the_blank():
    text = STORY + ("Some of these include Gangtok (103), Namchi (103), Mangan (105), "
                    "Gyalshing (106), Pakyong (106) and Soreng (116).\n")
    assert not [q for q in kept(text) if "(103)" in q.prompt]


def test_a_titles_subjects_are_no_list_of_names():
    text = STORY + ("The Union Minister of Lakes, Rivers, and Hill Areas, Nima Tshering, "
                    "opened it.\n")
    assert "Nima Tshering" in {q.answer for q in kept(text)}


def test_a_share_in_words_has_other_shares_for_choices():
    from quizcli.making.figures import figure_choices

    assert set(figure_choices("one-third", "seed", n=3)) <= {
        "one-half", "two-thirds", "one-fourth", "three-fourths", "one-fifth"}


def test_a_pronoun_under_another_heading_stands_for_the_named_subject_of_the_explainer():
    text = ("Sikkim Lakes Bill\n\nObjective:\n- To protect the high lakes of Sikkim\n"
            "Effect:\n- It will take the number of protected lakes in Sikkim to 181.\n")
    shown = [q.prompt for q in kept(text) if q.answer == "181"]
    assert shown and all("About Sikkim Lakes Bill: It will take" in p for p in shown)
    assert not any("To protect the high lakes of Sikkim It" in q.prompt for q in made(text))


def test_what_is_announced_is_asked_as_the_verbs_object():
    text = ("Sikkim banks to merge\n\n"
            "Finance Minister Asha Verma on Friday announced a mega consolidation plan for "
            "state banks, with Sikkim Bank, Gangtok Bank and Namchi Bank getting merged.\n"
            "Verma said that the merger would make it the fifth largest bank of the state.\n"
            "Bank chief Ravi Menon said that the staff would keep their jobs after the merger.\n"
            "Nima Tshering, the Opposition leader, said the plan had come too late for Sikkim.\n")
    prompts = [q.prompt for q in made(text) if q.prompt.startswith("Who ")]
    assert "Who announced a mega consolidation plan for state banks, with Sikkim Bank, " \
           "Gangtok Bank and Namchi Bank getting merged?" in prompts
    assert [p for p in prompts if p.startswith("Who said that")]  # a clause keeps its "that"


def test_an_ordinal_that_counting_the_ones_before_gives_is_not_asked():
    text = STORY + ("Sikkim became the fourth state, after Goa, Kerala, and Punjab, to count "
                    "its lakes by satellite.\n")
    assert "fourth" not in {q.answer for q in kept(text)}


def test_a_rank_has_no_wrong_choice_past_the_total_it_is_out_of():
    text = STORY + ("The Lake Index 2024 has ranked Sikkim at 101 positions out of a total "
                    "116 states.\n")
    [rank] = [q for q in kept(text) if q.answer == "101"]
    assert all(int(c) <= 116 for c in rank.choices)


def test_two_holders_of_one_sentence_are_two_questions():
    text = STORY + ("Chief Justice Asha Verma and Justice Ravi Menon wrote separate verdicts.\n"
                    "Nima Tshering, the Lakes Secretary, said the census would end in May.\n")
    holders = {q.answer for q in kept(text) if q.prompt.startswith("Who completes")}
    assert {"Asha Verma", "Ravi Menon"} <= holders


def test_a_weekdays_possessive_is_no_date_to_ask():
    text = STORY + "He did not mention Wednesday's flood that left the Teesta bridge shut.\n"
    assert not [q for q in made(text, dt.date(2025, 3, 14)) if "_____'s flood" in q.prompt]


def test_no_wrong_holder_whose_title_names_another_country():
    text = STORY + ("Nepali President Asha Verma opened the summit in Gangtok.\n"
                    "Bhutanese Prime Minister Ravi Menon spoke on the lakes.\n"
                    "Bangladeshi President Nima Tshering spoke on the rivers.\n"
                    "Maldivian President Tenzin Dorje spoke on the seas.\n")
    [question] = [q for q in kept(text) if q.answer == "Asha Verma"]
    assert not {"Ravi Menon", "Nima Tshering", "Tenzin Dorje"} & set(question.choices)


def test_a_day_in_a_sentence_that_names_its_year_has_no_wrong_day_of_another_year():
    text = STORY + ("The state began 2025 on a strong note by opening the Teesta bridge on "
                    "2 January 2025.\n")
    [question] = [q for q in kept(text) if q.answer == "2 January 2025"]
    assert all(c.endswith("2025") for c in question.choices)


def test_some_of_a_group_is_not_asked_as_if_it_were_the_whole():
    text = STORY + ("Nepal and Bhutan were among six countries invited on Thursday to join the "
                    "lake council of Sikkim.\n")
    assert "Nepal and Bhutan" not in {q.answer for q in kept(text)}


def test_a_speaker_whose_remark_names_nothing_is_asked_by_office_and_the_remark_never():
    text = STORY + ('"We have an exciting time ahead," Lakes Board Chairman Asha Verma said.\n'
                    '"The census will count 1,250 lakes by May," Ravi Menon said.\n')
    asked = kept(text)
    assert [q for q in asked if q.answer == "Asha Verma" and "Chairman _____" in q.prompt]
    assert not [q for q in asked if q.answer == "We have an exciting time ahead"]


def test_a_rank_has_no_wrong_choice_past_the_countries_the_index_covers():
    text = STORY + ("The Lake Index covers lakes across 180 countries.\n"
                    "Sikkim ranked 171 in the Lake Index this year, the report said.\n")
    for q in kept(text):
        if q.answer == "171":
            assert all(int(c) <= 180 for c in q.choices)


def test_a_figure_or_a_date_is_asked_once_but_a_place_may_answer_two_facts():
    story = ("Sikkim Counts Its Lakes\n\n"
             "Surveyors found six glacial lakes above Gangtok that had grown since 2015.\n"
             "The state's report said there were at least six lakes at risk of bursting.\n"
             "The survey began in 2015 after a flood near Gangtok.\n"
             "Gangtok is the capital of Sikkim and lies on a ridge.\n")
    asked = [q.answer for q in kept(story)]
    assert asked.count("six") == 1
    assert asked.count("2015") == 1
    assert asked.count("Gangtok") == 2


def test_a_sentence_with_a_stray_space_before_its_comma_is_not_shown():
    story = ("Banks Stay Sound\n\n"
             "Stress tests projects , Capital to Risk-weighted Assets Ratio (CRAR) at 14.8% in"
             " September 2024.\n"
             "The Reserve Bank of India released its Financial Stability Report on Monday.\n")
    assert not [q for q in kept(story) if " , " in q.prompt]


def test_a_speaker_is_asked_who_said_once_and_their_own_words_first():
    story = ("Port Talks Stall\n\n"
             "Asha Verma said that the port would open only after the dredging was done.\n"
             "“The Kandla port will not open until the dredging is finished and checked,”"
             " Asha Verma said.\n"
             "Ravi Menon said the fishermen of the coast had not been consulted.\n"
             "Nima Lama said 40 boats had been kept away from the harbour since 2010.\n")
    said = [q for q in kept(story) if q.prompt.startswith("Who said") and q.answer == "Asha Verma"]
    assert len(said) == 1 and "“" in said[0].prompt


def test_one_sentence_asks_one_question_of_each_answer():
    story = ("Harbour Safety Bill Passes\n\n" + SPEAKERS +
             "Minister Kiran Rao said that when the bill was being approved in the Cabinet,"
             " Chief Minister Leela Nair had suggested to send it to a select committee.\n")
    asked = [q for q in kept(story) if q.answer == "Leela Nair"]
    assert len(asked) == 1


def test_a_figure_given_in_brackets_in_passing_is_not_asked():
    story = ("Emissions Counted\n\n"
             "Nepal's net emissions (3 gigatonnes) are 21 per cent below its territorial"
             " emissions, according to the report.\n"
             "The report was released by the River Council on 3 March 2025.\n")
    answers_ = [q.answer for q in kept(story)]
    assert "21 per cent" in answers_ and "3 gigatonnes" not in answers_


@pytest.mark.parametrize("sentence", [
    "The Central government has extended the order for three months in parts of Sikkim.",
    "In a Facebook post, the collector said that five villages were closed.",
    "The 14th Coastal Zones Amendment Bill was introduced in the Assembly on Tuesday.",
])
def test_a_blank_that_many_words_would_complete_is_not_asked(sentence):
    blanked = {"Central", "Facebook", "Coastal Zones Amendment Bill"}
    assert not answers("Order Extended\n\n" + sentence + "\n") & blanked


def test_six_more_months_and_six_months_are_one_figure():
    story = ("Order Extended\n\n"
             "The state government has extended the ban for another four more months in"
             " parts of Sikkim.\n"
             "The ban had covered three lakes of Sikkim for a period of four months.\n")
    asked = [q.answer for q in kept(story)]
    assert sum(a in ("four more months", "four months") for a in asked) == 1


def test_who_read_out_a_list_of_names_is_not_asked_but_their_office_is():
    story = ("Villages Closed\n\n" + SPEAKERS +
             "District Collector Mira Das said that the villages closed included Arakkal,"
             " Bettada, Chirala, Devanur and Elavur.\n")
    asked = kept(story)
    assert not [q for q in asked if q.prompt.startswith("Who said") and q.answer == "Mira Das"]
    assert [q for q in asked if q.answer == "Mira Das" and "Collector _____" in q.prompt]


def test_a_countrys_constitution_is_no_blank():
    story = ("Quota Case\n\n"
             "The petition asked whether the new lake cess is valid under the Indian"
             " Constitution.\n"
             "The Supreme Court of India heard the case on 3 March 2025.\n")
    assert "Indian Constitution" not in answers(story)


def test_a_place_beside_its_date_is_one_event_asked_by_its_date():
    story = ("Order Lifted\n\n"
             "The order was lifted from Sikkim in 2015, and the council met in Gangtok on"
             " Monday to review it.\n"
             "The talks will be the first held since Lisbon in 2015, the council said.\n")
    asked = answers(story)
    assert "2015" in asked and not {"Sikkim", "Lisbon"} & asked


def test_what_a_count_counts_is_not_a_blank_of_its_own():
    story = ("Panel Named\n\n"
             "Panel of Wardens (Rule 12): The Mayor nominates up to 12 MLCs to preside"
             " if both Mayor and Deputy Mayor are absent.\n"
             "The Lakes Council adopted the rules on 3 March 2025.\n")
    assert "MLCs" not in answers(story)


def test_the_year_a_figure_is_for_is_asked_with_the_figure_not_alone():
    story = ("Deficit Target Set\n\n"
             "The Finance Minister pegged the state's deficit target for 2026-27 at 4.4 per cent"
             " of its output.\n"
             "The lake mission will cost Rs 900 crore from 2025-26 to 2029-30.\n")
    asked = answers(story)
    assert "4.4 per cent" in asked and "2026-27" not in asked
    assert "2025-26 to 2029-30" in asked


def test_a_name_a_who_said_question_shows_whole_is_not_blanked_again():
    story = ("Council Terms\n\n" + SPEAKERS +
             "Kavita Rao said that the tenure of the Hill Wardens cannot be tied to the"
             " tenure of the Assembly.\n")
    asked = kept(story)
    assert [q for q in asked if q.prompt.startswith("Who said") and "Hill Wardens" in q.prompt]
    assert not [q for q in asked if q.answer == "Hill Wardens"]


def test_where_the_one_figure_of_a_sentence_is_counted_is_asked_by_the_figure():
    story = ("Cranes Counted\n\n"
             "Only four Snow Leopards are left in Sikkim, the survey found.\n"
             "The survey was released by the Lakes Council on 3 March 2025.\n")
    asked = answers(story)
    assert "four" in asked and "Sikkim" not in asked


LAKES = ("Lake Survey Released\n\n"
         "The new law of the Lakes Council set up a Statutory body that will license boats on"
         " the hill lakes.\n"
         "Officials said 24 districts account for 64% of the lakes surveyed.\n"
         "Members voted to seat the Hill Lakes Authority on the survey board, making it the"
         " second member of the board after the Alpine Lakes Council.\n")


def test_a_word_made_to_qualify_the_noun_after_it_is_never_a_blank():
    assert "Statutory" not in answers(LAKES)


def test_a_count_beside_the_share_it_is_of_asks_the_share():
    asked = answers(LAKES)
    assert "64%" in asked and "24" not in asked


def test_a_second_after_the_one_named_is_not_asked():
    assert "second" not in answers(LAKES)


def test_either_end_of_a_range_asks_the_range_once():
    story = ("Lake Wardens Trained\n\n"
             "Basic training of four to six days and advanced training of at least 12 days"
             " help the wardens of the Lakes Council.\n")
    asked = answers(story)
    assert len(asked & {"four", "six days"}) == 1 and "12 days" in asked


def test_what_an_explainer_explains_is_asked_once():
    story = ("Lakes Council\n\n"
             "What is the Lakes Council?\n"
             "- The Lakes Council was set up by the Hill Lakes Authority in 2015.\n"
             "Functions\n"
             "- The Council advises the state on 412 lakes of the Eastern Hills.\n"
             "- The recommendations of the Lakes Council are not binding, the High Court of"
             " Sikkim held in 2022.\n")
    assert [q.answer for q in kept(story)].count("Lakes Council") <= 1
    assert [q.answer for q in made(story)].count("Lakes Council") >= 2


def test_a_match_of_offices_each_asked_alone_is_not_asked_again():
    story = ("Lake Survey Begins\n\n"
             "Finance Minister Kiran Rao on Monday announced that all the hill lakes would be"
             " mapped by 2026.\n"
             "Foreign Secretary Asha Menon met the survey team in Gangtok on Tuesday.\n"
             "National Security Adviser Vikram Sen visited the Eastern Hills on Wednesday.\n")
    assert [q for q in made(story) if q.tags.get("format") == ("match",)]
    holders = {q.answer for q in kept(story)} & {"Kiran Rao", "Asha Menon", "Vikram Sen"}
    assert len(holders) >= 2
    assert not [q for q in kept(story) if q.tags.get("format") == ("match",)]


def test_a_body_asked_by_name_is_not_asked_again_by_its_initials():
    story = ("Lakes Council Meets\n\n"
             "The Lakes Council admitted the Hill Lakes Authority at its meeting in Gangtok on"
             " Saturday.\n"
             "Members backed giving the HLA a seat on the board of the council.\n")
    [initials] = [q for q in made(story) if q.answer == "HLA"]
    assert "Hill Lakes Authority" in initials.accept  # typed in full, it is right
    asked = [q.answer for q in kept(story)]
    assert "Hill Lakes Authority" in asked and "HLA" not in asked


def test_a_rank_that_came_down_is_offered_no_better_rank():
    story = ("Lake Index Released\n\n"
             "In 2020, Nepal had ranked 96th among 140 countries on the River Health Index."
             " This year, its rank has come down to 104 among 180 countries in total.\n")
    [asked] = [q for q in kept(story) if q.answer == "104"]
    assert asked.choices and all(number_value(c) >= 104 for c in asked.choices)


def test_the_time_between_two_meetings_and_a_second_after_the_first_are_not_asked():
    story = ("Lake Talks Planned\n\n"
             "Some 5 weeks after the first summit of the two chief ministers in Gangtok, the"
             " Lakes Council is planning a second meet of the two, officials said on 3 March"
             " 2025.\n")
    asked = answers(story)
    assert "5 weeks" not in asked and "second" not in asked
    assert {q.answer for q in made(story)} >= {"5 weeks", "second"}


def test_the_window_a_figure_is_counted_over_is_not_asked():
    story = ("Lake Storms\n\n"
             "Between 1990 and 2020, storm days over the lakes of Sikkim have gone up 8 times,"
             " and in the last 5 years, they have increased 11 times.\n")
    asked = answers(story)
    assert "5 years" not in asked and "11 times" in asked
