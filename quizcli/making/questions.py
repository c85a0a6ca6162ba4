"""Questions made from facts, each with a score that says why it ranks where it does.

Every question quotes its evidence sentence and names its source. The wording
comes from the article itself wherever it can: a question that blanks out a
word of a real sentence is harder to get wrong than one a template invents.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizcli.making.distractors import (
    Pools,
    date_choices,
    figure_choices,
    party_choices,
    person_choices,
    place_choices,
    show_date,
    stable_order,
    title_choices,
)
from quizcli.making.scores import NOT_WORTH_ASKING, SCORES, score
from quizcli.model import Fact, FactKind, Question, QuestionType
from quizcli.reading.gazetteer import PlaceKind, gazetteer
from quizcli.reading.rules.names import named_kind
from quizcli.reading.rules.numbers import NUMBER_WORDS, number_value
from quizcli.reading.sentences import ABBREVIATIONS

BLANK = "_____"
MAX_WORDS = 45
PRONOUN_START = re.compile(
    r"^[\"“‘'(]*(?:(?:But|And|So|Yet|Also|However),?\s+)?"
    r"(?i:he|she|it|they|this|these|those|its|his|her|their|such)\b"
)


@dataclass(frozen=True)
class Candidate:
    """A question before the quality gate, with the reasons for its score."""

    question: Question
    score: float
    why: tuple[str, ...]
    facts: tuple[Fact, ...]
    context: str | None = None
    """A sentence shown before the question's own, so that a pronoun has its noun."""
    group: str | None = None
    """Questions of one group ask the same thing in other words; the gate keeps the best."""


_SUBJECT_HEADING = re.compile(
    r"^(?:what\s+(?:is|are|was|were)|who\s+(?:is|are)|about|understanding|know\s+about)"
    r"\s+(?P<subject>.+?)\s*[?:]?$", re.I)


def section_subject(heading: str | None) -> str | None:
    """What a section is about when its heading says so: 'What is the Ocean Council?' →
    'the Ocean Council', 'About Snow Leopard' → 'Snow Leopard'."""
    if not heading:
        return None
    match = _SUBJECT_HEADING.match(heading.strip())
    if not match or len(match.group("subject").split()) > 8:
        return None
    return match.group("subject")


_SPELLED = {word: str(value) for word, value in {"one": 1, **NUMBER_WORDS}.items()}
_UNIT_SPELLINGS = [("per cent", "%"), ("percent", "%"), ("kilometres", "km"),
                   ("kilometers", "km"), ("kilograms", "kg"), ("kgs", "kg"), ("Rs ", "₹"),
                   ("Rs. ", "₹"), ("basis points", "bps")]


def spelled_numbers(written: str) -> tuple[str, ...]:
    """Other ways a reader may type a figure: 'five' → '5', 'four kilometres' →
    '4 km', '6.50 per cent' → '6.50%', and the bare number."""
    forms = {written}
    for word, digits in _SPELLED.items():
        for form in list(forms):
            forms.add(re.sub(rf"\b{word}\b", digits, form, flags=re.I))
    for long, short in _UNIT_SPELLINGS:
        for form in list(forms):
            forms.add(form.replace(long, short).replace(f" {short}", short)
                      if short == "%" else form.replace(long, short))
    bare = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if bare and re.search(r"%|per ?cent|\b(?:times|km|kg)\b", written) is None:
        forms.add(bare.group())
    forms.discard(written)
    return tuple(sorted(forms))


def _bound(sentence: str, written: str) -> float | None:
    """The most a figure can be in its sentence: a rank 'out of 146 countries' or
    'among 156 countries' is at most 189 or 156."""
    found = re.search(r"\b(?:out of|among|of)\s(\d[\d,]*)\s(?:countries|nations|states|members)",
                      sentence)
    if found and written not in found.group():
        return float(found.group(1).replace(",", ""))
    part = f"of which {written}" in sentence and re.search(
        r"\b(\d[\d,]*)\s[^,;]{0,30}?,?\sof which\s" + re.escape(written), sentence)
    if part:  # "fewer than 80 tigers, of which 61 are in one reserve"
        return float(part.group(1).replace(",", ""))
    size = re.search(r"\b(\w+)-member\b", sentence)  # "five members of the six-member committee"
    if size and size.group(1) not in written:
        text = size.group(1).lower()
        return float(text) if text.isdigit() else (
            float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None)
    if re.match(r"\s(?:\w+\s)?(?:countries|nations)\b", sentence[sentence.find(written)
                                                                 + len(written):]):
        return float(WORLD_COUNTRIES)  # "covers 249 countries" is no country count
    return None


WORLD_COUNTRIES = 195
"""The countries of the world (the UN's 193 members and its two observer states): no
count of countries is more."""
_RANKED_AMONG = re.compile(r"\b(?:out of|among|of)\s(\d[\d,]*)\s(?:countries|nations|economies)")
_RANGE_START = re.compile(re.escape(BLANK) + r"\s?(?:to|–|-)\s?(?P<end>\d[\d,.]*|"
                          + "|".join(NUMBER_WORDS) + r")\b")
"""'_____ to nine weeks': the start of a range is below its end."""
_RANK = re.compile(r"\b(?:rank|ranks|ranked|ranking|position)\b")


_ABOVE = re.compile(r"(?:\b(?i:over|more than|above|at least|exceeding|upwards of)|≥|>)\s?"
                    + re.escape(BLANK))
_BELOW = re.compile(r"(?:\b(?i:less than|fewer than|under|below|up to|at most|not more than|top)"
                    r"|≤|<)\s?" + re.escape(BLANK))
_RANGE_END = re.compile(r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten)\s?"
                        r"(?:to|–|-)\s?" + re.escape(BLANK))
"""'five to _____ days': the end of a range is larger than its start."""
_RISE = re.compile(r"\b(?:rose|risen|rising|increased|grew|grown|up)\b.{0,60}\bto\s"
                   + re.escape(BLANK))
_FALL = re.compile(r"\b(?:fell|fallen|decreased|declined|dropped|reduced|down)\b.{0,60}\bto\s"
                   + re.escape(BLANK))


_RISING = frozenset("rose risen rising increased grew grown up".split())
_CHANGE_FROM = re.compile(
    r"\b(?P<verb>rose|risen|rising|increased|grew|grown|up|fell|fallen|decreased|declined|"
    r"dropped|reduced|down)\b.{0,60}?\bfrom\s" + re.escape(BLANK)
    + r"[^.;]{0,40}?\bto\s(?:over\s|about\s|nearly\s)?(?P<end>\d[\d,]*(?:\.\d+)?)", re.I)
"""'fell from _____ (2010) to 14 per 1,000': where a change starts, and where it ends."""


def _possible_wrong(sentence: str, value: float | None) -> Callable[[float], bool]:
    """Whether a wrong figure is one the blanked sentence makes false, and not absurd:
    above the answer after "over _____", below it after "less than _____"; above the part
    after "fewer than _____ tigers, of which 61" or "three of the _____"; above the ranks
    beside "among _____ countries"; below the end of "_____ to nine weeks"; where a change
    "fell from _____ to 14" could start."""
    limits: list[Callable[[float], bool]] = []
    side = _side(sentence)
    if side and value is not None:
        limits.append(lambda w: w * side > value * side)
    floor = re.search(re.escape(BLANK) + r"[^,;]{0,30}?,?\sof which\s(\d[\d,]*)", sentence)
    if floor:
        part = float(floor.group(1).replace(",", ""))
        limits.append(lambda w: w > part)
    if _RANK.search(sentence) and re.search(re.escape(BLANK) + r"\s(?:countries|nations)\b",
                                            sentence):
        ranks = [int(r) for r in re.findall(r"(?<![\d.,])(\d{1,3})(?:st|nd|rd|th)?(?![\d.,]\d)",
                                            sentence)]
        if ranks:
            limits.append(lambda w: w > max(ranks))
    some = re.search(r"(?:^|\s)(\w+) of (?:the|these|its) " + re.escape(BLANK), sentence)
    some_of = number_value(some.group(1)) if some else None
    if some_of is not None:  # "three of the _____ species": more than three
        limits.append(lambda w: w > some_of)
    range_end = _RANGE_START.search(sentence)
    end_of_range = number_value(range_end.group("end")) if range_end else None
    if end_of_range is not None:
        limits.append(lambda w: w < end_of_range)
    start = _CHANGE_FROM.search(sentence)
    end = number_value(start.group("end")) if start else None
    if start and end is not None:
        rose = start.group("verb").lower() in _RISING
        limits.append(lambda w: (w < end) == rose)
    return lambda w: all(ok(w) for ok in limits)


