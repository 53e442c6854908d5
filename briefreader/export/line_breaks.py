"""ReportLab's line breaking for mixed-style text, the same lines at a third of the cost.

A highlighted quote, a citation or an index entry is a paragraph of several
styled fragments. ReportLab breaks such a paragraph word by word in a
general loop that, for every word, compares the word's style with the
previous one attribute by attribute (colours through Python `__eq__`),
measures a space once for every fragment already on the line and looks up
font metrics again. That loop was 40% of a briefing's export.

`break_frag_lines` is that loop, statement for statement, for the case a
briefing produces: fresh fragments of text only (no images, anchors, line
breaks or soft hyphens), no hyphenation, shaping or automatic leading, and
no word wider than the line. What it repeats it remembers within the
paragraph: whether two fragments look the same, the width of a space and
the ascent of a font, and the spaces on the line so far. The arithmetic is
the same operations in the same order, so the lines are identical, not
merely close (tests/core/export/test_line_breaks.py compares every field
with ReportLab's own result). Anything else returns None and ReportLab
breaks the paragraph itself.
"""

from __future__ import annotations

from string import whitespace
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.lib.rl_accel import sameFrag
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth

try:  # ReportLab's own helpers and types, which this loop follows
    from reportlab.platypus.paragraph import (
        _FK_TEXT,
        FragLine,
        ParaLines,
        _getFragWords,
        _handleBulletWidth,
        _HSFrag,
        _processed_frags,
        _shy,
        _wsc_re_split,
        lstrip,
    )
except ImportError:  # a ReportLab without them breaks every paragraph itself
    AVAILABLE = False
else:
    AVAILABLE = True
    #: The kinds of word ReportLab's loop treats alike: a word, a word and a space.
    _WORDS = (list, _HSFrag)
#: Paragraph attributes under which ReportLab's own path must run.
_OWN_PATH_STYLE = ("hyphenationLang", "uriWasteReduce", "embeddedHyphenation", "shaping")


def _frag_line(
    max_width: float,
    width: float,
    count: int,
    words: list[Any],
    size: float,
    ascent: float,
    descent: float,
    first_word: int,
) -> Any:
    """A finished line, with the fields ReportLab's own `FragLine`s carry."""
    return FragLine(
        extraSpace=max_width - width,
        wordCount=count,
        lineBreak=False,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        sFW=first_word,
    )


def _plain_frag(frag: Any) -> bool:
    """Text, or a mark of no width (an `<a name>` anchor): nothing ReportLab treats apart."""
    attrs = frag.__dict__
    if "lineBreak" in attrs:
        return False
    text = attrs.get("text")
    if not isinstance(text, str) or _shy in text:
        return False
    defn = attrs.get("cbDefn")
    return defn is None or (not text and not getattr(defn, "width", 0))


def _simple(paragraph: Any) -> bool:
    """Whether ReportLab would take its mixed-style path, without any of its special cases.

    That is a paragraph of two or more fragments, or one already broken
    once (its fragments are then words: `[width, (frag, text), ...]`).
    """
    frags = paragraph.frags
    style = paragraph.style
    if any(getattr(style, name, None) for name in _OWN_PATH_STYLE):
        return False
    if (style.wordWrap or "").upper() in ("RTL", "LTR", "CJK"):
        return False
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off"):
        return False
    if _processed_frags(frags):
        return all(
            type(word) in _WORDS and all(_plain_frag(piece) for piece, _ in word[1:])
            for word in frags
        )
    return len(frags) > 1 and all(_plain_frag(frag) for frag in frags)


def break_frag_lines(paragraph: Any, width: Any) -> ParaLines | None:
    """`paragraph.breakLines(width)` for a simple mixed-style paragraph, else None.

    Sets what ReportLab's method sets on the paragraph: its fragment words
    (`frags`, which `split` cuts), `_width_max`, `height` and the counts of
    split words and hyphenations.
    """
    if not AVAILABLE or not _simple(paragraph):
        return None
    style = paragraph.style
    max_widths = list(width) if isinstance(width, (tuple, list)) else [width]
    _handleBulletWidth(paragraph.bulletText, style, max_widths)
    frags = paragraph.frags
    if _processed_frags(frags) or any("cbDefn" in f.__dict__ for f in frags):
        frag_words = _getFragWords(frags, max_widths[0])
    else:
        frag_words = _text_words(frags)
    if style.splitLongWords and any(w[0] > min(max_widths) for w in frag_words):
        return None  # a word to cut: ReportLab's path
    if any(type(word) not in _WORDS for word in frag_words):
        return None  # a soft-hyphen word or a split piece: not ours
    if isinstance(width, list):
        width[:] = max_widths  # ReportLab narrows the caller's first width for a bullet
    paragraph._width_max = 0
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    lines = _Breaker(style.spaceShrinkage).run(frag_words, max_widths, paragraph)
    return ParaLines(kind=1, lines=lines)


