"""The reader's rules for numbers, named things and explainer structure, on invented
sentences, and what the maker asks of an explainer with page furniture around it."""

from __future__ import annotations

import datetime as dt

import pytest

from quizcli.making.gate import gate
from quizcli.making.ingest import pools_for
from quizcli.making.questions import make_candidates
from quizcli.model import FactKind
from quizcli.reading.article import read_article
from quizcli.reading.facts import extract_facts
from quizcli.reading.rules.names import find_terms
from quizcli.reading.rules.numbers import find_periods, find_quantities


def quantities(sentence: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in find_quantities(sentence, [])]


@pytest.mark.parametrize("sentence, expected", [
    ("The committee kept the rate at 6.25% for the fourth time.", ("6.25%", "percent")),
    ("It raised rates by 175 basis points in a year.", ("175 basis points", "percent")),
    ("The outlay was raised to Rs 9.75 lakh crore.", ("Rs 9.75 lakh crore", "money")),
    ("Only $4.2 billion was raised.", ("$4.2 billion", "money")),
    ("The 2,310 kg probe was launched.", ("2,310 kg", "measure")),
    ("It will cover 2.4 million km in 90 days.", ("2.4 million km", "measure")),
    ("Hot days rose 12 times in a decade.", ("12 times", "times")),
    ("Seven out of 10 towns will flood.", ("Seven out of 10", "ratio")),
    ("Deaths fell to 31 per lakh.", ("31 per lakh", "per")),
    ("The scheme runs for 14 months.", ("14 months", "duration")),
    ("It was the 52nd meeting of the board.", ("52nd", "ordinal")),
    ("Nine members of the council voted for it.", ("Nine", "count")),
    ("A five-judge bench heard the case.", ("five", "count")),
    ("The index value stood at 0.733.", ("0.733", "value")),
])
def test_a_number_keeps_what_it_measures(sentence, expected):
    assert expected in quantities(sentence)


@pytest.mark.parametrize("sentence", [
    "Article 370 was read down.",
    "The COP 29 talks ended.",
    "It happened in 2019 and again in 2021.",
])
def test_a_number_that_names_or_dates_a_thing_is_no_quantity(sentence):
    assert [k for _, k in quantities(sentence) if k in ("count", "value")] == []


def test_periods_that_are_not_one_date():
    found = [(p.text, p.kind) for p in find_periods(
        "It runs from 2021-22 to 2025-26, an idea of the early 1990s, launched at 10:30 am.")]
    assert found == [("2021-22 to 2025-26", "years"), ("early 1990s", "decade"),
                     ("10:30 am", "time")]


def terms(sentence: str) -> dict[str, str]:
    return {t.text: t.kind for t in find_terms(sentence, [])}


@pytest.mark.parametrize("sentence, text, kind", [
    ("The Deep Ocean Survey Vehicle (DOSV) was built.", "Deep Ocean Survey Vehicle",
     "abbreviation"),
    ("The Rural Water Mission was approved.", "Rural Water Mission", "scheme"),
    ("The Global Hunger Ranking was released.", "Global Hunger Ranking", "report"),
    ("It is allowed under Article 356 (1) of the Constitution.", "Article 356 (1)",
     "provision"),
    ("The court relied on State of Goa v Rao Mills.", "State of Goa v Rao Mills", "case"),
    ("The report, released by the Tariff Board, warns of risks.", "Tariff Board", "agent"),
    ("It covers three areas including roads, ports and railways.", "roads, ports and railways",
     "list"),
    ("The gap between income and spending is termed as revenue deficit.", "revenue deficit",
     "defined"),
    ("A new frog species named R. kalakadensis was found.", "R. kalakadensis", "species"),
    ("The talks were held in the “grey zone” of the border.", "grey zone", "quoted"),
])
def test_named_things_are_found_by_their_kind(sentence, text, kind):
    assert terms(sentence).get(text) == kind


def test_an_explainer_heading_gives_its_section_and_a_label_leads_its_line():
    article = read_article(
        "Monsoon\n\nWhat is the Ocean Council?\n- It is a body set up under Article 77.\n\n"
        "Key Provisions:\nMandatory Review (Article 12):\nThe council must meet every year.\n")
    assert article.title == "Monsoon"
    assert [(s.section, s.text) for s in article.sentences] == [
        ("What is the Ocean Council?", "It is a body set up under Article 77."),
        ("Key Provisions", "Mandatory Review (Article 12): The council must meet every year."),
    ]


