"""Reading order for PDF pages: text runs with their boxes in, blocks out.

A PDF states where each run of text is drawn, not in which order to read
it; producers draw two-column pages column by column, row by row across the
gutter, or in any order at all. So the order is rebuilt from geometry, the
same way on every page:

1. **Lines.** Runs whose vertical extents overlap and that nearly touch
   horizontally form a line; a gap wider than a few spaces (a gutter) never
   joins two runs. A much smaller run at the end of a line, raised above
   its middle, is a footnote marker and is written "[n]", apart from the word.
2. **Running heads and feet.** A line near the top or bottom of the page
   whose text (digits ignored) comes back at the same height on other pages
   is the running header or footer; a line there that is only a page number
   ("12", "— 12 —", "Page 12 of 40", "xii") goes too.
3. **Columns.** Within a band of the page (between lines that span the whole
   text width, such as a title), the gutter is the vertical strip that the
   body lines do not cross; each column is read top to bottom, left to right.
4. **Blocks.** The body size is the size most characters have. Larger lines
   are headings; smaller lines at the foot of a page, below its body, are
   footnotes (a new note at each leading number). Lines are joined into a
   paragraph until a wider gap, a change of size, or a short line that ends
   a sentence; a column break inside a paragraph keeps it whole. A word
   broken at a line end ("organi-" + "sation", or PDFium's own U+0002 mark
   for a soft hyphen) is joined; "al-" + "Qaeda" keeps its hyphen.

Sizes are the font sizes the PDF sets (PDFium reports them per character);
a glyph box's height varies with the letters in it ("ncy." is shorter than
"Kabul"), so it only stands in where the size is unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefreader.corpus.formats.form import Block

#: Lines whose size is at least this times the body size are headings.
HEADING_RATIO = 1.12
#: Lines at most this times the body size are small print (notes, captions).
SMALL_RATIO = 0.9
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—\s]*(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|of)\s*\d{1,4})?[-–—\s]*$", re.I
)
_NOTE_START = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3}))[.)]?\s+\S")
_MARKERS = re.compile(r"\[\d{1,3}\]")
_SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")


@dataclass(frozen=True, slots=True)
class Run:
    """A run of text as the PDF draws it: its box (PDF points, y upwards) and text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    font_size: float = 0.0  # as the PDF sets it; 0 when unknown

    @property
    def size(self) -> float:
        """The font size, else the box's height (which runs a little under it)."""
        return self.font_size if self.font_size > 0 else (self.y1 - self.y0) * 1.1


