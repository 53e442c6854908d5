"""Stories after an import that only added articles, without re-reading the library.

Clustering every document again after each import (`cluster.cluster`) read
every body (about 830 MB at 100,000 documents) and built an inverted index of
every sampled shingle, some 14 million entries. When an import only adds new
articles (no new version of one already there), the stories already made
cannot change among themselves, and the new documents come last in library
order. So this looks for the new documents' candidate pairs only: an index of
their own samples, against the stored samples of the others streamed from
the fingerprints table, with the thresholds of `cluster` (boilerplate
shingles by their count over the whole library, the share of samples, the
full shingle sets where samples are too few or the document is short).
Stories a new document joins are merged and made again with `make_story`:
a merged story keeps its row (its first version is still the earliest
member, so its id and its place in library order stay), the stories it took
in go, and stories of new documents only come last. The bodies read are
those of the stories that change.

One difference from clustering everything again, by design: a new document
that makes a shingle boilerplate (in over `MAX_POSTING` documents) does not
split a story made before. Anything this cannot vouch for (stories never
made, a document without its stored fingerprint) returns None, and the
caller clusters everything.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from briefreader.corpus.cluster import (
    MAX_POSTING,
    MIN_CONTAINMENT,
    MIN_SAMPLES,
    SHORT,
    cluster,
    containment,
    fingerprint,
    make_story,
    shingles,
)
from briefreader.corpus.importer import transaction
from briefreader.corpus.rows import LIBRARY_ORDER, pack_fingerprint, unpack_fingerprint
from briefreader.domain import Document, Story

#: SQLite's limit on a statement's parameters is 999 in older builds.
CHUNK = 500

Fetch = Callable[[Sequence[str]], dict[str, Document]]


class _Groups:
    """Union-find over nodes: a story's id for each story there, a new document's id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        parent = self.parent
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


class _Pairs:
    """Judges candidate pairs as `cluster` does and joins their stories."""

    def __init__(self, fetch: Fetch, new_docs: Sequence[Document]) -> None:
        self.fetch = fetch
        self.fetched: dict[str, Document] = {doc.id: doc for doc in new_docs}
        self.story_of: dict[str, str] = {}
        self.groups = _Groups()
        self._full: dict[str, set[int]] = {}

    def full(self, doc_id: str) -> set[int]:
        if doc_id not in self._full:
            if doc_id not in self.fetched:
                self.fetched.update(self.fetch([doc_id]))
            doc = self.fetched[doc_id]
            self._full[doc_id] = shingles(doc.body or doc.title)
        return self._full[doc_id]

    def judge(self, a: str, size_a: int, b: str, size_b: int, count: int) -> None:
        small = min(size_a, size_b)  # too few samples to judge: compare the full sets
        full = small < MIN_SAMPLES
        score = containment(self.full(a), self.full(b)) if full else count / small
        if score >= MIN_CONTAINMENT:
            self.join(a, b)

    def join(self, a: str, b: str) -> None:
        self.groups.union(self.story_of.get(a, a), self.story_of.get(b, b))


