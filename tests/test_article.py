from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO, not_beside
from hypothesis import given
from hypothesis import strategies as st

from quizcli.reading.article import ArticleError, load_article, read_article

SEEDS = REPO / "banks" / "sources"
FIXTURES = REPO / "tests" / "fixtures" / "articles"
SEED_0 = SEEDS / "000_446e8b18ea73393b.txt"
SEED_1 = SEEDS / "001_15e546026000b258.txt"
ARTICLES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.iterdir()
                                                if p.name != "README.md")
DEBRIS = re.compile(r"\\n|ALSO READ|IAS PARLIAMENT|Information is Empowering|Shankar IAS|"
                    r"Source:|Reporting by|^#|\*\*", re.I)


def test_seed_articles_are_shipped_unchanged():
    seeds = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(not_beside("seeds"))
    for seed in seeds:
        assert (SEEDS / seed.name).read_bytes() == seed.read_bytes()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_no_debris_in_any_sentence(path: Path):
    article = load_article(path)
    assert article.sentences
    for sentence in article.sentences:
        assert not DEBRIS.search(sentence.text), sentence.text
        assert sentence.text == sentence.text.strip()


def test_seed_0_an_explainer_with_question_headings():
    article = load_article(SEED_0)
    assert (article.title, article.publisher, article.date) == (
        "Second Trump-Kim Meeting", "The Hindu", None)
    assert [s.section for s in article.sentences][:2] == ["Why in news?", "How was the last meet?"]
    assert article.sentences[-1].text == (
        "In all, the meet is seen to be a significant one in determining the terms of "
        "relationship between the U.S. and North Korea.")
    assert len(article.sentences) == 19
    assert all(not s.section or not s.section.startswith("**") for s in article.sentences)


def test_seed_1_a_news_story_with_a_dateline():
    article = load_article(SEED_1)
    assert article.title == ("US Coordinating 2nd Meet Of Trump And Kim Jong-Un At Request Of "
                             "North Korea: WH")
    assert article.date == dt.date(2018, 9, 11)
    assert len(article.sentences) == 10
    assert not any("Sanctions On North Korea To Be Lifted" in s.text for s in article.sentences)


def test_wire_dateline_gives_the_agency_and_leaves_the_sentence():
    article = load_article(FIXTURES / "wire-fisheries-talks.txt")
    assert (article.publisher, article.date) == ("Asia Wire", dt.date(2024, 3, 3))
    assert article.sentences[0].text.startswith("Indonesia on Sunday rejected")


def test_empty_headings_give_no_section_and_the_date_option_dates_the_article():
    article = read_article("# Title\n\n## Empty\n\n## Real\n\nIt happened on Monday.\n",
                           date=dt.date(2018, 9, 11))
    assert [(s.section, s.text) for s in article.sentences] == [("Real", "It happened on Monday.")]
    assert article.date == dt.date(2018, 9, 11)


def test_the_date_option_overrides_the_dateline():
    text = "Title line here\n\n| September 1 , 2020 , 10:00 IST\n\nBody text."
    assert read_article(text).date == dt.date(2020, 9, 1)
    corrected = read_article(text, date=dt.date(2018, 9, 11))
    assert corrected.date == dt.date(2018, 9, 11)
    assert [s.text for s in corrected.sentences] == ["Body text."]


