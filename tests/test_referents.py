"""A question shows what its sentence leans on: 'the bill' is the bill the story named,
an 'it' after such a sentence is that bill, and a rank is in the report the story named."""

from __future__ import annotations

from test_worth import SPEAKERS, kept, made


def test_the_bill_a_sentence_speaks_of_is_named_before_it():
    story = ("Harbour Safety Bill Passes\n\n"
             "The Harbour Safety Bill was passed by the Legislative Council on Monday.\n"
             "The Legislative Assembly had approved the bill on 3 March 2025.\n")
    asked = [q for q in made(story) if "approved the bill" in q.prompt and "_____" in q.prompt]
    assert asked and all("About the Harbour Safety Bill:" in q.prompt for q in asked)


def test_a_sentence_that_names_its_bill_is_shown_alone():
    story = ("Harbour Safety Bill Passes\n\n"
             "The Harbour Safety Bill was passed by the Legislative Council on Monday.\n"
             "The Harbour Safety Bill, which the bill's critics opposed, was approved by"
             " 120 members.\n")
    assert not [q for q in made(story) if "About the" in q.prompt]


def test_an_it_after_a_sentence_on_the_bill_is_the_bill_named_before():
    story = ("Assembly Votes\n\n"
             "The 14th Coastal Zones Amendment Bill was introduced in the Assembly on Tuesday.\n"
             "The Bill was put to a division of votes after members insisted on it.\n"
             "While 120 members voted for it, 80 members opposed it.\n")
    votes = [q for q in made(story) if "voted for it" in q.prompt]
    assert votes and all("About the 14th Coastal Zones Amendment Bill:" in q.prompt
                         for q in votes)


def test_a_rank_without_its_index_is_shown_with_the_index_named_before():
    story = ("Nations Ranked on Rivers\n\n"
             "Out of 150 countries, Nepal went up two places to 40 in the River Health Index"
             " in 2024.\n"
             "Nepal's rank in 2022 was 42.\n"
             "It also said that Nepal ranked fifth for river clean-up spending.\n")
    ranks = {q.answer: q.prompt for q in made(story)}
    assert "About the River Health Index:" in ranks["42"]
    assert "River Health Index" not in ranks.get("fifth", "")  # a rank in something else


def test_a_remark_on_the_bill_asks_who_made_it_with_the_bill_named():
    story = ("Harbour Safety Bill Passes\n\n"
             "The Harbour Safety Bill was passed by the Legislative Council on Monday.\n"
             + SPEAKERS +
             "Chief Minister Kiran Rao suggested to send the bill to a select committee.\n")
    [who] = [q for q in kept(story) if q.prompt.startswith("About the Harbour Safety Bill: Who")]
    assert who.answer == "Kiran Rao"


def test_an_it_after_a_preposition_shows_the_sentence_before():
    story = ("Rates Held\n\n"
             "The bank rate is the rate at which the central bank lends money to banks. The"
             " Lakes Council decides on changes to it every three months.\n")
    [asked] = [q for q in made(story) if q.answer == "three months"]
    assert "The bank rate is the rate at which" in asked.prompt


def test_a_label_line_shows_the_plain_heading_it_stands_under():
    story = ("Lake Storms\n\n"
             "Storms over the lakes of Sikkim have grown more frequent since 2015.\n\n"
             "Characteristics of Lake Storms:\n"
             "- Wind Threshold for Hills: 60 km/h or higher.\n"
             "- Wind Threshold for Plains: 80 km/h or higher.\n")
    asked = [q for q in made(story) if q.answer == "60 km/h"]
    assert asked and all("Characteristics of Lake Storms: Wind Threshold for Hills" in q.prompt
                         for q in asked)


def test_a_heading_on_the_highlights_of_a_report_is_about_the_report():
    story = ("Lake Report Released\n\n"
             "The Lakes Council released the Lake Health Report on 3 March 2025.\n\n"
             "What are the Key Highlights of the Lake Health Report?\n"
             "- Flood Risk: Flood days in hill towns may double by 2030.\n")
    [asked] = [q for q in made(story) if q.answer == "2030"]
    assert "About the Lake Health Report:" in asked.prompt
    assert "Key Highlights" not in asked.prompt
