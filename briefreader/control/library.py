"""Where the window gets its documents and its entity matcher, loaded off the UI thread.

The heavy modules (the importer with ftfy and BeautifulSoup, the gazetteer
and its automaton) are imported here, inside the functions, never at module
import: the window calls these from a worker after its first paint, which
keeps cold start fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.control.facets import EntityKey
from briefreader.control.mentions import Matcher, entity_key
from briefreader.domain import Document, Mention, Story
from briefreader.paths import DataPaths


@dataclass(frozen=True, slots=True)
class LibrarySnapshot:
    """Everything the window shows about the library, read in one go."""

    documents: tuple[Document, ...]
    stories: tuple[Story, ...]
    warnings: tuple[str, ...] = ()
    entities: dict[str, frozenset[EntityKey]] = field(default_factory=dict)
    #: The library's last automatic backup failure, for the status bar's indicator.
    backup_error: str | None = None


def load_matcher(paths: DataPaths | None = None) -> Matcher:
    """The entity matcher the window highlights with.

    With `paths`, it honours the analyst's gazetteer additions and comes from
    the on-disk cache when that is current (about 0.08 s instead of a 0.4 s
    build), which is what keeps the first highlighted paint fast. Without, it
    is the bundled gazetteer's shared matcher.
    """
    entities = importlib.import_module("briefreader.entities")
    if paths is None:
        finder: Callable[[str], list[Mention]] = entities.find_mentions
        return finder
    cache = importlib.import_module("briefreader.entities.cache")
    return cache.matcher_for_files(paths.user_gazetteer, paths.cache_dir).find


def gazetteer_notice(matcher: Matcher) -> str:
    """One status line about the analyst's gazetteer.toml problems ("" if none).

    The rest of the file is in use; the line is the first problem (it names
    the file and the line, and what was skipped) and how many more there are.
    """
    gazetteer = getattr(getattr(matcher, "__self__", None), "gazetteer", None)
    problems = tuple(getattr(gazetteer, "problems", ()))
    if not problems:
        return ""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{problems[0]}{more}"


def document_entities(doc: Document, matcher: Matcher) -> frozenset[EntityKey]:
    """The entities a document names anywhere a reader sees: title, standfirst, body."""
    text = "\n\n".join(part for part in (doc.title, doc.standfirst, doc.body) if part)
    return frozenset(entity_key(m) for m in matcher(text))


def count_entities(
    paths: DataPaths, progress: Callable[[str], None] | None = None
) -> dict[str, frozenset[EntityKey]]:
    """Which entities each document names (title, standfirst, body), for the facets.

    Read from the analysis counts, brought up to date first: a document is
    matched once, when it is first counted (the first start after an
    upgrade counts the whole library), and never again at start-up.
    """
    opening = importlib.import_module("briefreader.analysis.opening")
    corpus = importlib.import_module("briefreader.corpus.library")
    matcher = opening.load_matcher(paths)

    def step(done: int, total: int) -> None:
        if progress:
            progress(f"finding groups and countries… {done}/{total}")

    with (
        corpus.open_library(paths, seed=False) as library,
        opening.open_counts_cache(paths) as counts,
    ):
        opening.sync_counts(counts, library, matcher, step)
        found: dict[str, frozenset[EntityKey]] = counts.document_entities()
    return found


def load_library(
    paths: DataPaths,
    *,
    seed: bool = True,
    entities: bool = False,
    progress: Callable[[str], None] | None = None,
) -> LibrarySnapshot:
    """Open the library (importing the bundled seeds on first run) and read it whole.

    With `entities`, also says which entities each document names, for the
    facets (see `count_entities`); on a large library's first run that is
    the slow part, so it runs here in the worker rather than in the window.
    """
    paths.ensure()
    corpus = importlib.import_module("briefreader.corpus.library")
    if progress:
        progress("opening the library…")
    library = corpus.open_library(paths, seed=seed)
    try:
        documents = tuple(library.documents())
        stories = tuple(library.stories())
        said = (library.recovery, library.read_only_notice, library.backup_error)
    finally:
        library.close()
    named = count_entities(paths, progress) if entities else {}
    warnings = tuple(s for s in said if s)
    return LibrarySnapshot(documents, stories, warnings, named, backup_error=said[2])


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import from the window did, and the library as it now stands."""

    summary: str
    added: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    snapshot: LibrarySnapshot
    #: Old versions replaced by this import: their excerpts follow to the new ones.
    superseded: tuple[str, ...] = ()


def import_files(
    paths: DataPaths,
    files: list[Path],
    progress: Callable[[str], None] | None = None,
    fraction: Callable[[float], None] | None = None,
) -> ImportOutcome:
    """Import files or folders into the library (in a worker) and read the library back.

    The new documents are counted (the analysis views and the facets read
    the counts) before the outcome is reported. `progress` hears what is
    being read, `fraction` how much of the import is done (0 to 1), pages
    and entries of a long file included.
    """
    corpus = importlib.import_module("briefreader.corpus.library")
    library = corpus.open_library(paths, seed=False)

    at = [0, 1]  # the file being read, of how many

    def step(done: int, total: int, name: str) -> None:
        if fraction and [done, total] != at:  # a new file starts (not a page of this one)
            fraction((done - 1) / total)
        at[:] = [done, total]
        if progress:
            progress(f"importing {done}/{total}: {name}")

    def part(done: int, parts: int) -> None:
        if fraction and parts:
            fraction((at[0] - 1 + done / parts) / at[1])

    try:
        report = library.import_paths(files, progress=step, parts=part)
    finally:
        library.close()
    snapshot = load_library(paths, seed=False, entities=True, progress=progress)
    added = tuple(report.added) + tuple(report.new_versions)
    return ImportOutcome(
        report.summary(), added, tuple(report.skipped), snapshot, tuple(report.superseded)
    )
