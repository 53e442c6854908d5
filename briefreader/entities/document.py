"""Mentions that depend on the rest of the document, resolved after the scan.

Two kinds of name mean something only in context:

- **Short forms.** "Lashkar", "Jaish" and "the Front" are how reporters refer
  to a group they have already named in full. Alone they are ordinary words
  (a lashkar is a tribal militia), and several groups share each one. The
  matcher marks every short form it finds with all the groups that claim it
  (`short_form_mark`); `resolve_short_forms` keeps it only when one of those
  groups was already mentioned, and gives it to the one mentioned last. Some
  count only after "the" ("the Front"); the span leaves "the" out, as with
  "the Taliban".
- **Weak official names.** Some names the official lists give are too
  generic to be found alone ("ISI", "The Youth"). Right after the group's
  name, in brackets, they are plainly its other name: "the Islamic State of
  Iraq (ISI)". `weak_names_in_brackets` adds those.

Both passes are pure functions of the mention list (and the text), so the
`Matcher` stays stateless.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from briefreader.domain import Mention
from briefreader.entities.match_text import fold_key

#: Marks a mention the scan could not yet attribute: the canonical field holds
#: this character, then the candidate groups separated by it.
SHORT = "\x1f"
#: Follows SHORT when the short form counts only after "the" ("the Front").
NEEDS_THE = "\x1e"
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)[ \t\n]+$")
_BRACKET = re.compile(r"[ \t]?\(([^()\n]{1,60})\)")


def split_short_form(short: str) -> tuple[str, bool]:
    """ "the Front" -> ("Front", True): the word is the key, "the" a condition.

    The key leaves "the" out so that a longer name starting with the word
    ("Jamaat Ansarullah" after "the") still wins as the longer match.
    """
    words = short.split(" ", 1)
    if len(words) == 2 and words[0].lower() == "the":
        return words[1], True
    return short, False


def short_form_mark(candidates: Iterable[str], needs_the: bool = False) -> str:
    """The canonical field of a short-form match with these candidate groups."""
    return SHORT + (NEEDS_THE if needs_the else "") + SHORT.join(candidates)


def resolve_short_forms(mentions: list[Mention], text: str) -> list[Mention]:
    """Give each short form to the last-mentioned group that claims it, or drop it."""
    last_seen: dict[str, int] = {}
    out: list[Mention] = []
    for mention in mentions:
        canonical = mention.canonical
        if not canonical.startswith(SHORT):
            last_seen[canonical] = len(out)
            out.append(mention)
            continue
        needs_the = canonical.startswith(NEEDS_THE, 1)
        candidates = canonical[2 if needs_the else 1 :].split(SHORT)
        best = max(candidates, key=lambda c: last_seen.get(c, -1))
        if best not in last_seen:
            continue  # no group that uses this short form was named before it
        if needs_the and not _THE_BEFORE.search(text, max(0, mention.start - 8), mention.start):
            continue
        out.append(Mention(mention.start, mention.end, "group", best, mention.surface))
    return out


def weak_names_in_brackets(
    mentions: list[Mention], text: str, weak: Mapping[str, frozenset[str]]
) -> list[Mention]:
    """Add each weak name that stands in brackets right after its entity's name."""
    if not weak:
        return mentions
    added: list[tuple[int, Mention]] = []
    for index, mention in enumerate(mentions):
        names = weak.get(mention.canonical)
        if names is None or "(" not in text[mention.end : mention.end + 2]:
            continue
        bracket = _BRACKET.match(text, mention.end)
        if bracket is None or fold_key(bracket[1]).casefold() not in names:
            continue
        start, end = bracket.span(1)
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and following.start < end:
            continue  # the bracket already holds a mention
        added.append((index + 1, Mention(start, end, mention.kind, mention.canonical, bracket[1])))
    if not added:
        return mentions
    out = list(mentions)
    for offset, (position, mention) in enumerate(added):
        out.insert(position + offset, mention)
    return out
