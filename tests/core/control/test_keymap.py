"""The one key table: every key names a real command, no key twice in a mode, overrides work."""

from __future__ import annotations

import pytest

from briefreader.control.commands import COMMANDS, CommandRegistry, UnknownCommandError
from briefreader.control.keymap import (
    DEFAULT_KEYS,
    MODES,
    STANDARD_KEYS,
    load_keymap,
    normalise_key,
    validate,
)


@pytest.fixture
def registry() -> CommandRegistry:
    return CommandRegistry()


def test_every_key_names_a_real_command_and_no_key_is_bound_twice(registry) -> None:
    assert validate(DEFAULT_KEYS, registry) == []
    for mode, keys in DEFAULT_KEYS.items():
        assert mode in MODES
        normalised = [normalise_key(k) for k in keys]
        assert len(normalised) == len(set(normalised)), mode
        assert all(command in registry for command in keys.values())


def test_every_command_is_reachable_by_a_key_or_the_palette(registry) -> None:
    bound = {c for keys in DEFAULT_KEYS.values() for c in keys.values()}
    assert {c.name for c in COMMANDS} == bound  # every command has a key
    assert {"next-document", "next-paragraph", "next-mention", "help", "command-palette"} <= bound


def test_standard_shortcuts_keep_their_meaning(registry) -> None:
    for mode in ("normal", "insert"):
        for key, command in DEFAULT_KEYS[mode].items():
            norm = normalise_key(key)
            if norm in STANDARD_KEYS:
                assert STANDARD_KEYS[norm] == command, (mode, key)
    for key in ("Ctrl+C", "Ctrl+F", "Ctrl+V", "Ctrl+A"):
        assert key not in DEFAULT_KEYS["normal"]
    # Ctrl+Z is undo: the store's in the panes, a focused text field's own in a field.
    assert DEFAULT_KEYS["normal"]["Ctrl+Z"] == STANDARD_KEYS["Ctrl+Z"] == "undo"
    broken = {"normal": {"Ctrl+C": "next-document"}}
    assert any("standard" in p for p in validate(broken, registry))


def test_validation_finds_each_kind_of_problem(registry) -> None:
    table = {
        "normal": {"x": "no-such-command", "j": "top", "J": "bottom", "Shift+j": "top"},
        "nonsense": {"a": "top"},
        "insert": {"t": "top", "t g": "toggle-groups", "Hyper+x": "top"},
    }
    problems = validate(table, registry)
    text = "\n".join(problems)
    assert "no-such-command" in text
    assert "bound twice" in text  # J and Shift+j
    assert "unknown mode" in text
    assert "hides the sequence" in text
    assert "unknown modifier" in text


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("ctrl+f", "Ctrl+F"),
        ("Shift+j", "J"),
        ("J", "J"),
        ("j", "j"),
        ("Ctrl++", "Ctrl++"),
        ("+", "+"),
        ("t  g", "t g"),
        ("esc", "Escape"),
        ("shift+ctrl+p", "Ctrl+Shift+P"),
        ("pagedown", "PgDown"),
    ],
)
def test_normalise_key(key, expected) -> None:
    assert normalise_key(key) == expected


def test_overrides_from_keys_toml(registry, data_paths) -> None:
    data_paths.keys_file.write_text(
        "[normal]\n"
        '"x" = "next-document"\n'
        '"Shift+j" = ""\n'  # unbinds J
        '"t" = "top"\n'  # replaces the t-sequences it would hide
        '"Ctrl+C" = "quit"\n'  # standard: refused
        '"z" = "nope"\n'
        "[bogus]\n"
        '"a" = "top"\n',
        encoding="utf-8",
    )
    keymap = load_keymap(data_paths.keys_file, registry)
    normal = keymap.bindings("normal")
    assert normal["x"] == "next-document"
    assert "J" not in normal
    assert normal["t"] == "top"
    assert not any(k.startswith("t ") for k in normal)
    assert "Ctrl+C" not in normal
    assert len(keymap.problems) == 3
    assert validate(keymap.table, registry) == []
    assert keymap.first_key("next-document") == "x" or "x" in keymap.keys_for("next-document")


def test_a_broken_keys_file_leaves_the_defaults(registry, data_paths) -> None:
    data_paths.keys_file.write_text("[normal\n", encoding="utf-8")
    keymap = load_keymap(data_paths.keys_file, registry)
    assert keymap.table == DEFAULT_KEYS
    assert keymap.problems and keymap.problems[0].startswith("keys.toml, line 1: ")


def test_registry_binds_and_runs(registry) -> None:
    ran = []
    registry.bind("top", lambda: ran.append("top"))
    registry.run("top")
    assert ran == ["top"]
    with pytest.raises(UnknownCommandError):
        registry.bind("no-such", lambda: None)
    with pytest.raises(UnknownCommandError):
        registry.run("bottom")  # known but unbound
    assert "bottom" in registry.unbound()
    assert all(c.help and c.help[0].isupper() and "\n" not in c.help for c in registry)
