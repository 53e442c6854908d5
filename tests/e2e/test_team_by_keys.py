"""Two real app processes as two analysts on one PostgreSQL workspace, driven by keys.

Alice and Bob each run briefreader on their own X display and data directory,
both working in the same team workspace. Alice writes a note on the document
both have open; Bob's open editor receives it live (LISTEN/NOTIFY), he types
a sentence before hers, and the note on the server holds both analysts' words
with each one's name: had Bob's editor not shown Alice's text, his save would
have stopped at a conflict instead (both wrote at the start of an empty note).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefreader.corpus.library import open_library
from briefreader.workspace.schema import SCHEMA
from tests.e2e.xsession import ARTIFACTS, Desktop, require_tools, running_app, xvfb
from tests.team import Team

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

REPORT = (
    "Checkpoint raid near Herat\n\n"
    "Gunmen attacked a police checkpoint outside Herat on Tuesday, officials said.\n\n"
    "The Taliban said two guards died and blamed the Islamic State Khorasan Province.\n"
)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")


def status_bar(desktop: Desktop, shot: Path) -> bytes:
    """The pixels of the left half of the status bar, where the window says what happened."""
    from PIL import Image

    desktop.screenshot(shot)
    with Image.open(shot) as image:
        width, height = image.size
        return image.crop((0, height - 26, width // 2, height)).tobytes()


def settled(desktop: Desktop, shot: Path) -> bytes:
    """The status bar once it has stopped changing (start-up messages gone)."""
    last = [status_bar(desktop, shot)]

    def same() -> bytes | None:
        now = status_bar(desktop, shot)
        steady, last[0] = now == last[0], now
        return now if steady else None

    return wait_for(same, "a steady status bar", 60.0)  # type: ignore[return-value]


def test_two_analysts_in_two_app_processes_share_one_note(team: Team, tmp_path: Path) -> None:
    require_tools()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "herat.txt").write_text(REPORT, encoding="utf-8")
    with open_library(team.paths("alice", tmp_path / "import")) as library:
        (doc_id,) = library.import_paths([inbox]).added

    def sql(statement: str, *args: object) -> list[tuple]:
        return team.server.sql(statement, *args, dbname=team.dbname)

    def note() -> tuple | None:
        rows = sql(
            f"SELECT text, created_by, updated_by, revision FROM {SCHEMA}.notes "
            "WHERE target_kind = 'document' AND target_id = %s",
            doc_id,
        )
        return rows[0] if rows else None

    def listening(analyst: str, after: object = None) -> bool:
        """The analyst's app listens for the team's news (and has read the journal since)."""
        rows = sql(
            "SELECT query, state_change FROM pg_stat_activity "
            "WHERE datname = %s AND usename = %s AND application_name = 'briefreader listener'",
            team.dbname,
            analyst,
        )
        if after is None:
            return bool(rows)
        return any("FROM journal" in q and changed > after for q, changed in rows)

    env = {name: {"BRIEFREADER_WORKSPACE": team.url(name)} for name in ("alice", "bob")}
    with (
        xvfb() as display_a,
        xvfb() as display_b,
        running_app(
            Desktop(display_a), tmp_path / "alice", "e2e-team-alice.png", env["alice"]
        ) as alice,
        running_app(Desktop(display_b), tmp_path / "bob", "e2e-team-bob.png", env["bob"]) as bob,
    ):
        assert alice.first_title.endswith("Checkpoint raid near Herat")
        assert bob.first_title.endswith("Checkpoint raid near Herat")
        wait_for(lambda: listening("alice") and listening("bob"), "both apps listening")
        shot = tmp_path / "bob-status.png"
        before = settled(bob.desktop, shot)

        alice.desktop.key("5")
        alice.desktop.xdotool("type", "--delay", "30", "Alice: raid confirmed by police")
        alice.desktop.key("Escape")  # leaving the editor saves at once
        wait_for(note, "alice's note on the server")
        [(committed,)] = sql(f"SELECT max(at) FROM {SCHEMA}.journal")
        # Bob's app has read the journal since alice's save, and its window has applied
        # it (the status bar names alice; it changes after the editor took her text).
        wait_for(lambda: listening("bob", after=committed), "bob's app hearing of it")
        wait_for(lambda: status_bar(bob.desktop, shot) != before, "bob's window showing it")
        bob.desktop.key("5")  # the cursor is where it was: at the start
        bob.desktop.xdotool("type", "--delay", "30", "Bob: two dead. ")
        bob.desktop.key("Escape")
        wait_for(lambda: (note() or ("",))[0].startswith("Bob"), "bob's words on the server")
        bob.desktop.screenshot(ARTIFACTS / "e2e-team-bob.png")
        alice.quit()
        bob.quit()
    assert alice.returncode == 0, alice.stderr
    assert bob.returncode == 0, bob.stderr
    text, created_by, updated_by, revision = note()  # type: ignore[misc]
    assert text == "Bob: two dead. Alice: raid confirmed by police"
    assert (created_by, updated_by) == ("alice", "bob") and revision >= 2  # autosaves
    assert "Traceback" not in alice.stderr + bob.stderr
