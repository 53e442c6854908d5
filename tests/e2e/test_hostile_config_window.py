"""The real window starts with a nested keys.toml and a binary gazetteer.toml, and quits cleanly."""

from __future__ import annotations

import pytest

from tests.e2e.xsession import Desktop, require_tools, running_app, xvfb

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_the_window_starts_with_hostile_config_files(tmp_path) -> None:
    require_tools()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "keys.toml").write_text(
        '[insert]\n"Ctrl+J" = "next-document"\n[normal.deeper.still]\nx = 1\n'
        "[help]\nq = " + "[" * 3000 + "]" * 3000 + "\n",
        encoding="utf-8",
    )
    (data_dir / "gazetteer.toml").write_bytes(bytes(range(256)) * 16)
    with xvfb() as display, running_app(Desktop(display), data_dir, "e2e-hostile.png") as app:
        assert app.first_title
        app.desktop.key("j")  # the default keys still work
        app.quit()
    assert app.returncode == 0, app.stderr
    assert "Traceback" not in app.stderr
