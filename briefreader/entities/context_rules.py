"""Context rules read from rules.toml: when a spelling means something else.

"Georgia" is also a US state, "Turkey" a bird, "Niger" a Nigerian state
and a river. Each `[[context]]` table in rules.toml gives one spelling and
the evidence that it is not the country here; the matcher asks only for the
spellings that have a rule (they carry a flag in the automaton), so running
text pays nothing for the others. Evidence is looked for in the mention's
clause: the text between the nearest ".", ";", "!", "?" or line break on
either side (a comma does not end a clause: "Atlanta, Georgia").

Fields of a `[[context]]` table (every one but `spelling` and `means` optional):

- `spelling`: the spelling as written ("Georgia"; its upper-case form too).
- `means`: what it is when a rule drops it ("the US state"), for readers.
- `next_words`: drop when the next word is one of these ("Turkey prices").
- `previous_words`: drop when the word before is one of these.
- `around`: regular expressions in which "@" stands for the mention; drop
  when one matches there: its part before "@" must end where the mention
  starts and its part after "@" begin where it ends ("@ and Sokoto states",
  "the @(?= at| near)").
- `near`: words or phrases; drop when the clause holds one ("governor",
  "Atlanta").
- `unless_near`: words or phrases that keep the mention whatever else the
  clause holds ("Tbilisi", "Ankara").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_CLAUSE_END = re.compile(r"[.;!?\n]")
_WINDOW = 300
_NEXT_WORD = re.compile(r"[^\w\n]{0,3}(\w[\w'’-]*)")
_PREVIOUS_WORD = re.compile(r"(\w[\w'’-]*)[^\w\n]{0,3}$")


class ContextRuleError(ValueError):
    """A `[[context]]` table that cannot be read."""


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    # Longest first (the alternation takes the first that fits), then by text: a
    # set's order changes per process, and the pattern is part of the cache key.
    words = sorted(set(words), key=lambda word: (-len(word), word))
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


@dataclass(frozen=True, slots=True)
class ContextRule:
    """One spelling and the evidence that it is not the entity (module doc)."""

    spelling: str
    means: str
    next_words: frozenset[str] = frozenset()
    previous_words: frozenset[str] = frozenset()
    #: (before the mention, after it) for each `around` pattern.
    around: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...] = ()
    near: re.Pattern[str] | None = None
    unless_near: re.Pattern[str] | None = None

    def drops(self, text: str, start: int, end: int) -> bool:
        """Whether the mention `text[start:end]` is not the entity here."""
        first, last = clause(text, start, end)
        if self.unless_near is not None and self.unless_near.search(text, first, last):
            return False
        if self.next_words:
            word = _NEXT_WORD.match(text, end, end + 40)
            if word is not None and word[1].lower() in self.next_words:
                return True
        if self.previous_words:
            word = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
            if word is not None and word[1].lower() in self.previous_words:
                return True
        for before, after in self.around:
            if (before is None or before.search(text, max(0, start - 120), start)) and (
                after is None or after.match(text, end, end + 120)
            ):
                return True
        return self.near is not None and self.near.search(text, first, last) is not None


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around `text[start:end]` (see the module doc)."""
    low = max(0, start - _WINDOW)
    first = low
    for found in _CLAUSE_END.finditer(text, low, start):
        first = found.end()
    stop = _CLAUSE_END.search(text, end, end + _WINDOW)
    return first, stop.start() if stop else min(len(text), end + _WINDOW)


_FIELDS = frozenset(
    {"spelling", "means", "next_words", "previous_words", "around", "near", "unless_near"}
)


def _strings(entry: Mapping[str, Any], key: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContextRuleError(f"context.{key} must be a list of strings")
    return value


def _around(pattern: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    if pattern.count("@") != 1:
        raise ContextRuleError(f"context.around: {pattern!r} needs one @ for the mention")
    before, after = pattern.split("@")
    try:
        return (
            re.compile(f"(?:{before})$") if before else None,
            re.compile(after) if after else None,
        )
    except re.error as error:
        raise ContextRuleError(f"context.around: {pattern!r}: {error}") from error


def context_rule(entry: Any) -> ContextRule:
    """A `[[context]]` table read into a rule."""
    if not isinstance(entry, Mapping):
        raise ContextRuleError("context entries must be tables")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ContextRuleError(f"context: unknown fields {sorted(unknown)}")
    spelling, means = entry.get("spelling"), entry.get("means")
    if not isinstance(spelling, str) or not spelling.strip() or not isinstance(means, str):
        raise ContextRuleError("context entries need a spelling and what it means")
    return ContextRule(
        spelling=spelling.strip(),
        means=means,
        next_words=frozenset(w.lower() for w in _strings(entry, "next_words")),
        previous_words=frozenset(w.lower() for w in _strings(entry, "previous_words")),
        around=tuple(_around(p) for p in _strings(entry, "around")),
        near=_words_pattern(_strings(entry, "near")),
        unless_near=_words_pattern(_strings(entry, "unless_near")),
    )


@dataclass(frozen=True, slots=True)
class MatchRules:
    """The rules of rules.toml beyond spellings and negative phrases.

    - `context`: the `[[context]]` rules, one per spelling.
    - `qualified`: (group, country, designated group): the group's name right
      after the country's name or demonym designates another group, and both
      stay mentions ("Pakistani Taliban": Pakistan, and the Taliban given to
      Tehrik-i-Taliban Pakistan). From the `[qualified.GROUP]` tables.
    - `ethnic`: demonyms that also name peoples living across borders
      ("Uzbek", "Tajik"): right after another country's name or demonym they
      name the people, not the country ("Afghan Uzbeks"). After "ethnic"
      every demonym does (document.py).
    """

    context: tuple[ContextRule, ...] = ()
    qualified: tuple[tuple[str, str, str], ...] = ()
    ethnic: frozenset[str] = frozenset()

    def merged(self, other: MatchRules) -> MatchRules:
        """These rules with `other`'s added (an analyst's rules after the bundled ones)."""
        return MatchRules(
            context=self.context + other.context,
            qualified=tuple(dict.fromkeys(self.qualified + other.qualified)),
            ethnic=self.ethnic | other.ethnic,
        )


def match_rules(data: Mapping[str, Any]) -> MatchRules:
    """The rules one TOML file gives (`[[context]]`, `[qualified.X]`, `ethnic_demonyms`)."""
    entries = data.get("context", [])
    if not isinstance(entries, list):
        raise ContextRuleError("`context` must be a list of [[context]] tables")
    qualified = data.get("qualified", {})
    if not isinstance(qualified, Mapping):
        raise ContextRuleError("`qualified` must be a table of [qualified.GROUP] tables")
    triples = []
    for group, by_country in qualified.items():
        if not isinstance(by_country, Mapping) or not all(
            isinstance(v, str) for v in by_country.values()
        ):
            raise ContextRuleError(f"qualified.{group} must map countries to groups")
        triples.extend((group, country, target) for country, target in by_country.items())
    ethnic = data.get("ethnic_demonyms", [])
    if not isinstance(ethnic, list) or not all(isinstance(v, str) for v in ethnic):
        raise ContextRuleError("ethnic_demonyms must be a list of strings")
    return MatchRules(
        context=tuple(context_rule(entry) for entry in entries),
        qualified=tuple(triples),
        ethnic=frozenset(ethnic),
    )
