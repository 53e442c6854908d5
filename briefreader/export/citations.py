"""Citations under excerpts and the numbered Sources list they link to.

Sources are numbered by first appearance, one number per document, so the
same article cited by ten excerpts is one entry. All metadata comes from
documents and is untrusted: it goes through the `MarkupWriter` like quotes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefreader.export.markup import LINK, MUTED, MarkupWriter
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
    link = f'<a href="#src{number}" color="{LINK}">[{number}]</a>'
    return "— " + " · ".join(parts) + "&nbsp;&nbsp;" + link


#: Links per paragraph in an excerpt list: a list of thousands of links in one
#: paragraph would be laid out in quadratic time, like any huge paragraph.
LINKS_PER_PARAGRAPH = 100


def excerpt_links(numbers: list[int]) -> list[str]:
    """Links to excerpts, runs folded into ranges ("1–4, 7"), cut into paragraph-sized pieces."""
    items: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        first = f'<a href="#ex{numbers[i]}" color="{LINK}">{numbers[i]}</a>'
        if j > i:
            last = f'<a href="#ex{numbers[j]}" color="{LINK}">{numbers[j]}</a>'
            first += f"–{last}"
        items.append(first)
        i = j + 1
    step = LINKS_PER_PARAGRAPH
    return [", ".join(items[k : k + step]) for k in range(0, len(items), step)] or [""]


def source_markup(doc_id: str, sources: SourceList, writer: MarkupWriter) -> list[str]:
    """One Sources entry, with links back to the excerpts citing it; long lists continue."""
    citation = sources.citations[doc_id]
    number = sources.numbers[doc_id]
    bits: list[str] = []
    if citation.author.strip():
        bits.append(writer.plain(_sentence(citation.author)))
    bits.append(f"“{writer.plain(_sentence(citation.title or 'Untitled'))}”")
    if citation.publisher.strip():
        bits.append(f"<i>{writer.plain(citation.publisher.strip())}</i>,")
    bits.append((writer.plain(format_date(citation.date)) if citation.date else "undated") + ".")
    cited = sources.cited_by[doc_id]
    links = excerpt_links(cited)
    noun = "excerpt" if len(cited) == 1 else "excerpts"
    end = "." if len(links) == 1 else ","
    first = (
        f'<a name="src{number}"/>[{number}]\u00a0\u00a0'
        + " ".join(bits)
        + f' <font color="{MUTED}">Cited in {noun} {links[0]}{end}</font>'
    )
    more = [
        f'<font color="{MUTED}">{part}{"." if k == len(links) - 1 else ","}</font>'
        for k, part in enumerate(links[1:], start=1)
    ]
    return [first, *more]
