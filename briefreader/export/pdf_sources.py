"""The PDF's citation lines, Sources list and appendix of names, as safe markup.

The words come from the shared formatter (citations.py); this module only
sets them in ReportLab markup, escaping every part through the
`MarkupWriter` (metadata is as untrusted as the text). Links are internal
("[4]" jumps to source 4, "12–17" to the excerpts), except a source's own
web address, which is linked only when it is a plain http(s) URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from reportlab.platypus import Flowable

from briefreader.export.citations import (
    SourceEntry,
    SourceList,
    excerpt_ranges,
    grade_code,
    short_citation,
    version_text,
)
from briefreader.export.flowables import CachedParagraph
from briefreader.export.markup import LINK, MUTED, MarkupWriter
from briefreader.export.model import Citation
from briefreader.export.styles import Styles

#: Links per paragraph in an excerpt list: a list of thousands of links in one
#: paragraph would be laid out in quadratic time, like any huge paragraph.
LINKS_PER_PARAGRAPH = 100


def citation_markup(
    citation: Citation | None,
    credibility: int | None,
    sources: SourceList,
    writer: MarkupWriter,
) -> str:
    """ "— The Diplomat, 8 Nov 2021, ¶ 3 · B2  [4]" under a quote."""
    if citation is None or not citation.document_id:
        return "— <i>source not recorded</i>"
    text = ", ".join(writer.field(p) for p in short_citation(citation, with_grade=False))
    if grade := grade_code(citation.reliability, credibility):
        text += f" · <b>{writer.plain(grade)}</b>"
    number = sources.number_of(citation)
    link = f'<a href="#src{number}" color="{LINK}">[{number}]</a>'
    return f"— {text}&nbsp;&nbsp;{link}"


def excerpt_links(numbers: Sequence[int]) -> list[str]:
    """Links to excerpts, runs folded into ranges ("1–4, 7"), cut into paragraph-sized pieces."""
    items = []
    for first, last in excerpt_ranges(numbers):
        link = f'<a href="#ex{first}" color="{LINK}">{first}</a>'
        if last > first:
            link += f'–<a href="#ex{last}" color="{LINK}">{last}</a>'
        items.append(link)
    step = LINKS_PER_PARAGRAPH
    return [", ".join(items[k : k + step]) for k in range(0, len(items), step)] or [""]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def web_link(url: str, writer: MarkupWriter) -> str:
    """A clickable URL; characters that would break the link attribute are %-escaped."""
    safe = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return f'<a href="{safe.replace("&", "&amp;")}" color="{LINK}">{writer.plain(url)}</a>'


def source_markup(entry: SourceEntry, writer: MarkupWriter) -> list[str]:
    """One Sources entry; a long list of citing excerpts continues in more paragraphs."""
    bits: list[str] = []
    if entry.author:
        bits.append(writer.field(_sentence(entry.author)))
    bits.append(f"“{writer.field(_sentence(entry.title))}”")
    when = writer.plain(entry.date)
    bits.append(
        f"<i>{writer.field(entry.publisher)}</i>, {when}." if entry.publisher else f"{when}."
    )
    if entry.url:
        bits.append(web_link(entry.url, writer))
    if entry.reliability:
        bits.append(f"<b>Reliability {writer.plain(entry.reliability)}</b>.")
    if entry.versions:
        listed = "; ".join(writer.plain(version_text(v)) for v in entry.versions)
        noun = "version" if len(entry.versions) == 1 else "versions"
        bits.append(f"Other {noun} of this story: {listed}.")
    links = excerpt_links(entry.cited_by)
    noun = "excerpt" if len(entry.cited_by) == 1 else "excerpts"
    end = "." if len(links) == 1 else ","
    first = (
        f'<a name="src{entry.number}"/>[{entry.number}]\u00a0\u00a0'
        + " ".join(bits)
        + f' <font color="{MUTED}">Cited in {noun} {links[0]}{end}</font>'
    )
    more = [
        f'<font color="{MUTED}">{part}{"." if k == len(links) - 1 else ","}</font>'
        for k, part in enumerate(links[1:], start=1)
    ]
    return [first, *more]


def source_flowables(sources: SourceList, writer: MarkupWriter, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for entry in sources.entries():
        writer.place = f"source {entry.number}"
        first, *more = source_markup(entry, writer)
        out.append(CachedParagraph(first, styles.source, direction="ltr"))
        out.extend(CachedParagraph(part, styles.source_cont, direction="ltr") for part in more)
    return out
