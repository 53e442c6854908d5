"""Choosing the workspace: the option, the environment, the setting file; no password shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.workspace import (
    WorkspaceError,
    parse_workspace,
    redact,
    resolve_workspace,
)
from briefreader.workspace.settings import ENV_VAR, SETTING_FILE

SECRET = "s3cr%t p@ss"  # URL-quoted it reads s3cr%25t%20p%40ss


def test_a_url_is_shown_without_its_password() -> None:
    ws = parse_workspace(
        "postgresql://alice:s3cr%25t%20p%40ss@db.example.org:6543/team?sslmode=verify-full"
    )
    assert ws.display == "postgresql://alice@db.example.org:6543/team?sslmode=verify-full"
    assert str(ws) == ws.display
    for shown in (repr(ws), str(ws), ws.display):
        assert "s3cr" not in shown and "p@ss" not in shown and "p%40ss" not in shown
    assert ws.user == "alice"
    assert ws.secrets == (SECRET,)


def test_key_value_words_pass_every_libpq_option_through() -> None:
    ws = parse_workspace(
        "host=db.example.org dbname=team user=bob password='x y' sslmode=require "
        "sslrootcert=/etc/ssl/team.pem application_name=reader"
    )
    params = dict(ws.params)
    assert params["sslmode"] == "require"
    assert params["sslrootcert"] == "/etc/ssl/team.pem"
    assert "password" not in params
    assert "x y" not in ws.display and "password" not in ws.display
    assert ws.display.startswith("postgresql://bob@db.example.org/team?")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("mysql://root:hunter2@db/team", "not mysql://"),
        ("team-server", "connection string"),
        ("postgresql://u:hunter2@db/team?no_such_option=1", "not a valid connection string"),
        ("host=db password=hunter2 no_such_option=1", "not a valid connection string"),
    ],
)
def test_unusable_settings_are_refused_without_echoing_the_password(text: str, says: str) -> None:
    with pytest.raises(WorkspaceError) as caught:
        parse_workspace(text)
    assert says in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_redact_scrubs_plain_and_quoted_forms() -> None:
    ws = parse_workspace(f"postgresql://alice:{'s3cr%25t%20p%40ss'}@db/team")
    text = f"failed for postgresql://alice:s3cr%25t%20p%40ss@db/team and {SECRET}"
    cleaned = redact(text, ws)
    assert "s3cr" not in cleaned and cleaned.count("***") == 2


def test_the_option_beats_the_environment_which_beats_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / SETTING_FILE).write_text('url = "postgresql://file@db/team"\n')
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_workspace(None, tmp_path).user == "file"  # type: ignore[union-attr]
    monkeypatch.setenv(ENV_VAR, "postgresql://env@db/team")
    assert resolve_workspace(None, tmp_path).user == "env"  # type: ignore[union-attr]
    assert resolve_workspace("postgresql://opt@db/team", tmp_path).user == "opt"  # type: ignore[union-attr]
    assert resolve_workspace("local", tmp_path) is None


def test_no_setting_means_the_analysts_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_workspace(None, tmp_path) is None


def test_the_setting_file_may_add_libpq_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / SETTING_FILE).write_text(
        'url = "postgresql://carol@db/team"\nsslmode = "verify-full"\n'
        'sslrootcert = "/etc/ssl/team-ca.pem"\nport = 6432\n'
    )
    ws = resolve_workspace(None, tmp_path)
    assert ws is not None
    assert dict(ws.params)["sslmode"] == "verify-full"
    assert dict(ws.params)["port"] == "6432"


@pytest.mark.parametrize(
    "content",
    ['url = "postgresql://u:hunter2@db/t"\nbogus = "1"\n', "url = [1]\n", "not toml at all ["],
)
def test_a_bad_setting_file_is_named_and_no_password_leaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / SETTING_FILE).write_text(content)
    with pytest.raises(WorkspaceError) as caught:
        resolve_workspace(None, tmp_path)
    assert "hunter2" not in str(caught.value)
    assert SETTING_FILE in str(caught.value) or "connection string" in str(caught.value)
