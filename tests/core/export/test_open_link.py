"""`briefreader open URL`: a link goes to the open window, or a window starts on it.

A stand-in window (a standard-library socket server on the data directory's
socket) checks the command's side of the one-line protocol; the window's own
side is tested in tests/ui/test_links_ui.py.
"""

from __future__ import annotations

import socket
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefreader.app as app
from briefreader.app import main
from briefreader.control.link_channel import is_listening, private_folder, socket_path
from briefreader.corpus.library import open_library
from briefreader.export.links import doc_link
from briefreader.paths import DataPaths


@pytest.fixture(autouse=True)
def runtime(monkeypatch) -> Iterator[Path]:
    """A short private runtime folder (a socket's path must stay under 108 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="br-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


class FakeWindow:
    """Answers one link per connection with `reply`, remembering what it was sent."""

    def __init__(self, paths: DataPaths, reply: str) -> None:
        self.reply = reply
        self.received: list[str] = []
        where = socket_path(paths)
        private_folder(where)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(where))
        self.server.listen(4)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with client:
                data = b""
                while b"\n" not in data:
                    chunk = client.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                if data:
                    self.received.append(data.decode().strip())
                    client.sendall(self.reply.encode() + b"\n")

    def close(self) -> None:
        self.server.close()
        self.thread.join(5)


def first_document(paths: DataPaths) -> str:
    with open_library(paths) as library:
        return library.listing()[0].id


def test_a_link_goes_to_the_open_window(data_paths, capsys) -> None:
    url = doc_link(first_document(data_paths), 3)
    window = FakeWindow(data_paths, "opened “IS-K Threat” at ¶ 3")
    try:
        assert is_listening(data_paths)
        status = main(["--data-dir", str(data_paths.root), "open", url])
    finally:
        window.close()
    out = capsys.readouterr().out
    assert status == 0
    assert window.received[-1] == url
    assert "“IS-K Threat” at ¶ 3 in the open window" in out


def test_the_windows_refusal_is_the_commands_error(data_paths, capsys) -> None:
    window = FakeWindow(data_paths, "error no document in this library has that link")
    try:
        status = main(["--data-dir", str(data_paths.root), "open", "briefreader://doc/abc#p1"])
    finally:
        window.close()
    assert status == 1
    assert capsys.readouterr().err.strip() == (
        "briefreader: no document in this library has that link"
    )


def test_without_a_window_one_starts_on_the_link(data_paths, monkeypatch, capsys) -> None:
    started: list[tuple[DataPaths, str | None]] = []
    monkeypatch.setattr(
        app, "launch_gui", lambda paths, link=None: started.append((paths, link)) or 0
    )
    doc_id = first_document(data_paths)
    url = doc_link(doc_id, 2)
    assert main(["--data-dir", str(data_paths.root), "open", url]) == 0
    assert [link for _paths, link in started] == [url]
    # A stale socket (a window that crashed) is not a window.
    where = socket_path(data_paths)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(where))
    stale.close()
    assert not is_listening(data_paths)
    assert main(["--data-dir", str(data_paths.root), "open"]) == 0
    assert started[-1][1] is None
    # An unknown document is refused before any window starts.
    assert main(["--data-dir", str(data_paths.root), "open", "briefreader://doc/zzzzzzzzzzzz"]) == 1
    assert "no document in this library" in capsys.readouterr().err
    assert len(started) == 2


@pytest.mark.parametrize("url", ["https://example.org/a", "briefreader://doc/abc#12", "notes.md"])
def test_anything_but_a_link_is_refused_in_one_line(data_paths, capsys, url: str) -> None:
    assert main(["--data-dir", str(data_paths.root), "open", url]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefreader: ") and "briefreader://doc/" in err and "\n" not in err


def test_the_socket_is_the_users_alone(data_paths, runtime, monkeypatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(runtime))
    where = socket_path(data_paths)
    assert where.parent.parent == runtime
    folder = private_folder(where)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o755)
    with pytest.raises(OSError, match="open to other users"):
        private_folder(where)
    folder.chmod(0o700)
    folder.rmdir()
    # Two data directories, two windows: their sockets differ.
    other = DataPaths.at(data_paths.root.parent / "other")
    assert socket_path(other) != where


def test_the_desktop_file_registers_the_scheme(repo_root: Path) -> None:
    text = (repo_root / "resources" / "briefreader.desktop").read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    assert "x-scheme-handler/briefreader" in lines["MimeType"].split(";")
    assert lines["Exec"] == "briefreader open %u"
