"""A mailing list's digest: many list messages sent as one e-mail.

Mailman, LISTSERV and their kin gather a day's messages into one e-mail
("Sahel-L Digest, Vol 3, Issue 12"). In the plain-text form each message
keeps a block of its own headers (an optional "Message: 2" line, then
"Date:", "From:", "Subject:" …) followed by its text, and rules of dashes
stand between them; above the first sit the list's instructions and
"Today's Topics", below the last its footer. In the MIME form
(multipart/digest) each message is an attached message/rfc822 part.

Each message is one article: its subject (without the list's "[Sahel-L]"
tag) is the title, the name in its From header the author and its Date
header the date, in the sender's zone. A digest is recognised by at least
two header blocks that each give From and Subject, so a single forwarded
message inside an e-mail is left to the e-mail's own reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.parser import Parser
from email.utils import getaddresses

from briefreader.corpus.dates import rfc2822_date

_HEADER_BLOCK = re.compile(
    r"^(?:Message: *\d+\n)?(?P<headers>(?:[A-Z][\w-]*:[ \t]+\S.*\n(?:[ \t]+\S.*\n)*){2,})\n",
    re.MULTILINE,
)
#: Rules between messages and the digest's closing lines, trimmed off a message's end.
_TAIL = re.compile(
    r"(?:\n[ \t]*(?:[-_=*]{8,}|End of .{1,80}Digest.*|Subject: Digest Footer)?[ \t]*)+\Z",
    re.IGNORECASE,
)
#: "[Sahel-L] Title", "Re: [Sahel-L] Title": the list's tag, after any reply marks.
_LIST_TAG = re.compile(r"^((?:(?:re|fwd?|aw|sv)\s*:\s*)*)(?:\[[^\]]{1,40}\]\s*)+", re.I)


@dataclass(frozen=True, slots=True)
class ListMessage:
    """One message of a digest: what its headers state and its text."""

    subject: str
    author: str
    date: str
    body: str


def digest_messages(text: str) -> list[ListMessage]:
    """The messages of a plain-text digest in order, or [] when the text is none."""
    found = []
    for match in _HEADER_BLOCK.finditer(text):
        headers = Parser(policy=policy.compat32).parsestr(match.group("headers") + "\n")
        if headers.get("From") and headers.get("Subject"):
            found.append((match, headers))
    if len(found) < 2:
        return []
    messages = []
    for k, (match, headers) in enumerate(found):
        end = found[k + 1][0].start() if k + 1 < len(found) else len(text)
        body = re.split(r"\n_{8,}\n", text[match.end() : end])[0]  # the list's footer
        body = _TAIL.sub("", body.rstrip()).strip()
        messages.append(
            ListMessage(
                subject=list_subject(str(headers.get("Subject", ""))),
                author=sender_name(str(headers.get("From", ""))),
                date=rfc2822_date(str(headers.get("Date", ""))),
                body=body,
            )
        )
    return [m for m in messages if m.body]


def list_subject(subject: str) -> str:
    """A list message's subject without the list's tag ("[Sahel-L] Title" -> "Title")."""
    return _LIST_TAG.sub(r"\1", " ".join(subject.split()))


def sender_name(value: str) -> str:
    """The display name in a From header ("Sana Mir <sana@…>", "sana@… (Sana Mir)")."""
    for display, _address in getaddresses([value]):
        if display.strip():
            return " ".join(display.split())
    return ""
