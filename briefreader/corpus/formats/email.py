"""E-mail: single messages (.eml) and mailboxes (mbox), with the standard library.

Newsletters, alerts and "morning brief" digests arrive by e-mail. Each
message is a page for the splitter: its HTML part (else its plain text) is
cleaned exactly as a web page is, so a digest of six stories becomes six
documents and a one-story alert one. The subject stands in as the title when
the body names none; the sender's display name ("Foreign Policy
<newsletters@…>") is the publisher of a one-story message; the `Date:`
header dates the message, in the sender's time zone, and also dates each
story of a digest that states no date of its own, after the date of the
issue line a newsletter's head states. An `Archived-At` header
(RFC 5064) is the message's URL, else the newsletter's own link to its web
copy ("View this email in your browser", "Read online").

An mbox holds many messages, each starting at a "From " line after a blank
line; every one is read, and one that cannot be parsed is named in a
warning without stopping the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses

from bs4 import BeautifulSoup

from briefreader.corpus.dates import rfc2822_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Meta, Piece, Progress, Read
from briefreader.corpus.formats.html import html_pieces, parse
from briefreader.corpus.formats.text import text_blocks

_MBOX_SPLIT = re.compile(rb"(?:^|\n)From [^\n]*\n")
_ARCHIVED_AT = re.compile(r"<\s*(https?://[^>\s]+)\s*>")
_WEB_COPY = re.compile(
    r"^(?:view|read|open|see)(?: (?:this|the|it))?(?: (?:e-?mail|newsletter|message|issue|post))?"
    r"(?: (?:in (?:your|a|the) (?:web )?browser|online|on the web|on our (?:web)?site))\.?$|"
    r"^web version\.?$",
    re.IGNORECASE,
)


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    messages = _messages(data)
    pieces: list[Piece] = []
    warnings: list[str] = []
    for number, raw in enumerate(messages, 1):
        try:
            found = _pieces(BytesParser(policy=policy.default).parsebytes(raw))
        except Exception as error:  # the e-mail package raises many kinds on broken input
            warnings.append(f"message {number} could not be read ({type(error).__name__})")
            continue
        if not found:
            warnings.append(f"message {number} has no text")
        pieces.extend(found)
        if progress is not None and (number % 50 == 0 or number == len(messages)):
            progress(number, len(messages))
    if not pieces:
        raise Rejected(
            "no readable message in the mailbox" if len(messages) > 1 else "an e-mail with no text"
        )
    if len(messages) > 1 and len(warnings) > 3:
        warnings = [f"{len(warnings)} of {len(messages)} messages could not be read or had no text"]
    return Read(tuple(pieces), "utf-8", ("email",), tuple(warnings))


def _messages(data: bytes) -> list[bytes]:
    """One message, or the messages of an mbox (">From " unquoted in each)."""
    if not data.startswith(b"From "):
        return [data]
    parts = [part for part in _MBOX_SPLIT.split(data) if part.strip()]
    return [re.sub(rb"(?m)^>(>*From )", rb"\1", part) for part in parts]


def _pieces(message: Message) -> tuple[Piece, ...]:
    """The message's body to split (a newsletter's posts one piece each), with its headers."""
    assert isinstance(message, EmailMessage)
    subject = " ".join(str(message.get("Subject", "")).split())
    date = rfc2822_date(str(message.get("Date", "")))
    archived = _ARCHIVED_AT.search(str(message.get("Archived-At", "")))
    meta = Meta(
        publisher=_sender(message),
        date=date,
        file_date=date,
        url=archived.group(1) if archived else "",
        fallback_title=subject,
        sent=True,
    )
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return ()
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset, a broken part
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str) or not content.strip():
        return ()
    if part.get_content_subtype() == "html":
        soup = parse(content)
        if not meta.url:
            meta = replace(meta, url=_web_copy(soup))
        pieces = html_pieces(soup, meta)
    else:
        pieces = (Piece(tuple(text_blocks(content)), meta, split=True),)
    return tuple(piece for piece in pieces if piece.blocks)


def _web_copy(soup: BeautifulSoup) -> str:
    """The newsletter's link to its copy on the web ("View this email in your browser")."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        text = " ".join(anchor.get_text(" ", strip=True).split())
        if href.startswith(("https://", "http://")) and _WEB_COPY.match(text):
            return href
    return ""


def _sender(message: EmailMessage) -> str:
    for display, _address in getaddresses([str(message.get("From", ""))]):
        if display.strip():
            return " ".join(display.split())
    return ""
