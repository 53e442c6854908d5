"""Folding text and gazetteer names into comparable forms, offsets intact.

`fold` gives the form search uses for words and entity names: each
character replaced by exactly one character (accented Latin letters by
their base letter, every dash by "-", every apostrophe-like mark by "'", odd
spaces and line breaks by " "), so offsets never move. Case is left alone on
purpose: acronyms keep their own case, and names are accepted in a few case
variants of each spelling instead (`case_variants`). The matcher goes one
step further and blanks all punctuation (match_text.py); `keys_for` gives the
spellings it compiles for each gazetteer name.

A few characters can only be folded by deleting them (combining accents in
NFD text, soft hyphens, zero-width characters, Arabic tatweel and vowel
marks). Those are rare, so the fast path keeps lengths equal and only texts
that contain them pay for an offset map (`Folded.to_original`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from briefreader.entities.scripts import ARABIC_DELETABLE

_SPACES = "\t\n\r\v\f\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u02bf\u02be\u0060\u00b4\u2032\uff07"
#: Characters that fold to nothing: they force the offset-mapping slow path.
DELETABLE = (
    frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff" + "".join(chr(c) for c in range(0x300, 0x370)))
    | ARABIC_DELETABLE  # tatweel and short-vowel marks (scripts.py)
)
#: Letters NFD does not decompose but readers treat as their base letter.
_EXTRA_LETTERS = {
    "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ħ": "H", "ħ": "h",
    "İ": "I", "ı": "i", "Ŧ": "T", "ŧ": "t",
}  # fmt: skip


def _build_fold_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for ch in _SPACES:
        table[ch] = " "
    for ch in _DASHES:
        table[ch] = "-"
    for ch in _APOSTROPHES:
        table[ch] = "'"
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[ch] = base
    table.update(_EXTRA_LETTERS)
    return table


FOLD_TABLE: dict[str, str] = _build_fold_table()
_FOLD_RE = re.compile(
    "[" + re.escape("".join(sorted({c for c, v in FOLD_TABLE.items() if c != v} | DELETABLE))) + "]"
)
_ASCII_SPACES = ("\n", "\t", "\r", "\v", "\f")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, when characters were deleted, the way back.

    `kept_starts[j]` is the folded index where the j-th kept run begins; a
    folded index in run j sits `j` places left of its original index.
    """

    text: str
    kept_starts: tuple[int, ...] = ()

    def to_original(self, index: int) -> int:
        if not self.kept_starts:
            return index
        return index + bisect_right(self.kept_starts, index) - 1

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if not self.kept_starts:
            return start, end
        return self.to_original(start), self.to_original(end - 1) + 1


def fold(text: str) -> Folded:
    """Fold `text` character by character (see the module docstring)."""
    if text.isascii():
        for ch in _ASCII_SPACES:
            if ch in text:
                text = text.replace(ch, " ")
        return Folded(text)
    deleted: list[int] = []
    table = FOLD_TABLE

    def replace(match: re.Match[str]) -> str:
        ch = match[0]
        out = table.get(ch)
        if out is None:
            deleted.append(match.start())
            return ch
        return out

    folded = _FOLD_RE.sub(replace, text)
    if not deleted:
        return Folded(folded)
    pieces: list[str] = []
    kept_starts: list[int] = []
    previous = 0
    compressed = 0
    for position in [*deleted, len(folded)]:
        kept_starts.append(compressed)
        piece = folded[previous:position]
        pieces.append(piece)
        compressed += len(piece)
        previous = position + 1
    return Folded("".join(pieces), tuple(kept_starts))


def fold_written(name: str) -> str:
    """A name folded but with its hyphens kept where it has them."""
    return " ".join(fold(name).text.split())


def separator_variants(written: str) -> set[str]:
    """'IS-K' -> {'IS-K', 'IS K', 'IS - K'}: spaced dashes need keys of their own.

    The matcher's form of a text (match_text.py) makes every hyphen, dash
    and apostrophe a space, so "IS-K", "IS K" and "IS–K" all meet the key
    "IS K". A dash set off by spaces ("Islamic State – Khorasan") is three
    spaces there, hence one more key per gap where a writer may set one: in
    a name of up to five words, at each hyphen ("al – Qaeda") and between
    two capitalised parts ("Islamic State – Khorasan"); in a longer name only
    at a hyphen between capitalised parts ("...the Levant-Khorasan").
    Nobody sets a spaced dash inside "Jama'atu Ahl as-Sunnah lid-Da'wati
    wa'l-Jihad", whose transliterations would otherwise cost thousands of
    keys.
    """
    tokens = written.replace(" - ", " ").replace("-", " ").split(" ")
    out = {" ".join(tokens), written}  # as written keeps every spaced dash it has
    short = len(tokens) <= _SHORT_NAME_WORDS
    hyphens = _hyphen_gaps(written)
    for gap in range(1, len(tokens)):
        parts = _opens_part(tokens[gap - 1]) and _opens_part(tokens[gap])
        hyphen = gap in hyphens
        if (short and (parts or hyphen)) or (parts and hyphen):
            out.add(" ".join(tokens[:gap]) + " - " + " ".join(tokens[gap:]))
    return out