def _side(sentence: str) -> int:
    """Which side of the answer a wrong figure must lie on for the sentence to be false
    with it: +1 above ('over _____', 'rose from 53% to _____'), -1 below ('less than
    _____', 'fell from 28 to _____'), 0 either."""
    if _ABOVE.search(sentence) or _RISE.search(sentence) or _RANGE_END.search(sentence):
        return 1
    if _BELOW.search(sentence) or _FALL.search(sentence):
        return -1
    return 0


def _worked_out(sentence: str, written: str) -> bool:
    """Whether a change in per cent follows from the two figures beside it: 'a 21%
    decline ... from 237 per lakh to 187 per lakh'."""
    if not re.search(r"%|per ?cent", written):
        return False
    pair = re.search(r"from\s([\d,.]+).{0,40}?\sto\s([\d,.]+)", sentence)
    value = number_value(written)
    if not pair or value is None:
        return False
    try:
        start, end = (float(x.replace(",", "").rstrip(".")) for x in pair.groups())
    except ValueError:
        return False
    return start > 0 and abs(abs(start - end) / start * 100 - value) < 1.0


def _restated(sentence: str, written: str) -> bool:
    """Whether the sentence gives the figure again in other words beside it: 'four
    months (125 days)', or adds it up from its parts: 'Rs 3 lakh ... Rs 1 lakh followed
    by Rs 2 lakh'."""
    at = sentence.find(written)
    after = sentence[at + len(written):]
    restated = re.match(r"\s?\(([^)]*\d[^)]*)\)", after)
    if restated and not re.fullmatch(r"\s*(?:19|20)\d\d\s*", restated.group(1)) or re.search(
            r"\(\s*$", sentence[:at]):
        return True  # "(125 days)" says it again; "(2024)" only dates it
    value = number_value(written)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if value is None or not number:
        return False
    shape = (re.escape(written[:number.start()]) + r"(\d[\d,]*(?:\.\d+)?)"
             + re.escape(written[number.end():]))
    others = [float(m.group(1).replace(",", "")) for m in re.finditer(shape, after)]
    return len(others) >= 2 and abs(sum(others) - value) < 1e-9


def _counted_off(sentence: str, written: str) -> bool:
    """Whether the sentence lists as many things as the figure counts, or adds it up from
    figures of its own: '_____ sectors including ports, roads and power';
    '_____ instalments – Rs 40,000 followed by Rs 60,000'; 'up to Rs 1 lakh ... Rs 40,000
    followed by _____'."""
    value = number_value(written)
    at = sentence.find(written)
    if value is None or at < 0:
        return False
    after = sentence[at + len(written):]
    listed = re.match(r"\s(?:\w+\s){0,3}?(?:including|such as|namely|–|—|-|:)\s([^.;()]+)", after)
    if listed and value == int(value) and 2 <= value <= 8:
        items = re.split(r",\s(?:and\s)?|\sand\s|\sfollowed by\s", listed.group(1).strip())
        if len(items) == value:
            return True
    number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if not number:
        return False
    shape = (re.escape(written[:number.start()]) + r"(\d[\d,]*(?:\.\d+)?)"
             + re.escape(written[number.end():]))
    rest = sentence[:at] + " " + after
    others = [float(m.group(1).replace(",", "")) for m in re.finditer(shape, rest)]
    return any(abs(a + value - b) < 1e-9 or abs(a + b - value) < 1e-9
               for i, a in enumerate(others) for b in others[i + 1:] + others[:i])


