"""Citations under excerpts and the numbered Sources list they link to.

Sources are numbered by first appearance, one number per document, so the
same article cited by ten excerpts is one entry. All metadata comes from
documents and is untrusted: it goes through the `MarkupWriter` like quotes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefreader.export.markup import MarkupWriter
from briefreader.export.model import Briefing, Citation


def _sentence(text: str) -> str:
    """`text` ending in a full stop, unless it already ends in punctuation."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def format_date(value: str) -> str:
    """ "2024-03-12" -> "12 March 2024"; anything else is returned as written."""
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    return f"{date.day} {date:%B %Y}"


@dataclass
class SourceList:
    """Document id -> source number, plus which excerpts cite each."""

    numbers: dict[str, int] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)
    cited_by: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, briefing: Briefing) -> SourceList:
        sources = cls()
        for number, excerpt in enumerate(briefing.excerpts, start=1):
            citation = excerpt.citation
            if citation is None or not citation.document_id:
                continue
            doc = citation.document_id
            if doc not in sources.numbers:
                sources.numbers[doc] = len(sources.numbers) + 1
                sources.citations[doc] = citation
                sources.cited_by[doc] = []
            sources.cited_by[doc].append(number)
        return sources


def citation_markup(citation: Citation | None, sources: SourceList, writer: MarkupWriter) -> str:
    """The line under a quote: "— Title · Publisher · Author · date · ¶ 7  [3]"."""
    if citation is None or not citation.document_id:
        return "— <i>source not recorded</i>"
    parts = [f"<i>{writer.plain(citation.title or 'Untitled')}</i>"]
    parts += [writer.plain(p) for p in (citation.publisher, citation.author) if p.strip()]
    if citation.date:
        parts.append(writer.plain(format_date(citation.date)))
    if citation.paragraph is not None:
        parts.append(f"paragraph {citation.paragraph}")
    number = sources.numbers[citation.document_id]
    link = f'<a href="#src{number}" color="#1d3a5f">[{number}]</a>'
    return "— " + " · ".join(parts) + "&nbsp;&nbsp;" + link


def source_markup(doc_id: str, sources: SourceList, writer: MarkupWriter) -> str:
    """One Sources entry, with a link back to each excerpt citing it."""
    citation = sources.citations[doc_id]
    number = sources.numbers[doc_id]
    bits: list[str] = []
    if citation.author.strip():
        bits.append(writer.plain(_sentence(citation.author)))
    bits.append(f"“{writer.plain(_sentence(citation.title or 'Untitled'))}”")
    if citation.publisher.strip():
        bits.append(f"<i>{writer.plain(citation.publisher.strip())}</i>,")
    bits.append((writer.plain(format_date(citation.date)) if citation.date else "undated") + ".")
    origin = f"Document {writer.plain(doc_id)}"
    if citation.source:
        origin += f", imported from {writer.plain(citation.source)}"
    cited = sources.cited_by[doc_id]
    links = ", ".join(f'<a href="#ex{n}" color="#1d3a5f">{n}</a>' for n in cited)
    noun = "excerpt" if len(cited) == 1 else "excerpts"
    return (
        f'<a name="src{number}"/>[{number}]\u00a0\u00a0' + " ".join(bits) + f" {origin}."
        f' <font color="#5b6270">Cited in {noun} {links}.</font>'
    )
