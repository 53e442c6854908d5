"""Mentions decided by their neighbours, after the scan (rules.toml gives the data).

- **Ethnic adjectives** (`after_ethnic`, `names_a_people`): after "ethnic" a demonym names a
  people, not a country, as does every demonym coordinated with it ("ethnic
  Uzbek and Tajik commanders"). The demonyms rules.toml lists as peoples
  living across borders ("Uzbek", "Tajik") also name the people right after
  another country's name or demonym and a space ("Afghan Uzbeks"; but "the
  Kyrgyz-Tajik border" names two states). Anywhere else they are the country
  ("Uzbek diplomats", "the Tajik government").
- **People named again** (`_People.named_again`): once a text has used a
  guarded country name as a person's name ("Michael Jordan", "Chad Smith"),
  the same bare name opening a clause and followed by a verb of saying or by
  "who" is that person ("Jordan said", "Chad, who"), not the country (but
  "King Abdullah of Jordan said" is).

The scan notes the mentions these passes look at (the matcher's NOTED
flags), and "ethnic" is found by a string search at C speed, so a text
without candidates pays next to nothing. (Qualified names, "Pakistani
Taliban", are keys of their own that the matcher splits: keys.py, SPLIT.)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from operator import attrgetter

from briefreader.domain import Mention
from briefreader.entities.context import looks_like_person
from briefreader.entities.document import SHORT
from briefreader.entities.gazetteer import Entity, Gazetteer
from briefreader.entities.match_text import fold_key

_START = attrgetter("start")
#: What may join coordinated demonyms after "ethnic".
_COORDINATION = re.compile(r"^(?:,? (?:and|or) |, |/|-| )$")
_ETHNIC = re.compile(r"thnic[ \t\u00a0]+")
#: Words that make a bare guarded name the person again ("Jordan said").
PERSON_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "wrote",
        "writes",
        "argued",
        "recalled",
        "explained",
        "insisted",
        "replied",
        "noted",
        "warned",
        "acknowledged",
        "admitted",
        "asked",
        "who",
        "whose",
    ]
)
_NEXT_WORD = re.compile(r"[ ,\u00a0]{1,2}(\w+)")


def names_a_people(
    mentions: list[Mention], index: int, text: str, ethnic: Mapping[str, Collection[str]]
) -> bool:
    """An ethnic demonym right after another country's name: "Afghan Uzbeks"."""
    mention = mentions[index]
    names = ethnic.get(mention.canonical)
    if not names or not index or mention.surface.casefold() not in names:
        return False
    before = mentions[index - 1]
    # "Afghan Uzbeks", but "the Kyrgyz-Tajik border" names two states
    return before.kind == "country" and text[before.end : mention.start] in (" ", "\u00a0")


def after_ethnic(mentions: list[Mention], text: str, demonyms: Collection[str]) -> set[int]:
    """Indexes of the demonyms after "ethnic", with those coordinated with them."""
    dropped: set[int] = set()
    starts: list[int] | None = None
    for found in _ETHNIC.finditer(text):
        if found.start() == 0 or text[found.start() - 1] not in "eE":
            continue
        if starts is None:
            starts = list(map(_START, mentions))
        index = bisect_left(starts, found.end())
        position = found.end()
        while index < len(mentions):
            mention = mentions[index]
            if mention.kind != "country" or mention.surface.casefold() not in demonyms:
                break
            if mention.start != position and not _COORDINATION.match(
                text[position : mention.start]
            ):
                break
            dropped.add(index)
            position = mention.end
            index += 1
    return dropped


class _People:
    """`named_again` for one text: remembers where each name was first a person."""

    def __init__(self, text: str, names: Mapping[str, frozenset[str]]) -> None:
        self.text = text
        self.names = names
        self.first_person: dict[str, int] = {}

    def named_again(self, mention: Mention) -> bool:
        """A guarded name used again for the person it named (module doc)."""
        names = self.names.get(mention.canonical)
        name = fold_key(mention.surface).casefold()
        if not names or name not in names:
            return False
        if name not in self.first_person:
            self.first_person[name] = _first_person_use(self.text, mention.surface)
        if self.first_person[name] >= mention.start:
            return False
        word = _NEXT_WORD.match(self.text, mention.end, mention.end + 20)
        return word is not None and word[1] in PERSON_VERBS and _subject(self.text, mention.start)


_SUBJECT_BEFORE = re.compile(r"(?:^|[.;:!?\"“‘(]|\b(?:and|but|while|as|when))\s*$")


def _subject(text: str, start: int) -> bool:
    """Whether the name at `start` opens a clause ("Jordan said", "; Jordan said"),
    as a person's surname does, not "King Abdullah of Jordan said"."""
    return _SUBJECT_BEFORE.search(text, max(0, start - 12), start) is not None


def _first_person_use(text: str, surface: str) -> int:
    """Where `surface` is first used as a person's name in `text` (len(text) if never)."""
    found = text.find(surface)
    while found >= 0:
        end = found + len(surface)
        bounded = (found == 0 or not text[found - 1].isalnum()) and not text[
            end : end + 1
        ].isalnum()
        if bounded and looks_like_person(text, found, end):
            return found
        found = text.find(surface, end)
    return len(text)


@dataclass(frozen=True, slots=True)
class Neighbours:
    """What the passes of neighbours.py need, worked out once per gazetteer."""

    demonyms: frozenset[str]
    ethnic: dict[str, frozenset[str]]
    people: dict[str, frozenset[str]]

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> Neighbours:
        countries = gazetteer.of_kind("country")
        ethnic = {s.casefold() for s in gazetteer.rules.ethnic}
        by_country = {
            e.canonical: frozenset(d.casefold() for d in e.demonyms) & ethnic for e in countries
        }
        acronyms = {a for e in countries for a in e.acronyms}
        people = {
            e.canonical: frozenset(fold_key(g).casefold() for g in e.guarded if g not in acronyms)
            for e in countries
        }
        return cls(
            demonyms=frozenset(d.casefold() for e in countries for d in e.demonyms),
            ethnic={c: names for c, names in by_country.items() if names},
            people={c: names for c, names in people.items() if names},
        )

    def spellings(self, entity: Entity) -> frozenset[str]:
        """The spellings of `entity` the passes look at again (matcher.NEIGHBOUR)."""
        ethnic = self.ethnic.get(entity.canonical)
        if ethnic:
            return frozenset(d for d in entity.demonyms if d.casefold() in ethnic)
        return frozenset()

    def apply(
        self, mentions: list[Mention], text: str, noted: list[int]
    ) -> tuple[list[Mention], bool]:
        """The mentions after these passes, and whether a short form awaits resolution.

        `noted` holds the starts of the mentions the scan noted for a second
        look (ethnic demonyms, guarded names, short forms).
        """
        dropped = after_ethnic(mentions, text, self.demonyms) if mentions else set()
        short = False
        if noted:
            starts = list(map(_START, mentions))
            people = _People(text, self.people)
            for start in sorted(noted):
                index = bisect_left(starts, start)
                mention = mentions[index]
                if mention.canonical.startswith(SHORT):
                    short = True
                elif names_a_people(mentions, index, text, self.ethnic) or people.named_again(
                    mention
                ):
                    dropped.add(index)
        if not dropped:
            return mentions, short
        return [m for i, m in enumerate(mentions) if i not in dropped], short
