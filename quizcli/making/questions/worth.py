"""Why no exam setter would blank an answer: the vetoes a blank must pass."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from quizcli.datafiles import load_data
from quizcli.making.questions.asides import (
    CURRENCY,
    counted_after,
    describes_noun,
    figures_frame,
    side_figure_or_place,
)
from quizcli.making.questions.candidate import HEAD_OF_STATE, lists_names, names_nothing
from quizcli.making.questions.when import WEEKDAYS
from quizcli.making.questions.wording import (
    count_words,
    echoed,
    echoed_word,
    initials,
    spelled_beside,
)
from quizcli.model import BLANK, Fact
from quizcli.reading.gazetteer import common_word, gazetteer
from quizcli.reading.rules.names import named_kind
from quizcli.reading.rules.powers import POWER
from quizcli.reading.sentences import ABBREVIATIONS
from quizcli.text import compared

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker


_PRONOUN_ANSWER = re.compile(r"(?i)(?:he|she|it|they|we|you|i|this|that|these|those)"
                             r"(?:['’](?:re|s|ll|ve|d|m))?")
STATISTIC = re.compile(r"\d(?:\s?%|\s(?:per ?cent|pc|per lakh|percentage points|basis points)\b)"
                       r"|\b\d\.\d{2,}\b|\b(?:rank|ranks|ranked)\b"
                       rf"|\d\s(?:times|fold)\b|{CURRENCY}\s?\d"
                       r"|\d\s(?:billion|million|crore)\b")
"""A figure that a date only places in time: '3.7%', 'an index value of 0.712', 'ranked',
'grown 12 times', '$2.1 billion'."""

_WORKER = (r"(?:\b(?i:fellow|professor|researcher|analyst|scientist|scholar|director|head|"
           r"lecturer|[a-z]{4,}ist|[a-z]*onomer)|\bstudies\s[^,.;]{1,40}?)\s(?:at|of|with|in)\s"
           r"(?:the\s)?")
_AFFILIATION = re.compile(
    rf"{_WORKER}$|,\s(?:Director|Professor|Head|Fellow|Chair),\s$"
    r"|\b(?:Dr|Prof|Professor)\.?\s(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*,\s$")
"""What stands before the body a person quoted works for: "a fellow at the _____",
"an economist at _____", "Dr Asha Rao, _____, Gangtok"."""
_WORKS_IN = re.compile(rf"{_WORKER}(?:[A-Z][\w.&’'-]*\s(?:(?:of|for|and|on)\s)?){{1,8}}in\s$"
                       rf"|{_WORKER}(?:[A-Z][\w.&’'-]*\s(?:of\s)?){{0,5}}[A-Z][\w.&’'-]*,\s$")
"""What stands before the town of the body a person works for: "an economist at the
Institute of Hill Studies in _____", "who studies glaciers at the University of Sikkim,
_____"."""
_TOLD = re.compile(r"\btold\s(?:the\s)?$")


_WORD_END = re.compile(r"\w$")
_WORD_ON = re.compile(r"\w|\.[-\w]")
_CLAUSE = re.compile(r"[A-Z][a-z]+ing\s(?:the|a|an|its|his|her|their)\s")
_ONE_WORD = re.compile(r"[a-z][a-z-]*")
_NAME_IN_BRACKETS = re.compile(r"[A-Z][\w.-]*(?:\s\d+[A-Z]?)?\s\($")
_COUNT_BEFORE = re.compile(r"\b(?:the|other|its|their)\s$")
_LOWER_AFTER = re.compile(r"\s[a-z]")
_OFFICIALS = re.compile(r"\sofficials\b")
_CAPITAL_THE = re.compile(r"(?<=[\w,;] )The\s$")
_SPEAKERS_IN = re.compile(r"\b(?:officials|sources|police|authorities|spokesperson|spokesman|"
                          r"spokeswoman)\s(?:in|at)\s$")
_OF_THE = re.compile(r"\b(?:of|for|at|from|with|by)\s(?:the\s)?$")
"""What makes a body before "said" the speaker's body: "a spokesperson for the _____ said"."""
_SPEAKS = re.compile(r"\s(?:said|say|says|stated|states|told|tells|added|noted|announced)\b")