#: Names of up to this many words get a spaced-dash key at every gap.
_SHORT_NAME_WORDS = 5


def _opens_part(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _hyphen_gaps(written: str) -> frozenset[int]:
    """The gaps (counted as in `separator_variants`) that are a hyphen."""
    gaps = set()
    count = 0
    for piece in written.replace(" - ", "-").split(" "):
        parts = piece.split("-")
        gaps.update(range(count + 1, count + len(parts)))
        count += len(parts)
    return frozenset(gaps)


def _mojibake_punctuation() -> frozenset[str]:
    """How curly quotes and dashes look after a wrong 8-bit decode.

    "’" read as Mac Roman is "‚Äô", as cp1252 "â€™". The last (or first)
    of those characters is a letter, which would hide a word boundary, so
    the matcher's form of a text blanks these sequences like punctuation
    (the `entities` command matches raw text, before any repair).
    """
    out = set()
    for ch in "’‘“”–—…•":
        for encoding in ("mac_roman", "cp1252", "latin-1"):
            out.add(ch.encode("utf-8").decode(encoding, errors="replace"))
    return frozenset(s for s in out if "\ufffd" not in s)


MOJIBAKE_PUNCTUATION = _mojibake_punctuation()


_BRACES = re.compile(r"\{([^{}]*)\}")


def expand_braces(pattern: str) -> list[str]:
    """'{Tehrik|Tehreek}-e-Taliban' -> ['Tehrik-e-Taliban', 'Tehreek-e-Taliban'].

    The gazetteer writes families of transliterations this way so that a
    reader can see them as one name.
    """
    if "{" not in pattern:  # most names: nothing to expand (a 20,000-entry file has 60,000)
        cleaned = " ".join(pattern.split())
        return [cleaned] if cleaned else []
    parts = _BRACES.split(pattern)
    literal = parts[0::2]
    choices = [group.split("|") for group in parts[1::2]]
    out: list[str] = []
    for combo in product(*choices):
        text = literal[0]
        for choice, rest in zip(combo, literal[1:], strict=True):
            text += choice + rest
        cleaned = " ".join(text.split())
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return out


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def case_variants(name: str, *, acronym: bool) -> set[str]:
    """The spellings in which a folded name is accepted in running text.

    Names: as written, UPPER CASE, First Letter Of Every Word, and first
    letter only; never all lower case, so that "turkey", "chad" or "islamic
    state" (a generic phrase) are not countries or groups. Acronyms: as
    written only, plus "Isis"/"Iswap" for all-capital acronyms of four letters
    or more, the form some newspapers print (so never "us" or "is").
    """
    if acronym:
        variants = {name}
        letters = [c for c in name if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters):
            variants.add(re.sub(r"[A-Z]+", lambda m: _capitalise(m[0].lower()), name))
        return variants
    return {
        name,
        name.upper(),
        re.sub(r"(^|[ -])(\w)", lambda m: m[1] + m[2].upper(), name),
        _capitalise(name),
    }


def apostrophe_variants(name: str) -> list[str]:
    """ "Hay'at" is also written "Hayat" ("Hay at" is the same key as "Hay'at")."""
    if "'" not in name:
        return [name]
    return [name, name.replace("'", "")]


def keys_for(name: str, *, acronym: bool) -> Iterator[str]:
    """Every spelling under which the matcher looks for one name.

    The matcher stores each in its own form (`match_text.match_key`), where
    several of them meet ("Hay'at" and "Hay at"); the rest are the case,
    apostrophe and spaced-dash variants that form cannot fold away.
    """
    seen: set[str] = set()
    for spelling in apostrophe_variants(fold_written(name)):
        for separated in separator_variants(spelling):
            for key in case_variants(separated, acronym=acronym):
                if key not in seen:
                    seen.add(key)
                    yield key
