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

A mailing list's digest, plain or MIME, gives one article per list message
(`list_digest.py`), titled by its subject and signed and dated by its own
headers. A subject that is an issue line ("Morning Brief — 9 November
2021") dates the stories when the body's head does not.

An mbox holds many messages, each starting at a "From " line after a blank
line; every one is read, and one that cannot be parsed is named in a
warning without stopping the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser

from bs4 import BeautifulSoup

from briefreader.corpus.dates import day_of_year, find_date, rfc2822_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Meta, Piece, Progress, Read
from briefreader.corpus.formats.html import html_pieces, html_to_text, parse
from briefreader.corpus.formats.list_digest import digest_messages, list_subject, sender_name
from briefreader.corpus.formats.text import text_blocks
from briefreader.corpus.issue_line import is_issue_line

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
        issued=_subject_issue(subject),
        issue=is_issue_line(subject),
    )
    if inner := _digest_parts(message):  # a MIME digest of list messages
        return tuple(p for m in inner if (p := _list_piece(m, meta)) is not None)
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return ()
    content = _text(part)
    if not content.strip():
        return ()
    if part.get_content_subtype() == "plain" and (listed := digest_messages(content)):
        return tuple(
            Piece(
                tuple(text_blocks(m.body)),
                Meta(
                    title=m.subject,
                    authors=(m.author,) if m.author else (),
                    date=m.date,
                    file_date=meta.file_date,
                ),
            )
            for m in listed
        )
    if part.get_content_subtype() == "html":
        soup = parse(content)
        if not meta.url:
            meta = replace(meta, url=_web_copy(soup))
        pieces = html_pieces(soup, meta)
    else:
        pieces = (Piece(tuple(text_blocks(content)), meta, split=True),)
    return tuple(piece for piece in pieces if piece.blocks)


def _subject_issue(subject: str) -> str:
    """The issue date a subject states ("Morning Brief — 9 November 2021"), for a body that doesn't.

    Only a subject that is an issue line: "Re: the 9 November meeting" dates nothing.
    """
    if not is_issue_line(subject):
        return ""
    return find_date(subject) or (f"--{day}" if (day := day_of_year(subject)) else "")


def _text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, ValueError, AssertionError):  # an unknown charset, a broken part
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _digest_parts(message: EmailMessage) -> list[EmailMessage]:
    """The messages a multipart/digest carries (each a message/rfc822 part); []: none."""
    for part in message.walk():
        if part.get_content_type() != "multipart/digest":
            continue
        assert isinstance(part, EmailMessage)
        inner = [sub.get_content() for sub in part.iter_parts()]
        return [m for m in inner if isinstance(m, EmailMessage)]
    return []


def _list_piece(message: EmailMessage, digest: Meta) -> Piece | None:
    """One message of a MIME digest: a whole article titled by its subject."""
    part = message.get_body(preferencelist=("plain", "html"))
    content = _text(part) if part is not None else ""
    if part is not None and part.get_content_subtype() == "html":
        content = html_to_text(content)
    if not content.strip():
        return None
    date = rfc2822_date(str(message.get("Date", "")))
    author = _sender(message)
    return Piece(
        tuple(text_blocks(content)),
        Meta(
            title=list_subject(str(message.get("Subject", ""))),
            authors=(author,) if author else (),
            date=date,
            file_date=digest.file_date,
        ),
    )


def _web_copy(soup: BeautifulSoup) -> str:
    """The newsletter's link to its copy on the web ("View this email in your browser")."""
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        text = " ".join(anchor.get_text(" ", strip=True).split())
        if href.startswith(("https://", "http://")) and _WEB_COPY.match(text):
            return href
    return ""


def _sender(message: Message) -> str:
    """The From header's name, as written: the parsed header drops "addr (Name)" comments."""
    if name := sender_name(str(message.get("From", ""))):
        return name
    raw = next((str(v) for k, v in message.raw_items() if k.lower() == "from"), "")
    try:
        return sender_name(str(make_header(decode_header(raw))))  # "=?utf-8?q?…?=" decoded
    except (LookupError, ValueError, UnicodeError):
        return ""
