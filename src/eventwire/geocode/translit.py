"""Ukrainian Cyrillic -> Latin: the official national transliteration, and the other spellings of
the same names that English-language news uses.

:func:`transliterate` implements the Ukrainian national system (Resolution No. 55 of the Cabinet of
Ministers of Ukraine, 27 January 2010), which is also what GeoNames, the UN and most English news use
for Ukrainian place names today: ``"Очеретине"`` -> ``"Ocheretyne"``, ``"Запоріжжя"`` ->
``"Zaporizhzhia"``, ``"Згурівка"`` -> ``"Zghurivka"``. Its rules:

* є, ї, й, ю, я are ``Ye``, ``Yi``, ``Y``, ``Yu``, ``Ya`` at the start of a word and ``ie``, ``i``,
  ``i``, ``iu``, ``ia`` elsewhere;
* the soft sign (ь) and the apostrophe are dropped;
* зг is ``zgh`` (so that it is not read as ж);
* the rest letter for letter: г ``h``, ґ ``g``, и ``y``, і ``i``, х ``kh``, ц ``ts``, ч ``ch``,
  ш ``sh``, щ ``shch``.

:func:`variants` gives the other spellings a name is met in (lower-case, for the name index):
BGN/PCGN style (``Svyatohirs'k``, ``Kupyansk``), Russian-style letter values (``g`` for г, ``i``
for и), Russian-style endings (``-skoye``, ``-ino``, ``-ovka``) and the English simplifications of
adjectival endings (``-sky``, ``-skiy``). A few systematic rewrites, not a dictionary: a Russian name
that differs in its vowels or stem (Ugledar for Vuhledar) is only found when GeoNames lists it.
Russian letters that Ukrainian lacks (ы, э, ъ, ё) are given their usual values, so Russian names
can be passed too.
"""

from __future__ import annotations

import re

__all__ = ["transliterate", "variants"]

APOSTROPHES = "'’ʼ‘`´ʹ′ʻ"

# Letters with one value everywhere (lower case; upper case is derived).
_PLAIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "",
    # Russian letters (not in the Ukrainian alphabet), in their common English values
    "ы": "y", "э": "e", "ъ": "", "ё": "e",
}
# Letters whose value depends on the position: (at the start of a word, elsewhere).
_POSITIONAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"),
               "я": ("ya", "ia")}
_WORD_CHARS = set(_PLAIN) | set(_POSITIONAL) | set(APOSTROPHES)


def _is_cyr_letter(ch: str) -> bool:
    return ch.lower() in _PLAIN or ch.lower() in _POSITIONAL


def transliterate(text: str) -> str:
    """The official Ukrainian transliteration of `text` (other characters are kept as they are).

    Case follows the source: ``"Щастя"`` -> ``"Shchastia"``, ``"ЩАСТЯ"`` -> ``"SHCHASTIA"``.
    A word starts after anything that is not a letter or an apostrophe (space, hyphen, digit):
    ``"Нова Ярославка"`` -> ``"Nova Yaroslavka"``.
    """
    out: list[str] = []
    n = len(text)
    at_start = True
    for i, ch in enumerate(text):
        low = ch.lower()
        if low in _POSITIONAL:
            lat = _POSITIONAL[low][0 if at_start else 1]
        elif low in _PLAIN:
            lat = _PLAIN[low]
            if low == "г" and i > 0 and text[i - 1].lower() == "з":
                lat = "gh"  # зг -> zgh
        elif ch in APOSTROPHES:
            if out and i + 1 < n and _is_cyr_letter(text[i + 1]):
                at_start = False
                continue  # an apostrophe inside a word is dropped
            out.append(ch)
            at_start = True
            continue
        else:
            out.append(ch)
            at_start = not ch.isalpha()
            continue
        if lat and ch != low:  # upper case: "Zh", or "ZH" inside an upper-case word
            nxt = text[i + 1] if i + 1 < n else ""
            prv = text[i - 1] if i > 0 else ""
            if (nxt.isalpha() and nxt.isupper()) or (not nxt.isalpha() and prv.isalpha()
                                                     and prv.isupper()):
                lat = lat.upper()
            else:
                lat = lat[0].upper() + lat[1:]
        out.append(lat)
        at_start = False
    return "".join(out)


# -- variants ------------------------------------------------------------------------------------

# BGN/PCGN (1965) and most older English texts: є ї й ю я are ye yi y yu ya everywhere (й at a
# word's end after и/і: "-yy"/"-iy"); the soft sign an apostrophe (dropped by the name keys).
_BGN = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Ukrainian letters read with their Russian values (г g, и i, е e ...): "Bilogorivka".
_RUSSIAN_LETTERS = {"г": "g", "и": "i", "і": "i", "ї": "yi", "є": "ye", "й": "y", "ю": "yu",
                    "я": "ya", "х": "kh", "е": "e"}
# Endings: Ukrainian neuter adjective -е is Russian -ое/-о ("Kurakhove"/"Kurakhovo",
# "Ocheretyne"/"Ocheretino", "Staromaiorske"/"Staromayorskoye").
_ENDINGS = [
    (re.compile(r"(sk|tsk|zk)e$"), (r"\1oye", r"\1oe")),
    (re.compile(r"([nv])e$"), (r"\1o", r"\1oye", r"\1oe")),
    (re.compile(r"ivka$"), (r"ovka", r"evka")),
    (re.compile(r"yi$"), (r"y", r"iy", r"yy")),  # adjectives: Velykyi, Podilskyi
]
# First words of two-word names ending in -a are feminine adjectives: Russian -aya ("Nova
# Kakhovka" / "Novaya Kakhovka", "Mala" / "Malaya").
_ADJ_A = re.compile(r"^([a-z]+[^aeiouy])a$")
_MAX_VARIANTS = 12


def _translit_with(text: str, table: dict[str, str]) -> str:
    """`text` with the letters of `table` (lower case) replaced first, the rest as official."""
    parts: list[str] = []
    buf: list[str] = []
    for ch in text.lower():
        if ch in table:
            if buf:
                parts.append(transliterate("".join(buf)))
                buf = []
            parts.append(table[ch])
        else:
            buf.append(ch)
    if buf:
        parts.append(transliterate("".join(buf)))
    # (each table holds all of є ї й ю я, so no positional letter starts a buffered run mid-word)
    return "".join(parts)


def variants(name: str) -> list[str]:
    """Lower-case Latin spellings of a Ukrainian (Cyrillic) name, the official one first, then the
    others news uses; without duplicates, at most a dozen.

    >>> variants("Святогірськ")[:2]
    ['sviatohirsk', 'svyatohirsk']
    """
    src = name.strip()
    if not src:
        return []
    official = transliterate(src).lower()
    seen: dict[str, None] = {}
    for b in (official, _translit_with(src, _BGN), _translit_with(src, _RUSSIAN_LETTERS)):
        seen.setdefault("".join(ch for ch in b if ch not in APOSTROPHES), None)
    for b in list(seen):
        for pat, reps in _ENDINGS:
            words = b.split(" ")
            if any(pat.search(w) for w in words):
                for rep in reps:
                    seen.setdefault(" ".join(pat.sub(rep, w) for w in words), None)
        words = b.split(" ")
        if len(words) > 1 and _ADJ_A.match(words[0]):
            seen.setdefault(" ".join([words[0] + "ya", *words[1:]]), None)
    return list(seen)[:_MAX_VARIANTS]
