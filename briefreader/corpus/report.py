"""What an import changed, so a view can redraw only that (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.sqlfile.faults import describe_os_error


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The outcome of one `Library.import_paths` call.

    - `added`: ids of documents new to the library.
    - `new_versions`: ids of documents that replace an older version of the
      same article (a changed file); `superseded` holds the ids they replaced,
      which `Library.documents()` no longer lists.
    - `unchanged`: ids already in the library, found again.
    - `documents`: every document id found in the given paths, in file order
      (what "the documents that came from them" means).
    - `skipped`: (path, reason) for each file not imported.
    - `warnings`: (path, message) for files imported with a caveat.
    - `stories_changed`: ids of stories whose membership changed.
    """

    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    new_versions: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    warnings: tuple[tuple[str, str], ...] = ()
    stories_changed: tuple[str, ...] = ()
    files_read: int = 0

    @property
    def changed(self) -> bool:
        """Whether the library's list of documents differs after the import."""
        return bool(self.added or self.new_versions)

    def summary(self) -> str:
        parts = [
            f"{self.files_read} file(s) read",
            f"{len(self.added)} added",
            f"{len(self.new_versions)} new version(s)",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.skipped)} skipped",
        ]
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        return ", ".join(parts)


def stopped_message(error: BaseException, shown: str, stored: int) -> str:
    """Why an import stopped at `shown`, and that the files before it are kept."""
    before = f"the {stored} file(s) before it are in the library" if stored else "nothing changed"
    return f"the import stopped at {shown}: {describe_os_error(error)}; {before}"
