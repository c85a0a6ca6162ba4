"""The seam between an article and its facts: any reader that turns an `Article` into
facts can stand here, and each fact records which one made it.

The rule-based reader is the one there is today. A trained model would be another
`Extractor` beside it, with a name of its own, so that a bank says which facts came from
which, and so that two readers can be compared on the same articles.
"""

from __future__ import annotations

from typing import Protocol

from quizcli.model import Fact
from quizcli.reading.article import Article


class Extractor(Protocol):
    """Reads the facts of one article."""

    name: str
    """What each fact records as its maker (`Fact.by`)."""

    def extract(self, article: Article, source: str) -> list[Fact]:
        """Every fact found in the article, in the order of its sentences; each fact's
        evidence is one of the article's sentences and its `by` is this extractor's name."""
        ...


class RuleExtractor:
    """The rule-based reader of `quizcli.reading.facts` and `quizcli.reading.rules`."""

    name = "rules"

    def extract(self, article: Article, source: str) -> list[Fact]:
        from quizcli.reading.facts import extract_facts

        return extract_facts(article, source, by=self.name)


def default_extractor() -> Extractor:
    """The extractor `quizcli facts` and `quizcli ingest` use."""
    return RuleExtractor()
