"""Ingesting articles into a bank: read, extract, make questions, gate, merge, write.

Ids are stable, so ingesting an article twice changes nothing, and a question
already in the bank is never replaced: the user's corrections stay as written. A
candidate is already in the bank when its id is there or a question with its
identity is (`quizcli.making.identity`), so a reader that finds the same fact under
a new id does not add a near-duplicate of a question the user has studied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizcli.bankfile import load_bank, save_bank
from quizcli.files import locked
from quizcli.making.distractors import Pools
from quizcli.making.gate import DEFAULT_BUDGET, Screened, answer_key, answer_keys, gate
from quizcli.making.identity import KnownQuestions
from quizcli.making.questions import Candidate, make_candidates
from quizcli.making.sources import SourceCopies
from quizcli.memory import collector_paused
from quizcli.model import Bank, Fact, FactKind, Question, Source
from quizcli.parallel import mapped
from quizcli.reading.article import Article, ArticleError
from quizcli.reading.extractor import Extractor, default_extractor
from quizcli.reading.topics import area_of
from quizcli.text import compared


@dataclass
class ArticleReport:
    """What ingesting one article did."""

    path: Path
    source: str
    title: str
    facts: int = 0
    added: list[Candidate] = field(default_factory=list)
    already: int = 0
    dropped: Counter = field(default_factory=Counter)
    error: str | None = None

    @property
    def yielded(self) -> bool:
        """Whether the article gave a question, new or already in the bank."""
        return bool(self.added or self.already)


@dataclass
class IngestResult:
    bank: Bank
    path: Path
    changed: bool
    reports: list[ArticleReport]

    @property
    def failed(self) -> list[ArticleReport]:
        return [r for r in self.reports if r.error]

    @property
    def fruitless(self) -> list[ArticleReport]:
        """Articles that were read but gave no question; nothing of them was written."""
        return [r for r in self.reports if not r.error and not r.yielded]


def slug(text: str, limit: int = 48) -> str:
    """A bank or source id made from a title or file name."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "bank"


def _people_of(found: list[Fact]) -> list[str]:
    """The story's people: those it shows to be people, by an office they hold, words
    they say or a stance they take. A capitalised name it never shows so (a galaxy, a
    wine, a film) is no wrong answer to "who"."""
    shown = {f.answer for f in found if f.kind in (FactKind.ROLE, FactKind.QUOTE)}
    shown |= {f.detail["holder"] for f in found
              if f.kind is FactKind.POSITION and "holder" in f.detail}
    names = [p for f in found for p in f.people if p in shown]
    names += [f.answer for f in found if f.kind is FactKind.ROLE]
    return [n for n in dict.fromkeys(names) if " " in n]


def pools_for(facts: list[Fact], others: list[Fact] | tuple[tuple[str, ...], tuple[str, ...]]
              ) -> Pools:
    """Distractor pools of one story, backed by other stories: their facts, or the
    (parties, people) already gathered from them."""
    if isinstance(others, tuple):
        other_parties, other_people = others
    else:
        other_parties = tuple(dict.fromkeys(p for f in others for p in f.parties))
        other_people = tuple(_people_of(others))

    venues = {f.answer for f in facts if f.kind is FactKind.PLACE}
    actors = {f.answer for f in facts if f.kind in (FactKind.POSITION, FactKind.QUOTE)}
    actors |= {f.detail.get("party", "") for f in facts}
    parties = list(dict.fromkeys(p for f in facts for p in f.parties))
    # Venues that never act make weak distractors for "which party": ask them last.
    parties.sort(key=lambda p: p in venues and p not in actors)
    holders: dict[str, tuple[str, ...]] = {}
    for fact in facts:
        if fact.kind is FactKind.ROLE:
            title = fact.detail.get("title", "")
            holders[title] = (*holders.get(title, ()), fact.answer)
    return Pools(
        parties=tuple(parties),
        people=tuple(_people_of(facts)),
        titles=tuple(dict.fromkeys(
            (f.detail.get("title", ""), f.answer) for f in facts
            if f.kind is FactKind.ROLE and f.detail.get("title", "")[:1].isupper())),
        places=tuple(dict.fromkeys(f.answer for f in facts if f.kind is FactKind.PLACE)),
        dates=tuple(dict.fromkeys(f.date for f in facts if f.kind is FactKind.DATE and f.date)),
        other_parties=other_parties,
        other_people=other_people,
        holders=holders,
    )


