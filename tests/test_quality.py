"""A guard against the reader and the question maker getting worse on real articles.

Runs `benchmarks/quality.py` on the development corpus and the seeds, and fails when
coverage of the gold facts falls below what the rules reach today, or when any bank has
a structural defect. Raise the floors when the rules get better.
"""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, not_beside

CORPUS_FLOOR = 0.82
"""Share of the corpus's gold facts covered (measured: 230/278 = 82.7%)."""
SEED_FLOOR = 0.95
"""Share of the seed articles' gold facts covered (measured: 29/30)."""

sys.path.insert(0, str(REPO / "benchmarks"))
quality = pytest.importorskip("quality")


@pytest.fixture(scope="module")
def scores():
    if not (quality.CORPUS / "articles.yaml").is_file():
        pytest.skip(not_beside("corpus"))
    return quality.score_all()


def test_the_corpus_coverage_does_not_fall(scores):
    corpus = [s for s in scores if s.article[2] == "_"]
    covered, total = sum(s.covered for s in corpus), sum(s.facts for s in corpus)
    assert total == 278
    assert covered / total >= CORPUS_FLOOR, [(s.article, s.covered, s.facts) for s in corpus]


def test_the_seeds_stay_covered(scores):
    seeds = [s for s in scores if s.article[2] != "_"]
    assert sum(s.covered for s in seeds) / sum(s.facts for s in seeds) >= SEED_FLOOR


def test_no_bank_has_a_structural_defect(scores):
    assert [d for s in scores for d in s.defects] == []


def test_every_article_gives_questions(scores):
    assert all(s.questions >= 8 for s in scores), [(s.article, s.questions) for s in scores]


def test_another_corpus_laid_out_alike_is_scored_without_the_seeds(tmp_path):
    """`--corpus` points the benchmark at a held-out set with the corpus's layout."""
    import yaml

    if not (quality.CORPUS / "articles.yaml").is_file():
        pytest.skip(not_beside("corpus"))
    listed = yaml.safe_load((quality.CORPUS / "articles.yaml").read_text(encoding="utf-8"))
    gold = yaml.safe_load((quality.CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    one = listed[6]
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / one["file"]).write_bytes(
        (quality.CORPUS / "articles" / one["file"]).read_bytes())
    (tmp_path / "articles.yaml").write_text(yaml.safe_dump([one]), encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(
        yaml.safe_dump([g for g in gold if g["article"] == one["file"]]), encoding="utf-8")
    [score] = quality.score_all(corpus=tmp_path)
    assert score.article == one["file"] and score.facts == 12 and 0 < score.covered <= 12

