"""Listing cards and acting on them: suspend, unsuspend, reset."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import SHIPPED_BANKS

from quizcli.bankfile import load_bank
from quizcli.review.schedule import Card, CardState, Rating
from quizcli.review.store import Store
from quizcli.ui import context
from quizcli.ui.app import app

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
BANK = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
FIRST, SECOND, THIRD = BANK.questions[:3]


@pytest.fixture
def clock(monkeypatch):
    state = {"now": NOW}
    monkeypatch.setattr(context, "now", lambda: state["now"])
    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    return state


@pytest.fixture
def studied(runner, clock, quizcli_home):
    """The shipped bank's cards, the first two studied: one due in ten minutes, one learned
    and due in days."""
    assert runner.invoke(app, ["status"]).exit_code == 0  # makes the cards
    with Store.open(quizcli_home) as store:
        store.record(FIRST.id, Rating.GOOD, NOW - dt.timedelta(minutes=1))
        store.record(SECOND.id, Rating.EASY, NOW - dt.timedelta(minutes=1))
    return quizcli_home


def listed(runner, *args: str) -> list[dict]:
    result = runner.invoke(app, ["cards", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cards_lists_every_card_with_its_state(runner, studied):
    cards = listed(runner)
    assert [c["id"] for c in cards] == [q.id for q in BANK.questions]
    first = cards[0]
    assert (first["bank"], first["state"], first["reps"], first["lapses"]) == (
        "korea-summits", "learning", 1, 0)
    assert first["stability"] > 0 and 1 <= first["difficulty"] <= 10
    assert dt.datetime.fromisoformat(first["due"]) > NOW
    assert first["prompt"] == FIRST.prompt and first["answer"] == FIRST.answer
    assert cards[2]["state"] == "new" and cards[2]["due"] is None
    table = runner.invoke(app, ["cards"], env={"COLUMNS": "300"}).stdout.splitlines()
    assert table[0].split() == ["ID", "BANK", "STATE", "DUE", "STABILITY", "DIFFICULTY",
                                "REPS", "LAPSES", "FLAGS", "PROMPT"]
    assert len(table) == len(BANK.questions) + 1
    row = table[1].split()
    assert row[:3] == [FIRST.id, "korea-summits", "learning"] and row[5].endswith("d")
    longest = max(BANK.questions, key=lambda q: len(q.prompt))
    assert len(longest.prompt) > 50
    assert longest.prompt not in "\n".join(table)  # shortened
    assert any(line.endswith("…") for line in table)


def test_filters_by_search_due_and_bank(runner, studied, clock):
    word = THIRD.answer
    found = listed(runner, "--search", word.upper())
    assert THIRD.id in [c["id"] for c in found]
    assert all(word.casefold() in (c["prompt"] + c["answer"] + c["id"]).casefold()
               for c in found)
    assert [c["id"] for c in listed(runner, "--search", SECOND.id)] == [SECOND.id]
    assert [c["id"] for c in listed(runner, "--due")] == [FIRST.id]  # due today; SECOND is not
    clock["now"] = NOW + dt.timedelta(days=60)
    assert [c["id"] for c in listed(runner, "--due")] == [FIRST.id, SECOND.id]
    assert len(listed(runner, "--bank", "korea-summits")) == len(BANK.questions)
    unknown = runner.invoke(app, ["cards", "--bank", "nope"])
    assert unknown.exit_code == 1 and "no bank named 'nope'" in unknown.stderr
    nothing = runner.invoke(app, ["cards", "--search", "no card says this"])
    assert nothing.exit_code == 0 and "No cards match." in nothing.stderr


def test_suspend_and_unsuspend_several_cards(runner, studied):
    result = runner.invoke(app, ["suspend", FIRST.id, THIRD.id])
    assert result.exit_code == 0 and "Suspended 2 cards" in result.stdout
    assert [c["id"] for c in listed(runner, "--suspended")] == [FIRST.id, THIRD.id]
    assert listed(runner, "--due") == []  # a suspended card is not offered
    assert [c["id"] for c in listed(runner, "--due", "--suspended")] == [FIRST.id]
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    assert status["banks"][0]["learning"] == 0
    assert runner.invoke(app, ["unsuspend", FIRST.id]).exit_code == 0
    assert [c["id"] for c in listed(runner, "--suspended")] == [THIRD.id]
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    assert status["banks"][0]["learning"] == 1


def test_reset_makes_a_card_new_and_is_logged_so_replay_honours_it(runner, studied, clock):
    clock["now"] = NOW + dt.timedelta(hours=1)
    result = runner.invoke(app, ["reset", SECOND.id])
    assert result.exit_code == 0 and "Reset 1 card" in result.stdout
    with Store.open(studied) as store:
        assert store.card(SECOND.id) == Card(SECOND.id)
        assert [rating for _, rating in store.log(SECOND.id)] == [int(Rating.EASY), 0]
        assert store.replay(SECOND.id) == store.card(SECOND.id)
    [card] = listed(runner, "--search", SECOND.id)
    assert (card["state"], card["reps"]) == ("new", 0)


def test_a_reset_leech_is_studied_again(runner, studied, quizcli_home):
    with Store.open(quizcli_home) as store:
        store.db.execute("UPDATE cards SET suspended = 1, leech = 1 WHERE question_id = ?",
                         (FIRST.id,))
    assert [c["id"] for c in listed(runner, "--leeches")] == [FIRST.id]
    assert runner.invoke(app, ["reset", FIRST.id]).exit_code == 0
    assert listed(runner, "--leeches") == [] and listed(runner, "--suspended") == []


@pytest.mark.parametrize("command", ["suspend", "unsuspend", "reset"])
def test_an_unknown_id_is_named_and_nothing_changes(runner, studied, command):
    before = listed(runner)
    result = runner.invoke(app, [command, FIRST.id, "no-such-card", SECOND.id, "nor-this"])
    assert result.exit_code == 2
    assert "'no-such-card', 'nor-this'" in result.stderr and "nothing was changed" in result.stderr
    assert "Traceback" not in result.output
    assert listed(runner) == before
    with Store.open(studied) as store:
        assert [r for _, r in store.log(SECOND.id)] == [int(Rating.EASY)]


def test_the_study_screen_names_the_commands_it_promises(runner, clock, quizcli_home):
    (quizcli_home / "config.yaml").write_text("leech_threshold: 1\nlearning_steps: []\n")
    assert runner.invoke(app, ["status"]).exit_code == 0
    with Store.open(quizcli_home) as store:
        store.record(FIRST.id, Rating.GOOD, NOW - dt.timedelta(days=30))
        assert store.card(FIRST.id).state is CardState.REVIEW
    wrong = str((FIRST.choices.index(FIRST.answer) + 1) % len(FIRST.choices) + 1)
    result = runner.invoke(app, ["study", "--mode", "mcq"], input=f"{wrong}\n\ns\nq\n",
                           env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    screen = " ".join(result.stdout.split())
    assert "This card is a leech" in screen
    assert f"`quizcli reset {FIRST.id}`" in screen and f"`quizcli unsuspend {FIRST.id}`" in screen
    [other] = [c["id"] for c in listed(runner, "--suspended") if c["id"] != FIRST.id]
    assert f"until you unsuspend it: `quizcli unsuspend {other}`" in screen
    for command in (["reset", FIRST.id], ["unsuspend", other]):
        assert runner.invoke(app, command).exit_code == 0
    assert listed(runner, "--suspended") == []
