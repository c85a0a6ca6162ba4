"""Study sessions driven by scripted keys: one key or typed answer per line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bankgen import one_source_bank
from conftest import SHIPPED_BANKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcli.bankfile import load_bank
from quizcli.review.session import check_answer
from quizcli.review.store import Store
from quizcli.ui import context
from quizcli.ui.app import app

START = dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.timezone.utc)
BANK = load_bank(SHIPPED_BANKS / "korea-summits.yaml")


@pytest.fixture
def clock(monkeypatch):
    """A clock that moves 5 seconds each time it is read."""
    state = {"now": START}

    def now():
        state["now"] += dt.timedelta(seconds=5)
        return state["now"]

    monkeypatch.setattr(context, "now", now)
    monkeypatch.setattr(context, "local_zone", lambda: dt.timezone.utc)
    return state


def study(runner, keys: list[str], *args: str):
    result = runner.invoke(app, ["study", *args], input="\n".join(keys) + "\n",
                           env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    return result


def key_for(question, right: bool) -> str:
    answer = question.choices.index(question.answer)
    index = answer if right else (answer + 1) % len(question.choices)
    return str(index + 1)


def answers(home) -> list[tuple[str, int, str | None]]:
    with Store.open(home) as store:
        return list(store.db.execute("SELECT question_id, rating, answer FROM reviews "
                                     "ORDER BY id"))


def test_a_multiple_choice_answer_right_then_wrong(runner, clock, quizcli_home):
    first, second = BANK.questions[0], BANK.questions[1]
    result = study(runner, [key_for(first, True), "", key_for(second, False), "", "q"],
                   "--mode", "mcq")
    assert "✓ Right" in result.stdout and "✗ Wrong" in result.stdout
    assert first.evidence[:40] in result.stdout  # the evidence is shown after an answer
    assert [(q, r) for q, r, _ in answers(quizcli_home)] == [(first.id, 3), (second.id, 1)]
    assert "Session over. Answered 2, right 1 (50%)" in result.stdout


def test_a_typed_answer_with_a_typo_counts_as_hard(runner, clock, quizcli_home):
    first = BANK.questions[0]
    typo = first.answer[:-1] + first.answer[-1] * 2  # "Trumpp"
    result = study(runner, [typo, "", "/q"], "--mode", "recall")
    assert "close enough" in result.stdout
    assert answers(quizcli_home) == [(first.id, 2, typo)]


def test_tolerant_comparison():
    assert check_answer("  the WHITE house! ", ["White House"]) == (True, False)
    assert check_answer("Moon Jae in", ["Moon Jae-in"]) == (True, False)
    assert check_answer("Pompeoo", ["Mike Pompeo", "Pompeo"]) == (True, True)
    assert check_answer("Bolton", ["Sarah Sanders", "Sanders"]) == (False, False)
    assert check_answer("Séoul", ["Seoul"]) == (True, False)
    assert check_answer("", ["Seoul"]) == (False, False)


@pytest.mark.parametrize("typed", ["Mehra", "Justice Mehra", "Ravindra Kumar Mehra",
                                   "R K Mehra", "Ravindra Mehra", "Chief Justice R.K. Mehra"])
def test_a_persons_name_is_right_with_or_without_titles_and_initials(typed):
    assert check_answer(typed, ["R.K. Mehra", "Mehra"]) == (True, False)


@pytest.mark.parametrize("typed", ["Anil Mehra", "Kumar Mehra", "Malhotra"])
def test_another_persons_name_is_wrong(typed):
    assert check_answer(typed, ["R.K. Mehra", "Mehra"]) == (False, False)


def test_a_name_with_initials_is_a_persons_name_on_its_own():
    assert check_answer("Justice Mehra", ["R.K. Mehra"]) == (True, False)
    assert check_answer("Ravindra Kumar Mehra", ["R.K. Mehra"]) == (True, False)


def test_a_full_name_is_right_for_a_surname_the_story_gives_in_full():
    assert check_answer("Asha Verma", ["Verma", "Asha Verma"])[0]
    assert check_answer("President Verma", ["Verma", "Asha Verma"])[0]
    assert not check_answer("Meena Verma", ["Verma", "Asha Verma"])[0]


def test_a_place_or_party_is_not_read_as_a_persons_name():
    assert check_answer("Korea", ["North Korea", "DPRK", "Pyongyang"]) == (False, False)
    assert check_answer("Adviser", ["National Security Adviser"]) == (False, False)


def test_reveal_and_grade_yourself(runner, clock, quizcli_home):
    first = BANK.questions[0]
    result = study(runner, ["", "4", "/q"], "--mode", "recall")
    assert "Grade yourself" in result.stdout
    assert answers(quizcli_home) == [(first.id, 4, None)]


def test_overriding_the_suggested_grade(runner, clock, quizcli_home):
    first = BANK.questions[0]
    study(runner, [key_for(first, True), "2", "q"], "--mode", "mcq")
    assert [(q, r) for q, r, _ in answers(quizcli_home)] == [(first.id, 2)]


def test_undo_asks_the_card_again(runner, clock, quizcli_home):
    first, second = BANK.questions[0], BANK.questions[1]
    result = study(runner, [key_for(first, False), "u", key_for(first, True), "",
                            key_for(second, True), "u", "u", key_for(first, True), "", "q"],
                   "--mode", "mcq")
    assert result.stdout.count(first.prompt) >= 3
    assert [(q, r) for q, r, _ in answers(quizcli_home)] == [(first.id, 3)]


def test_suspend_skips_the_card_for_good(runner, clock, quizcli_home):
    first, second = BANK.questions[0], BANK.questions[1]
    study(runner, ["s", key_for(second, True), "", "q"], "--mode", "mcq")
    with Store.open(quizcli_home) as store:
        assert store.flags(first.id)[0]
    again = study(runner, ["q"], "--mode", "mcq")
    assert first.prompt not in again.stdout


def test_quit_mid_session_then_resume(runner, clock, quizcli_home):
    first, second, third = BANK.questions[:3]
    study(runner, [key_for(first, True), "", key_for(second, True), "", "q"], "--mode", "mcq")
    clock["now"] += dt.timedelta(hours=2)  # the learning steps are over
    resumed = study(runner, ["q"], "--mode", "mcq")
    asked = resumed.stdout.split("\n")
    first_prompt = next(line for line in asked if "│  " in line and "?" in line)
    assert first.prompt[:40] in first_prompt or second.prompt[:40] in first_prompt
    assert third.id not in [q for q, _, _ in answers(quizcli_home)]


def test_the_input_running_out_ends_the_session_and_keeps_the_answers(runner, clock,
                                                                      quizcli_home):
    first = BANK.questions[0]
    result = runner.invoke(app, ["study", "--mode", "mcq"], input=key_for(first, True),
                           env={"COLUMNS": "220"})
    assert result.exit_code == 0
    assert "Session over. Answered 1" in result.stdout
    assert len(answers(quizcli_home)) == 1


def test_nothing_due_says_when_and_offers_cramming(runner, clock, quizcli_home):
    study(runner, [], "--new", "0")  # nothing new today: nothing to study
    result = study(runner, ["c", "1", "", "q"], "--new", "0", "--mode", "mcq")
    assert "Nothing is due right now." in result.stdout
    assert "cram" in result.stdout
    assert answers(quizcli_home) == []  # cramming changes no schedule


def test_status_json(runner, clock, quizcli_home):
    first = BANK.questions[0]
    study(runner, [key_for(first, True), "", "q"], "--mode", "mcq")
    (quizcli_home / "config.yaml").write_text("exam_date: 2027-05-30\n")
    result = runner.invoke(app, ["status", "--json"])
    data = json.loads(result.stdout)
    assert data["reviewed_today"] == 1 and data["streak"] == 1
    [bank] = data["banks"]
    assert (bank["name"], bank["new"], bank["learning"]) == ("korea-summits", 19, 1)
    assert 0 < bank["exam_recall"] < 1
    text = runner.invoke(app, ["status"]).stdout
    assert "korea-summits" in text and "EXAM RECALL" in text and "streak: 1 day" in text


def test_an_unknown_bank_is_named(runner, clock):
    result = runner.invoke(app, ["study", "--bank", "nope"], input="q\n")
    assert result.exit_code == 1
    assert "no bank named 'nope'" in result.stderr


@pytest.fixture
def tiny_bank_and_editor(quizcli_home, tmp_path, monkeypatch):
    """A bank of one question in the user's folder, and an $EDITOR that runs the Python
    code it is given on the bank's text (`text`) and notes the line it was opened at."""
    import sys

    from bankgen import MINIMAL

    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    editor = tmp_path / "editor.py"

    def use(change: str):
        editor.write_text(
            "import sys, pathlib\n"
            "line, path = sys.argv[1], pathlib.Path(sys.argv[2])\n"
            "pathlib.Path(sys.argv[0]).with_suffix('.line').write_text(line)\n"
            f"text = path.read_text()\npath.write_text({change})\n")
        monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
        return editor.with_suffix(".line")

    return use


