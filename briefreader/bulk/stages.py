"""The bulk pipeline's steps on one partition: plain Python, no Spark.

Each function takes and returns plain rows (tuples of str, int, bytes), so
Spark can ship them between its Python workers, and the tests can run them
without Spark. They call the app's own code (the parser, the entity
matcher, the shingles of story clustering), so a document gets the same id,
text, entities and story as the desktop app's import would give it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from briefreader.corpus.cluster import SAMPLE, containment, fingerprint, shingles
from briefreader.corpus.errors import Rejected
from briefreader.corpus.files import DEFAULT_MAX_BYTES, read_capped
from briefreader.corpus.importer import display_path, stored_path
from briefreader.corpus.rows import meta_json
from briefreader.domain import Document, Mention

#: (path, format) of a file to read.
FileTask = tuple[str, str]
#: path, sha256, size, content, cleaned text, encoding, imported at.
FileRow = tuple[str, str, int, bytes, str, str, str]
#: doc id, path, source index, title, body, meta JSON.
DocRow = tuple[str, str, int, str, str, str]
#: path, why it was skipped.
Skip = tuple[str, str]
#: What parsing one file gives: ("file", FileRow) | ("doc", DocRow) | ("skip", Skip).
Parsed = tuple[str, tuple[object, ...]]

#: The verification rule of the app's clustering (corpus/cluster.py): sampled
#: shingles when both documents leave at least this many, else full sets.
MIN_SAMPLES = 30
MIN_CONTAINMENT = 0.5


def parse_files(tasks: Iterable[FileTask], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Parsed]:
    """Read and parse files as the app's importer does; one bad file never stops the rest."""
    from briefreader.corpus.parse import parse_bytes  # the parsers load in the workers only

    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    for raw_path, fmt in tasks:
        path = Path(raw_path)
        shown = display_path(path.resolve())
        stored = stored_path(path.resolve())  # the key the app's importer gives the file
        try:
            data = read_capped(path, max_bytes)
            parsed = parse_bytes(data, source=stored, fmt=fmt)
        except (Rejected, OSError) as error:
            yield ("skip", (shown, str(error)))
            continue
        except Exception as error:  # an odd file must not fail the job: report it
            yield ("skip", (shown, f"internal error: {type(error).__name__}: {error}"))
            continue
        sha = hashlib.sha256(data).hexdigest()
        yield ("file", (stored, sha, len(data), data, parsed.text, parsed.encoding, imported_at))
        for doc in parsed.documents:
            yield ("doc", (doc.id, shown, doc.source_index, doc.title, doc.body, meta_json(doc)))


def outline(parsed: Parsed) -> tuple[object, ...]:
    """What the driver needs to put files and documents in library order (no text)."""
    kind, row = parsed
    if kind == "doc":
        return ("doc", row[0], row[1], row[2])
    return (kind, *row[:2]) if kind == "skip" else ("file", row[0])


def document_of(row: DocRow) -> Document:
    from briefreader.corpus.rows import document_from_row

    doc_id, _path, _index, title, body, meta = row
    return document_from_row((doc_id, title, body, "", 1, meta))


def entity_counts(
    rows: Iterable[DocRow], find: Callable[[str], Sequence[Mention]]
) -> Iterator[tuple[str, str, str, int]]:
    """(doc id, kind, canonical name, mentions) for every entity a document names."""
    for row in rows:
        doc = document_of(row)
        text = "\n\n".join(part for part in (doc.title, doc.standfirst, doc.body) if part)
        counts = Counter((m.kind, m.canonical) for m in find(text))
        for (kind, canonical), n in sorted(counts.items()):
            yield (doc.id, kind, canonical, n)


def story_features(rows: Iterable[DocRow], dims: int) -> Iterator[tuple[str, list[int], int]]:
    """(doc id, sorted feature indexes for MinHash, number of sampled shingles)."""
    for row in rows:
        doc = document_of(row)
        full = shingles(doc.body or doc.title)
        features = sorted({h % dims for h in full}) or [0]
        yield (doc.id, features, len({h for h in full if h % SAMPLE == 0}))


def same_story(a: Document, b: Document) -> bool:
    """The app's rule for two versions of one story (see corpus/cluster.py)."""
    sa, sb = fingerprint(a), fingerprint(b)
    if min(len(sa), len(sb)) >= MIN_SAMPLES:
        return len(sa & sb) / min(len(sa), len(sb)) >= MIN_CONTAINMENT
    return containment(shingles(a.body or a.title), shingles(b.body or b.title)) >= MIN_CONTAINMENT


def components(ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Document id -> the first id (in `ids` order) of its connected component."""
    order = {doc_id: n for n, doc_id in enumerate(ids)}
    parent = {doc_id: doc_id for doc_id in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = (ra, rb) if order[ra] < order[rb] else (rb, ra)
            parent[second] = first
    return {doc_id: find(doc_id) for doc_id in ids}
