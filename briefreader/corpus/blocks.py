"""Cut cleaned text into units and say what each one is.

A unit is a paragraph (or, inside a block of short lines, a line). Its kind
is judged from its own text only: the splitter then reads the sequence of
kinds. Every rule here is about how web pages and newspapers are laid out in
general (captions carry credits, bios name a role, footnotes are numbered),
never about particular files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from briefreader.corpus.byline import (
    byline_author,
    dated_line,
    is_bio,
    meta_line,
    publisher_named_in,
    role_byline,
)
from briefreader.corpus.dates import find_date, leading_date
from briefreader.corpus.formats.form import Block
from briefreader.corpus.furniture import is_furniture


class Kind(Enum):
    PROSE = "prose"
    TITLE = "title"  # a short, title-like line: an article title or a subheading
    CAPTION = "caption"
    BYLINE = "byline"
    DATELINE = "dateline"
    BIO = "bio"
    BIO_HEADING = "bio-heading"  # "About the author", "Guest Authors"
    BULLETS = "bullets"
    FOOTNOTE = "footnote"
    FURNITURE = "furniture"
    #: "Via Reuters", "Source: Garowe Online | 6 April 2022": where a digest's story came
    #: from; under a title it is part of the head, after a body it ends the article.
    SOURCE = "source"
    COMPILATION = "compilation"  # "Posts Tagged ‘X’", "Archive for category X"
    #: "Issue No. 88 — 5 October 2021" at the top of a digest (`issue_line.py`): the
    #: issue's number and date, set by the splitter on a page's head only.
    ISSUE = "issue"


@dataclass(slots=True)
class Unit:
    text: str
    kind: Kind
    words: int
    number: int = 0  # a footnote's number
    #: (intro score, strong): how much it reads like a blogger's note on what
    #: follows, and whether it opens like one or points at "this piece". Read
    #: only for prose the splitter asks about, as the patterns are costly.
    cached_intro: tuple[int, bool] | None = None
    #: Site furniture ("Source link", "Leave a Reply") came right before it:
    #: the article before has ended, as surely as after an author bio.
    after_furniture: bool = False
    page: int = 0  # the source's page, where it has pages
    #: The format said what this is (a footnote in an HTML notes list, a PDF
    #: caption): later passes do not second-guess it.
    certain: bool = False
    link: str = ""  # where a heading pointed (an archive page's post link)
    heading: bool = False  # the format set it as a heading (a PDF's large type, a Word style)
    level: int = 0  # that heading's level, where the format states one (HTML)

    @property
    def intro_score(self) -> int:
        """Cues of a blogger's first-person note introducing the article after it (prose only)."""
        return self._intro()[0]

    @property
    def intro_strong(self) -> bool:
        return self._intro()[1]

    def _intro(self) -> tuple[int, bool]:
        if self.kind is not Kind.PROSE:
            return 0, False
        if self.cached_intro is None:
            strong = bool(_DROPPED_SUBJECT.match(self.text) or _DEICTIC.search(self.text))
            self.cached_intro = (intro_score(self.text), strong)
        return self.cached_intro


_COMPILATION = re.compile(
    r"^(?:posts? tagged|tagged|tag|archive for(?: the)?(?: category)?|archives? for|"
    r"category|category archives?|posts? (?:in|filed under|about)|monthly archives?|"
    r"tag archives?|articles? tagged|all posts (?:in|tagged)|archives?(?=:)|"
    r"showing posts (?:with label|for query|from))\b\s*:?\s*.{1,80}$",
    re.IGNORECASE,
)
_BIO_HEADING = re.compile(
    r"^(?:about the (?:authors?|writers?|contributors?)|guest authors?|authors?|"
    r"contributors?|about (?:us|me)|the authors?|biograph(?:y|ies)|author bios?)\s*:?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:^(?:credit|credits|photo|photos|photograph|image|picture|illustration|video|"
    r"graphic|caption|file photo)s?(?: by)?\s*:"
    r"|\bPHOTO(?:S|GRAPH)?\s*:|©|\(c\)\s+\w|\(photo(?: by|:)"
    r"|\b(?:photo|image|picture|credit)\s*:\s*\S+\s*$"
    r"|\b(?:getty images|afp|reuters|ap photo|epa(?:-efe)?|shutterstock|depositphotos|"
    r"alamy|istock(?:photo)?|bloomberg|xinhua|anadolu(?: agency)?|sipa|wikimedia commons)"
    r"\)?\s*$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:[-–—]\s*[A-Z]|by\s+[A-Z]|BY\s+[A-Z]|written by\s|posted by\s|words by\s)"
    r"|^(?:posted|published)(?: on)?\b.{0,40}\bby\s+[A-Z]"
    r"|\bAuthor:\s*[A-Z]",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|first published)(?: on)?:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?[\w ,./:-]{6,40}$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^(?:via\s+(?=[A-Z])|sources?\s*:\s*)(?P<name>\S.*)$", re.IGNORECASE)
