"""Facts read from an article: dates, quotes, offices, positions, places, numbers, terms.

Every fact keeps the exact sentence it was read from as its evidence. The rules
are deliberately plain: a fact is only made where the sentence says it in a
form the rule recognises, because a wrong fact makes a wrong question.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizcli.ids import joined_id
from quizcli.model import Fact, FactKind
from quizcli.reading.article import Article, Sentence
from quizcli.reading.dates import find_dates
from quizcli.reading.entities import Mention, People, is_object, read_mentions
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules import offices, places, speech
from quizcli.reading.rules.names import find_terms
from quizcli.reading.rules.needs import agents, key_terms
from quizcli.reading.rules.numbers import find_periods, find_quantities
from quizcli.reading.rules.status import red_list_status
from quizcli.reading.spans import overlaps

MAX_SENTENCE = 1_500
"""Longer 'sentences' are walls of text with no full stops (a scraped menu, a table):
no rule reads them well, so no fact is taken from them."""

@dataclass
class _Context:
    """What the sentences before the current one said, for resolving pronouns."""

    subjects: list[Mention]
    """The subjects of the previous sentence's quotes and positions."""
    people: tuple[str, ...]
    """The people the previous sentence names as subjects (not after a preposition)."""
    carried: bool = False
    """Whether these are of the sentence before the previous one, which named no one."""


