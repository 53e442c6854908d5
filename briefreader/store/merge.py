"""Three-way merge of note texts, line by line, for two analysts editing one note.

When an editor saves against a revision that someone else has since
changed, the store tries to combine both: lines only one side changed are
taken from that side, lines both changed the same way once. If both changed
the same lines differently there is no safe answer, and `merge3` returns
None: the analyst is shown both texts and chooses (never a silent loss).
"""

from __future__ import annotations

from difflib import SequenceMatcher


def _lines(text: str) -> list[str]:
    return (text if text.endswith("\n") else text + "\n").splitlines(keepends=True)


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    """Base line index -> the index of the same, unchanged line in `other`."""
    found: dict[int, int] = {}
    for block in SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            found[block.a + k] = block.b + k
    return found


def _resolve(base: list[str], mine: list[str], theirs: list[str]) -> list[str] | None:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    return None


def merge3(base: str, mine: str, theirs: str) -> str | None:
    """`mine` and `theirs` combined (both started from `base`); None if they clash."""
    if mine == theirs:
        return mine
    b, m, t = _lines(base), _lines(mine), _lines(theirs)
    in_mine, in_theirs = _matches(b, m), _matches(b, t)
    out: list[str] = []
    i = jm = jt = 0
    for k in range(len(b) + 1):
        stable = k == len(b) or (
            k >= i and k in in_mine and k in in_theirs and in_mine[k] >= jm and in_theirs[k] >= jt
        )
        if not stable:
            continue
        end_m = in_mine[k] if k < len(b) else len(m)
        end_t = in_theirs[k] if k < len(b) else len(t)
        chunk = _resolve(b[i:k], m[jm:end_m], t[jt:end_t])
        if chunk is None:
            return None
        out.extend(chunk)
        if k < len(b):
            out.append(b[k])
        i, jm, jt = k + 1, end_m + 1, end_t + 1
    merged = "".join(out)
    if not (mine.endswith("\n") or theirs.endswith("\n")):
        merged = merged[:-1] if merged.endswith("\n") else merged
    return merged
