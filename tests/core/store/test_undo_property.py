"""Any sequence of actions, undone completely, leaves the store as it was;
redone completely, as it ended. Hypothesis picks the actions."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store, StoreError
from tests.core.store.conftest import ARTICLE
from tests.core.store.test_undo import snapshot

TAGS = st.sampled_from(["ISKP", "iskp", "Kabul", "attack", " spaced  tag "])
NOTE_TEXT = st.sampled_from(["", "first", "second draft", "# md\n\n*x*", "   "])
ACTION = st.one_of(
    st.tuples(st.just("capture"), st.integers(0, len(ARTICLE) - 2), st.integers(1, 120)),
    st.tuples(st.just("note"), st.integers(0, 3), NOTE_TEXT),
    st.tuples(st.just("tag"), st.integers(0, 5), TAGS),
    st.tuples(st.just("untag"), st.integers(0, 5), TAGS),
    st.tuples(st.just("comment"), st.integers(0, 5), NOTE_TEXT),
    st.tuples(st.just("priority"), st.integers(0, 5), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 5), st.just(None)),
    st.tuples(st.just("brief"), st.integers(0, 5), st.just(None)),
    st.tuples(st.just("move"), st.integers(0, 5), st.integers(-2, 2)),
    st.tuples(st.just("section"), st.integers(0, 5), st.text(max_size=8)),
)


def apply(store: Store, action: tuple[object, object, object]) -> None:
    kind, a, b = action
    ids = [e.id for e in store.excerpts.list()]
    pick = ids[a % len(ids)] if ids and isinstance(a, int) else None
    if kind == "capture":
        store.excerpts.capture("doc-a", ARTICLE, a, min(len(ARTICLE), a + b))
    elif kind == "note":
        targets = [NoteTarget.memo(), NoteTarget.document("doc-a")]
        if pick is not None:
            targets.append(NoteTarget.excerpt(pick))
        store.save_note(targets[a % len(targets)], b)
    elif pick is None:
        return
    elif kind == "tag":
        store.excerpts.add_tags([pick], [b])
    elif kind == "untag":
        store.excerpts.remove_tags([pick], [b])
    elif kind == "comment":
        store.excerpts.set_comment(pick, b)
    elif kind == "priority":
        store.excerpts.set_priority([pick], b)
    elif kind == "delete":
        store.excerpts.delete([pick])
    elif kind == "brief":
        store.briefings.add("b", [pick])
    elif kind == "move":
        if pick in store.load_briefing("b").excerpt_ids:
            store.briefings.move("b", pick, b)
    elif kind == "section":
        section = store.briefings.add_section("b", b).section_id
        if pick in store.load_briefing("b").excerpt_ids:
            store.briefings.set_section("b", [pick], section)


@settings(max_examples=20, deadline=None)
@given(actions=st.lists(ACTION, min_size=1, max_size=14))
def test_undo_all_then_redo_all_round_trips(
    tmp_path_factory: pytest.TempPathFactory, actions: list[tuple[object, object, object]]
) -> None:
    root = tmp_path_factory.mktemp("undo")
    with Store.open(DataPaths.at(root)) as store:
        store.briefings.create("b")
        store.history.clear()
        start = snapshot(store)
        for action in actions:
            # A refused action must leave nothing behind: the round trip checks it.
            with contextlib.suppress(StoreError, ValueError):
                apply(store, action)
        end = snapshot(store)
        while store.history.next_undo() is not None:
            store.undo()
        assert snapshot(store) == start
        while store.history.next_redo() is not None:
            store.redo()
        assert snapshot(store) == end
