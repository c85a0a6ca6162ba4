"""Which figure completes the sentence: wrong figures the sentence makes false, and
the figures a sentence gives away itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from quizcli.making.figures import figure_choices, unhedged
from quizcli.making.questions.blanks import blank
from quizcli.making.questions.candidate import Candidate, word_count
from quizcli.making.questions.wording import quoted
from quizcli.making.scores import SCORES
from quizcli.model import BLANK, Fact
from quizcli.reading.rules.numbers import NUMBER_WORDS, number_value

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker


_SPELLED = {word: str(value) for word, value in {"one": 1, **NUMBER_WORDS}.items()}
_SPELLED_PATTERNS = [(word, digits, re.compile(rf"\b{word}\b", flags=re.I))
                     for word, digits in _SPELLED.items()]
_UNIT_SPELLINGS = [("per cent", "%"), ("percent", "%"), ("kilometres", "km"),
                   ("kilometers", "km"), ("kilograms", "kg"), ("kgs", "kg"), ("Rs ", "₹"),
                   ("Rs. ", "₹"), ("basis points", "bps")]


def spelled_numbers(written: str) -> tuple[str, ...]:
    """Other ways a reader may type a figure: 'five' → '5', 'four kilometres' →
    '4 km', '6.50 per cent' → '6.50%', 'over 500' → 'more than 500', and the bare
    number."""
    forms = {written, *unhedged(written)}
    for word, digits, pattern in _SPELLED_PATTERNS:
        for form in list(forms):
            # Text of ASCII alone holds the word in any case only where its lower case
            # does; other text may hold letters that match ASCII ones regardless of case.
            if not form.isascii() or word in form.lower():
                forms.add(pattern.sub(digits, form))
    for long, short in _UNIT_SPELLINGS:
        for form in list(forms):
            forms.add(form.replace(long, short).replace(f" {short}", short)
                      if short == "%" else form.replace(long, short))
    bare = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if bare and re.search(r"%|per ?cent|\b(?:times|km|kg)\b", written) is None:
        forms.add(bare.group())
    forms.discard(written)
    return tuple(sorted(forms))


def bound(sentence: str, written: str) -> float | None:
    """The most a figure can be in its sentence: a rank 'out of 146 countries', 'out of
    a total 116 countries' or 'among 156 countries' is at most 146, 116 or 156."""
    found = re.search(r"\b(?:out of|among|of)\s(?:a\stotal\s(?:of\s)?)?(\d[\d,]*)\s"
                      r"(?:countries|nations|states|members)", sentence)
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
RANKED_AMONG = re.compile(r"\b(?:out of|among|of|across)\s(?:a\stotal\s(?:of\s)?)?(\d[\d,]*)\s"
                          r"(?:countries|nations|economies)")
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
_RISE_VERBS = ("rose risen rising increased grew grown up raised hiked boosted climbed "
               "improved").split()
_FALL_VERBS = ("fell fallen decreased declined dropped reduced down lowered cut slashed "
               "trimmed slipped slid").split()
_RISE = re.compile(r"\b(?:" + "|".join(_RISE_VERBS) + r")\b.{0,60}\bto\s" + re.escape(BLANK))
_FALL = re.compile(r"\b(?:" + "|".join(_FALL_VERBS) + r")\b.{0,60}\bto\s" + re.escape(BLANK))


_OF_WHICH = re.compile(re.escape(BLANK) + r"[^,;]{0,30}?,?\sof which\s(\d[\d,]*)")
_COUNTRIES_AFTER = re.compile(re.escape(BLANK) + r"\s(?:countries|nations)\b")
_SOME_OF = re.compile(r"(?:^|\s)(\w+) of (?:the|these|its) " + re.escape(BLANK))


