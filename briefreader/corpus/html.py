"""HTML to readable text with a real parser.

Blocks (paragraphs, headings, list items, table cells) become paragraphs
separated by blank lines, so the splitter sees the same shape it sees in a
plain-text file. Scripts, styles, navigation chrome and forms are dropped
before any text is read, and entities are decoded by the parser, never by
string replacement.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import NavigableString

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "address",
        "hr",
        "ul",
        "ol",
        "dl",
        "body",
    }
)
_MARK = "\u0000"  # a paragraph break; no NUL survives decoding into the tree
_WS = re.compile(r"[ \t\r\n\f\v]+")


#: "Headline | Site", "Headline - Site", "Headline — Site": the site is the short last part.
_TITLE_SITE = re.compile(r"\s[|–—-]\s(?P<site>[^|–—]{2,60})$")
_SITE_META = ({"property": "og:site_name"}, {"name": "og:site_name"}, {"name": "application-name"})


def html_head(html: str) -> tuple[str, str]:
    """The page's title (without a trailing " | Site") and the site's name, either may be "".

    The title stands in when the body names none; the site name is the
    publisher of a page that holds a single article and names no other.
    """
    soup = _parse(html)
    node = soup.find("title")
    title = _WS.sub(" ", node.get_text()).strip() if node else ""
    site = ""
    for attrs in _SITE_META:
        meta = soup.find("meta", attrs=attrs)
        content = meta.get("content") if isinstance(meta, Tag) else None
        if isinstance(content, str) and content.strip():
            site = _WS.sub(" ", content).strip()
            break
    found = _TITLE_SITE.search(title)
    if found and len(found.group("site").split()) <= 5:
        tail = found.group("site").strip()
        if not site or tail == site:
            site = site or tail
            title = title[: found.start()].strip()
    return title, site


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, paragraphs separated by blank lines."""
    soup = _parse(html)
    for name in _DROP:
        for node in soup.find_all(name):
            node.decompose()
    parts: list[str] = []
    _walk(soup, parts)
    joined = "".join(parts)
    paragraphs = (_WS.sub(" ", chunk).strip() for chunk in joined.split(_MARK))
    return "\n\n".join(p for p in paragraphs if p)


def _parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html.replace(_MARK, ""), "lxml")


def _walk(node: Tag, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, CDATA or doctype
                parts.append(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                parts.append("\n" if node.name == "pre" else " ")
                continue
            block = child.name in _BLOCKS
            if block:
                parts.append(_MARK)
            _walk(child, parts)
            if block:
                parts.append(_MARK)
