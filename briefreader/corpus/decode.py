"""Bytes to text: BOM, strict UTF-8, UTF-16, then a flagged legacy guess.

The order matters. A BOM is authoritative; strict UTF-8 almost never
succeeds by accident on legacy bytes; UTF-16 without a BOM is recognised by
its pattern of NUL bytes. Only then do we guess a legacy encoding, and a guess
is always reported with its confidence. Bytes that look binary, or that no
encoding explains without garbage, are rejected with a reason rather than
decoded into nonsense.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from briefreader.corpus.errors import Rejected

#: Signatures of common binary formats, so the rejection can name the format.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Tie-break order among equally good legacy guesses.
_PREFERRED = {
    name: rank for rank, name in enumerate(("cp1252", "iso8859_15", "latin_1", "mac_roman"))
}
#: Below this confidence a legacy guess is refused: the text would be garbage.
MIN_GUESS_CONFIDENCE = 0.5
#: C0 controls other than tab, newline, carriage return and form feed.
_BINARY_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


class Undecodable(Rejected):
    """The bytes are not text we can read; `str(error)` says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    #: 1.0 for a BOM or strict UTF-8/UTF-16; the detector's confidence otherwise.
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, *, declared: str = "") -> Decoded:
    """Decode file contents, or raise `Undecodable` with a readable reason.

    `declared` is the encoding the file names for itself (an HTML meta
    charset); it is believed only when the bytes are not UTF-8 and decode
    under it without error.
    """
    if not data:
        raise Undecodable("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise Undecodable(
                    f"invalid {encoding} after its byte-order mark: {error}"
                ) from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise Undecodable(f"binary file ({kind})")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise Undecodable("binary file (contains NUL bytes)")
    if _control_ratio(data) > 0.05:
        raise Undecodable("binary file (too many control bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return Decoded(
                text, declared, warnings=(f"not UTF-8; read as {declared}, as declared",)
            )
    return _mostly_utf8(data) or _guess_legacy(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text in a Latin script has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return Decoded(text, encoding, warnings=(f"no byte-order mark; read as {encoding}",))


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    return sum(1 for byte in sample if byte in _BINARY_CONTROLS) / len(sample)


_STRAY = re.compile("[\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray legacy bytes (a pasted Windows quote): keep the UTF-8.

    Guessing one legacy code page for the whole file would turn every correct
    UTF-8 character into mojibake; instead only the stray bytes are read as
    Windows-1252 (Latin-1 where it has a gap), and the file is flagged.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    strays = len(_STRAY.findall(text))
    valid = sum(1 for char in text if ord(char) > 0x7F) - strays
    if valid < 3 or strays > valid:
        return None

    def legacy(match: re.Match[str]) -> str:
        byte = bytes([ord(match.group(0)) - 0xDC00])
        try:
            return byte.decode("cp1252")
        except UnicodeDecodeError:
            return byte.decode("latin-1")

    return Decoded(
        _STRAY.sub(legacy, text),
        "utf-8",
        round(1.0 - strays / (valid + strays), 2),
        (f"mostly UTF-8; {strays} stray byte(s) read as cp1252",),
    )


def _guess_legacy(data: bytes) -> Decoded:
    matches = list(from_bytes(data[:1_000_000]))
    best = matches[0] if matches else None
    if best is not None:
        # Code pages that decode the bytes equally well tie on chaos; the
        # Western ones are far more common in English-language reporting.
        tied = [m for m in matches if m.chaos <= best.chaos + 0.01]
        best = min(tied, key=lambda m: _PREFERRED.get(str(m.encoding), len(_PREFERRED)))
    ascii_share = sum(1 for byte in data[:65536] if byte < 0x80) / len(data[:65536])
    if ascii_share >= 0.9 and (best is None or str(best.encoding) in _MULTIBYTE):
        # Text that is nearly all ASCII with a few high bytes is Western prose
        # with accents, not Chinese or Japanese: the detector has too little
        # to go on, so pick the single-byte code page that makes real words.
        encoding, confidence = _western_guess(data)
    elif best is None:
        raise Undecodable("undecodable bytes: neither UTF-8, UTF-16 nor any legacy encoding fits")
    else:
        confidence = round(max(0.0, 1.0 - float(best.chaos)), 2)
        encoding = str(best.encoding)
    if confidence < MIN_GUESS_CONFIDENCE:
        raise Undecodable(
            f"undecodable bytes: the best guess ({encoding}) would be garbage "
            f"(confidence {confidence:.2f})"
        )
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise Undecodable(f"undecodable bytes: {error}") from None
    for common in _PREFERRED:  # name the common code page when it reads the same
        if common != encoding and _decodes_to(data, common, text):
            encoding = common
            break
    return Decoded(
        text,
        encoding,
        confidence,
        (f"not UTF-8; encoding guessed ({encoding}, confidence {confidence:.2f})",),
    )


def _decodes_to(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


_MULTIBYTE = frozenset(
    [
        "cp932",
        "cp949",
        "cp950",
        "gb2312",
        "gb18030",
        "gbk",
        "big5",
        "big5hkscs",
        "johab",
        "euc_jp",
        "euc_kr",
        "euc_jis_2004",
        "euc_jisx0213",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
        "hz",
        "iso2022_jp",
        "iso2022_kr",
    ]
)
_WESTERN = ("cp1252", "mac_roman", "iso8859_15", "latin_1")


def _western_guess(data: bytes) -> tuple[str, float]:
    """The Western code page whose accented letters sit inside words, and its score."""
    sample = data[:65536]
    best, best_score = "cp1252", -1.0
    for encoding in _WESTERN:
        text = sample.decode(encoding, errors="replace")
        high = [i for i, char in enumerate(text) if ord(char) > 0x7F]
        good = sum(1 for i in high if _fits_word(text, i))
        score = good / len(high) if high else 0.0
        if score > best_score:
            best, best_score = encoding, score
    return best, round(best_score, 2)


def _fits_word(text: str, i: int) -> bool:
    """A lower-case letter beside letters, or typography beside spaces and letters."""
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char.isalpha():
        return (char.islower() and (before.isalpha() or after.isalpha())) or (
            char.isupper() and not before.isalpha()
        )
    return unicodedata.category(char) in {"Pi", "Pf", "Pd", "Po", "Zs", "Sc"}