def add_to_stories(
    db: sqlite3.Connection, new_docs: Sequence[Document], fetch: Fetch
) -> tuple[str, ...] | None:
    """Put `new_docs` (new articles, just imported, in library order) in stories: the ids
    of the stories that changed, or None if the library's stories are not current.

    `fetch(ids)` gives the current documents with those ids, bodies included.
    """
    new_ids = [doc.id for doc in new_docs]
    new_prints = [fingerprint(doc) for doc in new_docs]
    index: dict[int, list[int]] = defaultdict(list)  # sampled shingle -> new documents
    for i, hashes in enumerate(new_prints):
        for h in hashes:
            index[h].append(i)
    seen: Counter[int] = Counter()  # documents already there holding each of those
    hits: dict[str, tuple[list[int], int]] = {}  # a document there -> (them, its samples)
    short_there: list[str] = []
    pairs = _Pairs(fetch, new_docs)
    known = set(new_ids)
    rows = db.execute(
        "SELECT d.id, d.story_id, f.hashes FROM documents d "
        "LEFT JOIN fingerprints f ON f.doc_id = d.id WHERE d.current = 1"
    )
    for doc_id, story_id, blob in rows:
        if doc_id in known:
            continue
        if story_id is None or blob is None:
            return None
        samples = array("I")
        samples.frombytes(blob)
        if len(samples) < SHORT:
            short_there.append(doc_id)
            pairs.story_of[doc_id] = story_id
        found = [h for h in samples if h in index]
        if found:
            seen.update(found)
            hits[doc_id] = (found, len(samples))
            pairs.story_of[doc_id] = story_id

    def counted(found: Iterable[int], after: int = -1) -> Counter[int]:
        """New documents (past `after`) sharing each non-boilerplate shingle of `found`."""
        shared: Counter[int] = Counter()
        for h in found:
            if seen[h] + len(index[h]) <= MAX_POSTING:
                shared.update(j for j in index[h] if j > after)
        return shared

    for doc_id, (found, size) in hits.items():  # the new documents against those there
        for i, count in counted(found).items():
            pairs.judge(new_ids[i], len(new_prints[i]), doc_id, size, count)
    for i, hashes in enumerate(new_prints):  # and among themselves
        for j, count in counted(hashes, after=i).items():
            pairs.judge(new_ids[i], len(hashes), new_ids[j], len(new_prints[j]), count)
    short_new = [new_ids[i] for i, hashes in enumerate(new_prints) if len(hashes) < SHORT]
    if short_new:
        _join_short(short_there, short_new, pairs)
    return _write(db, new_docs, new_prints, pairs)


def _join_short(short_there: list[str], short_new: list[str], pairs: _Pairs) -> None:
    """Documents too short to leave enough samples, on their full shingle sets (as
    `cluster` does): the new short ones against every short one."""
    everyone = short_there + short_new
    postings: dict[int, list[int]] = defaultdict(list)
    for k, doc_id in enumerate(everyone):
        for h in pairs.full(doc_id):
            postings[h].append(k)
    first_new = len(short_there)
    for k in range(first_new, len(everyone)):
        shared: set[int] = set()
        for h in pairs.full(everyone[k]):
            posting = postings[h]
            if len(posting) <= MAX_POSTING:
                shared.update(j for j in posting if j < first_new or j > k)
        for j in shared:
            a, b = everyone[k], everyone[j]
            if containment(pairs.full(a), pairs.full(b)) >= MIN_CONTAINMENT:
                pairs.join(a, b)


def _write(
    db: sqlite3.Connection,
    new_docs: Sequence[Document],
    new_prints: Sequence[set[int]],
    pairs: _Pairs,
) -> tuple[str, ...]:
    """Merge, make and store the stories the new documents are in; the changed ones' ids."""
    groups = pairs.groups
    members: dict[str, list[str]] = {}  # root -> its nodes (story ids, new document ids)
    for doc in new_docs:
        members.setdefault(groups.find(doc.id), []).append(doc.id)
    for node in list(groups.parent):
        root = groups.find(node)
        if root in members and node not in members[root]:
            members[root].append(node)
    old: dict[str, tuple[str, ...]] = {}
    story_ids = set(pairs.story_of.values())
    stories = [node for nodes in members.values() for node in nodes if node in story_ids]
    for chunk in _chunks(stories):
        for story_id, ids in db.execute(
            f"SELECT id, document_ids FROM stories WHERE id IN ({_marks(chunk)})", chunk
        ):
            old[story_id] = tuple(json.loads(ids))
    pairs.fetched.update(
        pairs.fetch([d for ids in old.values() for d in ids if d not in pairs.fetched])
    )
    order = _library_order(db, list(pairs.fetched))
    made: list[tuple[Story, list[str]]] = []
    for nodes in members.values():
        doc_ids = {d for node in nodes for d in old.get(node, (node,))}
        ordered = sorted(doc_ids, key=lambda d: order[d])
        made.append(
            (make_story([pairs.fetched[d] for d in ordered]), [n for n in nodes if n in old])
        )
    made.sort(key=lambda item: order[item[0].document_ids[0]])
    changed: list[str] = []
    with transaction(db):
        _store_fingerprints(db, [doc.id for doc in new_docs], new_prints)
        for story, replaced in made:
            row = (story.title, json.dumps(story.document_ids), json.dumps(story.differing))
            if story.id in replaced:  # the earliest member's story: its row, its place
                db.execute(
                    "UPDATE stories SET title = ?, document_ids = ?, differing = ? WHERE id = ?",
                    (*row, story.id),
                )
            else:
                db.execute(
                    "INSERT INTO stories (id, title, document_ids, differing) VALUES (?, ?, ?, ?)",
                    (story.id, *row),
                )
            db.executemany(
                "DELETE FROM stories WHERE id = ?", [(s,) for s in replaced if s != story.id]
            )
            db.executemany(
                "UPDATE documents SET story_id = ? WHERE id = ?",
                [(story.id, doc_id) for doc_id in story.document_ids],
            )
            if old.get(story.id) != story.document_ids:
                changed.append(story.id)
    return tuple(changed)