def test_edit_opens_the_bank_at_the_question_and_shows_the_change(runner, clock, quizcli_home,
                                                                 tiny_bank_and_editor):
    from bankgen import MINIMAL

    opened_at = tiny_bank_and_editor("text.replace('Where will the meeting take place?', "
                                     "'Where will the summit be held?')")
    result = study(runner, ["e", "1", "", "q"], "--bank", "tiny", "--mode", "mcq")
    assert "Where will the summit be held?" in result.stdout
    line = MINIMAL.splitlines().index("- id: q1") + 1
    assert opened_at.read_text() == f"+{line}"  # opened at the question
    [(question_id, rating, given)] = answers(quizcli_home)
    assert (question_id, rating, given) == ("q1", 3, "Vietnam")


def test_a_broken_edit_is_reported_and_the_session_goes_on(runner, clock, quizcli_home,
                                                          tiny_bank_and_editor):
    tiny_bank_and_editor("text.replace('answer: Vietnam\\n  evidence: The meeting will take "
                         "place in Vietnam.\\n  source: s1\\n  fact', 'answer: Hanoi\\n  "
                         "evidence: x\\n  source: s1\\n  fact')")
    result = study(runner, ["e", "1", "", "q"], "--bank", "tiny", "--mode", "mcq")
    shown = " ".join(result.stdout.split())
    assert "'Hanoi' is not one of its choices" in shown
    assert "The bank was not reloaded" in shown
    assert answers(quizcli_home)[0][1] == 3  # the old question was still asked and answered


