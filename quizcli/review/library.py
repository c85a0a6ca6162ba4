"""Keeping the review store in step with the banks quizcli can see.

A bank file is only read again when it has changed since the last sync (its
size and modification time), so a study session starts without parsing YAML
on most days. Each card keeps its question as JSON, with its source's title,
for the session to show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from quizcli.catalog import Catalog
from quizcli.errors import BankError
from quizcli.files import stamp
from quizcli.model import Question
from quizcli.question_kinds import question_kind
from quizcli.review.store import Store


def sync_catalog(store: Store, catalog: Catalog) -> list[BankError]:
    """Bring the store's cards in line with the visible banks; returns banks that failed."""
    visible = [e for e in catalog.entries if e.shadowed_by is None]
    stamps = {e.id: stamp(e.path) for e in visible}
    if store.stamps() == stamps:
        return []
    errors: list[BankError] = []
    rows = []
    for entry in visible:
        try:
            bank = entry.load()
        except BankError as exc:
            errors.append(exc)
            stamps.pop(entry.id)
            continue
        sources = {s.id: s for s in bank.sources}
        questions = []
        for q in bank.questions:
            source = sources.get(q.source)
            payload = {"question": q.to_dict(), "bank": bank.id, "bank_title": bank.title,
                       "source": source.title if source else q.source,
                       "publisher": source.publisher if source else None,
                       "path": str(entry.path)}
            questions.append((q.id, q.fact, json.dumps(payload, ensure_ascii=False),
                              question_kind(q)))
        rows.append((bank.id, questions))
    store.sync(rows, stamps)
    return errors


@dataclass(frozen=True)
class Shown:
    """A question as a session shows it."""

    question: Question
    bank: str
    bank_title: str
    source: str
    publisher: str | None
    path: str


def shown(store: Store, question_id: str) -> Shown | None:
    """The question of a card, as last synced; None for a card with no question left."""
    payload = store.question(question_id)
    if payload is None:
        return None
    data = json.loads(payload)
    return Shown(Question.from_dict(data["question"]), data["bank"], data["bank_title"],
                 data["source"], data.get("publisher"), data["path"])


def _plain(tag: str) -> str:
    """A tag as typed or as Anki writes it: "Science_and-Technology" is "science and
    technology"."""
    return " ".join(tag.lower().replace("_", " ").replace("-", " ").split())


def tagged(store: Store, wanted: list[str]) -> tuple[set[str], list[str]]:
    """The cards with any of the tags `wanted`, and the tags no card has.

    A tag is NAME::VALUE (or NAME:VALUE), such as area::economy, or a value alone,
    which any tag of that value matches: economy, korea-summits. Case, spaces, hyphens
    and underscores do not count. Orphaned cards are left out."""
    asked: list[tuple[str | None, str]] = []
    for tag in wanted:
        name, _, value = tag.replace("::", ":").rpartition(":")
        asked.append((_plain(name) or None, _plain(value)))
    found: set[str] = set()
    used: set[int] = set()
    for qid, payload in store.db.execute(
            "SELECT question_id, question FROM cards WHERE orphaned = 0 AND question IS NOT NULL"):
        tags = json.loads(payload).get("question", {}).get("tags", {})
        held = {(_plain(name), _plain(value)) for name, values in tags.items()
                for value in values}
        for i, (kind, label) in enumerate(asked):
            if any(v == label and (kind is None or n == kind) for n, v in held):
                found.add(qid)
                used.add(i)
    return found, [tag for i, tag in enumerate(wanted) if i not in used]


def areas_in(store: Store) -> list[str]:
    """The syllabus areas the cards are tagged with, in the order of the syllabus."""
    from quizcli.reading.topics import areas

    held = set()
    for (payload,) in store.db.execute(
            "SELECT question FROM cards WHERE orphaned = 0 AND question IS NOT NULL"):
        held |= set(json.loads(payload).get("question", {}).get("tags", {}).get("area", ()))
    return [area for area in areas() if area in held] + sorted(held - set(areas()))


def resync(store: Store, catalog: Catalog | None = None) -> tuple[Catalog, list[BankError]]:
    """The banks as they are now (`catalog`, or found again) and the store in step with
    them; with every bank that could not be read, the catalog's own first."""
    from quizcli.catalog import discover

    if catalog is None:
        catalog = discover()
    return catalog, catalog.errors + sync_catalog(store, catalog)


def tagged_only(store: Store, tags: list[str]) -> set[str]:
    """The cards with any of the tags (see `tagged`); a tag no card has is an error that
    names the areas the cards have."""
    from quizcli.errors import QuizcliError

    found, unknown = tagged(store, tags)
    if unknown:
        held = areas_in(store)
        known = (f"the areas of your cards are {', '.join(held)}" if held else
                 "no card has an area yet (ingest tags the questions of new articles)")
        raise QuizcliError(f"no card has the tag {unknown[0]!r}; {known}; a tag may also "
                           "be NAME::VALUE, such as kind::date")
    return found
