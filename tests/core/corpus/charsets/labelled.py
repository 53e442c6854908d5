"""The labelled charset set: texts written for it, encoded in the code pages their
languages use, plus random bytes that no code page explains.

`tune.json` was used to set the detector's scores, priors and temperature;
`blind.json` was written at the same time, before any tuning, and is only
ever measured. Run `python -m tests.core.corpus.charsets.labelled` for the
accuracy table per confidence band on both.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENCODINGS: dict[str, tuple[str, ...]] = {
    "ru": ("cp1251", "koi8_r", "iso8859_5", "cp866", "mac_cyrillic"),
    "uk": ("cp1251", "koi8_u", "iso8859_5", "mac_cyrillic"),
    "bg": ("cp1251", "iso8859_5", "cp866"),
    "ar": ("cp1256", "iso8859_6"),
    "fa": ("cp1256",),
    "ur": ("cp1256",),
    "he": ("cp1255", "iso8859_8"),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254", "iso8859_9"),
    "fr": ("cp1252", "iso8859_15", "mac_roman"),
    "de": ("cp1252", "iso8859_15", "mac_roman"),
    "es": ("cp1252", "iso8859_15", "mac_roman"),
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "zh": ("gb18030", "gbk"),
    "zh_tw": ("big5",),
    "ja": ("shift_jis", "euc_jp"),
    "ko": ("euc_kr",),
    "en": ("cp1252", "mac_roman"),
}
GARBAGE_PER_SET = 40


@dataclass(frozen=True, slots=True)
class Sample:
    part: str  # "tune" or "blind"
    lang: str  # language, or "garbage"
    kind: str  # "short", "medium", "long", "garbage"
    encoding: str
    text: str  # the expected decoding ("" for garbage)
    data: bytes


def texts(part: str) -> Iterator[tuple[str, str, str]]:
    """(lang, kind, text): each short and medium text, and one long text per language."""
    sets = json.loads((HERE / f"{part}.json").read_text(encoding="utf-8"))
    for lang, groups in sets.items():
        for kind in ("short", "medium"):
            for text in groups.get(kind, ()):
                yield lang, kind, text
        yield lang, "long", "\n\n".join(groups.get("medium", ()))


def samples(part: str) -> Iterator[Sample]:
    for lang, kind, text in texts(part):
        for encoding in ENCODINGS[lang]:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue  # this code page cannot hold this text
            if data.isascii():
                continue
            yield Sample(part, lang, kind, encoding, text, data)
    rng = random.Random(f"garbage-{part}")
    for number in range(GARBAGE_PER_SET):
        size = (4, 8, 16, 64, 400)[number % 5]
        data = bytes(
            rng.randrange(0x80, 0x100) if rng.random() < 0.6 else rng.randrange(0x20, 0x7F)
            for _ in range(size)
        )
        yield Sample(part, "garbage", "garbage", "", "", data)


BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 1.01))


def evaluate(part: str) -> list[tuple[Sample, str, float]]:
    """(sample, the guess's text, its confidence) for every sample."""
    from briefreader.corpus.charset_guess import guess_encoding

    out = []
    for sample in samples(part):
        guess = guess_encoding(sample.data)
        out.append((sample, guess.text if guess else "", guess.confidence if guess else 0.0))
    return out


def band_table(results: list[tuple[Sample, str, float]]) -> list[str]:
    lines = ["band         texts  right  accuracy   garbage"]
    for low, high in BANDS:
        inside = [(s, t, c) for s, t, c in results if low <= c < high]
        texts_in = [(s, t) for s, t, _ in inside if s.lang != "garbage"]
        right = sum(1 for s, t in texts_in if t == s.text)
        garbage = sum(1 for s, _, _ in inside if s.lang == "garbage")
        accuracy = f"{right / len(texts_in):.3f}" if texts_in else "  -  "
        band = f"[{low:.2f},{min(high, 1):.2f})"
        lines.append(f"{band}  {len(texts_in):5}  {right:5}  {accuracy:>8}  {garbage:8}")
    return lines


def main() -> None:
    for part in sys.argv[1:] or ("tune", "blind"):
        results = evaluate(part)
        print(f"== {part}: {sum(1 for s, _, _ in results if s.lang != 'garbage')} texts")
        print("\n".join(band_table(results)))
        for kind in ("short", "medium", "long"):
            got = [(s, t) for s, t, _ in results if s.kind == kind]
            print(f"  {kind}: {sum(t == s.text for s, t in got)}/{len(got)}")


if __name__ == "__main__":
    main()