@pytest.mark.parametrize("editor", ["vim '+set nu", ""])
def test_an_editor_command_that_cannot_be_read_is_a_message(runner, clock, quizcli_home,
                                                            tiny_bank_and_editor, monkeypatch,
                                                            editor):
    tiny_bank_and_editor("text")
    monkeypatch.setenv("EDITOR", editor)
    monkeypatch.delenv("VISUAL", raising=False)
    if not editor:
        monkeypatch.setenv("EDITOR", " ")
    result = study(runner, ["e", "1", "", "q"], "--bank", "tiny", "--mode", "mcq")
    assert result.exit_code == 0, result.output
    assert "EDITOR" in result.stdout
    assert answers(quizcli_home)[0][1] == 3  # the session went on


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.sampled_from(["[link=https://evil.example]", "[/link]", "[bold]",
                                      "[/]", ":smile:", "<b>", "%s", "{0}", "\\", "a", " "]),
                     min_size=1, max_size=8).map("".join).filter(lambda s: s.strip()))
def test_bank_text_reaches_the_study_screen_as_text(runner, quizcli_home, text):
    """No markup in a bank is read as markup (a link, a style, an emoji), and nothing but
    newline and tab below 0x20 reaches the screen."""
    import tempfile
    from pathlib import Path

    from bankgen import MINIMAL

    home = Path(tempfile.mkdtemp(dir=quizcli_home))  # a new store for each example
    (home / "banks").mkdir()
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + ' here?"'
    (home / "banks" / "tiny.yaml").write_text(
        MINIMAL.replace("Where will the meeting take place?", quoted), encoding="utf-8")
    result = runner.invoke(app, ["study", "--bank", "tiny", "--mode", "mcq"],
                           input="1\n\nq\n", env={"COLUMNS": "220", "QUIZCLI_HOME": str(home)})
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert " ".join((text + " here?").split()) in shown
    assert not [c for c in result.stdout if ord(c) < 0x20 and c not in "\n\t"]


