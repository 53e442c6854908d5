"""Where the articles of a page start: the page read as a sequence of unit kinds.

A compilation page (a blog's "Posts Tagged" page, a newspaper digest, a
newsletter) holds several articles in a row. A new article starts where
the layout says one starts, once the current one has at least two
paragraphs of body (one, on an excerpt listing, where both titles carry
the furniture of an article head):

- after an article's end (author bios, a run of footnotes, site furniture
  such as share buttons, a rule of dashes or stars, a "Via Reuters" source
  line after the body), at the next title or at a blogger's intro that is
  followed by a title;
- at a first-person intro followed by a title, even without an end marker;
- at a title followed by the furniture of an article head (caption, byline,
  date, summary bullets), or by a short standfirst and then that furniture.

A lone title-like line inside a body is a subheading (a crosshead) and
stays in the body. On a digest whose articles carry no head furniture at
all (a "morning brief": a headline, then paragraphs), that rule would find
a single article; there, and only on a page that says it collects several
stories (a "Posts Tagged" line, a newsletter masthead or greeting), every
title followed by a paragraph of body starts an article, at the level of
heading the page uses for its stories when the format states levels.

A digest's own head (its masthead, issue line and greeting) precedes the
first story and belongs to no article; so does what stands above the first
of the rules that set a page's stories apart. Its date is the date of the
stories that state none. An issue line ("Issue No. 88 — 5 October 2021",
`issue_line.py`) is looked for only on top of a page, above its first
paragraph of body: further down, "Resolution No. 2231" is a title. It marks
a digest's head, but a numbered issue is not always a digest (a journal's
article page says "Volume 14, Issue 8" too): only where no title on the
page carries a head's furniture are its titles over paragraphs stories
(`issue_digest`); a page whose titles carry bylines is cut by them anyway.
"""

from __future__ import annotations

from collections import Counter

from briefreader.corpus.blocks import Kind, Unit
from briefreader.corpus.furniture import digest_intro, digest_masthead, is_rule, sponsor_label
from briefreader.corpus.issue_line import is_issue_line, names_digest

END_MARKERS = frozenset({Kind.BIO, Kind.FOOTNOTE})
HEAD_FURNITURE = frozenset({Kind.CAPTION, Kind.BYLINE, Kind.DATELINE, Kind.BULLETS, Kind.SOURCE})
#: Prose this short right after a title, before the body, is a standfirst.
STANDFIRST_MAX_WORDS = 40
#: Prose at least this long is body text, not a head's standfirst or a label.
BODY_MIN_WORDS = 12


def segments(units: list[Unit], *, loose: bool = False) -> list[list[Unit]]:
    """The units of each article, in page order (`loose`: see the module's digest rule)."""
    level = _story_level(units) if loose else 0
    out: list[list[Unit]] = [[]]
    body = 0  # prose paragraphs seen in the current article so far
    headed = False  # the current article's title has the furniture of an article head
    for i, unit in enumerate(units):
        # An excerpt listing's stories hold one paragraph each: one is enough between
        # two titles that both carry a head's furniture.
        enough = body >= 2 or (body >= 1 and headed and _headed(units, i))
        if enough and (_starts_article(units, i) or (loose and _opens_story(units, i, level))):
            out.append([])
            body, headed = 0, False
        if unit.kind is Kind.TITLE and body == 0:  # the last title line above the body
            headed = _headed(units, i)
        out[-1].append(unit)
        # An intro followed by a title does not count as body.
        is_intro = unit.intro_score >= 2 and kind_at(units, i + 1) is Kind.TITLE
        if unit.kind is Kind.PROSE and unit.words >= BODY_MIN_WORDS and not is_intro:
            body += 1
    return [s for s in out if s]


def kind_at(units: list[Unit], i: int) -> Kind | None:
    return units[i].kind if 0 <= i < len(units) else None


def headed_titles(units: list[Unit]) -> int:
    """Titles followed by the furniture of an article head (directly or after a standfirst)."""
    return sum(1 for i, unit in enumerate(units) if unit.kind is Kind.TITLE and _headed(units, i))


def drop_sponsor_slots(units: list[Unit]) -> None:
    """A sponsor's slot in a newsletter is furniture, from its label to the next story's title.

    The slot is its label ("In partnership with"), the sponsor's headline
    and a few lines of pitch; were they kept, the headline would take the
    next story as its body. At most six units go, so a label set before a
    real story costs only the story's first lines, never a whole story.
    """
    for i, unit in enumerate(units):
        if unit.kind is not Kind.FURNITURE or not sponsor_label(unit.text):
            continue
        j = i + 1
        if kind_at(units, j) is Kind.TITLE:
            j += 1  # the sponsor's own headline
        end = next((k for k in range(j, min(j + 6, len(units))) if units[k].kind is Kind.TITLE), 0)
        for k in range(i + 1, end):
            units[k].kind = Kind.FURNITURE


def mark_issue_lines(units: list[Unit]) -> None:
    """Issue lines among the first units, above the first paragraph of body, become `ISSUE`."""
    for unit in units[:6]:
        if _long_prose([unit], 0):
            return
        if unit.kind not in {Kind.FURNITURE, Kind.COMPILATION} and is_issue_line(unit.text):
            unit.kind = Kind.ISSUE


