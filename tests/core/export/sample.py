"""Briefings built from the bundled seed texts, for tests and benchmarks."""

from __future__ import annotations

import itertools
from pathlib import Path

from briefreader.entities import find_mentions
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from briefreader.paths import seeds_dir


def seed_paragraphs(min_chars: int = 200) -> list[tuple[str, str, int]]:
    """(file name, paragraph, index) for every substantial seed paragraph."""
    out = []
    for path in sorted(Path(seeds_dir()).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for index, para in enumerate(p.strip() for p in text.split("\n\n")):
            if len(para) >= min_chars:
                out.append((path.name, " ".join(para.split()), index))
    return out


def seed_briefing(
    excerpts: int, sections: int = 6, marking: str = "OFFICIAL-SENSITIVE"
) -> Briefing:
    """A full briefing of `excerpts` seed paragraphs, with comments and citations."""
    pool = seed_paragraphs()
    items = []
    for number, (name, para, index) in zip(range(excerpts), itertools.cycle(pool), strict=False):
        citation = Citation(
            document_id=f"doc-{name}",
            title=f"Seed article {name[:3]}",
            publisher="The Diplomat",
            author="Raffaello Pantucci",
            date="2021-11-08",
            paragraph=index + 1,
        )
        comment = "Corroborates the UN monitoring team's estimate." if number % 3 == 0 else ""
        items.append(
            BriefingExcerpt(
                quote=para,
                citation=citation,
                comment=comment,
                mentions=tuple(find_mentions(para)),
                integrity="ok",
            )
        )
    per = max(1, -(-len(items) // sections))
    parts = tuple(
        BriefingSection(f"Section {i + 1}: reporting on the Khorasan province", tuple(chunk))
        for i, chunk in enumerate(items[j : j + per] for j in range(0, len(items), per))
    )
    return Briefing(
        title="ISKP and the region: weekly reading",
        sections=parts,
        author="A. Analyst",
        date="2024-05-01",
        marking=marking,
        summary=(
            "- ISKP remains the most capable threat.\n- Neighbours hedge.\n\nConfidence: moderate."
        ),
    )