def test_the_longest_prompt_a_bank_allows_shows_at_once(runner, quizcli_home):
    """A one-line prompt of 20,000 characters (the most a bank holds) is shown and
    answered without the screen's layout growing out of hand."""
    import time

    from bankgen import MINIMAL

    from quizcli.schema import MAX_TEXT

    (quizcli_home / "banks").mkdir()
    prompt = "Where " + "x" * (MAX_TEXT - 10) + "?"
    (quizcli_home / "banks" / "tiny.yaml").write_text(
        MINIMAL.replace("Where will the meeting take place?", prompt), encoding="utf-8")
    start = time.perf_counter()
    result = study(runner, ["1", "", "q"], "--bank", "tiny", "--mode", "mcq")
    assert "xxxxx" in result.stdout
    assert time.perf_counter() - start < 10
    assert answers(quizcli_home)


def test_u_after_s_brings_the_card_back(runner, clock, quizcli_home):
    first, second = BANK.questions[0], BANK.questions[1]
    result = study(runner, ["s", "u", key_for(first, True), "", "q"], "--mode", "mcq")
    assert result.stdout.count(first.prompt) >= 2  # asked again after the undo
    assert answers(quizcli_home)[0][0] == first.id  # and answered, not the next card
    with Store.open(quizcli_home) as store:
        assert store.flags(first.id)[0] is False
        assert store.flags(second.id)[0] is False


def test_u_after_answering_and_s_keeps_the_answer_and_lifts_the_suspension(
        runner, clock, quizcli_home):
    first = BANK.questions[0]
    study(runner, [key_for(first, True), "s", "u", "q"], "--mode", "mcq")
    assert [a[0] for a in answers(quizcli_home)] == [first.id]
    with Store.open(quizcli_home) as store:
        assert store.flags(first.id)[0] is False


def test_the_progress_counts_the_answers_given_earlier_today(runner, clock, quizcli_home):
    first, second = BANK.questions[0], BANK.questions[1]
    study(runner, [key_for(first, True), "", key_for(second, True), "", "q"], "--mode", "mcq")
    again = study(runner, ["q"], "--mode", "mcq")
    assert "2 done" in again.stdout and "0 done" not in again.stdout


def test_the_next_card_is_due_when_its_study_day_starts(runner, clock, quizcli_home):
    clock["now"] = START.replace(hour=8, minute=30)
    first = BANK.questions[0]
    result = study(runner, [key_for(first, True), "4"], "--mode", "mcq", "--limit", "1")
    line = next(x for x in result.stdout.splitlines() if x.startswith("Next card due"))
    assert line.endswith(" 04:00."), line  # day_starts_at 4, not the 08:30 it was answered


SIBLINGS = one_source_bank("twins", "Two questions on one fact", """\
facts:
- id: f1
  source: s1
  kind: place
  answer: Lakeshore
  evidence: The commission will meet in Lakeshore.
questions:
- id: q1
  type: mcq
  prompt: Where will the commission meet?
  choices: [Lakeshore, Hillcrest, Riverside]
  answer: Lakeshore
  evidence: The commission will meet in Lakeshore.
  source: s1
  fact: f1
- id: q2
  type: short
  prompt: In which town will the commission meet?
  answer: Lakeshore
  evidence: The commission will meet in Lakeshore.
  source: s1
  fact: f1
""")


def test_new_cards_held_back_for_a_sibling_say_so(runner, clock, quizcli_home):
    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "twins.yaml").write_text(SIBLINGS, encoding="utf-8")
    study(runner, ["1", "4", "q"], "--bank", "twins", "--mode", "mcq")  # q1 learned, Easy
    result = study(runner, ["n"], "--bank", "twins")
    shown = " ".join(result.stdout.split())
    assert "The 1 new card left is held back until the next study day" in shown
    assert "no new cards left" not in shown


