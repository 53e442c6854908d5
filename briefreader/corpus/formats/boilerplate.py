"""Page chrome that is no article: removed from a web page before its text is read.

Web pages wrap an article in navigation, sidebars of recent posts and tag
clouds, "related stories" lists, comment threads, cookie banners and
newsletter sign-ups. Read as text, their link lists look like titles and
their sentences like body, so a one-article page came out as two documents
with the comments in the body. They are recognised by the page's own
structure, never by their wording, and only on a page of one article: a
listing of several posts (more than one `<article>`, or several headings
that link to posts) keeps its structure whole, for the splitter reads its
furniture as the ends and heads of its articles.

What goes:

- `<aside>`, and a `<header>`/`<footer>` that is the page's own (not an
  article's header with its title and date, nor its footer);
- elements whose id or class names the role: sidebar, widget, related,
  comments, cookie or consent, newsletter or sign-up, breadcrumbs, menus,
  advertising, pop-ups (matched as whole words of the class, so an
  "op-ed-commentary" body is kept).

Measured on 20 article pages in five site layouts (tests/benchmarks/
test_bench_web.py builds them): before this pass the HTML path kept every
article paragraph but only 81 % of what it kept was article text (cookie
notices, comments, sidebars; 16 of 20 pages gave a second, spurious document
from a link list); trafilatura 2.3 kept 98 %, but on a tag archive it kept
only the first article and no titles, and it flattened footnotes into body
paragraphs, so it was not taken. With this pass the HTML path keeps all
article text, at the precision figures the benchmark prints.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

_ROLES = frozenset(
    {
        "sidebar",
        "widget",
        "widgets",
        "related",
        "comments",
        "comment",
        "respond",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "newsletter",
        "signup",
        "subscribe",
        "subscription",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "navbar",
        "navigation",
        "advert",
        "advertisement",
        "ads",
        "ad",
        "promo",
        "popup",
        "modal",
        "masthead",
        "colophon",
    }
)
_CONTENT = ("article", "main")
_ARIA_CHROME = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_TOKEN = re.compile(r"[a-z]+")


def prune(soup: BeautifulSoup) -> int:
    """Remove the page's chrome in place; return how many elements went.

    An element holding most of the page's text is never chrome, whatever its
    class says (a newsletter wrapped in `<div class="newsletter">`).
    """
    if _listing(soup):
        return 0
    total = len(soup.get_text(" ", strip=True))
    doomed: list[Tag] = []
    for tag in soup.find_all(True):
        if not isinstance(tag, Tag) or any(_inside(tag, d) for d in doomed[-3:]):
            continue
        if _is_chrome(tag) and len(tag.get_text(" ", strip=True)) <= total / 2:
            doomed.append(tag)
    for tag in doomed:
        tag.decompose()
    return len(doomed)


def _listing(soup: BeautifulSoup) -> bool:
    """A page of several posts (an archive, a digest): its structure is left whole.

    Its articles sit among the same furniture as their titles and dates, and
    the splitter reads that furniture as the ends and heads of articles.
    """
    if len(soup.find_all("article")) > 1:
        return True
    linked = [h for h in soup.find_all(["h1", "h2", "h3"]) if h.find("a", href=True)]
    return len(linked) > 1


def _is_chrome(tag: Tag) -> bool:
    if tag.name in {"html", "body", "article", "main"}:
        return False
    if tag.name == "aside":
        return True
    if tag.name in {"header", "footer"} and tag.find_parent(_CONTENT) is None:
        # The page's own header or footer, unless the article itself is inside it.
        return tag.find(_CONTENT) is None and not tag.find(["h1"])
    if str(tag.get("role") or "") in _ARIA_CHROME:
        return True
    names = " ".join([str(tag.get("id") or ""), *(tag.get("class") or [])]).lower()
    if not names:
        return False
    tokens = set(_TOKEN.findall(names))
    if not tokens & _ROLES:
        return False
    # A container of the article itself is never chrome, whatever it is called.
    return tag.find(_CONTENT) is None and tag.find("h1") is None


def _inside(tag: Tag, ancestor: Tag) -> bool:
    return any(parent is ancestor for parent in tag.parents)
