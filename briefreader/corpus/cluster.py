"""Fold exact duplicates and reprints with edits into stories.

Each document becomes a set of hashed word shingles, sampled (a hash is kept
when it is 0 modulo `SAMPLE`) so that the estimate of overlap stays fair
while the sets stay small. An inverted index from sampled shingle to
documents gives the candidate pairs in roughly linear time; shingles shared
by very many documents (boilerplate) are ignored, so a corpus of 10,000
documents never degenerates into comparing every pair. Candidates whose
overlap with the smaller document is high enough are joined (union-find).

Containment (overlap over the smaller set) rather than Jaccard, because a
reprint is often cut: the shorter version is wholly inside the longer one.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.domain import Document, Story, content_id

SHINGLE_WORDS = 4
SAMPLE = 4
#: A reprint shares at least this share of the shorter version's shingles.
MIN_CONTAINMENT = 0.5
#: Shingles in more documents than this are boilerplate, not evidence.
MAX_POSTING = 50
#: With fewer samples than this a pair is judged on the full shingle sets,
MIN_SAMPLES = 30
#: and a document with fewer than this is matched among the short ones on them.
SHORT = 3
_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    words = _tokens(text)
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    }


def _sampled(all_shingles: set[int]) -> set[int]:
    return {h for h in all_shingles if h % SAMPLE == 0}


def containment(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class Clustering:
    stories: tuple[Story, ...]
    story_of: dict[str, str]  # document id -> story id


def fingerprint(doc: Document) -> set[int]:
    """The sampled shingles clustering compares; the library stores them."""
    return _sampled(shingles(doc.body or doc.title))


def cluster(
    documents: Sequence[Document], fingerprints: Sequence[set[int]] | None = None
) -> Clustering:
    """Stories for `documents` (given in library order; ids must be distinct).

    `fingerprints[i]` is `fingerprint(documents[i])`, if the caller kept it.
    """
    sampled = list(fingerprints) if fingerprints is not None else []
    if len(sampled) != len(documents):
        sampled = [fingerprint(doc) for doc in documents]
    memo: dict[int, set[int]] = {}

    def full(i: int) -> set[int]:
        if i not in memo:
            memo[i] = shingles(documents[i].body or documents[i].title)
        return memo[i]

    parent = list(range(len(documents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    _join_candidates(sampled, full, union, min_samples=MIN_SAMPLES)
    # Documents too short to leave enough samples: match them among themselves
    # on their full shingle sets (there are few, and nothing else finds them).
    short = [i for i, s in enumerate(sampled) if len(s) < SHORT]
    _join_candidates(
        [full(i) for i in short],
        lambda k: full(short[k]),
        lambda a, b: union(short[a], short[b]),
        min_samples=0,
    )
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(documents)):
        groups[find(index)].append(index)
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    for members in sorted(groups.values(), key=lambda m: m[0]):
        story = make_story([documents[i] for i in members])
        stories.append(story)
        for doc_id in story.document_ids:
            story_of[doc_id] = story.id
    return Clustering(tuple(stories), story_of)


def _join_candidates(
    keys: list[set[int]],
    full: Callable[[int], set[int]],
    union: Callable[[int, int], None],
    *,
    min_samples: int,
) -> None:
    """Join every pair that shares enough of `keys`, found through an inverted index.

    Most shingles belong to one document, so the index keeps a plain int for
    those and a list only for shared ones: a million small lists would keep
    the garbage collector busy for longer than the whole comparison takes.
    """
    first: dict[int, int] = {}
    shared_by: dict[int, list[int]] = {}
    for index, hashes in enumerate(keys):
        for h in hashes:
            owner = first.setdefault(h, index)
            if owner != index:
                shared_by.setdefault(h, [owner]).append(index)
    for i in range(len(keys)):
        shared: dict[int, int] = defaultdict(int)
        for h in keys[i]:
            posting = shared_by.get(h)
            if posting is None or len(posting) > MAX_POSTING:
                continue
            for j in posting:
                if j > i:
                    shared[j] += 1
        for j, count in shared.items():
            small = min(len(keys[i]), len(keys[j]))
            if small >= min_samples and min_samples:
                score = count / small
            else:  # too few samples to judge: compare the full sets
                score = containment(full(i), full(j))
            if score >= MIN_CONTAINMENT:
                union(i, j)


def make_story(members: Sequence[Document]) -> Story:
    """A story from its versions, in library order; the first one seen is canonical.

    First-seen rather than longest, so that importing a new reprint never
    changes which version the others are compared with (nor the story's id).
    """
    canonical = members[0]
    ordered = list(members)
    if len(ordered) == 1:
        return Story(content_id(f"story\n{canonical.id}"), canonical.title, (canonical.id,))
    base = _normalised_paragraphs(canonical)
    # A merged paragraph is a run of consecutive ones; pad so words match whole.
    base_text = f" {' '.join(base)} "
    differing = {
        doc.id: tuple(
            i
            for i, para in enumerate(_normalised_paragraphs(doc))
            if para and para not in base and f" {para} " not in base_text
        )
        for doc in ordered[1:]
    }
    return Story(
        id=content_id(f"story\n{canonical.id}"),
        title=canonical.title,
        document_ids=tuple(d.id for d in ordered),
        differing=differing,
    )


def _normalised_paragraphs(doc: Document) -> list[str]:
    """Paragraphs reduced to their words, so spacing and punctuation never differ."""
    return [" ".join(_tokens(p)) for p in doc.paragraphs]
