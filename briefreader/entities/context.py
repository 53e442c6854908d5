"""Context checks for the few spellings that are ambiguous on their own.

Only spellings the gazetteer marks `guarded` pay for these checks, so they
can afford to look around the match. The rules are documented in
resources/gazetteer/rules.toml ("Case-by-case decisions"); each function
answers "should this match be dropped?" from the original text and the
span, never from the folded copy, because capitalisation is the evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from briefreader.domain import Mention

#: Capitalised words that often stand before a country at a sentence or
#: headline start, or in a title ("King of Jordan" has "of", not these).
FUNCTION_WORDS = frozenset(
    [
        "A",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "For",
        "From",
        "If",
        "In",
        "Into",
        "Like",
        "Near",
        "Neither",
        "Nor",
        "Of",
        "On",
        "Or",
        "Since",
        "So",
        "Than",
        "That",
        "The",
        "Then",
        "This",
        "To",
        "Unlike",
        "Until",
        "Via",
        "When",
        "Where",
        "While",
        "With",
        "Within",
        "Without",
        "Across",
        "After",
        "Against",
        "Along",
        "Amid",
        "Among",
        "Around",
        "Before",
        "Behind",
        "Beside",
        "Between",
        "Beyond",
        "Both",
        "Despite",
        "During",
        "Except",
        "Including",
        "Inside",
        "Outside",
        "Over",
        "Through",
        "Toward",
        "Towards",
        "Under",
        "Unlike",
        "Upon",
        "Neighbouring",
        "Neighboring",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Kingdom",
        "Republic",
        "King",
        "Queen",
        "President",
        "Government",
        "Embassy",
        "Visit",
        "Visits",
        "Both",
        "Either",
        "Neighbor",
        "Neighbour",
        "Allies",
        "Ally",
        "Also",
        "Only",
        "Even",
        "Now",
        "Meanwhile",
        "However",
        "Today",
        "Yesterday",
    ]
)

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)([ \t]+)$")
_WORD_AFTER = re.compile(r"^[ \t]+([A-Za-z][\w'’-]*)")
_TOKEN_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z\n]*$")
_TOKEN_AFTER = re.compile(r"^[^A-Za-z\n]*([A-Za-z]+)")
_WINDOW = 60


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def looks_like_person(text: str, start: int, end: int) -> bool:
    """ "Jordan Peterson said", "Michael Jordan": a name, not a country."""
    after = _WORD_AFTER.match(text[end : end + _WINDOW])
    if after and _is_capitalised(after.group(1)) and after.group(1) not in FUNCTION_WORDS:
        rest = _WORD_AFTER.match(text[end + after.end() : end + after.end() + _WINDOW])
        if rest is None or not rest.group(1)[:1].isupper():
            return True
    before = _WORD_BEFORE.search(text[max(0, start - _WINDOW) : start])
    if before:
        word = before.group(1)
        if (
            _is_capitalised(word)
            and word not in FUNCTION_WORDS
            and not word.endswith((".", "'s", "’s"))
        ):
            return True
    return False


def _is_caps_word(word: str) -> bool:
    return word.isupper() and word.isalpha()


def in_capitals(text: str, start: int, end: int) -> bool:
    """An English-word acronym among ALL-CAPITAL words: "WHAT IS NEXT"."""
    # Fast exit for running text: a lower-case letter right beside the match.
    if text[end + 1 : end + 2].islower() or text[max(0, start - 2) : start - 1].islower():
        return False
    before = _TOKEN_BEFORE.search(text[max(0, start - _WINDOW) : start])
    after = _TOKEN_AFTER.match(text[end : end + _WINDOW])
    neighbours = [m.group(1) for m in (before, after) if m]
    if not neighbours:
        return False
    return all(_is_caps_word(word) for word in neighbours)


_URL_OPENERS = '<>"“”‘’([]'


def _last_token(window: str) -> str:
    """The tail of `window` after its last space or opening bracket or quote."""
    if not window or window[-1].isspace():
        return ""
    token = window.rsplit(None, 1)[-1]
    for opener in _URL_OPENERS:
        cut = token.rfind(opener)
        if cut >= 0:
            token = token[cut + 1 :]
    return token


_URL_TAIL = re.compile(r"[^\s<>\"“”‘’]*")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds web addresses: names inside them are not mentions.

    ".../terrorist_leader,_native_of_Kyrgyzstan,_killed_in_Syria/" is a
    link, not reporting. Addresses are found from their "://" or "www."
    with plain substring search, so a long text pays almost nothing.
    """
    spans: list[tuple[int, int]] = []
    for marker in ("://", "www."):
        found = text.find(marker)
        while found != -1:
            start = found - len(_last_token(text[max(0, found - 200) : found]))
            tail = _URL_TAIL.match(text, found + len(marker))
            end = tail.end() if tail else found + len(marker)
            spans.append((start, end))
            found = text.find(marker, end)
    spans.sort()
    return spans


_START = itemgetter(0)
_END = itemgetter(1)


def outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that do not overlap any of the sorted `spans`.

    `mentions` are sorted and disjoint, so their ends are sorted too: each
    span finds what it covers by bisection, and a text with half a million
    mentions and a few hundred links is not walked mention by mention.
    """
    if not spans:
        return mentions
    kept: list[Mention] = []
    previous = 0
    for start, end in spans:
        first = bisect_right(mentions, start, lo=previous, key=_END)
        after = bisect_left(mentions, end, lo=first, key=_START)
        kept.extend(mentions[previous:first])
        previous = max(previous, after)
    kept.extend(mentions[previous:])
    return kept


def is_currency(text: str, start: int, end: int) -> bool:
    """ "US$2.5 million" names a currency, not the country."""
    return text[end : end + 1] == "$"
