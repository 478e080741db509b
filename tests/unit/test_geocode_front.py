"""The dated front-line prior for same-name villages, and typos in unit names."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.geocode import GazetteerGeocoder, default_geocoder
from eventwire.geocode.front import FRONT, front_units, raion_key

D = dt.date
DONETSK, SUMY = "UA.05", "UA.21"
BUCHA = raion_key("UA.13", "Bucha Raion")  # Kyiv Oblast
IZIUM = raion_key("UA.07", "Izium Raion")  # Kharkiv Oblast
LOZOVA = raion_key("UA.07", "Lozova Raion")  # Kharkiv Oblast, never reached
SYNELNYKOVE = raion_key("UA.04", "Synelnykove Raion")  # Dnipropetrovsk Oblast


@pytest.fixture(scope="module")
def geo() -> GazetteerGeocoder:
    return default_geocoder()


def test_no_date_no_front() -> None:
    assert front_units(None) == frozenset()


def test_front_moves_with_the_date() -> None:
    before = front_units(D(2021, 6, 1))
    assert DONETSK in before and IZIUM not in before and BUCHA not in before
    march_2022 = front_units(D(2022, 3, 10))
    assert {DONETSK, IZIUM, BUCHA, SUMY} <= march_2022
    assert SYNELNYKOVE not in march_2022 and LOZOVA not in march_2022
    # after the withdrawal from the north, the aftermath is reported for weeks, then not
    assert BUCHA in front_units(D(2022, 5, 15))
    assert BUCHA not in front_units(D(2022, 7, 1))
    later = front_units(D(2025, 9, 1))
    assert {SYNELNYKOVE, DONETSK, IZIUM} <= later and BUCHA not in later and SUMY not in later


def test_every_raion_of_the_table_is_in_the_gazetteer() -> None:
    from eventwire.geocode.gazetteer import gazetteer

    known = {raion_key(r.a1, r.name) for r in gazetteer().raions}
    keys = set().union(*(front_units(day) for _, _, _, day, _ in FRONT))
    assert {k for k in keys if "/" in k} <= known


def test_a_front_town_beats_a_larger_rear_namesake_on_its_date(geo) -> None:
    assert geo.resolve("Zolochiv", ["UKR"]).admin1 == "Lviv Oblast"  # no date: the larger one
    assert geo.resolve("Zolochiv", ["UKR"], D(2022, 5, 1)).admin1 == "Kharkiv Oblast"


def test_a_qualifier_still_decides(geo) -> None:
    loc = geo.resolve("Zolochiv, Lviv Oblast", ["UKR"], D(2022, 5, 1))
    assert (loc.name, loc.admin1, loc.precision) == ("Zolochiv", "Lviv Oblast", "city")


def test_namesakes_all_on_the_front_in_one_oblast_give_the_oblast(geo) -> None:
    assert geo.resolve("Dovhenke", ["UKR"]).precision == "country"  # spread over two oblasts
    loc = geo.resolve("Dovhenke", ["UKR"], D(2022, 6, 1))  # only Kharkiv's are on the front
    assert (loc.admin1, loc.precision) == ("Kharkiv Oblast", "admin1")


def test_namesakes_on_several_front_oblasts_stay_unresolved(geo) -> None:
    # Buzova: villages in Kyiv Oblast's Bucha Raion and Kharkiv Oblast's Bohodukhiv Raion, both
    # on the front in March 2022
    assert geo.resolve("Buzova", ["UKR"], D(2022, 3, 10)).precision == "country"


def test_cities_are_not_moved_by_the_front(geo) -> None:
    for name, admin1 in (("Lviv", "Lviv Oblast"), ("Odesa", "Odesa Oblast"), ("Kyiv", "Kyiv City")):
        assert geo.resolve(name, ["UKR"], D(2023, 6, 1)).admin1 == admin1


@pytest.mark.parametrize("text, admin1", [
    ("Luhanks Oblast", "Luhansk Oblast"),  # two letters swapped
    ("Donestk region", "Donetsk Oblast"),
    ("Kharkviv Oblast", "Kharkiv Oblast"),  # a letter added
    ("Polatva Oblast", "Poltava Oblast"),
])
def test_a_typo_in_a_unit_name_still_finds_the_unit(geo, text, admin1) -> None:
    loc = geo.resolve(text, ["UKR"])
    assert (loc.admin1, loc.precision) == (admin1, "admin1")


def test_a_village_under_a_misspelt_oblast_is_in_that_oblast(geo) -> None:
    loc = geo.resolve("Komyshuvaka, Luhanks Oblast", ["UKR"])
    assert loc.admin1 == "Luhansk Oblast"


def test_no_unit_for_a_word_far_from_any(geo) -> None:
    assert geo.resolve("Blorptastic Oblast", ["UKR"]) is None


def test_village_of_a_russian_spelling(geo) -> None:
    # "village of X" looks X up with the same spelling variants as a bare name
    assert geo.resolve("town of Zolochev", ["UKR"], D(2022, 5, 1)).admin1 == "Kharkiv Oblast"
    loc = geo.resolve("village of Buzovaya", ["UKR"], D(2022, 3, 10))
    assert (loc.country, loc.precision) == ("UKR", "country")
