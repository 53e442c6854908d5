"""Small, varied report files for the safety tests, written by the tests themselves."""

from __future__ import annotations

import random
from pathlib import Path

_PLACES = ["Kabul", "Mogadishu", "Sanaa", "Maiduguri", "Idlib", "Kunduz", "Gao", "Cabo Delgado"]
_GROUPS = ["ISKP", "al-Shabaab", "AQAP", "Boko Haram", "HTS", "the Taliban", "JNIM", "ISWAP"]
_VERBS = ["claimed", "denied", "was blamed for", "praised", "condemned"]


def write_reports(folder: Path, count: int, *, seed: int, start: int = 0) -> list[Path]:
    """`count` distinct reports (text, Markdown and HTML) in `folder`; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(start, start + count):
        place, group = rng.choice(_PLACES), rng.choice(_GROUPS)
        title = f"{group} and the attack in {place}, report {n}"
        paragraphs = [
            f"{group} {rng.choice(_VERBS)} an attack in {place} on day {rng.randint(1, 28)}; "
            f"officials counted {rng.randint(2, 90)} dead. Case {n}-{i}-{rng.random():.6f}."
            for i in range(rng.randint(3, 7))
        ]
        kind = n % 3
        if kind == 0:
            path = folder / f"report-{n:03d}.txt"
            path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        elif kind == 1:
            path = folder / f"report-{n:03d}.md"
            path.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        else:
            path = folder / f"report-{n:03d}.html"
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            path.write_text(
                f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}"
                "</body></html>",
                encoding="utf-8",
            )
        written.append(path)
    return written