def _text_words(frags: list[Any]) -> list[Any]:
    """ReportLab's `_getFragWords` for fragments of text only, statement for statement.

    A word is `[width, (frag, text), ...]`, one pair per fragment it spans,
    an `_HSFrag` when a space follows it. Widths are summed in the same
    order, measured by the font object itself (what `stringWidth` looks up
    by name at every word).
    """
    words: list[Any] = []
    add = words.append
    pending: list[Any] = []  # the pieces of a word running on into the next fragment
    n: float = 0
    strip_lead = True
    for f in frags:
        text = f.text
        if text == "":
            continue
        f._fkind = _FK_TEXT
        if strip_lead:
            text = lstrip(text)
            if not text:
                continue
            strip_lead = False
        parts = _wsc_re_split(text) if "\xa0" in text else text.split()  # ReportLab's split
        if text[0] in whitespace or not parts:
            if pending:
                pending.insert(0, n)
                add(pending)
                pending = []
                n = 0
                parts.insert(0, "")
            elif not (words and isinstance(words[-1], _HSFrag)):
                parts.insert(0, "")
            elif not parts:
                continue
        measure, size = getFont(f.fontName).stringWidth, f.fontSize
        for w in parts[:-1]:
            pending.append((f, w))
            n += measure(w, size)
            pending.insert(0, n)
            add(_HSFrag(pending))
            pending = []
            n = 0
        w = parts[-1]
        pending.append((f, w))
        n += measure(w, size)
        if text[-1] in whitespace:
            pending.insert(0, n)
            add(_HSFrag(pending))
            pending = []
            n = 0
    if pending:
        pending.insert(0, n)
        add(pending)
    if not words and frags:
        f = frags[0]
        f._fkind = _FK_TEXT
        words = [[0, (f, "")]]
    return words


def quick_clone(frag: Any) -> Any:
    """`frag.clone()` without the keyword round trip (a fragment is an `ABag`: its dict is all)."""
    if type(frag).__init__ is not ABag.__init__:
        return frag.clone()
    copy = object.__new__(type(frag))
    copy.__dict__.update(frag.__dict__)
    return copy


