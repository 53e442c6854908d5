"""One window per library: `briefreader open URL` hands a link to the window already open.

A briefreader:// link clicked in a note tool runs `briefreader open URL`
(the desktop file registers the scheme). If a window is open on the same
data directory, the link goes to it and it shows the paragraph; only when
none is open does the command start a window on the link itself, so two
windows never fight over one work database.

The window listens on a local socket named after its data directory, in
the user's runtime directory (`$XDG_RUNTIME_DIR`, else a private folder
under the temporary directory), reachable by this user only. The protocol
is one line each way: the client writes the link (an empty line only raises
the window), the window answers `opened <what it showed>` or `error <why>`.
The client is the standard library's socket, so the command line never
imports Qt; the window's side is `QLocalServer` (ui/reader/links.py).
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import tempfile
from pathlib import Path

from briefreader.paths import DataPaths

OPENED = "opened"
ERROR = "error"
#: Longest wait for a running window's answer (it opens a document, which is quick).
TIMEOUT = 10.0
_MAX_REPLY = 4096


class ChannelError(OSError):
    """The private folder for the socket is not safe to use; str() says why."""


def runtime_dir() -> Path:
    """Where the socket lives: the session's runtime folder, else a private temporary one."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"briefreader-{uid}"


def socket_path(paths: DataPaths) -> Path:
    """The socket of the window open on `paths` (one per data directory)."""
    tag = hashlib.sha256(str(paths.root.resolve()).encode("utf-8")).hexdigest()[:16]
    return runtime_dir() / f"briefreader-{tag}.sock"


def private_folder(path: Path) -> Path:
    """Make the socket's folder, owned by this user and closed to others; refuse otherwise."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ChannelError(f"{folder} belongs to another user")
    shared = stat.S_IMODE(info.st_mode) & 0o077
    if shared and str(folder) != os.environ.get("XDG_RUNTIME_DIR"):
        raise ChannelError(f"{folder} is open to other users")
    return folder


def send(paths: DataPaths, url: str, timeout: float = TIMEOUT) -> str | None:
    """The running window's answer to `url`, or None when no window listens."""
    family = getattr(socket, "AF_UNIX", None)
    where = socket_path(paths)
    if family is None or not where.exists():
        return None
    with socket.socket(family, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(str(where))
        except (FileNotFoundError, ConnectionRefusedError):
            return None  # a socket left by a window that crashed
        client.sendall(url.strip().encode("utf-8") + b"\n")
        answer = b""
        while b"\n" not in answer and len(answer) < _MAX_REPLY:
            chunk = client.recv(1024)
            if not chunk:
                break
            answer += chunk
    return answer.decode("utf-8", "replace").strip() or f"{ERROR} the window gave no answer"


def is_listening(paths: DataPaths) -> bool:
    """Whether a window answers on `paths`' socket (a second window must not take it)."""
    family = getattr(socket, "AF_UNIX", None)
    where = socket_path(paths)
    if family is None or not where.exists():
        return False
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(str(where))
        except OSError:
            return False
    return True
