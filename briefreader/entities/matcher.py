"""Text in, mentions out: the one function every part of briefreader uses.

The gazetteer is compiled into a single Aho-Corasick automaton
(pyahocorasick). Each key is a spelling in the matcher's form of a text
(match_text.py: words kept, every other character a space) behind one
sentinel space, so keys match only where a word starts, and the text is
scanned in that form, padded with a space at each end. That form keeps every
character in place, so a match's offsets are the mention's offsets in the
original. Case is not folded: each name is entered in a few case variants
instead, which lets acronyms keep their own case in the same single pass.

Why this design (measured on the seeds replicated; see
tests/benchmarks/test_bench_entities.py): the automaton's `iter_long` gives
leftmost-longest, non-overlapping matches from C, so Python only touches
real candidates, and the sentinel leaves the root with one child. A key
without it scans at half the speed, because pyahocorasick finds a child by
a linear search and the root then has 28 children. Lower-casing the text and
checking each candidate's case in Python was slower still. A regex
alternation of only 2,000 of the keys scans at 17 MB/s before building a
single mention.

A `Matcher` never changes after construction and `find` keeps no state, so
one instance can serve any number of threads.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import ahocorasick

from briefreader.domain import Mention
from briefreader.entities.context import (
    in_capitals,
    is_currency,
    looks_like_person,
    outside,
    url_spans,
)
from briefreader.entities.document import (
    resolve_short_forms,
    weak_names_in_brackets,
)
from briefreader.entities.gazetteer import Gazetteer, load_gazetteer
from briefreader.entities.keys import (
    CONTEXT,
    GUARD_CAPITALS,
    GUARD_PERSON,
    NEGATIVE,
    NEIGHBOUR,
    NOTED,
    SPLIT,
    TRAILING,
    Value,
    compile_keys,
    rule_key,
)
from briefreader.entities.match_text import fold_key, match_text
from briefreader.entities.neighbours import Neighbours
from briefreader.entities.normalise import Folded

#: Texts longer than this are scanned with the cyclic garbage collector
#: paused (see `_collector_paused`).
PAUSE_GC_ABOVE = 1 << 20


@contextmanager
def _collector_paused(size: int) -> Iterator[None]:
    """Pause the cyclic GC while a large text's mentions are created.

    A 50 MB text yields about half a million `Mention`s; the collector would
    traverse them again and again although they cannot form cycles, which
    costs a fifth of the scan. Only a collector that is on is paused, and it
    is always switched back on; a concurrent scan at worst runs with it on.
    """
    if size < PAUSE_GC_ABOVE or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


#: Frequent words no key contains: a long text is cut into chunks after one
#: of them, since no match can span such a word (see `Matcher._chunks`).
_CUT_WORDS = (
    "said", "which", "were", "was", "has", "have", "had", "been", "would", "their", "they",
    "also", "but", "not", "are", "more", "after", "with", "from", "this", "that", "will",
)  # fmt: skip
#: Texts are scanned in chunks of about this many characters: the automaton
#: copies its input as 4 bytes a character, so chunks keep that copy and the
#: matcher's form of the text in the processor's cache.
CHUNK = 1 << 20
#: How far past a chunk's nominal end a cut word is looked for.
_CUT_SEARCH = 1 << 16


def _automaton(keys: dict[str, Value]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for key, value in keys.items():
        automaton.add_word(" " + key, value)
    automaton.make_automaton()
    return automaton


#: The separator after the first word of a SPLIT key's match.
_FIRST_GAP = re.compile(r"[^\w]+")


class Matcher:
    """Finds every group and country mention in a text (see the module doc).

    Keys in other scripts (Arabic, Cyrillic) live in an automaton of their
    own, scanned only over chunks whose matcher's form is not pure ASCII:
    after the sentinel, pyahocorasick looks each word's first letter up by a
    linear search, and forty more first letters there slowed every English
    text by a quarter. A key in one script cannot overlap a key in another,
    so the two scans' mentions simply interleave.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        owners = compile_keys(gazetteer)
        latin = {key: value for key, value in owners.items() if key.isascii()}
        self._automaton = _automaton(latin)
        others = {key: value for key, value in owners.items() if not key.isascii()}
        self._script_automaton = _automaton(others) if others else None
        self.key_count = len(owners)
        self._max_length = max((len(key) for key in owners), default=0)
        self._neighbours = Neighbours.of(gazetteer)
        self._context = {rule_key(rule.spelling): rule for rule in gazetteer.rules.context}
        self._weak = {
            entity.canonical: frozenset(fold_key(n).casefold() for n in entity.weak)
            for entity in gazetteer.entities
            if entity.weak
        }
        tokens = {token for key in owners for token in key.split(" ")}
        self._cuts = tuple(f" {word} " for word in _CUT_WORDS if word not in tokens)

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, sorted by offset, never overlapping.

        Offsets are indices into `text` exactly as given.
        """
        if not text:
            return []
        out: list[Mention] = []
        noted: list[int] = []  # starts of the mentions the passes look at again
        with _collector_paused(len(text)):
            for base, stop in self._chunks(text):
                chunk = text if stop - base == len(text) else text[base:stop]
                self._scan(chunk, base, text, out, noted)
            out, short_forms = self._neighbours.apply(out, text, noted)
            if short_forms:
                out = resolve_short_forms(out, text)
            out = outside(out, url_spans(text))
            return weak_names_in_brackets(out, text, self._weak)

    def _chunks(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, stop) of the pieces a long text is scanned in.

        Each cut is the space after a word no key contains, so no match
        can span it, and the automaton is back at its root there: scanning
        the pieces one by one finds exactly what one scan of the whole
        text finds. Where no such word is near (a list of names, another
        language) the piece just grows until one is.
        """
        base = 0
        size = len(text)
        while size - base > CHUNK + _CUT_SEARCH:
            aim = base + CHUNK
            stop = self._cut_after(text, aim, aim + _CUT_SEARCH)
            if stop is None:
                stop = self._cut_after(text, aim)
            if stop is None:
                break
            yield base, stop
            base = stop
        yield base, size

    def _cut_after(self, text: str, start: int, stop: int | None = None) -> int | None:
        """The position of the space after the first cut word in `start`-`stop`."""
        ends = [
            found + len(cut) - 1
            for cut in self._cuts
            if (found := text.find(cut, start, stop)) >= 0
        ]
        return min(ends, default=None)

    def _scan(self, chunk: str, base: int, text: str, out: list[Mention], noted: list[int]) -> None:
        """Append the mentions in `chunk`, which starts at `base` of `text`.

        The starts of mentions whose keys carry a `NOTED` flag go to `noted`.
        """
        folded = match_text(chunk)
        # Index i of `padded` is index i - 1 of the chunk, so a match whose
        # last character is at `last` ends (exclusive) at `last` there.
        padded = f" {folded.text} "
        if self._script_automaton is None or padded.isascii():
            self._scan_with(self._automaton, padded, folded, chunk, base, text, out, noted)
            return
        found: list[Mention] = []
        notes: list[int] = []
        for automaton in (self._automaton, self._script_automaton):
            self._scan_with(automaton, padded, folded, chunk, base, text, found, notes)
        out.extend(sorted(found))
        noted.extend(sorted(notes))

    def _scan_with(
        self,
        automaton: ahocorasick.Automaton,
        padded: str,
        folded: Folded,
        chunk: str,
        base: int,
        text: str,
        out: list[Mention],
        noted: list[int],
    ) -> None:
        mapped = bool(folded.kept_starts)  # rare: offsets need mapping back
        append = out.append
        # `Mention` is a named tuple: building it from its values directly skips
        # the keyword-handling constructor, the costliest step per mention left.
        make = tuple.__new__
        last_end = 0
        for last, (length, kind, canonical, flags, trailing) in automaton.iter_long(padded):
            start = last - length
            if start < last_end:
                continue  # inside a mention the fallback already emitted
            if padded[last + 1] != " ":  # the word goes on: "ISIS K" in "ISIS Kabul"
                last_end = self._fallback(
                    automaton, padded, start, last, out, noted, text, folded, base
                )
            elif (flags and flags != NEIGHBOUR) or mapped:
                value = (length, kind, canonical, flags, trailing)
                self._emit(out, noted, text, folded, base, start, last, value)
            else:
                append(
                    make(Mention, (base + start, base + last, kind, canonical, chunk[start:last]))
                )
                if flags:  # NEIGHBOUR alone: emitted as it is, looked at again later
                    noted.append(base + start)

    def _emit(
        self,
        out: list[Mention],
        noted: list[int],
        text: str,
        folded: Folded,
        base: int,
        start: int,
        end: int,
        value: Value,
    ) -> None:
        """Append one match unless a check rejects it.

        `start` and `end` index `folded`, the matcher's form of the chunk
        that starts at `base` of `text`.
        """
        _length, kind, canonical, flags, trailing = value
        if flags & NEGATIVE:
            return
        start, end = folded.span_to_original(start, end)
        start += base
        end += base
        if flags & GUARD_CAPITALS and (
            is_currency(text, start, end) or in_capitals(text, start, end)
        ):
            return
        if flags & GUARD_PERSON and looks_like_person(text, start, end):
            return
        if flags & CONTEXT:
            rule = self._context.get(rule_key(text[start:end]))
            if rule is not None and rule.drops(text, start, end):
                return
        if flags & SPLIT:
            split = _FIRST_GAP.search(text, start, end)
            if split is not None:  # "Pakistani Taliban": the country, then the group
                gap, rest = split.span()
                out.append(Mention(start, gap, "country", trailing, text[start:gap]))
                out.append(Mention(rest, end, "group", canonical, text[rest:end]))
                return
        if flags & TRAILING and text.startswith(trailing, end):
            end += len(trailing)
        out.append(Mention(start, end, kind, canonical, text[start:end]))  # type: ignore[arg-type]
        if flags & NOTED:
            noted.append(start)

    def _fallback(
        self,
        automaton: ahocorasick.Automaton,
        padded: str,
        start: int,
        end: int,
        out: list[Mention],
        noted: list[int],
        text: str,
        folded: Folded,
        base: int,
    ) -> int:
        """The longest match failed the word boundary after it ("ISIS K" in "ISIS Kabul").

        Emit the best valid matches that start inside the failed one, searching
        only a small window (pyahocorasick copies whatever string it is given,
        so the whole text must never be handed to it twice). Offsets are the
        folded text's; `padded` has one more character in front. Returns the
        end of what was consumed, so that the main scan skips overlaps.
        """
        window_end = min(len(padded), end + 1 + self._max_length)
        candidates: list[tuple[int, int, Value]] = []
        for last, value in automaton.iter(padded[start:window_end]):
            e = start + last  # `start` in padded is the failed match's sentinel
            s = e - value[0]
            if s < end and padded[e + 1] == " ":
                candidates.append((s, -e, value))
        consumed = start
        for s, minus_e, value in sorted(candidates):
            if s < consumed:
                continue
            consumed = -minus_e
            self._emit(out, noted, text, folded, base, s, consumed, value)
        return consumed


_default: Matcher | None = None
_default_lock = threading.Lock()


def default_matcher() -> Matcher:
    """The matcher for the bundled gazetteer, built once and shared."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Matcher(load_gazetteer())
    return _default


def find_mentions(text: str) -> list[Mention]:
    """Every group and country mention in `text` (bundled gazetteer)."""
    return default_matcher().find(text)
