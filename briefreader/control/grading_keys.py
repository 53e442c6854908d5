"""The grading commands and their keys: reliability per publisher or document, credibility, claims.

Part of the one registry and the one key table (`commands.COMMANDS` and
`keymap.DEFAULT_KEYS` take these in), kept here so those modules stay small.
The same keys grade wherever the analyst is: in the reader or the document
list (normal mode) they act on the open document and the current excerpt of
the notes panel; in the excerpt bin and in the composer on the excerpt under
the cursor and its document. R is the publisher's reliability (remembered for
every document from it), Ctrl+R the document's own; i (I in the reader) the
excerpt's credibility, w (W) the actor a claim is attributed to.
"""

from __future__ import annotations

#: (name, help) of every grading command, in the order help lists them.
GRADING_COMMANDS: tuple[tuple[str, str], ...] = (
    (
        "grade-publisher",
        "Grade the source's reliability A-F for its publisher (every document from it)",
    ),
    (
        "grade-document",
        "Give this one document its own reliability grade A-F, over its publisher's",
    ),
    ("grade-credibility", "Grade the credibility 1-6 of the excerpt's information"),
    ("mark-claim", "Mark the excerpt as a claim by a named actor ('ISKP via Amaq'); empty unmarks"),
)

#: Added to normal mode (the reader or the document list has focus).
GRADING_NORMAL_KEYS: dict[str, str] = {
    "R": "grade-publisher",
    "Ctrl+R": "grade-document",
    "I": "grade-credibility",
    "W": "mark-claim",
}

#: Added to the "excerpts" mode (the excerpt bin or the panel's list) and the composer.
GRADING_LIST_KEYS: dict[str, str] = {
    "R": "grade-publisher",
    "Ctrl+R": "grade-document",
    "i": "grade-credibility",
    "w": "mark-claim",
}
