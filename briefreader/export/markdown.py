"""A briefing as Markdown, for note tools (Obsidian, Logseq, Joplin, a wiki).

The structure is the PDF's: first-page facts, key judgements, charts as
tables, numbered sections of quotes, Sources and the index of names. Each
short citation links back to the paragraph it quotes with a
`briefreader://doc/<key>#p<n>` link; the link's text is the citation, never
the id. Document text is escaped so that it stays text: no heading, list,
link, image or HTML can come from a quote or a title.
"""

from __future__ import annotations

import re

from briefreader.domain import Mention
from briefreader.export.citations import (
    grade_code,
    ranges_text,
    short_citation,
    version_text,
)
from briefreader.export.links import LinkError, doc_link
from briefreader.export.markup import highlight_pieces
from briefreader.export.model import Citation, CoMentions, Trend
from briefreader.export.overview import cover_lines, legend_text
from briefreader.export.prepare import Prepared, PreparedExcerpt

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BULLETS = ("- ", "* ", "• ")


def escape(text: str) -> str:
    """`text` as literal Markdown inside a line: special characters backslash-escaped."""
    flat = " ".join(_CONTROL.sub("\ufffd", text).split())
    return _SPECIAL.sub(r"\\\1", flat)


def escape_line(text: str) -> str:
    """`text` escaped to start a line too: no list item, quote or heading from a leading mark."""
    return _LINE_START.sub(_mark_escaped, escape(text), count=1)


def _mark_escaped(found: re.Match[str]) -> str:
    """ "- x" -> "\\- x"; "1. x" -> "1\\. x" (the mark after a number is what lists it)."""
    lead, mark = found.group(1), found.group(2)
    return f"{lead}{mark}\\" if mark[0].isdigit() else f"{lead}\\{mark}"


def _highlighted(text: str, mentions: tuple[Mention, ...], offset: int = 0) -> str:
    """Groups in bold, countries in italics (the PDF's cues: bold vs dotted underline)."""
    out = []
    for kind, piece in highlight_pieces(text, mentions, offset):
        core = escape(piece)
        if not core:
            out.append(" " if piece else "")
            continue
        if kind is not None:
            mark = "**" if kind == "group" else "*"
            core = f"{mark}{core}{mark}"
        lead = " " if piece[:1].isspace() else ""
        trail = " " if piece[-1:].isspace() else ""
        out.append(f"{lead}{core}{trail}")
    return " ".join("".join(out).split())


def _citation(citation: Citation | None, credibility: int | None, number: int | None) -> str:
    if citation is None or not citation.document_id:
        return "— *source not recorded*"
    text = escape(", ".join(short_citation(citation, with_grade=False)))
    try:
        target = doc_link(citation.document_id, citation.paragraph)
        text = f"[{text}]({target})"
    except LinkError:
        pass  # an id no link can carry: the citation stays plain text
    if grade := grade_code(citation.reliability, credibility):
        text += f" · **{escape(grade)}**"
    return f"— {text} \\[{number}\\]" if number is not None else f"— {text}"


def _prose(text: str) -> list[str]:
    """Analyst prose: blank-line paragraphs; bullet lines stay bullets."""
    out: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(_BULLETS) for line in lines):
            out.extend(f"- {escape(line.lstrip()[2:])}" for line in lines)
        else:
            out.append(escape_line(" ".join(lines)))
        out.append("")
    return out


def _excerpt(item: PreparedExcerpt, prepared: Prepared) -> list[str]:
    e = item.excerpt
    lines: list[str] = []
    if e.claimant.strip():
        lines.append(f"*Claim by {escape(e.claimant)}:*")
        lines.append("")
    if e.integrity in ("stale", "orphaned"):
        note = e.integrity_note or "the quote could not be verified"
        lines.append(f"**{e.integrity.upper()}:** {escape(note)}.")
        lines.append("")
    offset = 0
    for index, paragraph in enumerate(e.quote.split("\n\n")):
        if index:
            lines.append(">")
        body = _highlighted(paragraph, item.mentions, offset)
        lines.append(f"> **{item.number}.** {body}" if index == 0 else f"> {body}")
        offset += len(paragraph) + 2
    cited = e.citation is not None and bool(e.citation.document_id)
    number = prepared.sources.number_of(e.citation) if cited else None  # type: ignore[arg-type]
    lines.append("")
    lines.append(_citation(e.citation, e.credibility, number))
    comment = [" ".join(b.split()) for b in e.comment.replace("\r\n", "\n").split("\n\n")]
    for index, block in enumerate(b for b in comment if b):
        lines.append("")
        lines.append(f"*Analyst comment:* {escape(block)}" if index == 0 else escape_line(block))
    lines.append("")
    return lines


