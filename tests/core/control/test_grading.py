"""Grading without Qt: the labels the lists show, and each action as one undoable outcome."""

from __future__ import annotations

import pytest

from briefreader.control.grading import (
    GradeLabels,
    Grading,
    credibility_choices,
    reliability_choices,
)
from briefreader.domain import Document, content_id
from briefreader.store import Store


def doc(title: str, publisher: str = "") -> Document:
    body = f"{title}: ISKP claimed the attack."
    return Document(id=content_id(title + body), title=title, body=body, publisher=publisher)


DOCS = {d.id: d for d in (doc("a", "The Wire"), doc("b", "wire"), doc("c", "Desk"), doc("d"))}
A, B, C, D = DOCS.values()


@pytest.fixture
def store(data_paths):
    opened = Store.open(data_paths)
    yield opened
    opened.close()


def test_labels_follow_publisher_then_document_then_credibility(store) -> None:
    labels = GradeLabels(DOCS.get)
    grading = Grading(store)
    assert grading.grade_publisher(A, "B").changes.grades
    labels.load(store)
    assert [labels.document_grade(d.id) for d in (A, B, C, D)] == ["B", "B", "", ""]
    assert "the grade of The Wire" in labels.describe_document(B.id)
    grading.grade_document(B, "D")
    labels.load(store)
    assert (labels.document_grade(A.id), labels.document_grade(B.id)) == ("B", "D")
    assert "this document's own grade" in labels.describe_document(B.id)
    excerpt = store.excerpts.capture(A.id, A.body, 0, 10).excerpt
    assert labels.excerpt_grade(excerpt) == "B–"
    outcome = grading.set_credibility(excerpt.id, "2")
    assert outcome.excerpt_id == excerpt.id and excerpt.id in outcome.changes.excerpts
    graded = store.excerpts.get(excerpt.id)
    assert labels.excerpt_grade(graded) == "B2"
    grading.set_claim(excerpt.id, "  Taliban   spokesman ")
    claimed = store.excerpts.get(excerpt.id)
    assert claimed.claimant == "Taliban spokesman"
    assert labels.describe_excerpt(claimed).endswith("a claim by Taliban spokesman")
    assert grading.claimants() == ["Taliban spokesman"]
    store.undo()  # the claim
    store.undo()  # the credibility
    assert store.excerpts.get(excerpt.id).credibility is None


def test_a_document_without_publisher_is_graded_alone_and_clearing_says_so(store) -> None:
    grading = Grading(store)
    outcome = grading.grade_publisher(D, "E")
    assert outcome.ok and "names no publisher" in outcome.message
    assert store.grades.document(D.id) == "E"
    grading.grade_publisher(C, "A")
    again = grading.grade_publisher(C, "A")
    assert not again.changes and "already" in again.message
    cleared = grading.grade_publisher(C, "")
    assert cleared.changes.grades and "no longer graded" in cleared.message
    assert store.grades.publisher("Desk") is None


def test_without_a_store_nothing_raises() -> None:
    grading = Grading(None)
    assert not grading.grade_publisher(A, "B").ok
    assert not grading.set_credibility(1, "2").ok
    labels = GradeLabels(DOCS.get)
    labels.load(None)
    assert labels.document_grade(A.id) == ""


def test_the_pickers_offer_every_grade_and_a_way_back() -> None:
    assert [c.key for c in reliability_choices("publisher")] == [*"ABCDEF", ""]
    assert "publisher's grade" in reliability_choices("document")[-1].label
    assert [c.key for c in credibility_choices()] == [*"123456", ""]


def test_a_source_no_longer_in_the_library_is_never_named_by_its_id(store) -> None:
    from briefreader.control.composer_views import section_views
    from briefreader.control.excerpt_filter import MISSING_SOURCE, choices

    excerpt = store.excerpts.capture(A.id, A.body, 0, 10).excerpt
    store.briefings.create("b")
    store.briefings.add("b", [excerpt.id])
    gone = lambda doc_id: ""  # noqa: E731 - the library no longer has the document
    offered = choices(store, gone)["document"]
    assert all(A.id not in label for _value, label in offered)
    assert any(MISSING_SOURCE in label for _value, label in offered)
    (section,) = section_views(store.load_briefing("b"), gone, {})
    assert section.items[0].source == MISSING_SOURCE
