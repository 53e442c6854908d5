"""A built matcher, kept on disk so that start-up does not rebuild it.

Building the Aho-Corasick automaton for the full gazetteer takes about half a
second; unpickling it takes a tenth of that. The window needs a matcher before
it can paint its first highlighted document, so it loads this cache instead of
building. The cache is keyed by a fingerprint of everything the automaton is
made from (the gazetteer's entities, negative phrases and rules, the matching code,
the Python and pyahocorasick versions): when any of them changes, the key
changes and the matcher is rebuilt.

A cache file is trusted only if its checksum holds: it starts with a magic
line and the SHA-256 of the pickle that follows, checked before anything is
unpickled. "It unpickled" is no check: a flipped byte inside a name or a
table still unpickles (92 of 300 damaged files did), and the damaged
matcher then broke exports and highlighting. A file that fails the check is
rebuilt quietly; it is never the truth, only a shortcut.

The file lives in the analyst's own data directory, written by briefreader
itself, so unpickling it trusts nothing beyond what the data directory
already holds (the analyst's SQLite databases).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import ahocorasick

from briefreader.entities.gazetteer import Gazetteer, bundled_dir, load_gazetteer
from briefreader.entities.matcher import Matcher

_CODE_DIR = Path(__file__).resolve().parent


def fingerprint(gazetteer: Gazetteer) -> str:
    """A key that changes whenever the built automaton could differ, the same in every process.

    Sets are written in sorted order: their repr follows string hashing,
    which Python randomises per process, so the rules' sets once gave each
    run its own key (the analysis counts, keyed by it, were redone at every
    start).
    """
    digest = hashlib.sha256()
    parts = (gazetteer.entities, gazetteer.negatives, gazetteer.rules)
    digest.update(repr(_stable(parts)).encode("utf-8"))
    _code_and_versions(digest)
    return digest.hexdigest()[:24]


def _stable(value: object) -> object:
    """`value` with every set sorted and every pattern whole, so that its repr is the
    same in any process and tells any two values apart."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__name__, *(_stable(getattr(value, f.name)) for f in fields))
    if isinstance(value, set | frozenset):
        return ("set", *sorted((_stable(item) for item in value), key=repr))
    if isinstance(value, dict):
        return ("dict", *sorted(((_stable(k), _stable(v)) for k, v in value.items()), key=repr))
    if isinstance(value, tuple | list):
        return tuple(_stable(item) for item in value)
    if isinstance(value, re.Pattern):  # its repr cuts the pattern at 200 characters
        return ("re", value.pattern, value.flags)
    return value


def _code_and_versions(digest: hashlib._Hash) -> None:
    for module in sorted(_CODE_DIR.glob("*.py")):
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    digest.update(sys.version.encode())
    digest.update(str(getattr(ahocorasick, "__version__", "")).encode())
    digest.update(str(pickle.HIGHEST_PROTOCOL).encode())


def cached_matcher(gazetteer: Gazetteer, cache_dir: Path) -> Matcher:
    """The matcher for `gazetteer`, from `cache_dir` when a current copy is there.

    Never fails because of the cache: an unreadable, stale or unwritable cache
    only costs the build it was meant to save.
    """
    path = cache_dir / f"matcher-{fingerprint(gazetteer)}.pickle"
    loaded = read_cache(path)
    if loaded is not None:
        return loaded
    matcher = Matcher(gazetteer)
    _store(path, matcher, cache_dir.glob("matcher-*.pickle"))
    return matcher


def matcher_for_files(user_file: Path | None, cache_dir: Path) -> Matcher:
    """The matcher for the bundled gazetteer plus `user_file`, without reading TOML if cached.

    Start-up asks for this: the cache key hashes the gazetteer's files
    themselves (and the code), so a current cache is unpickled, gazetteer
    included (`Matcher.gazetteer`), without parsing and deriving the
    gazetteer first. That parse is the larger part of the work since the
    gazetteer carries every official list's names (about 0.1 s here against
    0.01 s for hashing the files). Any change to a file changes the key.
    """
    path = cache_dir / f"{_FILES_PREFIX}{files_fingerprint(user_file)}.pickle"
    loaded = read_cache(path)
    if loaded is not None:
        return loaded
    matcher = Matcher(load_gazetteer(user_file))
    _store(path, matcher, cache_dir.glob(f"{_FILES_PREFIX}*.pickle"))
    return matcher


_MAGIC = b"briefreader matcher cache 1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size


def read_cache(path: Path) -> Matcher | None:
    """The matcher kept at `path`, or None if it is missing or fails its checksum."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, digest = raw[: len(_MAGIC)], raw[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
    payload = raw[len(_MAGIC) + _DIGEST_SIZE :]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    try:  # the checksum held, so this is the file briefreader wrote
        loaded = pickle.loads(payload)
    except Exception:  # e.g. a class that moved since: rebuild, as for any stale cache
        return None
    return loaded if isinstance(loaded, Matcher) else None


def _store(path: Path, matcher: Matcher, old: Iterable[Path]) -> None:
    """Keep `matcher` at `path` with its checksum and remove older caches (never raises)."""
    with contextlib.suppress(OSError, pickle.PicklingError):
        payload = pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL)
        _write_atomically(path, _MAGIC + hashlib.sha256(payload).digest() + payload)
        for stale in list(old):
            if stale != path:
                stale.unlink(missing_ok=True)


_FILES_PREFIX = "files-matcher-"


def files_fingerprint(user_file: Path | None) -> str:
    """A key that changes whenever a gazetteer file, the code or a version does."""
    digest = hashlib.sha256()
    for path in sorted(bundled_dir().glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    if user_file is not None and user_file.is_file():
        with contextlib.suppress(OSError):
            digest.update(b"user")
            digest.update(user_file.read_bytes())
    _code_and_versions(digest)
    return digest.hexdigest()[:24]


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".matcher-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
