"""The tables of the world an article is read against: parties and their aliases,
places and their kinds, titles of office and site boilerplate.

Countries, their capitals, demonyms, subdivisions and cities come from data
packages (see `quizcli.reading.world`); `quizcli/data/` holds only what no
package has: metonyms ("White House", "the Centre"), organisations, seas and
regions, titles of office and boilerplate.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from quizcli.datafiles import load_data
from quizcli.reading.wordsearch import NameFinder, trie_pattern
from quizcli.reading.world import BIG_CITY


class PlaceKind:
    """What a place is, so that a wrong answer can be of the same kind."""

    COUNTRY = "country"
    SUBDIVISION = "subdivision"
    """A state, province or union territory: Goa, Sikkim, Sindh."""
    CITY = "city"
    REGION = "region"
    """A continent, sea, valley or disputed area: Asia, Red Sea, Kashmir."""


@dataclass(frozen=True)
class Gazetteer:
    party_of: dict[str, str]
    """Every name of a party, the canonical one included, to the canonical name."""
    countries: frozenset[str]
    places: frozenset[str]
    offices: frozenset[str]
    """Titles of office, lower-cased."""
    boilerplate_starts: tuple[str, ...]
    boilerplate_lines: frozenset[str]
    party_re: NameFinder
    place_re: NameFinder
    office_re: re.Pattern[str]
    place_kind: dict[str, str]
    """Every place to its `PlaceKind`."""
    place_country: dict[str, tuple[str, ...]]
    """A subdivision or city to the countries that have one of that name
    (Punjab: India and Pakistan)."""
    place_area: dict[str, frozenset[str]]
    """A city to the first-level subdivisions holding a city of that name, as codes
    ("IN.19"): a wrong answer for a town of one state is a town of the same state."""
    country_code: dict[str, str]
    """A country to its ISO 3166-1 alpha-2 code."""
    population: dict[str, int]
    """A country or city to its population, so the better-known can be preferred."""
    continent: dict[str, str]
    """A country to its continent's code ("AS")."""
    subregion: dict[str, str] = field(default_factory=dict)
    """A country to its part of its continent ("Eastern Asia"), where countryinfo says."""
    continents: frozenset[str] = frozenset()
    suburbs: frozenset[str] = frozenset()
    """Cities that are parts of a greater city near them, offered beside no city."""
    home: str | None = None
    """The country of the exams quizcli prepares for: its readers know it without reading."""
    common_words: frozenset[str] = frozenset()
    """Common English nouns, adjectives and verbs, lower-cased (from wonderwords): a
    capitalised phrase made of them alone ("Backward Classes", "Annual Review") is
    no person's name."""

    def aliases_of(self, party: str) -> list[str]:
        """Every name of `party` but its canonical one."""
        return [a for a, canon in self.party_of.items() if canon == party and a != party]

    def alike(self, place: str, n: int = 12, local: bool = False) -> list[str]:
        """Other places of the kind of `place`, nearest and best known first, for wrong answers: for
        a country, the `n` most populous of its part of its continent ("Eastern Asia"), then of its
        continent, then of the world; for a city, the `n` most populous of its country (then of the
        world); for a state, every state of its country; for a region, every other region. Names
        written with diacritics are left to their plain form. A town's own state comes first: the
        wrong answers for a town of one state are towns of that state. A city of a million or more
        is asked beside the country's other great cities, not its own suburbs, unless it is asked as
        a `local` place (a district): then its own state's towns come first too."""
        kind = self.place_kind.get(place)
        if kind is None:
            return []
        pool = [p for p, k in self.place_kind.items() if k == kind and p != place and p.isascii()]
        if kind == PlaceKind.COUNTRY:
            home, part = self.continent.get(place), self.subregion.get(place) or None
            pool.sort(key=lambda c: (self.continent.get(c) != home,
                                     self.subregion.get(c) != part, -self.population.get(c, 0)))
            return pool[:n]
        if kind == PlaceKind.REGION:
            # A continent for a continent; a sea for a sea ("Indian Ocean", "Red Sea").
            continental = place in self.continents
            pool = [p for p in pool if (p in self.continents) == continental
                    and p != "Antarctica"]  # no one lives there: an absurd wrong answer
            wet = bool(_WATER & set(place.split()))
            return sorted(p for p in pool if bool(_WATER & set(p.split())) == wet)
        countries = set(self.place_country.get(place, ()))

        def far(other: str) -> bool:
            return not countries & set(self.place_country.get(other, ()))

        if kind == PlaceKind.SUBDIVISION:
            near = sorted(p for p in pool if not far(p))
            return near or sorted(pool)
        pool = [p for p in pool if p not in self.suburbs]
        area = self.place_area.get(place, frozenset())
        if self.population.get(place, 0) >= BIG_CITY and not local:
            area = frozenset()
        pool.sort(key=lambda c: (far(c), not area & self.place_area.get(c, frozenset()),
                                 -self.population.get(c, 0), c))
        return pool[:n]