def not_worth_asking(maker: Maker, fact: Fact, prompt: str, answer: str, kind: str) -> str | None:
    """Why no exam setter would blank this answer, or None. Only a blank is judged:
    a question asked in words of its own says what it asks."""
    if BLANK not in prompt:
        return None
    kind = kind.rsplit(" ", 1)[0]
    before, _, after = prompt.partition(BLANK)
    unasked = _no_fact(answer)
    if unasked:
        return unasked
    # A pattern that ends the text ($: at its end, or before a line break that ends it)
    # is searched for only where a match of it can start: its longest match from the end.
    if _WORD_END.search(before, len(before) - 2 if len(before) > 2 else 0) or _WORD_ON.match(
            after):
        return "part of a longer word"  # "the _____.-Nepal border": U.S.
    if after[:1] == "-" and after[1:2].islower() and not kind.startswith("figure"):
        return "half of a compound"  # "the Prime Minister _____-led government"
    if kind in ("figure:ordinal", "when:year", "when:month") and maker.title \
            and _named_in(maker.title, answer):
        return "the title gives it"  # "Second Wetland Summit": "a _____ summit"
    if not before.strip() and _CLAUSE.match(answer):
        return "a clause, not a name"  # "_____ 2025, the minister said": Opening the Session
    if kind == "who-holds" and _leads_the_story(maker, fact, answer):
        return "the story's main actor"  # "Prime Minister _____" in a story of her
    if kind.startswith("term:") and kind not in ("term:definition", "term:defined"):
        unasked = _only_a_word(maker, answer, before, after)
        if unasked:
            return unasked
    elif kind.startswith("term:") and compared(answer) == compared(maker.title):
        return "the article's title"  # "A _____ is a spell of …" under the title "Cold Wave"
    unasked = _a_sources_setting(maker, before, after, kind)
    if unasked:
        return unasked
    unasked = figures_frame(before, answer, kind)
    if unasked:
        return unasked
    if _one_of_many(before, after):
        return "one name of a long list"  # "include _____ (103), Nigeria (103), Congo …"
    if kind == "term:list" and "," in answer and _EXAMPLES.search(before) or (
            " and " in answer and _AMONG.match(after)):
        return "some examples, not the whole list"  # "trades such as _____": any others fit
    unasked = _a_quoted_blank(kind, answer, before, after) if kind == "term:quoted" else None
    if unasked:
        return unasked
    if after.startswith(")") and not any(ch.isdigit() for ch in answer) and (
            _NAME_IN_BRACKETS.search(before, max(0, len(before) - 30))):
        return "the rest of a name, in brackets"  # "Chairman Ri (_____)", "Rule 8 (_____)"
    if answer.casefold() in ("two", "both", "three") and _COUNT_BEFORE.search(
            before, max(0, len(before) - 8)) and _LOWER_AFTER.match(after):
        return "a count the story names"  # "the _____ leaders", "the other _____ judges"
    if " " not in answer and _CAPITAL_THE.search(before, max(0, len(before) - 6)):
        return "the rest of a name that opens with 'The'"  # "near The _____": Hague
    unasked = side_figure_or_place(before, after, answer, kind)
    if unasked:
        return unasked
    if not kind.startswith(("figure", "when:day", "when:year", "when:month", "term:list")) \
            and _repeated(maker, fact.evidence, before, after, answer):
        return "a phrase the story repeats"  # "the rivers of the _____" said three times
    return _given_away(before, after, answer, kind) or _no_exam_value(fact, answer, kind)


_ITEM = r"[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3}(?:\s\([^()]{1,12}\))?"
_LONG_LIST = re.compile(rf"(?:(?<=[\s“\"(])|^){_ITEM}(?:(?:,\s(?:and\s)?|\sand\s){_ITEM}){{3,}}")
"""Four names or more in a row, each maybe with its figure in brackets."""


