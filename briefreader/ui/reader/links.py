"""briefreader:// links in the window: open the document at the paragraph a link names.

`LinkServer.listen()` (called once the window is built and loaded, see `launch`)
takes the data directory's socket unless another window answers on it; each
line a client writes is a link (`control/link_channel.py` has the protocol).
`open_url` is also how a window started by `briefreader open URL` goes to the
link, once its library has loaded (`open_pending`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from briefreader.control.link_channel import (
    ERROR,
    OPENED,
    ChannelError,
    is_listening,
    private_folder,
    socket_path,
)
from briefreader.export.links import LinkError, parse_link, resolve
from briefreader.ui.common.host import Host
from briefreader.ui.reader.view import ReaderView

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket


class LinkServer(QObject):
    def __init__(self, host: Host, reader: ReaderView) -> None:
        super().__init__(host.main_window())
        self.host = host
        self.reader = reader
        self.server: QLocalServer | None = None  # made by listen(): QtNetwork after the paint
        self.pending = ""  # a link to open once the library has loaded
        self.last_answer = ""

    def listen(self) -> str | None:
        """Take the socket; None when listening, else why not (another window has it...)."""
        paths = self.host.paths
        if is_listening(paths):
            return "another briefreader window answers briefreader:// links for this library"
        where = socket_path(paths)
        try:
            private_folder(where)
        except (ChannelError, OSError) as error:
            return f"briefreader:// links cannot reach this window: {error}"
        from PySide6.QtNetwork import QLocalServer

        server = self.server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        QLocalServer.removeServer(str(where))  # a socket a crashed window left
        if not server.listen(str(where)):
            return f"briefreader:// links cannot reach this window: {server.errorString()}"
        return None

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _accept(self) -> None:
        server = self.server
        while server is not None and (client := server.nextPendingConnection()) is not None:
            client.readyRead.connect(lambda client=client: self._read(client))
            client.disconnected.connect(client.deleteLater)

    def _read(self, client: QLocalSocket) -> None:
        if not client.canReadLine():
            return
        line = bytes(client.readLine().data()).decode("utf-8", "replace").strip()
        answer = self.open_url(line) if line else self._raise()
        client.write((answer.replace("\n", " ") + "\n").encode("utf-8"))
        client.flush()
        client.disconnectFromServer()

    def _raise(self) -> str:
        window = self.host.main_window()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        return f"{OPENED} the window"

    def open_pending(self) -> None:
        """The library has loaded: go to the link the window was started with."""
        if self.pending:
            url, self.pending = self.pending, ""
            self.open_url(url)

    def open_url(self, url: str) -> str:
        """Show the document and paragraph `url` names; the answer for the client."""
        answer = self._open(url)
        self.last_answer = answer
        self.host.status(answer.removeprefix(f"{OPENED} ").removeprefix(f"{ERROR} "), 15000)
        return answer

    def _open(self, url: str) -> str:
        try:
            link = parse_link(url)
        except LinkError as error:
            return f"{ERROR} {error}"
        state = self.host.state
        doc_id = resolve(link, (doc.id for doc in state.documents))
        if doc_id is None:
            return f"{ERROR} no document in this library has that link (was it imported here?)"
        self.host.open_document(doc_id)
        doc = state.document(doc_id)
        count = len(doc.paragraphs) if doc is not None else 0
        wanted = link.paragraph or 1
        paragraph = min(wanted, max(count, 1))
        self.host.apply(state.set_paragraph(paragraph - 1))
        self._raise()
        self.host.focus_pane("reader")
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reader.ensure_paragraph_visible(state.paragraph)
        title = doc.title if doc is not None and doc.title else "(untitled)"
        where = f"¶ {paragraph}" + (
            f" (it has {count} paragraphs, not {wanted})" if wanted > count else ""
        )
        return f"{OPENED} “{title}” at {where}"
