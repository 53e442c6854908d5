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
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from operator import attrgetter

from briefreader.domain import Mention
from briefreader.entities.match_text import fold_key

#: Marks a mention the scan could not yet attribute: the canonical field holds
#: this character, then the candidate groups separated by it.
SHORT = "\x1f"
#: Follows SHORT when the short form counts only after "the" ("the Front").
NEEDS_THE = "\x1e"
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)[ \t\n]+$")
#: A bracket with a short name in it (the pattern starts with its literal, so
#: the regex engine skips to each "(" at C speed).
_BRACKET = re.compile(r"\(([^()\n]{1,60})\)")


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
    """Give each short form to the last-mentioned group that claims it, or drop it.

    Runs at C speed where the document has no short form: the canonical
    names are joined into one string, searched for the mark, and each
    candidate's last mention before a short form is one `rfind`.
    """
    joined = _SEP + _SEP.join(map(_CANONICAL, mentions)) + _SEP
    mark = joined.find(_SEP + SHORT)
    if mark < 0:
        return mentions
    out = list(mentions)
    dropped: list[int] = []
    index = 0
    counted = 0
    while mark >= 0:
        index += joined.count(_SEP, counted, mark)
        counted = mark
        mention = mentions[index]
        canonical = mention.canonical
        needs_the = canonical.startswith(NEEDS_THE, 1)
        candidates = canonical[2 if needs_the else 1 :].split(SHORT)
        seen = [joined.rfind(_SEP + c + _SEP, 0, mark + 1) for c in candidates]
        best = max(range(len(candidates)), key=seen.__getitem__)
        if seen[best] < 0 or (
            needs_the and not _THE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        ):
            dropped.append(index)  # no claimant named before it, or no "the"
        else:
            start, end, surface = mention.start, mention.end, mention.surface
            out[index] = Mention(start, end, "group", candidates[best], surface)
        mark = joined.find(_SEP + SHORT, mark + 1)
    for index in reversed(dropped):
        del out[index]
    return out


#: Joins canonical names for `resolve_short_forms`; no name contains it.
_SEP = "\x00"
_CANONICAL = attrgetter("canonical")


def weak_names_in_brackets(
    mentions: list[Mention], text: str, weak: Mapping[str, frozenset[str]]
) -> list[Mention]:
    """Add each weak name that stands in brackets right after its entity's name.

    Looks at the text's brackets, not at every mention: texts have far fewer.
    """
    if not weak or not mentions or "(" not in text:
        return mentions
    ends = list(map(_END, mentions))
    added: list[tuple[int, Mention]] = []
    for bracket in _BRACKET.finditer(text):
        opening = bracket.start()
        if opening and text[opening - 1] in " \t":
            opening -= 1
        index = bisect_left(ends, opening)
        if index == len(ends) or ends[index] != opening:
            continue  # no mention right before the bracket
        mention = mentions[index]
        names = weak.get(mention.canonical)
        inside = bracket[1]
        if names is None or fold_key(inside).casefold() not in names:
            continue
        start, end = bracket.span(1)
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and following.start < end:
            continue  # the bracket already holds a mention
        added.append((index + 1, Mention(start, end, mention.kind, mention.canonical, inside)))
    if not added:
        return mentions
    out = list(mentions)
    for offset, (position, mention) in enumerate(added):
        out.insert(position + offset, mention)
    return out


_END = attrgetter("end")
