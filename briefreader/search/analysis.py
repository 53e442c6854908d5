"""Text analysis for the index: one tokenizer, one normalisation, three paths.

A term is `stem(fold(lower(word)))` for each word the `TOKEN` pattern finds in
the original text. The same function serves

- indexing (`FastPositions.word_values`): the bulk path, run ~13 million times
  for a full build of the benchmark corpus. Whoosh's stock chain makes a
  `Token` object per word and runs four filters on it; here a word costs one
  C-level `findall` step and one dict lookup in a memo of normalised forms.
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

import pickle
import re
import unicodedata
from collections.abc import Iterator
from itertools import accumulate, pairwise
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions
from whoosh.lang.porter import stem as porter_stem
from whoosh.system import _INT_SIZE, pack_uint

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
#: from retrying every shorter run. `_COMPOUND` also only starts where no
#: word character precedes, where every compound starts anyway. Together
#: they made the compound pass over the benchmark corpus five times faster.
TOKEN = re.compile(r"\w++(?:\.\w++)*+(?:[-\u2010\u2011]\w++(?:\.\w++)*+)*+")
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_WORD = re.compile(r"\w++(?:\.\w++)*+")
_COMPOUND = re.compile(r"(?<!\w)\w++(?:\.\w++)*+(?:[-\u2010\u2011]\w++(?:\.\w++)*+)++")

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
    """term -> its word positions in `text` (the bulk indexing path).

    Words are found with one C-level `findall` and normalised through the
    memo; compounds, a handful per article, are found in a second pass and
    placed by counting the words between them.
    """
    get = _memo.get
    terms = [get(word) or normalise(word) for word in _WORD.findall(text)]
    positions: dict[str, list[int]] = {}
    for pos, term in enumerate(terms):
        known = positions.get(term)
        if known is None:
            positions[term] = [pos]
        else:
            known.append(pos)
    if "-" in text or "\u2010" in text or "\u2011" in text:
        pos = done = 0  # words before `done`, the end of the last compound
        for match in _COMPOUND.finditer(text):
            pos += len(_WORD.findall(text, done, match.start()))
            done = match.end()
            term = compound_term(match.group())
            known = positions.get(term)
            if known is None:
                positions[term] = [pos]
            else:
                known.append(pos)
                known.sort()
            pos += len(_WORD.findall(match.group()))
    return positions


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


_SINGLE_POSITION: dict[int, bytes] = {}


class FastPositions(Positions):
    """Whoosh's `Positions` format with a bulk path for `BriefAnalyzer`.

    The postings it writes are byte-for-byte what `Positions` writes, so
    every Whoosh reader, phrase and proximity query works unchanged.
    """

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, BriefAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        positions = positions_of(value)
        boost = self.field_boost
        encode = self.encode
        for term, poslist in positions.items():
            yield term, len(poslist), len(poslist) * boost, encode(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        # Whoosh's own decoder sums the deltas in a Python loop; phrase and
        # proximity queries call this for every candidate document.
        if not valuestring.endswith(b"."):
            valuestring += b"."
        return list(accumulate(pickle.loads(valuestring[_INT_SIZE:])))

    def encode(self, poslist: list[int]) -> bytes:
        if len(poslist) == 1:
            # Most terms occur once in a document: their encodings repeat.
            cached = _SINGLE_POSITION.get(poslist[0])
            if cached is None:
                cached = _SINGLE_POSITION[poslist[0]] = super().encode(poslist)
            return cached
        deltas = [poslist[0]]
        deltas.extend([b - a for a, b in pairwise(poslist)])
        return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)
