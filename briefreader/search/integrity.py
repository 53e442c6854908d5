"""The index's record of its own files: damage found by size and checksum, not by "it opened".

Whoosh opens an index whose segment files were cut short or had bytes
flipped; the damage shows later, as an exception in the middle of a search
or as wrong hits. So every finished update writes, with its version stamp
(schema version and gazetteer fingerprint, see `indexer.py`), the size and
BLAKE2 checksum of each file it left:

- opening the index for reading compares sizes (a `stat` per file, so
  opening stays cheap);
- an update, which holds the write lock, also compares the checksums of an
  index up to `THOROUGH_BYTES`, and rebuilds on any difference. Above that,
  sizes only: an update that adds one document to a 100,000-document index
  (477 MB) costs about 0.8 s, and reading every file again would more than
  double it (BLAKE2 hashes roughly 0.5-1 GB/s here, before the disk).

A segment file is never changed once written (deletions live in the table
of contents, a new file per generation), so a checksum stays valid until
the file goes. An update that was under way, or stopped half-way, leaves a
newer table of contents than the record: files it merged away are then
expected to be gone, and the new ones are checked by opening them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Final

#: Files in the index folder that are not part of the index itself.
_NOT_INDEX: Final = re.compile(r"(^MAIN_WRITELOCK$|^briefreader-index.*|\.tmp$)")
_TOC: Final = re.compile(r"^_MAIN_(\d+)\.toc$")
_CHUNK: Final = 1 << 20
#: Up to this many bytes of index, an update checks every file's checksum.
THOROUGH_BYTES: Final = 64 << 20


def _digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def generation(index_dir: Path) -> int:
    """The newest table of contents' generation (-1 if there is none)."""
    found = [int(m.group(1)) for p in index_dir.iterdir() if (m := _TOC.match(p.name))]
    return max(found, default=-1)


def record(index_dir: Path, previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """Sizes and checksums of the index's files now (call with the write lock held).

    Checksums of files `previous` holds at the same size are reused: the
    update that calls this verified them when it started.
    """
    known = (previous or {}).get("files") or {}
    files: dict[str, list[Any]] = {}
    for path in sorted(index_dir.iterdir()):
        if _NOT_INDEX.search(path.name) or not path.is_file():
            continue
        size = path.stat().st_size
        old = known.get(path.name)
        same = isinstance(old, list) and len(old) == 2 and old[0] == size
        files[path.name] = [size, old[1] if same else _digest(path)]
    return {"generation": generation(index_dir), "files": files}


def damage(index_dir: Path, marker: dict[str, Any], *, thorough: bool) -> str:
    """Why the files disagree with the marker's record ("" when they agree or none is kept)."""
    files = marker.get("files")
    if not isinstance(files, dict):
        return ""  # a partial build, or an index from before the record was kept
    sizes = [e[0] for e in files.values() if isinstance(e, list) and len(e) == 2]
    thorough = thorough and sum(s for s in sizes if isinstance(s, int)) <= THOROUGH_BYTES
    try:
        current = generation(index_dir)
        settled = current == marker.get("generation")
        for name, entry in files.items():
            path = index_dir / name
            if not path.exists():
                if settled:
                    return "damaged: a file is missing"
                continue
            if not isinstance(entry, list) or len(entry) != 2:
                return "damaged: its record is unreadable"
            if path.stat().st_size != entry[0]:
                return "damaged: a file changed size"
            if thorough and _digest(path) != entry[1]:
                return "damaged: a checksum differs"
    except OSError as error:
        return f"unreadable ({error.strerror or type(error).__name__})"
    return ""


def make_room(index_dir: Path) -> str:
    """Remove a file (or a broken link) standing where the index's folder belongs.

    The index is a cache in the analyst's data directory: whatever took its
    place is not theirs to keep, and only stopped every search (the folder
    could not be made). Returns why the index is rebuilt, "" if nothing was there.
    """
    if index_dir.is_dir() or not (index_dir.is_symlink() or index_dir.exists()):
        return ""
    index_dir.unlink()
    return "a file stood where its folder belongs"