def with_area(question: Question, area: str | None) -> Question:
    """The question tagged with its article's syllabus area (`area`), when it has one.
    The `topic` tag stays the bank's id, as Anki decks already exported carry it."""
    if area is None:
        return question
    return replace(question, tags={**question.tags, "area": (area,)})


def _unread(articles: list[tuple[Path, Article | None, str | None]]) -> str:
    """Why no article could be read: each file's own message, then what happened."""
    return "\n".join([error for _, _, error in articles if error]
                     + ["no article could be read; nothing was ingested"])


@dataclass
class _Held:
    """What the bank already holds, which every new question is checked against."""

    sources: dict[str, Source]
    facts: dict[str, Fact]
    questions: dict[str, Question]
    seen_prompts: set[str]
    known: KnownQuestions
    asked_of: dict[str, Counter]
    """Source → how many questions ask each sentence."""
    answered: dict[str, Counter]
    """Source → how many questions have each answer."""

    @classmethod
    def of(cls, bank: Bank | None) -> _Held:
        questions = {q.id: q for q in bank.questions} if bank else {}
        facts = {f.id: f for f in bank.facts} if bank else {}
        asked_of: dict[str, Counter] = {}
        answered: dict[str, Counter] = {}
        for question in questions.values():
            asked_of.setdefault(question.source, Counter())[question.evidence] += 1
            if question.fact is not None and "\n" not in question.evidence:
                fact = facts.get(question.fact)
                answered.setdefault(question.source, Counter()).update(
                    answer_keys(question.answer, fact.kind, question.evidence) if fact else
                    (answer_key(question.answer),))
        return cls(
            sources={s.id: s for s in bank.sources} if bank else {},
            facts=facts,
            questions=questions,
            seen_prompts={compared(q.prompt) for q in questions.values()},
            known=KnownQuestions(questions.values()),
            asked_of=asked_of,
            answered=answered,
        )

    def ask(self, report: ArticleReport, made: Screened, budget: int) -> None:
        """Gate one article's candidates against the bank, adding the kept to `report`."""
        questions, known, candidates = self.questions, self.known, made.candidates
        keyed = {id(c): k for c, k in zip(candidates, made.keyed, strict=True)}
        there = [(questions[c.question.id].source == report.source
                  if c.question.id in questions else False)
                 or known.holds(c.question, keyed[id(c)])
                 for c in candidates]
        # A question of another article with the same id (the same sentence in two
        # articles) is neither new nor this article's.
        fresh, reasons = [], []
        for candidate, held, reason in zip(candidates, there, made.reasons, strict=True):
            if not held and candidate.question.id not in questions:
                fresh.append(candidate)
                reasons.append(reason)
        report.already = sum(there)
        asked = {c.group for c, held in zip(candidates, there, strict=True) if c.group and held}
        alone = {q.fact for q in questions.values() if q.source == report.source and q.fact
                 and "\n" not in q.evidence}
        gated = gate(fresh, max(0, budget - report.already), self.seen_prompts, asked,
                     self.asked_of.get(report.source, Counter()),
                     self.answered.get(report.source, Counter()), asked_facts=alone,
                     reasons=reasons)
        report.dropped = Counter(reason for _, reason in gated.dropped)
        # Kept best first, so of two candidates that are one question the better stays.
        for candidate in gated.kept:
            if known.holds(candidate.question, keyed[id(candidate)]):
                report.dropped["repeats another question"] += 1
                continue
            known.add(candidate.question, keyed[id(candidate)])
            report.added.append(candidate)


