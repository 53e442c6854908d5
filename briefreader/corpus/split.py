"""Split a page into articles and read each article's head.

Where each article starts is `segments.py`'s question (and what is site
furniture, `furniture.py`'s). Here each article's head is read:

- title-like lines at its top: the first is the title and the rest the
  standfirst, unless there are three or more (or two and the first names a
  publication): then the first is the masthead ("National Post"); a line in
  capitals above a headline that is not is a section label ("OPINION"); a
  section name above a date line is dropped; where the format marks heading
  levels, the title is the first heading of the top level among them;
- bylines in any of their forms: "By A and B", "Posted by A", "Posted on
  <date> by A", "<date> | A", "A · <date>", "A Senior Correspondent",
  "A | Senior Fellow", "A, Research Associate at X", a name
  in capitals ("ADAM RADWAN", with its case taken from a repeat), author bios
  ("A is a senior fellow at …") when there is no byline;
- the date from bylines and date lines ("COMMENTARY | 15 October 2021",
  "Oct. 1, 2021 · 4 min read", "October 3, 20214:12 PM GMT+1" as copied
  from a browser) and source lines ("Source: Garowe Online | 6 April 2022");
  a story that states none takes the issue date of its digest's head
  (`Split.issued`, or `Split.issued_day` where the head leaves the year
  unsaid), after any wire dateline;
- the publisher from a masthead, a byline, a source line ("Via Reuters"), a
  blog intro ("my column for the Straits Times") or a wire dateline
  ("(Reuters) -").

Plain text sets titles off with marks ("** Title **", "== Title =="); the
marks go before a line is judged. On web pages and HTML e-mails whose posts
sit in repeated containers, `formats/listing.py` has already cut the page
into one piece per post and read each post's author and date from its
markup; the splitter then only reads each post's head.

Captions, bios and footnotes are taken out of the body; a digest's stories
numbered 1, 2, 3 lose their numbers. Where every later article opens with
as many title lines, the first article's extra short ones on top are the
page's section names ("West Africa", "Latest stories"). An excerpt
listing's story is its title, a paragraph and its byline: that paragraph is
its body, not a standfirst over nothing (but a "Related:" list of titles
after an article is no article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefreader.corpus.blocks import (
    Kind,
    Unit,
    source_name,
    units_of,
    units_of_blocks,
)
from briefreader.corpus.byline import (
    bio_names,
    byline_author,
    byline_publisher,
    caps_byline,
    masthead_publisher,
    name_and_role,
    publisher_named_in,
    wire_agency,
)
from briefreader.corpus.dates import day_of_year, find_date
from briefreader.corpus.footnotes import settle_footnotes
from briefreader.corpus.formats.form import Block
from briefreader.corpus.furniture import is_rule
from briefreader.corpus.page_head import trim_page_head, unnumber
from briefreader.corpus.segments import (
    BODY_MIN_WORDS,
    HEAD_FURNITURE,
    STANDFIRST_MAX_WORDS,
    digest_header,
    drop_sponsor_slots,
    headed_titles,
    is_digest,
    issue_digest,
    kind_at,
    mark_issue_lines,
    ruled_header,
    segments,
    top_level_stories,
)

_HEAD_FURNITURE = HEAD_FURNITURE


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
    #: The date a digest's head states (its issue's): the date of a story that states none.
    issued: str = ""
    #: "MM-DD" where the head names its day without the year ("Tuesday, November 9").
    issued_day: str = ""


def split_text(text: str, *, fallback_title: str = "") -> Split:
    """Articles in `text` (already decoded and repaired), in page order."""
    return split_units(units_of(text), fallback_title=fallback_title)


def split_blocks(
    blocks: Sequence[Block], *, fallback_title: str = "", issue: bool = False
) -> Split:
    """Articles in a format reader's (repaired) blocks, in page order.

    `issue`: the file says it is a numbered issue (an e-mail's subject), as
    an issue line on top of the page would.
    """
    return split_units(units_of_blocks(blocks), fallback_title=fallback_title, issue=issue)


def whole_article(blocks: Sequence[Block], *, titled: bool) -> Article:
    """The one article a format says these blocks are (a PDF report, a feed entry).

    Nothing is cut and no standfirst is guessed: the format's headings are
    the article's own. Unless the format gave a title (`titled`), a heading
    among the first few units is the title; bylines and date lines at the
    top are read for the author and date.
    """
    units = units_of_blocks(blocks)
    settle_footnotes(units)
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


def split_units(units: list[Unit], *, fallback_title: str = "", issue: bool = False) -> Split:
    """Articles in a sequence of units, in page order (`issue`: see `split_blocks`)."""
    settle_footnotes(units)
    compilation = any(u.kind is Kind.COMPILATION for u in units)
    if compilation:
        # Above "Posts Tagged ‘X’" sits the site's own header (its name, a tagline).
        marker = next(i for i, u in enumerate(units) if u.kind is Kind.COMPILATION)
        if all(u.kind is not Kind.PROSE or u.words <= 12 for u in units[:marker]):
            for unit in units[:marker]:
                unit.kind = Kind.FURNITURE
    mark_issue_lines(units)
    drop_sponsor_slots(units)
    digest = is_digest(units)
    # A newsletter's masthead, issue date and greeting; or what stands above the first
    # of the rules that set a page's stories apart.
    ruled = ruled_header(units)
    head = units[: digest_header(units) or ruled]
    head += [u for u in units[len(head) :] if u.kind is Kind.ISSUE]
    issued = next((d for u in head if u.kind is not Kind.PROSE and (d := find_date(u.text))), "")
    day = (
        ""
        if issued
        else next((d for u in head if u.kind is not Kind.PROSE and (d := day_of_year(u.text))), "")
    )
    # A subject's issue number is weaker than the page's own: only stories at the
    # page's top heading level count, never an essay's crossheads.
    numbered = issue_digest(units) or (
        issue and not headed_titles(units) and top_level_stories(units)
    )
    for unit in head:
        unit.kind = Kind.FURNITURE
    kept: list[Unit] = []
    dropped_before = False
    for unit in units:
        if unit.kind in {Kind.FURNITURE, Kind.COMPILATION}:
            # A rule ends a story only on a page whose stories rules set apart.
            ends = bool(ruled or digest) or not is_rule(unit.text)
            dropped_before = dropped_before or ends
            continue
        unit.after_furniture = dropped_before
        dropped_before = False
        kept.append(unit)
    dropped = len(units) - len(kept)
    articles: list[Article] = []
    warnings: list[str] = []
    loose = (compilation or digest or numbered) and headed_titles(kept) < 2
    found = segments(kept, loose=loose)
    trim_page_head(found)
    for segment in found:
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
    unnumber(articles)
    for article in articles:
        if not article.title:
            article.title = fallback_title or _title_from_text(article.paragraphs[0])
    return Split(tuple(articles), compilation, dropped, tuple(warnings), issued, day)


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
    titles: list[Unit] = []
    excerpt: Unit | None = None  # a paragraph of prose read as the standfirst
    labels_end = False  # a date line came after the titles so far
    i = first_title or 0
    while in_head and i < len(units):
        unit = units[i]
        nxt = kind_at(units, i + 1)
        if unit.kind is Kind.TITLE and titles and (name := _head_byline(unit.text)):
            article.author = article.author or name  # "ADAM RADWAN" under the headline
        elif unit.kind is Kind.TITLE and len(titles) < 4:
            if labels_end and not any(masthead_publisher(t.text) for t in titles):
                titles = []  # a section's name above a date line, not this headline
            titles.append(unit)
            labels_end = False
        elif unit.kind is Kind.BULLETS and titles:
            article.standfirst = _join(article.standfirst, _unbullet(unit.text))
        elif unit.kind in _HEAD_FURNITURE | {Kind.BIO}:
            _take_aside(article, unit)
            labels_end = labels_end or (unit.kind is Kind.DATELINE and bool(titles))
        elif (
            unit.kind is Kind.PROSE
            and titles
            and not article.standfirst
            and unit.words <= STANDFIRST_MAX_WORDS
            and nxt in _HEAD_FURNITURE | {Kind.BIO}
        ):
            article.standfirst = unit.text
            excerpt = unit if unit.words >= BODY_MIN_WORDS else None
        else:
            break
        i += 1
    _assign_titles(article, titles)
    for unit in units[i if in_head else 0 :]:
        _place(article, unit)
    if not article.paragraphs and excerpt is not None and article.standfirst == excerpt.text:
        # A listing's excerpt: the one paragraph there is, read as the head's summary.
        # (A second title line is no excerpt: "Related:" links are no article.)
        article.add(excerpt)
        article.standfirst = ""
    _fill_people(article)
    return article


def _place(article: Article, unit: Unit) -> None:
    """A unit of the body: text into the body, the rest beside it."""
    if unit.kind in {Kind.PROSE, Kind.TITLE, Kind.BULLETS, Kind.ISSUE}:
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
        article.author = article.author or byline_author(unit.text)  # "… 2021 by Sarah Khan"
    elif unit.kind is Kind.SOURCE:
        article.publisher = article.publisher or source_name(unit.text)
        article.date = article.date or find_date(unit.text)
    elif unit.kind is Kind.BIO:
        article.bios.append(unit.text)
    elif unit.kind is Kind.BULLETS:
        article.add(unit)


def _assign_titles(article: Article, heads: list[Unit]) -> None:
    """Title, standfirst and masthead among the title-like lines of an article's head.

    A line in capitals before a headline that is not is a section label
    ("TOP OF THE NEWS", "OPINION") and goes; where the format marks
    headings, title-like lines before the first heading (a site's tagline,
    a kicker) go too, and the heading is the title.
    """
    heads = [
        unit
        for k, unit in enumerate(heads)
        if not (_is_kicker(unit.text) and k + 1 < len(heads) and not _is_kicker(heads[k + 1].text))
    ]
    levels = [unit.level for unit in heads if unit.heading and unit.level]
    top = min(levels, default=0)
    first_heading = next(
        (k for k, unit in enumerate(heads) if unit.heading and unit.level == top), 0
    )
    titles = [unit.text for unit in heads[first_heading:]]
    if len(titles) >= 3 or (len(titles) == 2 and masthead_publisher(titles[0])):
        article.publisher = masthead_publisher(titles[0]) or titles[0]
        titles = titles[1:]
    if titles:
        article.title = titles[0]
    if len(titles) > 1:
        article.standfirst = _join(" ".join(titles[1:]), article.standfirst)


def _head_byline(text: str) -> str:
    """A byline set as a line of its own under the headline, in capitals or with a role."""
    return caps_byline(text) or name_and_role(text)


def _is_kicker(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) <= 5 and bool(letters) and all(c.isupper() for c in letters)


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
