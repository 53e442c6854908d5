"""Which spellings of an entity a query expands to.

The index holds two kinds of evidence that a document names an entity:
the canonical names the entity matcher found (`group`/`country` fields,
which already know that "IS" in "IS claimed" is the group and "us" is not),
and the words themselves (`title`/`body`). A query naming an entity in any
spelling searches both: the matcher's verdict, plus the spellings as
phrases, which catch the case variants the matcher skips on purpose
("Isis-K" for the acronym "ISIS-K") and let snippets and the reader
highlight what was written.

The gazetteer lists up to ~150 spellings per entity (brace families such as
"Islamic State{| of| in}{| the} {Khorasan|Khurasan}..."). Searching 150
phrases per keystroke is wasteful, and most are redundant: a phrase that
contains another spelling's words in a row can only match where the shorter
one matches. `word_patterns` keeps the minimal set, and drops acronyms that
fold onto everyday words ("IS", "US"), which the entity fields cover.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from briefreader.domain import EntityKind
from briefreader.search.analysis import TOKEN, compound_term, iter_terms

#: More phrases than this per entity cost more than they find.
MAX_PATTERNS = 40


class EntityLike(Protocol):
    @property
    def canonical(self) -> str: ...
    @property
    def kind(self) -> EntityKind: ...


class Resolver(Protocol):
    """What search needs from the gazetteer (`briefreader.entities.Gazetteer`)."""

    def resolve(self, surface: str) -> EntityLike | None: ...
    def aliases_of(self, canonical: str) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class ResolvedEntity:
    canonical: str
    kind: EntityKind
    #: Each spelling worth searching, as its sequence of index terms.
    patterns: tuple[tuple[str, ...], ...]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def word_patterns(
    spellings: Iterable[str], *, guarded: Iterable[str] = (), keep_names: bool = False
) -> list[tuple[str, ...]]:
    """The minimal set of term sequences that finds every spelling.

    The first spelling (what the analyst typed) goes first, so it survives
    the cap. Unless `keep_names`, multi-word names ("Islamic State in
    Khorasan", even as typed) are left to the entity field: the matcher finds
    names in any capitalisation, and each such phrase costs a positional
    intersection of common words ("islamic", "state", "in") over the whole
    index: 40 of them made an alias query 20 times slower than a term query,
    and the one typed five-word phrase alone cost 120 ms on 10,000 articles.
    Acronyms, hyphenated ones ("Isis-K") included, stay: the matcher takes
    those in their exact case only.
    """
    skip = set(guarded)
    seqs: set[tuple[str, ...]] = set()
    seqs_in_order: list[tuple[str, ...]] = []
    for spelling in spellings:
        if spelling in skip:
            continue
        if not keep_names and " " in spelling.strip():
            continue  # a spaced name: the matcher's entity field finds those
        letters = sum(c.isalpha() for c in spelling)
        if spelling.isupper() and letters <= 2:
            continue  # "IS", "US": everyday words once case is folded
        tokens = TOKEN.findall(spelling)
        if len(tokens) == 1 and len(list(iter_terms(tokens[0]))) > 1:
            # "ISIS-K": one indexed compound term, no positional phrase.
            seq: tuple[str, ...] = (compound_term(tokens[0]),)
        else:
            seq = tuple(term for term, _, _ in iter_terms(spelling))
        if seq and seq not in seqs:
            seqs.add(seq)
            seqs_in_order.append(seq)
    first = next(iter(seqs_in_order), None)
    ordered = sorted(seqs, key=lambda s: (s != first, len(s), s))
    kept: list[tuple[str, ...]] = []
    for seq in ordered:
        if not any(_contains(seq, shorter) for shorter in kept):
            kept.append(seq)
    return kept[:MAX_PATTERNS]


class AliasExpander:
    """Resolves query text to entities, with their search patterns (memoised)."""

    def __init__(self, resolver: Resolver | None) -> None:
        self._resolver = resolver
        self._cache: dict[str, ResolvedEntity | None] = {}

    def resolve(self, surface: str) -> ResolvedEntity | None:
        if self._resolver is None or not surface.strip():
            return None
        if surface in self._cache:
            return self._cache[surface]
        entity = self._resolver.resolve(surface)
        resolved = None
        if entity is not None:
            # The spelling the analyst typed comes first, so it survives the cap.
            spellings = (surface, entity.canonical, *self._resolver.aliases_of(entity.canonical))
            patterns = word_patterns(spellings, guarded=getattr(entity, "guarded", ()))
            resolved = ResolvedEntity(entity.canonical, entity.kind, tuple(patterns))
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[surface] = resolved
        return resolved

    def family(self, canonical: str) -> tuple[str, ...]:
        """`canonical` with its branches, fronts and affiliates, if the gazetteer knows them."""
        members = getattr(self._resolver, "family", None)
        return tuple(members(canonical)) if callable(members) else (canonical,)
