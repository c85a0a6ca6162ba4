"""What an explainer or a story is about, shown before a sentence that names neither it
nor the subject of its section: 'About the PM Awas Scheme (Eligibility): Grants: …'. A card
read months later says what it is of."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from quizcli.datafiles import load_data
from quizcli.making.distractors import show_date
from quizcli.making.questions.headings import section_subject
from quizcli.making.questions.wording import initials
from quizcli.model import Fact, FactKind
from quizcli.reading.dates import MONTH_NAMES
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.names import named_kind
from quizcli.text import compared

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker

LABEL_HEADING = re.compile(r"[A-Z][\w’'-]*(?:\s[\w’'-]+){0,6}")
"""A heading short and plain enough to stand before its lines: "Characteristics of
Heatwaves", not a question or a sentence."""
_ORDINAL_BEFORE = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th)) $")


def named_things(maker: Maker, fits: Callable[[str], bool]) -> list[tuple[str, int]]:
    """The story's named things that fit ('… Bill'), each with the index of the first
    sentence that names it, an ordinal before it kept ('14th … Bill'). A name that is
    a country's alone ('the Indian Constitution') needs no naming."""
    table = gazetteer()
    found: dict[str, int] = {}
    for fact in maker.facts:
        if fact.kind is not FactKind.FACT or not fits(fact.answer):
            continue
        index = maker.index_of.get(fact.evidence)
        if index is None or all(word in table.party_of for word in fact.answer.split()[:-1]):
            continue
        at = fact.evidence.find(fact.answer)
        ordinal = _ORDINAL_BEFORE.search(fact.evidence, 0, at) if at > 0 else None
        name = f"{ordinal.group(1)} {fact.answer}" if ordinal else fact.answer
        found[name] = min(index, found.get(name, index))
    return sorted(found.items(), key=lambda item: item[1])


_LABEL = re.compile(r"^[^:.;]{2,60}?:\s")
"""The label that opens a bullet: 'Financing Gap: In 2024, only $5.9 billion …'."""


def explained(maker: Maker, fact: Fact, asked: str | None = None) -> str | None:
    """What a sentence's article is about (`_about`), or else the story's date for a
    figure of a month the sentence gives no year for (`_dated_figure`)."""
    return _about(maker, fact, asked) or _dated_figure(maker, fact)


_YEARLESS_MONTH = re.compile(r"\b(?i:in|since|of|for|until|till|by|last|this)\s(?:" + "|".join(
    MONTH_NAMES) + r")\b(?![\s,]+(?:\d{1,2},?\s)?(?:19|20)\d\d)")


def _dated_figure(maker: Maker, fact: Fact) -> str | None:
    """The story's date before a figure of a month its sentence names without a year
    ('In a story of 5 April 2024: Inflation eased to _____ in February'): which February
    is the story's to say."""
    if fact.kind is not FactKind.NUMBER or maker.article_date is None or _A_YEAR.search(
            fact.evidence) or not _YEARLESS_MONTH.search(fact.evidence):
        return None
    return f"{_in_a_story_of(maker.article_date)}:"


def _in_a_story_of(day: dt.date) -> str:
    return f"In a story of {show_date(day.isoformat())}"


def _with_the(name: str) -> str:
    """A name as it follows 'About': 'the Ocean Council', 'Mission Nira' (`_needs_the`)."""
    return f"the {name}" if not name.startswith(("the ", "The ")) and _needs_the(name) else name


def _about(maker: Maker, fact: Fact, asked: str | None = None) -> str | None:
    """What a sentence's article is about, with the heading it stands under, where the
    sentence names neither ('About the PM Awas Scheme (Eligibility): Grants: Each village
    receives up to _____'): under a heading or in a bullet, what its section is about (the
    report a 'Key Highlights of the Report' section is of), else what the explainer is
    named for (`explainer_subject`); in a story of paragraphs, the report, scheme or law
    its title names (`story_subject`)."""
    section: str | None = fact.detail.get("section")
    of_section = section_subject(section)
    about = None if maker.explains else story_subject(maker.title)
    if about and _tells_its_own(fact.evidence, about):
        about = None
    if about and named_kind(about.split()[-1]) == "report" and not of_section:
        return _edition(maker, fact, about, asked)
    if section is None and not _LABEL.match(fact.evidence):
        subject = about  # a paragraph of a story: its title's report, scheme or law
    elif of_section and not _distinctive(of_section):  # "the Report": the one named before
        subject = _named_before(maker, fact, of_section)
        if subject is None:
            return None
    elif of_section and any(w[0].isupper() for w in _distinctive(of_section)):
        subject = of_section
    else:  # no subject, or "What is the dispute now?": the explainer's own subject it is
        subject = maker.explains or about
    if subject is None or _names(f"{fact.evidence} {asked or ''}", subject) or (
            _names(fact.answer, subject) or _names(subject, fact.answer)):
        return None
    subject = _with_the(subject)
    if section and of_section is None and LABEL_HEADING.fullmatch(section) and (
            len(section.split()) <= 5 and not _empty_heading(section)):
        # "Characteristics of Lake Storms" says itself what it is of
        return f"{section}:" if _names(section, subject) else f"About {subject} ({section}):"
    return f"About {subject}:"


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _edition(maker: Maker, fact: Fact, report: str, asked: str | None) -> str | None:
    """What a sentence of a story on a report needs before it: the report, where the
    sentence does not name it, and the story's date, where neither gives a year, since a
    report's figures are those of one edition ('In a story of 1 April 2021 on the Lake
    Health Report:')."""
    shown = f"{fact.evidence} {asked or ''}"
    if _names(fact.answer, report) or _names(report, fact.answer):
        return None  # the report is the answer
    # a date's question gives the story's own date
    when = _in_a_story_of(maker.article_date) if maker.article_date and (
        fact.kind is not FactKind.DATE and not _A_YEAR.search(f"{shown} {report}")) else ""
    if _names(shown, report):
        return f"{when}:" if when else None
    return f"{when} on {_with_the(report)}:" if when else f"About {_with_the(report)}:"


