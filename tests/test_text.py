"""The forms in which two pieces of text count as the same."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quizcli.text import answer_form, compared, name_key, stands_alone


@given(st.text(max_size=40))
@example("A:A:0")  # two leading articles, once punctuation is gone
def test_each_form_is_its_own_form(text):
    assert compared(compared(text)) == compared(text)
    assert answer_form(answer_form(text)) == answer_form(text)
    assert name_key(name_key(text)) == name_key(text)


def test_what_each_comparison_forgives():
    assert compared("The 1,250 hectares.") == compared("1250 Hectares") == "1250 hectares"
    assert compared("3.5%") != compared("35%")  # a decimal point counts
    assert compared("Surya-2") != compared("Surya 2")  # a hyphen counts in a prompt
    assert answer_form("Surya-2") == answer_form("surya 2")  # not in a typed answer
    assert answer_form("Théâtre") == answer_form("the theatre") == "theatre"
    assert compared("Théâtre") != compared("Theatre")
    assert name_key("Anna-Lisa Kolb") == name_key("annalisa kolb") == name_key("Anna Lisa Kolb")
    assert name_key("Anna Kolb") != name_key("Anna Kolbe")


_PIECES = st.text(alphabet="ab _.-1²éß\u00a0", max_size=12)


@given(_PIECES, _PIECES)
def test_a_phrase_stands_alone_where_a_pattern_finds_it(text, phrase):
    import re

    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
    assert stands_alone(text, phrase) == found


@given(st.text(alphabet="ab, \n\tor", max_size=10))
def test_a_text_ends_before_a_space_where_the_pattern_ends(text):
    import re

    from quizcli.making.questions.wording import ends_before_space

    for endings in ((",",), ("and", "or"), ("as", "or")):
        pattern = r"(?:" + "|".join(map(re.escape, endings)) + r")\s$"
        assert ends_before_space(text, endings) == (re.search(pattern, text) is not None)


@given(st.text(alphabet="a _\n", max_size=14))
def test_the_gap_of_a_prompt_is_where_the_blank_mark_splits_it(prompt):
    from quizcli.making.identity import _around_the_blank
    from quizcli.schema import BLANK_MARK

    parts = BLANK_MARK.split(prompt)
    assert _around_the_blank(prompt) == (tuple(parts) if len(parts) == 2 else None)
