"""Which place completes the sentence, and the blank of a name or a term."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from quizcli.making.distractors import (
    place_choices,
)
from quizcli.making.questions.candidate import (
    Candidate,
    question_id,
)
from quizcli.making.questions.subjects import is_explained
from quizcli.making.questions.when import beside_a_figure
from quizcli.making.questions.wording import (
    abbreviates,
    count_words,
    crop,
    demonym,
    in_list,
    other_spellings,
    quoted,
)
from quizcli.model import BLANK, Fact, FactKind, QuestionType
from quizcli.text import stands_alone

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker

_POSSESSIVE = re.compile(r"[a-z]s['’]$")
_BLANK_POSSESSIVE = re.compile(rf"{BLANK}(['’])(?=\s)")
_PEOPLES = re.compile(r"[A-Z]\w+(?:ers|ians|ans|ites)$")
"""A people in the plural ("Gangtokers"), whose possessive is its apostrophe alone:
"_____’ fears"."""
_ACT = re.compile(r"(.+?)\s*\(([^)]*)\)\s*(Act\b.*)")
_CLAUSE = re.compile(r"((?:Article|Section|Rule)s?\s\d+[A-Z]?)\s?\(\w{1,4}\)")
_CASE = re.compile(r"(.+?)\s(?:v|vs|versus)\.?\s.+")


@functools.lru_cache(maxsize=4096)
def _after_a_preposition(place: str) -> re.Pattern[str]:
    """The place after a preposition of place ("in", "near", "visited"); made once for each
    place, which many stories name."""
    return re.compile(rf"\b(?:in|at|to|from|near|inside|outside|visit\w*)\s+(?:the\s+)?"
                      rf"({re.escape(place)})(?!\w)")


def where(maker: Maker, fact: Fact) -> Candidate | None:
    if in_list(fact.evidence, fact.answer):
        return None  # one place of a list: any other place of it fits the blank as well
    if _asked_by_its_date_or_figure(maker, fact):
        return None  # "since Lisbon in 2017": the date question asks the same event
    match = _after_a_preposition(fact.answer).search(fact.evidence)
    if not match:
        return None
    sentence = crop(fact.evidence[:match.start(1)] + BLANK + fact.evidence[match.end(1):])
    score, why = maker.scored("where", fact)
    context = maker.context_for(fact)
    shown = f"{context} {sentence}" if context else sentence
    prompt = f"Which place completes the sentence? {quoted(shown)}"
    return maker.mcq(fact, "where", prompt, fact.answer,
                    place_choices(fact.answer, maker.pools, fact.id, sentence=sentence,
                                  context=context or ""),
                    score=score, why=why, accept=maker.other_names(fact.answer, place=True),
                    context=context, typed=True)

def _asked_by_its_date_or_figure(maker: Maker, fact: Fact) -> bool:
    """Whether the place stands next to a date of its sentence ("from Sikkim in 2017",
    "in June in Lisbon": the two name one event), or is only where the one figure of its
    sentence is counted ("Only four of the birds are left in Goa"): the date's or the
    figure's question asks the same fact."""
    others = maker.by_sentence.get(fact.evidence, ())
    sentence, name = fact.evidence, fact.answer
    for other in others:
        written = other.detail.get("written", "") if other.kind is FactKind.DATE else ""
        if written and any(stands_alone(sentence, together) for together in (
                f"{name} in {written}", f"{name} in the {written}", f"{written} in {name}")):
            return True
    figures = [f for f in others if f.kind is FactKind.NUMBER]
    if len(figures) != 1 or figures[0].detail.get("unit") not in (None, "", "count"):
        return False
    at = sentence.find(fact.answer)
    return 0 <= sentence.find(figures[0].answer) < at and sentence[max(0, at - 3):at] == "in "


def _told_whole(maker: Maker, fact: Fact) -> bool:
    """Whether a remark or a stance of the fact's sentence, which who-said and which-party
    show whole, holds the name: a blank of it asks again what they tell."""
    return any(other.kind in (FactKind.QUOTE, FactKind.POSITION)
               and count_words(other.detail.get("quote") or other.detail.get("stance") or "",
                               fact.answer)
               for other in maker.by_sentence.get(fact.evidence, ()))