def cluster_all(db: sqlite3.Connection, documents: Sequence[Document]) -> tuple[str, ...]:
    """Stories made again over all `documents` (the library's current ones, in order),
    as after a new version of an article; the ids of those that changed."""
    stored = {
        doc_id: unpack_fingerprint(blob)
        for doc_id, blob in db.execute(
            "SELECT f.doc_id, f.hashes FROM fingerprints f "
            "JOIN documents d ON d.id = f.doc_id WHERE d.current = 1"
        )
    }
    missing = [d for d in documents if d.id not in stored]
    for doc in missing:
        stored[doc.id] = fingerprint(doc)
    result = cluster(documents, [stored[d.id] for d in documents])
    before = {
        story_id: tuple(json.loads(ids))
        for story_id, ids in db.execute("SELECT id, document_ids FROM stories")
    }
    with transaction(db):
        _store_fingerprints(db, [d.id for d in missing], [stored[d.id] for d in missing])
        db.execute("DELETE FROM stories")
        db.executemany(
            "INSERT INTO stories (id, title, document_ids, differing) VALUES (?, ?, ?, ?)",
            [
                (s.id, s.title, json.dumps(s.document_ids), json.dumps(s.differing))
                for s in result.stories
            ],
        )
        db.executemany(
            "UPDATE documents SET story_id = ? WHERE id = ?",
            [(story_id, doc_id) for doc_id, story_id in result.story_of.items()],
        )
    return tuple(s.id for s in result.stories if before.get(s.id) != s.document_ids)


def _library_order(db: sqlite3.Connection, doc_ids: list[str]) -> dict[str, tuple[int, int]]:
    """Each document's place in library order (as `Library.documents` sorts)."""
    order: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(doc_ids):
        for doc_id, first, seq in db.execute(
            f"SELECT d.id, {LIBRARY_ORDER} FROM documents AS d WHERE d.id IN ({_marks(chunk)})",
            chunk,
        ):
            order[doc_id] = (first, seq)
    return order


def _store_fingerprints(
    db: sqlite3.Connection, doc_ids: Sequence[str], prints: Sequence[set[int]]
) -> None:
    db.executemany(
        "INSERT INTO fingerprints (doc_id, hashes) VALUES (?, ?) "
        "ON CONFLICT (doc_id) DO UPDATE SET hashes = excluded.hashes",
        [(doc_id, pack_fingerprint(h)) for doc_id, h in zip(doc_ids, prints, strict=True)],
    )


def _chunks(items: list[str]) -> Iterable[list[str]]:
    return (items[start : start + CHUNK] for start in range(0, len(items), CHUNK))


def _marks(chunk: list[str]) -> str:
    return ",".join("?" * len(chunk))
