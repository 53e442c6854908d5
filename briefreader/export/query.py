"""A briefing built from a query: the paragraphs that match, one story at a time.

This is what `briefreader export --query` prints. Matching is alias-aware:
each group or country the query names (in any spelling the gazetteer knows)
must be mentioned in the paragraph, in any spelling; every other query word
(or "quoted phrase") must appear in it, ignoring case. Each story (reprints
of one article folded together) contributes one version, its canonical one,
so the same paragraph is never quoted twice from two reprints.

This matcher works straight over the library; it does not need the search
index, so an export never waits for indexing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.domain import Document, Mention, Story
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation

MentionFinder = Callable[[str], Sequence[Mention]]
_TOKEN = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    entities: frozenset[str]  # canonical names that must be mentioned
    words: tuple[re.Pattern[str], ...]  # other terms, each must appear

    @property
    def empty(self) -> bool:
        return not self.entities and not self.words


def parse_query(query: str, find_mentions: MentionFinder) -> ParsedQuery:
    """Split `query` into the entities it names and its other words or phrases."""
    mentions = list(find_mentions(query))
    entities = frozenset(m.canonical for m in mentions)
    rest = list(query)
    for mention in mentions:
        rest[mention.start : mention.end] = [" "] * (mention.end - mention.start)
    words = []
    for match in _TOKEN.finditer("".join(rest)):
        term = (match.group(1) or match.group(2)).strip(" ,;:.!?()[]{}'\"")
        if term:
            phrase = r"\s+".join(re.escape(w) for w in term.split())
            words.append(re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE))
    return ParsedQuery(entities, tuple(words))


def _one_version_per_story(documents: Sequence[Document], stories: Sequence[Story]) -> list[str]:
    current = {d.id for d in documents}
    chosen: list[str] = []
    seen_story: set[str] = set()
    story_of = {doc_id: s for s in stories for doc_id in s.document_ids}
    for doc in documents:
        story = story_of.get(doc.id)
        if story is None:
            chosen.append(doc.id)
            continue
        if story.id in seen_story:
            continue
        seen_story.add(story.id)
        pick = next((d for d in story.document_ids if d in current), doc.id)
        chosen.append(pick)
    return chosen


def citation_of(doc: Document, paragraph: int | None) -> Citation:
    return Citation(
        document_id=doc.id,
        title=doc.title,
        publisher=doc.publisher,
        author=doc.author,
        date=doc.date,
        paragraph=paragraph,
        source=doc.source,
    )


def briefing_from_query(
    query: str,
    documents: Sequence[Document],
    stories: Sequence[Story],
    find_mentions: MentionFinder,
    *,
    title: str = "",
    marking: str = "",
    author: str = "",
    date: str = "",
) -> Briefing:
    """The matching paragraphs of `documents`, one section per story, newest first."""
    parsed = parse_query(query, find_mentions)
    by_id = {d.id: d for d in documents}
    sections: list[tuple[str, BriefingSection]] = []
    for doc_id in _one_version_per_story(documents, stories):
        doc = by_id[doc_id]
        if parsed.empty:
            break
        mentions = sorted(find_mentions(doc.body), key=lambda m: m.start) if parsed.entities else []
        excerpts: list[BriefingExcerpt] = []
        for index, (start, end) in enumerate(doc.paragraph_spans()):
            text = doc.body[start:end]
            inside = [m for m in mentions if m.start >= start and m.end <= end]
            if not parsed.entities <= {m.canonical for m in inside}:
                continue
            if not all(word.search(text) for word in parsed.words):
                continue
            local = tuple(
                Mention(m.start - start, m.end - start, m.kind, m.canonical, m.surface)
                for m in inside
            )
            excerpts.append(
                BriefingExcerpt(
                    quote=text,
                    citation=citation_of(doc, index + 1),
                    start=start,
                    end=end,
                    mentions=local if parsed.entities else None,
                    key=f"{doc.id}:{index}",
                )
            )
        if excerpts:
            sections.append((doc.date, BriefingSection(doc.title or "Untitled", tuple(excerpts))))
    # Newest first; undated stories after dated ones, in library order.
    dated = sorted((s for s in sections if s[0]), key=lambda s: s[0], reverse=True)
    ordered = [s for _, s in dated] + [s for d, s in sections if not d]
    return Briefing(
        title=title or f"Briefing: {query}",
        sections=tuple(ordered),
        author=author,
        date=date,
        marking=marking,
        subject=f"Paragraphs matching: {query}",
    )
