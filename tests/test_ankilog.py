"""Answers given in Anki come back: a deck quizcli exported is studied with Anki's own
scheduler, and `quizcli import-reviews` reads the collection or a package of it."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SHIPPED_BANKS

from quizcli.bankfile import load_bank
from quizcli.review.ankilog import Entry, to_answers
from quizcli.review.schedule import Card, Rating, from_ms
from quizcli.review.store import RESET, Store
from quizcli.ui.app import app

anki = pytest.importorskip("anki.collection")
BANK = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
GRADES = [3, 1, 3, 4, 2, 3, 3, 1]


@pytest.fixture(scope="module")
def studied_in_anki(tmp_path_factory):
    """A collection that imported quizcli's apkg and answered 40 cards with Anki's
    scheduler, reset one card and set another's due date, and a note of its own, also
    answered; then closed. Returns its folder."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("anki")
    home = tmp_path_factory.mktemp("export-home")
    deck = folder / "deck.apkg"
    result = CliRunner().invoke(app, ["export", "--format", "apkg", "-o", str(deck)],
                                env={"QUIZCLI_HOME": str(home)})
    assert result.exit_code == 0, result.output
    col = anki.Collection(str(folder / "collection.anki2"))
    # A day that ends twelve hours from now: no learning step runs into the next day.
    col.set_config("rollover", (dt.datetime.now().hour + 12) % 24)
    col.import_anki_package(anki.ImportAnkiPackageRequest(
        package_path=str(deck),
        options=anki.ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False)))
    did = col.decks.id_for_name("quizcli::korea-summits")
    col.decks.select(did)
    own = col.new_note(col.models.by_name("Basic"))
    own["Front"], own["Back"] = "Not a quizcli question", "no"
    col.add_note(own, did)
    for i in range(40):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, GRADES[i % len(GRADES)])
    answered = col.db.list("SELECT DISTINCT cid FROM revlog ORDER BY cid")
    col.sched.schedule_cards_as_new([answered[0]], restore_position=True, reset_counts=False)
    col.sched.set_due_date([answered[1]], "5")
    own_card = col.get_card(col.db.scalar("SELECT id FROM cards WHERE nid = ?", own.id))
    if not col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", own_card.id):
        own_card.start_timer()
        col.sched.answerCard(own_card, 3)  # a note of the user's own, answered in Anki
    col.close()
    return folder


def anki_log(folder: Path) -> dict:
    """What Anki holds: each quizcli question's answers (time, ease), its reps and its last
    review, and the resets."""
    db = sqlite3.connect(folder / "collection.anki2")
    rows = db.execute("SELECT r.id, r.ease, r.type, r.factor, n.guid, c.reps, c.data "
                      "FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid "
                      "ORDER BY r.id").fetchall()
    db.close()
    quizcli_ids = {q.id for q in BANK.questions}
    out: dict = {"answers": {}, "reps": {}, "resets": set(), "own": 0}
    for revlog_id, ease, kind, factor, guid, reps, _ in rows:
        if guid not in quizcli_ids:
            out["own"] += ease > 0
            continue
        if ease:
            out["answers"].setdefault(guid, []).append((revlog_id, ease))
            out["reps"][guid] = reps
        elif kind == 4 and factor == 0:
            out["resets"].add(guid)
    return out


def package(folder: Path, kind: str, target: Path) -> Path:
    """The collection as the user would hand it over."""
    if kind == "collection":
        copy = target / "profile" / "collection.anki2"
        copy.parent.mkdir()
        shutil.copy(folder / "collection.anki2", copy)
        return copy
    col = anki.Collection(str(shutil.copytree(folder, target / "col") / "collection.anki2"))
    path = target / "out" / f"export.{kind.split('-')[0]}"
    path.parent.mkdir()
    legacy = kind.endswith("-legacy")
    if kind.startswith("colpkg"):
        col.export_collection_package(str(path), include_media=False, legacy=legacy)
    else:
        from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

        col.export_anki_package(out_path=str(path), options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=False, legacy=legacy),
            limit=DeckIdLimit(col.decks.id_for_name("quizcli::korea-summits")))
        col.close()
    return path