_WATER = frozenset("Ocean Sea Gulf Strait Bay Channel River Lake".split())
"""Words that make a region a body of water, whose wrong answers are other waters."""

# A name matches whole: not inside a longer word, and not the "U.S" of "U.S.".
_BEFORE, _AFTER = r"(?<![\w.])", r"(?!\w|\.\w)"


@functools.cache
def gazetteer() -> Gazetteer:
    """The tables, loaded once."""
    from quizcli.reading import world

    tables = world.tables()
    hand = load_data("parties.yaml")
    parties = _Parties(tables["countries"], hand["countries"], _ordinary_words())
    for canon, aliases in hand["organisations"].items():
        parties.add(canon, canon)
        for alias in aliases or ():
            parties.add(alias, canon)
    places = _Places(parties)
    for canon in parties.code:
        places.add(canon, PlaceKind.COUNTRY)
    for name in [*tables["continents"], *load_data("places.yaml")]:
        places.add(name, PlaceKind.REGION)
    cities = {(name, code) for name, code, *_ in tables["cities"]}
    cities |= {(name, code) for code, country in tables["countries"].items()
               for name in country["capital"]}
    for name, code, _type in tables["subdivisions"]:
        # A city-state or capital territory is a city: Delhi, Islamabad, Beijing.
        kind = PlaceKind.CITY if (name, code) in cities else PlaceKind.SUBDIVISION
        places.add(name, kind, code)
    for name, code in sorted(cities):
        places.add(name, PlaceKind.CITY, code)
    area: dict[str, set[str]] = {}
    for name, _code, population, where in tables["cities"]:
        if places.kind.get(name) == PlaceKind.CITY:
            places.population[name] = max(places.population.get(name, 0), population)
            area.setdefault(name, set()).add(where)

    offices_as_written = load_data("offices.yaml")
    offices = frozenset(o.lower() for o in offices_as_written)
    boilerplate = load_data("boilerplate.yaml")
    coded = {canon: tables["countries"][code] for canon, code in parties.code.items() if code}
    return Gazetteer(
        party_of=parties.party_of,
        countries=frozenset(parties.code),
        places=frozenset(places.kind),
        offices=offices,
        boilerplate_starts=tuple(s.lower() for s in boilerplate["line_starts"]),
        boilerplate_lines=frozenset(s.lower() for s in boilerplate["whole_lines"]),
        party_re=NameFinder(parties.party_of),
        place_re=NameFinder(places.kind, not_after=_titles(offices_as_written)),
        office_re=_compile_words(offices, re.IGNORECASE),
        place_kind=places.kind,
        place_country={name: tuple(sorted(c)) for name, c in places.country.items()},
        place_area={name: frozenset(a) for name, a in area.items()},
        country_code={canon: code for canon, code in parties.code.items() if code},
        population={**places.population, **parties.population},
        continent={canon: country["continent"] for canon, country in coded.items()},
        subregion={canon: country.get("subregion", "") for canon, country in coded.items()},
        common_words=frozenset(tables.get("common_words", ())),
        suburbs=frozenset(tables.get("suburbs", ())),
        home=parties.party_of.get(hand.get("home", "")),
        continents=frozenset(tables["continents"]),
    )


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether a word is a common English word, or one inflected ('Castes', 'Heard') or
    compounded ('Worldwide')."""
    words = gazetteer().common_words
    lower = word.lower()
    return lower in words or any(
        lower.endswith(end) and lower[:-len(end)] + add in words
        for end, add in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""),
                         ("ing", "e"), ("ies", "y"), ("ard", "ear"), ("wide", "")))


def _compile_words(words, flags=0) -> re.Pattern[str]:
    return re.compile(_BEFORE + "(?:" + trie_pattern(sorted(words)) + ")" + _AFTER, flags)


def _titles(offices: list[str]) -> list[str]:
    """What stands before a person's name: honorifics ("Mr", "Shri") and titles of
    office written with a capital ("Justice", "Chief Minister")."""
    honorifics = load_data("names.yaml")["honorifics"]
    return [*honorifics, *(o for o in offices if o[:1].isupper())]


def _ordinary_words() -> frozenset[str]:
    """Capitalised words that start sentences or name institutions ("Most", "Union"),
    and the months and weekdays ("Mon" too), lower-cased: never a place on their own."""
    from quizcli.reading.dates import MONTHS, WEEKDAYS

    data = load_data("names.yaml")
    words = [*data["not_names"], *data["honorifics"], *data["not_name_words"], *MONTHS,
             *WEEKDAYS, *(day[:3] for day in WEEKDAYS)]
    return frozenset(w.lower() for w in words if isinstance(w, str))  # YAML reads "On" as true


class _Parties:
    """Countries and their names: the packages' and the hand table's."""

    def __init__(self, world: dict, hand: dict, ordinary: frozenset[str]):
        self.party_of: dict[str, str] = {}
        self.code: dict[str, str | None] = {}
        self.population: dict[str, int] = {}
        self.ordinary = ordinary
        canon_of = self._canonical_names(world, hand)
        for code, country in sorted(world.items(), key=lambda kv: -kv[1]["population"]):
            canon = canon_of[code]
            self.code[canon] = code
            self.population[canon] = country["population"]
        # Hand names first: they settle what the packages would leave ambiguous.
        for canon, aliases in hand.items():
            self.code.setdefault(canon, None)  # a party the packages do not have: the EU
            self.add(canon, canon)
            for alias in aliases or ():
                self.add(alias, canon)
        names = _claims((canon_of[code], name) for code, c in world.items() for name in
                        c["names"])
        capitals = _claims((canon_of[code], name) for code, c in world.items() for name in
                           c["capital"])
        for canon in self.code:
            self.add(canon, canon)
        inside = _word_runs(names)
        for name, canons in [*names.items(), *capitals.items()]:
            if len(canons) != 1:
                continue  # "Jerusalem", "Kingston": no one country's
            if name != canons[0] and inside.get(name, set()) - {canons[0]}:
                continue  # "Congo" is also in "Democratic Republic of the Congo"
            self.add(name, canons[0], checked=True)
        # A demonym two countries share goes to the more populous: "Indian" is India's,
        # not the British Indian Ocean Territory's.
        by_size = sorted(world.items(), key=lambda kv: -kv[1]["population"])
        for code, country in by_size:
            for demonym in country["demonyms"]:
                self.add(demonym, canon_of[code], checked=True)
                if demonym.endswith(("an", "i")):
                    self.add(demonym + "s", canon_of[code], checked=True)

    @staticmethod
    def _canonical_names(world: dict, hand: dict) -> dict[str, str]:
        """Each country's name: the hand table's where it names the same country
        ("Palestine", not "Palestinian Territory"), else the packages' short name."""
        found = {}
        for code, country in world.items():
            chosen = next((canon for canon in hand if canon in country["names"]), None)
            found[code] = chosen or next(iter(country["names"]), code)
        return found

    def add(self, name: str, canon: str, checked: bool = False) -> None:
        """`name` stands for `canon`, unless an earlier entry took it, or, for a
        package's name, it is an ordinary capitalised word."""
        if name in self.party_of:
            return
        if checked and (name.lower() in self.ordinary or len(name) < 3):
            return
        self.party_of[name] = canon


