"""A DISPLAY where no X server answers gets one line saying so, not Qt's "reinstall" abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.app import DEAD_DISPLAY_MESSAGE, unreachable_x_display


def _unused_display() -> str:
    number = 4321
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return f":{number}"


def test_a_dead_x_server_is_named_in_one_line(tmp_path: Path) -> None:
    display = _unused_display()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": display}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    result = subprocess.run(
        [sys.executable, "-m", "briefreader", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == DEAD_DISPLAY_MESSAGE.format(display=display)
    assert "einstall" not in result.stderr and "\n" not in result.stderr.strip()


def test_only_x11_on_linux_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":5")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert unreachable_x_display(lambda: False) == ":5"
    assert unreachable_x_display(lambda: True) is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert unreachable_x_display(lambda: False) is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert unreachable_x_display(lambda: False) is None
