"""Text analysis for the index: one tokenizer, one normalisation, three paths.

A term is `stem(fold(lower(word)))` for each word the `TOKEN` pattern finds in
the original text. The same function serves

- indexing (`split_words`, which `positions_of` and the segment writer's
  numpy path share), run for every word of every document.
  Whoosh's stock chain makes a `Token` object per word and runs four filters
  on it; here a word costs one C-level `findall` step and one dict lookup in
  a memo of normalised forms.
  That memo, not parallelism, is what makes the full build fast: news prose
  reuses a vocabulary of a few tens of thousands of words;
- query parsing and Whoosh internals (`BriefAnalyzer.__call__`), which need
  `Token`s with positions and character offsets;
- highlighting (`iter_terms`), which needs character offsets into the
  original text so that marks land on what the reader shows.

Because all three call `normalise`, a stemmed match ("attacks" for "attack")
is found and highlighted the same way everywhere.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem as porter_stem

#: A word: letters/digits, with inner dots kept ("U.S", "3.5"), or a
#: hyphenated compound of such words ("IS-K", "al-Qaeda"). A compound
#: indexes its parts as consecutive words, so "IS-K" is the phrase "is k",
#: and also, at the first part's position, its parts joined ("isk"): the
#: alias expansion then finds "ISIS-K" with one term instead of a positional
#: phrase of two very common words. Apostrophes split words: "Taliban's"
#: indexes "taliban" and "s".
#:
#: The quantifiers are possessive (`++`, `*+`): a word run or a ".part" once
#: taken is never given back, which cannot change a match (what follows
#: each is a dot or a hyphen, never a word character) but spares the engine
#: from retrying every shorter run.
_TOKEN_SOURCE = r"\w+(?:\.\w+)*(?:[-\u2010\u2011]\w+(?:\.\w+)*)*"
_WORD_SOURCE = r"\w+(?:\.\w+)*"
_WORD_LINK_SOURCE = r"(\w+(?:\.\w+)*)([-\u2010\u2011](?=\w))?"
#: Strings on which CPython 3.11.0-3.11.4's possessive repeats of a group go wrong
#: ("1.." matched as "1." on Debian 12's python3, 3.11.2).
_PROBES = ("1..", "a.b-c", "a--b", "ab.cd.ef-gh", "x.-y", "a.b.", "é’s 1.2.3- q", "_-_.")


def _compiled(source: str) -> re.Pattern[str]:
    """The possessive form of `source` where this Python's `re` gets it right, else the plain
    one (the same matches, slower on long runs). Possessive repeats came in 3.11 and were
    wrong for repeated groups until a later 3.11 release: Debian 12 ships 3.11.2."""
    plain = re.compile(source)
    if sys.version_info < (3, 11, 7):
        return plain
    fast = re.compile(re.sub(r"(?<=[+*])(?=[^?+*]|$)", "+", source))
    for probe in _PROBES:
        if [m.span() for m in fast.finditer(probe)] != [m.span() for m in plain.finditer(probe)]:
            return plain
    return fast


TOKEN = _compiled(_TOKEN_SOURCE)
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_WORD = _compiled(_WORD_SOURCE)

#: Longer runs are noise (URLs, base64): their terms are cut to this length.
MAX_WORD_LENGTH = 60

#: The memo is bounded so that a pathological corpus cannot eat memory.
_MEMO_LIMIT = 500_000
_memo: dict[str, str] = {}


def fold(text: str) -> str:
    """Lowercase and strip accents: "Pérez" -> "perez", "Ḫorāsān" -> "horasan"."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _compute(word: str) -> str:
    folded = fold(word)[:MAX_WORD_LENGTH]
    # The Porter stemmer is meant for words; numbers and dotted forms pass.
    if folded.isalpha():
        return porter_stem(folded)
    return folded


def normalise(word: str) -> str:
    """The index term for one word as written (memoised)."""
    term = _memo.get(word)
    if term is None:
        term = _compute(word)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[word] = term
    return term


def compound_term(compound: str) -> str:
    """The extra term a hyphenated compound indexes: its parts joined ("IS-K" -> "isk")."""
    return normalise(_HYPHEN.sub("", compound))


def _parts(raw: str, start: int) -> Iterator[tuple[str, int, int]]:
    for part in _HYPHEN.split(raw):
        yield part, start, start + len(part)
        start += len(part) + 1


def positions_of(text: str) -> dict[str, list[int]]:
    """term -> its word positions in `text` (the reference for the bulk indexing path)."""
    words, compounds = split_words(text)
    get = _memo.get
    positions: dict[str, list[int]] = {}
    for pos, word in enumerate(words):
        term = get(word) or normalise(word)
        known = positions.get(term)
        if known is None:
            positions[term] = [pos]
        else:
            known.append(pos)
    for joined, pos, _last in compounds:
        term = normalise(joined)
        known = positions.get(term)
        if known is None:
            positions[term] = [pos]
        else:
            known.append(pos)
            known.sort()
    return positions


#: A word and, when a hyphen joins it to the next word, that hyphen: one
#: pass finds the words and the compounds (counting the words before each
#: compound with a second pattern made the compound pass 2 ms per article).
_WORD_LINK = _compiled(_WORD_LINK_SOURCE)


def split_words(text: str) -> tuple[list[str], list[tuple[str, int, int]]]:
    """The words of `text`, and each hyphenated compound as (its parts joined,
    the positions of its first and last part):
    "the IS-K" -> ["the", "IS", "K"], [("ISK", 1, 2)].

    One C-level `findall` finds both; `compound_term(compound)` is
    `normalise` of the joined parts.
    """
    pairs = _WORD_LINK.findall(text)
    words = [word for word, _ in pairs]
    linked = [i for i, (_, hyphen) in enumerate(pairs) if hyphen]
    compounds: list[tuple[str, int, int]] = []
    k = 0
    while k < len(linked):
        first = last = linked[k]
        k += 1
        while k < len(linked) and linked[k] == last + 1:
            last = linked[k]
            k += 1
        compounds.append(("".join(words[first : last + 2]), first, last + 1))
    return words, compounds


def iter_tokens(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """(term, start, end, is_compound) for each word and compound of `text`.

    Offsets are into `text`; a compound's joined term comes just before its
    parts and spans the whole compound.
    """
    for match in TOKEN.finditer(text):
        raw = match.group()
        if raw.isalnum():
            yield normalise(raw), match.start(), match.end(), False
            continue
        if _HYPHEN.search(raw):
            yield compound_term(raw), match.start(), match.end(), True
        for part, start, end in _parts(raw, match.start()):
            yield normalise(part), start, end, False


def iter_terms(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for each word of `text` (compounds split into words)."""
    for term, start, end, compound in iter_tokens(text):
        if not compound:
            yield term, start, end


class BriefAnalyzer(Tokenizer):
    """The Whoosh face of `normalise`: used by the query parser and schema.

    With `tokenize=False` (Whoosh asks for this for fuzzy terms) the whole
    value is one word, normalised the same way.
    """

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = normalise(value.strip())
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        # Compounds' joined terms are indexed, never searched for by a
        # parsed query: "IS-K" typed in a query stays the phrase "is k".
        with_compounds = mode == "index"
        pos = start_pos - 1
        for term, start, end, compound in iter_tokens(value):
            if compound and not with_compounds:
                continue
            if not compound:
                pos += 1
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos + 1 if compound else pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
