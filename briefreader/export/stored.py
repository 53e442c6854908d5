"""A briefing from the store, as the exporter's model, checked against the library.

The composer (GUI) and `briefreader export --briefing` both call
`load_for_export`: it loads the stored briefing, fills each citation from
the library, and runs the integrity check with the store's own anchoring
(exact, moved, whitespace-insensitive, fuzzy), so a flag in the composer
and a mark in the PDF always agree. The export layer may use the store (they
are sibling layers that can import each other); the store never imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefreader.corpus.library import Library
from briefreader.domain import Document
from briefreader.export.integrity import Located, check_integrity
from briefreader.export.model import (
    CHARTS,
    Briefing,
    BriefingExcerpt,
    BriefingSection,
    Citation,
    SourceVersion,
)
from briefreader.export.query import citation_of, versions_of
from briefreader.store.anchoring import TextQuoteSelector, anchor
from briefreader.store.briefing_rows import Briefing as StoredBriefing
from briefreader.store.briefings import BriefingRef
from briefreader.store.grades import GradeBook
from briefreader.store.store import Store


def locate_with_anchoring(text: str, excerpt: BriefingExcerpt) -> Located | None:
    """The store's anchoring as an integrity locator."""
    selector = TextQuoteSelector(excerpt.quote, excerpt.prefix, excerpt.suffix)
    found = anchor(text, selector, hint=excerpt.start)
    return Located(found.start, found.end, found.exact) if found else None


def newest_text(library: Library) -> Callable[[str], str | None]:
    """The current text of the article a document id belongs to (its newest version)."""

    def text_of(doc_id: str) -> str | None:
        versions = library.versions(doc_id)
        return versions[-1].body if versions else None

    return text_of


def with_grades(briefing: Briefing, book: GradeBook) -> Briefing:
    """Every citation with the reliability grade that applies to its document now."""

    def graded(excerpt: BriefingExcerpt) -> BriefingExcerpt:
        c = excerpt.citation
        if c is None or not c.document_id:
            return excerpt
        grade = book.reliability(c.document_id, c.publisher).grade
        return replace(excerpt, citation=replace(c, reliability=grade))

    return briefing.map_excerpts(graded)


def from_store(stored: StoredBriefing, library: Library, book: GradeBook | None = None) -> Briefing:
    """The store's briefing as the exporter's model, with citations from the library.

    An item's own comment (made in this briefing) wins over the excerpt's
    general comment. `BriefingExcerpt.key` is the store's excerpt id. With
    `book`, citations carry their sources' reliability grades.
    """
    sections = []
    known: dict[str, tuple[Document | None, tuple[SourceVersion, ...]]] = {}  # one lookup each
    for section in stored.sections:
        excerpts = []
        for item in section.items:
            e = item.excerpt
            if e.doc_id not in known:
                doc = library.get(e.doc_id)
                known[e.doc_id] = (doc, versions_of(doc, library) if doc else ())
            doc, versions = known[e.doc_id]
            citation = (
                citation_of(doc, e.paragraph + 1, versions)
                if doc is not None
                else Citation(e.doc_id, title="(document no longer in the library)")
            )
            excerpts.append(
                BriefingExcerpt(
                    quote=e.quote,
                    citation=citation,
                    comment=item.comment or e.comment,
                    start=e.start,
                    end=e.end,
                    prefix=e.selector.prefix,
                    suffix=e.selector.suffix,
                    key=str(e.id),
                    credibility=e.credibility,
                    claimant=e.claimant,
                )
            )
        sections.append(BriefingSection(section.title, tuple(excerpts)))
    briefing = Briefing(
        title=stored.title or stored.name,
        sections=tuple(sections),
        author=stored.author,
        date=stored.date,
        marking=stored.marking,
        summary=stored.summary,
        charts=tuple(c for c in CHARTS if c in stored.charts),
        section_breaks=stored.section_breaks,
    )
    return with_grades(briefing, book) if book is not None else briefing


def load_for_export(store: Store, library: Library, ref: BriefingRef) -> Briefing:
    """Load briefing `ref`, map it, and flag stale or orphaned excerpts.

    Raises the store's NotFoundError (one-line message) for an unknown briefing.
    """

    def title_of(doc_id: str) -> str:
        doc = library.get(doc_id)
        return doc.title if doc is not None else doc_id

    stored = store.load_briefing(ref, document_title=title_of)
    mapped = from_store(stored, library, store.grades.book())
    return check_integrity(mapped, newest_text(library), locate_with_anchoring)
