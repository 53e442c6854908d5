"""Split a page into articles and read each article's head.

A compilation page (a blog's "Posts Tagged" page, a newspaper digest) holds
several articles in a row. We read the sequence of unit kinds from
`blocks.py` and start a new article where the layout says one starts:

- after an article's end (author bios, a run of footnotes), at the next title
  or at a blogger's intro that is followed by a title;
- at a first-person intro followed by a title, even without an end marker;
- at a title followed by the furniture of an article head (caption, byline,
  date, summary bullets).

A lone title-like line inside a body is a subheading and stays in the body.
Each article's head is then read for masthead, title, standfirst, byline and
date; captions, bios and footnotes are taken out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefreader.corpus.blocks import CITATION, Kind, Unit, classify, units_of, units_of_blocks
from briefreader.corpus.byline import (
    bio_names,
    byline_author,
    byline_publisher,
    masthead_publisher,
    publisher_named_in,
    wire_agency,
)
from briefreader.corpus.dates import find_date
from briefreader.corpus.formats.form import Block

_END_MARKERS = frozenset({Kind.BIO, Kind.FOOTNOTE})
_HEAD_FURNITURE = frozenset({Kind.CAPTION, Kind.BYLINE, Kind.DATELINE, Kind.BULLETS})
#: Prose this short right after a title, before the body, is a standfirst.
STANDFIRST_MAX_WORDS = 40


@dataclass(slots=True)
class Article:
    title: str = ""
    standfirst: str = ""
    author: str = ""
    publisher: str = ""
    date: str = ""
    intro: str = ""
    paragraphs: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # each paragraph's page (0: no pages)
    footnotes: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bios: list[str] = field(default_factory=list)
    link: str = ""  # where its title pointed on the page it came from

    def add(self, unit: Unit) -> None:
        self.paragraphs.append(unit.text)
        self.pages.append(unit.page)


@dataclass(frozen=True, slots=True)
class Split:
    articles: tuple[Article, ...]
    compilation: bool  # the page says it collects several posts
    furniture_dropped: int
    warnings: tuple[str, ...] = ()


def split_text(text: str, *, fallback_title: str = "") -> Split:
    """Articles in `text` (already decoded and repaired), in page order."""
    return split_units(units_of(text), fallback_title=fallback_title)


def split_blocks(blocks: Sequence[Block], *, fallback_title: str = "") -> Split:
    """Articles in a format reader's (repaired) blocks, in page order."""
    return split_units(units_of_blocks(blocks), fallback_title=fallback_title)


def whole_article(blocks: Sequence[Block], *, titled: bool) -> Article:
    """The one article a format says these blocks are (a PDF report, a feed entry).

    Nothing is cut and no standfirst is guessed: the format's headings are
    the article's own. Unless the format gave a title (`titled`), a heading
    among the first few units is the title; bylines and date lines at the
    top are read for the author and date.
    """
    units = units_of_blocks(blocks)
    _settle_footnotes(units)
    units = [u for u in units if u.kind not in {Kind.FURNITURE, Kind.COMPILATION}] or units
    article = Article()
    if not titled:
        first = next((i for i, u in enumerate(units[:3]) if u.heading), None)
        if first is not None:
            article.title, article.link = units[first].text, units[first].link
            units = units[:first] + units[first + 1 :]
    start = 0
    while start < len(units) and units[start].kind in _HEAD_FURNITURE - {Kind.BULLETS}:
        _take_aside(article, units[start])
        start += 1
    for unit in units[start:]:
        _place(article, unit)
    _fill_people(article)
    return article


