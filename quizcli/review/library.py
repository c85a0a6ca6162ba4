"""Keeping the review store in step with the banks quizcli can see.

A bank file is only read again when it has changed since the last sync (its
size and modification time), so a study session starts without parsing YAML
on most days. Each card keeps its question as JSON, with its source's title,
for the session to show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from quizcli.catalog import Catalog
from quizcli.errors import BankError
from quizcli.model import Question
from quizcli.review.store import Store


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def sync_catalog(store: Store, catalog: Catalog) -> list[BankError]:
    """Bring the store's cards in line with the visible banks; returns banks that failed."""
    visible = [e for e in catalog.entries if e.shadowed_by is None]
    stamps = {e.id: _stamp(e.path) for e in visible}
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
            kind = next(iter(q.tags.get("kind", ())), None)
            questions.append((q.id, q.fact, json.dumps(payload, ensure_ascii=False), kind))
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
