"""A guard against the reader and the question maker getting worse on real articles.

Runs `benchmarks/quality.py` on the development corpus and the seeds, and fails when
coverage of the gold facts falls below what the rules reach today, or when any bank has
a structural defect. Raise the floors when the rules get better.
"""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, not_beside

CORPUS_FLOOR = 0.80
"""Share of the corpus's gold facts covered (measured: 223/278 = 80.2%)."""
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