def blank(maker: Maker, fact: Fact) -> Candidate | None:
    if fact.kind in (FactKind.PLACE, FactKind.FACT) and _asked_by_its_date_or_figure(maker, fact):
        return None  # "in June in _____": the date question asks the same event
    if fact.detail.get("term") == "name" and _told_whole(maker, fact):
        return None  # "Who said that the tenure of the Hill Wardens …?" tells it
    written = fact.answer
    if _POSSESSIVE.search(written):
        written = written[:-1]  # "the United States' test": the name, not its possessive
    short = fact.detail.get("short", "")
    pair = next((p for p in (f"{written} ({short})", f"{written}, or {short},",
                             f"{written}, or {short}") if short and p in fact.evidence), None)
    if pair and pair.endswith(","):
        pair = pair[:-1] if fact.evidence.count(pair) != 1 else pair  # "real _____ growth"
    if pair:
        # Neither half may stay beside the blank: each gives the other away.
        sentence = maker.blanked(fact, pair, keep_preposition=False)
    elif fact.detail.get("term") == "name" and demonym(written):
        return None  # "the _____ host": the adjective of a country the story names
    elif fact.detail.get("term", "name") == "name" and in_list(fact.evidence, written):
        return None  # one name of a list: any other name of it fits the blank as well
    elif fact.detail.get("term") == "species" and in_list(fact.evidence, written) and (
            f"{written} (" not in fact.evidence):
        return None  # one species of a list, with nothing said of it alone
    elif fact.detail.get("term") == "name" and abbreviates(fact.evidence, written):
        return None  # '(DOSV)' beside 'Deep Ocean Survey Vehicle'
    else:
        sentence = maker.blanked(fact, written, keep_preposition=False)
    if not sentence:
        return None
    if written != fact.answer and not (_PEOPLES.search(written) and written not in (
            maker.pools.people)):  # a name's possessive, "the _____'s test"; not "_____' fear"
        sentence = _BLANK_POSSESSIVE.sub(rf"{BLANK}\1s", sentence)
    accept = (*_typed_forms(written, short),
              *maker.other_names(written, place=_a_place(fact, sentence)),
              *other_spellings(written, fact.evidence), *maker.other_forms(written),
              *maker.short_forms(written), *_longer_names(maker, written))
    if fact.kind is FactKind.DATE:
        kind = "when:period"
        if " to " not in written and beside_a_figure(maker, fact):
            return None  # "the deficit for _____ at 4.4 per cent": the figure's own year
    elif fact.kind is FactKind.PLACE:
        kind = "where"
    else:
        kind = f"term:{fact.detail.get('term', 'name')}"
    score, why = maker.scored(kind, fact)
    qid = question_id(fact.id, "blank")
    context = maker.context_for(fact)
    prompt = f"{context} {sentence}" if context else sentence
    # What an explainer explains is asked once: every sentence of it names it.
    group = "the explainer's subject" if is_explained(maker, written, accept) else None
    return maker.candidate(fact, qid, QuestionType.CLOZE, prompt, written, score=score, why=why,
                          accept=accept, context=context, group=group)


def _a_place(fact: Fact, sentence: str) -> bool:
    """Whether a place's blank asks for the place, "talks since _____ in 2015", and not
    for the government it stands for, "_____ had made little headway"."""
    return fact.kind is FactKind.PLACE and bool(re.search(
        r"\b(?i:in|at|from|to|near|since|inside|outside|across|into|towards?|via)\s+"
        r"(?:the\s+)?" + re.escape(BLANK), sentence))


# --- several facts of one story -------------------------------------------


def _typed_forms(written: str, short: str) -> tuple[str, ...]:
    """Shorter forms a reader may type for a name: "Aadhaar Act" for "Aadhaar (Targeted
    ...) Act", "Article 12A" for "Article 12A (1)", a case by its first party ("Ravi
    Menon" for "Ravi Menon v. State of Sikkim"), and its abbreviation."""
    forms: list[str] = []
    act = _ACT.match(written)
    if act and "Amendment" not in act.group(2):
        forms.append(f"{act.group(1)} {act.group(3).split(',')[0]}")
    clause = _CLAUSE.fullmatch(written)
    if clause:  # "Article 12A (1)": the article is its clause's answer as well
        forms.append(clause.group(1))
    case = _CASE.fullmatch(written)
    if case and not case.group(1).startswith(("State", "Union")):
        forms.append(case.group(1))  # "State of Sikkim v. …" is every case of that State
    if short:
        forms.append(short)
    return tuple(forms)


def _longer_names(maker: Maker, written: str) -> tuple[str, ...]:
    """The story's fuller names of the same thing, a word or two longer at the front:
    "Global Wetland Index" for "Wetland Index", where the story names both."""
    if not written[:1].isupper():
        return ()
    return maker.longer_names.get(written, ())[:2]
