"""Who said it, who holds the office, which party stands where."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from quizcli.datafiles import load_data
from quizcli.making.distractors import (
    party_choices,
    person_choices,
    title_choices,
)
from quizcli.making.questions.candidate import (
    HEAD_OF_STATE,
    LEANS_BACK,
    Candidate,
    lists_names,
    names_nothing,
    word_count,
)
from quizcli.making.questions.context import named_referent
from quizcli.making.questions.subjects import explained
from quizcli.making.questions.wording import (
    aliases,
    balanced,
    count_words,
    crop,
    quoted,
    without_party,
)
from quizcli.making.scores import ADJUSTMENTS
from quizcli.making.scores import score as score_of
from quizcli.model import BLANK, Fact, FactKind
from quizcli.reading.gazetteer import gazetteer

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_NAME_PARTS = re.compile(r"[\s-]+")
_AN_OBJECT = re.compile(r"(?:a|an|the|its|his|her|their|plans?|new)\s", re.I)
"""How words that are the object of the verb open, not a clause of their own."""



@functools.cache
def _clause_verbs() -> frozenset[str]:
    """Verbs whose words are a clause, asked after "that" even where the article has none
    (`reported` of `quizcli/data/verbs.yaml`)."""
    return frozenset(load_data("verbs.yaml")["reported"])


def who_said(maker: Maker, fact: Fact) -> Candidate | None:
    quote = fact.detail.get("quote", "")
    speaker = fact.answer
    verb = fact.detail.get("verb", "said")
    direct = f'"{quote}' in fact.evidence or f"“{quote}" in fact.evidence
    context = None
    if any(other is not fact and other.kind is FactKind.QUOTE and other.answer != speaker
           and other.evidence == fact.evidence and quote in other.detail.get("quote", "")
           for other in maker.facts):
        return None  # words another speaker in the sentence reports: whose are they?
    who = "Which country" if speaker in gazetteer().countries else "Who"
    if direct:
        first = _SENTENCE_END.split(quote)[0]
        cut = (first if word_count(first) >= 6 else quote).rstrip(".")
        if names_nothing(cut):
            return None
        prompt = f"{who} said: “{cut}”?"
    else:
        if verb in ("told", "tells", "said", "says", "stated", "states"):
            verb = "said" if verb in ("told", "said", "stated") else "says"
        context = _leaned_on(maker, fact, quote, speaker)
        # "announced a mega plan for …": what is announced, not a clause after "that"
        that = "" if verb not in _clause_verbs() and _AN_OBJECT.match(quote) and not re.search(
            rf"\b{re.escape(verb)}\s+that\b", fact.evidence) else "that "
        prompt = f"{context + ' ' if context else ''}{who} {verb} {that}{_run_on(quote)}?"
    if word_count(quote) < 4 or lists_names(quote):
        return None  # who read out a list of names is nothing to learn
    if any(len(part) > 2 and part in quote and re.search(rf"\b{re.escape(part)}\b", quote)
           for part in _NAME_PARTS.split(speaker)):
        return None  # the quote names its speaker
    party = fact.detail.get("party")
    if party and speaker not in maker.pools.people and any(
        re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", quote) for a in aliases(party)
    ):
        return None  # an institution quoted about itself
    accept = maker.name_forms(speaker) if speaker in maker.pools.people else ()
    if speaker in maker.pools.people:
        # Those who speak or take a side in the story first: a remark backstage is put to
        # the others quoted, not to a president the story names in passing.
        voices = [p for p in maker.pools.people if p in maker.voices]
        wrong = person_choices(speaker, maker.pools, fact.id, first=voices,
                               avoid=maker.mentioned(quote) + maker.spoken_of(quote, speaker))
    elif speaker in gazetteer().party_of:
        wrong = party_choices(speaker, maker.pools, fact.id)
    else:  # an office named without its holder: "U.S. Vice President stated ..."
        wrong = title_choices(speaker, None, maker.pools, fact.id)
    # With one speaker in the story, "who said it?" asks nothing a reader would miss.
    if maker.speakers < 2 and len(wrong) < 3:
        return None
    person = speaker in maker.pools.people
    score, why = score_of("who-said"), [f"quote +{score_of('who-said'):g}"]
    if direct:  # a speaker's own words, before what is reported of them
        own = ADJUSTMENTS["own words"]
        score, why = score + own, [*why, f"own words +{own:g}"]
    return maker.mcq(fact, "who-said", prompt, speaker, _four_or_none(wrong) if person else wrong,
                     score=score, why=why, accept=accept, typed=person, context=context,
                     group=f"who-said:{speaker}")


_OPENING_WORD = re.compile(
    r"(?:Although|Though|By|In|On|At|For|With|After|Before|If|When|While|As|The|A|An|It|This|"
    r"These|Those|There|We|They|Our|Its|Since|Because|Despite|Once|Unless|Until|Under|Over|"
    r"More|Most|Many|Some|All|Every|No|Not|Only|Even|But|And|So)(?=[\s,])")


def _run_on(words: str) -> str:
    """Reported words as they run on after "that": "that although it sees less …", not
    "that Although …" (a name keeps its capital)."""
    opening = _OPENING_WORD.match(words)
    return words[0].lower() + words[1:] if opening else words


def who_holds(maker: Maker, fact: Fact) -> Candidate | None:
    """Who completes the sentence that gives a person's office: the office stays in
    the sentence, so the question asks who holds it, in the article's own words."""
    holder = fact.answer
    named = fact.detail.get("named", holder)  # "Dr Rao, Director, ...": Asha Rao
    if not fact.detail.get("office") or fact.evidence.count(named) != 1:
        return None
    sentence = balanced(crop(fact.evidence.replace(named, BLANK, 1)))
    avoid = list(maker.pools.holders.get(fact.detail.get("title", ""), ()))
    # Someone the story gives another office is no wrong answer for this one: the
    # article itself rules them out.
    office = fact.detail.get("office", "").casefold()
    avoid += [who for title, who in maker.pools.titles
              if who != holder and office not in title.casefold()]
    wrong = person_choices(holder, maker.pools, fact.id, avoid=avoid + maker.mentioned(
        sentence))
    if HEAD_OF_STATE.search(fact.detail.get("office", "")):  # a president among office-holders
        wrong = [w for w in wrong if any(who == w for _, who in maker.pools.titles)]
    country = _country_of(fact.detail.get("title", ""))
    if country:  # "Nepali President _____": no one whose title names another country
        wrong = [w for w in wrong if all(_country_of(t) in (None, country)
                                         for t, who in maker.pools.titles if who == w)]
    score, why = maker.scored("who-holds", fact)
    context = maker.context_for(fact)
    shown = f"{context} {sentence}" if context else sentence
    prompt = f"Who completes the sentence? {quoted(shown)}"
    # Two holders of one sentence are two questions ("CJI X and Justice Y write …"); a
    # head of state or government beside another holder is one every reader knows.
    known = HEAD_OF_STATE.search(fact.detail.get("office", ""))
    group = f"who-holds:{'' if known else holder}:{fact.evidence}"
    return maker.mcq(fact, "who-holds", prompt, holder, wrong, score=score, why=why,
                    accept=maker.name_forms(holder), group=group, context=context, typed=True)

