"""Where a query matches inside a text, and the snippets around those places.

Matching works on index terms (see `analysis.py`), so "attacks" lights up
for the query `attack`, and "Isis-K" for `ISIL-K` (through the phrase
"isis k" the alias expansion added). Phrases light up only where their
words stand together: the phrase "is k" never marks every "is".

Everything here returns plain text and `(start, end)` offsets, never markup:
document text is untrusted and the view decides how to draw a mark.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from briefreader.domain import Mention
from briefreader.search.analysis import _memo, normalise, split_words
from briefreader.search.schema import entity_key

Span = tuple[int, int]
MentionFinder = Callable[[str], Iterable[Mention]]

SNIPPET_CHARS: Final = 220
MAX_SNIPPETS: Final = 3


@dataclass(frozen=True)
class MatchPlan:
    """What to mark: single terms, term sequences, and entities (by `entity_key`)."""

    terms: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    entities: frozenset[str] = frozenset()
    _by_first: dict[str, list[tuple[str, ...]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for phrase in self.phrases:
            self._by_first.setdefault(phrase[0], []).append(phrase)

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.entities)

    def spans(self, text: str, mentions: MentionFinder | None = None) -> list[Span]:
        """Sorted, non-overlapping spans of `text` that the query matches."""
        if self.empty or not text:
            return []
        found: list[Span] = []
        if self.terms or self.phrases:
            found.extend(self._word_spans(text))
        if self.entities and mentions is not None:
            entities = self.entities
            found.extend(
                (m.start, m.end) for m in mentions(text) if entity_key(m.canonical) in entities
            )
        return merge_spans(found)

    def _word_spans(self, text: str) -> list[Span]:
        """Where the terms and phrases match, as character spans.

        The words are split and normalised in bulk (C-level `findall` and the
        normalisation memo); character offsets are then found only for the
        words that match, by searching forward from the last one (see
        `_locate`), instead of tokenising the whole text with offsets.
        """
        terms, by_first = self.terms, self._by_first
        words, compounds = split_words(text)
        get = _memo.get
        norms = [get(word) or normalise(word) for word in words]
        # (first word, last word) of each match, by word number.
        matches: list[tuple[int, int]] = []
        for i, term in enumerate(norms):
            if term in terms:
                matches.append((i, i))
            for phrase in by_first.get(term, ()):
                n = len(phrase)
                if tuple(norms[i : i + n]) == phrase:
                    matches.append((i, i + n - 1))
        for joined, first, last in compounds:  # "IS-K" as a whole: only ever a single term
            if normalise(joined) in terms:
                matches.append((first, last))
        if not matches:
            return []
        starts = _locate(text, words, {i for pair in matches for i in pair})
        return [(starts[i], starts[j] + len(words[j])) for i, j in matches]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _locate(text: str, words: Sequence[str], needed: set[int]) -> dict[int, int]:
    """Start offsets of the words numbered `needed` (`words` as `split_words` gives them).

    Word i is the k-th whole-word occurrence of its spelling, k being how
    often that spelling came before it; a whole-word occurrence is one not
    inside a longer word nor joined to one by an inner dot ("U.S"), which
    `analysis._WORD` would have read as one word.
    """
    spellings = {words[i] for i in needed}
    rank: dict[int, int] = {}
    seen: dict[str, int] = {}
    last = max(needed)
    for i in (i for i, word in enumerate(words[: last + 1]) if word in spellings):
        word = words[i]
        rank[i] = seen.get(word, 0)
        seen[word] = rank[i] + 1
    wanted_rank = {word: max(rank[i] for i in needed if words[i] == word) for word in spellings}
    occurrences = {word: _occurrences(text, word, wanted_rank[word] + 1) for word in spellings}
    return {i: occurrences[words[i]][rank[i]] for i in needed}


def _occurrences(text: str, word: str, count: int) -> list[int]:
    """The first `count` whole-word occurrences of `word` in `text`."""
    out: list[int] = []
    find = text.find
    size = len(text)
    start = find(word)
    while start >= 0 and len(out) < count:
        end = start + len(word)
        before = start and (
            _is_word_char(text[start - 1])
            or (text[start - 1] == "." and start > 1 and _is_word_char(text[start - 2]))
        )
        after = end < size and (
            _is_word_char(text[end])
            or (text[end] == "." and end + 1 < size and _is_word_char(text[end + 1]))
        )
        if not before and not after:
            out.append(start)
            start = find(word, end)
        else:
            start = find(word, start + 1)
    if len(out) < count:  # cannot happen for words split from `text`
        raise ValueError(f"word {word!r} occurs fewer than {count} times")
    return out


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    marks: tuple[Span, ...]


def _word_start(text: str, pos: int) -> int:
    """Move `pos` back to the start of the word it falls in."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _windows(text: str, spans: Sequence[Span], width: int) -> list[tuple[int, int, int]]:
    """Candidate windows (score, start, end), centred on (at most 64 of) the spans.

    A window scores by its distinct matched words first, then by matches.
    """
    starts = [s for s, _ in spans]
    step = max(1, len(spans) // 64)
    out = []
    for start, end in spans[::step]:
        lo = max(0, (start + end) // 2 - width // 2)
        hi = min(len(text), lo + width)
        lo = max(0, hi - width)
        inside = [
            text[s:e].lower()
            for s, e in spans[bisect_left(starts, lo) : bisect_right(starts, hi)]
            if e <= hi
        ]
        out.append((len(set(inside)) * 10 + len(inside), lo, hi))
    return out


def snippets(
    text: str, spans: Sequence[Span], *, limit: int = MAX_SNIPPETS, width: int = SNIPPET_CHARS
) -> list[Snippet]:
    """Up to `limit` non-overlapping excerpts of `text` with the most distinct matches.

    Excerpts are cut at word boundaries, whitespace is collapsed to single
    spaces (paragraph breaks included), and each excerpt's marks are offsets
    into the excerpt's own text. With no spans, the text's opening is given.
    """
    if not text:
        return []
    if not spans:
        return [_cut(text, 0, min(len(text), width), ())]
    chosen: list[tuple[int, int]] = []
    for _, lo, hi in sorted(_windows(text, spans, width), key=lambda w: (-w[0], w[1])):
        if len(chosen) >= limit:
            break
        if any(lo < c_hi and c_lo < hi for c_lo, c_hi in chosen):
            continue
        chosen.append((lo, hi))
    return [_cut(text, lo, hi, spans) for lo, hi in sorted(chosen)]


def _cut(text: str, lo: int, hi: int, spans: Sequence[Span]) -> Snippet:
    # Never cut inside a mark or a word.
    for s, e in spans:
        if s < lo < e:
            lo = s
        if s < hi < e:
            hi = e
    lo = _word_start(text, lo)
    hi = _word_end(text, hi) if hi < len(text) else hi
    out: list[str] = []
    marks: list[Span] = []
    pos = 0  # length of the excerpt so far
    mark_start = -1
    inside = sorted((s, e) for s, e in spans if lo <= s and e <= hi)
    k = 0
    prev_space = True
    for i in range(lo, hi):
        if k < len(inside) and i == inside[k][0]:
            mark_start = pos
        ch = text[i]
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                pos += 1
            prev_space = True
        else:
            out.append(ch)
            pos += 1
            prev_space = False
        if k < len(inside) and i == inside[k][1] - 1:
            marks.append((mark_start, pos))
            k += 1
    body = "".join(out).rstrip()
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    shift = len(prefix)
    return Snippet(
        prefix + body + suffix,
        tuple((s + shift, min(e, len(body)) + shift) for s, e in marks),
    )
