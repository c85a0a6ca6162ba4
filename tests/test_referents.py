"""A question shows what its sentence leans on: 'the bill' is the bill the story named,
an 'it' after such a sentence is that bill, a rank is in the report the story named, and
a line of an explainer is about what the explainer is named for."""

from __future__ import annotations

import pytest
from test_worth import SPEAKERS, kept, made

from quizcli.making.questions.headings import explainer_subject


def prompts(story: str) -> dict[str, str]:
    """The prompt of each answer the story's questions ask."""
    return {q.answer: q.prompt for q in made(story)}


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
    ranks = prompts(story)
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


EXPLAINER = ("Harit Gram Scheme: Greener Villages\n\n"
             "Why in News?\n"
             "The Ministry of Rural Affairs extended the Harit Gram Scheme on 3 March 2025.\n"
             "Eligibility\n"
             "- Beneficiaries: Villages with fewer than 5,000 residents and at least 40"
             " hectares of common land.\n"
             "- Grants: Each village receives up to Rs 20 lakh over three years.\n"
             "Key features\n"
             "- Training: Basic training of four to six days and advanced training of at"
             " least 12 days help village councils plan.\n")


def test_a_line_of_an_explainer_shows_what_the_explainer_is_about_and_its_heading():
    asked = prompts(EXPLAINER)
    assert "About the Harit Gram Scheme (Eligibility): Grants:" in asked["Rs 20 lakh"]
    assert "About the Harit Gram Scheme (Key features): Training:" in asked["12 days"]
    # a sentence that names the scheme, and one under a heading that says nothing, do not
    assert "About" not in asked["3 March 2025"]


def test_a_news_story_without_headings_shows_no_subject():
    story = ("Harit Gram Scheme Extended\n\n"
             "The Ministry of Rural Affairs extended the Harit Gram Scheme on 3 March 2025.\n"
             "Each village receives up to Rs 20 lakh over three years.\n")
    assert not [q for q in made(story) if "About" in q.prompt]


@pytest.mark.parametrize("title, subject", [
    ("Harit Gram Scheme: Greener Villages", "Harit Gram Scheme"),
    ("COASTAL RED CRAB", "Coastal Red Crab"),
    ("SLB’S LAKE HEALTH REPORT HIGHLIGHTS", "SLB’s Lake Health Report"),
    ("Mission Nira (GS Paper 3, Science)", "Mission Nira"),
    ("Rains lash the hill towns", None),
    ("What is the Harit Gram Scheme?", None),
    ("Lake Council Meets In Gangtok To Discuss The Flood Plan For Next Year", None),
])
def test_an_explainer_is_about_what_its_title_names(title, subject):
    assert explainer_subject(title) == subject


def test_a_paper_regarding_the_same_shows_the_sentence_before():
    story = ("Lake Survey Released\n\n"
             "The Lakes Council mapped 412 lakes in the Eastern Hills. A report regarding the"
             " same was released on 3 March 2025.\n")
    [asked] = [q for q in made(story) if q.answer == "3 March 2025"]
    assert "The Lakes Council mapped 412 lakes" in asked.prompt


INDEX_STORY = ("Nepal rises in the River Health Index\n\n"
               "Nepal went up two places to 40 in the River Health Index in 2024, the Lakes"
               " Council said.\n"
               "Bhutan spent Rs 40 crore on cleaning its rivers last year.\n"
               "A new report titled “Rising Waters” was released by the Lakes Council on"
               " 3 March 2025.\n\n"
               "What are the Key Highlights of the Report?\n"
               "- Flood Risk: Flood days in hill towns may rise by 40% by 2030.\n")


def test_a_story_on_an_index_shows_the_index_its_title_names_and_the_storys_date():
    asked = prompts(INDEX_STORY)
    # an index's figures are those of one edition: the story's date says which
    assert "In a story of 14 March 2025 on the River Health Index: Bhutan spent _____" in (
        asked["Rs 40 crore"])
    assert "River Health Index:" not in asked["two"]  # its sentence names the index
    assert "About" not in asked["3 March 2025"]  # a sentence on another report


def test_the_highlights_of_the_report_are_of_the_report_titled_before():
    [asked] = [q for q in made(INDEX_STORY) if q.answer == "40%"]
    assert "About the report ‘Rising Waters’: Flood Risk:" in asked.prompt


def test_these_lakes_in_a_bullet_show_the_bullet_before_that_named_them():
    story = ("Lake Survey Released\n\n"
             "What is the Lake Survey?\n"
             "- The Lakes Council mapped 412 lakes in the Eastern Hills in 2024.\n"
             "- The health of these mountain lakes is tracked by the Lake Health Index.\n")
    [asked] = [q for q in made(story) if q.answer == "Lake Health Index"]
    assert asked.prompt.startswith("The Lakes Council mapped 412 lakes")


def test_a_rank_in_a_story_on_its_index_is_dated_by_the_story():
    story = ("Nepal rises in the River Health Index\n\n"
             "Nepal went up two places to 40 in the River Health Index in 2024.\n"
             "Bhutan ranks 12 and Myanmar ranks 30 among the 150 countries.\n")
    asked = prompts(story)
    assert "In a story of 14 March 2025 on the River Health Index: Bhutan ranks" in asked["30"]


def test_a_figure_of_a_month_without_its_year_is_dated_by_the_story():
    story = ("Lake Levels Fall\n\n"
             "In February, the water level of the hill lakes stood at 41%.\n"
             "In February 2024, the water level of the plains lakes stood at 62%.\n")
    asked = prompts(story)
    assert "In a story of 14 March 2025: In February, the water level" in asked["41%"]
    assert "In a story of" not in asked["62%"]
