"""Wrong answers that are worth reading: of the answer's kind, nearest first.

Parties come from the same story, then from the user's other banks, then from
the gazetteer; people from the same story, then other banks; dates are the
story's other dates or near ones at the same precision. A distractor is never
an alias of the answer (Thimphu is not a distractor for Bhutan), never
a spelling of the same person, and never another correct answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from quizcli.ids import digest
from quizcli.model import BLANK
from quizcli.reading.dates import MONTH_NAMES, add_months
from quizcli.reading.gazetteer import BIG_CITY, gazetteer
from quizcli.reading.rules.names import named_kind
from quizcli.text import name_key, stands_alone


def show_date(iso: str) -> str:
    """2018-09-10 → 10 September 2018; 2018-06 → June 2018; 2018 → 2018."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return iso


@functools.cache
def _alike(place: str, local: bool = False) -> list[str]:
    """The gazetteer's places of the kind of `place`, worked out once per place."""
    return gazetteer().alike(place, local=local)


_BEST_KNOWN = 4  # the gazetteer's nearest, best-known places, which choices come from first

_DISTRICT = re.compile(re.escape(BLANK) + r"\s(?:district|taluka|tehsil|block)\b", re.I)


def same_party(a: str, b: str) -> bool:
    table = gazetteer().party_of
    return table.get(a, a) == table.get(b, b)


def same_person(a: str, b: str) -> bool:
    """Two spellings or forms of one name: 'Ri Song-Ho', 'Ri Song-ho', 'Ri'."""
    if name_key(a) == name_key(b):
        return True
    return not _name_parts(a).isdisjoint(_name_parts(b))


@functools.lru_cache(maxsize=65536)
def _name_parts(name: str) -> frozenset[str]:
    """The keys of a name's words, worked out once per name: each is compared with many."""
    return frozenset(name_key(p) for p in name.split())


def stable_order(items: Iterable[str], seed: str) -> list[str]:
    """Items in an order fixed by `seed`, so the same question always gets the same choices."""
    return sorted(items, key=lambda x: digest(f"{seed}\x1f{x}"))


def _then(*sources: Iterable[str] | Callable[[], Iterable[str]]) -> Iterator[str]:
    """The sources one after another; a callable one is only ordered when it is reached."""
    for source in sources:
        yield from source() if callable(source) else source


@dataclass(frozen=True)
class Pools:
    """Where distractors come from, for one article."""

    parties: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()
    """(title, holder) pairs of the story."""
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    other_parties: tuple[str, ...] = ()
    other_people: tuple[str, ...] = ()
    holders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """title → the people the story gives it, so no other holder is offered as wrong."""


def _pick(candidates: Iterable[str], answer: str, n: int, different, seed: str,
          avoid: Iterable[str] = ()) -> list[str]:
    chosen: list[str] = []
    avoid = list(avoid)
    for candidate in candidates:
        if len(chosen) == n:
            break
        if not candidate or not different(candidate, answer):
            continue
        if any(not different(candidate, c) for c in chosen + avoid):
            continue
        chosen.append(candidate)
    return chosen


def _body_head(name: str) -> str | None:
    """The head word a body's name ends in ("Court" of "Sikkim High Court"), if any."""
    return name.rsplit(None, 1)[-1] if " " in name and named_kind(name) == "body" else None


def party_choices(answer: str, pools: Pools, seed: str, n: int = 3,
                  avoid: Iterable[str] = ()) -> list[str]:
    """Parties other than the answer: the story's, other banks', then the gazetteer's."""
    table = gazetteer()

    def is_country(party: str) -> bool:
        return table.party_of.get(party, party) in table.countries

    kind = is_country(answer)
    head = None if kind else _body_head(answer)
    # Of some 250 countries, the nearest and best known: India's neighbours, not Tuvalu.
    # The gazetteer knows countries' neighbours, but not which body is like which: a
    # court gets no World Bank beside it, only the bodies of this and other stories.
    fallback = _alike(table.party_of.get(answer, answer)) if kind else []

    def different(a: str, b: str) -> bool:
        """Another party of the answer's kind: a country for a country, a body for a body
        (ISRO is no wrong answer beside India: it is India's); beside a body whose name
        ends in a head word, a body of that head word: a court for a court."""
        return not same_party(a, b) and is_country(a) == kind and (
            head is None or a.rsplit(None, 1)[-1] == head)

    candidates = _then(pools.parties, lambda: stable_order(pools.other_parties, seed),
                       lambda: stable_order(fallback, seed))
    return _pick(candidates, answer, n, different, seed, avoid)


def person_choices(answer: str, pools: Pools, seed: str, n: int = 3,
                   avoid: Iterable[str] = (), first: Iterable[str] = ()) -> list[str]:
    """Other people of the story, those of `first` first (for a remark, the others who
    speak in the story)."""
    def different(a: str, b: str) -> bool:
        return not same_person(a, b)

    # People of other stories are of another world: a South Korean president is no
    # wrong answer beside a mathematician. Only the story's own people are offered.
    candidates = _then(first, pools.people)
    return _pick(candidates, answer, n, different, seed, avoid)


