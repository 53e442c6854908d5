"""The facts a briefing's first page states, worded once for every renderer.

A director reads the first page and decides how far to trust the rest: what
was asked (the query or the analyst's selection), how much evidence there
is, from when, and how good the sources are. `cover_lines` words all of it
as (label, text) pairs that the PDF, DOCX and Markdown renderers print alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.export.citations import GRADE_LEGEND, SourceList, date_range, format_date
from briefreader.export.model import Briefing, Trend


@dataclass(frozen=True, slots=True)
class Facts:
    excerpts: int
    sources: int
    dated_sources: int
    date_span: str  # "3 August – 8 November 2021", or ""
    graded: int  # excerpts whose source has a reliability grade
    a_or_b: int  # ... of which A or B
    credible: int  # excerpts graded 1 or 2 for credibility
    claims: int
    checked: int
    stale: int
    orphaned: int

    @property
    def any_graded(self) -> bool:
        return self.graded > 0 or self.credible > 0


def facts_of(briefing: Briefing, sources: SourceList) -> Facts:
    excerpts = briefing.excerpts
    dates = [cs[0].date for cs in sources.citations.values() if cs and cs[0].date.strip()]
    grades = [e.citation.reliability.strip().upper() if e.citation else "" for e in excerpts]
    graded_credibility = [e.credibility for e in excerpts if e.credibility is not None]
    return Facts(
        excerpts=len(excerpts),
        sources=len(sources.numbers),
        dated_sources=len(dates),
        date_span=date_range(dates),
        graded=sum(1 for g in grades if g),
        a_or_b=sum(1 for g in grades if g in ("A", "B")),
        credible=sum(1 for c in graded_credibility if c in (1, 2)),
        claims=sum(1 for e in excerpts if e.claimant.strip()),
        checked=sum(1 for e in excerpts if e.integrity != "unchecked"),
        stale=sum(1 for e in excerpts if e.integrity == "stale"),
        orphaned=sum(1 for e in excerpts if e.integrity == "orphaned"),
    )


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def scope_text(briefing: Briefing) -> str:
    if briefing.query.strip():
        query = " ".join(briefing.query.split())
        return f"Paragraphs matching the query “{query}”, one version per story"
    return "Excerpts selected by the analyst"


def sources_text(facts: Facts) -> str:
    if not facts.sources:
        return "No source is cited"
    text = _n(facts.sources, "source")
    if facts.date_span:
        text += f", dated {facts.date_span}"
        undated = facts.sources - facts.dated_sources
        if undated:
            text += f" ({undated} undated)"
    else:
        text += ", none of them dated"
    return text


def evidence_text(facts: Facts) -> str:
    """How many excerpts, and how many rest on A or B sources (the summary's promise)."""
    text = _n(facts.excerpts, "excerpt")
    if not facts.excerpts:
        return text
    if facts.graded:
        text += f"; {facts.a_or_b} rest on A or B sources"
        ungraded = facts.excerpts - facts.graded
        if ungraded:
            text += f", {ungraded} on sources not graded"
    else:
        text += "; no source is graded for reliability"
    if facts.credible:
        text += f"; {facts.credible} graded 1 or 2 for credibility"
    if facts.claims:
        text += f"; {_n(facts.claims, 'claim')} by named actors"
    return text


def integrity_text(facts: Facts) -> str:
    if not facts.checked:
        return ""
    text = f"{facts.checked} quotes checked against their sources"
    if facts.stale or facts.orphaned:
        text += f": {facts.stale} stale, {facts.orphaned} orphaned (marked in the text)"
    return text


def cover_lines(briefing: Briefing, facts: Facts) -> list[tuple[str, str]]:
    """(label, text) for the first page, in order; empty fields are left out."""
    lines: list[tuple[str, str]] = []
    if briefing.date.strip():
        lines.append(("Date", format_date(briefing.date)))
    if briefing.author.strip():
        lines.append(("Author", " ".join(briefing.author.split())))
    if briefing.marking.strip():
        lines.append(("Handling", " ".join(briefing.marking.split())))
    lines.append(("Scope", scope_text(briefing)))
    lines.append(("Sources", sources_text(facts)))
    lines.append(("Evidence", evidence_text(facts)))
    if integrity := integrity_text(facts):
        lines.append(("Integrity", integrity))
    return lines


def legend_text(facts: Facts) -> str:
    """The grading legend, when anything is graded (else it would explain nothing)."""
    return GRADE_LEGEND if facts.any_graded else ""


def no_trend_reason(trend: Trend | None) -> str:
    """Why the chart of groups over time is missing, for the place it would have been."""
    if trend is None:
        return "No chart of groups over time: no excerpt from a dated source names a group."
    undated = f"; {trend.undated} excerpts come from undated sources" if trend.undated else ""
    return f"No chart of groups over time: the dated excerpts all fall in one period{undated}."