def reviews(home: Path) -> list[tuple[str, int, int]]:
    with Store.open(home) as store:
        return list(store.db.execute("SELECT question_id, reviewed_at, rating FROM reviews "
                                     "ORDER BY id"))


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("kind", ["collection", "colpkg", "colpkg-legacy", "apkg",
                                  "apkg-legacy"])
def test_every_answer_given_in_anki_comes_back_once_on_its_question(
        runner, studied_in_anki, tmp_path, quizcli_home, kind):
    truth = anki_log(studied_in_anki)
    assert sum(len(a) for a in truth["answers"].values()) == 40 and truth["resets"]
    path = package(studied_in_anki, kind, tmp_path)
    untouched = digest(path.parent)

    result = runner.invoke(app, ["import-reviews", str(path)])

    assert result.exit_code == 0, result.output
    assert digest(path.parent) == untouched  # the user's file is read, never written
    own = truth["own"]
    assert f"added {40 + len(truth['resets'])} answers, skipped 0" in result.stdout
    assert f"{own} answer{'s' if own != 1 else ''} belonged to notes quizcli does not know" \
           in result.stdout
    assert "Left out 1 entry that is not an answer" in result.stdout  # the set due date
    logged = reviews(quizcli_home)
    answers = [(q, at, r) for q, at, r in logged if r != RESET]
    assert sorted(answers) == sorted((guid, at, ease) for guid, given in truth["answers"].items()
                                     for at, ease in given)
    assert {q for q, _, r in logged if r == RESET} == truth["resets"]
    with Store.open(quizcli_home) as store:
        for question_id, given in truth["answers"].items():
            card = store.card(question_id)
            assert card == store.replay(question_id)
            if question_id in truth["resets"]:
                assert card == Card(question_id)  # reset after its answers, as in Anki
                continue
            assert card.reps == len(given) == truth["reps"][question_id]
            assert card.last_review == from_ms(max(at for at, _ in given))

    again = runner.invoke(app, ["import-reviews", str(path)])
    assert again.exit_code == 0, again.output
    assert f"added 0 answers, skipped {40 + len(truth['resets'])} already" in again.stdout
    assert reviews(quizcli_home) == logged


def test_answers_given_in_both_places_merge_in_time_order(runner, studied_in_anki, tmp_path,
                                                          quizcli_home):
    truth = anki_log(studied_in_anki)
    question_id, given = next((q, g) for q, g in truth["answers"].items()
                              if q not in truth["resets"])
    runner.invoke(app, ["status"])  # makes the cards
    first_in_anki = from_ms(given[0][0])
    with Store.open(quizcli_home) as store:
        store.record(question_id, Rating.AGAIN, first_in_anki.replace(year=first_in_anki.year - 1))
    result = runner.invoke(app, ["import-reviews", str(package(studied_in_anki, "collection",
                                                               tmp_path))])
    assert result.exit_code == 0, result.output
    with Store.open(quizcli_home) as store:
        card = store.card(question_id)
        assert card.reps == 1 + len(given)
        assert card == store.replay(question_id)
        assert [r for _, r in store.log(question_id)] == [1] + [e for _, e in given]
        before = [row[0] for row in store.db.execute(
            "SELECT prev_state FROM reviews WHERE question_id = ? ORDER BY reviewed_at",
            (question_id,))]
        assert before[0] == 0 and all(state != 0 for state in before[1:])


