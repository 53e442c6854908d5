"""The matcher's view of a text: words as they are, every other character a space.

The matcher compares gazetteer keys with this form of the text, never with
the text itself. It keeps letters and digits (accented Latin letters become
their base letter) and turns every other character into a plain space:
punctuation, hyphens and dashes of every kind, apostrophes, quotes, odd spaces
and line breaks, and the 8-bit mojibake of curly quotes ("‚Äô", "â€™").
Why, measured on the seeds replicated to 20 MB (see the entity benchmark):

- **Every key can begin with one space**, the sentinel, so a key can only
  match where a word starts. The automaton's root then has a single
  child, and pyahocorasick looks a character up in a node by a linear scan
  of its children: at the root that was 28 comparisons for almost every
  character of the text, now it is one. The scan runs about twice as fast.
- **Separators need no key variants:** "IS-K", "IS K" and "IS–K" are all
  "IS K", "Hay’at" is "Hay at", so the gazetteer compiles to 16,600 keys,
  not 41,500.
- **A word boundary is a space**, so the matcher tests one character
  after a match. It needs no test before it: the sentinel already required a
  space there.

The form is built at C speed: the ASCII encoder copies ASCII text and calls
`_fold_run` only for each run of other characters (about 100,000 calls for
20 MB of seed text). Then one `bytes.translate` blanks ASCII punctuation.
That takes a fifth of the time of a regular-expression pass over the text.

Offsets never move: every character becomes exactly one character, except
the few that can only be folded by deleting them (combining accents in NFD
text, soft hyphens, zero-width characters). Those are rare, so only texts
that contain them pay for an offset map (`Folded.kept_starts`).
"""

from __future__ import annotations

import codecs
import re
import string
from functools import lru_cache
from itertools import accumulate

from briefreader.entities.normalise import (
    DELETABLE,
    FOLD_TABLE,
    MOJIBAKE_PUNCTUATION,
    Folded,
)
from briefreader.entities.scripts import SCRIPT_FOLD

_DELETED = "\x00"  # marks a character to delete, until the deletion pass
_KEPT = "\x01"  # marks a letter of another script, put back afterwards
_ERRORS = "briefreader-match-text"

#: ASCII bytes that become a space: all but letters, digits and the markers.
_BLANK = bytes.maketrans(
    (blank := bytes(c for c in range(128) if not chr(c).isalnum() and c > 1)),
    b" " * len(blank),
)

#: The two-character starts of curly-quote mojibake. Their third character
#: can be plain punctuation ("â€“" is "–" read as cp1252), which folds to a
#: space by itself, so the start alone is blanked as well.
_MOJIBAKE_HEADS = frozenset(seq[:2] for seq in MOJIBAKE_PUNCTUATION)
_MOJIBAKE = re.compile(
    "|".join(map(re.escape, sorted(MOJIBAKE_PUNCTUATION | _MOJIBAKE_HEADS, key=len, reverse=True)))
)
_MOJIBAKE_LEADS = frozenset(seq[0] for seq in _MOJIBAKE_HEADS)


def _char(ch: str) -> str:
    """One non-ASCII character in the matcher's form (see the module doc)."""
    if ch in DELETABLE:
        return _DELETED
    folded = FOLD_TABLE.get(ch, ch)
    if folded.isascii():
        return folded if folded.isalnum() else " "
    return _KEPT if ch.isalnum() else " "


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match[0])


class _Chars(dict[int, str]):
    """`_char` for `str.translate`, filled in as characters are first seen."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _char(chr(code))
        return out


_CHARS = _Chars()


class _Runs(dict[str, str]):
    """Folded runs of non-ASCII characters, cached: most are one curly quote.

    Only short runs are kept: a word in another script is rarely seen twice,
    and the gazetteer's Arabic and Russian names, folded when the matcher is
    built, once filled the cache and left English text's quotes and dashes
    uncached (a fifth of the scan's time).
    """

    def __missing__(self, run: str) -> str:
        if len(run) > 1 and not _MOJIBAKE_LEADS.isdisjoint(run):
            out = _MOJIBAKE.sub(_spaces, run).translate(_CHARS)
        else:
            out = run.translate(_CHARS)
        if len(run) <= _CACHED_RUN and len(self) < 4096:
            self[run] = out
        return out


#: The longest run `_Runs` keeps: a mojibake sequence ("â€™") is three.
_CACHED_RUN = 3


_RUNS = _Runs()


def _fold_run(error: UnicodeEncodeError) -> tuple[str, int]:
    """The ASCII encoder's error handler: it meets every run of other characters."""
    end = error.end
    return _RUNS[error.object[error.start : end]], end


# The handler only ever serves `str.encode`, so its error is an encode error.
codecs.register_error(_ERRORS, _fold_run)  # type: ignore[arg-type]


def match_text(text: str) -> Folded:
    """`text` in the matcher's form (see the module docstring)."""
    source = text
    for marker in (_DELETED, _KEPT):
        if marker in source:  # a control character in the text: a separator
            source = source.replace(marker, " ")
    folded = source.encode("ascii", _ERRORS).translate(_BLANK).decode("ascii")
    if _KEPT in folded:
        folded = _put_back(folded, text)
    if _DELETED not in folded:
        return Folded(folded)
    pieces = folded.split(_DELETED)
    kept_starts = tuple(accumulate((len(p) for p in pieces[:-1]), initial=0))
    return Folded("".join(pieces), kept_starts)


_KEPT_RUN = re.compile(_KEPT + "+")


def _put_back(folded: str, text: str) -> str:
    """Letters of other scripts (Arabic, Cyrillic, Chinese), folded one for one.

    The ASCII encoder cannot carry them, so `_char` marks them and they
    are copied back here, with Arabic letter forms unified and Cyrillic in
    lower case (scripts.py): they must stay letters for the word boundaries.
    """
    parts: list[str] = []
    previous = 0
    for run in _KEPT_RUN.finditer(folded):
        parts.append(folded[previous : run.start()])
        parts.append(text[run.start() : run.end()].translate(SCRIPT_FOLD))
        previous = run.end()
    parts.append(folded[previous:])
    return "".join(parts)


def match_key(spelling: str) -> tuple[str, str]:
    """A spelling as the matcher stores it, and the punctuation it ends with.

    "U.S." is stored as "U S" with "." kept aside: a match then takes the
    full stop into its span when the text has one there, so the mention
    reads "U.S.", not "U.S". Only a single closing character is kept, so
    that the span never reaches into the next word's sentinel space.
    """
    folded = match_text(spelling).text
    trailing = spelling[len(folded.rstrip()) :] if len(folded) == len(spelling) else ""
    suffix = trailing if len(trailing) == 1 and trailing in string.punctuation else ""
    return folded.strip(), suffix


@lru_cache(maxsize=1 << 18)
def fold_key(name: str) -> str:
    """A spelling's identity: its matcher's form with single spaces.

    The gazetteer looks spellings up by this, so whatever surface the
    matcher reports resolves to its entity ("U.S" and "U.S." alike). Loading
    the gazetteer asks for the same spellings several times, hence the cache;
    it holds every spelling of a gazetteer with 20,000 user entries (at 65,536
    the passes over ~110,000 spellings missed every time, a third of the load).
    """
    return " ".join(match_text(name).text.split())
