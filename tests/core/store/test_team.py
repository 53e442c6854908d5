"""Several analysts in one team workspace: authors, live changes, conflicts, undo, roles."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from briefreader.store import NoteTarget, Store, StoreReadOnlyError
from briefreader.store.errors import StoreConflictError
from briefreader.store.notes import NoteBase
from briefreader.store.team import TeamEvent
from tests.core.store.conftest import ARTICLE, span
from tests.team import ANALYSTS, Team

pytestmark = pytest.mark.backends("postgres")


@pytest.fixture
def backend() -> str:
    return "postgres"


def open_as(team: Team, analyst: str, tmp_path: Path) -> Store:
    return Store.open(team.paths(analyst, tmp_path))


@pytest.fixture
def alice(team: Team, tmp_path: Path):
    store = open_as(team, "alice", tmp_path)
    yield store
    store.close()


@pytest.fixture
def bob(team: Team, tmp_path: Path):
    store = open_as(team, "bob", tmp_path)
    yield store
    store.close()


def capture(store: Store, quote: str = "The Taliban denied that security had failed."):
    start, end = span(ARTICLE, quote)
    return store.excerpts.capture("doc-1", ARTICLE, start, end).excerpt


def test_every_change_records_its_author_and_time_for_everyone(alice: Store, bob: Store) -> None:
    excerpt = capture(alice)
    alice.save_note(NoteTarget.document("doc-1"), "Worth a look.")
    briefing = alice.briefings.create("weekly").briefing
    assert (excerpt.created_by, excerpt.updated_by) == ("alice", "alice")
    assert briefing.created_by == "alice"

    seen = bob.excerpts.get(excerpt.id)
    assert seen.created_by == "alice" and seen.quote == excerpt.quote
    note = bob.notes.get(NoteTarget.document("doc-1"))
    assert note is not None and (note.created_by, note.updated_by) == ("alice", "alice")

    time.sleep(0.002)  # the times are to the millisecond
    bob.excerpts.set_comment(excerpt.id, "Contradicts the ministry.")
    after = alice.excerpts.get(excerpt.id)
    assert (after.created_by, after.updated_by) == ("alice", "bob")
    assert after.updated > excerpt.updated and after.created == excerpt.created
    bob.grades.set_publisher("Reuters", "B")
    rows = bob.briefings.list()
    assert rows[0].updated_by == "alice"
    assert alice.author == "alice" and bob.author == "bob"


def test_read_state_and_position_are_each_analysts_own(alice: Store, bob: Store) -> None:
    alice.reading.set_read(["doc-1", "doc-2"])
    alice.reading.set_position("doc-1", 120)
    bob.reading.set_read(["doc-3"])
    assert alice.reading.read_ids() == {"doc-1", "doc-2"}
    assert bob.reading.read_ids() == {"doc-3"}
    assert bob.reading.get("doc-1").position == 0


def test_others_changes_arrive_within_a_second(alice: Store, bob: Store) -> None:
    events: list[TeamEvent] = []
    arrived = threading.Event()

    def on_event(event: TeamEvent) -> None:
        if event.changes:
            events.append(event)
            arrived.set()

    watching = bob.watch(on_event)
    try:
        time.sleep(0.3)  # the listener connects
        started = time.monotonic()
        saved = alice.save_note(NoteTarget.memo(), "Plan for Monday")
        assert arrived.wait(1.0), "bob's store heard nothing within a second"
        latency = time.monotonic() - started
    finally:
        watching.stop()
    assert saved.note is not None and saved.note.id in events[0].changes.notes
    assert events[0].authors == ("alice",)
    assert "alice" in events[0].describe()
    print(f"\nNOTIFY to bob's store: {latency * 1000:.1f} ms")


def test_a_store_does_not_hear_its_own_changes(alice: Store) -> None:
    heard: list[TeamEvent] = []
    watching = alice.watch(heard.append)
    try:
        time.sleep(0.3)
        alice.save_note(NoteTarget.memo(), "mine")
        time.sleep(0.8)
    finally:
        watching.stop()
    assert [e for e in heard if e.changes] == []


def test_edits_of_one_note_on_different_lines_are_merged(alice: Store, bob: Store) -> None:
    target = NoteTarget.document("doc-1")
    first = alice.save_note(target, "Para one.\nPara two.\nPara three.").note
    base = NoteBase.of(bob.notes.get(target))
    alice.notes.save(target, "Para ONE, checked.\nPara two.\nPara three.", base=NoteBase.of(first))
    result = bob.notes.save(target, "Para one.\nPara two.\nPara three, with a source.", base=base)
    assert result.saved and result.merged
    assert result.note.text == "Para ONE, checked.\nPara two.\nPara three, with a source."
    assert result.note.revision == 3 and result.note.updated_by == "bob"


def test_clashing_edits_are_shown_as_a_conflict_and_nothing_is_lost(
    alice: Store, bob: Store
) -> None:
    target = NoteTarget.document("doc-1")
    alice.save_note(target, "ISKP claimed it.")
    base = NoteBase.of(bob.notes.get(target))
    theirs = alice.notes.save(target, "ISKP claimed it via Amaq.", base=base)
    assert theirs.saved
    result = bob.notes.save(target, "ISKP claimed it; Taliban deny.", base=base)
    assert not result.saved and result.conflict is not None
    assert result.conflict.theirs.text == "ISKP claimed it via Amaq."
    assert result.conflict.theirs.updated_by == "alice"
    assert result.conflict.mine == "ISKP claimed it; Taliban deny."
    assert "alice changed this note" in result.error
    assert bob.notes.get(target).text == "ISKP claimed it via Amaq."  # nothing overwritten
    assert bob.notes.pending()[target] == "ISKP claimed it; Taliban deny."  # nothing lost
    assert not bob.notes.flush()[0].saved  # a retry does not overwrite either

    resolved = bob.notes.save(
        target,
        "ISKP claimed it via Amaq; Taliban deny.",
        base=NoteBase.of(result.conflict.theirs),
    )
    assert resolved.saved and not bob.notes.pending()
    assert alice.notes.get(target).text == "ISKP claimed it via Amaq; Taliban deny."


def test_a_note_deleted_while_another_edits_it_is_a_conflict(alice: Store, bob: Store) -> None:
    target = NoteTarget.memo()
    alice.save_note(target, "draft")
    base = NoteBase.of(bob.notes.get(target))
    alice.notes.delete(target)
    result = bob.notes.save(target, "draft, expanded", base=base)
    assert result.conflict is not None and result.conflict.theirs is None
    assert "deleted this note" in result.error


def test_undo_takes_back_only_ones_own_steps(alice: Store, bob: Store) -> None:
    mine = capture(alice)
    theirs = capture(bob, "Analysts said IS-K has recruited in Tajikistan for years.")
    alice.excerpts.add_tags([mine.id], ["claims"])
    bob.excerpts.add_tags([theirs.id], ["recruitment"])
    alice.undo()  # alice's tag goes; bob's stays
    assert alice.excerpts.get(mine.id).tags == ()
    assert alice.excerpts.get(theirs.id).tags == ("recruitment",)
    alice.redo()
    assert bob.excerpts.get(mine.id).tags == ("claims",)


def test_undo_never_overwrites_another_analysts_later_change(alice: Store, bob: Store) -> None:
    excerpt = capture(alice)
    alice.excerpts.set_comment(excerpt.id, "alice's reading")
    bob.excerpts.set_comment(excerpt.id, "bob's reading")
    with pytest.raises(StoreConflictError) as caught:
        alice.undo()
    assert "bob has changed it since" in str(caught.value)
    assert alice.excerpts.get(excerpt.id).comment == "bob's reading"
    # The refused step is dropped; the step before it (the capture) is next, and
    # it too would undo bob's change, so it is refused as well.
    with pytest.raises(StoreConflictError):
        alice.undo()
    assert bob.excerpts.get(excerpt.id).comment == "bob's reading"
    assert bob.undo()  # bob's own step is his to take back
    assert alice.excerpts.get(excerpt.id).comment == "alice's reading"


def test_a_readers_role_reads_but_cannot_write_and_is_told(
    alice: Store, team: Team, tmp_path: Path
) -> None:
    excerpt = capture(alice)
    alice.save_note(NoteTarget.memo(), "team memo")
    with open_as(team, "carol", tmp_path) as carol:
        assert carol.read_only
        reason = carol.read_only_reason
        assert "carol" in reason and "read" in reason and "administrator" in reason
        assert ANALYSTS["carol"][0] not in reason
        assert carol.excerpts.get(excerpt.id).quote == excerpt.quote
        assert carol.notes.memo().text == "team memo"
        result = carol.save_note(NoteTarget.memo(), "carol's edit")
        assert not result.saved and "carol" in result.error
        with pytest.raises(StoreReadOnlyError):
            carol.excerpts.set_comment(excerpt.id, "x")
        with pytest.raises(StoreReadOnlyError):
            carol.briefings.create("nope")
    assert alice.notes.memo().text == "team memo"


def test_two_analysts_tagging_at_once_lose_no_tag(alice: Store, bob: Store) -> None:
    excerpt = capture(alice)
    errors: list[BaseException] = []

    def tag(store: Store, prefix: str) -> None:
        try:
            for n in range(15):
                store.excerpts.add_tags([excerpt.id], [f"{prefix}{n}"])
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=tag, args=(s, p)) for s, p in ((alice, "a"), (bob, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    tags = set(alice.excerpts.get(excerpt.id).tags)
    assert tags == {f"a{n}" for n in range(15)} | {f"b{n}" for n in range(15)}


def test_both_backends_hold_the_same_columns(team: Team, tmp_path: Path) -> None:
    from briefreader.paths import DataPaths

    with Store.open(DataPaths.at(tmp_path / "own")) as own, own._db.reading() as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )]  # fmt: skip
        local = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")} for t in tables}
    rows = team.server.sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'briefreader'",
        dbname=team.dbname,
    )
    shared: dict[str, set[str]] = {}
    for table, column in rows:
        shared.setdefault(table, set()).add(column)
    for table, columns in local.items():
        assert shared.get(table) == columns, table


def test_the_autosaver_saves_against_its_base_and_stops_at_a_conflict(
    alice: Store, bob: Store
) -> None:
    from briefreader.store.autosave import Autosaver

    target = NoteTarget.memo()
    alice.save_note(target, "ISKP claimed it.")
    base = NoteBase.of(bob.notes.get(target))
    alice.notes.save(target, "ISKP claimed it via Amaq.", base=base)
    saver = Autosaver(bob.notes, delay=0.0)
    saver.edited(target, "ISKP claimed it; Taliban deny.", base=base)
    [result] = saver.flush()
    assert result.conflict is not None and result.target == target
    assert target in saver.conflicts and not saver.pending()
    assert saver.tick() == []  # not retried: only the analyst can resolve it
    assert alice.notes.get(target).text == "ISKP claimed it via Amaq."
    assert bob.notes.pending()[target] == "ISKP claimed it; Taliban deny."
    saver.resolved(target)
    bob.notes.discard(target)  # keeping theirs
    assert not saver.conflicts and not bob.notes.pending()
