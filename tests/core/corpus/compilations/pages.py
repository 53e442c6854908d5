"""The shape of a compilation page in the corpus, and what it should split into."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class Want:
    title: str
    author: str = ""
    date: str = ""  # ISO; "" where the page states none for the article


@dataclass(frozen=True)
class Page:
    name: str
    fmt: str  # "text", "html", "markdown" or "email"
    content: str
    want: tuple[Want, ...]
    subject: str = ""  # e-mails only

    def data(self) -> bytes:
        if self.fmt != "email":
            return self.content.encode("utf-8")
        message = EmailMessage()
        message["From"] = "Newsletter <news@example.org>"
        message["To"] = "analyst@example.org"
        message["Subject"] = self.subject or self.name
        message["Date"] = "Tue, 09 Nov 2021 06:00:00 +0000"
        if self.content.lstrip().startswith("<"):
            message.set_content("Read this e-mail in a client that shows HTML.")
            message.add_alternative(self.content, subtype="html")
        else:
            message.set_content(self.content)
        return message.as_bytes()
