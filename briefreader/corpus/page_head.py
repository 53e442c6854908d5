"""What on top of a page's first article, or in its titles, belongs to the page.

A listing's section names sit above its first story ("West Africa",
"Latest stories"), and a digest numbers its stories 1, 2, 3: neither is
part of any article's title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefreader.corpus.blocks import Kind, Unit
from briefreader.corpus.byline import masthead_publisher

if TYPE_CHECKING:
    from briefreader.corpus.split import Article

_HEAD_KINDS = frozenset({Kind.TITLE, Kind.DATELINE, Kind.CAPTION, Kind.SOURCE})


def trim_page_head(found: list[list[Unit]]) -> None:
    """Title lines the page sets above its first article's own are the page's, not the article's.

    Where every later article opens with the same number of title lines, the
    first article's extra ones on top ("West Africa", "Latest stories") are
    the page's section names; a publication's name among them is kept for
    the masthead rule.
    """
    if len(found) < 2:
        return
    counts = [_head_titles(segment) for segment in found]
    later = set(counts[1:])
    if len(later) != 1 or counts[0] <= (k := later.pop()) or k == 0:
        return
    heads = [unit for unit in found[0][:8] if unit.kind is Kind.TITLE]
    if len(heads) <= counts[0] - k:
        return
    extra, title = heads[: counts[0] - k], heads[counts[0] - k]
    # Section names are short; a longer line on top is the title over a subtitle.
    if all(len(u.text.split()) <= 4 and len(u.text) < len(title.text) for u in extra):
        for unit in extra:
            if not masthead_publisher(unit.text):
                unit.kind = Kind.FURNITURE


def _head_titles(segment: list[Unit]) -> int:
    count = 0
    for unit in segment:
        if unit.kind not in _HEAD_KINDS:
            break
        count += unit.kind is Kind.TITLE
    return count


_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")


def unnumber(articles: list[Article]) -> None:
    """A digest's stories numbered 1, 2, 3 lose the number from their titles."""
    found = [_NUMBERED.match(article.title) for article in articles]
    numbers = [int(m.group(1)) for m in found if m]
    consecutive = (
        numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    )
    if len(articles) >= 2 and len(numbers) == len(articles) and consecutive:
        for article, match in zip(articles, found, strict=True):
            assert match is not None
            article.title = match.group(2)
