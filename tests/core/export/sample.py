"""Briefings built from the bundled seed texts, for tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from briefreader.entities import find_mentions
from briefreader.export.model import (
    CHARTS,
    Briefing,
    BriefingExcerpt,
    BriefingSection,
    ChartName,
    Citation,
)
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


#: (publisher, reliability grade) by seed file, so a briefing has graded and ungraded sources.
PUBLISHERS = (
    ("The Diplomat", "B"),
    ("Reuters", "A"),
    ("Amaq News Agency", "E"),
    ("Long War Journal", ""),
    ("New Eastern Outlook", "D"),
)


def seed_briefing(
    excerpts: int,
    sections: int = 6,
    marking: str = "OFFICIAL-SENSITIVE",
    *,
    charts: tuple[ChartName, ...] = CHARTS,
) -> Briefing:
    """A full briefing of `excerpts` seed paragraphs, with comments, citations and grades.

    Sources are dated over two years (so the trend chart has periods), some
    excerpts carry a credibility grade, and every seventh is a claim.
    """
    by_file: dict[str, list[tuple[str, str, int]]] = {}
    for entry in seed_paragraphs():
        by_file.setdefault(entry[0], []).append(entry)
    files = sorted(by_file)
    # Round robin over the files, so that even a short briefing cites several publishers.
    pool = [p for row in itertools.zip_longest(*by_file.values()) for p in row if p]
    items = []
    start = dt.date(2021, 8, 1)
    for number, (name, para, index) in zip(range(excerpts), itertools.cycle(pool), strict=False):
        publisher, grade = PUBLISHERS[files.index(name) % len(PUBLISHERS)]
        day = start + dt.timedelta(days=(number * 37) % 700)
        citation = Citation(
            document_id=f"doc-{name}-{number % 40}",
            title=f"Seed article {name[:3]}",
            publisher=publisher,
            author="Raffaello Pantucci",
            date=day.isoformat(),
            paragraph=index + 1,
            reliability=grade,
        )
        comment = "Corroborates the UN monitoring team's estimate." if number % 3 == 0 else ""
        items.append(
            BriefingExcerpt(
                quote=para,
                citation=citation,
                comment=comment,
                mentions=tuple(find_mentions(para)),
                integrity="ok",
                credibility=(number % 6) + 1 if number % 4 else None,
                claimant="ISKP via Amaq" if number % 7 == 6 else "",
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
        charts=charts,
    )
