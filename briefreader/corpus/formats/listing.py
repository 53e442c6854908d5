"""A listing page's posts, found by the page's repeated structure rather than its wording.

Archive pages, tag pages, topic pages, think-tank listings, IndieWeb
feeds and newsletter templates all print their posts in containers of one
kind, repeated: `<article>` elements, `div.post-outer`, `li.stream-item`,
`div.h-entry`, `table.mcnTextBlock`. Where the page has such a run, each
container is one article, whatever its text looks like; the splitter only
reads the head of each (`parse.py` gets one piece per container).

A run is taken when all of these hold:

- two or more elements of one kind (tag and first class name without
  digits, so `post-12` and `post-13` are one kind; any `<article>`) each
  hold a heading and at least a sentence of text besides it, and none holds
  another of its kind (the innermost are the posts);
- together they hold at least half of the page's words, so a "related
  posts" box or a comment list is never taken for the page's articles;
- the page has no text of its own outside them (three paragraphs of body
  text), and they are not one long story under an `<h1>` among shorter
  teasers of other stories (a news article with "more stories" cards);
- at least half of them say they are posts: an `<article>` element, a
  schema.org Article or BlogPosting, a class naming a post, entry, card,
  item, teaser, story or result (h-entry, hentry), a `<time>`, an author
  mark, or a heading that links to the post. Sections of one long article
  (`<section><h2>` crossheads) carry none of these, and are not split.

Among several runs the one with the most posts wins (then the one holding
more of the page, then the outermost, which keeps a post's own footer).

Each post's metadata is read from its markup, where the page states it:
the date from a `<time>` marked published (or the first that is not an
update time), `itemprop=datePublished`, or a short element whose class
names a date; the authors from `rel=author`, `itemprop=author`, h-card
`p-author`, `vcard fn`, or a short element whose class names an author or
byline; never from replies, comments or related posts. The small block
that held them (an "entry-meta" line) is then left out of the text, so a
bare name is never read as a standfirst. A page of one article gets its
author and date the same way where its head states none (`single_post`).

A newsletter template's head above its first post may carry an issue line
("Edition 12 | Thursday, 7 October 2021", `issue_line.py`): its date dates
the posts that state none (`issue_date`), as it does on a page the
splitter cuts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from briefreader.corpus.dates import day_of_year, find_date
from briefreader.corpus.formats.post_marks import (
    HEADINGS,
    author_mark,
    marks_of,
    meta_block,
    post_authors,
    post_date,
)
from briefreader.corpus.issue_line import MAX_WORDS, is_issue_line

#: Words outside its heading a post must hold (a one-line excerpt does).
_BODY_WORDS = 12
_MAX_HEADINGS = 3000  # a page with more is no listing we can judge cheaply
_POST_CLASS = re.compile(
    r"^(?:h-entry|hentry|post|posts|entry|card|item|teaser|story|result|article|blog|"
    r"news|(?:post|entry|blog|news|story|card|stream|result|list|archive|feed)[-_]?"
    r"(?:item|card|entry|outer|preview|summary|teaser|post|block|article))$",
    re.IGNORECASE,
)
_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Posting|Report|Review", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Post:
    """One post of a listing: its container and what its markup states."""

    node: Tag
    authors: tuple[str, ...]
    date: str
    link: str
    title: str


def listing_posts(soup: BeautifulSoup) -> list[Post]:
    """The posts of a listing page in page order, or [] when the page is no listing.

    The small metadata blocks the posts' authors and dates came from are
    removed from the soup.
    """
    body = soup.body or soup
    tallies, headings = _tally(body)
    total = tallies[id(body)].words
    if len(headings) < 2 or len(headings) > _MAX_HEADINGS or not total:
        return []
    runs: dict[str, dict[int, Tag]] = {}
    for heading in headings:
        for parent in heading.parents:
            if parent is body or parent.name in {"html", "[document]", "body"}:
                break
            runs.setdefault(_kind(parent), {})[id(parent)] = parent
    best: tuple[tuple[int, float, int], list[Tag]] | None = None
    for elements in runs.values():
        posts = [
            post
            for post in _innermost(list(elements.values()))
            if tallies[id(post)].words - tallies[id(post)].heading_words >= _BODY_WORDS
        ]
        if len(posts) < 2:
            continue
        cover = sum(tallies[id(p)].words for p in posts) / total
        if cover < 0.5 or not _say_posts(posts, tallies) or _one_article(posts, tallies):
            continue
        key = (len(posts), round(cover, 3), -_depth(posts[0]))
        if best is None or key > best[0]:
            best = (key, posts)
    if best is None or _prose_outside(body, best[1]) >= 3:
        return []
    return [_post(node) for node in best[1]]


def single_post(soup: BeautifulSoup) -> Post:
    """The author and date a one-article page's markup states around its text.

    Read from the page's one `<article>` (else `<main>`, else the body),
    leaving out replies and related posts. Their small metadata block
    leaves the text as a listing post's does, but only where there is one
    byline and one `<time>`: a page of several stories the splitter will
    cut keeps each story's own.
    """
    body = soup.body or soup
    articles = body.find_all("article")
    node = articles[0] if len(articles) == 1 else body.find("main") or body
    return _post(node, take=None)


_BLOCKS = frozenset(
    {"p", "div", "td", "th", "li", "center", "header", "h1", "h2", "h3", "h4", "h5", "h6"}
)


def issue_date(first: Tag) -> str:
    """The date of the issue line among the last lines above a listing's first post; "": none.

    Where the line names its day without the year ("Edition 12 | Thursday, 7
    October"), the day is given as "--MM-DD" (ISO 8601's form for it), for
    the reader that knows the sending date to complete.
    """
    blocks: dict[int, Tag] = {}
    for string in first.find_all_previous(string=True, limit=200):
        block = next((p for p in string.parents if p.name in _BLOCKS or p.name == "body"), None)
        if block is None or block.name == "body" or any(p is block for p in first.parents):
            continue
        blocks.setdefault(id(block), block)
        if len(blocks) >= 8:
            break
    for block in reversed(list(blocks.values())):
        line = " ".join(block.get_text(" ", strip=True).split())
        if len(line.split()) <= MAX_WORDS and is_issue_line(line):
            if date := find_date(line):
                return date
            if day := day_of_year(line):
                return f"--{day}"
    return ""


@dataclass(slots=True)
class _Tally:
    """What an element holds, counted once for the whole page (bs4's searches are slow)."""

    words: int = 0
    heading_words: int = 0
    first_heading: Tag | None = None
    marked: bool = False  # holds a <time> or an author mark


def _tally(body: Tag) -> tuple[dict[int, _Tally], list[Tag]]:
    """Every element's tally, bottom up without recursion; and the headings in page order."""
    tallies: dict[int, _Tally] = {}
    headings: list[Tag] = []
    stack: list[tuple[Tag, bool]] = [(body, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(node.contents) if isinstance(c, Tag))
            if node.name in HEADINGS:
                headings.append(node)
            continue
        tally = _Tally()
        for child in node.contents:
            if isinstance(child, Tag):
                inner = tallies[id(child)]
                tally.words += inner.words
                tally.heading_words += inner.heading_words
                tally.first_heading = tally.first_heading or inner.first_heading
                tally.marked = tally.marked or inner.marked
            elif type(child) is NavigableString:
                tally.words += len(child.split())
        if node.name in HEADINGS:
            tally.heading_words, tally.first_heading = tally.words, node
        tally.marked = tally.marked or node.name == "time" or author_mark(node)
        tallies[id(node)] = tally
    return tallies, headings


def _say_posts(posts: list[Tag], tallies: dict[int, _Tally]) -> bool:
    """Whether at least half of `posts` say they are posts (stops as soon as it knows)."""
    said = 0
    for k, post in enumerate(posts):
        said += _says_post(post, tallies[id(post)])
        if said * 2 >= len(posts):
            return True
        if (said + len(posts) - k - 1) * 2 < len(posts):
            return False
    return False


def _one_article(posts: list[Tag], tallies: dict[int, _Tally]) -> bool:
    """One long story under an `<h1>` among teasers of others: an article page, not a listing."""
    sizes = [tallies[id(p)].words for p in posts]
    main = max(range(len(posts)), key=sizes.__getitem__)
    if sizes[main] <= sum(sizes) - sizes[main]:
        return False
    levels = [_level(tallies[id(p)].first_heading) for p in posts]
    others = [lvl for k, lvl in enumerate(levels) if k != main]
    return levels[main] < min(others)


def _level(heading: Tag | None) -> int:
    return int(heading.name[1]) if heading is not None else 7


def _prose_outside(body: Tag, posts: list[Tag]) -> int:
    """Paragraphs of body text outside the posts: a page with a text of its own."""
    inside = {id(p) for p in posts}
    count = 0
    for paragraph in body.find_all("p"):
        if len(paragraph.get_text(" ", strip=True).split()) < 25:
            continue
        if not any(id(parent) in inside for parent in paragraph.parents):
            count += 1
    return count


def _kind(tag: Tag) -> str:
    if tag.name == "article":
        return "article"
    classes = [c for c in (tag.get("class") or []) if not any(ch.isdigit() for ch in c)]
    return f"{tag.name}.{classes[0]}" if classes else str(tag.name)


def _innermost(elements: list[Tag]) -> list[Tag]:
    ids = {id(e) for e in elements}
    holders = {id(p) for e in elements for p in e.parents if id(p) in ids}
    return [e for e in elements if id(e) not in holders]


def _depth(tag: Tag) -> int:
    return sum(1 for _ in tag.parents)


def _says_post(tag: Tag, tally: _Tally) -> bool:
    if tag.name == "article" or _ARTICLE_TYPE.search(str(tag.get("itemtype") or "")):
        return True
    if any(_POST_CLASS.match(c) for c in tag.get("class") or []) or tally.marked:
        return True
    return tally.first_heading is not None and bool(_heading_link(tally.first_heading))


def _heading_link(heading: Tag) -> str:
    """Where a heading points: a link inside it or around it (not an anchor on the page)."""
    anchor = next(
        (d for d in heading.descendants if isinstance(d, Tag) and d.name == "a" and d.get("href")),
        None,
    ) or next((p for p in heading.parents if p.name == "a" and p.get("href")), None)
    href = str(anchor["href"]).strip() if anchor is not None else ""
    return href if href and not href.startswith(("#", "javascript:", "mailto:")) else ""


def _post(node: Tag, *, take: bool | None = True) -> Post:
    """A post's metadata; with `take`, its small metadata block leaves the text.

    `take=None`: only where the node holds one byline and one `<time>`.
    """
    marks = marks_of(node)
    heading = marks.heading
    title = " ".join(heading.get_text(" ", strip=True).split()) if heading else ""
    link = _heading_link(heading) if heading else ""
    date, date_node = post_date(marks)
    authors, author_nodes = post_authors(marks.authors)
    if take is None:
        take = len(marks.authors) <= 1 and len(marks.times) <= 1
    for held in [date_node, *author_nodes] if take else []:
        if held is not None and any(parent is node for parent in held.parents):
            block = meta_block(held, node)
            if block is not None:
                block.decompose()
    return Post(node, authors, date, link if link.startswith("http") else "", title)