#: Text set off as a heading in plain text: "** Title **", "*Title*", "== Title ==".
_DECORATED = re.compile(
    r"^(?P<mark>\*{1,3}|_{2}|={2,}|#{1,3})\s*(?P<text>[^*_=#].*?)\s*(?P=mark)?$"
)
_FOOTNOTE = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+\S")
CITATION = re.compile(r"https?://|www\.|\b(?:19|20)\d\d\b|\bIbid\b|“|\"|\bpp?\.\s*\d", re.I)
_BULLET = re.compile(r"^\s*[•▪●◦‣∙·*-]\s+")
_TERMINAL = re.compile(r"[.,;:]['’\")\]]?$")
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|My|me|myself)\b")
_DROPPED_SUBJECT = re.compile(
    r"^(?:Have|Had|Been|Am|Was|Catching|Still|Wrote|Did|Got|Spoke|Finally|Just|"
    r"Another|Latest|New|A new|A brief|A short|A longer|Some|Quick|Here|Here’s|Here's|"
    r"Posting|Belated(?:ly)?|Delighted|Pleased|Happy|Thrilled|Excited)\b"
)
_DEICTIC = re.compile(
    r"\b(?:this|my|latest|new|another|recent|first|regular|brief|short|here is)\s+"
    r"(?:[\w’'-]+\s+){0,2}(?:pieces?|columns?|op-eds?|contributions?|posts?|essays?|"
    r"commentary|articles?|interviews?|podcasts?)\b",
    re.IGNORECASE,
)
_SELF_REFERENCE = re.compile(
    r"\b(?:piece|pieces|column|op-ed|contribution|posting|post|blog|essay|commentary|"
    r"article|interview|podcast)\b",
    re.IGNORECASE,
)


def units_of(text: str) -> list[Unit]:
    """Split text on blank lines, then split short-line blocks into lines."""
    return units_of_blocks([Block("paragraph", text)])


def units_of_blocks(blocks: Sequence[Block]) -> list[Unit]:
    """The units of a format reader's blocks, in order.

    A paragraph block is read like plain text (split at blank lines, then
    short lines apart). What the format knows for sure is kept: a footnote
    or caption block is that; a heading is still classified from its text
    (a site's "Share this" is an <h3> too), but keeps its link.
    """
    units: list[Unit] = []
    for block in blocks:
        if block.kind in {"footnote", "caption"}:
            text = " ".join(block.text.split())
            kind = Kind.FOOTNOTE if block.kind == "footnote" else Kind.CAPTION
            units.append(
                Unit(text, kind, len(text.split()), block.number, page=block.page, certain=True)
            )
            continue
        for chunk in re.split(r"\n\s*\n", block.text):
            lines = [line.strip() for line in chunk.split("\n") if line.strip()]
            if not lines:
                continue
            for piece in _pieces(lines):
                unit = classify(piece)
                unit.page, unit.link = block.page, block.link
                unit.heading, unit.level = block.kind == "heading", block.level
                units.append(unit)
    return units


def _pieces(lines: list[str]) -> list[str]:
    """Keep a hard-wrapped paragraph whole; split a block of separate lines.

    Separate lines are told apart by shape: bullets, captions, or lines too
    short to be wrapped prose. A line that the next line repeats and extends
    (an image's alt text before its full caption) is dropped.
    """
    if len(lines) == 1:
        return lines
    if all(_BULLET.match(line) for line in lines):
        return ["\n".join(lines)]
    wrapped = all(len(line) >= 40 for line in lines[:-1]) and not any(
        _CAPTION.search(line) or is_furniture(line) or _BULLET.match(line) for line in lines
    )
    if wrapped:
        return [" ".join(lines)]
    kept = [
        line
        for i, line in enumerate(lines)
        if not (i + 1 < len(lines) and lines[i + 1].startswith(line) and lines[i + 1] != line)
    ]
    return kept


