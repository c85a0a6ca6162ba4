"""What a setter would ask: blanks that give themselves away are never asked, and wrong
figures are the ones the sentence makes false."""

from __future__ import annotations

import datetime as dt

import pytest

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
    candidates = make_candidates(facts, pools_for(facts, ((), ())), "test",
                                 [s.text for s in article.sentences], article.date,
                                 article.title, [s.block for s in article.sentences])
    return [c.question for c in gate(candidates).kept]


def answers(text: str, date: dt.date | None = dt.date(2025, 3, 14)) -> set[str]:
    return {q.answer for q in kept(text, date)}


STORY = """Wetland Census Ordered

The National Green Tribunal ordered a census of wetlands across the country on 3 March 2025.
The Tribunal said that 1,250 hectares of mangroves had been lost since 2010.
"""


@pytest.mark.parametrize(("sentence", "never"), [
    ("India has privatised satellite launches and aims at a fivefold rise by 2030.", "India"),
    ("The Coastal Regulation Zone rules limit building near the sea, and CRZ permits are issued"
     " by the states.", "Coastal Regulation Zone"),
    ("The CRZ [Coastal Regulation Zone] rules limit building within 500 metres of the sea.",
     "Coastal Regulation Zone"),
    ("The bill was cleared by the Lok Sabha on Thursday after a debate of nine hours.",
     "Thursday"),
    ("The satellite was launched at 11:50 am from the second launch pad at Sriharikota.",
     "11:50 am"),
    ("The Army and other central forces may search premises without a warrant.", "Army"),
    ("In 2019, the share of wetlands under protection stood at 5.1% across the states.",
     "2019"),
])
def test_a_blank_that_gives_itself_away_is_never_asked(sentence, never):
    text = STORY + sentence + "\n"
    assert never not in answers(text)


def test_the_subject_of_the_title_is_never_a_blank():
    text = ("Wetland Census\n\nThe Wetland Census was ordered by the National Green Tribunal.\n"
            "The Wetland Census will count 2,400 lakes in its first round in 2026.\n"
            "Each state will run the Wetland Census with its forest department.\n")
    assert "Wetland Census" not in answers(text)


def test_a_weekday_in_a_dated_story_asks_its_date():
    text = STORY + "The Rajya Sabha passed the Wetlands Bill on Wednesday by a voice vote.\n"
    [question] = [q for q in kept(text) if q.prompt.startswith("Which date")
                  and "Rajya Sabha passed" in q.prompt]
    assert question.answer == "12 March 2025"
    assert "on _____" in question.prompt
    assert "in a story of Friday, 14 March 2025" in question.prompt  # a reader can tell it
    # a past event: no wrong date falls after the story's own
    assert not {"12 April 2025", "12 May 2025"} & set(question.choices), question.choices


def test_an_undated_story_never_asks_the_date_of_a_weekday():
    text = ("Wetland Census Ordered\n\n"
            "The Rajya Sabha passed the Wetlands Bill on Wednesday by a voice vote.\n")
    assert not [q for q in kept(text, None) if q.prompt.startswith("Which date")]


@pytest.mark.parametrize(("sentence", "answer", "possible"), [
    # over 100: a wrong choice below would be true as well
    ("Over 100 countries saw their wetland area shrink in the last decade.", "100",
     lambda w: w > 100),
    # in the top 10 is in the top 12 as well
    ("Wetlands remain among the top 10 sources of methane in the world.", "10",
     lambda w: w < 10),
    ("Fewer than 150 great bustards are left, of which 122 live in one state.", "150",
     lambda w: 122 < w < 150),
    ("Basic training lasts five to seven days, and advanced training 15 days.", "five",
     lambda w: w < 7),
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


def test_a_change_from_a_blank_offers_only_starts_the_change_allows():
    sentence = "Deaths from the fever fell from 28 per lakh in 2015 to 21 per lakh in 2024.\n"
    [question] = [q for q in kept(STORY + sentence) if q.answer == "28 per lakh"]
    assert all(number_value(c) > 21 for c in question.choices), question.choices


def test_a_region_is_offered_regions_of_its_own_kind():
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    assert set(table.alike("Asia")) == {"Africa", "Antarctica", "Europe", "North America",
                                        "Oceania", "South America"}
    assert all({"Sea", "Gulf", "Strait", "Ocean", "Bay"} & set(p.split())
               for p in table.alike("Indian Ocean"))


def test_the_parties_to_a_case_are_not_the_storys_people():
    from quizcli.reading.entities import read_mentions

    people, _ = read_mentions(["The bench heard State of Kerala v Ravi Menon and Ors. today.",
                               "Justice Asha Pillai wrote the majority opinion."])
    names = set(people.full_names.values())
    assert "Ravi Menon" not in names and "Asha Pillai" in names


def test_a_rank_or_a_count_of_countries_stays_within_the_world_the_story_ranks():
    text = STORY + ("Out of 189 countries, Norway ranked first in the index.\n"
                    "Pakistan ranks 154 and Nepal ranks 143 on the same index.\n"
                    "The survey covers 146 countries in its latest edition.\n")
    for question in kept(text):
        if question.answer in ("154", "143"):
            assert all(number_value(c) <= 189 for c in question.choices), question.choices
        if question.answer == "146":
            assert all(number_value(c) <= 195 for c in question.choices), question.choices


def test_who_said_offers_no_one_from_the_side_the_words_speak_of():
    text = ("Sanctions Stay\n\n"
            "North Korean leader Kim Jong-un met South Korean President Moon Jae-in in May.\n"
            "US Secretary of State Mike Pompeo said that the sanctions placed on North Korea"
            " would stay until it disarms fully.\n"
            "US National Security Adviser John Bolton said that talks would resume next month"
            " in the capital.\n"
            "Moon Jae-in said that the two Koreas would reopen their liaison office soon.\n")
    [question] = [q for q in kept(text)
                  if q.prompt.startswith("Who said that the sanctions placed on North Korea")]
    assert "Kim Jong-un" not in question.choices, question.choices


def test_a_typed_abbreviation_accepts_the_storys_own_spelling_of_it():
    text = ("Union Joins\n\nThe African Union was founded in Addis Ababa in 2002 by 55 states.\n"
            "Leaders backed adding the AU to the group of top economies at the Delhi summit.\n")
    typed = [q for q in kept(text) if q.answer == "AU" and q.type is QuestionType.CLOZE]
    for question in typed:
        assert "African Union" in question.accept
