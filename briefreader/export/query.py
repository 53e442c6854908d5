"""A briefing built from a query: the paragraphs that match, one story at a time.

This is what `briefreader export --query` prints. Which paragraphs match is
decided by the search package (`search.paragraphs.matching_paragraphs`),
so the query means what it means in the search box; this module turns the
chosen paragraphs into sections. Each story (reprints of one article folded
together) contributes one version, its canonical one, so the same paragraph
is never quoted twice from two reprints: pick the versions with
`one_version_per_story` before matching.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Protocol

from briefreader.domain import Document, Mention, Story
from briefreader.export.model import (
    CHARTS,
    Briefing,
    BriefingExcerpt,
    BriefingSection,
    Citation,
    SourceVersion,
)

MentionFinder = Callable[[str], Sequence[Mention]]


def one_version_per_story(
    documents: Sequence[Document], stories: Sequence[Story]
) -> list[Document]:
    """The documents, keeping one version of each story: the first of its versions present."""
    by_id = {d.id: d for d in documents}
    story_of = {doc_id: s for s in stories for doc_id in s.document_ids}
    chosen: list[Document] = []
    seen_story: set[str] = set()
    for doc in documents:
        story = story_of.get(doc.id)
        if story is None:
            chosen.append(doc)
        elif story.id not in seen_story:
            seen_story.add(story.id)
            chosen.append(next((by_id[d] for d in story.document_ids if d in by_id), doc))
    return chosen


class StorySource(Protocol):
    """What citing needs of `briefreader.corpus.library.Library`: a story's other versions."""

    def story(self, story_id: str) -> Story | None: ...

    def get(self, doc_id: str) -> Document | None: ...


def versions_of(doc: Document, library: StorySource | None) -> tuple[SourceVersion, ...]:
    """The other versions of `doc`'s story in the library (reprints, rewrites)."""
    if library is None or not doc.story_id:
        return ()
    story = library.story(doc.story_id)
    if story is None:
        return ()
    others = (library.get(other) for other in story.document_ids if other != doc.id)
    return tuple(SourceVersion(o.title, o.publisher, o.date, o.url) for o in others if o)


def citation_of(
    doc: Document, paragraph: int | None, versions: tuple[SourceVersion, ...] = ()
) -> Citation:
    """The citation of paragraph `paragraph` (1-based) of `doc`, with its page when paged."""
    page = None
    if paragraph is not None and 0 < paragraph <= len(doc.pages):
        page = doc.pages[paragraph - 1]
    return Citation(
        document_id=doc.id,
        title=doc.title,
        publisher=doc.publisher,
        author=doc.author,
        date=doc.date,
        paragraph=paragraph,
        page=page,
        url=doc.url,
        story=doc.story_id,
        versions=versions,
    )


def briefing_from_paragraphs(
    query: str,
    documents: Sequence[Document],
    chosen: Mapping[str, Collection[int]],
    find_mentions: MentionFinder,
    *,
    title: str = "",
    marking: str = "",
    author: str = "",
    date: str = "",
    library: StorySource | None = None,
) -> Briefing:
    """The `chosen` paragraphs (by document id) of `documents`, one section per document.

    Sections run newest first, undated ones after the dated in library
    order; excerpts keep reading order, each with its mentions and a
    citation to its paragraph.
    """
    sections: list[tuple[str, BriefingSection]] = []
    for doc in documents:
        wanted = set(chosen.get(doc.id, ()))
        if not wanted:
            continue
        mentions = sorted(find_mentions(doc.body), key=lambda m: m.start)
        versions = versions_of(doc, library)
        excerpts: list[BriefingExcerpt] = []
        for index, (start, end) in enumerate(doc.paragraph_spans()):
            if index not in wanted:
                continue
            local = tuple(
                m._replace(start=m.start - start, end=m.end - start)
                for m in mentions
                if m.start >= start and m.end <= end
            )
            excerpts.append(
                BriefingExcerpt(
                    quote=doc.body[start:end],
                    citation=citation_of(doc, index + 1, versions),
                    start=start,
                    end=end,
                    mentions=local,
                    key=f"{doc.id}:{index}",
                )
            )
        if excerpts:
            sections.append((doc.date, BriefingSection(doc.title or "Untitled", tuple(excerpts))))
    dated = sorted((s for s in sections if s[0]), key=lambda s: s[0], reverse=True)
    ordered = [s for _, s in dated] + [s for d, s in sections if not d]
    return Briefing(
        title=title or f"Briefing: {query}",
        sections=tuple(ordered),
        author=author,
        date=date,
        marking=marking,
        subject=f"Paragraphs matching: {query}",
        query=query,
        charts=CHARTS,
    )
