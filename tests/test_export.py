"""Exports, checked by the tools that read them: the Anki backend imports the decks."""

from __future__ import annotations

import csv
import html
import io
import json
import os

import pytest
from bankgen import MINIMAL
from conftest import SHIPPED_BANKS
from hypothesis import given
from hypothesis import strategies as st

from quizcli.bankfile import load_bank
from quizcli.export import render
from quizcli.export.html import escape
from quizcli.export.table import write_rows
from quizcli.model import QuestionType
from quizcli.review.schedule import Rating
from quizcli.review.store import Store
from quizcli.ui.app import app

anki = pytest.importorskip("anki.collection")
SHIPPED = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
HOSTILE = (MINIMAL.replace("Where will the meeting take place?",
                           '<script>alert("x")</script> {{c1::where}} & more?')
           .replace("id: tiny", "id: hostile"))


def collection(tmp_path, name="collection.anki2"):
    return anki.Collection(str(tmp_path / name))


def import_apkg(col, path):
    options = anki.ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False)
    return col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(path),
                                                                 options=options))


def import_text(col, path):
    from anki.import_export_pb2 import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))


def note_of(col, guid):
    return col.get_note(col.db.scalar("SELECT id FROM notes WHERE guid = ?", guid))


def export(runner, fmt, path, *banks):
    args = ["export", "--format", fmt, "-o", str(path)]
    for bank in banks:
        args += ["--bank", bank]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return path


def test_the_apkg_imports_into_anki_with_its_decks_fields_tags_and_clozes(runner, tmp_path):
    path = export(runner, "apkg", tmp_path / "deck.apkg", "korea-summits")
    col = collection(tmp_path)
    import_apkg(col, path)

    assert col.note_count() == len(SHIPPED.questions)
    assert "quizcli::korea-summits" in [d.name for d in col.decks.all_names_and_ids()]
    clozes = [q for q in SHIPPED.questions if q.type is QuestionType.CLOZE]
    assert clozes
    assert col.db.scalar("SELECT count() FROM cards c JOIN notes n ON c.nid = n.id "
                         "JOIN notetypes t ON n.mid = t.id WHERE t.name = 'quizcli cloze'"
                         ) == len(clozes)
    mcq = next(q for q in SHIPPED.questions if q.type is QuestionType.MCQ)
    note = note_of(col, mcq.id)
    assert note.note_type()["name"] == "quizcli multiple choice"
    assert note["Question"] == html.escape(mcq.prompt)
    assert all(html.escape(c) in note["Choices"] for c in mcq.choices)
    assert note["Answer"] == html.escape(mcq.answer)
    assert note["Evidence"] == html.escape(mcq.evidence)
    assert sorted(note.tags) == sorted(f"{k}::{v}".replace(" ", "_")
                                       for k, vs in mcq.tags.items() for v in vs)
    cloze = note_of(col, clozes[0].id)
    assert "{{c1::" + html.escape(clozes[0].answer) in cloze["Text"]
    col.close()


