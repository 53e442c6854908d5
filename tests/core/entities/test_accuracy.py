"""Precision, recall and F1 per kind against the annotated test set.

The first bar was F1 >= 0.97 for groups and for countries, both on the
hand-written texts alone (the hard cases and articles in the style of the
hidden set) and on everything together (with the reviewed seed annotations).
Issue #13 raised it to 0.985 and added a blind set (gold/blind, written
before #13's rules and never tuned to) and the tuning set it was written
with (gold/dev): both are scored here, and the figures are printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from briefreader.entities import find_mentions
from tests.core.entities.goldset import (
    Sample,
    all_samples,
    blind_samples,
    dev_samples,
    marked_samples,
    parse_marked,
)

BAR = 0.985


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(samples: Iterable[Sample]) -> tuple[dict[str, Score], list[str]]:
    """Exact-match scoring: a mention counts only with the same span, kind and canonical."""
    scores = {"group": Score(), "country": Score()}
    errors: list[str] = []
    for sample in samples:
        found = {(m.start, m.end, m.kind, m.canonical) for m in find_mentions(sample.text)}
        for item in found & sample.gold:
            scores[item[2]].true_positive += 1
        for item in found - sample.gold:
            scores[item[2]].false_positive += 1
            errors.append(f"FP {sample.name}: {sample.text[item[0] : item[1]]!r} -> {item[3]}")
        for item in sample.gold - found:
            scores[item[2]].false_negative += 1
            errors.append(f"FN {sample.name}: {sample.text[item[0] : item[1]]!r} -> {item[3]}")
    return scores, errors


def report(title: str, scores: dict[str, Score]) -> str:
    lines = [title]
    for kind, s in scores.items():
        lines.append(
            f"  {kind:8} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"(tp={s.true_positive} fp={s.false_positive} fn={s.false_negative})"
        )
    return "\n".join(lines)


def test_scoring_is_exact_and_can_fail() -> None:
    text, gold = parse_marked("[[Pakistani|c:Pakistan]] and [[Iran|c:Iran]] talks")
    sample = Sample("probe", text, frozenset(gold))
    scores, _ = score([sample])
    assert scores["country"].f1 == 1.0
    wrong = Sample("probe", text, frozenset({(0, 9, "country", "India")}))
    scores, errors = score([wrong])
    assert scores["country"].true_positive == 0
    assert scores["country"].f1 == 0.0
    assert any(e.startswith("FN") for e in errors) and any(e.startswith("FP") for e in errors)


def test_gold_set_is_substantial() -> None:
    samples = all_samples()
    by_kind = {"group": 0, "country": 0}
    for sample in samples:
        for item in sample.gold:
            by_kind[item[2]] += 1
    assert by_kind["group"] >= 500 and by_kind["country"] >= 500
    hand = {"group": 0, "country": 0}
    for sample in marked_samples():
        for item in sample.gold:
            hand[item[2]] += 1
    assert hand["group"] >= 150 and hand["country"] >= 150


@pytest.mark.parametrize("subset", ["hand-written", "all"])
def test_f1_per_kind_meets_the_bar(subset: str) -> None:
    samples = marked_samples() if subset == "hand-written" else all_samples()
    scores, errors = score(samples)
    summary = report(subset, scores) + "\n" + "\n".join(errors[:40])
    for kind, s in scores.items():
        assert s.f1 >= BAR, f"{kind} below the bar\n{summary}"


@pytest.mark.parametrize("subset", ["blind", "dev"])
def test_the_issue_13_sets_meet_the_bar(subset: str, capsys: pytest.CaptureFixture[str]) -> None:
    samples = blind_samples() if subset == "blind" else dev_samples()
    scores, errors = score(samples)
    summary = report(f"{subset} set", scores)
    with capsys.disabled():
        print("\n" + summary)
    for kind, s in scores.items():
        assert s.f1 >= BAR, f"{kind} below the bar\n{summary}\n" + "\n".join(errors)
