"""Find a quote again in a text that may have changed: pure, no I/O.

An excerpt remembers its quote the way the W3C Web Annotation model does: a
`TextQuoteSelector` (the exact quote plus a little text before and after it)
and the offsets it had when captured. When the document's text changes, the
offsets alone are worthless; the quote and its context are not. `anchor()`
looks for the quote in this order, and stops at the first that works:

1. exactly at the remembered offsets (the common case: nothing changed);
2. exactly elsewhere: every occurrence, the one whose surrounding text best
   matches the prefix/suffix wins, ties broken by nearness to the old offset;
3. ignoring differences in whitespace (re-wrapped or re-flowed text);
4. fuzzily: short seeds of the quote (and of its context) vote for candidate
   places, and `difflib` aligns the quote there; a match that keeps at least
   `FUZZY_THRESHOLD` of the quote's characters is accepted.

If none works the caller flags the excerpt orphaned; it is never dropped.
The PDF exporter reuses this for its integrity check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Characters of context kept on each side of a quote.
DEFAULT_CONTEXT = 32
#: Share of the quote's characters a fuzzy match must keep.
FUZZY_THRESHOLD = 0.75
#: Quotes shorter than this are only ever matched exactly (a fuzzy match of a
#: few characters would find anything).
MIN_FUZZY_LENGTH = 12
_MAX_OCCURRENCES = 2_000
_MAX_CANDIDATES = 12
_GOOD_ENOUGH = 0.95
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The quote and the text just before and after it (W3C TextQuoteSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found: `text[start:end]`.

    `exact` says whether that slice equals the quote character for character;
    `similarity` is 1.0 for an exact match, else the share of the quote's
    characters found in order (>= FUZZY_THRESHOLD).
    """

    start: int
    end: int
    exact: bool
    similarity: float


def quote_selector(
    text: str, start: int, end: int, context: int = DEFAULT_CONTEXT
) -> TextQuoteSelector:
    """The selector for `text[start:end]`, with `context` characters either side."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"bad quote range {start}:{end} for a text of {len(text)} characters")
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def anchor(text: str, selector: TextQuoteSelector, hint: int | None = None) -> Anchor | None:
    """Where `selector`'s quote is in `text` now, or None if it cannot be found.

    `hint` is the offset the quote had before (its old start): it is tried
    first and breaks ties between equally good places.
    """
    quote = selector.exact
    if not quote:
        return None
    if hint is not None and text.startswith(quote, hint):
        return Anchor(hint, hint + len(quote), True, 1.0)
    found = _exact(text, selector, hint)
    if found is None:
        found = _whitespace_insensitive(text, selector, hint)
    if found is None:
        found = _fuzzy(text, selector, hint)
    return found


def _context_score(text: str, start: int, end: int, selector: TextQuoteSelector) -> float:
    """Share of the prefix and suffix that match the text around start/end."""
    total = len(selector.prefix) + len(selector.suffix)
    if total == 0:
        return 0.0
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    matched = 0
    for a, b in zip(reversed(before), reversed(selector.prefix), strict=False):
        if a != b:
            break
        matched += 1
    for a, b in zip(after, selector.suffix, strict=False):
        if a != b:
            break
        matched += 1
    return matched / total


def _best(
    text: str, selector: TextQuoteSelector, spans: list[tuple[int, int, float]], hint: int | None
) -> tuple[int, int, float] | None:
    def rank(span: tuple[int, int, float]) -> tuple[float, float, int]:
        start, end, similarity = span
        distance = abs(start - hint) if hint is not None else 0
        return (similarity, _context_score(text, start, end, selector), -distance)

    return max(spans, key=rank) if spans else None


def _exact(text: str, selector: TextQuoteSelector, hint: int | None) -> Anchor | None:
    quote = selector.exact
    spans: list[tuple[int, int, float]] = []
    pos = text.find(quote)
    while pos != -1 and len(spans) < _MAX_OCCURRENCES:
        spans.append((pos, pos + len(quote), 1.0))
        pos = text.find(quote, pos + 1)
    best = _best(text, selector, spans, hint)
    return Anchor(best[0], best[1], True, 1.0) if best else None


def _whitespace_insensitive(
    text: str, selector: TextQuoteSelector, hint: int | None
) -> Anchor | None:
    """The quote's words with any run of whitespace between them."""
    tokens = selector.exact.split()
    if not tokens:
        return None
    pattern = re.compile(r"\s+".join(re.escape(token) for token in tokens))
    spans: list[tuple[int, int, float]] = []
    for match in pattern.finditer(text):
        spans.append((match.start(), match.end(), 1.0))
        if len(spans) >= _MAX_OCCURRENCES:
            break
    best = _best(text, selector, spans, hint)
    if best is None:
        return None
    start, end, _ = best
    return Anchor(start, end, text[start:end] == selector.exact, 1.0)


