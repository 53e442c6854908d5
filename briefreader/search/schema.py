"""The index schema, its version, and how a document or note becomes fields.

The body is indexed with positions (for phrases and proximity) but never
stored: the library already keeps it, and snippets are cut from the
library's text so that their offsets match what the reader shows. Only what
a result row needs without touching the library is stored.

Notes join the same index as `kind:note` entries whose id is
`note:<note id>`, so one query searches documents and notes alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, Final, Literal

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from briefreader.domain import Document
from briefreader.search.analysis import BriefAnalyzer, fold
from briefreader.search.formats import PackedPositions

#: Bump whenever the schema or the analysis changes: an index carrying
#: another version is rebuilt from the library.
SCHEMA_VERSION: Final = 4

Kind = Literal["document", "note"]

#: The fields a bare word searches, with their weights.
DEFAULT_FIELDS: Final = ("title", "body")
FIELD_BOOSTS: Final = {"title": 2.0, "body": 1.0}
#: Multi-valued fields holding canonical entity names (folded).
ENTITY_FIELDS: Final = ("group", "country")
#: Text fields whose words a query may name (`title:kabul`).
TEXT_FIELDS: Final = ("title", "body", "publisher", "author")
NOTE_PREFIX: Final = "note:"
#: Sortable fields: Whoosh stores them as per-document columns, which must get
#: a value for every document (a segment whose last documents have none
#: cannot be read past them), so they are always written, "" when unknown.
COLUMN_FIELDS: Final = ("publisher_key", "date", "story")


class BriefText(TEXT):
    """A TEXT field analysed by `BriefAnalyzer`, positions packed for bulk reading.

    A query word that analyses to several terms ("IS-K") becomes a phrase,
    not an AND of its parts, so hyphenated spellings stay exact.
    """

    def __init__(self, *, stored: bool = False, field_boost: float = 1.0) -> None:
        super().__init__(
            analyzer=BriefAnalyzer(), phrase=True, stored=stored, field_boost=field_boost
        )
        self.format = PackedPositions(field_boost=field_boost)
        self.multitoken_query = "phrase"


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        stamp=STORED(),
        title=BriefText(stored=True, field_boost=FIELD_BOOSTS["title"]),
        body=BriefText(),
        author=BriefText(stored=True),
        publisher=BriefText(stored=True),
        publisher_key=ID(sortable=True),
        date=ID(stored=True, sortable=True),
        story=ID(stored=True, sortable=True),
        group=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        country=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
    )


def entity_key(canonical: str) -> str:
    """How a canonical entity name is stored in `group`/`country`."""
    return " ".join(fold(canonical).split()).replace(",", " ")


def stamp_of(fields: Iterable[Any]) -> str:
    """A fingerprint of everything indexed for one entry (for incremental updates)."""
    digest = hashlib.blake2b(digest_size=12)
    for value in fields:
        digest.update(str(value).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def document_stamp(doc: Document) -> str:
    return stamp_of(
        (doc.version, doc.title, doc.body, doc.author, doc.publisher, doc.date, doc.story_id)
    )


def document_fields(
    doc: Document, groups: Iterable[str], countries: Iterable[str]
) -> dict[str, Any]:
    """The Whoosh fields of one document, given its canonical entities."""
    fields: dict[str, Any] = {
        "id": doc.id,
        "kind": "document",
        "stamp": document_stamp(doc),
        "title": doc.title,
        "body": doc.body,
        "author": doc.author,
        "publisher": doc.publisher,
        "publisher_key": doc.publisher,
        "date": doc.date,
        "story": doc.story_id,
        "group": ",".join(sorted({entity_key(g) for g in groups})),
        "country": ",".join(sorted({entity_key(c) for c in countries})),
    }
    return _without_empty(fields)


def _without_empty(fields: dict[str, Any]) -> dict[str, Any]:
    kept = {name: value for name, value in fields.items() if value != ""}
    kept.update({name: fields.get(name, "") for name in COLUMN_FIELDS})
    return kept


def note_fields(
    note_id: str,
    text: str,
    *,
    title: str = "",
    groups: Iterable[str] = (),
    countries: Iterable[str] = (),
) -> dict[str, Any]:
    """The Whoosh fields of one analyst note (kind "note")."""
    fields: dict[str, Any] = {
        "id": f"{NOTE_PREFIX}{note_id}",
        "kind": "note",
        "stamp": stamp_of((title, text)),
        "title": title,
        "body": text,
        "group": ",".join(sorted({entity_key(g) for g in groups})),
        "country": ",".join(sorted({entity_key(c) for c in countries})),
    }
    return _without_empty(fields)
