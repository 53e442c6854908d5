"""Text in, mentions out: the one function every part of briefreader uses.

The gazetteer is compiled into a single Aho-Corasick automaton
(pyahocorasick) over folded keys. Folding is one character for one
character (see normalise.py), so a match in the folded text is at the same
offsets in the original; case is not folded, and each name is entered in a
few case variants instead, which lets acronyms keep their own case in the
same single pass.

Why this design (measured on the seeds replicated, CPU time on this 2-core
machine; see tests/benchmarks/test_bench_entities.py): the automaton's
`iter_long` gives leftmost-longest, non-overlapping matches from C, so
Python only touches real candidates: about 27 MB/s end to end on a quiet
machine (benchmark: 50 MB of seed text). Lower-casing
the text instead and checking each candidate's case against its accepted
forms gave 20 MB/s; a regex alternation of only 2,000 of the keys scans at
17 MB/s before building a single mention. Building mentions is the largest
cost left, hence `_collector_paused`.

A `Matcher` never changes after construction and `find` keeps no state, so
one instance can serve any number of threads.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
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
from briefreader.entities.gazetteer import Entity, Gazetteer, load_gazetteer
from briefreader.entities.normalise import Folded, fold, keys_for, mojibake_boundary

# Flags stored with each key; 0 means "emit without further checks".
NEGATIVE = 1
GUARD_PERSON = 2
GUARD_CAPITALS = 4

_Value = tuple[int, str, str, int]  # (key length, kind, canonical, flags)

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


def _entries(gazetteer: Gazetteer) -> Iterable[tuple[str, _Value]]:
    for entity in gazetteer.entities:
        yield from _entity_entries(entity)
    for phrase in gazetteer.negatives:
        for key in keys_for(phrase, acronym=False):
            yield key, (len(key), "country", "", NEGATIVE)


def _entity_entries(entity: Entity) -> Iterable[tuple[str, _Value]]:
    guarded = set(entity.guarded)
    for spellings, acronym in ((entity.names, False), (entity.acronyms, True)):
        for spelling in spellings:
            flags = 0
            if spelling in guarded:
                flags = GUARD_CAPITALS if acronym else GUARD_PERSON
            for key in keys_for(spelling, acronym=acronym):
                yield key, (len(key), entity.kind, entity.canonical, flags)


class Matcher:
    """Finds every group and country mention in a text (see the module doc)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        owners: dict[str, _Value] = {}
        for key, value in _entries(gazetteer):
            previous = owners.get(key)
            # A name beats a negative phrase written the same way.
            if previous is not None and not (previous[3] & NEGATIVE):
                continue
            owners[key] = value
        for key, value in owners.items():
            automaton.add_word(key, value)
        automaton.make_automaton()
        self._automaton = automaton
        self.key_count = len(owners)
        self._max_length = max((len(key) for key in owners), default=0)

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, sorted by offset, never overlapping.

        Offsets are indices into `text` exactly as given.
        """
        if not text:
            return []
        folded = fold(text)
        with _collector_paused(len(text)):
            return outside(self._scan(text, folded), url_spans(text))

    def _scan(self, text: str, folded: Folded) -> list[Mention]:
        norm = folded.text
        size = len(norm)
        out: list[Mention] = []
        append = out.append
        # `Mention` is a named tuple: building it from its values directly skips
        # the keyword-handling constructor, the costliest step per mention left.
        make = tuple.__new__
        mapped = bool(folded.kept_starts)
        last_end = 0
        for last, (length, kind, canonical, flags) in self._automaton.iter_long(norm):
            end = last + 1
            start = end - length
            if start < last_end:
                continue  # inside a mention the fallback already emitted
            if (
                (start and norm[start - 1].isalnum()) or (end < size and norm[end].isalnum())
            ) and not (not mapped and mojibake_boundary(text, start, end)):
                last_end = self._fallback(norm, start, end, out, text, folded)
                continue
            if flags and (flags & NEGATIVE or not self._passes(text, folded, start, end, flags)):
                continue
            if mapped:
                start, end = folded.span_to_original(start, end)
            append(make(Mention, (start, end, kind, canonical, text[start:end])))
        return out

    def _passes(self, text: str, folded: Folded, start: int, end: int, flags: int) -> bool:
        start, end = folded.span_to_original(start, end)
        if flags & GUARD_CAPITALS and (
            is_currency(text, start, end) or in_capitals(text, start, end)
        ):
            return False
        return not (flags & GUARD_PERSON and looks_like_person(text, start, end))

    def _fallback(
        self, norm: str, start: int, end: int, out: list[Mention], text: str, folded: Folded
    ) -> int:
        """The longest match failed a word boundary ("ISIS K" in "ISIS Kabul").

        Emit the best valid matches that start inside the failed one, searching
        only a small window (pyahocorasick copies whatever string it is given,
        so the whole text must never be handed to it twice). Returns the end
        of what was consumed, so that the main scan skips overlaps.
        """
        size = len(norm)
        window_end = min(size, end + self._max_length)
        candidates: list[tuple[int, int, _Value]] = []
        for last, value in self._automaton.iter(norm[start:window_end]):
            e = start + last + 1
            s = e - value[0]
            if s >= end:
                continue
            if (s and norm[s - 1].isalnum()) or (e < size and norm[e].isalnum()):
                s0, e0 = folded.span_to_original(s, e)
                if not mojibake_boundary(text, s0, e0):
                    continue
            candidates.append((s, -e, value))
        consumed = start
        for s, minus_e, (_length, kind, canonical, flags) in sorted(candidates):
            if s < consumed:
                continue
            consumed = -minus_e
            if flags and (flags & NEGATIVE or not self._passes(text, folded, s, consumed, flags)):
                continue
            s0, e0 = folded.span_to_original(s, consumed)
            out.append(Mention(s0, e0, kind, canonical, text[s0:e0]))  # type: ignore[arg-type]
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