def split_units(units: list[Unit], *, fallback_title: str = "") -> Split:
    """Articles in a sequence of units, in page order."""
    _settle_footnotes(units)
    compilation = any(u.kind is Kind.COMPILATION for u in units)
    if compilation:
        # Above "Posts Tagged ‘X’" sits the site's own header (its name, a tagline).
        marker = next(i for i, u in enumerate(units) if u.kind is Kind.COMPILATION)
        if all(u.kind is not Kind.PROSE or u.words <= 12 for u in units[:marker]):
            for unit in units[:marker]:
                unit.kind = Kind.FURNITURE
    kept: list[Unit] = []
    dropped_before = False
    for unit in units:
        if unit.kind in {Kind.FURNITURE, Kind.COMPILATION}:
            dropped_before = True
            continue
        unit.after_furniture = dropped_before
        dropped_before = False
        kept.append(unit)
    dropped = len(units) - len(kept)
    articles: list[Article] = []
    warnings: list[str] = []
    for segment in _segments(kept):
        article = _read_article(segment)
        if article.paragraphs:
            articles.append(article)
        elif segment:
            warnings.append(f"text outside any article dropped: {segment[0].text[:60]!r}")
    if not articles and kept:
        # Nothing looked like an article body (a single line, a list of titles):
        # keep every word rather than lose the file.
        articles = [Article(title=kept[0].text[:120])]
        for unit in kept:
            articles[0].add(unit)
        warnings = []
    for article in articles:
        if not article.title:
            article.title = fallback_title or _title_from_text(article.paragraphs[0])
    return Split(tuple(articles), compilation, dropped, tuple(warnings))


def _settle_footnotes(units: list[Unit]) -> None:
    """Keep only runs of notes numbered 1, 2, 3 … that read like citations.

    A lone "10 people died …" is prose, and a numbered list of points (no
    dates, links or quoted titles) stays in the body.
    """
    i = 0
    while i < len(units):
        if units[i].kind is not Kind.FOOTNOTE or units[i].certain:
            i += 1
            continue
        j = i + 1
        while (
            j < len(units)
            and units[j].kind is Kind.FOOTNOTE
            and units[j].number == units[j - 1].number + 1
        ):
            j += 1
        run = units[i:j]
        cited = sum(1 for unit in run if CITATION.search(unit.text))
        if not (run[0].number == 1 and len(run) >= 3 and cited * 2 >= len(run)):
            # A numbered list, or "4 March 2023": read the lines again as what they are.
            for k in range(i, j):
                again = classify(units[k].text, footnote=False)
                again.page, again.link = units[k].page, units[k].link
                units[k] = again
        i = j


def _kind(units: list[Unit], i: int) -> Kind | None:
    return units[i].kind if 0 <= i < len(units) else None


def _segments(units: list[Unit]) -> list[list[Unit]]:
    segments: list[list[Unit]] = [[]]
    body = 0  # prose paragraphs seen in the current article so far
    for i, unit in enumerate(units):
        if body >= 2 and _starts_article(units, i):
            segments.append([])
            body = 0
        segments[-1].append(unit)
        # An intro followed by a title does not count as body.
        is_intro = unit.intro_score >= 2 and _kind(units, i + 1) is Kind.TITLE
        if unit.kind is Kind.PROSE and unit.words >= 12 and not is_intro:
            body += 1
    return [s for s in segments if s]


def _starts_article(units: list[Unit], i: int) -> bool:
    kind, prev, after = units[i].kind, _kind(units, i - 1), _kind(units, i + 1)
    after_end = prev in _END_MARKERS or units[i].after_furniture
    if kind is Kind.TITLE:
        if after_end:
            return True
        if prev is Kind.TITLE:
            return False
        if after in _HEAD_FURNITURE or after is Kind.BIO:
            return True
        short_next = after is Kind.TITLE or (
            after is Kind.PROSE and units[i + 1].words <= STANDFIRST_MAX_WORDS
        )
        return short_next and _kind(units, i + 2) in _HEAD_FURNITURE | {Kind.BIO}
    if kind is Kind.PROSE and after is Kind.TITLE:
        # After an article's end any note counts; mid-body it must open like a
        # blog note or point at "this piece", so an op-ed's "as I argued in a
        # report for …" before a subheading does not start an article.
        if after_end:
            return units[i].intro_score >= 1
        return units[i].intro_score >= 2 and units[i].intro_strong
    if kind in {Kind.DATELINE, Kind.BYLINE} and after is Kind.TITLE:
        return after_end
    return False


