"""`date:` values as ranges over the ISO dates the index keeps.

Documents carry their publication date as "YYYY-MM-DD" in the `date` field
(an untokenised, sortable ID field), so a date, a month or a year is a range
of terms: `date:2021` is every day of 2021, `date:2021-08..2021-12` runs from
the first of August to the last of December, and either end of a range may
be left open (`date:..2021-06`, `date:2022-03..`). Comparing strings works
because ISO dates sort as text; an upper bound is padded with "~", which
sorts after every digit and "-", so "2021-12" takes in "2021-12-31".
"""

from __future__ import annotations

import re
from typing import Final

from whoosh import query as wq

FIELD: Final = "date"
_BOUND = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_SPEC = re.compile(rf"(?P<lo>{_BOUND})?(?P<range>\.\.)?(?P<hi>{_BOUND})?")
#: Sorts after any digit or "-": the end of a year or month taken whole.
_AFTER = "~"


class DateSpecError(ValueError):
    """A `date:` value that is neither a date, a month, a year nor a range of them."""


def date_query(value: str, *, boost: float = 1.0) -> wq.Query:
    """The query for one `date:` value; raises `DateSpecError` for anything else."""
    match = _SPEC.fullmatch(value.strip())
    if not match or not (match.group("lo") or match.group("hi")):
        raise DateSpecError(
            f"date:{value} is not a date (use 2021, 2021-08, 2021-08-15 or a range "
            "such as 2021-08..2021-12)"
        )
    lo, hi = match.group("lo"), match.group("hi")
    if not match.group("range"):
        if hi:  # "2021-08" matched as the upper bound alone cannot happen, but be sure
            raise DateSpecError(f"date:{value} is not a date")
        hi = lo
    if lo and hi and lo > hi and not hi.startswith(lo):
        raise DateSpecError(f"date:{value} ends before it starts")
    return wq.TermRange(
        FIELD, lo or None, f"{hi}{_AFTER}" if hi else None, boost=boost, constantscore=True
    )
