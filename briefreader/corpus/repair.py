"""Span-wise mojibake repair and text normalisation.

Real files mix correct typography with runs of mojibake, sometimes from two
different legacy code pages in one file (Mac-Roman `‚Äô` for ’ beside Mac
Central European `‚ÄĚ` for ”). Fixing whole lines or whole files either
breaks the correct text or leaves the damage, so we work on runs: a run of
characters that all belong to one legacy code page is mapped back to its
bytes, and only the byte sequences that form valid, plausible UTF-8 are
replaced. Everything else, including every correct curly quote, is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class _Family:
    """Legacy code pages whose decoding of UTF-8 bytes produced the mojibake.

    `codecs` are tried in order for each character, so a file that mixes two
    members of a family (Mac-Roman and Mac Central European) still maps back.
    """

    codecs: tuple[str, ...]
    table: dict[str, tuple[int, str]]  # char -> (byte, codec it came from)
    pattern: re.Pattern[str]


def _family(*codecs: str) -> _Family:
    table: dict[str, tuple[int, str]] = {}
    for codec in codecs:
        for byte in range(0x80, 0x100):
            try:
                char = bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                continue
            table.setdefault(char, (byte, codec))
    chars = "".join(sorted(table))
    return _Family(codecs, table, re.compile(f"[{re.escape(chars)}]{{2,}}"))


_FAMILIES: tuple[_Family, ...] = (
    _family("mac_roman", "mac_latin2"),
    _family("cp1252", "latin-1"),
)

_CODEC_LABELS = {
    "mac_roman": "mac_roman",
    "mac_latin2": "mac_central_european",
    "cp1252": "cp1252",
    "latin-1": "latin-1",
}


def _plausible(char: str, length: int, sequences: int, whole: bool) -> bool:
    """Whether a decoded sequence is a character mojibake plausibly hid.

    Two-byte sequences are cheap to hit by accident (`«•` is valid UTF-8 for
    `ǥ` in Mac-Roman), so they must decode to Latin-1 or Latin Extended-A
    letters and signs; three-byte ones to punctuation and symbols. Other
    scripts (Greek, Cyrillic, CJK) count only when the whole run decodes into
    several of them.
    """
    code = ord(char)
    if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn", "Mn", "Me"}:
        return False
    if length == 2 and 0xA0 <= code <= 0x17F:
        return True
    if length == 3 and (0x1E00 <= code <= 0x2BFF or 0xFB00 <= code <= 0xFB06):
        return True  # punctuation, currency, symbols, Vietnamese, ligatures
    if length == 4 and 0x1F000 <= code <= 0x1FAFF:
        return True  # emoji
    # Other scripts (Greek to Arabic, or any three-byte script such as CJK) only
    # when the whole run decodes into several characters; never IPA or NKo.
    other_script = 0x370 <= code <= 0x6FF if length == 2 else code >= 0x800
    return other_script and sequences >= 2 and whole


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _repair_run(run: str, family: _Family, used: set[str]) -> str:
    mapped = [family.table[char] for char in run]
    data = bytes(byte for byte, _ in mapped)
    pieces: list[tuple[int, int, str]] = []  # (start, end, decoded)
    i = 0
    while i < len(data):
        length = _utf8_length(data[i])
        if length and i + length <= len(data):
            try:
                decoded = data[i : i + length].decode("utf-8")
            except UnicodeDecodeError:
                decoded = ""
            if decoded:
                pieces.append((i, i + length, decoded))
                i += length
                continue
        i += 1
    whole = sum(end - start for start, end, _ in pieces) == len(data)
    pieces = [p for p in pieces if _plausible(p[2], p[1] - p[0], len(pieces), whole)]
    if not pieces:
        return run
    out: list[str] = []
    pos = 0
    for start, end, decoded in pieces:
        out.append(run[pos:start])
        out.append(decoded)
        used.update(codec for _, codec in mapped[start:end])
        pos = end
    out.append(run[pos:])
    return "".join(out)


def fix_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair mojibake runs; return the text and the code pages involved.

    Text that went through a wrong decoding twice needs two passes, hence the
    loop (bounded: each pass that changes anything shortens the text).
    """
    used: set[str] = set()
    for _ in range(3):
        before = text
        for family in _FAMILIES:

            def replace(match: re.Match[str], family: _Family = family) -> str:
                return _repair_run(match.group(0), family, used)

            text = family.pattern.sub(replace, text)
        if text == before:
            break
    labels = sorted({f"mojibake:{_CODEC_LABELS[codec]}" for codec in used})
    return text, tuple(labels)


# Characters that look like a space; the reading text uses a plain one.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters that only get in the way of search and offsets.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# C0/C1 controls except tab and newline (carriage returns are handled first).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_SEPARATORS = re.compile("\r\n?|[\u2028\u2029\x85]")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Repaired:
    text: str
    repairs: tuple[str, ...]


def _step(name: str, text: str, fix: Callable[[str], str], repairs: list[str]) -> str:
    fixed = fix(text)
    if fixed != text:
        repairs.append(name)
    return fixed


def repair_text(text: str) -> Repaired:
    """Mojibake, line endings, NFC, controls and odd spaces; names each repair made.

    Idempotent, and the identity on text that is already clean: removing a
    control character can join two halves of a mojibake run, so the steps
    repeat until nothing changes (at most a few rounds; each one shortens).
    """
    repairs: list[str] = []
    for _ in range(4):
        before = text
        text = _repair_once(text, repairs)
        if text == before:
            break
    return Repaired(text, tuple(dict.fromkeys(repairs)))


def _repair_once(text: str, repairs: list[str]) -> str:
    text = _step("line-endings", text, lambda t: _LINE_SEPARATORS.sub("\n", t), repairs)
    text, mojibake = fix_mojibake(text)
    repairs.extend(mojibake)
    text = _step("nfc", text, lambda t: unicodedata.normalize("NFC", t), repairs)
    text = _step("controls", text, lambda t: _CONTROLS.sub("", t.replace("\t", " ")), repairs)
    text = _step("invisible", text, lambda t: _INVISIBLE.sub("", t), repairs)
    text = _step("spaces", text, lambda t: _SPACES.sub(" ", t), repairs)
    return _step("trailing-space", text, lambda t: _TRAILING.sub("", t), repairs)