SCREENS_ID = "river-commission-and-harbour-board-practice-questions"


@pytest.fixture
def screens_bank(quizcli_home):
    from bankgen import SCREENS

    (quizcli_home / "banks").mkdir(exist_ok=True)
    (quizcli_home / "banks" / "screens.yaml").write_text(SCREENS, encoding="utf-8")
    return quizcli_home / "banks" / "screens.yaml"


def _fits(text: str, width: int, *words: str) -> None:
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width, text
    for word in words:  # each piece of a long name stays whole on one line
        assert any(word in line for line in lines), (word, text)


def test_banks_fits_a_narrow_terminal_without_breaking_words(runner, quizcli_home,
                                                             screens_bank, monkeypatch):
    monkeypatch.setenv("HOME", str(quizcli_home.parent))
    result = runner.invoke(app, ["banks"], env={"COLUMNS": "60"})
    _fits(result.stdout, 60, *SCREENS_ID.split("-"), "commission", "harbour", "screens.yaml")
    assert "~/" in result.stdout  # a path under the home folder is written from ~
    wide = runner.invoke(app, ["banks"], env={"COLUMNS": "200"})
    assert SCREENS_ID in wide.stdout  # with room, one line each


def test_status_fits_a_narrow_terminal_without_breaking_words(runner, clock, quizcli_home,
                                                              screens_bank):
    result = runner.invoke(app, ["status"], env={"COLUMNS": "60"})
    _fits(result.stdout, 60, *SCREENS_ID.split("-"), "LEARNING")


def test_cram_says_so_and_shows_no_intervals_and_nothing_saved(runner, clock, quizcli_home):
    first = BANK.questions[0]
    result = study(runner, [key_for(first, True), "", "q"], "--cram", "--mode", "mcq")
    assert "CRAM" in result.stdout and "Cram: nothing is saved" in result.stdout
    assert "Saved as" not in result.stdout
    assert "Again 1m" not in result.stdout and "Easy" not in result.stdout  # no intervals
    assert answers(quizcli_home) == []


def test_the_key_hint_names_the_keys_of_the_card(runner, clock, quizcli_home):
    from bankgen import MINIMAL

    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    three = study(runner, ["q"], "--bank", "tiny", "--mode", "mcq")
    assert "1-3 or a-c to answer" in three.stdout and "1-4" not in three.stdout
    (quizcli_home / "banks" / "tiny.yaml").write_text(MINIMAL.replace(
        "  type: mcq\n  prompt: Where will the meeting take place?\n"
        "  choices: [Vietnam, Singapore, China]\n  answer: Vietnam\n",
        "  type: truefalse\n  prompt: The meeting will take place in Vietnam.\n"
        "  answer: 'True'\n"), encoding="utf-8")
    truefalse = study(runner, ["q"], "--bank", "tiny", "--mode", "mcq")
    assert "1/t True, 2/f False" in truefalse.stdout and "1-" not in truefalse.stdout


def test_the_key_hint_is_shortened_not_broken_on_a_narrow_screen(runner, clock, quizcli_home):
    first = BANK.questions[0]
    result = runner.invoke(app, ["study", "--mode", "mcq"], env={"COLUMNS": "60"},
                           input=f"{key_for(first, True)}\nq\n")
    lines = result.stdout.splitlines()
    assert "1-4 or a-d to answer · ? help · q quit" in lines
    assert "Saved as Good · Enter: go on · 1-4: regrade · q quit" in lines
    assert max(len(line) for line in lines) <= 60


def test_match_the_pairs_lists_cannot_be_taken_for_the_answer_keys(runner, clock,
                                                                    quizcli_home, screens_bank):
    keys = ["1", "", "a", "1", "", "/q"]  # the first card, then "a" and "1" on the match card
    result = study(runner, keys, "--bank", SCREENS_ID, "--mode", "mcq")
    screen = result.stdout
    assert "i   Commission chair" in screen and "iv  Deputy mayor of Eastport" in screen
    assert "1 A-i, B-ii, C-iii, D-iv" in screen and "1-4 to answer" in screen
    assert "the letters name the items of List I" in screen
    assert [(q, r) for q, r, _ in answers(quizcli_home)] == [("q1", 3), ("q2", 3)]