def _read_all(paths: list[Path], article_date: dt.date | None,
              titles: dict[Path, str] | None) -> list[tuple[Path, Article | None, str | None]]:
    """Every article of the files, or the message of a file that could not be read."""
    from quizcli.reading.formats import read_file

    articles: list[tuple[Path, Article | None, str | None]] = []
    for path in paths:
        try:
            in_file = read_file(path, article_date)
        except ArticleError as exc:
            articles.append((path, None, str(exc)))
            continue
        if titles and path in titles:
            in_file = [replace(a, title=titles[path]) for a in in_file]
        articles += [(path, article, None) for article in in_file]
    return articles


def _extract(articles: list[tuple[Path, Article | None, str | None]], extractor: Extractor,
             on_article: Callable[[Path], None] | None
             ) -> tuple[list[ArticleReport], list[tuple[ArticleReport, Article, list[Fact]]]]:
    """A report for every article and the facts of each one read."""
    per_file = Counter(path for path, article, _ in articles if article is not None)
    reports: list[ArticleReport] = []
    readable: list[tuple[ArticleReport, Article]] = []
    for path, article, error in articles:
        source_id = slug(path.stem, limit=64)
        if article is not None and per_file[path] > 1:  # one of a compilation's articles
            source_id = slug(f"{path.stem} {article.title or len(reports)}", limit=64)
        report = ArticleReport(path, source_id, article.title or path.stem if article else "",
                               error=error)
        reports.append(report)
        if article is not None:
            readable.append((report, article))
    found_each = zip(readable, mapped(lambda read: extractor.extract(read[1], read[0].source),
                                      readable), strict=True)
    extracted: list[tuple[ArticleReport, Article, list[Fact]]] = []
    told: set[Path] = set()
    for report in reports:  # told of in the files' order, each as it is read
        if on_article and report.path not in told:
            told.add(report.path)
            on_article(report.path)
        if report.error is None:
            (_, article), found = next(found_each)
            report.facts = len(found)
            extracted.append((report, article, found))
    return reports, extracted


def _source(report: ArticleReport, article: Article, out_dir: Path,
            origins: dict[Path, str] | None, copies: SourceCopies) -> Source:
    """The article as a source of the bank, its file kept beside the bank."""
    path = report.path
    relative = copies.copy(path, out_dir / "sources")
    return Source(
        id=report.source, title=article.title or path.stem, publisher=article.publisher,
        date=article.date.isoformat() if article.date else None, path=relative,
        url=(origins or {}).get(path) or article.url, author=article.author,
        format=None if article.format == "text" else article.format,
        extractor=article.extractor)


def ingest(
    paths: list[Path],
    out_dir: Path,
    today: dt.date,
    *,
    bank_id: str | None = None,
    title: str | None = None,
    article_date: dt.date | None = None,
    budget: int = DEFAULT_BUDGET,
    others: list[Bank] | None = None,
    on_article: Callable[[Path], None] | None = None,
    extractor: Extractor | None = None,
    origins: dict[Path, str] | None = None,
    titles: dict[Path, str] | None = None,
) -> IngestResult:
    """Read the articles into the bank `bank_id` in `out_dir`, creating or updating it,
    with `extractor` (the rule-based reader unless another is given).

    The bank file is only written when something was added. An article that gives no
    question (no facts found, or none made a question that passed the gate) is listed
    in `IngestResult.fruitless`, and neither it nor its source is written. A file may
    hold several articles (a PDF compilation): each is a source of its own. `origins`
    gives the address a file was fetched from; `titles` the title of a file whose text
    has none that the user gave (pasted text).
    """
    articles = _read_all(paths, article_date, titles)
    readable = [a for _, a, _ in articles if a is not None]
    if bank_id is None:
        if not readable:
            raise ArticleError(_unread(articles))
        first = readable[0]
        bank_id = slug(first.title or Path(first.name).stem)
    target = out_dir / f"{bank_id}.yaml"
    # Two ingests into one bank take turns: each reads the bank the other wrote.
    with locked(target):
        existing = load_bank(target) if target.exists() else None
        held = _Held.of(existing)
        reports, extracted = _extract(articles, extractor or default_extractor(), on_article)
        new_candidates = _added(held, extracted, [f for bank in others or () for f in bank.facts],
                                bank_id=bank_id, budget=budget, out_dir=out_dir, origins=origins)
        if existing is None and not new_candidates and not readable:
            raise ArticleError(_unread(articles))
        changed = bool(new_candidates) or (existing is not None
                                           and len(held.sources) != len(existing.sources))
        if not changed:
            # No bank is created for articles that gave nothing: an empty file helps no one.
            unchanged = existing or Bank(id=bank_id, title=title or bank_id,
                                         created=today.isoformat(), updated=today.isoformat())
            return IngestResult(unchanged, target, False, reports)
        bank = _merged(held, existing, new_candidates, bank_id=bank_id, today=today,
                       title=title or (existing.title if existing else (
                           readable[0].title if readable and readable[0].title else bank_id)))
        save_bank(bank, target)
        return IngestResult(bank, target, True, reports)


