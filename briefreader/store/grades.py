"""Source reliability grades: A-F per publisher, remembered, overridable per document.

The Admiralty (NATO) system grades a source's reliability A-F and the
information's credibility 1-6 separately; "B2" reads "usually reliable
source, probably true". Reliability is a judgement on the publisher, so the
analyst sets it once per publisher and every document from it inherits it;
a document can carry its own grade when it differs (a wire story reprinted
by a tabloid, a guest column). Credibility belongs to each excerpt and
lives with it (`Excerpts.set_credibility`).

Publishers are remembered by a folded key (`publisher_key`): case, spacing
and a leading "The" do not make a new publisher. Every change is one undo
step and reports `Changes(grades=True)`, plus the document for an override.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from briefreader.store.backend import Backend
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.db import timestamp
from briefreader.store.undo import Operation, Put, batch

Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]

#: Reliability of a source (Admiralty code), as printed in a briefing's legend.
RELIABILITY: Mapping[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: Credibility of a piece of information.
CREDIBILITY: Mapping[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

GradeOrigin = Literal["document", "publisher", ""]


def publisher_key(publisher: str) -> str:
    """The key a publisher's grade is remembered under: folded, spaced once, no leading "The"."""
    folded = " ".join(publisher.casefold().split())
    return folded[4:] if folded.startswith("the ") and len(folded) > 4 else folded


def check_reliability(grade: str | None) -> str | None:
    """`grade` upper-cased if it is A-F; None stays None; anything else raises ValueError."""
    if grade is None:
        return None
    letter = grade.strip().upper()
    if letter not in RELIABILITY:
        raise ValueError(f"reliability is graded A to F, not {grade!r}")
    return letter


@dataclass(frozen=True, slots=True)
class Reliability:
    """A document's reliability grade and where it comes from ("" when ungraded)."""

    grade: str = ""
    origin: GradeOrigin = ""


@dataclass(frozen=True, slots=True)
class GradeBook:
    """Every grade at one moment: for exports and lists that look up thousands of documents."""

    publishers: Mapping[str, tuple[str, str]]  # key -> (publisher as first written, grade)
    documents: Mapping[str, str]  # doc id -> grade

    def reliability(self, doc_id: str, publisher: str) -> Reliability:
        """The document's own grade if it has one, else its publisher's."""
        own = self.documents.get(doc_id)
        if own:
            return Reliability(own, "document")
        found = self.publishers.get(publisher_key(publisher)) if publisher.strip() else None
        return Reliability(found[1], "publisher") if found else Reliability()


def _write_publisher(
    conn: sqlite3.Connection, key: str, state: tuple[str, str, str, str] | None
) -> Changes:
    conn.execute("DELETE FROM publisher_grades WHERE publisher_key = ?", (key,))
    if state is not None:
        conn.execute(
            "INSERT INTO publisher_grades "
            "(publisher_key, publisher, reliability, updated, updated_by) VALUES (?, ?, ?, ?, ?)",
            (key, *state),
        )
    return Changes(grades=True)


def _write_document(
    conn: sqlite3.Connection, doc_id: str, state: tuple[str, str, str] | None
) -> Changes:
    conn.execute("DELETE FROM document_grades WHERE doc_id = ?", (doc_id,))
    if state is not None:
        conn.execute(
            "INSERT INTO document_grades (doc_id, reliability, updated, updated_by) "
            "VALUES (?, ?, ?, ?)",
            (doc_id, *state),
        )
    return Changes(documents=frozenset({doc_id}), grades=True)


def _read_publisher(conn: sqlite3.Connection, key: str) -> tuple[str, str, str, str] | None:
    row = conn.execute(
        "SELECT publisher, reliability, updated, updated_by FROM publisher_grades "
        "WHERE publisher_key = ?",
        (key,),
    ).fetchone()
    return tuple(row) if row else None  # type: ignore[return-value]


def _read_document(conn: sqlite3.Connection, doc_id: str) -> tuple[str, str, str] | None:
    row = conn.execute(
        "SELECT reliability, updated, updated_by FROM document_grades WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    return tuple(row) if row else None  # type: ignore[return-value]


def _last(state: tuple[str, ...] | None) -> str:
    return state[-1] if state else ""


class Grades:
    """The reliability repository; reached as `Store.grades`."""

    def __init__(self, db: Backend, run: Runner) -> None:
        self._db = db
        self._run = run

    # -- reading ---------------------------------------------------------
    def publisher(self, publisher: str) -> str | None:
        """The grade remembered for `publisher`, or None."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT reliability FROM publisher_grades WHERE publisher_key = ?",
                (publisher_key(publisher),),
            ).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> str | None:
        """The document's own grade (its override), or None."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT reliability FROM document_grades WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        return row[0] if row else None

    def reliability(self, doc_id: str, publisher: str) -> Reliability:
        """The grade that applies to one document: its own, else its publisher's."""
        own = self.document(doc_id)
        if own:
            return Reliability(own, "document")
        found = self.publisher(publisher) if publisher.strip() else None
        return Reliability(found, "publisher") if found else Reliability()

    def book(self) -> GradeBook:
        """Every grade, read at once."""
        with self._db.reading() as conn:
            publishers = {
                key: (name, grade)
                for key, name, grade in conn.execute(
                    "SELECT publisher_key, publisher, reliability FROM publisher_grades"
                )
            }
            documents = dict(conn.execute("SELECT doc_id, reliability FROM document_grades"))
        return GradeBook(publishers, documents)

    # -- writing ---------------------------------------------------------
    def set_publisher(self, publisher: str, grade: str | None) -> Changes:
        """Remember `grade` (A-F) for every document of `publisher`; None forgets it."""
        letter = check_reliability(grade)
        key = publisher_key(publisher)
        if not key:
            raise ValueError("a document without a publisher can only be graded on its own")
        name = " ".join(publisher.split())

        def build(conn: sqlite3.Connection) -> Operation | None:
            before = _read_publisher(conn, key)
            if (before[1] if before else None) == letter:
                return None
            who = self._db.author
            after = (before[0] if before else name, letter, timestamp(), who) if letter else None
            label = f"grade {name} {letter}" if letter else f"clear the grade of {name}"
            return Put(label, key, before, after, _write_publisher, read=_read_publisher, who=_last)

        return self._run(build)

    def set_documents(self, doc_ids: Iterable[str], grade: str | None) -> Changes:
        """Give documents their own grade, over their publisher's; None removes it."""
        letter = check_reliability(grade)
        ids = list(dict.fromkeys(doc_ids))
        label = f"grade document {letter}" if letter else "clear the document's own grade"

        def build(conn: sqlite3.Connection) -> Operation | None:
            ops: list[Operation] = []
            now = timestamp()
            for doc_id in ids:
                before = _read_document(conn, doc_id)
                if (before[0] if before else None) == letter:
                    continue
                after = (letter, now, self._db.author) if letter else None
                ops.append(
                    Put(
                        label,
                        doc_id,
                        before,
                        after,
                        _write_document,
                        read=_read_document,
                        who=_last,
                    )
                )
            return batch(label, ops)

        return self._run(build)

    def follow_version(self, old_id: str, new_id: str) -> Changes:
        """Carry a document's own grade to its new version (after a re-import)."""
        own = self.document(old_id)
        if own is None or self.document(new_id) is not None:
            return NO_CHANGES
        return self.set_documents([new_id], own)
