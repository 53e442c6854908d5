"""Source reliability and information credibility in the window: what lists show, what keys do.

The Admiralty (NATO) code grades a source's reliability A-F and a piece of
information's credibility 1-6 apart; "B2" reads "usually reliable source,
probably true". The store keeps reliability per publisher (remembered once,
inherited by every document from it) with a per-document override, and
credibility and a claim's named actor per excerpt. This module words those
for the document list, the excerpt bin and the composer (`GradeLabels`, the
same code the export prints under a quote), offers the choices a one-key
picker lists (`reliability_choices`, `credibility_choices`), and runs each
grading action as one undoable store call whose `Outcome` names what moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefreader.control.annotations import NO_STORE, Outcome
from briefreader.domain import Document
from briefreader.export.citations import grade_code
from briefreader.store import Excerpt, Store
from briefreader.store.errors import StoreError
from briefreader.store.grades import (
    CREDIBILITY,
    RELIABILITY,
    GradeBook,
    Reliability,
    publisher_key,
)

EMPTY_BOOK = GradeBook({}, {})


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of a grade picker: the key that picks it, and what it means."""

    key: str  # "A".."F", "1".."6", or "" for "not graded"
    label: str


def reliability_choices(target: str) -> list[Choice]:
    """A-F with their meanings, then "not graded" worded for the target being graded."""
    rows = [Choice(letter, f"{letter}  {meaning}") for letter, meaning in RELIABILITY.items()]
    clear = {
        "publisher": "0  not graded (forget this publisher's grade)",
        "document": "0  the publisher's grade (no grade of its own)",
    }[target]
    return [*rows, Choice("", clear)]


def credibility_choices() -> list[Choice]:
    """1-6 with their meanings, then "not graded"."""
    rows = [Choice(str(n), f"{n}  {meaning}") for n, meaning in CREDIBILITY.items()]
    return [*rows, Choice("", "0  not graded")]


def describe_reliability(reliability: Reliability, publisher: str) -> str:
    """ "B (usually reliable), from its publisher" - for tooltips and the status bar."""
    if not reliability.grade:
        return "reliability not graded"
    meaning = RELIABILITY.get(reliability.grade, "")
    origin = {
        "document": "this document's own grade",
        "publisher": f"the grade of {publisher}" if publisher.strip() else "its publisher's",
    }.get(reliability.origin, "")
    return f"reliability {reliability.grade} ({meaning})" + (f", {origin}" if origin else "")


class GradeLabels:
    """The grades at one moment, looked up per row by the lists (a dictionary lookup each).

    `document_of` is the reader's document lookup: an excerpt's or a row's
    publisher comes from its document.
    """

    def __init__(self, document_of: Callable[[str], Document | None]) -> None:
        self._document_of = document_of
        self.book: GradeBook = EMPTY_BOOK

    def load(self, store: Store | None) -> None:
        """Read every grade again (after a grade changed, was undone, or the store opened)."""
        if store is None:
            self.book = EMPTY_BOOK
            return
        try:
            self.book = store.grades.book()
        except StoreError:
            self.book = EMPTY_BOOK

    def reliability(self, doc_id: str) -> Reliability:
        doc = self._document_of(doc_id)
        return self.book.reliability(doc_id, doc.publisher if doc is not None else "")

    def document_grade(self, doc_id: str) -> str:
        """The letter the document list shows ("" when ungraded)."""
        return self.reliability(doc_id).grade

    def excerpt_grade(self, excerpt: Excerpt) -> str:
        """ "B2", "B–", "–2" or "": the code the export prints under the quote."""
        return grade_code(self.reliability(excerpt.doc_id).grade, excerpt.credibility)

    def describe_document(self, doc_id: str) -> str:
        doc = self._document_of(doc_id)
        publisher = doc.publisher if doc is not None else ""
        remembered = self.book.publishers.get(publisher_key(publisher)) if publisher else None
        return describe_reliability(self.reliability(doc_id), remembered[0] if remembered else "")

    def describe_excerpt(self, excerpt: Excerpt) -> str:
        """Both halves in words, for a tooltip."""
        parts = [self.describe_document(excerpt.doc_id)]
        if excerpt.credibility is not None:
            meaning = CREDIBILITY.get(excerpt.credibility, "")
            parts.append(f"credibility {excerpt.credibility} ({meaning})")
        else:
            parts.append("credibility not graded")
        if excerpt.claimant:
            parts.append(f"a claim by {excerpt.claimant}")
        return "; ".join(parts)


