"""Markdown to the blocks the splitter reads.

We do not render Markdown; we only remove its markup so that a heading reads
as a title line, emphasis markers and link targets disappear and images
(which carry no readable text besides their alt text) become captions.
Footnotes are kept: a definition (`[^1]: Text`, with indented continuation
lines) becomes a numbered footnote block, and a reference (`word[^1]`) a
marker set apart from its word ("word[1]"). Named notes (`[^isw]`) are
numbered in the order they are defined.

Notes apps, static-site generators and clipping tools (Obsidian, Hugo,
Jekyll, pandoc) open a file with front matter: YAML between `---` lines
(or TOML between `+++`). It is the file's metadata, not its text: its
title, date, author(s) and source URL fill what the text leaves open
(`Meta`), and the block never reaches the body. Only flat `key: value`
lines and simple lists are read, without a YAML library.
"""

from __future__ import annotations

import re

from briefreader.corpus.dates import iso_date
from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress, Read
from briefreader.corpus.formats.text import text_blocks

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}\s*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+", re.MULTILINE)
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: A footnote definition and its continuation lines (indented, or wrapped without a blank).
_NOTE_DEF = re.compile(
    r"^\s{0,3}\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*(?:\n(?:[ \t]+\S.*|(?![ \t]*\n)"
    r"(?!\s{0,3}\[\^)(?!\s{0,3}#)[^\n]*\S.*))*)",
    re.MULTILINE,
)
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.DOTALL
)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(?P<value>.*?)[ \t]*$")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "date_published", "created")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
_URL_KEYS = ("canonical", "canonical_url", "url", "source", "source_url", "link", "original")
_PUBLISHER_KEYS = ("publisher", "publication", "site", "site_name", "outlet")


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    decoded = decode_bytes(data)
    text, meta = front_matter(decoded.text)
    text, notes = split_footnotes(text)
    blocks = [*text_blocks(markdown_to_text(text)), *notes]
    return Read(
        (Piece(tuple(blocks), meta, split=True),),
        decoded.encoding,
        ("markdown-to-text",),
        decoded.warnings,
    )


def front_matter(text: str) -> tuple[str, Meta]:
    """The text without its front matter, and what the front matter states (see the module)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, Meta()
    fields: dict[str, list[str]] = {}
    key = ""
    for line in match.group("body").splitlines():
        if (item := re.match(r"^\s+-\s+(.*)$", line)) and key:  # a YAML list under its key
            fields[key].append(_unquoted(item.group(1)))
        elif field := _FIELD.match(line):
            key = field.group("key").lower()
            value = field.group("value")
            inline = re.fullmatch(r"\[(.*)\]", value)
            values = inline.group(1).split(",") if inline else [value]
            fields[key] = [v for v in (_unquoted(v) for v in values) if v]
        else:
            key = ""
    if not fields:
        return text, Meta()

    def first(keys: tuple[str, ...]) -> list[str]:
        return next((fields[k] for k in keys if fields.get(k)), [])

    url = next((u for u in first(_URL_KEYS) if u.startswith(("http://", "https://"))), "")
    meta = Meta(
        authors=tuple(first(_AUTHOR_KEYS)),
        publisher=" ".join(first(_PUBLISHER_KEYS)[:1]),
        date=next((d for v in first(_DATE_KEYS) if (d := iso_date(v))), ""),
        url=url,
        fallback_title=" ".join(first(_TITLE_KEYS)[:1]),
    )
    return text[match.end() :], meta


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def split_footnotes(text: str) -> tuple[str, list[Block]]:
    """The text with its footnote definitions taken out (as blocks) and references marked."""
    numbers: dict[str, int] = {}
    notes: list[Block] = []

    def take(match: re.Match[str]) -> str:
        label = match.group("label")
        number = numbers.setdefault(label, len(numbers) + 1)
        body = " ".join(markdown_to_text(match.group("text")).split())
        if body:
            notes.append(Block("footnote", f"{number} {body}", number=number))
        return ""

    text = _NOTE_DEF.sub(take, text)
    if not numbers:
        return text, []

    def mark(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        return f"[{number}]" if number else match.group(0)

    return _NOTE_REF.sub(mark, text), notes


def markdown_to_text(text: str) -> str:
    text = _HTML_COMMENT.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _RULE.sub("", text)
    text = _SETEXT.sub(lambda m: m.group(1), text)
    text = _HEADING.sub(lambda m: m.group(1), text)
    text = _IMAGE.sub(lambda m: f"\n\nImage: {m.group(1)}\n\n" if m.group(1) else "", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _QUOTE.sub("", text)
    return _BULLET.sub("• ", text)
