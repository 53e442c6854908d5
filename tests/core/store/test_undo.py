"""Undo and redo for every note, excerpt, tag and briefing action."""

from __future__ import annotations

import itertools

import pytest

from briefreader.store import NO_CHANGES, NoteTarget, NotFoundError, Store
from briefreader.store.undo import History, Put
from tests.core.store.conftest import ARTICLE, span


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything the analyst could see, for before/after comparisons."""
    briefings = tuple(store.load_briefing(s.id) for s in store.briefings.list())
    return (tuple(store.notes.all()), tuple(store.excerpts.list()), briefings, store.grades.book())


def capture(store: Store, quote: str) -> int:
    start, end = span(ARTICLE, quote)
    return store.excerpts.capture("doc-a", ARTICLE, start, end).excerpt.id


def test_nothing_to_undo(store: Store) -> None:
    assert store.undo() is NO_CHANGES and store.redo() is NO_CHANGES
    assert store.history.undo_label is None


def test_every_action_undoes_and_redoes_exactly(store: Store) -> None:
    """Run a session of actions, then undo all and redo all, comparing every state."""
    states = [snapshot(store)]
    a = capture(store, "claimed the attack in Kabul")
    states.append(snapshot(store))
    b = capture(store, "The Taliban denied that security had failed.")
    states.append(snapshot(store))
    bid = store.briefings.create("weekly").briefing.id
    actions = [
        lambda: store.save_note(NoteTarget.document("doc-a"), "first note"),
        lambda: store.save_note(NoteTarget.excerpt(a), "excerpt note"),
        lambda: store.excerpts.set_comment(a, "comment"),
        lambda: store.excerpts.add_tags([a, b], ["ISKP", "Kabul"]),
        lambda: store.excerpts.remove_tags([b], ["kabul"]),
        lambda: store.excerpts.rename_tag("ISKP", "IS-K"),
        lambda: store.excerpts.set_priority([b]),
        lambda: store.excerpts.set_credibility([a, b], 2),
        lambda: store.excerpts.set_claim([b], "Taliban spokesman"),
        lambda: store.grades.set_publisher("The Diplomat", "B"),
        lambda: store.grades.set_publisher("diplomat", "C"),
        lambda: store.grades.set_documents(["doc-a", "doc-b"], "E"),
        lambda: store.grades.set_documents(["doc-a"], None),
        lambda: store.briefings.add(bid, [a, b]),
        lambda: store.briefings.set_comment(bid, a, "lead item"),
        lambda: store.briefings.move(bid, b, -1),
        lambda: store.briefings.add_section(bid, "Attacks"),
        lambda: store.briefings.update(bid, marking="SECRET", grouping="group"),
        lambda: store.excerpts.delete([a]),
        lambda: store.excerpts.reanchor("doc-a", "New lead.\n\n" + ARTICLE),
        lambda: store.briefings.delete(bid),
    ]
    states.append(snapshot(store))
    labels = []
    for action in actions:
        action()
        labels.append(store.history.undo_label)
        states.append(snapshot(store))
    assert None not in labels
    # Undo everything, one step at a time, checking each state on the way back.
    for expected in reversed(states[:-1]):
        changes = store.undo()
        assert changes, "an undo that changes nothing"
        assert snapshot(store) == expected
    assert store.undo() is NO_CHANGES
    # Redo everything.
    for expected in states[1:]:
        assert store.redo()
        assert snapshot(store) == expected
    assert store.redo() is NO_CHANGES


def test_undo_restores_a_deleted_excerpt_with_all_it_owned(store: Store) -> None:
    a = capture(store, "claimed the attack in Kabul")
    store.excerpts.add_tags([a], ["attack"])
    note_id = store.save_note(NoteTarget.excerpt(a), "note").note.id
    store.briefings.create("b")
    store.briefings.add("b", [a])
    store.briefings.set_comment("b", a, "briefing comment")
    before = snapshot(store)
    store.excerpts.delete([a])
    changes = store.undo()
    assert changes.excerpts == {a} and changes.notes == {note_id}
    assert snapshot(store) == before
    assert store.load_briefing("b").items[0].comment == "briefing comment"


def test_note_autosaves_coalesce_into_one_step(store: Store) -> None:
    target = NoteTarget.memo()
    for text in ["I", "In", "Int", "Inte", "Intel"]:
        store.save_note(target, text)
    store.undo()
    assert store.notes.memo() is None  # one step back to before the burst


def test_a_new_action_clears_redo(store: Store) -> None:
    store.save_note(NoteTarget.memo(), "one")
    store.undo()
    assert store.history.redo_label == "edit note"
    capture(store, "claimed the attack in Kabul")
    assert store.history.redo_label is None and store.redo() is NO_CHANGES


def test_failed_operations_are_not_recorded(store: Store) -> None:
    capture(store, "claimed the attack in Kabul")
    label = store.history.undo_label
    with pytest.raises(NotFoundError):
        store.excerpts.set_comment(999, "nope")
    assert store.history.undo_label == label


def test_history_coalescing_window_and_limit() -> None:
    clock = itertools.count(0, 100)  # 100 s between records: never coalesce
    history = History(limit=3, clock=lambda: float(next(clock)))

    def put(n: int) -> Put:
        return Put("edit note", "k", n, n + 1, lambda *_: NO_CHANGES, coalesce="k")

    for n in range(5):
        history.record(put(n))
    undone = []
    while history.next_undo() is not None:
        undone.append(history.next_undo().before)
        history.undone()
    assert undone == [4, 3, 2]  # only the newest three are kept

    ticks = iter([0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0])
    typing = History(clock=lambda: next(ticks))
    for n in range(8):  # a save every 50 s for 350 s: steps are capped at 300 s
        typing.record(put(n))
    first = typing.next_undo()
    assert (first.before, first.after) == (7, 8)
    typing.undone()
    assert (typing.next_undo().before, typing.next_undo().after) == (0, 7)

    fast = History(clock=lambda: 0.0)
    fast.record(put(0))
    fast.record(put(1))
    op = fast.next_undo()
    assert (op.before, op.after) == (0, 2)
    fast.record(Put("edit note", "k", 2, 0, lambda *_: NO_CHANGES, coalesce="k"))
    assert fast.next_undo() is None  # typed and deleted again: nothing to undo
