from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import GOLD, REPO, coverage_module
from hypothesis import given
from hypothesis import strategies as st
from test_article import ARTICLES, SEED_0, SEED_1

from quizcli.model import Fact
from quizcli.reading.article import load_article, read_article
from quizcli.reading.facts import extract_facts

EXPECTED = REPO / "tests" / "expected"


def facts_of(path: Path, kind: str | None = None) -> list[Fact]:
    found = extract_facts(load_article(path))
    return [f for f in found if kind is None or f.kind.value == kind]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_facts_match_the_checked_expected_output(path: Path):
    """Every fact of each article, checked by hand once. Set QUIZCLI_UPDATE_EXPECTED=1 to
    rewrite the files after a deliberate change, then read the diff."""
    found = [{k: v for k, v in f.to_dict().items() if k not in ("id", "source")}
             for f in facts_of(path)]
    expected_file = EXPECTED / f"{path.stem}.facts.json"
    if os.environ.get("QUIZCLI_UPDATE_EXPECTED"):
        expected_file.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))


def test_seed_dates_are_iso():
    assert [(f.answer, f.detail["written"]) for f in facts_of(SEED_1, "date")] == [
        ("2018-06", "June"),
        ("2018-09-10", "on Monday"),
        ("2018-09-10", "Monday"),
        ("2018-07-08", "July 8"),
        ("2018-09-06", "September 6"),
        ("2021", "2021"),
    ]
    assert [f.answer for f in facts_of(SEED_0, "date")] == ["2018"]


def test_seed_quotes_have_their_speakers():
    assert [(f.answer, f.detail["quote"][:40]) for f in facts_of(SEED_1, "quote")] == [
        ("White House", "Around 3 months after the historic summi"),
        ("Sarah Sanders", 'President Trump had received a "very war'),
        ("Sarah Sanders", 'while the note is "further indication of'),
        ("John Bolton", "North Korea has to take steps to denucle"),
        ("John Bolton", "President Trump can't make the North Kor"),
        ("Kim Jong-Un", 'his regime was committed "to a process t'),
        ("Robert Carlin", "to a process that ... was dependent on s"),
        ("Mike Pompeo", 'the sanctions placed on North Korea woul'),
        ("Mike Pompeo", "Sanctions will remain in place until fin"),
    ]
    assert [f.answer for f in facts_of(SEED_0, "quote")] == ["U.S. Vice President"]


def test_seed_positions_of_each_party():
    def positions(path):
        return [(f.answer, f.detail.get("holder"), f.detail["verb"])
                for f in facts_of(path, "position")]

    assert positions(SEED_0) == [
        ("United States", None, "sought"),
        ("North Korea", None, "insists"),
        ("North Korea", None, "contends"),  # "It contends": the party of the sentence before
        ("South Korea", "Moon Jae-in", "favours"),
        ("North Korea", "Kim Jong-un", "emphasised"),  # "he": Mr. Kim, not Xi Jinping
    ]
    assert positions(SEED_1) == [
        ("North Korea", "Kim Jong-Un", "requesting"),
        ("North Korea", None, "agreed"),
    ]


def test_seed_offices_and_their_holders():
    assert [(f.answer, f.detail["title"]) for f in facts_of(SEED_1, "role")] == [
        ("Donald Trump", "US President"),
        ("Kim Jong-Un", "North Korea Supreme leader"),
        ("Sarah Sanders", "White House press secretary"),
        ("John Bolton", "National Security Adviser"),
        ("Robert Carlin", "fellow at the Stimson Center"),
        ("Mike Pompeo", "US Secretary of State"),
        ("Kim Jong-Un", "Chairman"),
    ]


@pytest.mark.parametrize("path", [SEED_0, SEED_1], ids=lambda p: p.name)
def test_seed_facts_cover_the_gold_facts(path: Path, tmp_path: Path, capsys):
    coverage = coverage_module()
    facts = [{"id": f.id, **f.to_dict()} for f in facts_of(path)]
    out = tmp_path / "facts.json"
    out.write_text(json.dumps(facts), encoding="utf-8")
    coverage.main(["coverage.py", str(GOLD / "seed-facts.yaml"), path.name, str(out)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    covered, total = map(int, summary.split()[1].split("/"))
    assert covered / total >= 0.8, summary


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_no_debris_in_any_evidence(path: Path):
    for fact in facts_of(path):
        assert "\\n" not in fact.evidence
        assert "ALSO READ" not in fact.evidence.upper()
        assert fact.evidence in {s.text for s in load_article(path).sentences}


def test_fact_ids_are_stable_and_unique():
    first, second = facts_of(SEED_1), facts_of(SEED_1)
    assert [f.id for f in first] == [f.id for f in second]
    assert len({f.id for f in first}) == len(first)


def test_a_pronoun_with_two_candidates_is_left_unresolved():
    article = read_article("Title of it\n\nJohn Smith met Mary Jones in Delhi on the matter. "
                           "He said that the talks had failed badly.")
    assert not [f for f in extract_facts(article) if f.kind.value == "quote"]


@given(st.text(max_size=3000))
def test_extraction_never_raises_and_evidence_is_a_sentence(text: str):
    article = read_article(text)
    sentences = {s.text for s in article.sentences}
    for fact in extract_facts(article):
        assert fact.evidence in sentences
        assert fact.answer.strip()


_words = st.sampled_from(
    "the U.S. North Korea Pyongyang said that insists President Donald Trump Mr. Kim he it "
    "\" “ ” , . on Monday July 8 in 2021 5,000 may May Article 21 Act , who which".split()
)


@given(st.lists(_words, max_size=200).map(" ".join))
def test_extraction_never_raises_on_news_like_word_salad(text: str):
    article = read_article(text, date=None)
    for fact in extract_facts(article):
        assert fact.evidence in {s.text for s in article.sentences}