EXPLAINER = """\
Harbour Logo
Share on WhatsApp
Home | News | Environment
5 Min Read

Coastal Wetlands Programme

Why in news?
- The Ministry of Coastal Affairs launched the Coastal Wetlands Programme (CWP) on 4 March 2025.
- The programme will restore 1,250 hectares of mangroves by 2030 at a cost of Rs 840 crore.

What is the Coastal Wetlands Programme?
- It is a Centrally Sponsored Scheme implemented by the National Wetland Authority.
- Under it, states receive 60 per cent of the cost, and the Centre pays the rest.
- The programme covers nine coastal states including Odisha, Goa and Tamil Nadu.

Significance
- Mangroves store up to four times more carbon than tropical forests.
- India lost about 7% of its mangrove cover between 1990 and 2020, according to the
  Global Mangrove Watch Report.
- Article 48A of the Constitution directs the state to protect forests and wildlife.

Challenges
- A 2023 audit found that only 35 of 120 projects had met their targets.
- Experts said that the shortage of nursery saplings was the main reason for delays.
- Coastal erosion claimed about 1,800 hectares of wetland in the last decade, the report
  said, most of it along the eastern shore.
- Salt pans and fish farms have taken over nearly a third of the wetlands once protected
  under the Wetlands (Conservation and Management) Rules, 2017.

Way forward
- The Standing Committee on Environment has asked for a national wetland census every
  five years, beginning in 2026.
- It also recommended that the programme pay local communities Rs 2,500 a month for
  guarding restored sites, as the Sundarbans pilot did for 400 families.
- A new monitoring portal, built with the National Remote Sensing Centre (NRSC), will
  map every restored patch from satellite images at a resolution of 5 metres.

Follow us on Twitter
Subscribe to our newsletter
"""


def test_an_explainer_gives_eight_questions_or_more_and_none_from_page_furniture():
    article = read_article(EXPLAINER, "explainer.txt", dt.date(2025, 3, 10))
    assert 250 <= article.words <= 350, article.words
    assert article.title == "Coastal Wetlands Programme"
    facts = extract_facts(article, "explainer")
    candidates = make_candidates(facts, pools_for(facts, ((), ())), "wetlands", article)
    kept = gate(candidates).kept
    assert len(kept) >= 8
    furniture = ("Logo", "WhatsApp", "Home | News", "Min Read", "Twitter", "newsletter")
    for candidate in kept:
        shown = candidate.question.prompt + candidate.question.evidence
        assert not any(word in shown for word in furniture), candidate.question.prompt


def test_a_table_flattened_into_cells_is_read_row_by_row():
    text = ("Cold Waves\n\nThe weather office defines a cold wave by region.\n\n"
            "Thresholds:\n\nRegion\n\nMinimum Temperature\n\nPlains\n\n10 °C or lower\n\n"
            "Hills\n\n0 °C or lower\n\nCoast\n\n15 °C or lower\n\n"
            "A cold wave in the plains lasts three days on average.\n")
    sentences = [s.text for s in read_article(text, "cold.txt", dt.date(2025, 1, 5)).sentences]
    assert "Minimum Temperature for Hills: 0 °C or lower." in sentences
    assert not any(s in ("Region", "Plains") for s in sentences)
    numbers = {f.answer for f in extract_facts(read_article(text, "cold.txt"))
               if f.kind.value == "number"}
    assert {"10 °C", "0 °C", "15 °C"} <= numbers


def test_a_bullet_inside_a_bullet_is_no_part_of_the_sentence():
    text = ("Verdict\n\nThe court ruled on the case.\n\n"
            "  • • Main Finding: The panel voted 6-1.\n")
    sentences = [s.text for s in read_article(text, "v.txt").sentences]
    assert "Main Finding: The panel voted 6-1." in sentences


def test_a_verb_and_what_it_acts_on_opening_a_line_are_no_name():
    found = terms("Hill Councils (Article 12): Mirror the HC framework – Councils are "
                  "mandatory for districts too.")
    assert "Mirror the HC" not in found


