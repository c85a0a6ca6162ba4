"""The bank-to-store sync: every visible bank's questions become cards, with what a
session shows of each, and a bank file is read again only when it has changed."""

from __future__ import annotations

import json

import pytest
from bankgen import MINIMAL, SCREENS

from quizcli.catalog import Folder, discover
from quizcli.review.library import shown, sync_catalog
from quizcli.review.store import Store

SCREENS_ID = "river-commission-and-harbour-board-practice-questions"


@pytest.fixture
def folders(quizcli_home):
    user, shared = quizcli_home / "banks", quizcli_home / "shared"
    user.mkdir()
    shared.mkdir()
    (user / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    (user / "screens.yaml").write_text(SCREENS, encoding="utf-8")
    return [Folder("user", user), Folder("shared", shared)]


@pytest.fixture
def store(quizcli_home):
    with Store.open(quizcli_home) as s:
        yield s


def _cards(store: Store) -> dict[str, tuple]:
    return {qid: tuple(rest) for qid, *rest in store.db.execute(
        "SELECT question_id, bank, fact, position, kind, orphaned FROM cards")}


def test_every_question_of_the_visible_banks_becomes_a_card_with_what_a_session_shows(
        store, folders):
    assert sync_catalog(store, discover(folders)) == []
    assert list(store.stamps()) == [SCREENS_ID, "tiny"]  # in the catalog's order
    cards = _cards(store)
    # tiny's one question has the id of the first bank's q1: one card, the first bank's
    assert cards == {"q1": (SCREENS_ID, "f1", 0, None, 0),
                     "q2": (SCREENS_ID, "f2", 1, "match", 0),
                     "q3": (SCREENS_ID, "f3", 2, None, 0)}
    info = shown(store, "q2")
    assert info is not None
    assert (info.bank, info.bank_title, info.source, info.publisher) == (
        SCREENS_ID, "The river commission and the harbour board", "The river commission meets",
        "The Daily Example")
    assert info.path == str(folders[0].path / "screens.yaml")
    assert info.question.answer == "A-1, B-2, C-3, D-4"
    assert shown(store, "no-such-card") is None


def test_a_bank_hidden_by_one_of_its_id_in_an_earlier_folder_makes_no_cards(store, folders):
    (folders[1].path / "screens.yaml").write_text(
        SCREENS.replace("Lakeshore", "Hillport"), encoding="utf-8")
    sync_catalog(store, discover(folders))
    assert shown(store, "q1").question.answer == "Lakeshore"
    assert shown(store, "q1").path == str(folders[0].path / "screens.yaml")


def test_an_unchanged_bank_file_is_not_read_again(store, folders, monkeypatch):
    sync_catalog(store, discover(folders))
    catalog = discover(folders)

    def no_reading(*_):
        raise AssertionError("read a bank that had not changed")

    monkeypatch.setattr("quizcli.bankfile.load_bank", no_reading)
    assert sync_catalog(store, catalog) == []


def test_an_edited_question_keeps_its_card_and_a_removed_one_leaves_it_orphaned(
        store, folders):
    sync_catalog(store, discover(folders))
    path = folders[0].path / "screens.yaml"
    text = SCREENS.replace("Where will the river commission meet next month?",
                           "Where does the river commission meet next?")
    text = text[:text.index("- id: q3")]  # the last question goes
    path.write_text(text, encoding="utf-8")
    assert sync_catalog(store, discover(folders)) == []
    assert shown(store, "q1").question.prompt == "Where does the river commission meet next?"
    assert store.flags("q1") == (False, False, False)
    assert store.flags("q3") == (False, False, True)


def test_a_broken_bank_is_reported_and_read_again_once_fixed(store, folders):
    sync_catalog(store, discover(folders))
    path = folders[0].path / "tiny.yaml"
    catalog = discover(folders)
    path.write_text(MINIMAL.replace("answer: Vietnam\n  evidence", "answer: [\n  evidence"),
                    encoding="utf-8")  # broken after it was listed, before it was read
    errors = sync_catalog(store, catalog)
    assert [e.path for e in errors] == [path]
    assert list(store.stamps()) == [SCREENS_ID]  # no stamp: it is read again next time
    listed = discover(folders)  # broken when listed: the listing reports it
    assert [e.path for e in listed.errors] == [path] and sync_catalog(store, listed) == []
    path.write_text(MINIMAL, encoding="utf-8")
    assert sync_catalog(store, discover(folders)) == []
    assert list(store.stamps()) == [SCREENS_ID, "tiny"]
    assert json.loads(store.question("q1") or "{}")["bank"] == SCREENS_ID