def _read_article(units: list[Unit]) -> Article:
    article = Article()
    first_title = next((i for i, u in enumerate(units) if u.kind is Kind.TITLE), None)
    # Prose before the title is a blogger's intro only if it reads like one;
    # otherwise the article has no title and that line is a subheading.
    in_head = first_title is not None and all(
        u.kind in _HEAD_FURNITURE or (u.kind is Kind.PROSE and u.intro_score >= 1)
        for u in units[: first_title or 0]
    )
    if in_head and first_title is not None and first_title <= 3:
        article.link = units[first_title].link
        leading = units[:first_title]
        article.intro = "\n\n".join(u.text for u in leading if u.kind is Kind.PROSE)
        for unit in leading:
            if unit.kind is not Kind.PROSE:
                _take_aside(article, unit)
    else:
        in_head = False
    titles: list[str] = []
    i = first_title or 0
    while in_head and i < len(units):
        unit = units[i]
        nxt = _kind(units, i + 1)
        if unit.kind is Kind.TITLE and len(titles) < 4:
            titles.append(unit.text)
        elif unit.kind is Kind.BULLETS and titles:
            article.standfirst = _join(article.standfirst, _unbullet(unit.text))
        elif unit.kind in _HEAD_FURNITURE | {Kind.BIO}:
            _take_aside(article, unit)
        elif (
            unit.kind is Kind.PROSE
            and titles
            and not article.standfirst
            and unit.words <= STANDFIRST_MAX_WORDS
            and nxt in _HEAD_FURNITURE | {Kind.BIO}
        ):
            article.standfirst = unit.text
        else:
            break
        i += 1
    _assign_titles(article, titles)
    for unit in units[i if in_head else 0 :]:
        _place(article, unit)
    _fill_people(article)
    return article


def _place(article: Article, unit: Unit) -> None:
    """A unit of the body: text into the body, the rest beside it."""
    if unit.kind in {Kind.PROSE, Kind.TITLE, Kind.BULLETS}:
        article.add(unit)
    elif unit.kind is Kind.FOOTNOTE:
        article.footnotes.append(unit.text)
    elif unit.kind is not Kind.BIO_HEADING:
        _take_aside(article, unit)


def _take_aside(article: Article, unit: Unit) -> None:
    """Captions, bylines, dates and bios: kept on the article, out of its body."""
    if unit.kind is Kind.CAPTION:
        article.captions.append(unit.text)
    elif unit.kind is Kind.BYLINE:
        author = byline_author(unit.text)
        article.author = article.author or author
        article.publisher = article.publisher or byline_publisher(unit.text, author)
        article.date = article.date or find_date(unit.text)
        if author and len(unit.text.split()) > len(author.split()) + 8:
            article.bios.append(unit.text.lstrip("-–— "))
    elif unit.kind is Kind.DATELINE:
        article.date = article.date or find_date(unit.text)
    elif unit.kind is Kind.BIO:
        article.bios.append(unit.text)
    elif unit.kind is Kind.BULLETS:
        article.add(unit)


def _assign_titles(article: Article, titles: list[str]) -> None:
    if len(titles) >= 3 or (len(titles) == 2 and masthead_publisher(titles[0])):
        article.publisher = masthead_publisher(titles[0]) or titles[0]
        titles = titles[1:]
    if titles:
        article.title = titles[0]
    if len(titles) > 1:
        article.standfirst = _join(" ".join(titles[1:]), article.standfirst)


def _fill_people(article: Article) -> None:
    if not article.author:
        names = [name for bio in article.bios for name in bio_names(bio)]
        if not names:
            names = [m for bio in article.bios if (m := byline_author(f"By {bio}"))]
            names = [n for n in names if any(bio.startswith(f"{n},") for bio in article.bios)]
        article.author = ", ".join(dict.fromkeys(names))
    if not article.publisher:
        for text in [*article.bios, article.intro]:
            if publisher := publisher_named_in(text):
                article.publisher = publisher
                break
    if not article.publisher and article.paragraphs:
        article.publisher = wire_agency(article.paragraphs[0])


def _unbullet(text: str) -> str:
    return " ".join(re.sub(r"^\s*[•▪●◦‣∙·*-]\s+", "", line) for line in text.split("\n"))


def _join(a: str, b: str) -> str:
    return f"{a} {b}".strip()


def _title_from_text(paragraph: str, limit: int = 12) -> str:
    sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