def _country_of(title: str) -> str | None:
    """The country a title of office names, by its name or its people's: "Russian
    President" is Russia's."""
    table = gazetteer()
    for word in re.findall(r"[A-Z][\w.]*", title):
        party = table.party_of.get(word)
        if party in table.countries:
            return party
    return None


def which_party(maker: Maker, fact: Fact) -> Candidate | None:
    stance = _with_its_noun(fact.detail.get("stance", ""), fact.evidence)
    holder = fact.detail.get("holder")
    verb = fact.detail.get("verb", "")
    if word_count(stance) < 3:
        return None
    was = "was " if verb.endswith("ing") else ""
    context = _leaned_on(maker, fact, stance, holder or fact.answer)
    shown = f"{context} " if context else ""
    if holder:
        prompt = f"{shown}Who {was}{stance}?"
        wrong = person_choices(holder, maker.pools, fact.id,
                               avoid=maker.mentioned(stance) + maker.spoken_of(stance, holder))
        accept = (*maker.short_names(holder), fact.answer)
        return maker.mcq(fact, "which-party", prompt, holder, _four_or_none(wrong), score=3.0,
                         why=["position +3"], accept=accept, typed=len(wrong) == 2,
                         context=context)
    prompt = f"{shown}Which party {was}{without_party(stance, fact.answer)}?"
    said = f"{context} {stance}" if context else stance  # no party the prompt names
    named = [p for p in maker.pools.parties if p != fact.answer
             and any(count_words(said, a) for a in aliases(p))]
    wrong = party_choices(fact.answer, maker.pools, fact.id, avoid=named)
    return maker.mcq(fact, "which-party", prompt, fact.answer, wrong, score=3.0,
                     why=["position +3"], accept=tuple(aliases(fact.answer)), context=context)


def _leaned_on(maker: Maker, fact: Fact, asked: str, answer: str) -> str | None:
    """The sentence a stance or a quote leans on ('that the expression must …'), if it
    does and that sentence does not name who is asked for."""
    leans = LEANS_BACK.match(asked) or named_referent(maker, fact.evidence, asked)
    context = maker.context_for(fact, asked) if leans else explained(maker, fact, asked)
    if context and not any(count_words(context, form) for form in (
            *aliases(answer), *maker.short_names(answer))):
        # Shown first, the sentence follows nothing: "Also, the concept …" is "The concept …".
        context = _LINKING_START.sub("", context)
        return context[:1].upper() + context[1:]
    return None


_LINKING_START = re.compile(r"^(?:Also|And|But|However|Meanwhile|Moreover|Further|Furthermore"
                            r"|Besides|Still|Yet),?\s+(?=\w)")


def _with_its_noun(stance: str, evidence: str) -> str:
    """The stance with an object 'it' named by the last 'the …' noun its sentence gives
    before it: 'suggested to send it to a committee', in a sentence of the bill, is
    'suggested to send the bill to a committee'."""
    pronoun = re.search(r"\b(?:send|sent|refer|referred|pass|passed|approve|approved|oppose|"
                        r"opposed|support|supported|reject|rejected|introduce|introduced|"
                        r"withdraw|withdrew|table|tabled|sign|signed)\s(it)\b", stance)
    at = evidence.find(stance)
    if pronoun is None or at <= 0:
        return stance
    nouns = re.findall(r"\bthe ([a-z]{3,})\b", evidence[:at])
    if not nouns:
        return stance
    return stance[:pronoun.start(1)] + f"the {nouns[-1]}" + stance[pronoun.end(1):]


def _four_or_none(wrong: list[str]) -> list[str]:
    """Three wrong names, or none (the name is typed): of two wrong names one is mostly
    absurd, and a choice of three people is a choice of one."""
    return wrong if len(wrong) >= 3 else []
