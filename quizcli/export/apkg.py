"""Anki packages (.apkg), built with genanki.

Three note types: multiple choice (choices on the front; answer, evidence and
source on the back), Anki's Cloze type for fill-in-the-blank, and basic cards
for short answers. One deck per bank, under `quizcli::`. A note's guid is its
question's id, so exporting a corrected bank again updates the same notes in
Anki instead of adding copies. The same banks always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from quizcli.export.html import choices_html, cloze_text, escape, notes
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
    return (1 << 30) + int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % (1 << 30)


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


def build(banks: list[Bank]) -> bytes:
    """The .apkg file's bytes."""
    import genanki

    choice, basic, cloze = _models()
    decks = []
    for bank in banks:
        deck_name = f"quizcli::{bank.id}"
        deck = genanki.Deck(stable_id(deck_name), deck_name, description=escape(bank.title))
        for q, where, tags in notes(bank):
            if q.type is QuestionType.CLOZE:
                model, fields = cloze, [cloze_text(q.prompt, q.answer),
                                        f'<div class="evidence">{escape(q.evidence)}</div>'
                                        f'<div class="source">{where}</div>']
            elif q.type in (QuestionType.MCQ, QuestionType.TRUE_FALSE):
                choices = q.choices or ("True", "False")
                model, fields = choice, [escape(q.prompt), choices_html(choices),
                                         escape(q.answer), escape(q.evidence), where]
            else:
                model, fields = basic, [escape(q.prompt), escape(q.answer), escape(q.evidence),
                                        where]
            deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=q.id))
        decks.append(deck)
    package = genanki.Package(decks)
    latest = max((b.updated for b in banks), default="2000-01-01")
    stamp = dt.datetime.fromisoformat(latest).replace(tzinfo=dt.timezone.utc).timestamp()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "collection.anki2")
        db = sqlite3.connect(path)
        package.write_to_db(db.cursor(), stamp, itertools.count(int(stamp * 1000)))
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