def top_level_stories(units: list[Unit]) -> bool:
    """Two or more titles over body text at the page's top heading level among those.

    A newsletter's stories are its top headings; an essay's one title sits
    above its crossheads. Plain text states no levels, so never.
    """
    levels = [
        unit.level
        for i, unit in enumerate(units)
        if unit.kind is Kind.TITLE and unit.level and _long_prose(units, i + 1)
    ]
    return bool(levels) and levels.count(min(levels)) >= 2


def issue_digest(units: list[Unit]) -> bool:
    """A page with an issue line on top whose titles carry no head furniture: a digest."""
    return any(u.kind is Kind.ISSUE for u in units[:6]) and not headed_titles(units)


def digest_header(units: list[Unit], *, issue: bool = True) -> int:
    """How many units at the top are a digest's own head (masthead, date, greeting); 0: none.

    `issue`: an issue line marks a head too (`mark_issue_lines`); without,
    only what says the page is a digest does ("Morning Brief").
    """
    marks = [
        i
        for i, unit in enumerate(units[:6])
        if (unit.kind is Kind.TITLE and digest_masthead(unit.text))
        or (unit.kind is Kind.PROSE and digest_intro(unit.text))
        or (unit.kind is Kind.ISSUE and (issue or names_digest(unit.text)))
    ]
    if not marks:
        return 0
    for j in range(marks[-1] + 1, len(units)):
        if units[j].kind is Kind.TITLE and (_headed(units, j) or _long_prose(units, j + 1)):
            return j
        if _long_prose(units, j) and units[j].words > 60:
            return 0  # body text before any story's title: not a digest's head
    return 0


def ruled_header(units: list[Unit]) -> int:
    """How many units stand above the first of two or more rules between stories; 0: none.

    A page whose stories are set apart by rules ("-----", "* * *", `<hr>`),
    each rule followed by a story's title from the first on, has its own
    head above the first rule (a name, an issue date, a greeting), unless
    body text or a byline stands there. Only on such a page do rules end stories: an
    essay's "* * *" before its next paragraph, or a rule under an article's
    head, does not.
    """
    rules = [
        i for i, unit in enumerate(units) if unit.kind is Kind.FURNITURE and is_rule(unit.text)
    ]
    titled = [i for i in rules if kind_at(units, i + 1) is Kind.TITLE]
    if len(titled) < 2 or titled[0] != rules[0]:
        return 0
    above = range(rules[0])
    body_above = any(_long_prose(units, i) and units[i].words > 40 for i in above)
    # A byline up there heads an article (cut into sections by rules), not a digest.
    byline_above = any(units[i].kind is Kind.BYLINE for i in above)
    return 0 if body_above or byline_above else rules[0]


def is_digest(units: list[Unit]) -> bool:
    return bool(digest_header(units, issue=False)) or any(
        unit.kind is Kind.TITLE and digest_masthead(unit.text) for unit in units[:3]
    )


def _headed(units: list[Unit], i: int) -> bool:
    after = kind_at(units, i + 1)
    if after in HEAD_FURNITURE or after is Kind.BIO:
        return True
    short_next = after is Kind.TITLE or (
        after is Kind.PROSE and units[i + 1].words <= STANDFIRST_MAX_WORDS
    )
    return short_next and kind_at(units, i + 2) in HEAD_FURNITURE | {Kind.BIO}


def _long_prose(units: list[Unit], i: int) -> bool:
    return kind_at(units, i) is Kind.PROSE and units[i].words >= BODY_MIN_WORDS


def _story_level(units: list[Unit]) -> int:
    """The heading level the page's stories use, when the format states levels (else 0)."""
    levels = Counter(
        unit.level
        for i, unit in enumerate(units)
        if unit.kind is Kind.TITLE and unit.level and _long_prose(units, i + 1)
    )
    return min((lvl for lvl, n in levels.items() if n >= 2), default=0)


def _opens_story(units: list[Unit], i: int, level: int) -> bool:
    unit = units[i]
    if unit.kind is not Kind.TITLE or not _long_prose(units, i + 1):
        return False
    return not level or not unit.level or unit.level <= level


def _starts_article(units: list[Unit], i: int) -> bool:
    kind, prev, after = units[i].kind, kind_at(units, i - 1), kind_at(units, i + 1)
    # A source line after body text ("Via Reuters") closes its story, as a bio does.
    sourced = prev is Kind.SOURCE and kind_at(units, i - 2) is Kind.PROSE
    after_end = prev in END_MARKERS or units[i].after_furniture or sourced
    if kind is Kind.TITLE:
        if after_end:
            return True
        if prev is Kind.TITLE:
            return False
        if after in HEAD_FURNITURE or after is Kind.BIO:
            return True
        short_next = after is Kind.TITLE or (
            after is Kind.PROSE and units[i + 1].words <= STANDFIRST_MAX_WORDS
        )
        return short_next and kind_at(units, i + 2) in HEAD_FURNITURE | {Kind.BIO}
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
