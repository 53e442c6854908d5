"""`briefreader://doc/<key>#p<n>` links: from a note tool back to the paragraph quoted.

The Markdown hand-off links every citation to the paragraph it quotes, and
`briefreader open URL` (or a click, once the desktop file has registered
the scheme) opens the document there.

A link names a document by a public key (`link_key`), never by the
library's internal id: twelve lowercase base-32 letters and digits made
from the id by a keyed hash. Like the id it depends only on the document's
content, so the same article gives the same link in every analyst's library
and a note shared with a colleague opens in their window too; unlike the id
it is made to be shown, and nothing but a link carries it. The window finds
the document by computing the keys of its documents (`resolve`). Links made
before keys existed carried the internal id; those still resolve.

Parsing is strict: anything but `briefreader://doc/<key>` with an optional
`#p<n>` (n from 1) is refused with a message saying what was expected.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

SCHEME = "briefreader"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_FRAGMENT = re.compile(r"p([1-9][0-9]{0,6})")
_SALT = b"briefreader document link\x00"
KEY_LENGTH = 12  # 60 bits: no two documents of a library share one by chance


class LinkError(ValueError):
    """Not a briefreader link; str() says what one looks like."""


@dataclass(frozen=True, slots=True)
class DocumentLink:
    key: str  # the document's public key (or, in an old link, its id)
    paragraph: int | None = None  # 1-based

    @property
    def url(self) -> str:
        return f"{SCHEME}://doc/{self.key}" + (f"#p{self.paragraph}" if self.paragraph else "")


def link_key(doc_id: str) -> str:
    """The public key a link names a document by."""
    digest = hashlib.sha256(_SALT + doc_id.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:KEY_LENGTH]


def doc_link(doc_id: str, paragraph: int | None = None) -> str:
    """The link to a document, at paragraph `paragraph` (1-based) when given."""
    if not _ID.fullmatch(doc_id):
        raise LinkError(f"not a document id that a link can carry: {doc_id!r}")
    return DocumentLink(link_key(doc_id), paragraph).url


def parse_link(url: str) -> DocumentLink:
    """`briefreader://doc/<key>#p<n>` as a DocumentLink; raises LinkError otherwise."""
    expected = f"expected a link like {SCHEME}://doc/<document>#p<paragraph>"
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() != SCHEME:
        raise LinkError(f"not a briefreader link ({expected})")
    if parts.netloc != "doc":
        raise LinkError(f"a briefreader link names a document ({expected})")
    key = unquote(parts.path.strip("/"))
    if not _ID.fullmatch(key):
        raise LinkError(f"the link names no document ({expected})")
    paragraph = None
    if parts.fragment:
        found = _FRAGMENT.fullmatch(parts.fragment)
        if found is None:
            raise LinkError(f"the part after # must be p and a paragraph number ({expected})")
        paragraph = int(found.group(1))
    return DocumentLink(key, paragraph)


def resolve(link: DocumentLink, doc_ids: Iterable[str]) -> str | None:
    """The id of the document `link` names among `doc_ids`, or None."""
    wanted = link.key
    for doc_id in doc_ids:
        if doc_id == wanted or link_key(doc_id) == wanted:
            return doc_id
    return None
