"""The plain form every format reader produces, whatever the file was.

A reader turns one file's bytes into `Piece`s. A piece is either a page that
may hold several articles (`split=True`: a web page, a text file, an
e-mail; the splitter cuts it) or one article whose structure the format
already states (a PDF report, a Word file, a feed entry, a Telegram post).
Either way it is a sequence of `Block`s, each a heading, a paragraph, a
footnote or a caption with the page it stands on where the source has pages,
plus `Meta`: what the file says about itself (title, authors, publisher,
date, URL). Everything after the reader (repair, splitting, dates,
provenance, the library) is shared, so adding a format is one module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "footnote", "caption"]
#: How far a reader has got in one file: (done, total) pages or entries.
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of text as the source lays it out.

    In a page to be split, a paragraph block may still hold several lines (a
    plain-text file's block of short lines): the splitter reads them.
    `link` is where a heading points (an archive page's "read more" title),
    `number` a footnote's number.
    """

    kind: BlockKind
    text: str
    page: int = 0  # 1-based page number; 0 where the source has no pages
    link: str = ""
    number: int = 0
    level: int = 0  # a heading's level (1 for <h1>) where the format states one


@dataclass(frozen=True, slots=True)
class Meta:
    """What a file (or one entry in it) states about itself; "" where it states nothing."""

    title: str = ""
    authors: tuple[str, ...] = ()
    publisher: str = ""
    date: str = ""  # ISO 8601 YYYY-MM-DD, stated as the publication date
    #: A weaker date: when the file was made (PDF/DOCX properties), used only
    #: when neither the metadata nor the text states a publication date.
    file_date: str = ""
    url: str = ""
    #: The page's own title element: a fallback, weaker than `title`.
    fallback_title: str = ""
    #: The date of the newsletter issue a listing's post came in (its head's issue
    #: line, `issue_line.py`): it dates a post that states none. "--MM-DD" where the
    #: line leaves the year unsaid.
    issued: str = ""
    #: The file says it is a numbered issue of a newsletter (an e-mail's subject is an
    #: issue line): a digest, where no title carries an article head's furniture.
    issue: bool = False
    #: `date` is only when the file was sent (an e-mail's Date header): an issue
    #: line's date, stated by the text, is nearer the stories' own.
    sent: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """A page to split into articles (`split`) or one article already whole."""

    blocks: tuple[Block, ...]
    meta: Meta = Meta()
    split: bool = False
    #: Warnings about this piece alone ("needs OCR: no text layer on pages 3-9").
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Read:
    """Everything a reader got from one file."""

    pieces: tuple[Piece, ...]
    encoding: str = "utf-8"  # of the text, for the formats that are text; else the format
    #: What was done to get here ("html-to-text", "pdf-text"), shown as repairs.
    steps: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
