"""E-mail (.eml, mbox) and Telegram channel exports."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefreader.corpus.errors import Rejected
from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes

PARA = (
    "Officials in the province said the group had moved its fighters south over the winter, "
    "and that the district centres were now surrounded for most of each week."
)


def _mail(subject: str, html: str, *, date: str = "Mon, 08 Nov 2021 23:30:00 -0500") -> bytes:
    message = EmailMessage()
    message["From"] = "Sahel Monitor <alerts@sahel-monitor.example>"
    message["To"] = "analyst@example.org"
    message["Subject"] = subject
    message["Date"] = date
    message["Archived-At"] = "<https://lists.example.org/sahel/2021-11/0042.html>"
    message.set_content("This newsletter is best read as HTML.")
    message.add_alternative(html, subtype="html")
    return message.as_bytes()


ALERT = (
    "<html><body><table><tr><td><p>Militants attack army post near Ménaka</p>"
    f"<p>{PARA}</p><p>{PARA.replace('winter', 'summer')}</p></td></tr></table></body></html>"
)


def test_an_alert_is_one_document_dated_and_published_by_its_sender() -> None:
    (doc,) = parse_bytes(_mail("Alert: Ménaka", ALERT), fmt="email", name="alert.eml").documents
    assert doc.title == "Militants attack army post near Ménaka"
    assert doc.publisher == "Sahel Monitor"
    assert doc.date == "2021-11-08"  # the sender's day, not the next day in UTC
    assert doc.url == "https://lists.example.org/sahel/2021-11/0042.html"
    assert doc.paragraphs == (PARA, PARA.replace("winter", "summer"))
    assert "best read as HTML" not in doc.body  # the HTML part is the one read


def test_a_newsletters_link_to_its_web_copy_is_its_url() -> None:
    """Without an Archived-At header, "View this email in your browser" points at the issue."""
    html = (
        "<html><body><p><a href='https://mailchi.mp/example/issue-14'>View this email in your "
        "browser</a></p><p><a href='https://example.org/unsub'>Unsubscribe</a></p>"
        + ALERT.removeprefix("<html><body>")
    )
    message = EmailMessage()
    message["From"] = "Sahel Monitor <alerts@sahel-monitor.example>"
    message["Subject"] = "Alert"
    message["Date"] = "Mon, 08 Nov 2021 23:30:00 -0500"
    message.set_content("This newsletter is best read as HTML.")
    message.add_alternative(html, subtype="html")
    (doc,) = parse_bytes(message.as_bytes(), fmt="email", name="alert.eml").documents
    assert doc.url == "https://mailchi.mp/example/issue-14"
    assert doc.title == "Militants attack army post near Ménaka"


def test_a_plain_text_message_and_a_mailbox_of_several() -> None:
    plain = EmailMessage()
    plain["From"] = "desk@wire.example"
    plain["Subject"] = "Kabul blast kills four"
    plain["Date"] = "Tue, 09 Nov 2021 08:00:00 +0430"
    plain.set_content(f"{PARA}\n\n{PARA.replace('province', 'capital')}\n")
    mbox = b"".join(
        b"From MAILER-DAEMON Thu Nov 11 00:00:00 2021\n" + raw + b"\n"
        for raw in (_mail("Alert: Ménaka", ALERT), plain.as_bytes())
    )
    first, second = parse_bytes(mbox, fmt="email", name="inbox.mbox").documents
    assert first.title == "Militants attack army post near Ménaka"
    assert second.title == "Kabul blast kills four"  # the subject: the text names no title
    assert second.date == "2021-11-09" and second.publisher == ""


def test_a_message_without_text_is_refused() -> None:
    empty = EmailMessage()
    empty["Subject"] = "Photos"
    empty.set_content(b"\x89PNG", maintype="image", subtype="png")
    with pytest.raises(Rejected, match="no text"):
        parse_bytes(empty.as_bytes(), fmt="email")


CHANNEL = {
    "name": "Sahel Watch",
    "type": "public_channel",
    "id": 1234567890,
    "messages": [
        {"id": 1, "type": "service", "date": "2021-11-01T09:00:00", "action": "create_channel"},
        {
            "id": 2,
            "type": "message",
            "date": "2021-11-08T23:40:00",
            "date_unixtime": "1636415400",
            "from": "Sahel Watch",
            "text": [
                "JNIM claims the ambush near Ménaka\n\n",
                "Full statement ",
                {"type": "text_link", "text": "here", "href": "https://archive.example/jnim-42"},
                ". Map: ",
                {"type": "link", "text": "https://maps.example/m/7"},
            ],
        },
        {
            "id": 3,
            "type": "message",
            "date": "2021-11-09T07:15:00",
            "from": "Sahel Watch",
            "forwarded_from": "Az-Zallaqa Media",
            "text": "Statement on the attack in Tessit.\nFighters claim to have seized weapons.",
        },
        {
            "id": 4,
            "type": "message",
            "date": "2021-11-09T08:00:00",
            "photo": "photos/p1.jpg",
            "text": "",
        },
    ],
}


def test_each_post_of_a_channel_export_is_a_document() -> None:
    parsed = parse_bytes(json.dumps(CHANNEL).encode(), fmt="telegram", name="result.json")
    claim, forwarded = parsed.documents
    assert claim.title == "JNIM claims the ambush near Ménaka"
    assert claim.publisher == "Sahel Watch" and claim.author == ""
    assert claim.date == "2021-11-08"
    assert claim.url == "https://t.me/c/1234567890/2"
    assert claim.paragraphs == (
        "JNIM claims the ambush near Ménaka",
        "Full statement here[1]. Map: https://maps.example/m/7",
    )
    assert claim.footnotes == ("1 https://archive.example/jnim-42",)
    assert forwarded.author == "Az-Zallaqa Media"
    assert forwarded.paragraphs[0] == "Forwarded from Az-Zallaqa Media"
    assert forwarded.url == "https://t.me/c/1234567890/3"
    assert parsed.warnings == ("1 media-only post(s) without text left out",)


def test_an_export_of_media_only_is_refused_in_one_line(tmp_path: Path, library: Library) -> None:
    media = dict(CHANNEL, messages=[m for m in CHANNEL["messages"] if m.get("photo")] * 3)
    inbox = tmp_path / "inbox"
    (inbox / "ChatExport_2021-11-09").mkdir(parents=True)
    (inbox / "ChatExport_2021-11-09" / "result.json").write_text(json.dumps(media))
    (inbox / "good.json").write_text(json.dumps(CHANNEL))
    (inbox / "other.json").write_text(json.dumps({"config": True}))
    report = library.import_paths([inbox])
    reasons = dict(report.skipped)
    assert reasons["inbox/ChatExport_2021-11-09/result.json"] == (
        "a Telegram export with no text: its 3 post(s) are media only "
        "(photos, videos or files without captions)"
    )
    assert reasons["inbox/other.json"].startswith("not a Telegram export")
    assert len(library.documents()) == 2