def _possible_wrong(sentence: str, value: float | None) -> Callable[[float], bool]:
    """Whether a wrong figure is one the blanked sentence makes false, and not absurd:
    above the answer after "over _____", below it after "less than _____"; above the part
    after "fewer than _____ tigers, of which 61" or "three of the _____"; above the ranks
    beside "among _____ countries"; below the end of "_____ to nine weeks"."""
    limits: list[Callable[[float], bool]] = []
    side = _side(sentence)
    if side and value is not None:
        limits.append(lambda w: w * side > value * side)
    floor = _OF_WHICH.search(sentence)
    if floor:
        part = float(floor.group(1).replace(",", ""))
        limits.append(lambda w: w > part)
    if _RANK.search(sentence) and _COUNTRIES_AFTER.search(sentence):
        ranks = [int(r) for r in re.findall(r"(?<![\d.,])(\d{1,3})(?:st|nd|rd|th)?(?![\d.,]\d)",
                                            sentence)]
        if ranks:
            limits.append(lambda w: w > max(ranks))
    some = _SOME_OF.search(sentence) if any(
        f" of {word} {BLANK}" in sentence for word in ("the", "these", "its")) else None
    some_of = number_value(some.group(1)) if some else None
    if some_of is not None:  # "three of the _____ species": more than three
        limits.append(lambda w: w > some_of)
    range_end = _RANGE_START.search(sentence)
    end_of_range = number_value(range_end.group("end")) if range_end else None
    if end_of_range is not None:
        limits.append(lambda w: w < end_of_range)
    return lambda w: all(ok(w) for ok in limits)


def _side(sentence: str) -> int:
    """Which side of the answer a wrong figure must lie on for the sentence to be false
    with it: +1 above ('over _____', 'rose from 53% to _____', a rank that 'slipped to
    _____'), -1 below ('less than _____', 'fell from 28 to _____'), 0 either."""
    # Each match but a range's ends at a blank, at most 77 characters after it starts.
    near = max(0, sentence.find(BLANK) - 80)
    # A rank that comes down ("slipped to _____") is a larger number; one that rises, smaller.
    turn = -1 if _RANK.search(sentence) else 1
    if _FALL.search(sentence, near):  # "lowered from 65 to _____": a fall, not a range
        return -turn
    if _RISE.search(sentence, near):
        return turn
    if _ABOVE.search(sentence, near) or _RANGE_END.search(sentence):
        return 1
    if _BELOW.search(sentence, near):
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


_A_FIGURE = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r"|hundred|thousand|lakh|"
                       r"crore|million|billion)\b", flags=re.I)


def _restated(sentence: str, written: str) -> bool:
    """Whether the sentence gives the figure again in other words beside it: 'four
    months (125 days)', or adds it up from its parts: 'Rs 3 lakh ... Rs 1 lakh followed
    by Rs 2 lakh'."""
    at = sentence.find(written)
    after = sentence[at + len(written):]
    restated = re.match(r"\s?\(([^)]*\d[^)]*)\)", after)
    bracketed = re.search(r"(\S+)\s(?:\S+\s)?\(\s*$", sentence[:at])
    if restated and not re.fullmatch(r"\s*(?:19|20)\d\d\s*", restated.group(1)) or (
            bracketed and _A_FIGURE.search(bracketed.group())):
        return True  # "(125 days)" says it again ("(2024)" only dates it, "Sites (16 sites)"
        #            is the figure itself)
    value = number_value(written)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
    if value is None or not number:
        return False
    shape = (re.escape(written[:number.start()]) + r"(\d[\d,]*(?:\.\d+)?)"
             + re.escape(written[number.end():]))
    others = [float(m.group(1).replace(",", "")) for m in re.finditer(shape, after)]
    return len(others) >= 2 and abs(sum(others) - value) < 1e-9


_LISTED = re.compile(r"\s(?:[\w-]+\s){0,5}?(?P<opener>including|such as|namely|are(?=\s[A-Z])|"
                     r"–|—|-|:)\s(?P<items>[^.;()]+)")


def _listed_after(sentence: str, at: int, value: float | None) -> re.Match[str] | None:
    """The list after a count (which ends at `at`) that names as many things as it
    counts: 'the _____ pillars – A, B and C', 'in _____ states namely Goa, …, and
    Sikkim'."""
    listed = _LISTED.match(sentence, at) if at >= 0 else None
    if not listed or value is None or value != int(value) or not 2 <= value <= 40:
        return None
    text = listed.group("items").strip()
    parts = re.split(r",\s(?:and\s)?|\sfollowed by\s", text)
    # "A, B and C": the last "and" lists; "A and B, C and D, and E": "and" is in names
    if ", and " not in text and " and " in parts[-1]:
        parts[-1:] = parts[-1].split(" and ")
    return listed if len(parts) == value else None


