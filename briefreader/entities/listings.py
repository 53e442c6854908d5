"""Names as the official lists print them, and the spellings the matcher takes from them.

The gazetteer keeps, for each organisation, the names each official list
gives it (UN, OFAC, the State Department's FTO list, the UK's Schedule 2, the
EU list) in a `Listing`, exactly as printed, with the list and the date of
the copy they were read from. Those names are provenance first: an analyst
can see which list calls a group what, and since when.

They are also spellings, but not as printed: the UN and OFAC print names in
capitals ("AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)"), which the matcher
would accept only in capitals. `official_spellings` turns a printed name into
the spellings a reader meets in running text: the name in natural case
("al-Qaida in the Arabian Peninsula"), each part in brackets or after a slash
("AQAP"), and the printed whole, so that the full official form is found as
one mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

#: Words written in lower case inside a name: Arabic and Persian particles,
#: English, French and Spanish function words.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "ul",
        "ud",
        "ur",
        "e",
        "i",
        "wa",
        "wal",
        "fi",
        "fil",
        "li",
        "lil",
        "bi",
        "bin",
        "ibn",
        "of",
        "the",
        "in",
        "and",
        "for",
        "to",
        "on",
        "at",
        "by",
        "with",
        "from",
        "de",
        "del",
        "la",
        "le",
        "les",
        "du",
        "des",
        "et",
        "y",
        "en",
        "da",
        "di",
        "van",
        "von",
    ]
)

_BRACKETED = re.compile(r"\(([^()]*)\)")
_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Source:
    """One official list, and the copy of it the names were read from."""

    key: str
    title: str
    #: The date of the copy read (ISO, as precise as known); "" when unknown.
    read: str = ""
    #: What the copy was, in words ("stored copy of the consolidated XML ...").
    copy: str = ""


@dataclass(frozen=True, slots=True)
class Listing:
    """The names one list gives one organisation, exactly as printed."""

    source: str
    names: tuple[str, ...]
    #: The list's own reference for the organisation (QDe.118, an OFAC entry number).
    ref: str = ""
    #: The date of the copy, when it differs from the source's.
    read: str = ""


def clean(name: str) -> str:
    """A printed name with its line breaks and runs of spaces made single spaces.

    A hyphen that ended a printed line joins the two halves ("ISIL-\\nK" is "ISIL-K").
    """
    return _SPACES.sub(" ", re.sub(r"-\s*\n\s*", "-", name)).strip()


def is_acronym(part: str) -> bool:
    """ "AQAP", "ISIL-K", "CPP/NPA", "JuA": one short token, mostly capitals.

    A longer word in capitals is a name printed in capitals ("HIZBALLAH",
    "KONGRA-GEL"), unless it carries a digit or a slash ("ADF/NALU").
    """
    if " " in part or not part:
        return False
    letters = _LETTERS.findall(part)
    if not letters or len(letters) > 10:
        return False
    upper = sum(ch.isupper() for ch in letters)
    if upper == len(letters):
        return len(letters) <= 5 or any(ch.isdigit() or ch == "/" for ch in part)
    return len(letters) <= 5 and upper >= 2


def _mostly_capitals(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _case_word(word: str, first: bool, acronyms: Container[str]) -> str:
    core = word.strip("()[]\"'“”‘’,.;:")
    if core != word and core:
        head = word[: word.index(core)]
        return head + _case_word(core, first, acronyms) + word[len(head) + len(core) :]
    if not word or not word[0].isalpha():
        return word
    if word.upper() in acronyms:
        return word.upper()
    if word.lower() in PARTICLES and (not first or word.lower() in ("al", "el", "the")):
        return word.lower()
    return word[0].upper() + word[1:].lower()


def natural_case(name: str, acronyms: Iterable[str] = ()) -> str:
    """ "AL-QAIDA IN THE ARABIAN PENINSULA" -> "al-Qaida in the Arabian Peninsula".

    Only names printed (mostly) in capitals are changed. Known acronyms
    ("ISIL" in "ISIL KHORASAN") keep their capitals; particles are written in
    lower case, also at the start ("al-Qaida", "the Base"), since the matcher
    accepts a leading capital anyway.
    """
    if not _mostly_capitals(name):
        return name
    return _natural_case(name, frozenset(a.upper() for a in acronyms))


def _natural_case(name: str, known: Container[str]) -> str:
    """`natural_case` with the acronyms already in capitals."""
    out: list[str] = []
    for index, token in enumerate(name.split(" ")):
        pieces = re.split(r"([-/])", token)
        out.append(
            "".join(
                _case_word(piece, index == 0 and position == 0, known)
                for position, piece in enumerate(pieces)
            )
        )
    return " ".join(out)


#: What separates two names in one printed entry: " / ", "; ", ", aka ".
_SEPARATORS = re.compile(r"\s+/\s+|;\s*|,?\s+a\.?k\.?a\.?\s+|,\s+(?=(?:aka|a\.k\.a\.)\s)")
#: Words that introduce a name in brackets without being part of it.
_INTRODUCERS = re.compile(r"^(?:aka|a\.k\.a\.|formerly|also known as)\s+", re.IGNORECASE)


def _parts(name: str) -> list[str]:
    """The names inside one printed name: outside and inside its brackets.

    "Kurdistan Workers Party (PKK, aka Kongra-Gel)" holds "Kurdistan Workers
    Party", "PKK" and "Kongra-Gel"; "ISIS-Sinai Province (formerly Ansar Bayt
    al-Maqdis)" holds "ISIS-Sinai Province" and "Ansar Bayt al-Maqdis".
    """
    outside = name
    insides: list[str] = []
    while found := _BRACKETED.findall(outside):  # innermost brackets first
        insides.extend(found)
        outside = _BRACKETED.sub(" ", outside)
    pieces = _SEPARATORS.split(clean(outside))
    for inside in insides:
        pieces.extend(_SEPARATORS.split(clean(inside)))
    parts = [_INTRODUCERS.sub("", clean(p).strip(" ,;")) for p in pieces]
    return [p for p in parts if p]


class _Either:
    """Membership in either of two sets, without copying the large one."""

    __slots__ = ("first", "second")

    def __init__(self, first: frozenset[str], second: frozenset[str]) -> None:
        self.first = first
        self.second = second

    def __contains__(self, item: object) -> bool:
        return item in self.second or item in self.first


def official_spellings(
    printed: str,
    acronyms: Iterable[str] = (),
    qualifier: Callable[[str], bool] = lambda _: False,
) -> list[tuple[str, bool]]:
    """(spelling, is_acronym) for every name inside `printed`, as a reader meets it.

    "ISLAMIC STATE WEST AFRICA PROVINCE (ISWAP)" gives "Islamic State West
    Africa Province" and the acronym "ISWAP": in running text those are two
    mentions of one organisation, as "the Islamic State West Africa Province
    (ISWAP)" is, so the printed whole is not a spelling of its own. A part
    printed in mixed case is also kept as printed ("JuA"). `acronyms` are the
    known acronyms; a frozenset is taken to hold them in capitals already
    (the loader passes one for all its calls).
    """
    name = clean(printed)
    if not isinstance(acronyms, frozenset):
        acronyms = frozenset(a.upper() for a in acronyms)
    qualified = [q for q in _BRACKETED.findall(name) if qualifier(q)]
    if qualified:  # "AL-HARAMAIN FOUNDATION (PAKISTAN)": the bracket is part of the name
        return [(natural_case(name, acronyms), False)]
    parts = _parts(name)
    local = {p for inside in _BRACKETED.findall(name) for p in inside.split() if p.isupper()}
    local.update(p.upper() for p in parts if is_acronym(p))
    known = _Either(acronyms, frozenset(local))
    out: dict[str, bool] = {}
    for part in parts:
        if is_acronym(part):
            out.setdefault(part, True)
            continue
        cased = _natural_case(part, known) if _mostly_capitals(part) else part
        out.setdefault(cased, False)
        if cased != part and part != part.upper():
            out.setdefault(part, False)
    return list(out.items())
