"""Where the ground war was on a given day: a prior for villages that share a name.

Dozens of Ukrainian villages share each common name (Andriivka, Kamianka, Berezivka). A report
dated in March 2022 of "Russian troops in Berezivka" is far more likely about the Berezivka in Kyiv
Oblast, where Russian troops were that month, than the larger Berezivka in Odesa Oblast, where they
never were. :func:`front_units` gives the units (oblasts, or raions where the fighting held
only part of one) with ground fighting, occupying troops or daily shelling across the line on a
date; the resolver adds :data:`FRONT_BONUS` to candidates there (see
:mod:`eventwire.geocode.resolver`). It is a prior, not a filter: a qualifier ("Berezivka, Odesa
Oblast") or the document's other places still decide, and a town much larger than its namesakes
on the front still wins.

The table is written by hand from the public record of the war (dates of the invasion, the
Russian withdrawal from the north, the liberation of right-bank Kherson, the Kursk incursion, the
fighting inside Dnipropetrovsk and again in Sumy Oblast). Keys are GeoNames admin1 codes
(``UA.05`` is Donetsk Oblast, not ISO UA-05). Update it as the front moves; an open end means
"to this day".
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_D = dt.date

# (GeoNames admin1 code, raion or None for the whole unit, unit, first day, last day or None)
FRONT: tuple[tuple[str, str | None, str, dt.date, dt.date | None], ...] = (
    ("UA.05", None, "Donetsk Oblast", _D(2014, 4, 12), None),
    ("UA.14", None, "Luhansk Oblast", _D(2014, 4, 12), None),
    # Kharkiv Oblast but its south-west (Berestyn and Lozova Raions, never reached)
    ("UA.07", "Kharkiv Raion", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.07", "Chuhuiv Raion", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.07", "Bohodukhiv Raion", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.07", "Izium Raion", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.07", "Kupiansk Raion", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.08", None, "Kherson Oblast", _D(2022, 2, 24), None),
    ("UA.26", None, "Zaporizhzhia Oblast", _D(2022, 2, 24), None),
    # the north, until the withdrawal at the start of April 2022
    ("UA.13", "Bucha Raion", "Kyiv Oblast", _D(2022, 2, 24), _D(2022, 4, 2)),
    ("UA.13", "Vyshhorod Raion", "Kyiv Oblast", _D(2022, 2, 24), _D(2022, 4, 2)),
    ("UA.13", "Brovary Raion", "Kyiv Oblast", _D(2022, 2, 24), _D(2022, 4, 2)),
    ("UA.02", None, "Chernihiv Oblast", _D(2022, 2, 24), _D(2022, 4, 4)),
    ("UA.21", None, "Sumy Oblast", _D(2022, 2, 24), _D(2022, 4, 8)),
    # the south, until the liberation of right-bank Kherson
    ("UA.16", "Mykolaiv Raion", "Mykolaiv Oblast", _D(2022, 2, 24), _D(2022, 11, 11)),
    ("UA.16", "Bashtanka Raion", "Mykolaiv Oblast", _D(2022, 2, 24), _D(2022, 11, 11)),
    ("UA.16", "Voznesensk Raion", "Mykolaiv Oblast", _D(2022, 2, 24), _D(2022, 11, 11)),
    ("UA.04", "Kryvorizkyi Raion", "Dnipropetrovsk Oblast", _D(2022, 3, 1), _D(2022, 11, 11)),
    # across the Dnipro from the occupied left bank: shelled daily
    ("UA.04", "Nikopol Raion", "Dnipropetrovsk Oblast", _D(2022, 7, 1), None),
    # the Ukrainian incursion into Kursk, and the Russian offensives after it
    ("RU.41", None, "Kursk Oblast", _D(2024, 8, 6), _D(2025, 4, 26)),
    ("UA.21", "Sumy Raion", "Sumy Oblast", _D(2025, 3, 1), None),
    ("UA.04", "Synelnykove Raion", "Dnipropetrovsk Oblast", _D(2025, 6, 1), None),
)

FRONT_BONUS = 2.0  # in log10(population) units: a front village beats a namesake 100 times larger
AFTERMATH = dt.timedelta(days=60)  # the damage, the dead and the wrecks are reported for weeks after


@lru_cache(maxsize=4096)
def front_units(on: dt.date | None) -> frozenset[str]:
    """Keys of the units with ground fighting on `on`, or in the :data:`AFTERMATH` weeks after it
    ended there (none without a date): a GeoNames admin1 code ("UA.05") for a whole unit, else
    :func:`raion_key` of a raion ("UA.13/bucha raion")."""
    if on is None:
        return frozenset()
    return frozenset(code if raion is None else raion_key(code, raion)
                     for code, raion, _, first, last in FRONT
                     if first <= on and (last is None or on <= last + AFTERMATH))


def raion_key(admin1_code: str, raion: str) -> str:
    """The key of a raion in :func:`front_units`' answers."""
    return f"{admin1_code}/{raion.lower()}"