def test_words_said_after_where_or_when_they_were_said_start_after_that():
    article = read_article(
        "Awards Night\n\nDirector Asha Verma said backstage that no-one could tell what "
        "might happen at the awards.\n\nRavi Menon said in an interview on Sunday that "
        "the film would open in Gangtok soon.\n\nNima Lama added; “It is true that the "
        "valley has changed for ever.”\n")
    said = {f.answer: f.detail["quote"] for f in extract_facts(article)
            if f.kind is FactKind.QUOTE}
    assert said["Asha Verma"].startswith("no-one could tell")
    assert said["Ravi Menon"].startswith("the film would open")
    assert said["Nima Lama"].startswith("It is true that the valley")


@pytest.mark.parametrize(("sentence", "listed"), [
    ("The order covers Arakkal, Bettada and Chirala districts of the state.",
     "Arakkal, Bettada and Chirala"),
    ("The rules were eased in large parts of Goa, Sikkim and Kerala from April 1.",
     "Goa, Sikkim and Kerala"),
])
def test_three_places_listed_with_commas_are_one_answer(sentence, listed):
    found = terms(sentence)
    assert listed in found and not any(t in found for t in listed.split(", ")[1:])


def test_a_name_before_a_pair_is_no_list_of_places():
    found = terms("In Panaji, Ravi Menon and Asha Verma met the council on Monday.")
    assert "Panaji, Ravi Menon and Asha Verma" not in found


def test_a_possessive_before_an_abbreviation_ends_a_name():
    found = terms("Ravi Menon is co-chair of the Sikkim Academy of Sciences’ HRT supervisory "
                  "committee and of the Ministry of Agriculture and Farmers’ Welfare.")
    assert found.get("Sikkim Academy of Sciences") == "body"
    assert found.get("Ministry of Agriculture and Farmers’ Welfare") == "body"


@pytest.mark.parametrize("sentence", [
    "“It is a very difficult grape, but a good match to the others,” Ravi Menon says.",
    "They were a little bit astonished by the harvest in Sikkim.",
    "So popular is the variety that the region holds a forum each year.",
])
def test_no_definition_of_a_pronoun_a_quotation_or_a_turned_round_sentence(sentence):
    kinds = set(terms(sentence).values())
    assert not {"definition", "defined"} & kinds, terms(sentence)


def quotes_of(text: str) -> dict[str, str]:
    article = read_article("Story\n\n" + text + "\n")
    return {f.answer: f.detail["quote"] for f in extract_facts(article)
            if f.kind is FactKind.QUOTE}


@pytest.mark.parametrize("sentence", [
    # the country only says which merchant
    "The Nepalese wine merchant said the harvest was the best of the decade so far.",
    # whoever says it is not named
    "Thousands of staff at Nepalese universities are on short contracts, says a report "
    "released on Monday.",
    # when it was said, not what
    "Ravi Menon said as he poured a glass of the new wine for the visitors.",
    # what was announced is said elsewhere
    "Asha Verma announced this ahead of her first session at the Council this year.",
])
def test_no_quote_without_a_speaker_or_words_said(sentence):
    assert quotes_of(sentence) == {}


def test_a_party_speaks_through_its_government_and_its_officials():
    assert quotes_of("The Nepalese government said the border talks would resume next "
                     "month.") == {"Nepal": "the border talks would resume next month"}


def test_a_stance_on_nothing_named_is_no_position():
    article = read_article("Story\n\nChief Minister Asha Verma has lowered the age limit "
                           "for the bus scheme.\n\nShe announced it on Monday, something she "
                           "had refused to do just last October.\n")
    assert not [f for f in extract_facts(article) if f.kind is FactKind.POSITION]


def test_words_someone_says_in_quotation_marks_are_no_term():
    found = terms('The waiter returns and whispers, "So you found it?"')
    assert not [text for text in found if "you found" in text], found


def test_a_word_that_opens_a_clause_before_a_preposition_is_no_name():
    found = terms("Staffing Gap: Funding for Malaria clinics reached $0.4 billion in 2022.")
    assert "Funding for Malaria" not in found