def _one_of_many(before: str, after: str) -> bool:
    """Whether the blank is one of four names or more listed together: which of them
    was blanked is a guess, not a fact. Common words listed are a title's subjects
    ("Minister of Lakes, Rivers, and Hill Areas, _____"), not names."""
    if after.count(",") + before.count(",") < 3:
        return False
    window = before[-240:] + "Blank" + after[:240]
    at = min(len(before), 240)
    return any(m.start() <= at < m.end() and sum(
        not all(common_word(w) for w in re.findall(r"[A-Za-z]+", item) if w != "and")
        for item in re.split(r",\s|\sand\s", m.group())) >= 4
        for m in _LONG_LIST.finditer(window))


def _a_quoted_blank(kind: str, answer: str, before: str, after: str) -> str | None:
    """Why a term in quotation marks is no blank to ask, or None."""
    if before.strip() in _QUOTE_MARKS and after[:2] in _SAID_END:
        return "a whole remark, not a term"  # '"_____," the Chairman said.'
    if _ONE_WORD.fullmatch(answer):
        return "one quoted word, which other words fill as well"  # "the '_____' step"
    if _INTENSIFIED.match(answer) and _before_a_noun(after):
        return "quoted praise of the noun after it"  # 'a "_____" letter': very warm
    return None


def _leads_the_story(maker: Maker, fact: Fact, answer: str) -> bool:
    """Whether the holder is the story's main actor in an office everyone knows the
    holder of: a head of state or government, a country's "Chairman"; a minister of a
    department is still asked."""
    office = fact.detail.get("office", "")
    return maker.main_actor(answer) and (HEAD_OF_STATE.search(office) is not None or (
        " " not in office and fact.detail.get("party") in gazetteer().countries))


def _a_power_of(answer: str, before: str, after: str) -> bool:
    """Whether the answer is a bare title of office beside what the office may do: "sent
    to the _____ for assent" asks whose assent a bill needs."""
    return answer.lower() in gazetteer().offices and POWER.search(
        f"{before[-80:]} {after[:80]}") is not None


def _named_in(title: str, answer: str) -> bool:
    """Whether the title names the answer as part of a name, beside a capitalised word:
    "Second Wetland Summit", "Lake Census 2024"; not "Sikkim stays at 40th place"."""
    if not count_words(title.casefold(), answer.casefold()):
        return False
    table = gazetteer()
    for found in re.finditer(rf"(?i)(?<![\w-]){re.escape(answer)}(?![\w-])", title):
        beside = title[:found.start()].split()[-1:] + title[found.end():].split()[:1]
        if any(word[:1].isupper() and word not in table.party_of and word not in table.places
               for word in (w.strip(":,") for w in beside)):
            return True  # "Sikkim 40th in …" is a rank, not a name
    return False


def _quoted_worth_asking(before: str) -> bool:
    """Whether the words said before the blanked speaker are ones "who said" asks: not a
    short reaction that names nothing ("We have an exciting time ahead")."""
    said = re.search(r"[\"“‘']([^\"“”‘’']{3,400})[,.!?]?[\"”’']", before)
    return not said or not names_nothing(said.group(1))


def _a_sources_setting(maker: Maker, before: str, after: str, kind: str) -> str | None:
    """Whether the blank is the source of a remark, where they work or speak, or whom they
    speak to: the setting of a remark, not a fact of the story."""
    if kind.startswith("term:") and before[-1:].isspace() and _AFFILIATION.search(before):
        return "where someone works"  # "Dr Rao, Director, _____": a source's employer
    if kind in ("where", "term:name") and _WORKS_IN.search(before, max(0, len(before) - 160)):
        return "where someone works"  # "an economist at the Hill Institute in _____"
    if kind.startswith("term:") and _TOLD.search(before, max(0, len(before) - 12)) and (
            after[:1] in ".,"):
        return "who was told"  # "Ravi Menon told _____.": the paper that asked him
    if (kind == "who-holds" and maker.speakers > 1 and _quoted_worth_asking(before)
            and not lists_names(after) or kind.startswith("term:")) and (
            _SPEAKS.match(after)) and not _OF_THE.search(before, max(0, len(before) - 10)):
        return "the speaker, whom 'who said' asks"  # "Collector _____ said that …"
    if kind == "where" and _OFFICIALS.match(after):
        return "a capital standing for its government"  # "_____ officials said"
    if kind == "where" and _SPEAKERS_IN.search(before, max(0, len(before) - 30)) and (
            _SPEAKS.match(after)):
        return "where someone spoke"  # "officials in _____ said": the city of a dateline
    return None


