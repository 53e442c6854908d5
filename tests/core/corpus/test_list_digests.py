"""A mailing list's digest e-mail gives one document per list message (formats/list_digest.py)."""

from __future__ import annotations

from email.message import EmailMessage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from briefreader.corpus.parse import parse_bytes

_MESSAGES = (
    (
        "Farid Kazemi <farid@example.org>",
        "Mon, 4 Oct 2021 23:14:00 -0400",
        "[Sahel-L] ISKP claims the Kunduz attack",
        "The claim came within hours, through the group's usual channel, and named the bomber "
        "as a Uyghur fighter.\n\nLocal officials say the mosque was full for Friday prayers "
        "when the blast went off.",
    ),
    (
        "sana@example.org (Sana Mir)",
        "Tue, 5 Oct 2021 11:02:00 +0500",
        "Re: [Sahel-L] ISKP claims the Kunduz attack",
        "Worth noting that the claim singles out the Taliban's dealings with China.\n\n"
        "> The claim came within hours\n\nThat timing matches earlier claims this year.",
    ),
    (
        "Hodan Warsame <hodan@example.org>",
        "Tue, 5 Oct 2021 13:40:00 +0300",
        "[Sahel-L] Al-Shabaab courts in Jilib",
        "Traders in Jilib say the group's courts now settle most land disputes in the valley, "
        "faster than the state's.",
    ),
)
_WANT = [
    ("ISKP claims the Kunduz attack", "Farid Kazemi", "2021-10-04"),
    ("Re: ISKP claims the Kunduz attack", "Sana Mir", "2021-10-05"),
    ("Al-Shabaab courts in Jilib", "Hodan Warsame", "2021-10-05"),
]


def _plain_digest() -> bytes:
    topics = "\n".join(f"   {i}. {m[2]}" for i, m in enumerate(_MESSAGES, 1))
    parts = [
        "Send Sahel-L mailing list submissions to\n\tsahel-l@lists.example.org\n\n"
        "To subscribe or unsubscribe via the World Wide Web, visit\n"
        "\thttps://lists.example.org/mailman/listinfo/sahel-l\n\n"
        f"Today's Topics:\n\n{topics}\n\n\n" + "-" * 70 + "\n"
    ]
    for i, (sender, date, subject, body) in enumerate(_MESSAGES, 1):
        parts.append(
            f"Message: {i}\nDate: {date}\nFrom: {sender}\nTo: sahel-l@lists.example.org\n"
            f"Subject: {subject}\nMessage-ID: <{i}@example.org>\n"
            'Content-Type: text/plain; charset="utf-8"\n\n' + body + "\n\n" + "-" * 30 + "\n"
        )
    parts.append(
        "Subject: Digest Footer\n\n" + "_" * 47 + "\nSahel-L mailing list\n"
        "https://lists.example.org/mailman/listinfo/sahel-l\n\n" + "-" * 30 + "\n\n"
        "End of Sahel-L Digest, Vol 3, Issue 12\n" + "*" * 38 + "\n"
    )
    message = EmailMessage()
    message["From"] = "sahel-l-request@lists.example.org"
    message["Subject"] = "Sahel-L Digest, Vol 3, Issue 12"
    message["Date"] = "Wed, 6 Oct 2021 12:00:01 +0000"
    message.set_content("\n".join(parts))
    return message.as_bytes()


def test_a_plain_text_list_digest_gives_one_document_per_message() -> None:
    docs = parse_bytes(_plain_digest(), fmt="email", name="digest.eml").documents
    assert [(d.title, d.author, d.date) for d in docs] == _WANT
    assert docs[0].body.startswith("The claim came within hours")
    assert docs[2].body.endswith("faster than the state's.")  # no rules, footer or closing line
    assert not any("Digest" in d.body or "mailman" in d.body for d in docs)


def test_a_mime_digest_gives_one_document_per_attached_message() -> None:
    digest = MIMEMultipart("digest")
    digest["From"] = "sahel-l-request@lists.example.org"
    digest["Subject"] = "Sahel-L Digest, Vol 3, Issue 12"
    digest["Date"] = "Wed, 6 Oct 2021 12:00:01 +0000"
    for sender, date, subject, body in _MESSAGES:
        inner = MIMEText(body, "plain", "utf-8")
        inner["From"], inner["Date"], inner["Subject"] = sender, date, subject
        digest.attach(MIMEMessage(inner))
    outer = MIMEMultipart("mixed")
    for key in ("From", "Subject", "Date"):
        outer[key] = digest[key]
    outer.attach(MIMEText("Today's Topics: 1. ISKP claims 2. Re: ISKP claims 3. Jilib", "plain"))
    outer.attach(digest)
    docs = parse_bytes(outer.as_bytes(), fmt="email", name="digest.eml").documents
    assert [(d.title, d.author, d.date) for d in docs] == _WANT


def test_one_forwarded_message_inside_an_e_mail_is_no_digest() -> None:
    sender, date, subject, body = _MESSAGES[0]
    message = EmailMessage()
    message["From"] = "Desk <desk@example.org>"
    message["Subject"] = "Fwd: ISKP claims the Kunduz attack"
    message["Date"] = "Wed, 6 Oct 2021 08:00:00 +0000"
    message.set_content(
        "See below, worth a look for Thursday's brief and the weekly summary that follows it."
        f"\n\n---------- Forwarded message ---------\nFrom: {sender}\nDate: {date}\n"
        f"Subject: {subject}\n\n{body}\n"
    )
    docs = parse_bytes(message.as_bytes(), fmt="email", name="fwd.eml").documents
    assert len(docs) == 1
