"""Excerpts: capture with selector, entities, tags, comment, priority; filters; re-anchoring."""

from __future__ import annotations

import hashlib

import pytest

from briefreader.domain import Mention
from briefreader.store import NotFoundError, Store
from tests.core.store.conftest import ARTICLE, span


def capture(store: Store, quote: str, doc_id: str = "doc-a", text: str = ARTICLE, **kw: object):
    start, end = span(text, quote)
    return store.excerpts.capture(doc_id, text, start, end, **kw)


def test_capture_stores_everything_an_excerpt_needs(store: Store) -> None:
    quote = "The Taliban denied that security had failed."
    captured = capture(
        store, quote, tags=["security", " Kabul  attack ", "Security", ""], comment="Denial."
    )
    e = captured.excerpt
    assert captured.changes.excerpts == {e.id} and captured.changes.tags
    start, end = span(ARTICLE, quote)
    assert (e.doc_id, e.start, e.end, e.quote) == ("doc-a", start, end, quote)
    assert ARTICLE[:start].endswith(e.selector.prefix) and e.selector.prefix
    assert ARTICLE[end:].startswith(e.selector.suffix) and e.selector.suffix
    assert e.content_hash == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert e.paragraph == 1
    assert e.tags == ("Kabul attack", "security")
    assert e.comment == "Denial." and not e.priority and e.status == "anchored"
    # Entities come from the real gazetteer (briefreader.entities).
    assert [(r.kind, r.canonical) for r in e.entities] == [("group", "Taliban")]


def test_entities_are_ordered_by_first_mention_and_folded(store: Store) -> None:
    e = capture(store, ARTICLE.split("\n\n")[0]).excerpt
    names = [r.canonical for r in e.entities]
    assert names[0] == "Islamic State Khorasan Province"
    assert "Afghanistan" in names and names.count("Islamic State Khorasan Province") == 1
    assert e.mentions_of("country") == ("Afghanistan",)


def test_entities_are_found_in_context_but_only_inside_the_quote(store: Store) -> None:
    quote = "denied that security had failed"  # the paragraph names the Taliban, the quote not
    assert capture(store, quote).excerpt.entities == ()
    e = capture(store, "Pakistan.\n\nAnalysts said IS-K").excerpt  # spans two paragraphs
    assert [r.canonical for r in e.entities] == ["Pakistan", "Islamic State Khorasan Province"]


def test_caller_supplied_mentions_are_used(store: Store) -> None:
    quote = "Analysts said IS-K has recruited"
    e = capture(store, quote, mentions=[Mention(14, 18, "group", "ISKP (given)", "IS-K")]).excerpt
    assert [r.canonical for r in e.entities] == ["ISKP (given)"]


def test_edits_report_changes(store: Store) -> None:
    a = capture(store, "claimed the attack in Kabul").excerpt
    b = capture(store, "recruited in Tajikistan").excerpt
    assert store.excerpts.set_comment(a.id, "Check the date.").excerpts == {a.id}
    assert store.excerpts.get(a.id).comment == "Check the date."
    assert store.excerpts.set_priority([a.id, b.id]).excerpts == {a.id, b.id}
    assert store.excerpts.toggle_priority(b.id).excerpts == {b.id}
    assert [e.id for e in store.excerpts.list(priority=True)] == [a.id]
    assert not store.excerpts.set_priority([a.id])  # already flagged: nothing changed
    added = store.excerpts.add_tags([a.id, b.id], ["ISKP", "recruitment"])
    assert added.excerpts == {a.id, b.id} and added.tags
    assert store.excerpts.tags() == [("ISKP", 2), ("recruitment", 2)]
    store.excerpts.add_tags([a.id], ["iskp", "Iskp "])  # same tag, other case: no duplicate
    assert store.excerpts.get(a.id).tags == ("ISKP", "recruitment")
    store.excerpts.remove_tags([b.id], ["RECRUITMENT"])
    assert store.excerpts.get(b.id).tags == ("ISKP",)
    store.excerpts.rename_tag("iskp", "IS-K")
    assert store.excerpts.tags() == [("IS-K", 2), ("recruitment", 1)]
    assert store.excerpts.get(a.id).updated >= a.updated