def test_a_labelled_date_beats_the_page_widget_and_no_dateline_is_a_sentence():
    article = read_article(
        "Council clears the river-linking plan\n"
        "Edited By: Asha Verma @asha_writes42 Pune Updated on: August 10, 2023 7:06 IST\n\n"
        "Thursday, May 23, 2024\n\n"
        "The council cleared the plan on Wednesday after a long debate in the House.\n")
    assert (article.title, article.date) == ("Council clears the river-linking plan",
                                             dt.date(2023, 8, 10))
    assert [s.text for s in article.sentences] == [
        "The council cleared the plan on Wednesday after a long debate in the House."]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Heatwave\n\nHeatwave\n\n12-06-2025\n\n", dt.date(2025, 6, 12)),
        ("A River Case\n\nSummary of the case\n\nCase: A v B and Ors.\n\n"
         "Date of Order: 1st August, 2024\n\n", dt.date(2024, 8, 1)),
        ("Council clears the plan\nPublished – December 17, 2024 02:09 pm IST\n",
         dt.date(2024, 12, 17)),
        ("COUNCIL CLEARS THE PLAN\n18 July, 2022\n\nUPSC Courses\n\n", dt.date(2022, 7, 18)),
        ("Council clears the plan\nUpdated: 3 Mar 2024, 10:15 AM IST\n", dt.date(2024, 3, 3)),
    ],
)
def test_datelines_after_the_title_and_debris(opening: str, expected: dt.date):
    article = read_article(opening + "The council cleared the plan on Wednesday after a debate.\n")
    assert article.date == expected
    # a page's dateline is not a sentence of the story; the date of an order is
    assert [s.text for s in article.sentences if any(ch.isdigit() for ch in s.text)] == (
        ["Date of Order: 1st August, 2024"] if "Date of" in opening else [])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Caf\xe9 news.".encode("latin-1"),
         ":1: is not UTF-8 text (byte 3); save the article as UTF-8"),
        (b"\x00\x01\x02PK\x03\x04" * 50, ": is a binary file, not an article"),
        (b"", ": is empty; nothing to read"),
        (b"\\n\n\\n\\n\nALSO READ: elsewhere\n", ": has no article text once debris is removed"),
    ],
)
def test_unreadable_articles_say_why(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_a_folder_is_not_an_article(tmp_path: Path):
    with pytest.raises(ArticleError, match="is a folder; name the article files in it"):
        load_article(tmp_path)


@given(st.text(max_size=5000))
def test_reading_never_raises_on_any_text(text: str):
    article = read_article(text)
    assert all(s.text.strip() for s in article.sentences)


@given(st.binary(max_size=2000))
def test_reading_never_raises_on_bytes_decoded_leniently(data: bytes):
    read_article(data.decode("utf-8", errors="replace"))


@pytest.mark.parametrize(
    "text",
    [
        "word Trump said North Korea insists Monday 2021 " * 21_000,
        "".join(chr(0x20 + (i * 7919) % 0x2FE0) for i in range(1_000_000)),
        'He said "the U.S. Mr. Kim, who insists. ' * 25_000,
    ],
    ids=["no punctuation", "binary-looking", "punctuated"],
)
def test_a_megabyte_of_text_is_read_without_error(text: str):
    from quizcli.reading.facts import extract_facts

    article = read_article(text)
    extract_facts(article)


def test_a_word_run_into_the_figure_after_it_is_parted_from_it():
    article = read_article("Scores Rise\n\nThe score has risen to87 across 140 towns, "
                           "from64 in 2019; PM2.5 and CO2 stay as written.\n")
    assert article.sentences[0].text == ("The score has risen to 87 across 140 towns, "
                                         "from 64 in 2019; PM2.5 and CO2 stay as written.")


def test_a_photo_credit_is_page_furniture():
    article = read_article("Coal Slides\n\nCoal generation in Sikkim fell 18 percent last "
                           "year, the board said.\n\n(Credit: Asha Verma / Hill Post)\n\n"
                           "Credit: Ravi Menon\n")
    assert [s.text for s in article.sentences] == [
        "Coal generation in Sikkim fell 18 percent last year, the board said."]


def test_a_headline_line_in_title_case_is_a_heading_not_a_sentence():
    text = ("Lake Survey of Sikkim\n\nKey Findings from the 3rd Round of the Sikkim Lake Survey\n\n"
            "The survey counted 40 lakes across the state in 2024.\n")
    article = read_article(text)
    assert [s.text for s in article.sentences] == [
        "The survey counted 40 lakes across the state in 2024."]


def test_a_fact_boxs_lines_stand_alone():
    text = ("State of Sikkim v Ravi Menon\n\nYear: 2019\nBench Strength: 5 Judges\n"
            "Key Articles Involved: Article 21, Article 48A\n\n"
            "The court held that the lakes of Sikkim are held in trust for the public.\n")
    assert [s.text for s in read_article(text).sentences] == [
        "Year: 2019", "Bench Strength: 5 Judges", "Key Articles Involved: Article 21, Article 48A",
        "The court held that the lakes of Sikkim are held in trust for the public."]


def test_a_wire_place_in_capitals_comes_off_the_first_line():
    text = ("Sikkim opens lake census\n\nGANGTOK, Chief Minister Asha Verma opened the census "
            "of lakes on Monday.\n")
    assert read_article(text).sentences[0].text.startswith("Chief Minister Asha Verma opened")


def test_a_stray_comma_between_a_preposition_and_its_name_is_dropped():
    article = read_article("Outbreak Traced\n\nThe virus was first found among pig farmers in,"
                           " Perak. It came back, in, say, one year.\n", "story.txt")
    shown = [s.text for s in article.sentences]
    assert "The virus was first found among pig farmers in Perak." in shown
    assert "It came back, in, say, one year." in shown


def test_what_stands_under_a_heading_on_the_exam_is_not_read():
    article = read_article("Lake Authority Chair Vacant\n\n"
                           "The chair of the Lakes Authority has been vacant for two years.\n\n"
                           "Why This Matters for UPSC:\n"
                           "- Tests understanding of statutory bodies.\n\n"
                           "Key Provisions:\n"
                           "- Section 12 requires the state to name a chair.\n")
    texts = [s.text for s in article.sentences]
    assert not [t for t in texts if "Tests understanding" in t]
    assert [t for t in texts if t.startswith("Section 12")]
