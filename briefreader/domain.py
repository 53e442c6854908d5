"""Plain data shared by every layer: no behaviour that needs I/O, no Qt.

These types are the contract between the packages. The corpus makes
`Document`s, the entity matcher makes `Mention`s, the search layer returns
`Hit`s, and the store persists notes, excerpts and briefings that point back
at documents by id. Everything is frozen so that a value handed to a view or a
worker thread can never change under it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

EntityKind = Literal["group", "country"]

#: Paragraphs in `Document.body` are separated by exactly this string, so a
#: paragraph's offsets can be computed without storing them.
PARAGRAPH_SEPARATOR = "\n\n"


def content_id(text: str) -> str:
    """A stable, content-derived id: the first 16 hex digits of SHA-256.

    Used for documents (over the cleaned body and title) so that importing the
    same article twice gives the same id, whichever file it came from.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Mention(NamedTuple):
    """One place where a text names a group or a country.

    `start`/`end` are character offsets into the text that was matched
    (end exclusive); `surface` is `text[start:end]` as written there, and
    `canonical` the one name every spelling folds into.

    A named tuple rather than a frozen dataclass, unlike the other types
    here: a 50 MB text yields half a million of these, and building a frozen
    dataclass costs five times as much (a third of the matcher's time). It is
    just as immutable; change one with `_replace`.
    """

    start: int
    end: int
    kind: EntityKind
    canonical: str
    surface: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article, cleaned and ready to read.

    `body` is the reading text: the paragraphs joined by
    `PARAGRAPH_SEPARATOR`. Title, standfirst and byline are kept apart from
    it, so that offsets into `body` are stable whatever the metadata says.
    `intro` is the blog's first-person introduction when the article came from
    a compilation page: it is the blogger's note on the article, not its text.
    """

    id: str
    title: str
    body: str
    standfirst: str = ""
    author: str = ""
    publisher: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when the text names one, else ""
    source: str = ""  # the file it was imported from, as given to the importer
    source_index: int = 0  # position among the articles split from that file
    intro: str = ""
    footnotes: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    story_id: str = ""
    version: int = 1  # bumped when a changed file re-imports the same article
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # e.g. "mojibake:mac_roman", "nfc", "controls"
    warnings: tuple[str, ...] = ()  # e.g. "encoding guessed (cp1252, confidence 0.62)"
    bios: tuple[str, ...] = ()  # author bio lines ("X is a senior fellow at …"), out of body
    # Provenance, shown to users and printed in citations. `source` above is
    # the local path and must never be shown; `file_name` is what to show.
    url: str = ""  # the original URL where the source gives one (canonical, og:url, feed link)
    file_name: str = ""  # the imported file's name, without any directory
    sha256: str = ""  # of the original file's bytes
    imported_at: str = ""  # ISO 8601 UTC time of the import
    #: Page number (1-based) of each paragraph of `body`, for paged sources
    #: such as PDF; empty when the source has no pages.
    pages: tuple[int, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(self.body.split(PARAGRAPH_SEPARATOR)) if self.body else ()

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph within `body`."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for para in self.paragraphs:
            spans.append((pos, pos + len(para)))
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
        return spans

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def content_hash(self) -> str:
        """Hash of the text an excerpt's offsets refer to."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Story:
    """Versions of one article: exact duplicates and reprints with edits.

    `differing` maps a document id to the indexes of its paragraphs that have
    no near-identical counterpart in the story's first (canonical) version.
    """

    id: str
    title: str
    document_ids: tuple[str, ...]
    differing: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: document id -> every file it was found in (exact duplicates share one id).
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def canonical_id(self) -> str:
        return self.document_ids[0]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a document, its score and highlighted snippets.

    Snippets are plain text; the `(start, end)` pairs in `marks` say which
    characters of each snippet matched, so a view can highlight them without
    ever treating document text as markup.
    """

    doc_id: str
    title: str
    score: float
    snippets: tuple[str, ...] = ()
    marks: tuple[tuple[tuple[int, int], ...], ...] = ()
    hit_count: int = 0
