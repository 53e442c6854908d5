"""Input formats: which reader takes a file, from its name and its first bytes.

Each format is one module with `read(data, *, name) -> Read` (see `form.py`
for the plain form they all produce). Readers are imported when first used,
so that listing the library never loads a PDF or Word library.

The name proposes a format and the bytes have the last word where they are
unambiguous: a PDF saved as `.txt` is read as a PDF, an RSS feed saved as
`.xml` or with no suffix as a feed. Text formats keep the format their name
gives (an HTML page saved as `.txt` is read as the text it shows the user in
an editor, as before).
"""

from __future__ import annotations

import importlib
import re
from typing import Protocol

from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Progress, Read

#: Suffix -> the format its files are read as.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".opml": "feed",
    ".eml": "email",
    ".mbox": "email",
    ".mbx": "email",
    ".json": "telegram",
}
#: Format -> the module that reads it.
READERS: dict[str, str] = {
    "text": "briefreader.corpus.formats.text",
    "markdown": "briefreader.corpus.formats.markdown",
    "html": "briefreader.corpus.formats.html",
    "pdf": "briefreader.corpus.formats.pdf",
    "docx": "briefreader.corpus.formats.docx",
    "feed": "briefreader.corpus.formats.feed",
    "email": "briefreader.corpus.formats.email",
    "telegram": "briefreader.corpus.formats.telegram",
}
#: What the open-file dialog offers, one pattern per suffix.
PATTERNS = " ".join(f"*{suffix}" for suffix in SUFFIXES)

_XML_FEED = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF|opml)\b", re.S
)
_MAIL_HEADER = re.compile(
    rb"^(?:From [^\n]*\n)?(?:(?:Return-Path|Received|From|To|Subject|Date|Message-ID|"
    rb"MIME-Version|Delivered-To|X-[\w-]+|Content-Type|Reply-To|Sender|Cc):[^\n]*\n)+",
    re.I,
)


class Reader(Protocol):
    def __call__(
        self, data: bytes, *, name: str = "", progress: Progress | None = None
    ) -> Read: ...


def sniff(data: bytes, proposed: str, *, guessed: bool = False) -> str:
    """The format to read `data` as; `proposed` comes from the name (`guessed`: no known suffix)."""
    found = _sniff(data, proposed, guessed=guessed)
    return found if found in READERS else proposed


def _sniff(data: bytes, proposed: str, *, guessed: bool) -> str:
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") and (proposed == "docx" or b"word/" in data[:65536]):
        return "docx"
    if proposed in {"text", "markdown", "html"} and not guessed:
        return proposed
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _XML_FEED.match(stripped):
        return "feed"
    if stripped.startswith(b"{") and b'"messages"' in data:
        return "telegram"
    if _MAIL_HEADER.match(stripped) and re.search(
        rb"^(?:From|Subject|Date):", stripped, re.M | re.I
    ):
        return "email"
    if guessed and re.search(rb"<(?:html|body|p|div|article)\b", head, re.I):
        return "html"
    return proposed


def reader(fmt: str) -> Reader:
    module = READERS.get(fmt)
    if module is None:
        raise Rejected(f"unsupported format ({fmt})")
    read: Reader = importlib.import_module(module).read
    return read