def title_choices(answer: str, holder: str | None, pools: Pools, seed: str,
                  n: int = 3) -> list[str]:
    """Other offices of the story, never one the same person holds, and one for each
    other person: "North Korean leader" and "North Korea Chairman" are one man."""
    answer_holders = {who for title, who in pools.titles if title == answer}
    candidates, holders = [], set()
    for title, who in pools.titles:
        if (holder and same_person(who, holder)) or who in holders or who in answer_holders:
            continue
        holders.add(who)
        candidates.append(title)

    def different(a: str, b: str) -> bool:
        return a.casefold() != b.casefold()

    return _pick(candidates, answer, n, different, seed)


def place_choices(answer: str, pools: Pools, seed: str, n: int = 3,
                  sentence: str = "", context: str = "") -> list[str]:
    """Other places of the answer's kind, the story's first, then the gazetteer's:
    countries near a country, states of a state's country, cities of a city's country.
    A city is never offered for a country, nor a place the sentence or the `context`
    shown before it already names ("reach Goa from _____" offers no Goa), nor one inside
    the answer. The story's countries are offered for a country of their own continent,
    its great cities for a great city; a town asked as a district ("_____ district") gets
    its state's towns."""
    table = gazetteer()
    kinds = table.place_kind
    kind = kinds.get(answer)
    home = set(table.place_country.get(answer, ()))
    local = bool(_DISTRICT.search(sentence))
    # The story's places of the answer's kind, and for a city or a state of its country:
    # "London" is no wrong answer for a district of Goa.
    # A place the gazetteer does not know (a district, a town) is asked beside others it
    # does not know: no state or foreign capital is offered for a district.
    story = [p for p in pools.places if kinds.get(p) == kind and (
        not home or home & set(table.place_country.get(p, ())) or p not in table.place_country)
        and _of_a_size(answer, p, local)]
    def alike() -> list[str]:  # the best known of the answer's country first, then the rest
        found = _alike(answer, local)
        near = [p for p in found if not home or home & set(table.place_country.get(p, ()))]
        far = [p for p in found if p not in near]
        return (stable_order(near[:_BEST_KNOWN], seed) + stable_order(near[_BEST_KNOWN:], seed)
                + stable_order(far, seed))

    candidates = _then(story, alike)

    def different(a: str, b: str) -> bool:
        return (a != b and not same_party(a, b) and a not in b and b not in a
                and not stands_alone(sentence, a) and not stands_alone(context, a))

    return _pick(candidates, answer, n, different, seed)


def _of_a_size(answer: str, other: str, local: bool) -> bool:
    """Whether a place of the story is a fair wrong answer for `answer` by its size and
    its continent: a country of another continent is not ("the continent's earthquake in
    _____"), nor a town for a great city."""
    table = gazetteer()
    continent = table.continent.get(answer)
    if continent and table.continent.get(other, continent) != continent:
        return False
    if not local and table.population.get(answer, 0) >= BIG_CITY:
        return table.population.get(other, 0) >= BIG_CITY
    return True


def date_choices(iso: str, pools: Pools, seed: str, n: int = 3,
                 article_date: dt.date | None = None) -> list[str]:
    """Dates near the answer at its precision, the story's own first; on the same side
    of the article's date as the answer, so that a past event gets no future choice and
    a forecast no past one."""
    parts = [int(p) for p in iso.split("-")]
    same_precision = [d for d in pools.dates if d.count("-") == iso.count("-")]
    nearby: list[str] = []
    if len(parts) == 3:
        year, month, day = parts
        for shift in (-1, 1, -2, 2, 3, -3, -4, 4, -5, 5):
            y, m = add_months(year, month, shift)
            for d in (day, min(day, 28)):
                try:
                    nearby.append(dt.date(y, m, d).isoformat())
                    break
                except ValueError:
                    continue
        for days in (-7, 7, -14, 14):
            nearby.append((dt.date(year, month, day) + dt.timedelta(days=days)).isoformat())
    elif len(parts) == 2:
        year, month = parts
        for shift in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5):
            y, m = add_months(year, month, shift)
            nearby.append(f"{y:04d}-{m:02d}")
    else:
        # a round year (a target: "by 2030") among round years, so no choice stands out
        round_year = parts[0] % 5 == 0
        shifts = (-5, 5, -10, 10, 15, -15, 20, -20) if round_year else (
            -1, 1, -2, 2, -3, 3, -4, 4, -5, 5)
        nearby = [str(parts[0] + shift) for shift in shifts]

    def different(a: str, b: str) -> bool:
        """Choices differ in their month, and a choice's month is not the answer's day:
        no choice may read as the same date in a looser spelling ('September 2018' is
        both 6 and 10 September 2018; '--10' is October, or the 10th)."""
        pa, pb = a.split("-"), b.split("-")
        if len(pa) == 1:
            return a != b
        return pa[1] != pb[1] and (len(pb) < 3 or int(pa[1]) != int(pb[2]))

    # The story's dates far from the answer's would stand apart: "4 February 2020" is no
    # date to found a bank in 1935.
    same_precision = [d for d in same_precision if abs(int(d[:4]) - parts[0]) <= 5]
    candidates = [*same_precision, *nearby]
    if article_date is not None:
        today = article_date.isoformat()[:len(iso)]
        if iso <= today:
            candidates = [d for d in candidates if d <= today]
        else:
            candidates = [d for d in candidates if d > today]
    return [show_date(d) for d in _pick(candidates, iso, n, different, seed)]
