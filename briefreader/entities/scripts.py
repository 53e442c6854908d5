"""Names in Arabic script and Cyrillic: how they are folded and how they vary.

**Folding** (`SCRIPT_FOLD`, applied by match_text.py to every letter of another
script, one character for one, so offsets never move):

- Arabic script: the hamza and madda forms of alef (أ إ آ ٱ) are alef; alef
  maksura and the Persian and Urdu yeh (ى ی ے) are yeh; keheh (ک) is kaf;
  teh marbuta and the Urdu and Kurdish heh forms (ة ہ ۃ ە) are heh; hamza on
  waw or yeh (ؤ ئ) is the bare letter. Writers and keyboards mix all of these,
  so "ولاية خراسان" and "ولايه خراسان", or Persian "دولت اسلامی" typed with
  Arabic yeh, are one name. Tatweel and the short-vowel marks (harakat, shadda,
  sukun) are deleted, like combining accents in Latin text (normalise.py's
  DELETABLE): "داعِش" is "داعش".
- Cyrillic: upper case folds to lower case and ё to е, so "ИГИЛ", "Игил" and
  "игил" are one key. (Latin names keep case variants instead, because
  "US" and "us" must differ; no Cyrillic name in the gazetteer has such a
  twin, and Russian capitalises names inconsistently: "Исламское
  государство", "Исламское Государство".)

**Variants** the matcher compiles for a name in these scripts:

- Arabic (`arabic_variants`): the one-letter words written joined to the next
  word, "و" (and), "ف" (so), "ب" (by, in), "ل" (for), "ك" (as), alone or
  paired ("وب", "ول"...); before the article "ال" the preposition "ل" makes
  "لل" ("للقاعدة"). The mention's span leaves the prefix out: in "وداعش" the
  mention is "داعش".
- Russian (`russian_forms`): the six cases of the name. Adjectives and nouns
  decline by their ending up to the first noun ("Исламского государства
  Ирака и Леванта"); acronyms and indeclinable foreign words
  ("Мали", "Сомали", "Марокко") stay as they are. Stems that change
  ("Египет", "Египта") are written into the gazetteer as names of their own.
"""

from __future__ import annotations

import re

#: Letters of Arabic script folded to one form (see the module doc).
_ARABIC = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ے": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ہ": "ه", "ۃ": "ه", "ە": "ه", "ھ": "ه",
    "ؤ": "و",
}  # fmt: skip
#: Deleted from Arabic-script text: tatweel, harakat, shadda, sukun, the
#: superscript alef and the Quranic annotation marks.
ARABIC_DELETABLE = frozenset(
    "\u0640"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "\u06e7\u06e8"
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
)


def _cyrillic() -> dict[str, str]:
    table = {chr(c): chr(c + 0x20) for c in range(0x0410, 0x0430)}  # А-Я -> а-я
    table.update({chr(c): chr(c + 0x50) for c in range(0x0400, 0x0410)})  # Ѐ-Џ -> ѐ-џ
    table["Ё"] = table["ё"] = "е"
    return table


#: `str.translate` table: Arabic-script letter forms and Cyrillic case.
SCRIPT_FOLD = str.maketrans({**_ARABIC, **_cyrillic()})

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def is_arabic_script(name: str) -> bool:
    return _ARABIC_LETTER.search(name) is not None


def is_cyrillic(name: str) -> bool:
    return _CYRILLIC_LETTER.search(name) is not None


#: One-letter words Arabic writes joined to the next word, alone and paired.
_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def arabic_variants(name: str) -> list[tuple[str, int]]:
    """(spelling, length of the joined prefix) for an Arabic name.

    Starts with the name itself (prefix 0). "ل" before the article drops
    the article's alef: "ل" + "القاعدة" is "للقاعدة".
    """
    out = [(name, 0)]
    article = name.startswith(("ال", "أل"))
    for prefix in _PREFIXES:
        if article and prefix.endswith("ل"):
            out.append((prefix + name[1:], len(prefix)))
        else:
            out.append((prefix + name, len(prefix)))
    return out


# --- Russian declension ------------------------------------------------------