def test_filters_for_the_excerpt_bin(store: Store) -> None:
    other = "A different article that mentions Pakistan and the Taliban."
    a = capture(store, "claimed the attack in Kabul", tags=["attack"]).excerpt
    b = capture(store, "mentions Pakistan and the Taliban", doc_id="doc-b", text=other).excerpt
    c = capture(store, "recruited in Tajikistan").excerpt
    assert [e.id for e in store.excerpts.list(doc_id="doc-a")] == [a.id, c.id]
    assert [e.id for e in store.excerpts.list(tag="ATTACK")] == [a.id]
    assert [e.id for e in store.excerpts.list(entity="Taliban")] == [b.id]
    assert [e.id for e in store.excerpts.list(entity="Tajikistan")] == [c.id]
    assert [e.id for e in store.excerpts.list(order="recent")] == [c.id, b.id, a.id]
    assert store.excerpts.documents() == [("doc-a", 2), ("doc-b", 1)]
    assert ("country", "Pakistan", 1) in store.excerpts.entities()


def test_delete_removes_note_and_briefing_places(store: Store) -> None:
    from briefreader.store import NoteTarget

    e = capture(store, "claimed the attack in Kabul").excerpt
    note = store.save_note(NoteTarget.excerpt(e.id), "why it matters").note
    briefing = store.briefings.create("weekly").briefing
    store.briefings.add(briefing.id, [e.id])
    changes = store.excerpts.delete([e.id])
    assert changes.excerpts == {e.id} and changes.notes == {note.id}
    assert changes.briefings == {briefing.id}
    assert store.excerpts.list() == []
    assert store.notes.get(NoteTarget.excerpt(e.id)) is None
    assert store.load_briefing("weekly").items == ()
    with pytest.raises(NotFoundError):
        store.excerpts.get(e.id)
    with pytest.raises(NotFoundError):
        store.excerpts.set_comment(e.id, "x")


def test_ids_are_never_reused(store: Store) -> None:
    first = capture(store, "claimed the attack in Kabul").excerpt
    store.excerpts.delete([first.id])
    assert capture(store, "recruited in Tajikistan").excerpt.id > first.id


def test_reanchor_moves_flags_and_keeps_everything(store: Store) -> None:
    moved = capture(store, "The Taliban denied that security had failed.").excerpt
    edited = capture(store, "Officials in Afghanistan said twelve people died.").excerpt
    gone = capture(store, "A spokesman blamed fighters from Pakistan.").excerpt
    new_text = "Update: death toll revised.\n\n" + ARTICLE.replace(
        "said twelve people died", "said at least twelve people died"
    ).replace(" A spokesman blamed fighters from Pakistan.", "")
    report = store.excerpts.reanchor("doc-a", new_text, new_doc_id="doc-a2")
    assert report.moved == (moved.id,)
    assert report.fuzzy == (edited.id,)
    assert report.orphaned == (gone.id,)
    assert report.changes.excerpts == {moved.id, edited.id, gone.id}

    m = store.excerpts.get(moved.id)
    assert new_text[m.start : m.end] == m.quote and m.status == "anchored"
    assert m.doc_id == "doc-a2" and m.paragraph == 2
    assert m.content_hash == hashlib.sha256(new_text.encode()).hexdigest()
    f = store.excerpts.get(edited.id)
    assert f.status == "fuzzy" and f.quote == edited.quote  # the quote is never rewritten
    assert new_text[f.start : f.end] == "Officials in Afghanistan said at least twelve people died."
    o = store.excerpts.get(gone.id)
    assert o.status == "orphaned" and o.quote == gone.quote
    assert o.doc_id == "doc-a"  # still points at the text it was found in
    assert [e.id for e in store.excerpts.list(status="orphaned")] == [gone.id]


def test_reanchor_on_unchanged_text_changes_nothing(store: Store) -> None:
    capture(store, "recruited in Tajikistan")
    report = store.excerpts.reanchor("doc-a", ARTICLE)
    assert report.unchanged and not report.changes
    assert store.history.undo_label == "capture excerpt"


def test_capture_rejects_bad_offsets(store: Store) -> None:
    with pytest.raises(ValueError):
        store.excerpts.capture("doc-a", ARTICLE, 10, 5)
    assert store.excerpts.list() == []