def _added(held: _Held, extracted: list[tuple[ArticleReport, Article, list[Fact]]],
           other_facts: list[Fact], *, bank_id: str, budget: int, out_dir: Path,
           origins: dict[Path, str] | None) -> list[Candidate]:
    """`_add`, with the copies of the articles written beside the bank before it returns."""
    copies = SourceCopies()
    try:
        with collector_paused():  # tens of thousands of candidates, and no cycles
            return _add(held, extracted, other_facts, bank_id=bank_id, budget=budget,
                        out_dir=out_dir, origins=origins, copies=copies)
    finally:
        copies.wait()  # no bank names a copy that is not written


def _add(held: _Held, extracted: list[tuple[ArticleReport, Article, list[Fact]]],
         other_facts: list[Fact], *, bank_id: str, budget: int, out_dir: Path,
         origins: dict[Path, str] | None, copies: SourceCopies) -> list[Candidate]:
    """Make and gate each article's questions, adding the kept and their sources to
    `held`; returns the new questions, best first."""
    # Every other story, in this bank, in this ingest or in other banks, lends its
    # parties and people as distractors. Gathered once: per article it would be quadratic.
    everything = other_facts + list(held.facts.values()) + [
        f for _, _, found in extracted for f in found]
    lent = (tuple(dict.fromkeys(p for f in everything for p in f.parties)),
            tuple(_people_of(everything)))
    def made(item: tuple[ArticleReport, Article, list[Fact]]) -> tuple[str | None, Screened]:
        _, article, found = item
        return (area_of(article.title or "", " ".join(s.text for s in article.sentences)),
                Screened.of(make_candidates(found, pools_for(found, lent), bank_id, article)))

    new_candidates: list[Candidate] = []
    areas: dict[str, str | None] = {}  # source → its syllabus area
    # Every article's candidates before the first copy is written: no thread runs at a fork.
    made_each = list(mapped(made, extracted))
    for (report, article, _), (area, made_of) in zip(extracted, made_each, strict=True):
        areas[report.source] = area
        held.ask(report, made_of, budget)
        new_candidates += report.added
        if report.yielded:  # an article that gave nothing leaves no trace in the bank
            held.sources.setdefault(report.source,
                                    _source(report, article, out_dir, origins, copies))
    new_candidates.sort(key=lambda c: -c.score)
    for candidate in new_candidates:
        held.questions[candidate.question.id] = with_area(
            candidate.question, areas.get(candidate.question.source))
        for fact in candidate.facts:
            held.facts.setdefault(fact.id, fact)
    return new_candidates


def _merged(held: _Held, existing: Bank | None, new: list[Candidate], *, bank_id: str,
            today: dt.date, title: str) -> Bank:
    """The bank with the new questions, keeping only the facts a question asks of."""
    used = {q.fact for q in held.questions.values()} | {f.id for c in new for f in c.facts}
    return Bank(
        id=bank_id,
        title=title,
        created=existing.created if existing else today.isoformat(),
        updated=today.isoformat(),
        description=existing.description if existing else None,
        sources=tuple(held.sources.values()),
        facts=tuple(f for f in held.facts.values() if f.id in used),
        questions=tuple(held.questions.values()),
    )
