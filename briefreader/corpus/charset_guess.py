"""Guessing the legacy encoding of bytes that are not UTF-8, with an honest confidence.

A general-purpose detector (charset-normalizer) turned six bytes of Russian
("Привет" in windows-1251) into three Chinese characters and called it
"confidence 1.00". Here every candidate code page that decodes the bytes
without error is scored the way a small language model scores the text it
produces (text_model.py), and the readings compete with each other and with
"these bytes are not text at all", which explains every non-ASCII byte as a
uniformly random one. Each code page has a prior for how often it is met in
reporting on militant groups (windows-1251 and windows-1256 are common, Mac
Cyrillic is not).

Readings that produce the same text pool their weight. The confidence is the
softmax share of the best reading, with a temperature fitted on a labelled
set (tests/core/corpus/charsets/, which reports accuracy per confidence band
on a blind part): short inputs are honestly uncertain, long ones certain,
and random bytes lose to "not text".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefreader.corpus.text_model import score_text

#: Code page -> log prior (nats): how often it is met, relative to windows-1252.
PRIORS: dict[str, float] = {
    "cp1252": 0.0,
    "cp1251": 0.0,
    "cp1256": 0.0,
    "gb18030": -0.5,
    "cp1250": -1.0,
    "cp1254": -1.0,
    "shift_jis": -1.0,
    "euc_kr": -1.0,
    "big5": -1.5,
    "euc_jp": -1.5,
    "koi8_r": -2.0,
    "cp1255": -2.0,
    "iso8859_2": -2.0,
    "iso8859_6": -2.0,
    "cp1253": -2.5,
    "koi8_u": -2.5,
    "cp866": -2.5,
    "iso8859_7": -3.0,
    "iso8859_8": -3.0,
    "iso8859_5": -3.0,
    "mac_cyrillic": -3.0,
    "mac_roman": -3.0,
}
#: The "not text" reading: each non-ASCII byte uniformly random, and its prior.
NOISE_PER_BYTE = -math.log(128)
NOISE_PRIOR = -2.0
#: Divides the scores before the softmax (fitted on the tuning set).
TEMPERATURE = 1.5
#: How many bytes around the non-ASCII ones are scored (plenty of evidence for any text).
SAMPLE_BYTES = 6000


@dataclass(frozen=True, slots=True)
class Guess:
    """The best reading of the bytes and how sure the model is of it."""

    encoding: str
    text: str
    confidence: float
    #: The runner-up reading's encoding ("noise" for the not-text reading).
    runner_up: str = ""


def guess_encoding(data: bytes) -> Guess | None:
    """The most plausible legacy reading of `data`, or None if no code page decodes it."""
    readings = decodings(data)
    if not readings:
        return None
    scored = score_readings(data, readings)
    top = scored[0][0]
    weights = [math.exp((s - top) / TEMPERATURE) for s, _, _ in scored]
    confidence = weights[0] / sum(weights)
    if scored[0][1] == "noise":  # not text: report the best reading, with what it is worth
        best = scored[1]
        return Guess(best[1], best[2], weights[1] / sum(weights), "noise")
    return Guess(scored[0][1], scored[0][2], confidence, scored[1][1])


def decodings(data: bytes) -> dict[str, list[str]]:
    """Each distinct text the candidate code pages make of `data`, with those code pages."""
    readings: dict[str, list[str]] = {}
    for encoding in PRIORS:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        readings.setdefault(text, []).append(encoding)
    return readings


def score_readings(data: bytes, readings: dict[str, list[str]]) -> list[tuple[float, str, str]]:
    """(score, encoding, text) for each distinct reading and for "noise", best first."""
    start, end = _sample_bounds(data)
    sample = data[start:end]
    high = sum(1 for byte in sample if byte >= 0x80)
    scored: list[tuple[float, str, str]] = [(NOISE_PER_BYTE * high + NOISE_PRIOR, "noise", "")]
    for text, encodings in readings.items():
        best = max(encodings, key=PRIORS.__getitem__)
        part = sample.decode(best) if end - start < len(data) else text
        prior = _logsumexp([PRIORS[e] for e in encodings])
        scored.append((score_text(part) + prior, best, text))
    scored.sort(key=lambda item: item[0], reverse=True)
    return scored


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _sample_bounds(data: bytes) -> tuple[int, int]:
    """A span around the first non-ASCII bytes, cut at spaces or line ends.

    No candidate encoding uses a space or a newline as the second byte of a
    character, so every candidate decodes the cut the same way it decodes
    the whole.
    """
    if len(data) <= SAMPLE_BYTES:
        return 0, len(data)
    first = next((i for i, byte in enumerate(data) if byte >= 0x80), 0)
    start = _cut_before(data, max(0, first - 200))
    end = _cut_after(data, min(len(data), start + SAMPLE_BYTES))
    return start, end


def _cut_before(data: bytes, pos: int) -> int:
    found = max(data.rfind(b" ", 0, pos), data.rfind(b"\n", 0, pos))
    return found + 1 if found != -1 else 0


def _cut_after(data: bytes, pos: int) -> int:
    candidates = [i for i in (data.find(b" ", pos), data.find(b"\n", pos)) if i != -1]
    return min(candidates) if candidates else len(data)
