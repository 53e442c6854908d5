"""keys.toml and workspace.toml: any bytes at all give the defaults or one clear refusal."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.control.commands import CommandRegistry
from briefreader.control.keymap import DEFAULT_KEYS, load_keymap
from briefreader.workspace.settings import ENV_VAR, SETTING_FILE, WorkspaceError, resolve_workspace

_TOML_ISH = st.lists(
    st.sampled_from(
        [
            "[normal]",
            "[insert]",
            "[normal.deeper]",
            "[[normal]]",
            "[bogus]",
            '"x" = "next-document"',
            '"j" = ""',
            '"Ctrl+C" = "quit"',
            '"q" = ["quit"]',
            '"w" = {a = 1}',
            '"" = "top"',
            '"Ctrl+Alt+Shift+Meta+F99" = "top"',
            "k = " + "[" * 3000 + "]" * 3000,
            'url = "postgresql://alice@db/team"',
            'url = "local"',
            "url = 5",
            "sslmode = [1]",
            "port = 6432",
            "= =",
            "\x00",
        ]
    ),
    max_size=25,
).map("\n".join)
_ANY = st.binary(max_size=1500) | _TOML_ISH


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=_ANY)
def test_any_keys_file_leaves_a_working_keymap(data_paths, raw: bytes | str) -> None:
    data_paths.keys_file.write_bytes(raw if isinstance(raw, bytes) else raw.encode())
    keymap = load_keymap(data_paths.keys_file, CommandRegistry())
    assert set(keymap.table) == set(DEFAULT_KEYS)
    assert all(isinstance(c, str) for keys in keymap.table.values() for c in keys.values())
    assert all(p.startswith("keys.toml") for p in keymap.problems)
    if "[normal" not in str(raw) and "normal" not in str(raw):
        assert keymap.table["normal"] == DEFAULT_KEYS["normal"]


def test_a_nested_keys_file_keeps_the_other_modes(data_paths) -> None:
    data_paths.keys_file.write_text(
        '[insert]\n"Ctrl+J" = "next-document"\n'
        "[normal.too.deep]\nx = 1\n"
        "[help]\nq = " + "[" * 3000 + "]" * 3000 + "\n",
        encoding="utf-8",
    )
    keymap = load_keymap(data_paths.keys_file, CommandRegistry())
    assert keymap.table["insert"]["Ctrl+J"] == "next-document"
    assert keymap.table["normal"] == DEFAULT_KEYS["normal"]
    assert any(p.startswith("keys.toml, line 5: ") for p in keymap.problems)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=_ANY)
def test_any_workspace_file_is_used_or_refused_in_one_line(
    tmp_path, monkeypatch: pytest.MonkeyPatch, raw: bytes | str
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / SETTING_FILE).write_bytes(raw if isinstance(raw, bytes) else raw.encode())
    try:
        resolve_workspace(None, tmp_path)
    except WorkspaceError as error:
        message = str(error)
        assert "\n" not in message and SETTING_FILE in message
        assert str(tmp_path) not in message


def test_a_damaged_workspace_file_names_its_line(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / SETTING_FILE).write_bytes(b'url = "postgresql://alice@db/team"\nsslmode = \xff\n')
    with pytest.raises(WorkspaceError, match=r"^workspace.toml, line 2: not UTF-8"):
        resolve_workspace(None, tmp_path)


def test_the_status_line_names_the_first_problem_and_counts_the_rest(data_paths) -> None:
    data_paths.keys_file.write_text('[normal]\n"z" = "nope"\n"y" = "nada"\n[bogus]\n', "utf-8")
    keymap = load_keymap(data_paths.keys_file, CommandRegistry())
    assert keymap.problems_line() == keymap.problems[0] + " (and 2 more)"
    assert keymap.problems_line().startswith("keys.toml [normal]: 'z' names no command")
