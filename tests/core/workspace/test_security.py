"""The team workspace's security rules, checked on the code and on a real server:
SQL is never built from values, and passwords never reach a log, a message or a path."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from briefreader.store.errors import StoreError
from briefreader.workspace import parse_workspace
from tests.team import ANALYSTS, Team

ROOT = Path(__file__).resolve().parents[3] / "briefreader"
#: Everything that speaks SQL to the team's server.
SQL_MODULES = sorted(
    [
        *(ROOT / "store" / "postgres").glob("*.py"),
        *(ROOT / "workspace").glob("*.py"),
        ROOT / "corpus" / "library.py",
        ROOT / "corpus" / "shared.py",
    ]
)
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "ALTER ", "GRANT ", "LISTEN ")


def _interpolated(module: Path) -> list[str]:
    """Every value put into an f-string that reads as SQL, unless it is a module
    constant (an ALL_CAPS name: table lists, the schema's and the group roles' names)."""
    bad = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        literal = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if not any(word in literal for word in SQL_WORDS):
            continue
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                value = part.value
                if not (isinstance(value, ast.Name) and value.id.lstrip("_").isupper()):
                    bad.append(f"{module.name}:{node.lineno}: {ast.unparse(value)}")
    return bad


def test_sql_takes_values_as_parameters_never_as_text() -> None:
    assert len(SQL_MODULES) >= 10
    bad = [line for module in SQL_MODULES for line in _interpolated(module)]
    assert bad == [], "SQL built from values (use ? parameters or psycopg.sql): " + "; ".join(bad)


def test_the_check_catches_a_value_put_into_sql(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        "def f(conn, name):\n    conn.execute(f\"SELECT * FROM notes WHERE who = '{name}'\")\n"
    )
    assert _interpolated(module) == ["bad.py:2: name"]


def test_passwords_are_never_logged_shown_or_kept_in_a_path(
    team: Team, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    password = ANALYSTS["alice"][0]
    caplog.set_level(logging.DEBUG)  # everything any library logs, psycopg's included
    paths = team.paths("alice", tmp_path)
    with Store.open(paths) as store:
        store.save_note(NoteTarget.memo(), "checked")
        shown = [store.path, store.author, repr(paths.workspace), str(paths.workspace)]
    wrong = DataPaths.at(
        tmp_path / "wrong", parse_workspace(team.url("alice").replace(password, "Wr0ng-pw-771"))
    )
    with pytest.raises(StoreError) as caught:
        Store.open(wrong.ensure())
    shown.append(str(caught.value))
    for text in (*shown, caplog.text):
        assert password not in text and "Wr0ng-pw-771" not in text
    assert "alice@" in store.path
    assert "alice" in str(caught.value) or "password" in str(caught.value)