def _span_of(sentence: str, written: str) -> bool:
    """Whether a number of years is the span of two years the sentence gives: 'four
    years' beside 'from FY 2021-22 to FY 2024-25'."""
    years = re.fullmatch(r"(\w+)\syears?", written)
    value = number_value(written) if years else None
    if value is None:
        return False
    found = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)(?:[-–][’']?\d{2})?\b", sentence)]
    return any(b - a in (value, value - 1) for a in found for b in found if b > a)


_FIGURE_UNITS = frozenset({"percent", "money", "measure", "scale", "per", "times", "ratio",
                           "range"})
_LABEL_TERMS = frozenset({"provision", "abbreviation", "title", "case", "defined",
                          "definition"})
"""Terms that may be asked where they stand in a label: 'Annual Review (Article 12):'."""
_LABEL = re.compile(r"^[^:.;]{2,60}?:\s")
"""The label that opens a bullet: 'Financing Gap: In 2024, only $5.9 billion ...'."""

_PRONOUN_ANSWER = re.compile(r"(?i)(?:he|she|it|they|we|you|i|this|that|these|those)"
                             r"(?:['’](?:re|s|ll|ve|d|m))?")
MAIN_ACTOR = 4
"""How often a story names its main actors."""
_STATISTIC = re.compile(r"\d(?:\s?%|\s(?:per ?cent|per lakh|percentage points|basis points)\b)"
                        r"|\b\d\.\d{2,}\b|\b(?:rank|ranks|ranked)\b")
"""A figure that a date only places in time: '3.7%', 'an index value of 0.712', 'ranked'."""

_AFFILIATION = re.compile(
    r"(?i:\b(?:fellow|professor|researcher|analyst|scientist|scholar|director|head))\s"
    r"(?:at|of|with|in)\s(?:the\s)?$|,\s(?:Director|Professor|Head|Fellow|Chair),\s$")
"""What stands before the body a person quoted works for: "a fellow at the _____"."""

_REMARK_DATE = re.compile(
    r"\b(?:said|says|told|added|stated|noted|remarked|tweeted)\s(?:\w+\s){0,3}?on\sDATE"
    r"|\bon\sDATE,?\s(?:\w+\s){0,2}(?:said|says|told|added|stated|noted)\b")


def _year_of(shown: str) -> int | None:
    found = re.search(r"\b(\d{4})$", shown)
    return int(found.group(1)) if found else None


def _range_bounds(sentence: str) -> tuple[int | None, int | None]:
    """The years a blank lies between: 'from _____ to 2024' (before 2024), 'between
    2015 and _____' (after 2015), '(2015) to ... (_____)'."""
    blank = re.escape(BLANK)
    before = re.search(rf"\b(?:from|between)\b[^.;]{{0,25}}?{blank}[^.;]{{0,60}}?"
                       r"\b(?:to|and|till|until)\b[^.;]{0,30}?\b((?:19|20)\d\d)\b", sentence)
    after = re.search(r"\b(?:from|between)\b[^.;]{0,30}?\b((?:19|20)\d\d)\b[^.;]{0,60}?"
                      rf"\b(?:to|and|till|until)\b[^.;]{{0,30}}?{blank}", sentence)
    return (int(after.group(1)) if after else None,
            int(before.group(1)) if before else None)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date_style(written: str) -> str:
    """How a date is written: with its year (absolute, or 'last year'), only as a
    weekday, relative to the article ('yesterday', 'two weeks ago'), or without a year."""
    if re.fullmatch(r"(?i)(?:in\s)?(?:the\s)?(?:last|this|next|previous|following) year", written):
        return "relative"  # "last year": which year depends on a date the reader may not see
    if re.search(r"\d{4}|\b(?:last|this|next|previous) year\b", written):
        return "absolute"
    if re.search(r"(?i)\b(?:yesterday|tomorrow|today|ago|last|next|this)\b", written):
        return "relative"
    if any(day in written for day in WEEKDAYS) and not re.search(r"\d", written):
        return "weekday"
    return "no-year"


def _yearless(shown: str) -> str:
    return re.sub(r"\s\d{4}$", "", shown)


def _other_spellings(answer: str, sentence: str = "") -> tuple[str, ...]:
    """Answers a reader may type for the same words: the two halves of 'X and Y' the
    other way round (unless the sentence pairs them with figures "respectively", or the
    whole is one name by its head word: "Wetlands and Lakes Authority"), and American
    spellings of '-isation' and '-ise'."""
    out = []
    pair = re.fullmatch(r"([A-Z][^,]*?) and ([A-Z][^,]*)", answer)
    if pair and not re.search(r"\brespectively\b", sentence) and named_kind(answer) is None:
        out.append(f"{pair.group(2)} and {pair.group(1)}")
    american = re.sub(r"isation\b", "ization", re.sub(r"ise\b", "ize", answer))
    if american != answer:
        out.append(american)
    return tuple(out)


def _demonym(name: str) -> bool:
    """Whether a name is another name of a party that is not the party's own: the
    adjective 'Omani', 'Chinese'."""
    table = gazetteer()
    canon = table.party_of.get(name)
    return canon is not None and canon != name and " " not in name and bool(
        re.search(r"(?:i|ese|an|ian|ish|ic)$", name))


_ITEM_BEFORE = re.compile(r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)*,\s$")
_LAST_ITEM = re.compile(r",\s[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)*,?\s(?:and|or)\s$")
_ITEM_AFTER = re.compile(r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)[A-Z]")


def _in_list(sentence: str, name: str) -> bool:
    """Whether `name` is one item of a list of names: 'Delhi, Mumbai, Chennai and ...',
    where any other name of the list would fill its blank as well. Two names apart by
    one comma ('Meanwhile, Norway', 'NIV, Pune') are no list."""
    at = sentence.find(name)
    before, after = sentence[:at], sentence[at + len(name):]
    if _LAST_ITEM.search(before):
        return True  # "A, B and name"
    item_before = _ITEM_BEFORE.search(before)
    if item_before and before[:item_before.start()].rstrip().endswith(","):
        return True  # "A, B, name"
    item_after = _ITEM_AFTER.match(after)
    if item_before and item_after:
        first = item_before.group().split()[0]
        return first not in _NOT_ITEMS  # "A, name, B" / "A, name and B"
    return bool(item_after and after.startswith(",") and _ITEM_AFTER.search(
        after, item_after.end()))  # "name, B and C"


_NOT_ITEMS = frozenset("Meanwhile However Moreover Also Further Furthermore Thus Hence "
                       "Therefore Besides Instead Still Yet Now Today Earlier Later".split())


_MINOR_WORDS = frozenset("of and the for in on to a an at by with".split())


def _initials(name: str) -> str:
    """The letters an abbreviation of `name` is made of: 'Tariff Review Committee' → 'TRC'."""
    words = [w for w in re.findall(r"[A-Za-z][\w’']*", name) if w.lower() not in _MINOR_WORDS]
    return "".join(w[0] for w in words).upper()


def _spelled_beside(before: str, after: str, answer: str) -> bool:
    """Whether the prompt holds the answer's abbreviation, or the answer is one whose
    expansion stands right beside the blank: 'of _____ (GVA)', 'TRC [_____]'."""
    letters = _initials(answer)
    if len(letters) >= 2 and len(answer.split()) >= 2 and letters in before + after and re.search(
            rf"\b{letters}s?\b", f"{before} {after}"):
        return True
    if re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", answer):
        word = r"\(?[A-Z][\w&'’-]*\)?"
        named = re.search(rf"((?:{word}\s)*{word})(?:\s\d{{4}})?[\s,(–—-]*(?:(?:also\s|"
                          r"popularly\s)?(?:known|called|referred to)\sas|or)\s$", before)
        if named and _initials(named.group(1)) == answer.upper().rstrip("S"):
            return True  # "the Coastal Wetlands (Protection) Act 2019 -- known as _____"
        beside = re.match(r"(?:['’]s)?\s?[(\[]([^)\]]{4,80})[)\]]", after) or re.search(
            r"\(([^)]{4,80})\)\s?$", before)
        return bool(beside and _initials(beside.group(1)) == answer.upper().rstrip("S"))
    return False


def _stem(word: str) -> str:
    return re.sub(r"(?:ies|es|s)$", "", word.casefold())


def _echoed(rest: str, answer: str) -> bool:
    """Whether most of the answer's words stand in the rest of its sentence: "'Coastal
    land' is defined to mean _____" for "land along the coast"."""
    words = {_stem(w) for w in re.findall(r"[A-Za-z]{4,}", answer)}
    if len(words) < 2:
        return False
    there = {_stem(w) for w in re.findall(r"[A-Za-z]{4,}", rest)}
    return len(words & there) * 3 >= len(words) * 2


def _echoed_word(rest: str, answer: str) -> bool:
    """Whether a word of a name stands in the rest of its sentence, which gives the name
    away: "the Mayor nominates ... if both _____ are absent" for "Mayor and Deputy Mayor".
    A number is not a name: "from 15 lakh to less than _____" asks a figure."""
    if number_value(answer) is not None:
        return False
    words = {_stem(w) for w in re.findall(r"[A-Za-z]{2,}", answer)} - _JOINING_WORDS
    return bool(words & {_stem(w) for w in re.findall(r"[A-Za-z]{2,}", rest)})


_JOINING_WORDS = frozenset({"the", "and", "of", "in", "for", "to", "on", "a", "an"})


def _abbreviates(sentence: str, name: str) -> bool:
    """Whether `name` is an abbreviation that the sentence spells out beside it, or
    whose words it names elsewhere ('NC' where 'National Council' stands)."""
    if not re.fullmatch(r"[A-Z][A-Za-z&-]{1,9}", name):
        return False
    if f"({name})" in sentence or f"{name}, or " in sentence or f", or {name}" in sentence:
        return True
    letters = name.upper()
    words = re.findall(r"\b[A-Z][a-z]+", sentence)
    return len(letters) >= 2 and any(
        "".join(w[0] for w in words[i:i + len(letters)]) == letters
        for i in range(len(words) - len(letters) + 1))


_INNER_BOUNDARY = re.compile(r"(?<=[.?!])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def _balanced(sentence: str) -> str:
    """The sentence without the quotation mark of a quotation that opens or closes in
    another paragraph: '“However, certain tax benefits ... expire.' shows no lone '“'."""
    if sentence.count("“") != sentence.count("”"):
        sentence = sentence.replace("“", "").replace("”", "")
    if sentence.count('"') % 2:
        sentence = sentence.replace('"', "")
    return sentence.strip()


def _crop(sentence: str) -> str:
    """The one sentence around the blank, where a long quotation ran several together."""
    if len(sentence.split()) <= 40:
        return sentence
    parts: list[str] = []
    for piece in _INNER_BOUNDARY.split(sentence):
        last = re.search(r"(\S+)\.[\"”’]?$", parts[-1]) if parts else None
        if last and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1)) == 1):
            parts[-1] = f"{parts[-1]} {piece}"  # "Dr. Deepak": no sentence ends at "Dr."
        else:
            parts.append(piece)
    for at, part in enumerate(parts):
        if BLANK in part and len(part.split()) >= 6:
            if PRONOUN_START.match(part.strip()) and at:
                part = f"{parts[at - 1]} {part}"  # "They are ...": with the noun it stands for
            part = part.strip()
            if part.count("“") != part.count("”"):
                part = part.replace("“", "").replace("”", "")
            if part.count('"') % 2:
                part = part.replace('"', "")
            return part
    return sentence


