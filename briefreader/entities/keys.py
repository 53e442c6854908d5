"""The keys the matcher compiles: every spelling, with its entity and flags.

Each gazetteer name gives several keys (its case, apostrophe and spaced-dash
variants, normalise.py; its Arabic prefixes or Russian cases, scripts.py), in
the matcher's form of a text (match_text.py). Each key carries the entity it
names and flags that tell the matcher what to check before emitting a match
and which mentions the passes after the scan look at again.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefreader.entities.document import short_form_mark, split_short_form
from briefreader.entities.gazetteer import Entity, Gazetteer
from briefreader.entities.match_text import fold_key, match_key
from briefreader.entities.neighbours import Neighbours
from briefreader.entities.normalise import keys_for
from briefreader.entities.scripts import script_variants

# Flags stored with each key; 0 means "emit without further checks".
NEGATIVE = 1
GUARD_PERSON = 2
GUARD_CAPITALS = 4
#: The spelling ends in punctuation the key leaves out ("U.S."): take it
#: into the span where the text has it.
TRAILING = 8
#: A short form ("Lashkar"): resolved against the document (document.py).
SHORT_FORM = 16
#: A spelling with a context rule ("Georgia", "Turkey"; context_rules.py).
CONTEXT = 32
#: A spelling a pass of neighbours.py looks at again ("Uzbeks" in "Afghan Uzbeks").
NEIGHBOUR = 64
#: Mentions of keys with these flags are noted for the passes after the scan.
NOTED = SHORT_FORM | GUARD_PERSON | NEIGHBOUR
#: A qualified name ("Pakistani Taliban"): two mentions, the country's word
#: and the group it designates (rules.toml, [qualified]); the key's last field
#: holds the country instead of trailing punctuation.
SPLIT = 128

#: (length of the mention at the key's end: the key's without its sentinel or a
#: joined Arabic prefix; kind, canonical, flags, trailing punctuation, or the
#: country of a SPLIT key)
Value = tuple[int, str, str, int, str]


#: (spelling, kind, canonical, flags, length of a joined prefix the span leaves
#: out, the country of a SPLIT key)
_Spelling = tuple[str, str, str, int, int, str]


def _spellings(gazetteer: Gazetteer) -> Iterable[_Spelling]:
    """Every spelling the matcher needs a key for (see `_Spelling`)."""
    contextual = frozenset(rule_key(r.spelling) for r in gazetteer.rules.context)
    neighbours = Neighbours.of(gazetteer)
    for entity in gazetteer.entities:
        yield from _entity_spellings(entity, contextual, neighbours.spellings(entity))
    for phrase in gazetteer.negatives:
        for spelling in keys_for(phrase, acronym=False):
            yield spelling, "country", "", NEGATIVE, 0, ""
    for (word, needs_the), candidates in _short_forms(gazetteer).items():
        for spelling in keys_for(word, acronym=False):
            mark = short_form_mark(candidates, needs_the)
            yield spelling, "group", mark, SHORT_FORM, 0, ""
    yield from _qualified_spellings(gazetteer)


def _qualified_spellings(gazetteer: Gazetteer) -> Iterable[_Spelling]:
    """ "Pakistani Taliban" and the like: one-word names of the country, a space,
    names of the group of at most two words (see SPLIT)."""
    for group, country, target in gazetteer.rules.qualified:
        qualifier = gazetteer.by_canonical(country)
        named = gazetteer.by_canonical(group)
        if qualifier is None or named is None:
            continue
        words = [w for w in (qualifier.canonical, *qualifier.aliases, *qualifier.demonyms)]
        names = [n for n in (named.canonical, *named.aliases) if n.count(" ") <= 1]
        for word in words:
            if not word.isalpha():
                continue
            for name in names:
                for spelling in keys_for(f"{word} {name}", acronym=False):
                    yield spelling, "group", target, SPLIT, 0, country


def _short_forms(gazetteer: Gazetteer) -> dict[tuple[str, bool], tuple[str, ...]]:
    """Each short form and every group that claims it, in gazetteer order."""
    out: dict[tuple[str, bool], list[str]] = {}
    for entity in gazetteer.entities:
        for short in entity.short_forms:
            out.setdefault(split_short_form(short), []).append(entity.canonical)
    return {short: tuple(groups) for short, groups in out.items()}


def rule_key(spelling: str) -> str:
    return fold_key(spelling).casefold()


def _entity_spellings(
    entity: Entity, contextual: frozenset[str], noted: frozenset[str]
) -> Iterable[_Spelling]:
    guarded = set(entity.guarded)
    kind, canonical = entity.kind, entity.canonical
    in_scripts = {name for _language, names in entity.scripts for name in names}
    for spellings, acronym in ((entity.names, False), (entity.acronyms, True)):
        for spelling in spellings:
            if spelling in in_scripts:
                continue  # below, with the forms of its language
            flags = 0
            if spelling in guarded:
                flags = GUARD_CAPITALS if acronym else GUARD_PERSON
            if contextual and rule_key(spelling) in contextual:
                flags |= CONTEXT
            if spelling in noted:
                flags |= NEIGHBOUR
            for variant in keys_for(spelling, acronym=acronym):
                yield variant, kind, canonical, flags, 0, ""
    for language, names in entity.scripts:
        for name in names:
            for form, prefix in script_variants(language, name):
                for variant in keys_for(form, acronym=False):
                    yield variant, kind, canonical, 0, prefix, ""


def compile_keys(gazetteer: Gazetteer) -> dict[str, Value]:
    """Each key with the entity it names; a name beats a negative phrase."""
    owners: dict[str, Value] = {}
    for spelling, kind, canonical, flags, prefix, country in _spellings(gazetteer):
        key, trailing = match_key(spelling)
        if not key:
            continue
        if flags & SPLIT:
            owners.setdefault(key, (len(key), kind, canonical, flags, country))
            continue
        previous = owners.get(key)
        if previous is not None and not previous[3] & NEGATIVE:
            if previous[2] == canonical and trailing and not previous[4]:
                # "U.S" and "U.S." are one key: keep the full stop for the span
                owners[key] = (*previous[:3], previous[3] | TRAILING, trailing)
            continue
        flags |= TRAILING if trailing else 0
        owners[key] = (len(key) - prefix, kind, canonical, flags, trailing)
    return owners
