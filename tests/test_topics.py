"""The syllabus area an article is given at ingest, by the words it uses."""

from __future__ import annotations

from conftest import SHIPPED_BANKS
from hypothesis import given
from hypothesis import strategies as st

from quizcli.bankfile import load_bank
from quizcli.reading.topics import area_of, areas

SYLLABUS = ("polity", "economy", "environment", "science and technology",
            "international relations", "history and culture", "geography", "security",
            "health", "schemes")


def test_the_areas_are_the_syllabus_areas():
    assert set(areas()) == set(SYLLABUS)


def test_an_article_takes_the_area_whose_words_it_uses_most():
    assert area_of("Parliament passes amendment", "The Lok Sabha passed the constitutional "
                   "amendment after the Supreme Court's verdict.") == "polity"
    assert area_of("", "Inflation eased as the central bank held the repo rate; "
                       "GDP growth and exports rose.") == "economy"
    assert area_of("", "The satellite was placed in orbit by the rocket.") == (
        "science and technology")
    assert area_of("", "Five species of frogs are endangered as their habitat, a wetland, "
                       "dries up.") == "environment"
    assert area_of("", "The two countries signed a treaty at the summit; the bilateral "
                       "talks ended.") == "international relations"


def test_words_are_matched_whole_and_in_the_plural():
    assert area_of("", "Vaccines and hospitals") == "health"
    assert area_of("", "A bankrupt taxonomist") is None  # no "bank", no "tax" inside words


def test_the_title_counts_more_than_a_word_of_the_text():
    text = "The treaty was signed; the vaccine drive goes on."
    assert area_of("", text) == "international relations"  # a tie: the table's order
    assert area_of("Vaccine drive", text) == "health"


def test_an_article_with_no_word_of_any_area_has_none():
    assert area_of("", "The quick brown fox jumps over the lazy dog.") is None
    assert area_of("", "") is None


def test_ingest_tags_each_question_with_its_articles_area_and_keeps_the_bank_topic():
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    for question in bank.questions:
        assert question.tags["topic"] == (bank.id,)  # Anki's topic:: tag is unchanged
        assert question.tags["area"] in (("security",), ("international relations",))
    by_source = {}
    for question in bank.questions:
        by_source.setdefault(question.source, set()).add(question.tags["area"])
    assert all(len(found) == 1 for found in by_source.values())  # one area per article


_TOPIC_WORDS = st.sampled_from(["election", "elections", "supreme court", "court", "gdp",
                                "5g", "tiger", "tigers", "climate change", "climate", "x",
                                "-", "_", "é", "es", ",", ".", "(", "1", " ", "  "])


@given(st.lists(_TOPIC_WORDS, max_size=12).map("".join))
def test_the_runs_count_what_each_area_pattern_finds(text):
    from quizcli.reading.topics import _counts, _tables

    text = " ".join(text.lower().split())
    assert _counts(text) == [len(pattern.findall(text)) for _, pattern in _tables()]
