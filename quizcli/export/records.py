"""A bank's questions as plain records: what the JSON and CSV exports are made of."""

from __future__ import annotations

from quizcli.model import Bank


def question_records(banks: list[Bank]) -> list[dict]:
    """Every question of the banks, each with its source named, as plain data."""
    records = []
    for bank in banks:
        sources = {s.id: s for s in bank.sources}
        for q in bank.questions:
            source = sources.get(q.source)
            records.append({
                "id": q.id,
                "bank": bank.id,
                "type": q.type.value,
                "prompt": q.prompt,
                "answer": q.answer,
                "accept": list(q.accept),
                "choices": list(q.choices),
                "evidence": q.evidence,
                "source": q.source,
                "source_title": source.title if source else None,
                "source_publisher": source.publisher if source else None,
                "source_date": source.date if source else None,
                "fact": q.fact,
                "tags": {k: list(v) for k, v in q.tags.items()},
            })
    return records


def build(banks: list[Bank], progress: dict[str, dict] | None = None) -> str:
    """The questions as JSON; with `progress` (question id → card state), each with its
    card's state."""
    import json

    records = question_records(banks)
    if progress is not None:
        for record in records:
            record["progress"] = progress.get(record["id"])
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