def question_id(*parts: str) -> str:
    """A question's id: stable as long as the facts and the kind of question are."""
    return "q-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def _words(text: str) -> int:
    return len(text.split())


def _article(noun_phrase: str) -> str:
    return ("an " if noun_phrase[:1].lower() in "aeiou" else "a ") + noun_phrase


@functools.cache
def _aliases(party: str) -> list[str]:
    table = gazetteer()
    canon = table.party_of.get(party, party)
    return [canon, *table.aliases_of(canon)]


def count_words(text: str, phrase: str, joiners: str = "") -> int:
    """How often `phrase` stands in `text` as whole words (no letter or digit, nor one
    of `joiners`, on either side): str.find is far cheaper than a regex per phrase."""
    if not phrase:
        return 0
    count, at = 0, text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or before in joiners) and not (
                after.isalnum() or after == "_" or after in joiners):
            count += 1
        at = text.find(phrase, at + 1)
    return count


@functools.cache
def _party_patterns(party: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for alias in sorted(_aliases(party), key=len, reverse=True):
        escaped = re.escape(alias)
        out.append((re.compile(rf"(?<![\w.])(?:the\s+)?{escaped}['’]s\b"),
                    re.compile(rf"(?<![\w.])(?:the\s+)?{escaped}(?![\w])")))
    return tuple(out)


def _without_party(text: str, party: str) -> str:
    """The text with the party's names turned into 'it' and 'its', so it does not answer."""
    for possessive, plain in _party_patterns(party):
        text = possessive.sub("its", text)
        text = plain.sub("it", text)
    return text


class _Maker:
    """Makes the candidate questions of one article."""

    def __init__(self, facts: list[Fact], pools: Pools, bank: str, sentences: list[str],
                 article_date: dt.date | None, title: str | None = None,
                 blocks: list[int] | None = None):
        self.facts = facts
        self.pools = pools
        self.bank = bank
        self.sentences = sentences
        self.article_date = article_date
        self.title = title or ""
        self.blocks = blocks or []
        """The paragraph or bullet each sentence belongs to, in the order of `sentences`."""
        self.text = " ".join(sentences)
        self._short: dict[str, tuple[str, ...]] = {}
        self._abbreviations: dict[str, set[str]] | None = None

    def short_names(self, full: str) -> tuple[str, ...]:
        """The shorter names the article itself uses for a person: 'Kim', 'Bolton'."""
        if full not in self._short:
            text = self.text
            whole = count_words(text, full)
            self._short[full] = tuple(
                part for part in dict.fromkeys(full.split()) if part != full and len(part) > 2
                and count_words(text, part, "-") > whole
            )
        return self._short[full]

    def name_forms(self, person: str) -> tuple[str, ...]:
        """What a reader may type for a person: the shorter names the story uses, and the
        story's fuller name for a name it also gives short ("Asha Verma" for "Verma").
        A name with initials needs no more: the session takes its surname and its
        initials written out. No surname is guessed: in "Xi Jinping" it comes first."""
        forms = [*self.short_names(person),
                 *(full for full in self.pools.people if full.endswith(f" {person}"))]
        return tuple(dict.fromkeys(f for f in forms if f != person))

    def other_names(self, name: str, place: bool = False) -> tuple[str, ...]:
        """Other names the story or the world gives the same thing, which a reader may
        type for it: 'Pacific Islands Forum' for 'PIF', 'North Korea' for 'Pyongyang'
        where the capital stands for its government; not where it is a `place`: talks
        "in _____" are held in a city, not in its country."""
        if self._abbreviations is None:
            pairs: dict[str, set[str]] = {}
            for fact in self.facts:
                short = fact.detail.get("short")
                if short and fact.kind is FactKind.FACT:
                    pairs.setdefault(short, set()).add(fact.answer)
                    pairs.setdefault(fact.answer, set()).add(short)
            self._abbreviations = pairs
        names = set(self._abbreviations.get(name, ()))
        table = gazetteer()
        if name in table.party_of and not (
                place and table.place_kind.get(name) not in (None, PlaceKind.COUNTRY)):
            # The party's own name and its abbreviations: not its capital or a metonym,
            # which fill another blank ("found in New Delhi" is not "found in India").
            # A body's other names are names of it alone ("Upper House" for the house).
            canon = table.party_of[name]
            body = canon not in table.countries
            names.update(a for a in _aliases(name)
                         if body or a == canon or re.fullmatch(r"[A-Z][A-Z.]{1,7}", a))
        names.discard(name)
        return tuple(sorted(names))[:8]

    @functools.cached_property
    def _runs(self) -> list[str]:
        """The story's capitalised names of two words or more ('Pacific Islands Forum')."""
        return list(dict.fromkeys(re.sub(r"^(?:The|A|An)\s", "", run) for run in re.findall(
            r"\b[A-Z][\w’'-]*(?:\s(?:of|and|for|the|on|in)?\s?[A-Z][\w’'-]*)+", self.text)))

    def other_forms(self, name: str) -> tuple[str, ...]:
        """The story's other form of an abbreviation or of what it abbreviates, which a
        reader may type as well: 'Pacific Islands Forum' for 'PIF', and 'TRC' for 'Tariff
        Review Committee'."""
        if re.fullmatch(r"[A-Z]{2,6}s?", name):
            letters = name.rstrip("s")
            return tuple(run for run in self._runs if _initials(run) == letters)[:2]
        letters = _initials(name)
        if len(name.split()) >= 2 and len(letters) >= 2 and re.search(
                rf"\b{letters}\b", self.text):
            return (letters,)
        return ()

    def mentioned(self, text: str) -> list[str]:
        """The story's people named in `text`, in full, by any part of their name, or by
        the office the story gives them ('the US president')."""
        lower = text.casefold()
        by_office = {who for title, who in self.pools.titles
                     if title and re.sub(r"^(?:the\s+)", "", title.casefold()) in lower}
        return [p for p in self.pools.people
                if p in by_office
                or any(count_words(text, part, "-") for part in p.split() if len(part) > 2)]

    def context_for(self, fact: Fact) -> str | None:
        """What a sentence that opens with a pronoun needs shown before it: the subject of
        its section ('About the Ocean Council:'), else the sentence before it."""
        evidence = fact.evidence
        if not PRONOUN_START.match(evidence):
            return None
        index = self.sentences.index(evidence) if evidence in self.sentences else None
        before = self.sentences[index - 1] if index else None
        usable = before is not None and not PRONOUN_START.match(before)
        # Within one paragraph the pronoun stands for what the sentence before named
        # ("Only 90 red pandas are left there. It was once widely ..."); a bullet
        # of its own stands for what its section is about.
        if usable and self.blocks and index is not None and (
                self.blocks[index - 1] == self.blocks[index]):
            return before
        subject = section_subject(fact.detail.get("section"))
        if subject:
            return f"About {subject}:"
        return before if usable else None

    @functools.cached_property
    def party_of_person(self) -> dict[str, str]:
        """The party each person of the story speaks for, where the story says."""
        found: dict[str, str] = {}
        for fact in self.facts:
            party = fact.detail.get("party")
            if party and fact.kind in (FactKind.ROLE, FactKind.QUOTE):
                found.setdefault(fact.answer, party)
        return found

    def spoken_of(self, words: str, speaker: str) -> list[str]:
        """The story's people whose own party the words speak of, as a side apart from the
        speaker's: no Iranian says "the sanctions placed on Iran", and no French
        official asks "for a meeting with the French president"."""
        own = self.party_of_person.get(speaker)
        named = {p for p in set(self.party_of_person.values())
                 if p != own and any(count_words(words, a) for a in [p, *_aliases(p)])}
        return [who for who, party in self.party_of_person.items() if party in named]

    @functools.cached_property
    def ranked_among(self) -> float | None:
        """How many countries the story ranks, where it says: 'out of 146 countries'."""
        found = [float(m.group(1).replace(",", "")) for m in _RANKED_AMONG.finditer(self.text)]
        return max(found) if found else None

    def main_actor(self, person: str) -> bool:
        """Whether the story is about a person: its title names them, or it names them
        so often (by any part of the name) that no reader needs it to say who holds the
        office."""
        parts = [p for p in re.split(r"[\s-]+", person) if len(p) > 2] or [person]
        return any(count_words(self.title, p) for p in parts) or max(
            count_words(self.text, p) for p in parts) >= MAIN_ACTOR

    @staticmethod
    def describes_noun(answer: str, after: str) -> bool:
        """Whether the answer is one plain word (a common word, a people's name, a short
        abbreviation) standing before a common noun: "a _____ post" (Facebook), "the
        _____ government" (Central), "_____ students". A setter blanks the noun phrase or
        the name, not the word that qualifies it; a name before its noun ("the _____
        judgment" for a case's name) is still asked."""
        table = gazetteer()
        noun = re.match(r"\s([a-z]+)\b", after)
        if noun is None or " " in answer or any(ch.isdigit() for ch in answer):
            return False
        word = noun.group(1)
        singular = {word, word[:-1], word[:-3] + "y"} if word.endswith("s") else {word}
        if not singular & table.common_words:
            return False
        return len(answer) <= 3 and answer.isupper() or "&" in answer or all(
            part.casefold() in table.common_words or part in table.party_of
            for part in answer.split("-"))

    def not_worth_asking(self, fact: Fact, prompt: str, answer: str, kind: str) -> str | None:
        """Why no exam setter would blank this answer, or None. Only a blank is judged:
        a question asked in words of its own says what it asks."""
        if BLANK not in prompt:
            return None
        kind = kind.rsplit(" ", 1)[0]
        table = gazetteer()
        before, _, after = prompt.partition(BLANK)
        if re.fullmatch(r"(?:on\s)?(?:" + "|".join(WEEKDAYS) + ")", answer):
            return "a weekday"
        if re.search(r"\d\s?(?:[ap]\.?m\b\.?|hrs\b|IST\b)", answer, flags=re.I):
            return "a time of day"
        if answer.endswith(("'", "’")):
            return "half a possessive"
        if _PRONOUN_ANSWER.fullmatch(answer):
            return "a pronoun"  # "_____ the ones who must decide": They're
        if kind == "who-holds" and self.main_actor(answer):
            return "the story's main actor"  # "Prime Minister _____" in a story of her
        if kind.startswith("term:") and kind not in ("term:definition", "term:defined"):
            if answer[:1].isupper() and not answer.isupper() and (
                    answer.casefold() in table.common_words):
                return "a common word"  # "the _____ will decide": Council
            named = count_words(self.text, answer)
            if self.title and count_words(self.title, answer) and (
                    named >= 3 or named >= 2 and len(answer.split()) >= 3):
                return "the article's own subject"
            if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*", answer) and re.search(
                    r"(?:an|ese|ish|ic|i)$", answer) and re.match(r"\s[a-z]", after):
                return "an adjective of the noun after it"  # "_____ botanist"
            if self.describes_noun(answer, after):
                return "a word that only describes the noun after it"  # "the _____ office"
        if kind.startswith("term:") and _AFFILIATION.search(before):
            return "where someone works"  # "Dr Rao, Director, _____": a source's employer
        if re.search(r"\btop\s$", before) and answer.casefold() in ("10", "ten", "100"):
            return "a stock 'top 10'"  # "among the top _____ killers": anyone says 10
        if re.search(r"(?:per\s?cent|%)\sof\s(?:the\s)?$", before):
            return "what a share is of"  # "5.1 per cent of _____": the figure is the fact
        if kind == "term:quoted" and re.fullmatch(r"[a-z][a-z-]*", answer):
            return "one quoted word, which other words fill as well"  # "the '_____' step"
        if re.search(r"[A-Z][\w.-]*\s\($", before) and after.startswith(")") and not any(
                ch.isdigit() for ch in answer):
            return "the rest of a name, in brackets"  # "Chairman Ri (_____)": Song Ho
        if answer.casefold() in ("two", "both", "three") and re.search(
                r"\b(?:the|other)\s$", before) and re.match(r"\s[a-z]", after):
            return "a count the story names"  # "the _____ leaders", "the other _____ judges"
        if kind == "where" and re.match(r"\sofficials\b", after):
            return "a capital standing for its government"  # "_____ officials said"
        if _spelled_beside(before, after, answer):
            return "spelled out beside the blank"  # "the _____'s (WMO)", "TRC [_____]"
        if kind.startswith("term:") and _echoed(before + " " + after, answer):
            return "its words stand beside the blank"  # "'Coastal land' means _____"
        if kind == "term:name" and _echoed_word(before + " " + after, answer):
            return "a word of it stands beside the blank"  # "both _____ (Mayor and Deputy Mayor)"
        if table.home and table.party_of.get(answer) == table.home:
            return "the reader's own country"
        written = fact.detail.get("written", answer)
        if kind in ("when:year", "when:month") and _STATISTIC.search(
                fact.evidence.replace(written, " ")) and not re.search(
                rf"\b(?:since|from)\s{re.escape(written)}", fact.evidence):
            return "the date of a figure"  # "Nepal's rank in _____ was 87"
        return None

    def mcq(self, fact: Fact, variant: str, prompt: str, answer: str, wrong: list[str],
            score: float, why: list[str], accept: tuple[str, ...] = (),
            kind: str | None = None, extra: tuple[Fact, ...] = (),
            evidence: str | None = None, group: str | None = None,
            context: str | None = None, typed: bool = False) -> Candidate | None:
        """A multiple-choice question, or with `typed` a question answered by typing
        when the story has too few wrong answers of the answer's kind to offer."""
        if len(wrong) < 2:
            if not typed:
                return None
            qtype = QuestionType.CLOZE if BLANK in prompt else QuestionType.SHORT
            return self.candidate(fact, question_id(fact.id, variant), qtype, prompt, answer,
                                  score, why, accept=accept, kind=kind, extra=extra,
                                  evidence=evidence, group=group, context=context)
        qid = question_id(fact.id, variant)
        choices = tuple(stable_order([answer, *wrong], qid))
        if len(wrong) == 3:
            score, why = score + 0.5, [*why, "four choices +0.5"]
        return self.candidate(fact, qid, QuestionType.MCQ, prompt, answer, score, why,
                              choices=choices, accept=accept, kind=kind, extra=extra,
                              evidence=evidence, group=group, context=context)

    def candidate(self, fact: Fact, qid: str, qtype: QuestionType, prompt: str, answer: str,
                  score: float, why: list[str], choices: tuple[str, ...] = (),
                  accept: tuple[str, ...] = (), kind: str | None = None,
                  extra: tuple[Fact, ...] = (), evidence: str | None = None,
                  context: str | None = None, group: str | None = None) -> Candidate:
        if _words(prompt) > MAX_WORDS:
            score, why = score - 1, [*why, f"over {MAX_WORDS} words -1"]
        unasked = self.not_worth_asking(fact, prompt, answer, why[0]) if not extra else None
        if unasked:
            score, why = score + NOT_WORTH_ASKING, [*why, f"{unasked} {NOT_WORTH_ASKING:g}"]
        facts = (fact, *extra)
        parties = list(dict.fromkeys(p for f in facts for p in f.parties))
        tags: dict[str, tuple[str, ...]] = {"topic": (self.bank,),
                                            "kind": (kind or fact.kind.value,)}
        if parties:
            tags["party"] = tuple(parties)
        question = Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            answer=answer,
            evidence=evidence or fact.evidence,
            source=fact.source,
            fact=fact.id,
            choices=choices,
            accept=tuple(a for a in dict.fromkeys(accept) if a and a != answer),
            tags=tags,
        )
        return Candidate(question, round(score, 2), tuple(why), facts, context, group)

    # --- one fact, one or more questions -------------------------------------

    def for_fact(self, fact: Fact) -> Iterator[Candidate | None]:
        kind = fact.kind
        if kind is FactKind.DATE:
            yield self.when(fact) if fact.date else self.blank(fact)
        elif kind is FactKind.QUOTE:
            yield self.who_said(fact)
        elif kind is FactKind.ROLE:
            yield self.who_holds(fact)
        elif kind is FactKind.POSITION:
            yield self.which_party(fact)
        elif kind is FactKind.PLACE:
            yield self.where(fact) or self.blank(fact)
        elif kind is FactKind.NUMBER:
            yield self.figure(fact)
        elif kind is FactKind.FACT:
            yield self.blank(fact)

    def blanked(self, fact: Fact, written: str, keep_preposition: bool = True) -> str | None:
        """The evidence with `written` replaced by a blank, or None if it is not there once."""
        if keep_preposition:
            match = re.match(r"(?i)(on|last|next|this)\s+(.*)", written)
            if match and match.group(1).lower() == "on":
                written = match.group(2)
        if fact.evidence.count(written) != 1:
            return None
        label = _LABEL.match(fact.evidence)
        if label and fact.evidence.find(written) < label.end() and fact.detail.get(
                "term", "name") not in _LABEL_TERMS and fact.kind is not FactKind.DATE:
            return None  # "Threats to _____: …": a name in the bullet's own label
        return _balanced(_crop(fact.evidence.replace(written, BLANK, 1)))

    def when(self, fact: Fact) -> Candidate | None:
        written = fact.detail.get("written", "")
        sentence = self.blanked(fact, written)
        if not sentence or not fact.date:
            return None
        precision = fact.detail.get("precision", "day")
        score, why = self.scored(f"when:{precision}", fact)
        if precision == "year" and re.search(rf"\(\s*{re.escape(written)}\s*\)|(?:^|\s)"
                                             rf"{re.escape(written)}['’]s\b", fact.evidence):
            score, why = score - 1, [*why, "a year given in passing -1"]
        if precision in ("year", "month") and any(
                f.kind is FactKind.NUMBER and f.evidence == fact.evidence
                and f.detail.get("unit") in _FIGURE_UNITS for f in self.facts):
            score, why = score - 1, [*why, "the date of a figure it stands beside -1"]
        if _REMARK_DATE.search(fact.evidence.replace(written, "DATE", 1)):
            score, why = score - 1, [*why, "the day of a remark -1"]  # "Bolton said on ..."
        style = _date_style(written)
        of_story = ""
        if style == "relative":
            return None  # "yesterday", "two weeks ago": the article never gives the date
        if style == "weekday":
            # "cleared on Tuesday" in a dated story is the Wednesday of its week: the date
            # is the fact to ask. Without the story's date no reader can work it out.
            day = dt.date.fromisoformat(fact.date) if len(fact.date) == 10 else None
            if not (self.article_date and day and 0 <= (self.article_date - day).days < 7):
                return None
            style = "absolute"
            # The story's own date, with its weekday, makes the date one a reader can tell.
            of_story = (f", in a story of {self.article_date:%A}, "
                        f"{show_date(self.article_date.isoformat())}")
        answer = show_date(fact.date)
        wrong = date_choices(fact.date, self.pools, fact.id, n=6, article_date=self.article_date)
        low, high = _range_bounds(sentence)
        wrong = [w for w in wrong if (year := _year_of(w)) is None or (
            (low is None or year > low) and (high is None or year < high)
            and str(year) not in sentence)][:3]  # a year the sentence gives is ruled out
        if style == "no-year":  # "on August 7": ask what the article says, not a year it implies
            answer, wrong = _yearless(answer), [_yearless(w) for w in wrong]
        context = self.context_for(fact)
        if context:
            sentence = f"{context} {sentence}"
        prompt = f"Which date completes the sentence{of_story}? “{sentence}”"
        return self.mcq(fact, "when", prompt, answer, wrong, score, why, context=context,
                        accept=(fact.date,) if style == "absolute" else ())

    def scored(self, kind: str, fact: Fact) -> tuple[float, list[str]]:
        """The base score of a kind of question, less where its answer is named so often
        in the article that the blank gives itself away."""
        base = score(kind)
        why = [f"{kind} +{base:g}"]
        answer = fact.answer
        if kind in ("term:definition", "term:defined"):
            return base, why  # asking a term from its definition is the point of it
        named = count_words(self.text, answer)
        acronym = re.fullmatch(r"[A-Z]{2,5}s?", answer) is not None and (
            answer not in gazetteer().party_of)  # "GDP", "TB": not "UAE", a place to ask
        if len(answer) > 1 and (kind.startswith("term:") and (named >= 3 or acronym and named >= 2)
                                or kind == "where" and named >= 6):
            base -= 1
            why.append("answer named often in the article -1")
        in_title = bool(self.title) and count_words(self.title, answer) > 0
        if in_title and (kind in ("term:name", "where") or kind.startswith("term:")
                         and named >= 2):
            base -= 1
            why.append("the article's own subject -1")
        return base, why

    def figure(self, fact: Fact) -> Candidate | None:
        """Which figure completes the sentence, with wrong figures written like it."""
        written = fact.answer
        sentence = self.blanked(fact, written, keep_preposition=False)
        if not sentence:
            return None
        unit = fact.detail.get("unit", "")
        kind = f"figure:{unit}" if f"figure:{unit}" in SCORES else "figure"
        score, why = self.scored(kind, fact)
        context = self.context_for(fact)
        shown = f"{context} {sentence}" if context else sentence
        if (_restated(fact.evidence, written) or _worked_out(fact.evidence, written)
                or _counted_off(fact.evidence, written) or _span_of(fact.evidence, written)):
            return None  # "nearly four months (125 days)": the other figure gives it away
        ceiling = _bound(fact.evidence, written)
        if ceiling is None and _RANK.search(fact.evidence):
            ceiling = self.ranked_among  # "Chile ranks _____" of the story's 146 countries
        wrong = figure_choices(written, fact.id, n=6, ceiling=ceiling)
        possible = _possible_wrong(sentence, number_value(written))
        wrong = [w for w in wrong if possible(number_value(w) or 0)]
        wrong = wrong[:3]
        prompt = f"Which figure completes the sentence? “{shown}”"
        accept = spelled_numbers(written)
        candidate = self.mcq(fact, "figure", prompt, written, wrong, score, why,
                             accept=accept, kind="number", context=context)
        return candidate or self.blank(fact)

    def who_said(self, fact: Fact) -> Candidate | None:
        quote = fact.detail.get("quote", "")
        speaker = fact.answer
        verb = fact.detail.get("verb", "said")
        direct = re.search(r"[\"“]" + re.escape(quote), fact.evidence) is not None
        if any(other is not fact and other.kind is FactKind.QUOTE and other.answer != speaker
               and other.evidence == fact.evidence and quote in other.detail.get("quote", "")
               for other in self.facts):
            return None  # words another speaker in the sentence reports: whose are they?
        who = "Which country" if speaker in gazetteer().countries else "Who"
        if direct:
            first = re.split(r"(?<=[.?!])\s+", quote)[0]
            cut = (first if _words(first) >= 6 else quote).rstrip(".")
            prompt = f"{who} said: “{cut}”?"
        else:
            if verb in ("told", "tells", "said", "says", "stated", "states"):
                verb = "said" if verb in ("told", "said", "stated") else "says"
            prompt = f"{who} {verb} that {quote}?"
        if _words(quote) < 4:
            return None
        if any(len(part) > 2 and part in quote and re.search(rf"\b{re.escape(part)}\b", quote)
               for part in re.split(r"[\s-]+", speaker)):
            return None  # the quote names its speaker
        party = fact.detail.get("party")
        if party and speaker not in self.pools.people and any(
            re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", quote) for a in _aliases(party)
        ):
            return None  # an institution quoted about itself
        accept = self.name_forms(speaker) if speaker in self.pools.people else ()
        if speaker in self.pools.people:
            wrong = person_choices(speaker, self.pools, fact.id,
                                   avoid=self.mentioned(quote) + self.spoken_of(quote, speaker))
        elif speaker in gazetteer().party_of:
            wrong = party_choices(speaker, self.pools, fact.id)
        else:  # an office named without its holder: "U.S. Vice President stated ..."
            wrong = title_choices(speaker, None, self.pools, fact.id)
        speakers = {f.answer for f in self.facts if f.kind is FactKind.QUOTE}
        # With one speaker in the story, "who said it?" asks nothing a reader would miss.
        if len(speakers) < 2 and len(wrong) < 3:
            return None
        return self.mcq(fact, "who-said", prompt, speaker, wrong, 3.0, ["quote +3"],
                        accept=accept, typed=speaker in self.pools.people)

    def who_holds(self, fact: Fact) -> Candidate | None:
        """Who completes the sentence that gives a person's office: the office stays in
        the sentence, so the question asks who holds it, in the article's own words."""
        holder = fact.answer
        named = fact.detail.get("named", holder)  # "Dr Rao, Director, ...": Asha Rao
        if not fact.detail.get("office") or fact.evidence.count(named) != 1:
            return None
        sentence = _balanced(_crop(fact.evidence.replace(named, BLANK, 1)))
        avoid = list(self.pools.holders.get(fact.detail.get("title", ""), ()))
        # Someone the story gives another office is no wrong answer for this one: the
        # article itself rules them out.
        office = fact.detail.get("office", "").casefold()
        avoid += [who for title, who in self.pools.titles
                  if who != holder and office not in title.casefold()]
        wrong = person_choices(holder, self.pools, fact.id, avoid=avoid + self.mentioned(
            sentence))
        score, why = self.scored("who-holds", fact)
        context = self.context_for(fact)
        shown = f"{context} {sentence}" if context else sentence
        prompt = f"Who completes the sentence? “{shown}”"
        return self.mcq(fact, "who-holds", prompt, holder, wrong, score, why,
                        accept=self.name_forms(holder), group=f"who-holds:{fact.evidence}",
                        context=context, typed=True)

    def which_party(self, fact: Fact) -> Candidate | None:
        stance = fact.detail.get("stance", "")
        holder = fact.detail.get("holder")
        verb = fact.detail.get("verb", "")
        if _words(stance) < 3:
            return None
        was = "was " if verb.endswith("ing") else ""
        if holder:
            prompt = f"Who {was}{stance}?"
            wrong = person_choices(holder, self.pools, fact.id,
                                   avoid=self.mentioned(stance) + self.spoken_of(stance, holder))
            accept = (*self.short_names(holder), fact.answer)
            return self.mcq(fact, "which-party", prompt, holder, wrong, 3.0,
                            ["position +3"], accept=accept)
        prompt = f"Which party {was}{_without_party(stance, fact.answer)}?"
        named = [p for p in self.pools.parties if p != fact.answer
                 and any(count_words(stance, a) for a in _aliases(p))]
        wrong = party_choices(fact.answer, self.pools, fact.id, avoid=named)
        return self.mcq(fact, "which-party", prompt, fact.answer, wrong, 3.0, ["position +3"],
                        accept=tuple(_aliases(fact.answer)))

    def where(self, fact: Fact) -> Candidate | None:
        if _in_list(fact.evidence, fact.answer):
            return None  # one place of a list: any other place of it fits the blank as well
        match = re.search(rf"\b(?:in|at|to|from|near|inside|outside|visit\w*)\s+(?:the\s+)?"
                          rf"({re.escape(fact.answer)})(?!\w)", fact.evidence)
        if not match:
            return None
        sentence = _crop(fact.evidence[:match.start(1)] + BLANK + fact.evidence[match.end(1):])
        score, why = self.scored("where", fact)
        context = self.context_for(fact)
        shown = f"{context} {sentence}" if context else sentence
        prompt = f"Which place completes the sentence? “{shown}”"
        return self.mcq(fact, "where", prompt, fact.answer,
                        place_choices(fact.answer, self.pools, fact.id, sentence=sentence),
                        score, why, accept=self.other_names(fact.answer, place=True),
                        context=context, typed=True)

    def blank(self, fact: Fact) -> Candidate | None:
        written = fact.answer
        if re.search(r"[a-z]s['’]$", written):
            written = written[:-1]  # "the United States' test": the name, not its possessive
        short = fact.detail.get("short", "")
        pair = next((p for p in (f"{written} ({short})", f"{written}, or {short}")
                     if short and p in fact.evidence), None)
        if pair:
            # Neither half may stay beside the blank: each gives the other away.
            sentence = self.blanked(fact, pair, keep_preposition=False)
        elif fact.detail.get("term") == "name" and _demonym(written):
            return None  # "the _____ host": the adjective of a country the story names
        elif fact.detail.get("term", "name") == "name" and _in_list(fact.evidence, written):
            return None  # one name of a list: any other name of it fits the blank as well
        elif fact.detail.get("term") == "name" and _abbreviates(fact.evidence, written):
            return None  # '(DOSV)' beside 'Deep Ocean Survey Vehicle'
        else:
            sentence = self.blanked(fact, written, keep_preposition=False)
        if not sentence:
            return None
        accept: tuple[str, ...] = ()
        act = re.match(r"(.+?)\s*\(([^)]*)\)\s*(Act\b.*)", written)
        if act and "Amendment" not in act.group(2):  # "Aadhaar (Targeted ...) Act" → "Aadhaar Act"
            accept = (f"{act.group(1)} {act.group(3).split(',')[0]}",)
        if short:
            accept = (*accept, short)
        accept = (*accept, *self.other_names(written), *_other_spellings(written, fact.evidence),
                  *self.other_forms(written))
        if fact.kind is FactKind.DATE:
            kind = "when:period"
        elif fact.kind is FactKind.PLACE:
            kind = "where"
        else:
            kind = f"term:{fact.detail.get('term', 'name')}"
        score, why = self.scored(kind, fact)
        qid = question_id(fact.id, "blank")
        context = self.context_for(fact)
        prompt = f"{context} {sentence}" if context else sentence
        return self.candidate(fact, qid, QuestionType.CLOZE, prompt, written, score, why,
                              accept=accept, context=context)

    # --- several facts of one story -------------------------------------------

    def statements(self) -> Candidate | None:
        """'Which of the statements given above is/are correct?' on the figures of two or
        three sentences of the story, some of them changed to a near figure.

        A figure's sentence is shown as the article wrote it, so a true statement is
        true by the article's own words and a false one differs in its figure alone.
        """
        lines: list[tuple[Fact, str]] = []
        sentences: set[str] = set()
        for fact in self.facts:
            unit = fact.detail.get("unit", "")
            evidence = fact.evidence
            if (fact.kind is not FactKind.NUMBER or unit in ("count", "value", "ordinal")
                    or evidence in sentences or not 8 <= _words(evidence) <= 30
                    or PRONOUN_START.match(evidence) or re.search(r"[\"“”]", evidence)
                    or evidence.count(fact.answer) != 1 or ":" in evidence[:40]):
                continue
            lines.append((fact, evidence))
            sentences.add(evidence)
            if len(lines) == 3:
                break
        if len(lines) < 2:
            return None
        first = lines[0][0]
        qid = question_id(*(f.id for f, _ in lines), "statements")
        flags = int(hashlib.sha1(qid.encode()).hexdigest(), 16)
        shown: list[str] = []
        truths: list[bool] = []
        for i, (fact, text) in enumerate(lines):
            true = bool(flags >> i & 1) or (i == len(lines) - 1 and not any(truths))
            if not true:
                swap = figure_choices(fact.answer, qid + str(i), n=1,
                                      ceiling=_bound(fact.evidence, fact.answer))
                if swap:
                    text = text.replace(fact.answer, swap[0], 1)
                else:
                    true = True
            shown.append(text)
            truths.append(true)
        numbers = [str(i + 1) for i, t in enumerate(truths) if t]
        if len(lines) == 2:
            options = ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"]
            answer = ("Neither 1 nor 2" if not numbers else
                      f"{numbers[0]} only" if len(numbers) == 1 else "Both 1 and 2")
        else:
            options = ["1 and 2 only", "2 and 3 only", "1 and 3 only", "1, 2 and 3"]
            answer = ("1, 2 and 3" if len(numbers) == 3 else
                      f"{numbers[0]} and {numbers[1]} only" if len(numbers) == 2 else "")
            if answer not in options:
                return None
        body = "\n".join(f"{i + 1}. {text}" for i, text in enumerate(shown))
        prompt = ("Consider the following statements:\n" + body +
                  "\nWhich of the statements given above is/are correct?")
        wrong = [o for o in options if o != answer]
        evidence = "\n".join(dict.fromkeys(f.evidence for f, _ in lines))
        return self.mcq(first, "statements:" + qid, prompt, answer, wrong, score("statements"),
                        ["statements"], kind="statements",
                        extra=tuple(f for f, _ in lines[1:]), evidence=evidence)

    def match_pairs(self) -> Candidate | None:
        """Match each person with the office the story gives them."""
        pairs: list[tuple[Fact, str, str]] = []
        for fact in self.facts:
            title = fact.detail.get("title", "")
            if fact.kind is not FactKind.ROLE or not title[:1].isupper() or _words(title) < 2:
                continue
            if any(p == fact.answer or t == title for _, p, t in pairs):
                continue
            pairs.append((fact, fact.answer, title))
            if len(pairs) == 4:
                break
        if len(pairs) < 3:
            return None
        qid = question_id(*(f.id for f, _, _ in pairs), "match")
        letters = "ABCD"[:len(pairs)]
        titles = stable_order([t for _, _, t in pairs], qid)
        code = ", ".join(f"{letters[i]}-{titles.index(t) + 1}" for i, (_, _, t) in
                         enumerate(pairs))
        # Each wrong code swaps two pairs of the right one and keeps the rest, so that
        # knowing one pair rules out one choice, not all three.
        right = [titles.index(t) + 1 for _, _, t in pairs]
        wrong = []
        for a, b in ((0, 1), (len(pairs) - 2, len(pairs) - 1), (0, len(pairs) - 1), (1, 2)):
            swapped = list(right)
            swapped[a], swapped[b] = swapped[b], swapped[a]
            text = ", ".join(f"{letters[i]}-{n}" for i, n in enumerate(swapped))
            if text != code and text not in wrong:
                wrong.append(text)
        list_one = "\n".join(f"{letters[i]}. {p}" for i, (_, p, _) in enumerate(pairs))
        list_two = "\n".join(f"{i + 1}. {t}" for i, t in enumerate(titles))
        prompt = ("Match List I (person) with List II (office held, as the article gives it):\n"
                  f"List I\n{list_one}\nList II\n{list_two}\nSelect the correct answer:")
        evidence = "\n".join(dict.fromkeys(f.evidence for f, _, _ in pairs))
        return self.mcq(pairs[0][0], "match:" + qid, prompt, code, wrong[:3], score("match"),
                        ["match"], kind="match",
                        extra=tuple(f for f, _, _ in pairs[1:]), evidence=evidence)

    def order(self) -> Candidate | None:
        """Put three or four dated events of the story in order."""
        events: list[tuple[Fact, str]] = []
        seen_dates: set[str] = set()
        seen_sentences: set[str] = set()
        latest = self.article_date.isoformat() if self.article_date else "0"
        for fact in sorted((f for f in self.facts if f.kind is FactKind.DATE and f.date
                            and f.date.count("-") >= 1 and f.date <= latest),
                           key=lambda f: f.date or ""):
            # Only what has happened by the article's date: "to meet again in May" is a plan.
            if fact.date in seen_dates or fact.evidence in seen_sentences:
                continue
            written = fact.detail.get("written", "")
            if fact.evidence.count(written) != 1:
                continue
            text = re.sub(rf"(?:\b(?i:on|in|since|by|during)\s+)?{re.escape(written)}", "",
                          fact.evidence, count=1)
            text = re.sub(r"\s+", " ", text)
            text = re.sub(r"\s+([,.])", r"\1", text).strip()
            text = re.sub(r"^[,;:\s]+", "", text)
            text = text[:1].upper() + text[1:]
            if _words(text) > 35:
                continue
            seen_dates.add(fact.date or "")
            seen_sentences.add(fact.evidence)
            events.append((fact, text))
        if len(events) < 3:
            return None
        events = events[:4]
        qid = question_id(*(f.id for f, _ in events), "order")
        shown = stable_order([t for _, t in events], qid)
        correct = [shown.index(t) + 1 for _, t in events]
        answer = "-".join(map(str, correct))
        wrong = []
        for shift in range(1, len(events)):
            perm = correct[shift:] + correct[:shift]
            wrong.append("-".join(map(str, perm)))
        wrong.append("-".join(map(str, reversed(correct))))
        wrong = [w for w in dict.fromkeys(wrong) if w != answer][:3]
        body = "\n".join(f"{i + 1}. {t}" for i, t in enumerate(shown))
        prompt = ("Arrange these events of the story in the order in which they happened:\n"
                  f"{body}\nSelect the correct order:")
        evidence = "\n".join(dict.fromkeys(f.evidence for f, _ in events))
        return self.mcq(events[0][0], "order:" + qid, prompt, answer, wrong, 2.5,
                        ["chronology +2.5"], kind="order",
                        extra=tuple(f for f, _ in events[1:]), evidence=evidence)


def make_candidates(facts: list[Fact], pools: Pools, bank: str,
                    sentences: list[str] | None = None,
                    article_date: dt.date | None = None,
                    title: str | None = None,
                    blocks: list[int] | None = None) -> list[Candidate]:
    """Every candidate question of one article's facts, before the gate.

    `sentences` are the article's, in order; `article_date` is when it was
    published, so that planned events are not ordered as past ones.
    """
    maker = _Maker(facts, pools, bank, sentences or [], article_date, title, blocks)
    found: list[Candidate | None] = []
    for fact in facts:
        found.extend(maker.for_fact(fact))
    found += [maker.statements(), maker.match_pairs(), maker.order()]
    return [c for c in found if c is not None]
