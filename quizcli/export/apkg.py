"""Anki packages (.apkg), built with genanki.

Three note types: multiple choice (choices on the front; answer, evidence and
source on the back), Anki's Cloze type for fill-in-the-blank, and basic cards
for short answers. One deck per bank, under `quizcli::`. A note's guid is its
question's id, so exporting a corrected bank again updates the same notes in
Anki instead of adding copies. The same banks always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from quizcli.export.html import choices_html, cloze_text, escape, notes
from quizcli.ids import digest, digest_number
from quizcli.model import Bank, QuestionType

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: #222;
  background: #fff; }
.choices li { margin: .3em 0; }
.answer { font-weight: bold; color: #0a6; }
.evidence { margin-top: 1em; font-style: italic; color: #555; }
.source { margin-top: .4em; font-size: 14px; color: #888; }
.cloze { font-weight: bold; color: #06c; }"""


def stable_id(name: str) -> int:
    """An id for a deck or note type, the same on every export (genanki's range)."""
    return (1 << 30) + digest_number(name, 8) % (1 << 30)


def _models():
    import genanki

    back = ('{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
            '<div class="evidence">{{Evidence}}</div><div class="source">{{Source}}</div>')
    choice = genanki.Model(
        stable_id("quizcli multiple choice"), "quizcli multiple choice",
        fields=[{"name": n} for n in ("Question", "Choices", "Answer", "Evidence", "Source")],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}<br>{{Choices}}", "afmt": back}],
        css=CSS)
    basic = genanki.Model(
        stable_id("quizcli basic"), "quizcli basic",
        fields=[{"name": n} for n in ("Question", "Answer", "Evidence", "Source")],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": back}], css=CSS)
    cloze = genanki.Model(
        stable_id("quizcli cloze"), "quizcli cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}",
                    "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}],
        css=CSS, model_type=genanki.Model.CLOZE)
    return choice, basic, cloze


def _notes(banks: list[Bank]):
    """(bank, question, note type name, fields, tags) for every note, in order."""
    for bank in banks:
        for q, where, tags in notes(bank):
            if q.type is QuestionType.CLOZE:
                kind, fields = "cloze", [cloze_text(q.prompt, q.answer),
                                         f'<div class="evidence">{escape(q.evidence)}</div>'
                                         f'<div class="source">{where}</div>']
            elif q.type in (QuestionType.MCQ, QuestionType.TRUE_FALSE):
                choices = q.choices or ("True", "False")
                kind, fields = "choice", [escape(q.prompt), choices_html(choices),
                                          escape(q.answer), escape(q.evidence), where]
            else:
                kind, fields = "basic", [escape(q.prompt), escape(q.answer),
                                         escape(q.evidence), where]
            yield bank, q, kind, fields, tags


def digests(banks: list[Bank]) -> dict[str, str]:
    """Each note's content as a digest: a change to what Anki shows changes it."""
    return {q.id: digest(repr((kind, fields, sorted(tags))))
            for _, q, kind, fields, tags in _notes(banks)}


def build(banks: list[Bank], times: dict[str, int] | None = None) -> bytes:
    """The .apkg file's bytes. Each note's modification time is the banks' `updated` day,
    or `times[question id]` (epoch seconds) where later: when that content was first
    exported, so that Anki, which updates a note only from a newer one, takes a
    correction made the same day."""
    import genanki

    models = dict(zip(("choice", "basic", "cloze"), _models(), strict=True))
    decks: dict[str, genanki.Deck] = {}
    for bank, q, kind, fields, tags in _notes(banks):
        deck_name = f"quizcli::{bank.id}"
        if bank.id not in decks:
            decks[bank.id] = genanki.Deck(stable_id(deck_name), deck_name,
                                          description=escape(bank.title))
        decks[bank.id].add_note(genanki.Note(model=models[kind], fields=fields, tags=tags,
                                             guid=q.id))
    for bank in banks:  # a bank with no questions is still a deck
        decks.setdefault(bank.id, genanki.Deck(stable_id(f"quizcli::{bank.id}"),
                                               f"quizcli::{bank.id}",
                                               description=escape(bank.title)))
    package = genanki.Package([decks[b.id] for b in banks])
    latest = max((b.updated for b in banks), default="2000-01-01")
    stamp = dt.datetime.fromisoformat(latest).replace(tzinfo=dt.timezone.utc).timestamp()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "collection.anki2")
        db = sqlite3.connect(path)
        package.write_to_db(db.cursor(), stamp, itertools.count(int(stamp * 1000)))
        later = [(when, guid) for guid, when in (times or {}).items() if when > stamp]
        db.executemany("UPDATE notes SET mod = ? WHERE guid = ?", later)
        db.commit()
        db.close()
        collection = path.read_bytes()
    out = io.BytesIO()
    when = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()