def _with_area(area: str) -> list[str]:
    return [q.id for q in BANK.questions if area in q.tags.get("area", ())]


@pytest.mark.parametrize("tag", ["international relations", "area::International_Relations",
                                 "international-relations"])
def test_study_by_tag_asks_only_the_cards_of_that_area(runner, clock, quizcli_home, tag):
    wanted = _with_area("international relations")
    assert wanted and len(wanted) < len(BANK.questions)  # the bank has other areas too
    study(runner, ["1", "", "1", "", "1", "", "q"], "--tag", tag, "--mode", "mcq")
    asked = [qid for qid, _, _ in answers(quizcli_home)]
    assert len(asked) == 3 and set(asked) <= set(wanted)
    assert asked[0] == wanted[0]  # new cards still come in the bank's order


def test_several_tags_study_the_cards_of_any_of_them(runner, clock, quizcli_home):
    keys = ["1", ""] * 25 + ["q"]
    study(runner, keys, "--tag", "security", "--tag", "kind::quote", "--mode", "mcq",
          "--new", "25")
    asked = {qid for qid, _, _ in answers(quizcli_home)}
    quotes = {q.id for q in BANK.questions if "quote" in q.tags["kind"]}
    assert asked <= set(_with_area("security")) | quotes
    assert asked & quotes - set(_with_area("security"))  # a quote of another area too


def test_cramming_by_tag_keeps_to_the_tag(runner, clock, quizcli_home):
    wanted = _with_area("international relations")
    first, other = (next(q for q in BANK.questions if (q.id in wanted) is is_in)
                    for is_in in (True, False))
    result = study(runner, ["1", "", "q"], "--tag", "international relations", "--cram",
                   "--mode", "mcq")
    shown = " ".join(result.stdout.split())
    assert "CRAM" in result.stdout and first.prompt[:40] in shown
    assert other.prompt[:40] not in shown
    assert answers(quizcli_home) == []  # cramming saves nothing


def test_a_tag_no_card_has_names_the_areas_there_are(runner, clock, quizcli_home):
    result = runner.invoke(app, ["study", "--tag", "economi"], input="q\n")
    assert result.exit_code == 1
    assert "no card has the tag 'economi'" in result.stderr
    assert "international relations, security" in result.stderr
    assert answers(quizcli_home) == []


def test_more_new_cards_by_tag_counts_only_the_cards_of_the_tag(runner, clock, quizcli_home):
    assert runner.invoke(app, ["status"]).exit_code == 0  # the store knows the cards
    later = round((START + dt.timedelta(days=30)).timestamp() * 1000)
    with Store.open(quizcli_home) as store:
        for qid in _with_area("security"):  # studied, due in a month: none is new
            store.db.execute("UPDATE cards SET state = 2, due = ?, stability = 30, "
                             "difficulty = 5, last_review = ? WHERE question_id = ?",
                             (later, later - 30 * 86_400_000, qid))
    result = study(runner, ["n"], "--tag", "security")
    assert "Nothing is due right now." in result.stdout
    assert "There are no new cards left" in result.stdout  # though other areas have some


def test_an_own_copy_that_cannot_be_made_is_said_and_the_shipped_bank_left_alone(
        runner, clock, quizcli_home, monkeypatch):
    import errno

    from conftest import SHIPPED_BANKS

    shipped = SHIPPED_BANKS / "korea-summits.yaml"
    before = shipped.read_bytes()

    def full(path, content, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("quizcli.files.atomic_write", full)
    monkeypatch.setenv("EDITOR", "true")
    result = study(runner, ["e", "q"], "--mode", "mcq")
    assert "cannot make your own copy (No space left on device)" in result.stdout
    assert shipped.read_bytes() == before
    assert not (quizcli_home / "banks" / "korea-summits.yaml").exists()
