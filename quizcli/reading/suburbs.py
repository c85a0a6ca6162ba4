"""Which cities are parts of a greater city: a wrong answer beside a city is another
city, not one of its suburbs ("Sakai" beside "Osaka")."""

from __future__ import annotations

import math
from collections.abc import Iterable

from quizcli.reading.world import CITY_POPULATION

SUBURB_KM = 25
"""How near a larger city a city must lie to be counted a part of it."""


def suburbs(cities: Iterable[dict], kept: set[str]) -> list[str]:
    """Cities within `SUBURB_KM` of a city of the same country twice as populous,
    found cell by cell on a grid of about that size, not by comparing every pair."""
    cell = SUBURB_KM / 111.0  # degrees of latitude
    grid: dict[tuple[int, int], list[dict]] = {}
    cities = [c for c in cities if c["population"] >= CITY_POPULATION]
    for city in cities:
        key = (int(city["latitude"] // cell), int(city["longitude"] // cell))
        grid.setdefault(key, []).append(city)
    found = set()
    for city in cities:
        if city["name"] not in kept:
            continue
        lat, lon = city["latitude"], city["longitude"]
        row, col = int(lat // cell), int(lon // cell)
        scale = max(math.cos(math.radians(lat)), 0.1)
        for other in (o for dr in (-1, 0, 1) for dc in (-2, -1, 0, 1, 2)
                      for o in grid.get((row + dr, col + dc), ())):
            if (other["countrycode"] == city["countrycode"]
                    and other["population"] >= 2 * city["population"]
                    and math.hypot(other["latitude"] - lat, (other["longitude"] - lon) * scale)
                    * 111.0 <= SUBURB_KM):
                found.add(city["name"])
                break
    return sorted(found)
