"""The team's server restarts or the network drops: nothing the analyst saved is lost.

These stop the real test server (and start it again) and cut real connections.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefreader.store import NoteTarget, Store, StoreError
from briefreader.store.outbox import StoreQueuedError
from briefreader.store.team import TeamEvent
from tests.core.store.conftest import ARTICLE, span
from tests.team import Team

pytestmark = pytest.mark.backends("postgres")
QUOTE = "The Taliban denied that security had failed."


@pytest.fixture
def backend() -> str:
    return "postgres"


@contextmanager
def server_down(team: Team) -> Iterator[None]:
    team.server.stop()
    try:
        yield
    finally:
        team.server.start_again()
        team.server.wait_until_up()


def test_saves_made_while_the_server_restarts_are_written_when_it_is_back(
    team: Team, tmp_path: Path
) -> None:
    paths = team.paths("alice", tmp_path)
    with Store.open(paths) as alice:
        excerpt = alice.excerpts.capture("doc-1", ARTICLE, *span(ARTICLE, QUOTE)).excerpt
        with server_down(team):
            memo = alice.save_note(NoteTarget.memo(), "written during the restart")
            assert not memo.saved and memo.queued and "kept on this machine" in memo.error
            with pytest.raises(StoreQueuedError):
                alice.excerpts.add_tags([excerpt.id], ["restart"])
            with pytest.raises(StoreQueuedError):
                alice.excerpts.capture("doc-1", ARTICLE, 0, 20)
            assert alice.save_note(NoteTarget.memo(), "written during the restart, v2").queued
            assert alice.waiting == 3  # the memo's two saves are one: its newest text
            with pytest.raises(StoreError):  # reads say the server is away, they do not hang
                alice.notes.memo()
        # The next write sends what waited first, in order.
        alice.save_note(NoteTarget.document("doc-1"), "after the restart")
        assert alice.waiting == 0
    with Store.open(team.paths("bob", tmp_path)) as bob:
        assert bob.notes.memo().text == "written during the restart, v2"
        assert bob.excerpts.get(excerpt.id).tags == ("restart",)
        assert len(bob.excerpts.list()) == 2
        assert bob.notes.get(NoteTarget.document("doc-1")).text == "after the restart"


def test_waiting_changes_are_sent_by_themselves_when_the_server_returns(
    team: Team, tmp_path: Path
) -> None:
    events: list[TeamEvent] = []
    sent = threading.Event()

    def on_event(event: TeamEvent) -> None:
        events.append(event)
        if event.sent:
            sent.set()

    with Store.open(team.paths("alice", tmp_path)) as alice:
        watching = alice.watch(on_event)
        try:
            time.sleep(0.3)
            with server_down(team):
                assert alice.save_note(NoteTarget.memo(), "queued").queued
                deadline = time.monotonic() + 10
                while not any(e.connected is False for e in events):
                    assert time.monotonic() < deadline, "the listener never noticed"
                    time.sleep(0.05)
            assert sent.wait(15), "the queued note was not sent after the server came back"
        finally:
            watching.stop()
        assert alice.waiting == 0
        back = next(e for e in events if e.sent)
        assert back.connected and back.sent == 1 and back.changes.notes
        assert "sent" in back.describe()
    with Store.open(team.paths("bob", tmp_path)) as bob:
        assert bob.notes.memo().text == "queued"


def test_a_dropped_connection_is_replaced_without_the_analyst_noticing(
    team: Team, tmp_path: Path
) -> None:
    with Store.open(team.paths("alice", tmp_path)) as alice:
        alice.save_note(NoteTarget.memo(), "one")
        team.server.terminate(team.dbname)
        saved = alice.save_note(NoteTarget.memo(), "two")
        assert saved.saved and alice.waiting == 0
        team.server.terminate(team.dbname)
        assert alice.notes.memo().text == "two"  # reads reconnect too


def test_changes_kept_on_disk_survive_closing_the_app(team: Team, tmp_path: Path) -> None:
    paths = team.paths("alice", tmp_path)
    alice = Store.open(paths)
    with server_down(team):
        assert alice.save_note(NoteTarget.memo(), "kept across sessions").queued
        alice.close()  # cannot send: stays on disk
        assert paths.outbox_db.exists()
    with Store.open(paths) as again:  # the next session sends it as it opens
        assert again.waiting == 0
        assert again.notes.memo().text == "kept across sessions"


_CHILD = """
import os, signal, sys
from pathlib import Path
from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from briefreader.workspace import parse_workspace
paths = DataPaths.at(Path(sys.argv[1]), parse_workspace(sys.argv[2]))
store = Store.open(paths)
print("open", flush=True)
sys.stdin.readline()  # the parent stops the server
result = store.save_note(NoteTarget.memo(), "saved, then the process was killed")
print("queued" if result.queued else "not queued: " + result.error, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_queued_change_survives_kill_9(team: Team, tmp_path: Path) -> None:
    paths = team.paths("alice", tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(paths.root), team.url("alice")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )
    try:
        assert child.stdout.readline().strip() == "open"
        with server_down(team):
            child.stdin.write("go\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "queued"
            assert child.wait(30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    with Store.open(paths) as again:
        assert again.notes.memo().text == "saved, then the process was killed"