def _trend_table(trend: Trend) -> list[str]:
    header = "| Period | " + " | ".join(escape(s.name) for s in trend.series) + " |"
    rule = "|---|" + "---:|" * len(trend.series)
    rows = [
        f"| {escape(period)} | " + " | ".join(str(s.values[i]) for s in trend.series) + " |"
        for i, period in enumerate(trend.periods)
    ]
    note = f"*{escape(trend.basis)}.*"
    if trend.undated:
        note += f" *{trend.undated} undated excerpts are not counted.*"
    return ["## Groups over time", "", header, rule, *rows, "", note, ""]


def _matrix_table(co: CoMentions) -> list[str]:
    header = "| Group | " + " | ".join(escape(c) for c in co.columns) + " |"
    rule = "|---|" + "---:|" * len(co.columns)
    rows = [
        f"| {escape(name)} | " + " | ".join(str(v) for v in co.cells[r]) + " |"
        for r, name in enumerate(co.rows)
    ]
    return ["## Groups and countries", "", header, rule, *rows, "", f"*{escape(co.basis)}.*", ""]


def render_markdown(prepared: Prepared) -> str:
    """The whole briefing as one Markdown document."""
    b = prepared.briefing
    lines = [f"# {escape(b.title or 'Untitled briefing')}", ""]
    lines += [f"- **{label}:** {escape(text)}" for label, text in cover_lines(b, prepared.facts)]
    lines.append("")
    if legend := legend_text(prepared.facts):
        lines += [f"*{escape(legend)}*", ""]
    if b.summary.strip():
        lines += ["## Key judgements", "", *_prose(b.summary)]
    if "trend" in b.charts and b.trend is not None and len(b.trend.periods) > 1:
        lines += _trend_table(b.trend)
    if "matrix" in b.charts and b.co_mentions is not None:
        lines += _matrix_table(b.co_mentions)
    for index, (section, items) in enumerate(prepared.sections, start=1):
        lines += [f"## {index}. {escape(section.title or f'Section {index}')}", ""]
        if not items:
            lines += ["*No excerpts in this section.*", ""]
        for item in items:
            lines += _excerpt(item, prepared)
    entries = prepared.sources.entries()
    if entries:
        lines += ["## Sources", ""]
    for entry in entries:
        bits = [f"\\[{entry.number}\\]"]
        if entry.author:
            bits.append(escape(entry.author) + ".")
        bits.append(f"“{escape(entry.title)}.”")
        when = escape(entry.date)
        bits.append(f"*{escape(entry.publisher)}*, {when}." if entry.publisher else f"{when}.")
        if entry.url:
            bits.append(f"<{entry.url.replace('>', '%3E').replace(' ', '%20')}>")
        if entry.reliability:
            bits.append(f"**Reliability {escape(entry.reliability)}.**")
        if entry.versions:
            listed = "; ".join(escape(version_text(v)) for v in entry.versions)
            bits.append(f"Other versions of this story: {listed}.")
        noun = "excerpt" if len(entry.cited_by) == 1 else "excerpts"
        bits.append(f"Cited in {noun} {ranges_text(entry.cited_by)}.")
        lines += [" ".join(bits), ""]
    if prepared.index:
        lines += ["## Appendix: groups and countries", ""]
    for kind, heading in (("group", "Groups"), ("country", "Countries")):
        entries_of_kind = [e for e in prepared.index if e.kind == kind]
        if entries_of_kind:
            lines += [f"### {heading}", ""]
        for e in entries_of_kind:
            written = f" (written {escape(', '.join(e.spellings))})" if e.spellings else ""
            if e.relation:
                written += f" · {escape(e.relation)}"
            noun = "excerpt" if len(e.numbers) == 1 else "excerpts"
            lines.append(f"- **{escape(e.name)}**{written}: {noun} {ranges_text(e.numbers)}")
        if entries_of_kind:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
