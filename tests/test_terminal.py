"""Keys from a real terminal: an escape sequence (an arrow, a function key, a mouse report,
a paste) is read whole, so none of its bytes is taken for a key of its own."""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizcli.ui.keys import RawKeys

ARROWS = {"up": b"\x1b[A", "down": b"\x1b[B", "left": b"\x1b[D", "right": b"\x1b[C",
          "home": b"\x1b[H", "end": b"\x1bOF", "f1": b"\x1bOP", "f5": b"\x1b[15~",
          "ctrl-left": b"\x1b[1;5D", "mouse": b"\x1b[M !!", "sgr-mouse": b"\x1b[<0;12;5M",
          "title": b"\x1b]0;x\x07"}


class _Pipe:
    """The reading end of a pipe, standing in for a terminal's input."""

    def __init__(self, data: bytes):
        self.fd, write = os.pipe()
        os.write(write, data)
        os.close(write)

    def fileno(self) -> int:
        return self.fd


def keys_from(data: bytes) -> tuple[RawKeys, io.StringIO]:
    echo = io.StringIO()
    return RawKeys(stdin=_Pipe(data), echo=echo), echo


def all_keys(keys: RawKeys) -> list[str]:
    found = []
    while True:
        try:
            found.append(keys.key())
        except EOFError:
            return found


@pytest.mark.parametrize("name", ARROWS)
def test_an_escape_sequence_is_one_key_and_none_of_its_bytes_another(name):
    keys, _ = keys_from(ARROWS[name] + b"2")
    found = all_keys(keys)
    assert found == [ARROWS[name].decode("latin-1"), "2"]


def test_a_lone_escape_is_a_key_of_its_own():
    keys, _ = keys_from(b"\x1b")
    assert all_keys(keys) == ["\x1b"]


def test_arrows_while_typing_an_answer_change_nothing():
    keys, echo = keys_from(b"Del\x1b[Dhi\x1b[A\x1b[C\r")
    assert keys.answer() == "Delhi"
    assert "\x1b" not in echo.getvalue()


def test_a_paste_is_typed_text_on_one_line():
    keys, echo = keys_from(b"New \x1b[200~Del\nhi\x1b[201~\r")
    assert keys.answer() == "New Del hi"
    assert echo.getvalue() == "New Del hi\n"


def test_an_arrow_after_the_command_slash_waits_for_the_command():
    keys, _ = keys_from(b"/\x1b[Bq")
    assert keys.answer() == "/q"


@given(st.lists(st.sampled_from(list(ARROWS.values()) + [b"a", b"b", b"\x7f", b" "]),
                max_size=12))
def test_whatever_is_pressed_while_typing_only_letters_reach_the_answer(presses):
    data = b"x" + b"".join(presses) + b"\r"
    keys, _ = keys_from(data)
    typed = keys.answer()
    assert "\x1b" not in typed and "[" not in typed
    assert set(typed) <= set("xab ")


@pytest.mark.parametrize(("data", "key"), [
    (b"\r", "\n"), (b"\n", "\n"), (b" ", " "), (b"q", "q"), (b"3", "3"),
    ("é".encode(), "é"), ("₹".encode(), "₹"), (b"\x7f", "\x7f"),
])
def test_a_single_key_is_read_as_itself_with_return_as_enter(data, key):
    keys, _ = keys_from(data + b"z")
    assert all_keys(keys) == [key, "z"]


def test_a_byte_that_begins_no_character_is_one_unknown_key():
    keys, _ = keys_from(b"\xff\xfe\xfd\xfcz")
    assert all_keys(keys) == ["?", "z"]


@pytest.mark.parametrize("data", [b"", b"\x04q"])
def test_ctrl_d_or_the_end_of_input_ends_the_keys(data):
    keys, _ = keys_from(data)
    with pytest.raises(EOFError):
        keys.key()


def test_a_paste_pressed_as_a_key_arrives_whole():
    keys, _ = keys_from(b"\x1b[200~1 2\r3\x1b[201~4")
    assert all_keys(keys) == ["\x1b[200~1 2\r3", "4"]


def test_a_paste_loses_its_control_characters_and_its_line_breaks():
    keys, echo = keys_from(b"\x1b[200~Gang\x07tok\r\n\tSikkim\x1b[201~\r")
    assert keys.answer() == "Gangtok Sikkim"
    assert echo.getvalue() == "Gangtok Sikkim\n"


@pytest.mark.parametrize("first", [b" ", b"\r"])
def test_space_or_enter_before_any_typing_asks_for_the_answer(first):
    keys, echo = keys_from(first)
    assert keys.answer() == " "
    assert echo.getvalue() == ""


def test_backspace_and_ctrl_u_correct_what_is_typed_on_screen_too():
    keys, echo = keys_from(b"Kolx\x7fh\x08hapur\x15Sikkim\r")
    assert keys.answer() == "Sikkim"
    assert echo.getvalue() == ("Kolx\b \bh\b \bhapur" + "\b \b" * len("Kolhapur")
                               + "Sikkim\n")


def test_a_slash_then_a_key_is_that_command():
    keys, echo = keys_from(b"/Q")
    assert keys.answer() == "/Q"
    assert echo.getvalue() == "/"


def test_lines_stand_for_keys_and_answers_when_input_is_not_a_terminal():
    from quizcli.ui.keys import LineKeys

    keys = LineKeys(io.StringIO("2\n\nGangtok\n   \n"))
    assert (keys.key(), keys.key(), keys.answer(), keys.answer()) == ("2", "\n", "Gangtok", " ")
    with pytest.raises(EOFError):
        keys.key()


def test_a_real_terminal_takes_pastes_bracketed_and_is_restored_after():
    import pty
    import termios

    leader, follower = pty.openpty()
    try:
        before = termios.tcgetattr(follower)
        echo = io.StringIO()
        stdin = type("Tty", (), {"fileno": lambda self: follower})()
        with RawKeys(stdin=stdin, echo=echo):
            during = termios.tcgetattr(follower)
            assert not during[3] & termios.ICANON  # keys arrive as they are pressed
            os.write(leader, b"\x1b[Cy")
            assert RawKeys(stdin=stdin, echo=io.StringIO()).key() == "\x1b[C"
        assert echo.getvalue() == "\x1b[?2004h\x1b[?2004l"
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)
