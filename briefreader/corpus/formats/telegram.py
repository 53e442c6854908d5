"""Telegram Desktop exports ("Export chat history", machine-readable `result.json`).

Militant groups and the people who watch them publish on Telegram first.
Each post with text is one document:

- the channel is the publisher; in a group chat the sender is the author;
- the post's date is its date (as the export writes it), else its Unix time;
- the post link is its URL: `https://t.me/c/<channel id>/<post id>`, the form
  that works for any channel the reader is in (the export does not carry a
  public channel's username);
- a post forwarded from another channel names it: "Forwarded from X" opens
  its text, and X is the author;
- links hidden under words ("read the statement here") become footnotes
  with markers set apart, so every address in a post is kept; addresses
  written out in the text are there already;
- the title is the post's first line, shortened to a dozen words.

Posts that are only media (a photo, a video, a file without a caption) have
no text to read; an export that holds nothing else is refused in one line.
Both a single chat's export and a whole-account export (`chats.list`) are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from briefreader.corpus.dates import iso_date, unix_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress, Read

_MEDIA_KEYS = ("photo", "file", "media_type", "sticker_emoji", "poll", "location_information")
TITLE_WORDS = 12


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    try:
        export = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise Rejected("not a Telegram export: not valid JSON") from None
    chats = list(_chats(export))
    if not chats:
        raise Rejected("not a Telegram export: no chat with messages in the JSON")
    total = sum(len(chat.get("messages") or []) for chat in chats)
    pieces: list[Piece] = []
    media_only = done = 0
    for chat in chats:
        channel = " ".join(str(chat.get("name") or "").split())
        for message in chat.get("messages") or []:
            done += 1
            if not isinstance(message, dict) or message.get("type", "message") != "message":
                continue
            piece = _post(message, channel, chat)
            if piece is None:
                media_only += any(key in message for key in _MEDIA_KEYS)
            else:
                pieces.append(piece)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)
    if not pieces:
        if media_only:
            raise Rejected(
                f"a Telegram export with no text: its {media_only} post(s) are media only "
                "(photos, videos or files without captions)"
            )
        raise Rejected("a Telegram export with no posts")
    warnings = (f"{media_only} media-only post(s) without text left out",) if media_only else ()
    return Read(tuple(pieces), "utf-8", ("telegram",), warnings)


def _chats(export: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(export, dict):
        return
    if isinstance(export.get("messages"), list):
        yield export
    chats = export.get("chats")
    for chat in chats.get("list") or [] if isinstance(chats, dict) else []:
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list):
            yield chat


def _post(message: dict[str, Any], channel: str, chat: dict[str, Any]) -> Piece | None:
    text, links = _text(message.get("text"))
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        return None
    blocks = [Block("paragraph", p) for p in paragraphs]
    blocks.extend(
        Block("footnote", f"{number} {href}", number=number) for number, href in enumerate(links, 1)
    )
    forwarded = " ".join(str(message.get("forwarded_from") or "").split())
    sender = " ".join(str(message.get("from") or "").split())
    author = forwarded or (sender if sender and sender != channel else "")
    if forwarded:
        blocks.insert(0, Block("paragraph", f"Forwarded from {forwarded}"))
    meta = Meta(
        title=_title(paragraphs[0]),
        authors=(author,) if author else (),
        publisher=channel,
        date=iso_date(str(message.get("date") or "")) or unix_date(message.get("date_unixtime")),
        url=_link(chat, message),
    )
    return Piece(tuple(blocks), meta)


def _text(value: Any) -> tuple[str, list[str]]:
    """The post's text, with hidden links as "[n]" markers, and those links in order."""
    if isinstance(value, str):
        return value, []
    out: list[str] = []
    links: list[str] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            out.append(str(item.get("text") or ""))
            href = str(item.get("href") or "")
            if item.get("type") == "text_link" and href.startswith(("http://", "https://")):
                links.append(href)
                out.append(f"[{len(links)}]")
    return "".join(out), links


def _title(first: str) -> str:
    words = first.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def _link(chat: dict[str, Any], message: dict[str, Any]) -> str:
    chat_id, post = chat.get("id"), message.get("id")
    if isinstance(chat_id, int) and isinstance(post, int) and chat.get("type") != "personal_chat":
        return f"https://t.me/c/{chat_id}/{post}"
    return ""