def classify(text: str, *, footnote: bool = True) -> Unit:
    """The kind of one unit; `footnote=False` when a numbered line proved not to be one."""
    text = undecorated(text)
    words = len(text.split())
    unit = Unit(text, Kind.PROSE, words)
    if words <= 12 and _COMPILATION.match(text):
        unit.kind = Kind.COMPILATION
    elif words <= 40 and is_furniture(text):
        unit.kind = Kind.FURNITURE
    elif _BIO_HEADING.match(text):
        unit.kind = Kind.BIO_HEADING
    elif "\n" not in text and words <= 40 and _BYLINE.search(text) and byline_author(text):
        unit.kind = Kind.BYLINE
    elif words <= 12 and "\n" not in text and _SOURCE.match(text):
        unit.kind = Kind.SOURCE
    elif _BULLET.match(text) and words <= 120:
        unit.kind = Kind.BULLETS
    elif footnote and (number := _footnote_number(text)) is not None:
        unit.kind, unit.number = Kind.FOOTNOTE, number
    elif words <= 80 and _CAPTION.search(text):
        unit.kind = Kind.CAPTION
    elif words <= 40 and _BYLINE.search(text) and byline_author(text):
        unit.kind = Kind.BYLINE
    elif words <= 14 and meta_line(text)[0]:
        unit.kind = Kind.BYLINE  # "05/11/2021 | Hodan Warsame"
    elif words <= 16 and role_byline(text):
        unit.kind = Kind.BYLINE  # "Imran Qureshi | Senior Fellow"
    elif words <= 10 and dated_line(text):
        unit.kind = Kind.DATELINE  # "COMMENTARY | 15 October 2021"
    elif words <= 8 and find_date(text) and _DATE_LINE.match(text):
        unit.kind = Kind.DATELINE
    elif words <= 12 and leading_date(text, rest=6):
        unit.kind = Kind.DATELINE  # "October 3, 2021 4:12 PM GMT+1 Updated 3 days ago"
    elif is_bio(text, words):
        unit.kind = Kind.BIO
    elif _title_like(text, words):
        unit.kind = Kind.TITLE
    return unit


def undecorated(text: str) -> str:
    """A line without the marks plain text sets a heading off with ("** Title **" -> "Title").

    Only a single line whose marks open it (and close it, if they close it at
    all) loses them; "*" before a footnote or "# 3" are left alone.
    """
    if "\n" in text or len(text) > 200:
        return text
    match = _DECORATED.match(text.strip())
    if not match or not match.group("text")[:1].isalnum():
        return text
    inner = match.group("text")
    closed = text.rstrip().endswith(match.group("mark"))
    if match.group("mark").startswith("*") and not closed:
        return text  # "*Posted 4 October …" is closed; a lone leading "*" is a footnote sign
    return inner.strip()


def source_name(text: str) -> str:
    """The outlet a source line names ("Via Reuters" -> "Reuters"), without its date."""
    match = _SOURCE.match(text.strip())
    if not match:
        return ""
    parts = [p for p in re.split(r"\s*[|·•,;]\s*", match.group("name")) if p and not find_date(p)]
    return parts[0].strip(" .") if parts else ""


def _footnote_number(text: str) -> int | None:
    match = _FOOTNOTE.match(text)
    if not match or (not CITATION.search(text) and len(text.split()) < 4):
        return None
    number = int(match.group(1) or match.group(2))
    # "2022 started with …" is a year, not a note; notes are short and numbered from 1.
    return number if 1 <= number <= 500 else None


#: Unicode categories a headline may open with before its first letter: punctuation,
#: symbols (emoji, flags), spaces, joiners and variation selectors.
_LEADING = ("P", "S", "Z", "Mn", "Cf")


def _title_like(text: str, words: int) -> bool:
    if "\n" in text or words > 20 or len(text) > 160:
        return False
    if _TERMINAL.search(text):
        return False
    # Quotes, and the emoji newsletters set before a headline ("🇦🇫 Kunduz …"), come first.
    first = next((c for c in text if not unicodedata.category(c).startswith(_LEADING)), "")
    return first.isupper() or first.isdigit()


def intro_score(text: str) -> int:
    """Cues of a blogger's first-person note introducing the article after it."""
    score = 0
    if _FIRST_PERSON.search(text):
        score += 1
    if _DROPPED_SUBJECT.match(text):
        score += 1
    if _SELF_REFERENCE.search(text):
        score += 1
    if publisher_named_in(text):
        score += 1
    return score