def _word_runs(names: dict[str, list[str]]) -> dict[str, set[str]]:
    """Every run of whole words in a name, to the countries whose names hold it."""
    found: dict[str, set[str]] = {}
    for name, canons in names.items():
        words = name.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                found.setdefault(" ".join(words[i:j]), set()).update(canons)
    return found


def _claims(pairs) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for canon, name in pairs:
        if canon not in found.setdefault(name, []):
            found[name].append(canon)
    return found


class _Places:
    """Places and their kinds; the first claim to a name wins, so a country is never
    shadowed by a state of that name, nor a state by a city."""

    def __init__(self, parties: _Parties):
        self.kind: dict[str, str] = {}
        self.country: dict[str, set[str]] = {}
        self.population: dict[str, int] = {}
        self.parties = parties
        self.canon_of = {code: canon for canon, code in parties.code.items() if code}

    def add(self, name: str, kind: str, code: str | None = None) -> None:
        country = self.canon_of.get(code) if code else None
        if kind in (PlaceKind.SUBDIVISION, PlaceKind.CITY):
            if name.lower() in self.parties.ordinary or not name[:1].isupper():
                return
            party = self.parties.party_of.get(name)
            if party is not None and party != country and self.parties.code.get(party):
                return  # "Georgia" the state is not Georgia the country
        if name in self.kind and self.kind[name] != kind:
            return
        self.kind[name] = kind
        if country:
            self.country.setdefault(name, set()).add(country)