@dataclass(slots=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    page: int = 0
    spanning: bool = False
    column: int = 0
    parts: list[Run] = field(default_factory=list)

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


def lines_of(runs: Sequence[Run], page: int) -> list[Line]:
    """Runs grouped into lines, top to bottom; footnote markers set apart."""
    ordered = sorted((r for r in runs if r.text.strip()), key=lambda r: (-r.y1, r.x0))
    # Digits in a small size may be footnote markers: placed once the lines stand.
    markers = [r for r in ordered if _marker_like(r)]
    lines: list[Line] = []
    for run in ordered:
        if not markers or not _marker_like(run):
            _place(lines, run, _host(lines, run), page)
    for run in markers:
        _place(lines, run, _marker_host(lines, run), page)
    lines.sort(key=lambda line: (-line.y1, line.x0))
    for line in lines:
        line.text = _line_text(line)
    return [line for line in lines if line.text]


def _place(lines: list[Line], run: Run, host: Line | None, page: int) -> None:
    if host is None:
        lines.append(Line(run.x0, run.y0, run.x1, run.y1, "", run.size, page, parts=[run]))
        return
    host.parts.append(run)
    host.x0, host.x1 = min(host.x0, run.x0), max(host.x1, run.x1)
    if run.size >= host.size:
        host.y0, host.y1 = min(host.y0, run.y0), max(host.y1, run.y1)
    host.size = max(host.size, run.size)


def _marker_like(run: Run) -> bool:
    text = run.text.strip()
    return text.isdigit() and len(text) <= 3


def _marker_host(lines: list[Line], run: Run) -> Line | None:
    """The line a small run of digits is set against: overlapping it, right after a word."""
    for line in lines:
        if run.size >= 0.75 * line.size:
            continue
        if run.y0 < line.y1 + 1 and run.y1 > line.y0 - 1 and -2 <= run.x0 - line.x1 <= line.size:
            return line
    return _host(lines, run)


def _host(lines: list[Line], run: Run) -> Line | None:
    """The line this run continues: overlapping heights, a word's gap apart at most."""
    for line in reversed(lines[-8:]):
        middle = (run.y0 + run.y1) / 2
        if not (line.y0 - 1 <= middle <= line.y1 + 1 or run.y0 <= line.middle <= run.y1):
            continue
        size = max(line.size, run.size)
        gap = max(run.x0 - line.x1, line.x0 - run.x1)
        if gap <= 0.9 * size:
            return line
    return None


def _line_text(line: Line) -> str:
    parts = sorted(line.parts, key=lambda r: r.x0)
    body = max(r.size for r in parts)
    out = ""
    for run in parts:
        text = run.text.replace("\r", "").replace("\n", " ")
        raised = run.size < 0.75 * body and (run.y0 + run.y1) / 2 > line.middle
        if raised and text.strip().isdigit() and len(text.strip()) <= 3:
            out = out.rstrip() + f"[{text.strip()}] "
            continue
        if out and not out.endswith((" ", "\x02", "-")) and not text.startswith(" "):
            out += " "
        out += text
    return " ".join(out.replace("\x02 ", "\x02").split(" ")).strip()


def body_size(lines: Sequence[Line]) -> float:
    """The size most characters are set in (to half a point)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def drop_running_furniture(pages: list[list[Line]]) -> int:
    """Remove running headers, footers and page numbers from every page; return how many."""
    seen: Counter[tuple[str, int]] = Counter()
    edges: list[list[Line]] = []
    for lines in pages:
        if not lines:
            edges.append([])
            continue
        by_height = sorted(lines, key=lambda line: -line.y1)
        edge = [*by_height[:2], *by_height[-2:]]
        edges.append(edge)
        for line in set(map(id, edge)):
            found = next(x for x in edge if id(x) == line)
            seen[_furniture_key(found)] += 1
    repeats = max(2, min(3, len(pages)))
    dropped = 0
    for lines, edge in zip(pages, edges, strict=True):
        doomed = {
            id(line)
            for line in edge
            if seen[_furniture_key(line)] >= repeats or _PAGE_NUMBER.match(line.text)
        }
        if doomed:
            lines[:] = [line for line in lines if id(line) not in doomed]
            dropped += len(doomed)
    return dropped


def _furniture_key(line: Line) -> tuple[str, int]:
    """The line's text and height; digits count as one only in a short line.

    "Annual Report 2021 | 12" recurs with another number on each page, but
    footnotes at the foot of successive pages ("2 Monitoring Team report
    S/2021/606, para. 6") differ in more than their numbers and must stay.
    """
    text = " ".join(line.text.split()).lower()
    if len(text.split()) <= 6 or "page" in text:
        text = re.sub(r"\d+", "#", text)
    return text, round(line.y0 / 6)


def reading_order(lines: list[Line], size: float) -> list[Line]:
    """The page's lines in reading order: bands top to bottom, columns left to right."""
    if not lines:
        return []
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    width = right - left
    body = [line for line in lines if abs(line.size - size) <= 0.25 * size]
    gutters = _gutters(body or lines, left, right)
    for line in lines:
        line.spanning = width > 0 and any(line.x0 < g < line.x1 for g in gutters)
        line.column = sum(1 for g in gutters if line.x0 >= g)
    out: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda ln: -ln.y1):
        if line.spanning:
            out.extend(sorted(band, key=lambda ln: (ln.column, -ln.y1)))
            band = []
            out.append(line)
        else:
            band.append(line)
    out.extend(sorted(band, key=lambda ln: (ln.column, -ln.y1)))
    return out


def _gutters(lines: Sequence[Line], left: float, right: float, depth: int = 0) -> list[float]:
    """x positions of the gutters between columns (none for a single column)."""
    if depth > 2 or len(lines) < 6:
        return []
    width = right - left
    best, best_score = None, 0
    for candidate in sorted({round(line.x0) for line in lines}):
        if not left + 0.2 * width < candidate < right - 0.2 * width:
            continue
        cut = candidate - 2
        crossing = sum(1 for line in lines if line.x0 < cut < line.x1)
        on_left = sum(1 for line in lines if line.x1 <= cut)
        on_right = sum(1 for line in lines if line.x0 >= cut)
        if crossing > 0.08 * len(lines) or min(on_left, on_right) < max(3, 0.05 * len(lines)):
            continue
        score = min(on_left, on_right) - 4 * crossing
        if score > best_score:
            best, best_score = cut, score
    if best is None:
        return []
    left_lines = [line for line in lines if line.x1 <= best]
    right_lines = [line for line in lines if line.x0 >= best]
    return sorted(
        [
            *_gutters(left_lines, left, best, depth + 1),
            best,
            *_gutters(right_lines, best, right, depth + 1),
        ]
    )


def split_notes(lines: list[Line], size: float) -> tuple[list[Line], list[Line]]:
    """(body lines, footnote lines): small print below the page's last body line."""
    body_bottom = min((line.y0 for line in lines if line.size > SMALL_RATIO * size), default=None)
    if body_bottom is None:
        return lines, []
    notes = [
        line for line in lines if line.size <= SMALL_RATIO * size and line.y1 <= body_bottom + 1
    ]
    if not notes or not _NOTE_START.match(max(notes, key=lambda ln: ln.y1).text):
        return lines, []
    kept = [line for line in lines if line not in notes]
    return kept, sorted(notes, key=lambda ln: (ln.column, -ln.y1))


def paragraphs(lines: Sequence[Line], size: float) -> list[Block]:
    """Body lines in reading order to heading and paragraph blocks."""
    blocks: list[Block] = []
    text, kind, page = "", "paragraph", 0
    previous: Line | None = None
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for line in lines:
        left, right = edges.get((line.page, line.column), (line.x0, line.x1))
        edges[(line.page, line.column)] = (min(left, line.x0), max(right, line.x1))
    for line in lines:
        line_kind = "heading" if line.size >= HEADING_RATIO * size else "paragraph"
        edge = (
            edges[(line.page, line.column)]
            if previous is None
            else edges[(previous.page, previous.column)]
        )
        if previous is None or _breaks(previous, line, line_kind, kind, size, edge):
            if text:
                blocks.append(Block(kind, _clean(text), page))  # type: ignore[arg-type]
            text, kind, page = line.text, line_kind, line.page
        else:
            text = _join(text, line.text)
        previous = line
    if text:
        blocks.append(Block(kind, _clean(text), page))  # type: ignore[arg-type]
    return blocks


def notes_blocks(lines: Sequence[Line]) -> list[Block]:
    """Footnote lines to one block per note (a note starts at its number)."""
    notes: list[Block] = []
    for line in lines:
        start = _NOTE_START.match(line.text)
        if start or not notes:
            number = int(start.group(1) or start.group(2)) if start else 0
            text = line.text
            if start and start.group(1):  # "[3] text" -> "3 text"
                text = f"{number} {line.text[start.end(1) + 1 :].strip()}"
            notes.append(Block("footnote", text, line.page, number=number))
        else:
            last = notes[-1]
            notes[-1] = Block(
                "footnote", _join(last.text, line.text), last.page, number=last.number
            )
    return [Block("footnote", _clean(n.text), n.page, number=n.number) for n in notes]


def _breaks(
    previous: Line,
    line: Line,
    line_kind: str,
    kind: str,
    size: float,
    edge: tuple[float, float],
) -> bool:
    """Whether `line` starts a new block after `previous` (whose column spans `edge`)."""
    if line_kind != kind or abs(line.size - previous.size) > 0.15 * size:
        return True
    if previous.text.endswith(("\x02", "-")) and line.text[:1].islower():
        return False  # a word broken across the lines, whatever lies between them
    if kind == "heading":
        return previous.page != line.page or previous.y0 - line.y1 > line.size
    same_column = line.page == previous.page and line.column == previous.column
    if same_column and not previous.spanning and not line.spanning:
        gap = previous.y0 - line.y1
        if gap > 0.75 * line.size or gap < -line.size:
            return True
        indent = line.x0 - previous.x0
        if indent > 1.2 * size and _SENTENCE_END.search(previous.text.rstrip("\x02")):
            return True
    ends = _SENTENCE_END.search(_MARKERS.sub("", previous.text))
    short = previous.x1 < edge[1] - 0.06 * max(edge[1] - edge[0], 1.0)
    return bool(ends and short)


#: A hyphen after these stays at a line end ("Tehrik-e-" + "taliban", "anti-" +
#: "government"): a name's particle or a prefix, not a broken word. Short English
#: syllables ("al-though", "at-tack", "ex-ample") are left out: they break words.
_KEEP_HYPHEN_AFTER = re.compile(r"-(?:e|i|ul|ud|ut)$|(?:^|[\s(“\"'‘])(?:anti|non|self)$", re.I)


def _join(text: str, more: str) -> str:
    """Two lines of one paragraph, as one. A hyphen at the line end (pdfium reports it as
    \x02 when it takes it for a break) joins a broken word, but a name's hyphen stays:
    before a capital or a digit ("al-" + "Qaida", "IS-" + "K", "COVID-" + "19") and
    after a name's particle or a prefix ("Lashkar-e-" + "taiba", "anti-" + "state")."""
    soft = text.endswith("\x02")
    if soft or re.search(r"[A-Za-zÀ-ÿ]-$", text):
        head = text[:-1]
        if more[:1].isupper() or more[:1].isdigit() or _KEEP_HYPHEN_AFTER.search(head):
            return f"{head}-{more}"
        if soft or more[:1].islower():
            return head + more
    return f"{text} {more}"


def _clean(text: str) -> str:
    return " ".join(text.replace("\x02", "-").split())