_DASH = re.compile(r"\s[–—-]\s")
"""Where a clause in dashes opens: "up to _____ in two stages – Rs 1 lakh followed by …"."""


def _added_up(sentence: str, written: str) -> bool:
    """Whether the sentence adds the figure up from figures of its own: '_____
    instalments – Rs 40,000 followed by Rs 60,000'; 'up to Rs 1 lakh ... Rs 40,000
    followed by _____'."""
    value = number_value(written)
    at = sentence.find(written)
    if value is None or at < 0:
        return False
    after = sentence[at + len(written):]
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



_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s|[–—]|\b(?:and|but|while|whereas|which|who)\b")
_SHARE = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)")


def _a_share_of_its_clause(sentence: str) -> bool:
    """Whether a count's blank is followed, in its clause and within five words, by a share
    ('_____ districts account for 64% of the floods', 'over _____ towns saw a 15% fall'):
    the share is the fact, and the count only says of what."""
    at = sentence.find(BLANK) + len(BLANK)
    end = _CLAUSE_BREAK.search(sentence, at)
    near = sentence[at:end.start() if end else len(sentence)].split()[:5]
    return _SHARE.search(" ".join(near)) is not None


_ASIDE = re.compile(r"\(" + re.escape(BLANK) + r"\)")

_FIGURE_WORDS = re.compile(r"\w+(?:[.,]\d+)*")
"""The words and numbers of a sentence ("1,250", "6.5"), for telling whether a wrong
figure is one the sentence already gives."""


def figure(maker: Maker, fact: Fact) -> Candidate | None:
    """Which figure completes the sentence, with wrong figures written like it."""
    written = fact.answer
    sentence = maker.blanked(fact, written, keep_preposition=False)
    if not sentence:
        return None
    unit = fact.detail.get("unit", "")
    kind = f"figure:{unit}" if f"figure:{unit}" in SCORES else "figure"
    score, why = maker.scored(kind, fact)
    context = maker.context_for(fact)
    listed = _listed_after(sentence, sentence.find(BLANK) + len(BLANK), number_value(written))
    cut = listed.start("opener") if listed else 0
    if listed and listed.group("opener") != "are" and word_count(sentence[:cut]) >= 6:
        sentence, listed = sentence[:cut].rstrip(" ,") + ".", None  # the count, not its list
    told = fact.evidence  # what the question tells of the figure
    dash = _DASH.search(sentence, sentence.find(BLANK)) if _added_up(told, written) or (
        _restated(told, written)) else None
    if dash and word_count(sentence[:dash.start()]) >= 6:
        sentence = sentence[:dash.start()] + "."  # "up to _____ in two stages – 1 and 2"
        told = sentence.replace(BLANK, written)
    shown = f"{context} {sentence}" if context else sentence
    if _ASIDE.search(sentence) and not _ASIDE.fullmatch(sentence):
        return None  # "net emissions (3 gigatonnes) are …": a figure given in passing
    if (_restated(told, written) or _worked_out(told, written) or listed
            or _added_up(told, written) or _span_of(told, written)
            or unit == "count" and _a_share_of_its_clause(sentence)):
        return None  # "nearly four months (125 days)": the other figure gives it away
    ceiling = bound(fact.evidence, written)
    if ceiling is None and _RANK.search(fact.evidence):
        ceiling = maker.ranked_among  # "Chile ranks _____" of the story's 146 countries
    wrong = figure_choices(written, fact.id, n=6, ceiling=ceiling)
    possible = _possible_wrong(sentence, number_value(written))
    given: set[str] = set()  # the sentence's words and numbers, read where a figure is in it
    if any(w in sentence for w in wrong):
        given = {m.group() for m in _FIGURE_WORDS.finditer(sentence)}
    wrong = [w for w in wrong if possible(number_value(w) or 0)  # "the 17th and _____"
             and not (w in sentence and set(_FIGURE_WORDS.findall(w)) <= given)][:3]
    prompt = f"Which figure completes the sentence? {quoted(shown)}"
    accept = spelled_numbers(written)
    candidate = maker.mcq(fact, "figure", prompt, written, wrong, score=score, why=why,
                         accept=accept, kind="number", context=context)
    return candidate or blank(maker, fact)

