"""`briefreader://doc/<id>#p<n>` links: from a note tool back to the paragraph quoted.

The Markdown hand-off links every citation to the paragraph it quotes, and
`briefreader open URL` (or a click, once the desktop file has registered
the scheme) opens the document there. The id inside the link is a machine
address: a link's text never shows it.

Parsing is strict: anything but `briefreader://doc/<id>` with an optional
`#p<n>` (n from 1) is refused with a message saying what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

SCHEME = "briefreader"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_FRAGMENT = re.compile(r"p([1-9][0-9]{0,6})")


class LinkError(ValueError):
    """Not a briefreader link; str() says what one looks like."""


@dataclass(frozen=True, slots=True)
class DocumentLink:
    doc_id: str
    paragraph: int | None = None  # 1-based

    @property
    def url(self) -> str:
        return doc_link(self.doc_id, self.paragraph)


def doc_link(doc_id: str, paragraph: int | None = None) -> str:
    """The link to a document, at paragraph `paragraph` (1-based) when given."""
    if not _ID.fullmatch(doc_id):
        raise LinkError(f"not a document id that a link can carry: {doc_id!r}")
    return f"{SCHEME}://doc/{doc_id}" + (f"#p{paragraph}" if paragraph else "")


def parse_link(url: str) -> DocumentLink:
    """`briefreader://doc/<id>#p<n>` as a DocumentLink; raises LinkError otherwise."""
    expected = f"expected a link like {SCHEME}://doc/<document>#p<paragraph>"
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() != SCHEME:
        raise LinkError(f"not a briefreader link ({expected})")
    if parts.netloc != "doc":
        raise LinkError(f"a briefreader link names a document ({expected})")
    doc_id = unquote(parts.path.strip("/"))
    if not _ID.fullmatch(doc_id):
        raise LinkError(f"the link names no document ({expected})")
    paragraph = None
    if parts.fragment:
        found = _FRAGMENT.fullmatch(parts.fragment)
        if found is None:
            raise LinkError(f"the part after # must be p and a paragraph number ({expected})")
        paragraph = int(found.group(1))
    return DocumentLink(doc_id, paragraph)
