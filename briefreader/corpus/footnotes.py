"""Which numbered lines at an article's end are its footnotes.

A format that knows its notes (an HTML notes list, a Markdown definition, a
PDF's foot of page) says so; in plain text a run of lines numbered 1, 2, 3
is read as notes only when it reads like citations.
"""

from __future__ import annotations

from briefreader.corpus.blocks import CITATION, Kind, Unit, classify


def settle_footnotes(units: list[Unit]) -> None:
    """Keep only runs of notes numbered 1, 2, 3 … that read like citations.

    A lone "10 people died …" is prose, and a numbered list of points (no
    dates, links or quoted titles) stays in the body.
    """
    i = 0
    while i < len(units):
        if units[i].kind is not Kind.FOOTNOTE or units[i].certain:
            i += 1
            continue
        j = i + 1
        while (
            j < len(units)
            and units[j].kind is Kind.FOOTNOTE
            and units[j].number == units[j - 1].number + 1
        ):
            j += 1
        run = units[i:j]
        cited = sum(1 for unit in run if CITATION.search(unit.text))
        if not (run[0].number == 1 and len(run) >= 3 and cited * 2 >= len(run)):
            # A numbered list, or "4 March 2023": read the lines again as what they are.
            for k in range(i, j):
                again = classify(units[k].text, footnote=False)
                again.page, again.link = units[k].page, units[k].link
                units[k] = again
        i = j
