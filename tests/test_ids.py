"""The one digest every id is made with gives each id exactly as it was made before, so
the ids in bank files, the review store and exported decks never change."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from quizcli.export.apkg import stable_id
from quizcli.export.revlog import card_number
from quizcli.ids import digest, digest_number, joined_id
from quizcli.making.questions.candidate import question_id
from quizcli.reading.facts import fact_id
from quizcli.review.schedule import fuzz_draw


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@given(st.text(max_size=40), st.integers(1, 40))
def test_a_digest_is_the_sha1_of_the_text_cut_to_its_length(text, length):
    assert digest(text) == _sha1(text)
    assert digest(text.encode("utf-8")) == _sha1(text)
    assert digest(text, length) == _sha1(text)[:length]
    assert digest_number(text, length) == int(_sha1(text)[:length], 16)


def test_the_ids_in_banks_are_the_helpers():
    assert fact_id("date", "2026-03-01", "Gangtok hosted it.") == joined_id(
        "f-", "date", "2026-03-01", "Gangtok hosted it.")
    assert question_id("f-1", "f-2", "statements") == joined_id("q-", "f-1", "f-2",
                                                                "statements")
    assert joined_id("q-", "f-1", "mcq") == "q-" + _sha1("f-1\x1fmcq")[:10]


def test_deck_and_note_numbers_are_as_they_were():
    assert stable_id("quizcli::Sikkim") == (1 << 30) + int(
        _sha1("quizcli::Sikkim")[:8], 16) % (1 << 30)
    assert card_number("q-0123456789") == int(_sha1("q-0123456789")[:12], 16)
    assert card_number("q-0123456789", 2) == int(_sha1("q-0123456789#2")[:12], 16)
    assert card_number("q-0123456789") < 2 ** 48


def test_fixed_values_do_not_drift():
    """Values written down before the helper existed: any change that moved an id fails."""
    assert joined_id("f-", "place", "Gangtok", "Gangtok is the capital.") == "f-6a30654f18"
    assert fact_id("place", "Gangtok", "Gangtok is the capital.") == "f-6a30654f18"
    assert question_id("f-1", "f-2", "statements") == "q-a8a89dee97"
    assert stable_id("quizcli::Sikkim") == 1554537998
    assert card_number("q-0123456789") == 48400050599566
    assert card_number("q-0123456789", 2) == 48104605740429
    assert fuzz_draw("q-7", 3) == 0.33703527343999207
