"""The annotated test set: hand-marked texts and reviewed seed annotations.

Hand-written texts mark mentions inline as `[[surface|g:Canonical]]` (a
group) or `[[surface|c:Canonical]]` (a country); lines starting with `#` are
comments. The seeds' gold annotations are TSV files (start, end, kind,
canonical, surface) next to this module: they were produced by the matcher,
then reviewed by hand mention by mention (see gold/README.md).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SEEDS_DIR = Path(__file__).resolve().parents[3] / "seeds"
_MARK = re.compile(r"\[\[([^\[\]|]+)\|([gc]):([^\[\]]+)\]\]")
_KINDS = {"g": "group", "c": "country"}

Gold = tuple[int, int, str, str]  # start, end, kind, canonical


@dataclass(frozen=True)
class Sample:
    name: str
    text: str
    gold: frozenset[Gold]


def parse_marked(text: str) -> tuple[str, list[Gold]]:
    """Strip the inline marks and return the plain text and its gold spans."""
    out: list[str] = []
    gold: list[Gold] = []
    position = 0
    length = 0
    for match in _MARK.finditer(text):
        plain = text[position : match.start()]
        out.append(plain)
        length += len(plain)
        surface, kind, canonical = match.groups()
        gold.append((length, length + len(surface), _KINDS[kind], canonical))
        out.append(surface)
        length += len(surface)
        position = match.end()
    out.append(text[position:])
    return "".join(out), gold


BLIND_DIR = GOLD_DIR / "blind"
DEV_DIR = GOLD_DIR / "dev"


def marked_samples(folder: Path = GOLD_DIR) -> list[Sample]:
    samples = []
    for path in sorted(folder.glob("*.txt")):
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        for number, line in enumerate(lines, 1):
            text, gold = parse_marked(line)
            samples.append(Sample(f"{path.name}:{number}", text, frozenset(gold)))
    return samples


def seed_samples() -> list[Sample]:
    samples = []
    for path in sorted(GOLD_DIR.glob("*.tsv")):
        seed = SEEDS_DIR / (path.stem + ".txt")
        text = seed.read_text(encoding="utf-8")
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        gold = []
        for start, end, kind, canonical, surface in rows:
            if text[int(start) : int(end)] != surface:
                raise AssertionError(f"{path.name}: {surface!r} is not at {start}:{end}")
            gold.append((int(start), int(end), kind, canonical))
        samples.append(Sample(path.name, text, frozenset(gold)))
    return samples


def blind_samples() -> list[Sample]:
    """The blind set: written before issue #13's rules and never tuned to."""
    return marked_samples(BLIND_DIR)


def dev_samples() -> list[Sample]:
    """The tuning set written with the blind set (rules were tuned to it)."""
    return marked_samples(DEV_DIR)


def all_samples() -> list[Sample]:
    return marked_samples() + seed_samples()