class _Breaker:
    """The state of one paragraph's line breaking (see the module docstring)."""

    def __init__(self, shrinkage: float) -> None:
        self.shrinkage = shrinkage
        self._space: dict[tuple[str, float], float] = {}
        self._metrics: dict[tuple[str, float], tuple[float, float]] = {}

    def space(self, font: str, size: float) -> float:
        key = (font, size)
        found = self._space.get(key)
        if found is None:
            found = self._space[key] = stringWidth(" ", font, size)
        return found

    def metrics(self, font: str, size: float) -> tuple[float, float]:
        key = (font, size)
        found = self._metrics.get(key)
        if found is None:
            found = self._metrics[key] = getAscentDescent(font, size)
        return found

    def run(self, frag_words: list[Any], max_widths: list[float], paragraph: Any) -> list[Any]:
        """ReportLab's loop (paragraph.py, `breakLines`, nFrags > 1), its dead branches left out.

        `words` are the line's fragments (clones carrying the line's text);
        `spaces` holds, for each, its count of " " and the width of one, so
        the shrinkable space on the line is summed as ReportLab sums it,
        without counting and measuring again at every word, and only for a
        word that does not fit in the line's plain width (one that does fits
        the wider one too). `source` is the fragment the last of `words` was
        cloned from: a word in that same fragment needs no comparison of
        looks (`sameFrag` of a fragment and itself), brings no new font size
        or ascent to the line and is followed by the space `source` has.
        ReportLab's list of the words it went through is the whole list.
        """
        shrinkage, space, metrics, clone = self.shrinkage, self.space, self.metrics, quick_clone
        exact_shrink = not shrinkage or shrinkage < 0  # a negative shrinkage narrows the line
        max_lineno = len(max_widths) - 1
        max_width = max_widths[0]
        lineno = 0
        lines: list[Any] = []
        words: list[Any] = []
        spaces: list[list[float]] = []  # [count of " ", width of " "] per entry of words
        source: Any = None
        source_text = False  # source is a text fragment (not an anchor)
        g: Any = None
        width_max: float = 0
        s_fw = 0
        n = 0
        space_width = current = 0.0
        max_size = max_ascent = min_descent = 0.0
        for index, w in enumerate(frag_words):
            f = w[1][0]
            if not words:
                last = w[-1][0]
                n = 0
                space_width = current = 0
                max_size = last.fontSize
                max_ascent, min_descent = metrics(last.fontName, last.fontSize)
            word_width = w[0]
            new_width = current + space_width + word_width if word_width > 0 else current
            fits = new_width <= max_width or n <= 0
            if not fits or exact_shrink:
                lim_width = max_width
                if shrinkage:
                    shrink = space_width
                    for count, one in spaces:
                        if count:
                            shrink += count * one
                    shrink *= shrinkage
                    lim_width += shrink
                fits = not (new_width > lim_width and n > 0)
            if fits:
                text = w[1][1]
                if text:
                    n += 1
                plain = f is source and source_text
                if not plain:
                    font_size = f.fontSize
                    ascent, descent = metrics(f.fontName, font_size)
                    max_size = max(max_size, font_size)
                    max_ascent = max(max_ascent, ascent)
                    min_descent = min(min_descent, descent)
                if not words:
                    g = clone(f)
                    words = [g]
                    g.text = text
                    spaces = [[text.count(" "), space(f.fontName, f.fontSize)]]
                    source, source_text = f, "cbDefn" not in f.__dict__
                elif not plain and not sameFrag(g, f):
                    if space_width:
                        for i in range(len(words) - 1, -1, -1):
                            wi = words[i]
                            if wi._fkind == _FK_TEXT:
                                if not wi.text.endswith(" "):
                                    wi.text += " "
                                    spaces[i][0] += 1
                                break
                    g = clone(f)
                    words.append(g)
                    g.text = text
                    spaces.append([text.count(" "), space(f.fontName, f.fontSize)])
                    source, source_text = f, "cbDefn" not in f.__dict__
                elif space_width:
                    if not g.text.endswith(" "):
                        g.text += " " + text
                        spaces[-1][0] += 1 + text.count(" ")
                    else:
                        g.text += text
                        spaces[-1][0] += text.count(" ")
                else:
                    g.text += text
                    spaces[-1][0] += text.count(" ")
                single = len(w) == 2
                if type(w) is not _HSFrag:
                    space_width = 0
                elif plain and single:
                    space_width = spaces[-1][1]  # the source's space: the same font and size
                else:  # ReportLab's pairing: the last piece's font, the first piece's size
                    space_width = space(w[-1][0].fontName, f.fontSize)
                if single:
                    current = new_width
                    continue
                real = False
                for piece, piece_text in w[2:]:
                    g = clone(piece)
                    g.text = piece_text
                    if piece_text:
                        real = True
                    words.append(g)
                    spaces.append([piece_text.count(" "), space(piece.fontName, piece.fontSize)])
                    source, source_text = piece, "cbDefn" not in piece.__dict__
                    font_size = g.fontSize
                    ascent, descent = metrics(g.fontName, font_size)
                    max_size = max(max_size, font_size)
                    max_ascent = max(max_ascent, ascent)
                    min_descent = min(min_descent, descent)
                if not text and real:
                    n += 1
                current = new_width
                continue
            # The word does not fit: end the line, start the next with it.
            if current > width_max:
                width_max = current
            lines.append(
                _frag_line(max_width, current, n, words, max_size, max_ascent, min_descent, s_fw)
            )
            s_fw = index
            lineno += 1
            max_width = max_widths[min(max_lineno, lineno)]
            last = w[-1][0]
            space_width = space(last.fontName, last.fontSize) if type(w) is _HSFrag else 0
            current = word_width
            n = 1
            g = clone(f)
            max_size = g.fontSize
            max_ascent, min_descent = metrics(g.fontName, max_size)
            words = [g]
            g.text = w[1][1]
            spaces = [[g.text.count(" "), space(f.fontName, f.fontSize)]]
            source, source_text = f, "cbDefn" not in f.__dict__
            for piece, piece_text in w[2:]:
                g = clone(piece)
                g.text = piece_text
                words.append(g)
                spaces.append([piece_text.count(" "), space(piece.fontName, piece.fontSize)])
                source, source_text = piece, "cbDefn" not in piece.__dict__
                font_size = g.fontSize
                ascent, descent = metrics(g.fontName, font_size)
                max_size = max(max_size, font_size)
                max_ascent = max(max_ascent, ascent)
                min_descent = min(min_descent, descent)
        if words:
            if current > width_max:
                width_max = current
            lines.append(
                _frag_line(max_width, current, n, words, max_size, max_ascent, min_descent, s_fw)
            )
        paragraph._width_max = width_max
        paragraph.frags = frag_words  # ReportLab's FW: every word, in order
        return lines
