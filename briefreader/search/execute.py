"""Running a parsed query over the segments with numpy: every match, scored, at once.

Whoosh evaluates a query one posting at a time in Python (a matcher call per
document for `id()`, `next()`, `score()`), so a query's cost grows with the
postings it touches: at 100,000 articles, where "taliban" is in most of
them, an AND or a phrase query took seconds. Here each query node becomes,
per segment, a mask of matching documents and an array of scores:

- a term reads its posting list as arrays (`blocks.read_term`, cached in
  `segdata.PostingsCache`) and scores every posting at once with Whoosh's
  BM25F formula, boosts and IDF, so rankings stay what Whoosh computed;
- And, Or, Not, AndNot, AndMaybe and Require combine masks and add scores as
  Whoosh's matchers do;
- a phrase, and a proximity query ("a b"~3), joins the words' positions as
  sorted (document, position) keys with `np.searchsorted`, instead of
  checking candidate documents one by one;
- wildcards, prefixes, fuzzy terms and ranges expand to their index terms
  first (`MultiTerm._btexts`), as Whoosh does;
- any other query type runs through Whoosh's own matcher for that node.

The total number of matches falls out of the masks, so it is always exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from math import log
from typing import Any, Final

import numpy as np
from whoosh import query as wq

from briefreader.search.segdata import SegmentData

#: Whoosh's BM25F defaults.
K1: Final = 1.2
B: Final = 0.75
#: A wildcard or fuzzy term expands to at most this many index terms.
MAX_EXPANSION: Final = 4096

Match = tuple[np.ndarray, np.ndarray]  # (bool mask, float32 scores) over one segment


@dataclass(frozen=True)
class Ranked:
    """The best `limit` matches (global document numbers, best first) and the total."""

    top: tuple[tuple[int, float], ...]
    total: int


class Executor:
    """Evaluates query trees over one Whoosh searcher's segments."""

    def __init__(self, searcher: Any, segments: Sequence[SegmentData]) -> None:
        self._searcher = searcher
        self._segments = segments
        self._schema = searcher.schema
        self._doc_count_all = searcher.doc_count_all()
        self._idf: dict[tuple[str, bytes], float] = {}
        self._avgfl: dict[str, float] = {}
        self._expanded: dict[int, list[bytes]] = {}

    # -- public --------------------------------------------------------------
    def rank(self, q: wq.Query, limit: int | None) -> Ranked:
        ids: list[np.ndarray] = []
        scores: list[np.ndarray] = []
        for seg in self._segments:
            mask, score = self._eval(q, seg)
            local = np.flatnonzero(mask & seg.live)
            ids.append(local.astype(np.int64) + seg.offset)
            scores.append(score[local])
        all_ids = np.concatenate(ids) if ids else np.empty(0, np.int64)
        all_scores = np.concatenate(scores) if scores else np.empty(0, np.float32)
        total = len(all_ids)
        if limit is not None and total > limit:
            keep = np.argpartition(-all_scores, limit - 1)[:limit]
            all_ids, all_scores = all_ids[keep], all_scores[keep]
        order = np.lexsort((all_ids, -all_scores))
        top = tuple(
            (int(i), float(s)) for i, s in zip(all_ids[order], all_scores[order], strict=True)
        )
        return Ranked(top, total)

    def masks(self, q: wq.Query) -> Iterator[tuple[SegmentData, np.ndarray]]:
        """Per segment, the mask of its live documents matching `q`."""
        for seg in self._segments:
            mask, _ = self._eval(q, seg)
            yield seg, mask & seg.live

    def docnums(self, q: wq.Query) -> np.ndarray:
        """Every matching (live) document's global number, ascending."""
        parts = []
        for seg in self._segments:
            mask, _ = self._eval(q, seg)
            parts.append(np.flatnonzero(mask & seg.live).astype(np.int64) + seg.offset)
        return np.concatenate(parts) if parts else np.empty(0, np.int64)

    # -- nodes ---------------------------------------------------------------
    def _eval(self, q: wq.Query, seg: SegmentData) -> Match:
        handler = _HANDLERS.get(type(q))
        if handler is not None:
            return handler(self, q, seg)
        if isinstance(q, wq.MultiTerm):
            return self._multiterm(q, seg)
        if isinstance(q, wq.Or):  # DefaultOr, PreloadedOr...
            return self._or(q, seg)
        if isinstance(q, wq.And):
            return self._and(q, seg)
        return self._whoosh(q, seg)

    def _empty(self, seg: SegmentData) -> Match:
        return np.zeros(seg.size, bool), np.zeros(seg.size, np.float32)

    def _term(self, q: wq.Term, seg: SegmentData) -> Match:
        return self._term_bytes(q.fieldname, self._to_bytes(q.fieldname, q.text), q.boost, seg)

    def _term_bytes(
        self, fieldname: str, tbytes: bytes | None, boost: float, seg: SegmentData
    ) -> Match:
        mask, scores = self._empty(seg)
        if tbytes is None:
            return mask, scores
        postings = seg.term(fieldname, tbytes)
        if postings is None or not len(postings):
            return mask, scores
        ids = postings.ids
        mask[ids] = True
        scores[ids] = self._score(fieldname, tbytes, postings.weights, ids, seg) * boost
        return mask, scores

    def _score(
        self, fieldname: str, tbytes: bytes, weights: np.ndarray, ids: np.ndarray, seg: SegmentData
    ) -> np.ndarray:
        field = self._schema[fieldname]
        if not field.scorable:
            return weights  # Whoosh's WeightScorer
        idf = self._idf_of(fieldname, tbytes)
        avgfl = self._avgfl_of(fieldname)
        lengths = seg.lengths(fieldname)[ids]
        return idf * (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avgfl))

    def _idf_of(self, fieldname: str, tbytes: bytes) -> float:
        key = (fieldname, tbytes)
        found = self._idf.get(key)
        if found is None:
            df = self._searcher.doc_frequency(fieldname, tbytes)
            found = self._idf[key] = log(self._doc_count_all / (df + 1)) + 1
        return found

    def _avgfl_of(self, fieldname: str) -> float:
        found = self._avgfl.get(fieldname)
        if found is None:
            found = self._avgfl[fieldname] = self._searcher.avg_field_length(fieldname) or 1.0
        return found

    def _to_bytes(self, fieldname: str, text: Any) -> bytes | None:
        if fieldname not in self._schema:
            return None
        if isinstance(text, bytes):
            return text
        try:
            return self._schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def _and(self, q: wq.And, seg: SegmentData) -> Match:
        if not q.subqueries:
            return self._empty(seg)
        mask = np.ones(seg.size, bool)
        scores = np.zeros(seg.size, np.float32)
        for sub in q.subqueries:
            sub_mask, sub_scores = self._eval(sub, seg)
            mask &= sub_mask
            scores += sub_scores
        scores *= mask
        return mask, scores * q.boost if q.boost != 1.0 else scores

    def _or(self, q: wq.Or, seg: SegmentData) -> Match:
        mask = np.zeros(seg.size, bool)
        scores = np.zeros(seg.size, np.float32)
        hits = np.zeros(seg.size, np.int32) if q.minmatch else None
        for sub in q.subqueries:
            sub_mask, sub_scores = self._eval(sub, seg)
            mask |= sub_mask
            scores += sub_scores
            if hits is not None:
                hits += sub_mask
        if hits is not None:
            mask &= hits >= q.minmatch
            scores *= mask
        return mask, scores * q.boost if q.boost != 1.0 else scores

    def _not(self, q: wq.Not, seg: SegmentData) -> Match:
        sub_mask, _ = self._eval(q.query, seg)
        mask = ~sub_mask & seg.live
        return mask, mask.astype(np.float32)  # Whoosh's InverseMatcher scores 1.0

    def _and_not(self, q: wq.AndNot, seg: SegmentData) -> Match:
        mask, scores = self._eval(q.a, seg)
        neg, _ = self._eval(q.b, seg)
        mask = mask & ~neg
        return mask, scores * mask

    def _and_maybe(self, q: wq.AndMaybe, seg: SegmentData) -> Match:
        mask, scores = self._eval(q.a, seg)
        _, extra = self._eval(q.b, seg)
        return mask, (scores + extra) * mask

    def _require(self, q: wq.Require, seg: SegmentData) -> Match:
        mask, scores = self._eval(q.a, seg)
        required, _ = self._eval(q.b, seg)
        mask = mask & required
        return mask, scores * mask

    def _every(self, q: wq.Every, seg: SegmentData) -> Match:
        return seg.live.copy(), np.full(seg.size, q.boost, np.float32)

    def _null(self, _q: Any, seg: SegmentData) -> Match:
        return self._empty(seg)

    def _multiterm(self, q: wq.MultiTerm, seg: SegmentData) -> Match:
        fieldname = q.field()
        btexts = self._expanded.get(id(q))
        if btexts is None:
            btexts = []
            if fieldname in self._schema:
                for text in q._btexts(self._searcher.reader()):
                    btext = self._to_bytes(fieldname, text)  # FuzzyTerm gives str
                    if btext:
                        btexts.append(btext)
                        if len(btexts) >= MAX_EXPANSION:
                            break
            self._expanded[id(q)] = btexts
        mask, scores = self._empty(seg)
        for btext in btexts:
            sub_mask, sub_scores = self._term_bytes(fieldname, btext, 1.0, seg)
            mask |= sub_mask
            scores += sub_scores
        # Whoosh's `constantscore` has no effect (its matcher falls back to
        # BM25): the expanded terms' scores add up, times the query's boost.
        return mask, scores * q.boost if q.boost != 1.0 else scores

    def _phrase(self, q: wq.Phrase, seg: SegmentData) -> Match:
        from briefreader.search.phrases import phrase_docs

        mask, scores = self._empty(seg)
        fieldname = q.fieldname
        if fieldname not in self._schema or not q.words:
            return mask, scores
        if not self._schema[fieldname].format.supports("positions"):
            return self._whoosh(q, seg)  # Whoosh raises its own "no positions" error
        words = [self._to_bytes(fieldname, w) for w in q.words]
        if any(w is None for w in words):
            return mask, scores
        postings = [seg.term(fieldname, w, positions=True) for w in words if w is not None]
        if any(p is None or not len(p) for p in postings):
            return mask, scores
        found = phrase_docs([p for p in postings if p is not None], max(1, q.slop))
        if not len(found):
            return mask, scores
        mask[found] = True
        # Whoosh scores a phrase as the sum of its words' scores.
        for word, posting in zip(words, postings, strict=True):
            assert word is not None and posting is not None
            inside = np.isin(posting.ids, found, assume_unique=True)
            ids = posting.ids[inside]
            scores[ids] += self._score(fieldname, word, posting.weights[inside], ids, seg)
        return mask, scores * q.boost if q.boost != 1.0 else scores

    def _whoosh(self, q: wq.Query, seg: SegmentData) -> Match:
        """Any other node: Whoosh's own matcher over this segment."""
        mask, scores = self._empty(seg)
        for sub, offset in self._searcher.leaf_searchers():
            if offset == seg.offset:
                matcher = q.matcher(sub, sub.context())
                while matcher.is_active():
                    docnum = matcher.id()
                    mask[docnum] = True
                    scores[docnum] = matcher.score()
                    matcher.next()
                break
        return mask, scores


_HANDLERS: Final[dict[type, Callable[[Executor, Any, SegmentData], Match]]] = {
    wq.Term: Executor._term,
    wq.And: Executor._and,
    wq.Or: Executor._or,
    wq.Not: Executor._not,
    wq.AndNot: Executor._and_not,
    wq.AndMaybe: Executor._and_maybe,
    wq.Require: Executor._require,
    wq.Every: Executor._every,
    wq.Phrase: Executor._phrase,
    type(wq.NullQuery): Executor._null,
}
