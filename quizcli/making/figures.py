"""Wrong figures: the figure as written, a near step away on either side, in the words
or the digits it is written in."""

from __future__ import annotations

import math
import re

from quizcli.making.distractors import stable_order
from quizcli.reading.rules.numbers import NUMBER_WORDS, ORDINAL_WORDS

_NUMBER = re.compile(r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Number words by their value, from the reader's own tables: "zero" to "twenty", "zeroth"
# to "twelfth".
_WORD_NUMBERS = [word for word, _ in sorted({"zero": 0, "one": 1, **NUMBER_WORDS}.items(),
                                            key=lambda item: item[1]) if _ <= 20]
_ORDINAL_WORDS = [word for word, _ in sorted({"zeroth": 0, "first": 1, **ORDINAL_WORDS}.items(),
                                             key=lambda item: item[1])]


_HEDGES = (("more than", "over"), ("about", "around", "approximately", "roughly", "some"),
           ("nearly", "almost"), ("less than", "under", "fewer than"))
_HEDGED = re.compile(r"(" + "|".join(h for group in _HEDGES for h in group) + r")\s(.*\w)")
_FIGURE_START = re.compile(r"\d|an?\s|half\b|(?:" + "|".join(_WORD_NUMBERS)
                           + r"|thirty|forty|fifty|hundred|thousand|million)\b")


_HEDGE_BEFORE = re.compile(r"(?i)(?:\b(?:" + "|".join(h for group in _HEDGES for h in group)
                           + r"|up to|at least|at most|above|below)\s|[≥≤<>]\s?)$")


def hedged_before(text: str, at: int) -> bool:
    """Whether the figure at `at` stands after a hedge ("over 48%", "less than 2,500"):
    changed, it may still be true ("over 38%"), so it makes no false statement."""
    return _HEDGE_BEFORE.search(text, max(0, at - 14), at) is not None


def unhedged(answer: str) -> list[str]:
    """A hedged figure as a reader may recall it: "over a year" or "a year" for "more
    than a year"."""
    hedged = _HEDGED.fullmatch(answer)
    if not hedged or not _FIGURE_START.match(hedged.group(2)):
        return []
    hedge, rest = hedged.group(1).lower(), hedged.group(2)
    group = next(g for g in _HEDGES if hedge in g)
    return [f"{other} {rest}" for other in group if other != hedge] + [rest]


def _nice_step(value: float) -> float:
    """A round step of about a sixth of the value: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    rough = value / 6
    power = 10 ** math.floor(math.log10(rough))
    return min((f * power for f in (1, 2, 5, 10)), key=lambda v: abs(math.log(v / rough)))


def _format_like(value: float, written: str) -> str:
    """`value` written as `written` writes its number: decimals, thousands commas."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    text = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    return text


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_FRACTIONS = ("one-half", "one-third", "two-thirds", "one-fourth", "three-fourths",
              "one-fifth")
"""The shares a law or a report states in words: each other one is a wrong choice."""
_FRACTION = re.compile(r"(?:one|two|three)-(?:half|thirds?|fourths?|quarters?|fifths?)")


def figure_choices(written: str, seed: str, n: int = 3,
                   ceiling: float | None = None) -> list[str]:
    """Wrong figures written like the answer ('6.50%' → '5.50%', '7.50%' ...; 'five' →
    'four', 'six' ...; '47th' → '45th' ...), near enough to be worth thinking about,
    and possible: no share over 100%, no index value over 1, nothing over `ceiling`
    (the sentence's own bound: the 189 countries a rank is out of)."""
    if _FRACTION.fullmatch(written.lower()):
        capital = written[:1].isupper()
        near = [f for f in _FRACTIONS if f != written.lower()]
        return [f.capitalize() if capital else f for f in stable_order(near, seed)[:n]]
    words = re.findall(r"[a-z]+", written.lower())
    numbers_in = _NUMBER.findall(written) + [w for w in words if w in _WORD_NUMBERS]
    if len(numbers_in) > 1 and not re.search(r"out of|[x×]", written) and any(
            w in _WORD_NUMBERS for w in words):
        return []  # "five to seven days": a range of words has no near neighbour
    word = next((w for w in words if w in _WORD_NUMBERS), None)
    ordinal = next((w for w in words if w in _ORDINAL_WORDS), None)
    named = word or ordinal
    if named:
        return _worded_choices(written, named, word is not None, seed, n, ceiling)
    return _digit_choices(written, seed, n, ceiling)


def _worded_choices(written: str, named: str, word: bool, seed: str, n: int,
                    ceiling: float | None) -> list[str]:
    """Wrong figures for a figure written in words: 'five' → 'four', 'six' ...; an
    ordinal unless `word`: 'third' → 'second', 'fourth' ..."""
    table = _WORD_NUMBERS if word else _ORDINAL_WORDS
    place = table.index(named)
    top = len(table) if ceiling is None else min(len(table), int(ceiling) + 1)
    ratio = re.search(r"out of (\d+|\w+)", written)
    if ratio:
        bound = ratio.group(1)
        bound_value = int(bound) if bound.isdigit() else (
            _WORD_NUMBERS.index(bound) if bound in _WORD_NUMBERS else len(table))
        top = min(top, bound_value)
    lowest = 2 if word and place >= 2 else 1  # "one months", "one-fold"
    near: tuple[int, ...] = (place - 1, place + 1, place - 2, place + 2, place + 3)
    if not word:  # "the fifth round": no later one yet; "the second": the fourth at most
        near = (place - 1, place - 2, place - 3) if place - 3 >= lowest else (
            place - 1, place - 2, place + 1, place + 2)
    others = [v for v in near if lowest <= v < top and v != place]
    pattern = re.compile(rf"\b{named}\b", re.I)
    whole = pattern.search(written)
    if whole is None:  # the word is part of a longer one ("five_")
        return []
    original = whole.group()
    out = []
    for v in others[:n + 1]:
        replacement = table[v]
        if original[:1].isupper():
            replacement = replacement.capitalize()
        choice = pattern.sub(replacement, written, count=1)
        if word and place == 1:  # "one year" → "two years"
            choice = _SINGULAR_AFTER.sub(lambda m: m.group(1) + _plural(m.group(2)), choice,
                                         count=1)
        out.append(choice)
    return stable_order(out, seed)[:n]


_SINGULAR_AFTER = re.compile(r"(\b[A-Za-z]+\s)([a-z]+[^s\W])\b")


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def _digit_choices(written: str, seed: str, n: int, ceiling: float | None) -> list[str]:
    """Wrong figures for a figure written in digits: '6.50%' → '5.50%', '7.50%' ..."""
    numbers = list(_NUMBER.finditer(written))
    if not numbers:
        return []
    first = numbers[0].group()
    value = float(first.replace(",", ""))
    decimals = len(first.split(".")[1]) if "." in first else 0
    ordinal = re.match(r"(?:st|nd|rd|th)\b", written[numbers[0].end():]) is not None
    step = 1.0 if (value <= 12 and decimals == 0) or (ordinal and value <= 30) else (
        _nice_step(value))
    if decimals == 0:
        step = max(1.0, round(step))
    elif value < 1 and decimals >= 2:
        step = 10.0 ** (1 - decimals)  # an index of 0.957 beside 0.947 and 0.967, not 0.557
    if decimals == 0 and not ordinal and value in (5.0, 10.0):
        step = 5.0  # a round 5 or 10 among round figures, so the answer is not the one
    temperature = re.search(r"°|\bdegrees?\s(?:C|F|Celsius|Fahrenheit)\b", written) is not None
    if temperature:
        step = max(1.0, round(value / 20))  # 40 °C beside 38 or 44 °C, never 55 °C

    limit = 100.0 if re.search(r"%|per ?cent", written) else math.inf
    if value < 1 and decimals:
        limit = min(limit, 1.0)  # an index or a ratio between 0 and 1
    if ceiling is not None:
        limit = min(limit, ceiling)
    ceiling = limit
    ratio = re.search(r"out of (\d+)", written)
    if ratio:
        ceiling = float(ratio.group(1))
        numbers = numbers[:1]
    candidates = []
    steps: tuple[int, ...] = (-1, 1, -2, 2) if temperature else (-1, 1, -2, 2, 3, -3)
    if ordinal:  # "the 47th meeting": a later one has not been held yet; "2nd": 4th at most
        steps = (-1, -2, -3) if value - 3 * step >= 1 else (-1, -2, 1, 2)
    for k in steps:
        delta = k * step
        pieces, at, ok = [], 0, True
        for match in numbers:
            number = match.group()
            other = round(float(number.replace(",", "")) + delta, decimals)
            if other <= 0 or other > ceiling:
                ok = False
            text = _format_like(other, number)
            if ordinal and match is numbers[0]:
                text = str(int(other))
                suffix_end = match.end() + 2
                pieces += [written[at:match.start()], text + _ordinal_suffix(int(other))]
                at = suffix_end
                continue
            pieces += [written[at:match.start()], text]
            at = match.end()
        if ok:
            candidates.append("".join(pieces) + written[at:])
    unique = list(dict.fromkeys(c for c in candidates if c != written))
    return stable_order(unique[:n + 1], seed)[:n]
