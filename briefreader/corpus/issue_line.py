"""A newsletter's issue line: "Issue No. 88 — 5 October 2021", "Vol. 3, No. 12 · Oct 4, 2021".

At the top of a digest, under or beside its name, a line numbers the issue
and often dates it: "Edition 41 | 2 March 2023", "Newsletter #7 - Friday, 8
October 2021", "Lake Chad Dispatch #88", "MORNING BRIEF | 5 November 2021".
It is the issue's metadata, never a story's title, and its date is the date
of every story that states none (not the e-mail's sending date, which may be
days later).

The line is read by its shape, not by any newsletter's wording. It is cut at
its separators ("|", "·", "—", " - ", " / ", ", ", ": ", brackets) and,
leaving out furniture ("View online"), every segment must be one of:

- an issue number: "Issue 88", "No. 12", "Vol. 3", "Edition 41", "#7",
  "N° 5", optionally after a name of up to five capitalised words ("The
  Jihadology Weekly #147");
- a date or a piece of one ("Monday", "Oct 4", "2021", "18 October 2021");
- at most one name of up to six capitalised words (the masthead).

At least one segment is an issue number, or the name is a digest's
("Morning Brief") and a date follows, with or without its year ("MORNING
BRIEF | Tuesday 9 November": the year is the sending date's,
`dates.in_year_of`). So "No. 2 of Islamic State in Somalia killed" (a
headline: the number is followed by words, not a separator) and "Issue of
ransom payments resurfaces" (no number) are no issue lines.
"""

from __future__ import annotations

import re

from briefreader.corpus.dates import day_of_year, find_date
from briefreader.corpus.furniture import digest_masthead, is_furniture

#: Longer lines are text, not an issue line.
MAX_WORDS = 16

_NAME_WORD = r"(?:The|[A-Z][\w’'&.-]*|of|and|&|on|for|in)"
_NUMBER = (
    r"(?i:(?:vol(?:ume)?\.?\s*(?:\d{1,4}|[ivxlc]{1,6})\b(?:\s*[,.;]?\s*(?:no|nr|number|issue)"
    r"\.?\s*#?\s*\d{1,4})?)"
    r"|(?:issue|no|nr|number|edition|newsletter|bulletin|digest|dispatch)\.?\s*"
    r"(?:no\.?\s*|n[°º]\s*)?"
    r"#?\s*\d{1,4}"
    r"|#\s?\d{1,4}|n[°º]\s?\d{1,4})"
)
_ISSUE_NUMBER = re.compile(rf"^(?:[A-Z][\w’'&.-]*\s+(?:{_NAME_WORD}\s+){{0,4}})?{_NUMBER}$")
_NAME = re.compile(
    rf"^(?:The\s+|[A-Z][\w’'&.-]*\s+)(?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD}$|^[A-Z][\w’'&.-]*$"
)
_DATE_WORD = re.compile(
    r"^(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?|"
    r"spring|summer|autumn|fall|winter|week|of|the|"
    r"\d{1,4}(?:st|nd|rd|th)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$"
)
_SEPARATORS = re.compile(r"\s+[|·•—–/]\s+|\s+-{1,2}\s+|\s*[|·•()]\s*|,\s+|:\s+")


def is_issue_line(text: str) -> bool:
    """Whether a line numbers (and perhaps dates) a newsletter's issue; see the module."""
    line = " ".join(text.split())
    if not line or len(line.split()) > MAX_WORDS or line[-1:] in ".?!":
        return False
    numbered = digest_name = dated = False
    names = 0
    for segment in (s.strip(" -–—") for s in _SEPARATORS.split(line)):
        if not segment or is_furniture(segment):  # "Issue 88 | View online"
            continue
        if _ISSUE_NUMBER.match(segment):
            numbered = True
        elif all(_DATE_WORD.match(word) for word in segment.split()):
            dated = dated or any(c.isdigit() for c in segment)
        elif _NAME.match(segment) and len(segment.split()) <= 6:
            names += 1
            digest_name = digest_name or digest_masthead(segment)
        else:
            return False
    if names > 1:
        return False
    return numbered or (digest_name and dated and bool(find_date(line) or day_of_year(line)))


def names_digest(text: str) -> bool:
    """An issue line that names a digest ("MORNING BRIEF | 5 November 2021")."""
    return any(digest_masthead(s.strip(" -–—")) for s in _SEPARATORS.split(text) if s.strip())
