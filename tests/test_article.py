from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO
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
        pytest.skip("../shared/seeds is not beside this checkout")
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


def test_empty_headings_give_no_section_and_date_option_is_a_fallback():
    article = read_article("# Title\n\n## Empty\n\n## Real\n\nIt happened on Monday.\n",
                           date=dt.date(2018, 9, 11))
    assert [(s.section, s.text) for s in article.sentences] == [("Real", "It happened on Monday.")]
    assert article.date == dt.date(2018, 9, 11)
    dated = read_article("Title line here\n\n| September 1 , 2020 , 10:00 IST\n\nBody text.",
                         date=dt.date(2018, 9, 11))
    assert dated.date == dt.date(2020, 9, 1)


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