def test_a_re_export_after_an_edit_updates_the_notes_in_anki(runner, tmp_path, quizcli_home):
    banks = quizcli_home / "banks"
    banks.mkdir()
    (banks / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    col = collection(tmp_path)
    import_apkg(col, export(runner, "apkg", tmp_path / "one.apkg", "tiny"))
    edited = (MINIMAL.replace("Where will the meeting take place?", "Where will they meet?")
              .replace("updated: 2026-11-22", "updated: 2026-11-23"))
    (banks / "tiny.yaml").write_text(edited, encoding="utf-8")
    import_apkg(col, export(runner, "apkg", tmp_path / "two.apkg", "tiny"))
    assert col.note_count() == 1
    assert note_of(col, "q1")["Question"] == "Where will they meet?"
    col.close()


def test_a_correction_made_the_same_day_reaches_anki(runner, tmp_path, quizcli_home,
                                                     monkeypatch):
    import datetime as dt

    banks = quizcli_home / "banks"
    banks.mkdir()
    (banks / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    morning = dt.datetime(2026, 11, 22, 9, tzinfo=dt.timezone.utc)
    monkeypatch.setattr("quizcli.ui.context.now", lambda: morning)
    col = collection(tmp_path)
    import_apkg(col, export(runner, "apkg", tmp_path / "one.apkg", "tiny"))
    (banks / "tiny.yaml").write_text(  # the same `updated` day: only the question changes
        MINIMAL.replace("Where will the meeting take place?", "Where will they meet?"),
        encoding="utf-8")
    monkeypatch.setattr("quizcli.ui.context.now", lambda: morning + dt.timedelta(minutes=20))
    import_apkg(col, export(runner, "apkg", tmp_path / "two.apkg", "tiny"))
    assert note_of(col, "q1")["Question"] == "Where will they meet?"
    # an export with nothing changed dates no note anew: the package is the same
    monkeypatch.setattr("quizcli.ui.context.now", lambda: morning + dt.timedelta(hours=2))
    again = export(runner, "apkg", tmp_path / "three.apkg", "tiny")
    assert again.read_bytes() == (tmp_path / "two.apkg").read_bytes()
    col.close()


def test_article_text_stays_inert_in_anki(runner, tmp_path, quizcli_home):
    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    col = collection(tmp_path)
    import_apkg(col, export(runner, "apkg", tmp_path / "h.apkg", "hostile"))
    question = note_of(col, "q1")["Question"]
    assert "<script" not in question and "{{" not in question
    assert html.unescape(question) == '<script>alert("x")</script> {{c1::where}} & more?'
    card = col.get_card(col.find_cards("")[0])
    assert "<script" not in card.question()
    col.close()


def test_the_anki_text_file_imports_with_anki_own_note_types(runner, tmp_path):
    path = export(runner, "anki-txt", tmp_path / "deck.txt", "korea-summits")
    header = path.read_text(encoding="utf-8").splitlines()[:6]
    assert header == ["#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
                      "#deck column:3", "#tags column:6"]
    col = collection(tmp_path)
    import_text(col, path)
    assert col.note_count() == len(SHIPPED.questions)
    clozes = [q for q in SHIPPED.questions if q.type is QuestionType.CLOZE]
    mcq = next(q for q in SHIPPED.questions if q.type is QuestionType.MCQ)
    note = note_of(col, mcq.id)
    assert note.note_type()["name"] == "Basic"
    assert note["Front"].startswith(html.escape(mcq.prompt))
    assert html.escape(mcq.answer) in note["Back"] and html.escape(mcq.evidence) in note["Back"]
    cloze = note_of(col, clozes[0].id)
    assert cloze.note_type()["name"] == "Cloze"
    assert "{{c1::" in cloze["Text"]
    import_text(col, path)  # a second import updates, never duplicates
    assert col.note_count() == len(SHIPPED.questions)
    col.close()


def test_the_same_banks_give_the_same_bytes():
    assert render([SHIPPED], "apkg") == render([SHIPPED], "apkg")


def test_csv_and_markdown(runner, tmp_path):
    path = export(runner, "csv", tmp_path / "deck.csv", "korea-summits")
    raw = path.read_bytes()
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0][:4] == ["id", "bank", "type", "prompt"]
    assert len(rows) == len(SHIPPED.questions) + 1
    sheet = export(runner, "md", tmp_path / "deck.md", "korea-summits").read_text()
    for heading in ("# The Trump", "## Second Trump-Kim Meeting", "### Positions of each party",
                    "### Timeline", "### Questions", "- **North Korea**"):
        assert heading in sheet


def test_json_with_progress(runner, tmp_path, quizcli_home):
    import datetime as dt

    runner.invoke(app, ["status"])  # opens the store and makes the cards
    with Store.open(quizcli_home) as store:
        store.record(SHIPPED.questions[0].id, Rating.GOOD,
                     dt.datetime(2026, 11, 22, 9, tzinfo=dt.timezone.utc))
    path = export(runner, "json", tmp_path / "deck.json", "korea-summits")
    assert "progress" not in json.loads(path.read_text())[0]
    result = runner.invoke(app, ["export", "--format", "json", "--with-progress", "-o", "-"])
    records = json.loads(result.stdout)
    studied = next(r for r in records if r["id"] == SHIPPED.questions[0].id)
    assert studied["progress"]["state"] == "learning" and studied["progress"]["reps"] == 1
    assert records[1]["progress"]["state"] == "new"


def test_an_interrupted_export_leaves_no_file(runner, tmp_path, monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    runner.invoke(app, ["export", "--format", "apkg", "-o", str(tmp_path / "deck.apkg")])
    assert list(tmp_path.iterdir()) == []


def test_export_mistakes_are_named(runner, tmp_path):
    unknown = runner.invoke(app, ["export", "--bank", "nope", "-o", str(tmp_path / "x")])
    assert unknown.exit_code == 1 and "no bank named 'nope'" in unknown.stderr
    binary = runner.invoke(app, ["export", "--format", "apkg", "-o", "-"])
    assert binary.exit_code == 2 and "an apkg is binary" in binary.output


@given(st.lists(st.lists(st.text(max_size=30), min_size=12, max_size=12), max_size=5))
def test_csv_round_trips_any_text(rows):
    written = write_rows(rows)
    read = list(csv.reader(io.StringIO(written, newline="")))
    assert read[1:] == rows


@given(st.text(max_size=200))
def test_html_escaping_of_any_text(text):
    escaped = escape(text)
    assert "{" not in escaped and "}" not in escaped and '"' not in escaped
    assert "<" not in escaped.replace("<br>", "")
    plain = text.replace("\r\n", "\n").replace("\t", " ")
    assert html.unescape(escaped.replace("<br>", "\n")) == plain


def test_an_anki_package_is_written_when_the_store_cannot_date_its_notes(
        runner, tmp_path, quizcli_home):
    (quizcli_home / "quizcli.db").mkdir()  # no store can be opened there
    path = export(runner, "apkg", tmp_path / "deck.apkg", "korea-summits")
    col = collection(tmp_path)
    import_apkg(col, path)
    assert col.note_count() == len(SHIPPED.questions)  # the notes keep their bank's day
    col.close()


def test_the_sheet_and_the_screen_show_each_partys_positions_alike():
    from quizcli.export.sheet import md
    from quizcli.model import Fact, FactKind, party_positions
    from quizcli.ui.views import fact_tables as screen

    facts = [
        Fact("f1", "s1", FactKind.POSITION, "Sikkim", evidence="Sikkim seeks a new road.",
             detail={"stance": "seeks a new road", "holder": "Asha Verma"}),
        Fact("f2", "s1", FactKind.QUOTE, "Ravi Menon", evidence="Menon said the road waits.",
             detail={"quote": "the road waits", "party": "Kolhapur"}),
        Fact("f3", "s1", FactKind.POSITION, "Sikkim", evidence="Sikkim rejects the toll."),
    ]
    assert party_positions(facts) == {
        "Sikkim": ["Asha Verma: seeks a new road", "Sikkim rejects the toll."],
        "Kolhapur": ["Ravi Menon said: the road waits"]}
    table = screen.positions(facts)
    assert [c.header for c in table.columns] == ["Sikkim", "Kolhapur"]
    assert [str(cell) for cell in table.columns[0].cells] == [
        "• Asha Verma: seeks a new road", "• Sikkim rejects the toll."]
    sheet = render([SHIPPED], "md")
    positions = party_positions(SHIPPED.facts)
    assert positions
    for party, said in positions.items():
        assert f"- **{md(party)}**" in sheet
        assert all(f"  - {md(line)}" in sheet for line in said)