def _seed_votes(text: str, selector: TextQuoteSelector) -> dict[int, int]:
    """Candidate start offsets of the quote, each with how many seeds vote for it."""
    quote = selector.exact
    n = len(quote)
    seed_len = max(8, min(24, n // 4))
    step = max(1, (n - seed_len) // 6)
    seeds = [(quote[off : off + seed_len], off) for off in range(0, n - seed_len + 1, step)]
    if len(selector.prefix) >= 8:
        tail = selector.prefix[-seed_len:]
        seeds.append((tail, -len(tail)))
    if len(selector.suffix) >= 8:
        seeds.append((selector.suffix[:seed_len], n))
    votes: dict[int, int] = {}
    for seed, offset in seeds:
        pos = text.find(seed)
        count = 0
        while pos != -1 and count < 50:
            candidate = pos - offset
            votes[candidate] = votes.get(candidate, 0) + 1
            count += 1
            pos = text.find(seed, pos + 1)
    return votes


def _align(text: str, quote: str, candidate: int) -> tuple[int, int, float] | None:
    """Align `quote` with the text around `candidate`; (start, end, similarity)."""
    n = len(quote)
    slack = n // 4 + 16
    w_start = max(0, candidate - slack)
    window = text[w_start : candidate + n + slack]
    blocks = [
        b
        for b in SequenceMatcher(None, quote, window, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = w_start + max(0, first.b - first.a)
    end = min(len(text), w_start + last.b + last.size + (n - last.a - last.size))
    if end <= start:
        return None
    similarity = sum(b.size for b in blocks) / max(n, end - start)
    return (start, end, similarity)


def _fuzzy(text: str, selector: TextQuoteSelector, hint: int | None) -> Anchor | None:
    quote = selector.exact
    if len(quote) < MIN_FUZZY_LENGTH:
        return None
    votes = _seed_votes(text, selector)
    tried: list[int] = []
    spans: list[tuple[int, int, float]] = []
    slack = len(quote) // 4 + 16
    ordered = sorted(votes, key=lambda c: (-votes[c], abs(c - hint) if hint is not None else 0))
    top = votes[ordered[0]] if ordered else 0
    for candidate in ordered:
        if len(tried) >= _MAX_CANDIDATES or (top > 2 and votes[candidate] * 3 < top):
            break  # the rest have far less support than the best place
        if any(abs(candidate - done) < slack // 2 for done in tried):
            continue
        tried.append(candidate)
        aligned = _align(text, quote, candidate)
        if aligned and aligned[2] >= FUZZY_THRESHOLD:
            spans.append(aligned)
            if aligned[2] >= _GOOD_ENOUGH:
                break  # nearly the whole quote, in order: look no further
    best = _best(text, selector, spans, hint)
    if best is None:
        return None
    start, end, similarity = best
    same = text[start:end] == quote
    return Anchor(start, end, same, 1.0 if same else round(similarity, 4))
