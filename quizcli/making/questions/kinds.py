"""The kinds of question, one table: which kind of fact each asks of, tried in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizcli.making.distractors import Pools
from quizcli.making.questions import blanks, figure, people, status, story, when
from quizcli.making.questions.candidate import Candidate
from quizcli.making.questions.maker import Maker
from quizcli.model import Fact, FactKind
from quizcli.reading.article import Article


@dataclass(frozen=True)
class QuestionKind:
    """A kind of question: its name, the kind of fact it asks of (None: it asks of the
    whole story), and how it is made. The first kind of a fact's kind that makes a
    question asks it; a new kind is one more row of `KINDS`."""

    name: str
    asks: FactKind | None
    make: Callable[..., Candidate | None]


def _undated_blank(maker: Maker, fact: Fact) -> Candidate | None:
    """A date without a day to choose among ("the 2024-25 financial year") is blanked."""
    return None if fact.date else blanks.blank(maker, fact)


KINDS: tuple[QuestionKind, ...] = (
    QuestionKind("when", FactKind.DATE, when.when),
    QuestionKind("blank", FactKind.DATE, _undated_blank),
    QuestionKind("who-said", FactKind.QUOTE, people.who_said),
    QuestionKind("who-holds", FactKind.ROLE, people.who_holds),
    QuestionKind("which-party", FactKind.POSITION, people.which_party),
    QuestionKind("where", FactKind.PLACE, blanks.where),
    QuestionKind("blank", FactKind.PLACE, blanks.blank),
    QuestionKind("figure", FactKind.NUMBER, figure.figure),
    QuestionKind("red-list", FactKind.FACT, status.red_list),
    QuestionKind("blank", FactKind.FACT, blanks.blank),
    QuestionKind("statements", None, story.statements),
    QuestionKind("statements", None, story.more_statements),
    QuestionKind("match", None, story.match_pairs),
    QuestionKind("chronology", None, story.order),
)


def make_candidates(facts: list[Fact], pools: Pools, bank: str,
                    article: Article | None = None) -> list[Candidate]:
    """Every candidate question of one article's facts, before the gate. The `article`
    gives the sentences around each fact, its title and its date (so that planned
    events are not ordered as past ones)."""
    sentences = article.sentences if article else []
    maker = Maker(facts, pools, bank, sentences=[s.text for s in sentences],
                  article_date=article.date if article else None,
                  title=article.title if article else None,
                  blocks=[s.block for s in sentences], dated=bool(article and article.dated))
    found: list[Candidate | None] = []
    for fact in facts:
        found.append(next((made for kind in KINDS if kind.asks is fact.kind
                           if (made := kind.make(maker, fact)) is not None), None))
    found += [kind.make(maker) for kind in KINDS if kind.asks is None]
    return [c for c in found if c is not None]
