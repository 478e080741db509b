"""Where the ground war was on a given day: a prior for villages that share a name.

Dozens of Ukrainian villages share each common name (Andriivka, Kamianka, Berezivka). A report
dated in March 2022 of "Russian troops in Berezivka" is far more likely about the Berezivka in Kyiv
Oblast, where Russian troops were that month, than the larger Berezivka in Odesa Oblast, where they
never were. :func:`front_units` gives the first-level units with ground fighting (or occupying
troops) on a date; the resolver adds :data:`FRONT_BONUS` to candidates there (see
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

# (GeoNames admin1 code, unit, first day, last day or None)
FRONT: tuple[tuple[str, str, dt.date, dt.date | None], ...] = (
    ("UA.05", "Donetsk Oblast", _D(2014, 4, 12), None),
    ("UA.14", "Luhansk Oblast", _D(2014, 4, 12), None),
    ("UA.07", "Kharkiv Oblast", _D(2022, 2, 24), None),
    ("UA.08", "Kherson Oblast", _D(2022, 2, 24), None),
    ("UA.26", "Zaporizhzhia Oblast", _D(2022, 2, 24), None),
    ("UA.16", "Mykolaiv Oblast", _D(2022, 2, 24), _D(2022, 11, 11)),  # until Kherson's liberation
    ("UA.13", "Kyiv Oblast", _D(2022, 2, 24), _D(2022, 4, 2)),  # the withdrawal from the north
    ("UA.02", "Chernihiv Oblast", _D(2022, 2, 24), _D(2022, 4, 4)),
    ("UA.21", "Sumy Oblast", _D(2022, 2, 24), _D(2022, 4, 8)),
    ("UA.21", "Sumy Oblast", _D(2025, 3, 1), None),  # the offensive north of Sumy after Kursk
    ("UA.04", "Dnipropetrovsk Oblast", _D(2025, 6, 1), None),
    ("RU.41", "Kursk Oblast", _D(2024, 8, 6), _D(2025, 4, 26)),  # the Ukrainian incursion
)

FRONT_BONUS = 2.0  # in log10(population) units: a front village beats a namesake 100 times larger
AFTERMATH = dt.timedelta(days=60)  # the damage, the dead and the wrecks are reported for weeks after


@lru_cache(maxsize=4096)
def front_units(on: dt.date | None) -> frozenset[str]:
    """GeoNames admin1 codes of the units with ground fighting on `on`, or in the
    :data:`AFTERMATH` weeks after it ended there (none without a date)."""
    if on is None:
        return frozenset()
    return frozenset(code for code, _, first, last in FRONT
                     if first <= on and (last is None or on <= last + AFTERMATH))