_TITLED = re.compile(r"\b(?P<head>report|index|survey|study|book|film)\s(?:titled|called|named)\s$",
                     re.I)


def _named_before(maker: Maker, fact: Fact, generic: str) -> str | None:
    """The named thing a section on 'the Report' is of: the last report the story named
    before it ('the Lake Health Report'), or titled ('a report titled “Rising Waters”' is
    the report “Rising Waters”)."""
    head = generic.split()[-1].capitalize()
    index = maker.index_of.get(fact.evidence)
    if index is None:
        return None
    named = [(at, name) for name, at in named_things(maker, lambda n: n.endswith(f" {head}"))]
    for other in maker.facts:
        at = other.evidence.find(other.answer)
        titled = _TITLED.search(other.evidence, 0, max(0, at - 1)) if at > 0 else None
        if titled and titled.group("head").casefold() == head.casefold():
            named.append((maker.index_of.get(other.evidence, index),
                          f"the {head.lower()} “{other.answer}”"))
    before = [name for at, name in sorted(named) if at < index]
    return before[-1] if before else None


def _tells_its_own(sentence: str, subject: str) -> bool:
    """Whether a sentence names another thing of the subject's kind ('the Lake Health
    Report' or 'a new report titled …' in a story of an index): it says itself what it is
    of. 'According to the report' is the story's own."""
    kind = named_kind(subject.split()[-1])
    if any(named_kind(run.split()[-1]) == kind and run not in subject
           for run in _NAME_RUN.findall(sentence)):
        return True
    return any(named_kind(m.group(1).capitalize()) == kind
               for m in _ANOTHER.finditer(sentence))


_ANOTHER = re.compile(r"\b(?:[Aa]|[Aa]n|[Aa]nother)\s(?:new\s|fresh\s|separate\s)?([a-z]{3,})\b")


@functools.lru_cache(maxsize=1024)
def story_subject(title: str) -> str | None:
    """The report, scheme or law a story's title names, which its sentences are of:
    'Nepal rises in the River Health Index' is of the River Health Index."""
    found = [run for run in _NAME_RUN.findall(title)
             if named_kind(run.split()[-1]) in ("report", "scheme", "law")]
    return max(found, key=len) if found else None


_NAMING_STOP = frozenset("the of for and on in v vs new national global".split())


def _distinctive(subject: str) -> list[str]:
    """The words a subject is told apart by: 'Awas' of the 'PM Awas Scheme' ('Scheme',
    'PM' or 'National' tells nothing), none of 'the Report'."""
    return [w for w in re.findall(r"[A-Za-z][\w’']*", subject)
            if len(w) > 2 and w.casefold() not in _NAMING_STOP and named_kind(w) is None]


_NAME_RUN = re.compile(r"[A-Z][\w-]*(?:\s(?:and|of|for|the|&)?\s?[A-Z][\w-]*)+")


def _names(text: str, subject: str) -> bool:
    """Whether the text names the subject by a word of its own (`_distinctive`), which may
    end differently ('Monsoons'), or spells out its initials ('Lakes and Rivers Tax'
    names the 'LRT Council')."""
    words = _distinctive(subject) or [subject]
    # A name of several words is named as written ('the River Health Index', not 'river
    # health'); a word alone in any case ('monsoons' names 'Monsoon').
    case = "" if len(subject.split()) > 1 else "(?i)"
    if any(re.search(rf"{case}\b{re.escape(w)}", text) for w in words):
        return True
    short = [w for w in words if w.isupper()]
    return bool(short) and any(s in initials(run) for s in short for run in _NAME_RUN.findall(text))


def _needs_the(subject: str) -> bool:
    """Whether a name takes 'the' before it: 'the Ocean Council', 'the Second Summit';
    not 'Mission Nira' or 'Monsoon'."""
    words = subject.split()
    last = next((w for w in reversed(words) if w[:1].isalpha()), "")
    return named_kind(last) is not None or re.fullmatch(
        r"(?:First|Second|Third|Fourth|Fifth|\d+(?:st|nd|rd|th))", words[0]) is not None


@functools.lru_cache(maxsize=1)
def _empty_headings() -> frozenset[str]:
    return frozenset(load_data("boilerplate.yaml")["empty_headings"])


def _empty_heading(heading: str) -> bool:
    """Whether a heading says nothing of its section ('Why in News?', 'Background', 'More
    about the statement')."""
    plain = heading.casefold().rstrip("?:. ")
    return any(plain == h or plain.startswith(f"{h} ") for h in _empty_headings())


def is_explained(maker: Maker, name: str, others: tuple[str, ...] = ()) -> bool:
    """Whether a name, or one of its `others`, is what the explainer explains: the 'LRT
    Council' is the 'Lakes and Rivers Tax Council'."""
    subject = maker.explains
    if not subject:
        return False
    if compared(subject) in map(compared, (name, *others)):
        return True
    spelled = "".join(w if w.isupper() else w[0] for w in subject.split() if w[0].isupper())
    return len(name.split()) > len(subject.split()) and initials(name) == spelled