_EXAMPLES = re.compile(r"(?i)\b(?:such as|like|e\.g\.,?|for example,?)(?:\s(?:through|by|in))?"
                       r"\s$")
_QUOTE_MARKS = ('"', "“", "‘", "'")
_SAID_END = ('"', "”", "’", "'", ',"', ",”", ",’", ".\"", ".”", "!”", "?”")
_AMONG = re.compile(r"\s(?:were|are|was|is|stood)\s(?:\w+\s)?among\b")
"""Some of a group, after the blank: "_____ were among six countries invited"."""
_WEEKDAY = re.compile(r"(?:on\s)?(?:" + "|".join(WEEKDAYS) + ")")
_TIME_OF_DAY = re.compile(r"\d\s?(?:[ap]\.?m\b\.?|hrs\b|IST\b)", flags=re.I)
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*")
_ADJECTIVE_END = re.compile(r"(?:an|ese|ish|ic|i)$")


def _no_fact(answer: str) -> str | None:
    """What the answer is when it is no fact to learn: a weekday, a time, a pronoun, a
    list of five things or more."""
    if _WEEKDAY.fullmatch(answer):
        return "a weekday"
    if _TIME_OF_DAY.search(answer):
        return "a time of day"
    if answer.endswith(("'", "’")):
        return "half a possessive"
    if answer.lower() in ABBREVIATIONS:
        return "an abbreviated word"  # "Sikkim Lakes Pvt. _____.": Ltd
    if _PRONOUN_ANSWER.fullmatch(answer):
        return "a pronoun"  # "_____ the ones who must decide": They're
    if answer.count(",") >= 4:
        return "a list too long to recall"  # "in 17 states namely _____": all seventeen
    words = answer.split()
    if words and words[-1] == "Constitution" and all(
            w in gazetteer().party_of or w in ("of", "the") for w in words[:-1]):
        return "a country's constitution"  # "permissible under the _____": every reader knows
    return None


def _only_a_word(maker: Maker, answer: str, before: str, after: str) -> str | None:
    """Why a term is only a word of its sentence, not a name to learn."""
    if _a_power_of(answer, before, after):
        return None
    table = gazetteer()
    word = answer.casefold()
    if answer[:1].isupper() and not answer.isupper() and (word in table.common_words or (
            word.endswith("s") and word[:-1] in table.common_words
            and answer not in table.party_of and answer not in table.places)):
        return "a common word"  # "the _____ will decide": Council; "across _____": States
    named = maker.in_text(answer)
    if maker.title and maker.in_title(answer) and (
            named >= 3 or named >= 2 and len(answer.split()) >= 3):
        return "the article's own subject"
    short = maker.short_forms(answer)
    if maker.title and any(maker.in_title(s) for s in short) and (
            named + sum(maker.in_text(s) for s in short) >= 3):
        return "the article's own subject"  # "the _____" in a story titled "GTC Council"
    letters = initials(answer)
    if maker.title and len(answer.split()) >= 2 and len(letters) >= 2 and maker.in_title(
            letters) and named + maker.in_text(letters) >= 2:
        return "the article's own subject"  # "the _____ ruled" in "Sikkim HC rules ..."
    if _the_storys_parties(maker, answer):
        return "the story's own parties"  # "relations between _____": the two it is about
    if _ADJECTIVE.fullmatch(answer) and _LOWER_AFTER.match(after) and all(
            _ADJECTIVE_END.search(part) or part in table.party_of and part not in table.places
            for part in answer.split("-")):
        return "an adjective of the noun after it"  # "_____ botanist", "_____ mathematician"
    if describes_noun(answer, after):
        return "a word that only describes the noun after it"  # "the _____ office"
    if only_a_title(answer):
        return "a title or a kind of body, not a name"  # "when the _____ (Chair) is away"
    return None