def fact_id(kind: str, answer: str, evidence: str) -> str:
    """A fact's id, stable for as long as its kind, answer and sentence are."""
    return joined_id("f-", kind, answer, evidence)


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _named(everyone: list[Mention]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parties and the people the mentions name: the parties named, then those of the
    people and offices named; each once, in order."""
    named, held, people = [], [], []
    for m in everyone:
        kind = m.kind
        if kind == "party":
            named.append(m.value)
        elif kind == "person":
            people.append(m.value)
            if m.party:
                held.append(m.party)
        elif kind == "office" and m.party:
            held.append(m.party)
    return _unique(named + held), _unique(people)


class Reader:
    """Reads the facts of one article, sentence by sentence."""

    def __init__(self, article: Article, source: str, by: str | None = None):
        self.article = article
        self.source = source
        self.by = by
        self.sentences = [s for s in article.sentences if len(s.text) <= MAX_SENTENCE]
        self.people: People
        self.people, self.mentions = read_mentions([s.text for s in self.sentences])
        self.facts: list[Fact] = []
        self.seen_roles: set[tuple[str, str]] = set()
        self.context = _Context([], ())
        self.resolved: dict[int, Mention] = {}
        self._named_key: tuple | None = None
        self._named: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        """The pronouns of the current sentence, by position, as who they stand for."""

    def add(self, sentence: Sentence, kind: FactKind, answer: str, found: list[Mention],
            date: str | None = None, **detail: str | None) -> None:
        answer = answer.strip()
        if not answer:
            return
        # Pronouns are only ever added to `resolved` while a sentence is read.
        resolved = self.resolved
        key = (id(found), len(resolved))
        if self._named_key != key:  # the same for every fact of a sentence, mostly
            self._named = _named(found + list(resolved.values()) if resolved else found)
            self._named_key = key
        parties, people = self._named
        kept = {}
        for name, value in detail.items():
            if value and (value := value.strip()):
                kept[name] = value
        if sentence.section:
            kept["section"] = sentence.section
        text = sentence.text
        # The fields in their order: id, source, kind, answer, evidence, parties, people,
        # date, detail, by.
        self.facts.append(Fact(fact_id(kind.value, answer, text), self.source, kind, answer,
                               text, parties, people, date, kept, self.by))

    def read(self) -> list[Fact]:
        section: str | None = None
        for sentence, found in zip(self.sentences, self.mentions, strict=True):
            if sentence.section != section:
                section, self.context = sentence.section, _Context([], ())
            self.read_sentence(sentence, found)
        unique: dict[str, Fact] = {}
        for fact in self.facts:
            unique.setdefault(fact.id, fact)
        return list(unique.values())

    def read_sentence(self, sentence: Sentence, found: list[Mention]) -> None:
        text = sentence.text
        quotes = speech.quote_spans(text)
        self.resolved = {}
        subjects: list[Mention] = []
        periods = find_periods(text)
        dates = [d for d in find_dates(text, self.article.date)
                 if not any(d.start < p.end and p.start < d.end for p in periods)]
        for date in dates:
            self.add(sentence, FactKind.DATE, date.iso, found, date=date.iso,
                     written=date.text, precision=date.precision)
        titled = offices.roles(self, sentence, found)
        subjects += speech.quotes(self, sentence, found, quotes)
        subjects += speech.positions(self, sentence, found, quotes)
        places.places(self, sentence, found)
        taken = [(d.start, d.end) for d in dates]
        taken += self.numbers(sentence, found, taken, periods)
        self.terms(sentence, found, taken + titled)
        people = _unique(m.value for m in found if m.kind == "person" and not is_object(text, m))
        if subjects or people or self.context.carried:
            self.context = _Context(subjects, people)
        else:  # a sentence that names no one: "he" after it is still who came before
            self.context = _Context([], self.context.people, carried=True)

    # --- who is who -------------------------------------------------------

    def resolve(self, mention: Mention) -> Mention | None:
        """A pronoun as the person or party it stands for, if that is unambiguous."""
        if mention.kind != "pronoun":
            return mention
        context = self.context
        if mention.value in ("he", "she"):
            people = [s for s in context.subjects if s.kind == "person"]
            names = _unique(s.value for s in people) or context.people
            if len(names) == 1:
                party = self.people.parties.get(names[0])
                resolved = mention._replace(kind="person", value=names[0], party=party)
                self.resolved[mention.start] = resolved
                return resolved
            return None
        parties = _unique(s.party if s.kind != "party" else s.value for s in context.subjects
                          if s.kind == "party" or (mention.value == "they" and s.party))
        if len(parties) == 1:
            resolved = mention._replace(kind="party", value=parties[0])
            self.resolved[mention.start] = resolved
            return resolved
        return None

    # --- the extractors -----------------------------------------------------

    def numbers(self, sentence: Sentence, found: list[Mention], taken: list[tuple[int, int]],
                periods: list) -> list[tuple[int, int]]:
        """Quantities, counts and periods; returns the spans they take."""
        text = sentence.text
        spans = []
        for period in periods:
            if overlaps(period.start, period.end, taken):
                continue
            spans.append((period.start, period.end))
            self.add(sentence, FactKind.DATE, period.text, found, written=period.text,
                     precision=period.kind)
        for quantity in find_quantities(text, taken + spans):
            spans.append((quantity.start, quantity.end))
            self.add(sentence, FactKind.NUMBER, quantity.text, found, unit=quantity.kind,
                     written=quantity.text)
        return spans

    def terms(self, sentence: Sentence, found: list[Mention],
              taken: list[tuple[int, int]]) -> None:
        text = sentence.text
        people = [(m.title_start if m.title_start is not None else m.start, m.end)
                  for m in found if m.kind == "person"]
        table = gazetteer()
        places = table.places
        for term in find_terms(text, taken, people, places):
            if term.kind == "place" or term.kind == "name" and term.text in places:
                self.add(sentence, FactKind.PLACE, term.text, found)
                continue
            self.add(sentence, FactKind.FACT, term.text, found, term=term.kind,
                     short=term.short)
        for key in key_terms(text):
            self.add(sentence, FactKind.FACT, key, found, term="key")
        status = red_list_status(text)
        if status:
            self.add(sentence, FactKind.FACT, status, found, term="status")
        for group in agents(text, [(m.start, m.end) for m in found if m.kind == "party"]):
            self.add(sentence, FactKind.FACT, group, found, term="agents")


def extract_facts(article: Article, source: str | None = None,
                  by: str | None = "rules") -> list[Fact]:
    """Every fact the rules find in the article, in the order of its sentences; `by`
    is recorded on each as the extractor that made it."""
    return Reader(article, source or article.name, by).read()