#: Endings by case (nominative, genitive, dative, accusative, instrumental,
#: prepositional); a case may have several. The key is the ending replaced.
_ADJECTIVES: dict[str, tuple[tuple[str, ...], ...]] = {
    "ий": (("ий",), ("ого",), ("ому",), ("ий",), ("им",), ("ом",)),
    "ый": (("ый",), ("ого",), ("ому",), ("ый",), ("ым",), ("ом",)),
    "ой": (("ой",), ("ого",), ("ому",), ("ой",), ("ым", "им"), ("ом",)),
    "ая": (("ая",), ("ой",), ("ой",), ("ую",), ("ой",), ("ой",)),
    "яя": (("яя",), ("ей",), ("ей",), ("юю",), ("ей",), ("ей",)),
    "ое": (("ое",), ("ого",), ("ому",), ("ое",), ("ым", "им"), ("ом",)),
    "ее": (("ее",), ("его",), ("ему",), ("ее",), ("им",), ("ем",)),
    "ые": (("ые",), ("ых",), ("ым",), ("ые",), ("ыми",), ("ых",)),
    "ие": (("ие",), ("их",), ("им",), ("ие",), ("ими",), ("их",)),
}
_NOUNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ие": (("ие",), ("ия",), ("ию",), ("ие",), ("ием",), ("ии",)),
    "ия": (("ия",), ("ии",), ("ии",), ("ию",), ("ией",), ("ии",)),
    "а": (("а",), ("ы", "и"), ("е",), ("у",), ("ой", "ей"), ("е",)),
    "я": (("я",), ("и",), ("е", "и"), ("ю",), ("ей",), ("е", "и")),
    "й": (("й",), ("я",), ("ю",), ("й",), ("ем",), ("е",)),
    "ь": (("ь",), ("я", "и"), ("ю", "и"), ("ь",), ("ем", "ью"), ("е", "и")),
    "о": (("о",), ("а",), ("у",), ("о",), ("ом",), ("е",)),
    "ы": (("ы",), ("", "ов"), ("ам",), ("ы",), ("ами",), ("ах",)),
    "": (("",), ("а",), ("у",), ("",), ("ом",), ("е",)),
}
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые")
#: "-ие" is a plural adjective after these ("Арабские"), else a noun ("Движение").
_PLURAL_ADJECTIVE = ("ские", "цкие", "кие", "гие", "хие")
#: Foreign words that never decline, by ending ("Мали", "Перу", "Марокко", "Того").
_INDECLINABLE = ("и", "у", "ю", "э", "е", "ко", "го", "то", "со", "бо", "ло")


def _decline(word: str, ending: str, cases: tuple[tuple[str, ...], ...]) -> _Cases:
    stem = word[: len(word) - len(ending)]
    return tuple(tuple(stem + e for e in case) for case in cases)


_Cases = tuple[tuple[str, ...], ...]


def _word_forms(word: str) -> tuple[_Cases, bool] | None:
    """(forms by case, is a noun) for one lower-case word; None if it never declines."""
    if len(word) < 3:
        return None
    if word.endswith("ие"):
        adjective = word.endswith(_PLURAL_ADJECTIVE)
        table = _ADJECTIVES if adjective else _NOUNS
        return _decline(word, "ие", table["ие"]), not adjective
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) > 4:
            return _decline(word, ending, _ADJECTIVES[ending]), False
    if word.endswith(_INDECLINABLE):
        return None
    for ending in ("ия", "а", "я", "й", "ь", "о", "ы"):
        if word.endswith(ending):
            return _decline(word, ending, _NOUNS[ending]), True
    if word[-1] in _CONSONANTS:
        return _decline(word, "", _NOUNS[""]), True
    return None


def _last_part(word: str) -> tuple[str, str]:
    """ "аль-Каида" -> ("аль-", "Каида"): a hyphenated word declines its last part."""
    head, _, tail = word.rpartition("-")
    return (head + "-" if head else ""), tail


def russian_forms(name: str) -> list[str]:
    """The name in its six cases (see the module doc), the name itself first."""
    words = name.split(" ")
    declined: list[tuple[tuple[str, ...], ...]] = []
    for word in words:
        head, tail = _last_part(word)
        letters = [c for c in tail if c.isalpha()]
        if not letters or (all(c.isupper() for c in letters) and len(letters) > 1):
            break  # an acronym ("ИГИЛ", "США") ends the declining part
        found = _word_forms(tail.lower())
        if found is None:
            break
        cases, noun = found
        first_upper = tail[:1].isupper()
        declined.append(
            tuple(
                tuple(head + (f[:1].upper() + f[1:] if first_upper else f) for f in case)
                for case in cases
            )
        )
        if noun:
            break
    out = [name]
    if not declined:
        return out
    rest = " ".join(words[len(declined) :])
    for case in range(1, 6):
        combos: list[str] = [""]
        for word_cases in declined:
            combos = [f"{c} {f}".strip() for c in combos for f in word_cases[case]]
        for combo in combos:
            form = f"{combo} {rest}".strip()
            if form not in out:
                out.append(form)
    return out


def script_variants(language: str, name: str) -> list[tuple[str, int]]:
    """(spelling, prefix length) the matcher compiles for a name in `language`."""
    if language == "ar" and is_arabic_script(name):
        return arabic_variants(name)
    if language == "ru" and is_cyrillic(name):
        return [(form, 0) for form in russian_forms(name)]
    return [(name, 0)]
