from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizcli.reading.sentences import split_sentences


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("Underscoring this, U.S. Vice President stated it. Mr. Kim came. "
            "Chief Justice J.S. Khehar wrote in K.S. Puttaswamy v. Union of India. Is it? Yes!")
    assert split_sentences(text) == [
        "Underscoring this, U.S. Vice President stated it.",
        "Mr. Kim came.",
        "Chief Justice J.S. Khehar wrote in K.S. Puttaswamy v. Union of India.",
        "Is it?",
        "Yes!",
    ]


def test_a_quotation_of_several_sentences_stays_in_one():
    text = ('"President Trump can\'t make them walk through the door. They\'re the ones," '
            "Bolton said Monday. Then he left. “It is over. We go home,” she said.")
    assert split_sentences(text) == [
        '"President Trump can\'t make them walk through the door. They\'re the ones," '
        "Bolton said Monday.",
        "Then he left.",
        "“It is over. We go home,” she said.",
    ]


def test_a_stray_quote_mark_does_not_swallow_the_paragraph():
    assert split_sentences('He said "yes. Then we left. It rained.') == [
        'He said "yes.', "Then we left.", "It rained."]


@given(st.text(max_size=3000))
def test_splitting_keeps_every_word_in_order(text: str):
    sentences = split_sentences(text)
    assert " ".join(sentences).split() == text.split()
    assert all(s == s.strip() and s for s in sentences)


def test_a_rupee_sign_with_a_full_stop_does_not_end_a_sentence():
    assert split_sentences("Wages rose from Rs. 13 to Rs. 34 a day. The state pays half.") == [
        "Wages rose from Rs. 13 to Rs. 34 a day.", "The state pays half."]


def test_a_company_s_private_limited_does_not_end_a_sentence():
    assert split_sentences("It sued Gangtok Lakes Pvt. Ltd. in 2024. The court agreed.") == [
        "It sued Gangtok Lakes Pvt. Ltd. in 2024.", "The court agreed."]
