"""Where a blank stands among places: one of a list of them, or after the town it is
the state or country of. Such a place is no fact to ask."""

from __future__ import annotations

import re

from quizcli.reading.gazetteer import PlaceKind, gazetteer

_NAME = r"(?:the\s)?([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2})"
_LIST_AFTER = re.compile(rf",\s{_NAME},\s(?:and\s)?{_NAME}")
_LIST_BEFORE = re.compile(rf"{_NAME},\s{_NAME},\s(?:and\s)?(?:the\s)?$")
_ONE_BEFORE = re.compile(rf"{_NAME},\s(?:the\s)?$")
_ONE_AFTER = re.compile(rf"(?:,|\s(?:and|or))\s{_NAME}")
"""Two more places listed beside a blank: "_____, Nepal, the Maldives and Myanmar …"."""
_PLACE_BEFORE = re.compile(r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}),\s$")


def one_of_a_list(before: str, after: str) -> bool:
    """Whether the blank is one of three places or more listed together."""
    table = gazetteer()
    start = max(0, len(before) - 80)
    listed = _LIST_AFTER.match(after) or _LIST_BEFORE.search(before, start)
    names = list(listed.groups()) if listed else []
    if not names:
        one_before, one_after = _ONE_BEFORE.search(before, start), _ONE_AFTER.match(after)
        names = [one_before.group(1), one_after.group(1)] if one_before and one_after else []
    return bool(names) and all(name in table.party_of or name in table.places for name in names)


def country_of_the_place_before(before: str, answer: str) -> bool:
    """Whether the answer is the country of the town or state named just before it, or
    a state after a town: "Headquarters: Gangtok, _____" is its address."""
    place = _PLACE_BEFORE.search(before, max(0, len(before) - 40))
    table = gazetteer()
    canon = table.party_of.get(answer)
    if place is not None and table.place_kind.get(place.group(1)) is PlaceKind.CITY and (
            table.place_kind.get(answer) is PlaceKind.SUBDIVISION):
        return True
    return place is not None and canon in table.countries and canon in (
        table.place_country.get(place.group(1), ()))