class Grading:
    """Grading actions on one store (None until the store is open), as outcomes."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store

    def _act(self, what: str, action: Callable[[Store], Outcome]) -> Outcome:
        if self.store is None:
            return Outcome(message=NO_STORE, ok=False)
        try:
            return action(self.store)
        except (StoreError, ValueError) as error:
            return Outcome(message=f"could not {what}: {error}", ok=False)

    def grade_publisher(self, doc: Document, grade: str) -> Outcome:
        """Grade every document of `doc`'s publisher ("" forgets the grade).

        A document that names no publisher can only be graded on its own, so
        it is, and the message says so.
        """
        publisher = " ".join(doc.publisher.split())
        if not publisher:
            outcome = self.grade_document(doc, grade)
            if not outcome.ok:
                return outcome
            return Outcome(
                outcome.changes, outcome.message + " (it names no publisher: graded on its own)"
            )

        def run(store: Store) -> Outcome:
            changes = store.grades.set_publisher(publisher, grade or None)
            if not changes:
                return Outcome(message=f"{publisher} is graded {grade or 'nothing'} already")
            said = f"graded {grade} ({RELIABILITY[grade]})" if grade else "no longer graded"
            own = store.grades.document(doc.id)
            tail = f"; this document keeps its own grade {own}" if own else ""
            return Outcome(changes, f"{publisher}: {said}, for every document from it{tail}")

        return self._act("grade the publisher", run)

    def grade_document(self, doc: Document, grade: str) -> Outcome:
        """Give one document its own grade over its publisher's ("" follows the publisher's)."""

        def run(store: Store) -> Outcome:
            changes = store.grades.set_documents([doc.id], grade or None)
            if not changes:
                return Outcome(message="this document has that grade already")
            if grade:
                said = f"this document graded {grade} ({RELIABILITY[grade]}), over its publisher's"
            else:
                found = store.grades.publisher(doc.publisher) if doc.publisher.strip() else None
                said = "this document follows its publisher's grade" + (
                    f" again ({found})" if found else " again (none)"
                )
            return Outcome(changes, said)

        return self._act("grade the document", run)

    def set_credibility(self, excerpt_id: int, grade: str) -> Outcome:
        """Grade an excerpt's information 1-6 ("" clears it)."""
        value = int(grade) if grade else None

        def run(store: Store) -> Outcome:
            changes = store.excerpts.set_credibility([excerpt_id], value)
            said = (
                f"credibility {value} ({CREDIBILITY[value]})" if value is not None else "ungraded"
            )
            return Outcome(changes, f"{store.excerpts.get(excerpt_id).name}: {said}", excerpt_id)

        return self._act("grade the excerpt", run)

    def set_claim(self, excerpt_id: int, actor: str) -> Outcome:
        """Mark an excerpt as a claim by `actor` ("" unmarks it)."""
        name = " ".join(actor.split())

        def run(store: Store) -> Outcome:
            changes = store.excerpts.set_claim([excerpt_id], name)
            said = f"a claim by {name}" if name else "no longer marked as a claim"
            return Outcome(changes, f"{store.excerpts.get(excerpt_id).name}: {said}", excerpt_id)

        return self._act("mark the claim", run)

    def claimants(self) -> list[str]:
        """Actors already named, most used first, for completion."""
        if self.store is None:
            return []
        try:
            found = self.store.excerpts.claimants()
        except StoreError:
            return []
        return [name for name, _n in sorted(found, key=lambda pair: -pair[1])]
