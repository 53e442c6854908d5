"""One file's bytes to its documents: decode, reduce, repair, split.

Pure: no file system, no database. Given any bytes it returns at least one
document or raises `Rejected` with a reason, which is what the importer and
the property test rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.errors import Rejected
from briefreader.corpus.html import html_head, html_to_text
from briefreader.corpus.markdown import markdown_to_text
from briefreader.corpus.repair import repair_text
from briefreader.corpus.split import Article, split_text
from briefreader.domain import PARAGRAPH_SEPARATOR, Document, content_id


@dataclass(frozen=True, slots=True)
class Parsed:
    documents: tuple[Document, ...]
    text: str  # the whole cleaned text of the file, as the splitter read it
    encoding: str
    repairs: tuple[str, ...]
    warnings: tuple[str, ...]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def declared_charset(data: bytes) -> str:
    """The charset an HTML page declares in its first few kilobytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else ""


def document_id(title: str, body: str) -> str:
    return content_id(f"{title}\n{body}")


def parse_bytes(data: bytes, *, source: str = "", fmt: str = "text") -> Parsed:
    """Documents in one file's bytes; raises `Rejected` if there are none."""
    decoded = decode_bytes(data, declared=declared_charset(data) if fmt == "html" else "")
    raw = decoded.text
    repairs: list[str] = []
    fallback_title = site = ""
    if fmt == "html":
        head_title, site = html_head(raw)
        fallback_title = repair_text(head_title).text
        site = repair_text(site).text
        raw = html_to_text(raw)
        repairs.append("html-to-text")
    elif fmt == "markdown":
        raw = markdown_to_text(raw)
        repairs.append("markdown-to-text")
    repaired = repair_text(raw)
    repairs.extend(repaired.repairs)
    if not repaired.text.strip():
        raise Rejected("empty file (only whitespace)" if not data.strip() else "no readable text")
    split = split_text(repaired.text, fallback_title=fallback_title)
    if site and len(split.articles) == 1 and not split.articles[0].publisher:
        split.articles[0].publisher = site  # one article on its own site's page
    if split.furniture_dropped:
        repairs.append(f"furniture-removed:{split.furniture_dropped}")
    if len(split.articles) > 1:
        repairs.append(f"split:{len(split.articles)}")
    warnings = [*decoded.warnings, *split.warnings]
    seen: set[str] = set()
    documents: list[Document] = []
    for index, article in enumerate(split.articles):
        doc = _document(article, index, source, decoded.encoding, repairs, warnings)
        if doc.id not in seen:  # the same article twice on one page counts once
            seen.add(doc.id)
            documents.append(doc)
    if not documents:
        raise Rejected("no readable text")
    return Parsed(
        tuple(documents), repaired.text, decoded.encoding, tuple(repairs), tuple(warnings)
    )


def _document(
    article: Article,
    index: int,
    source: str,
    encoding: str,
    repairs: list[str],
    warnings: list[str],
) -> Document:
    body = PARAGRAPH_SEPARATOR.join(article.paragraphs)
    return Document(
        id=document_id(article.title, body),
        title=article.title,
        body=body,
        standfirst=article.standfirst,
        author=article.author,
        publisher=article.publisher,
        date=article.date,
        source=source,
        source_index=index,
        intro=article.intro,
        footnotes=tuple(article.footnotes),
        captions=tuple(article.captions),
        encoding=encoding,
        repairs=tuple(repairs),
        warnings=tuple(warnings),
        bios=tuple(article.bios),
    )
