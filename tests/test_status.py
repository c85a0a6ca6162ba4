"""A species' status on the IUCN Red List is read where the sentence says it is the Red
List's, and asked of the species with the categories beside it."""

from __future__ import annotations

from test_worth import kept

from quizcli.reading.article import read_article
from quizcli.reading.facts import extract_facts


def statuses(text: str) -> list[str]:
    facts = extract_facts(read_article(text, "story.txt"))
    return [f.answer for f in facts if f.detail.get("term") == "status"]


def test_a_status_the_sentence_gives_as_the_red_lists_is_read():
    story = ("Hill Birds Counted\n\n"
             "The Snow Wren is listed as vulnerable on the IUCN Red List.\n"
             "So few are left that the forest guards of Sikkim call it critically endangered.\n")
    assert statuses(story) == ["Vulnerable"]


def test_a_status_is_asked_of_the_species_its_paragraph_names():
    story = ("Hill Birds Counted\n\n"
             "[Note: Only 90 Snow Wrens are left in the hills. It was once found across the"
             " eastern ranges. IUCN STATUS: Critically Endangered]\n")
    [asked] = [q for q in kept(story) if q.answer == "Critically Endangered"]
    assert asked.prompt == "What is the IUCN Red List status of the Snow Wren?"
    assert set(asked.choices) == {"Critically Endangered", "Endangered", "Vulnerable",
                                  "Near Threatened"}


def test_a_status_under_a_species_heading_is_asked_of_that_species():
    story = ("Birds of the Hills\n\n"
             "About Snow Wren (Troglodytes nivalis)\n"
             "- Habitat: Alpine scrub above 3,000 metres in Sikkim.\n"
             "- IUCN Status: Least Concern\n")
    [asked] = [q for q in kept(story) if q.answer == "Least Concern"]
    assert "Snow Wren" in asked.prompt
    assert not {"Extinct", "Extinct in the Wild"} & set(asked.choices)