def test_revlog_entries_count_as_anki_fsrs_counts_them():
    def entry(ease, kind, factor=2500, guid="q", ordinal=0):
        return Entry(1_700_000_000_000 + ease * 10 + kind, ease, kind, factor, 4000, guid,
                     ordinal)

    log = to_answers([entry(3, 0), entry(1, 1), entry(4, 2), entry(2, 3),  # answers
                      entry(3, 3, factor=0),  # crammed, without rescheduling
                      entry(0, 4, factor=0),  # reset (Forget)
                      entry(0, 4),  # set due date
                      entry(0, 5),  # rescheduled by FSRS
                      entry(3, 1, guid=None), entry(3, 1, ordinal=1)])  # not quizcli's cards
    assert [a.rating for a in log.answers] == [3, 1, 4, 2, RESET]
    assert (log.not_answers, log.foreign) == (3, 2)
    assert log.answers[0].duration_ms == 4000 and log.answers[-1].duration_ms is None


def _error(runner, path: Path, quizcli_home: Path) -> str:
    before = reviews(quizcli_home) if (quizcli_home / "quizcli.db").exists() else []
    result = runner.invoke(app, ["import-reviews", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}: ")
    assert not (quizcli_home / "quizcli.db").exists() or reviews(quizcli_home) == before
    return line


def test_files_that_are_no_collection_are_named(runner, tmp_path, quizcli_home):
    text = tmp_path / "notes.txt"
    text.write_text("not a collection\n")
    assert "is not an Anki collection or package" in _error(runner, text, quizcli_home)
    assert "no such file" in _error(runner, tmp_path / "missing.anki2", quizcli_home)
    assert "is a folder" in _error(runner, tmp_path, quizcli_home)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert "not an Anki collection (it has no revlog)" in _error(runner, other, quizcli_home)
    empty_zip = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "holds no Anki collection" in _error(runner, empty_zip, quizcli_home)
    torn = tmp_path / "torn.colpkg"
    torn.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    assert "is a damaged package" in _error(runner, torn, quizcli_home)


def test_a_damaged_collection_is_named(runner, studied_in_anki, tmp_path, quizcli_home):
    damaged = tmp_path / "collection.anki2"
    data = bytearray((studied_in_anki / "collection.anki2").read_bytes())
    data[100:len(data) // 2] = b"\xff" * (len(data) // 2 - 100)
    damaged.write_bytes(bytes(data))
    assert "is damaged" in _error(runner, damaged, quizcli_home)


def test_a_collection_open_in_anki_is_refused_until_anki_closes(runner, studied_in_anki,
                                                                tmp_path, quizcli_home):
    path = package(studied_in_anki, "collection", tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from anki.collection import Collection; "
         f"c = Collection({str(path)!r}); c.db.scalar('SELECT 1'); print('open', flush=True); "
         "sys.stdin.readline(); c.close()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert "is open in Anki" in _error(runner, path, quizcli_home)
    finally:
        holder.communicate("\n", timeout=60)
    result = runner.invoke(app, ["import-reviews", str(path)])
    assert result.exit_code == 0, result.output
    assert "added 4" in result.stdout


def test_a_compressed_package_without_a_way_to_unpack_it_says_what_to_install(
        runner, studied_in_anki, tmp_path, quizcli_home, monkeypatch):
    from quizcli.review import ankilog

    path = package(studied_in_anki, "colpkg", tmp_path)
    monkeypatch.setattr(ankilog, "_zstd", lambda: None)
    monkeypatch.setitem(sys.modules, "anki._backend", None)  # as if anki were not installed
    line = _error(runner, path, quizcli_home)
    assert "pip install zstandard" in line and "Support older Anki versions" in line


def test_a_package_without_scheduling_says_it_holds_no_answers(runner, tmp_path,
                                                                quizcli_home):
    deck = tmp_path / "deck.apkg"
    assert runner.invoke(app, ["export", "--format", "apkg", "-o", str(deck)]).exit_code == 0
    result = runner.invoke(app, ["import-reviews", str(deck)])
    assert result.exit_code == 0, result.output
    assert "added 0 answers" in result.stdout
    assert "holds no answers: export it from Anki with scheduling information" in result.stdout
    assert reviews(quizcli_home) == []
