"""The entity finder: who and what each sentence of an article names."""

from __future__ import annotations

from quizcli.reading.entities import People, is_object, read_mentions
from quizcli.text import name_key


def _named(mentions) -> list[tuple[str, str, str]]:
    return [(m.kind, m.text, m.value) for m in mentions]


def test_a_short_name_is_the_one_full_name_it_begins_or_ends():
    sentences = ["Sikkim Chief Minister Asha Verma met Ravi Menon in Gangtok on Monday.",
                 "Verma said she would visit Kolhapur with Menon.",
                 "Mr. Menon did not reply."]
    people, found = read_mentions(sentences)
    assert set(people.full_names.values()) == {"Asha Verma", "Ravi Menon"}
    first, second, third = found
    verma = first[0]
    assert (verma.kind, verma.value, verma.office) == ("person", "Asha Verma", "Chief Minister")
    assert sentences[0][verma.title_start:verma.start] == "Chief Minister "
    assert _named(second) == [("person", "Verma", "Asha Verma"), ("pronoun", "she", "she"),
                              ("person", "Menon", "Ravi Menon")]
    assert _named(third) == [("person", "Menon", "Ravi Menon")]


def test_a_short_name_two_people_share_names_no_one():
    _, found = read_mentions(["Lena Berg and Lena Ortiz spoke.", "Lena left early.",
                              "Ortiz stayed."])
    assert found[1] == []
    assert _named(found[2]) == [("person", "Ortiz", "Lena Ortiz")]


def test_a_persons_party_comes_from_a_title_anywhere_in_the_article():
    sentences = ["Berg said Iceland would sign it.",
                 "Iceland Foreign Minister Tomas Berg arrived in Gangtok."]
    people, found = read_mentions(sentences)
    assert people.parties == {"Tomas Berg": "Iceland"}
    berg = found[0][0]
    assert (berg.text, berg.value, berg.party) == ("Berg", "Tomas Berg", "Iceland")
    assert ("party", "Iceland", "Iceland") in _named(found[0])
    assert ("party", "Iceland", "Iceland") in _named(found[1])


def test_a_name_after_a_preposition_is_no_subject_and_one_in_brackets_no_mention():
    sentence = "It was signed by Asha Verma (Verma) and Tomas Berg with Ravi Menon."
    _, (mentions,) = read_mentions([sentence])
    people = [m for m in mentions if m.kind == "person"]
    assert [m.value for m in people] == ["Asha Verma", "Tomas Berg", "Ravi Menon"]
    assert all(is_object(sentence, m) for m in people)
    _, (subject,) = read_mentions(["Asha Verma opened the meeting."])
    assert not is_object("Asha Verma opened the meeting.", subject[0])


def test_spellings_of_one_name_share_a_key_and_a_person():
    assert name_key("Anna-Lisa  Kolb") == name_key("anna lisa kolb") == name_key("AnnaLisa Kolb")
    people = People()
    people.add("Asha Verma")
    people.add("asha  verma")  # the same person: the first spelling is kept
    assert people.full_names == {"ashaverma": "Asha Verma"}
    assert people.resolve("VERMA") == "Asha Verma" and people.resolve("Asha") == "Asha Verma"
    assert people.resolve("Ravi Verma") is None  # a full name that is not hers


def test_a_range_or_a_plateau_is_no_person():
    people, _ = read_mentions([
        "Frogs of this kind live across the Meruvan Ghats and the Talvari Plateau, said "
        "Asha Verma.",
        "The team of Asha Verma found them in the Kondavar Range.",
    ])
    named = [m.value for ms in _ for m in ms if m.kind == "person"]
    assert set(named) == {"Asha Verma"}, named


def test_a_family_name_keeps_its_small_words_even_where_it_is_a_place():
    _, found = read_mentions(["In 1884 Chancellor Otto von Bismarck hosted the talks.",
                              "Ursula von der Leyen and Pieter van den Berg came later."])
    named = [m.value for ms in found for m in ms if m.kind == "person"]
    assert named == ["Otto von Bismarck", "Ursula von der Leyen", "Pieter van den Berg"], named


def test_a_title_in_quotation_marks_a_guild_or_a_quarter_is_no_person():
    people, found = read_mentions([
        "It beat “The Salt Road” and “Once Upon A Time in Gangtok” at the awards, said "
        "Asha Verma.",
        "The Film Editors Guild met in the Old Quarter of Gangtok with Ravi Menon.",
        "The city launched ‘Colonial Memory in the Hills’ on Monday.",
    ])
    named = {m.value for ms in found for m in ms if m.kind == "person"}
    assert named == {"Asha Verma", "Ravi Menon"}, named


def test_a_size_in_words_is_no_name():
    _, found = read_mentions(["The Five-hundred-meter Aperture Spherical radio Telescope was "
                              "built by Asha Verma."])
    assert [m.value for m in found[0] if m.kind == "person"] == ["Asha Verma"]


def test_a_network_is_no_person():
    _, found = read_mentions(["Asha Verma was director of the Kathmandu Lepcha Network."])
    assert {m.value for m in found[0] if m.kind == "person"} == {"Asha Verma"}