@functools.lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    """The words that rank an office or a body ("Vice", "Sub"): `rank_words` of
    `quizcli/data/names.yaml`."""
    return frozenset(load_data("names.yaml")["rank_words"])


def only_a_title(answer: str) -> bool:
    """Whether the answer is only bare titles of office or kinds of body, each one word,
    perhaps ranked: "Vice-Chairman", "Hon’ble Governor", "Mayor and Deputy Mayor",
    "Sub-Council"; not "Tribunal Chair", "High Court" or "Lakes Council", which name
    one office or one body."""
    offices, rank = gazetteer().offices, _rank_words()
    for part in re.split(r"\s(?:and|or|&)\s", answer):
        words = re.split(r"[\s-]+", part.strip())
        while len(words) > 1 and words[0] in rank:
            words = words[1:]
        if len(words) > 1:
            return False
        title = words[0]
        single = title[:-1] if title.endswith("s") and len(title) > 3 else title
        if not {title.lower(), single.lower()} & offices and "body" not in (
                named_kind(title), named_kind(single)):
            return False
    return True


_INTENSIFIED = re.compile(r"(?:very|so|most|more|highly|extremely|truly|really|deeply)\s"
                          r"|[a-z]+,\s[a-z]")
"""Quoted words that praise or blame ("very warm", "frank, cordial"), not a name."""


def _before_a_noun(after: str) -> bool:
    """Whether a quotation closes right before a common noun it describes."""
    noun = re.match(r"[”\"’']\s([a-z]+)\b", after)
    return noun is not None and noun.group(1) in gazetteer().common_words


def _repeated(maker: Maker, evidence: str, before: str, after: str, answer: str) -> bool:
    """Whether another sentence of the story says the answer with the same two words
    before it or after it, so that the phrase fills the blank by itself."""
    lead = re.findall(r"[\w'’-]+", before)[-2:]
    tail = re.findall(r"[\w'’-]+", after)[:2]
    phrases = [f"{' '.join(lead)} {answer}"] if len(lead) == 2 else []
    phrases += [f"{answer} {' '.join(tail)}"] if len(tail) == 2 else []
    return any(phrase in sentence for sentence in maker.sentences if sentence != evidence
               for phrase in phrases)


def _the_storys_parties(maker: Maker, answer: str) -> bool:
    """Whether the answer pairs the parties the story is about, each of them named five
    times or more, under any of its names."""
    pair = re.fullmatch(r"(.+) and (.+)", answer)
    if not pair:
        return False
    table = gazetteer()
    return all(part in table.party_of and maker.party_named(part) >= 5 for part in pair.groups())


def _given_away(before: str, after: str, answer: str, kind: str) -> str | None:
    """How the rest of the sentence gives the answer away."""
    if spelled_beside(before, after, answer):
        return "spelled out beside the blank"  # "the _____'s (WMO)", "TRC [_____]"
    if kind.startswith("term:") and echoed(before + " " + after, answer):
        return "its words stand beside the blank"  # "'Coastal land' means _____"
    if kind == "term:name" and echoed_word(before + " " + after, answer):
        return "a word of it stands beside the blank"  # "both _____ (Mayor and Deputy Mayor)"
    if kind == "figure:ordinal" and counted_after(after, answer, before):
        return "the ones before it are listed"  # "the _____ country, after A, B and C"
    return None


def _no_exam_value(fact: Fact, answer: str, kind: str) -> str | None:
    table = gazetteer()
    if table.home and table.party_of.get(answer) == table.home:
        return "the reader's own country"
    written = fact.detail.get("written", answer)
    if kind in ("when:year", "when:month") and STATISTIC.search(
            fact.evidence.replace(written, " ")) and not re.search(
            rf"\b(?:since|from|(?:target|goal|deadline)\s(?:for|of|by))\s{re.escape(written)}",
            fact.evidence):
        return "the date of a figure"  # "Nepal's rank in _____ was 87"
    return None
