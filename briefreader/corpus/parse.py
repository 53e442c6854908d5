"""One file's bytes to its documents: read the format, repair, split, date.

Pure: no file system, no database. Given any bytes it returns at least one
document or raises `Rejected` with a reason, which is what the importer and
the property test rely on.

The format reader (`formats/`) gives pieces in one plain form; from here on
every format is treated alike. A piece that is a page (`split`) is cut into
articles by the splitter; a piece that is one article (a PDF report, a feed
entry) becomes one document. What the file states about itself fills what
the text leaves open, in a fixed order of trust (see `_resolve`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from briefreader.corpus.dates import dateline_date, in_year_of
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats import reader, sniff
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress
from briefreader.corpus.repair import repair_text
from briefreader.corpus.split import Article, split_blocks, whole_article
from briefreader.domain import PARAGRAPH_SEPARATOR, Document, content_id


@dataclass(frozen=True, slots=True)
class Parsed:
    documents: tuple[Document, ...]
    text: str  # the whole cleaned text of the file, as the splitter read it
    encoding: str
    repairs: tuple[str, ...]
    warnings: tuple[str, ...]
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a file's documents came from; `source` is the local path, never shown."""

    source: str = ""
    file_name: str = ""
    sha256: str = ""
    imported_at: str = ""


def document_id(title: str, body: str) -> str:
    return content_id(f"{title}\n{body}")


def parse_bytes(
    data: bytes,
    *,
    source: str = "",
    fmt: str = "text",
    name: str = "",
    imported_at: str = "",
    guessed: bool = False,
    progress: Progress | None = None,
) -> Parsed:
    """Documents in one file's bytes; raises `Rejected` if there are none.

    `fmt` is the format the file's name proposes (`guessed` when the name
    has no known suffix); `name` the file's name as shown to the analyst;
    `progress` hears how far the reader is through a long file (pages, entries).
    """
    fmt = sniff(data, fmt, guessed=guessed)
    read = reader(fmt)(data, name=name, progress=progress)
    origin = Provenance(
        source,
        name or PurePath(source).name,
        hashlib.sha256(data).hexdigest(),
        imported_at,
    )
    repairs: list[str] = list(read.steps)
    warnings: list[str] = list(read.warnings)
    texts: list[str] = []
    found: list[tuple[Article, Piece]] = []
    for piece in read.pieces:
        blocks = _repaired(piece.blocks, repairs)
        texts.extend(block.text for block in blocks)
        warnings.extend(piece.warnings)
        if not any(block.text.strip() for block in blocks):
            continue
        if piece.split:
            split = split_blocks(
                blocks, fallback_title=piece.meta.fallback_title, issue=piece.meta.issue
            )
            if split.furniture_dropped:
                repairs.append(f"furniture-removed:{split.furniture_dropped}")
            if len(split.articles) > 1:
                repairs.append(f"split:{len(split.articles)}")
            warnings.extend(split.warnings)
            single = len(split.articles) == 1
            near = piece.meta.date or piece.meta.file_date
            given = piece.meta.issued  # a listing head's: an ISO date, or "--MM-DD"
            issued = (
                split.issued
                or in_year_of(split.issued_day, near)
                or (in_year_of(given[2:], near) if given.startswith("--") else given)
            )
            found.extend(
                (_resolve(a, piece.meta, single=single, issued=issued), piece)
                for a in split.articles
            )
        else:
            article = whole_article(blocks, titled=bool(piece.meta.title))
            found.append((_resolve(article, piece.meta, single=True, given=True), piece))
    if not found:
        if len(read.pieces) == 0 or not data.strip():
            raise Rejected("empty file (only whitespace)" if not data.strip() else "no text")
        raise Rejected("no readable text")
    seen: set[str] = set()
    documents: list[Document] = []
    frozen_repairs = tuple(dict.fromkeys(repairs))
    for index, (article, _piece) in enumerate(found):
        doc = _document(article, index, origin, read.encoding, frozen_repairs, warnings)
        if doc.id not in seen:  # the same article twice on one page counts once
            seen.add(doc.id)
            documents.append(doc)
    return Parsed(
        tuple(documents),
        PARAGRAPH_SEPARATOR.join(texts),
        read.encoding,
        frozen_repairs,
        tuple(dict.fromkeys(warnings)),
        fmt,
    )


def _repaired(blocks: tuple[Block, ...], repairs: list[str]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        fixed = repair_text(block.text)
        repairs.extend(fixed.repairs)
        out.append(
            Block(block.kind, fixed.text, block.page, block.link, block.number)
            if fixed.text != block.text
            else block
        )
    return out


def _resolve(
    article: Article, meta: Meta, *, single: bool, given: bool = False, issued: str = ""
) -> Article:
    """Fill what the text leaves open from what the file states.

    Trust, highest first. Title: the format's own (feed entry, PDF title),
    the text's, the page's title element. Date: a stated publication date
    (HTML meta, JSON-LD, feed, post, e-mail) where it is the page's only
    article (an e-mail's sending date only where no issue line dates it),
    the text's byline or date line, a wire dateline (its year from the
    file), the date of the newsletter issue it came in (`issued`: an issue
    is often sent days after its date), then the file's creation date. Publisher: a feed's or a
    channel's name for its entries (`given`); on a page, the text's own
    before the site's.
    """
    repaired = repair_text
    if given and meta.title:
        article.title = repaired(meta.title).text
    if not article.title:
        article.title = meta.fallback_title or _untitled(article)
    if single and meta.date and not (issued and meta.sent):
        article.date = meta.date
    if not article.date and article.paragraphs:
        year = (meta.date or meta.file_date or "")[:4]
        article.date = dateline_date(article.paragraphs[0], int(year) if year else None)
    if not article.date and issued:
        article.date = issued
    if not article.date and meta.file_date:
        article.date = meta.file_date
    if not article.author and meta.authors and (single or given):
        article.author = ", ".join(meta.authors)
    if meta.publisher and (given or (single and not article.publisher)):
        article.publisher = repaired(meta.publisher).text
    if not article.link and single and meta.url:
        article.link = meta.url
    return article


def _untitled(article: Article) -> str:
    first = article.paragraphs[0] if article.paragraphs else ""
    words = first.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _document(
    article: Article,
    index: int,
    origin: Provenance,
    encoding: str,
    repairs: tuple[str, ...],
    warnings: list[str],
) -> Document:
    body = PARAGRAPH_SEPARATOR.join(article.paragraphs)
    paged = any(article.pages)
    return Document(
        id=document_id(article.title, body),
        title=article.title,
        body=body,
        standfirst=article.standfirst,
        author=article.author,
        publisher=article.publisher,
        date=article.date,
        source=origin.source,
        source_index=index,
        intro=article.intro,
        footnotes=tuple(article.footnotes),
        captions=tuple(article.captions),
        encoding=encoding,
        repairs=repairs,
        warnings=tuple(dict.fromkeys(warnings)),
        bios=tuple(article.bios),
        url=article.link,
        file_name=origin.file_name,
        sha256=origin.sha256,
        imported_at=origin.imported_at,
        pages=tuple(article.pages) if paged else (),
    )
