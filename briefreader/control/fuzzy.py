"""Fuzzy matching for the command palette: type a few letters of a command, in order.

A query matches when its characters appear in order in the command's name
(or, weaker, its help). Consecutive runs and matches at word starts score
higher, so "nm" ranks next-mention above unrelated names that merely contain
an n and an m.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefreader.control.commands import Command


def score(query: str, text: str) -> int | None:
    """Higher is better; None when `query` is not a subsequence of `text`."""
    query = query.lower().replace(" ", "")
    text_l = text.lower()
    if not query:
        return 0
    total = 0
    pos = 0
    previous = -2
    for char in query:
        found = text_l.find(char, pos)
        if found < 0:
            return None
        bonus = 1
        if found == previous + 1:
            bonus += 5
        if found == 0 or text_l[found - 1] in "-_ ":
            bonus += 8
        total += bonus - min(found - pos, 5)
        previous = found
        pos = found + 1
    return total * 2 - len(text) // 10


def rank(query: str, commands: Iterable[Command]) -> list[Command]:
    """Commands matching `query`, best first; every command, in order, for an empty query."""
    scored: list[tuple[int, int, Command]] = []
    for order, command in enumerate(commands):
        by_name = score(query, command.name)
        by_help = score(query, command.help)
        best = max(
            (s for s in (by_name, by_help - 20 if by_help is not None else None) if s is not None),
            default=None,
        )
        if best is not None:
            scored.append((-best, order, command))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [command for _, _, command in scored]
