"""From what the analyst typed to a Whoosh query, safely.

Three steps:

1. `_mark_entities` finds spellings of groups and countries in the raw text
   (bare words, a whole quoted phrase, or a `group:`/`country:`/text-field
   value) and swaps each for a placeholder word; `family:X` becomes the
   group X or any of its branches, fronts and affiliates. This has to happen before
   Whoosh parses, because the parser splits "Islamic State in Khorasan
   Province" into five unrelated terms and "ISIL-K" into a phrase.
2. Whoosh parses the rest (AND OR NOT, phrases, "a b"~3, wildcards, fuzzy~,
   fields).
3. `_rewrite` replaces each placeholder with the entity's expansion (see
   `aliases.py`) and resolves `group:`/`country:` values to the canonical
   key stored in those fields; a `date:` value becomes a range of days
   (`date_range.py`: `date:2021-08..2021-12`, `date:2021`).

Hostile input never escapes as an exception: anything Whoosh cannot handle
(`NOT NOT x` raises IndexError inside it; 1,000 nested parentheses exhaust
the recursion limit) falls back to searching the query's words as plain
terms, and says so in `ParsedQuery.notice`. Refused with `QueryError` are only
a query with no word at all and two slips Whoosh would take silently and
answer with nothing: a quote never closed (`"pine nuts`) and a field that does
not exist (`titl:china`, which suggests `title:`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Final

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser

from briefreader.search.aliases import AliasExpander, ResolvedEntity
from briefreader.search.analysis import TOKEN, fold, iter_terms
from briefreader.search.date_range import FIELD as DATE_FIELD
from briefreader.search.date_range import DateSpecError, date_query
from briefreader.search.schema import DEFAULT_FIELDS, ENTITY_FIELDS, FIELD_BOOSTS, entity_key

#: `family:NAME` finds a group with its branches, fronts and affiliates.
FAMILY_FIELD: Final = "family"
#: Longer queries are searched as plain words (their first MAX_WORDS).
MAX_QUERY_CHARS: Final = 1000
MAX_WORDS: Final = 64
#: Deeper nesting than this is not a query a person wrote.
MAX_DEPTH: Final = 32
#: A multi-word spelling is looked for among this many consecutive words.
MAX_ENTITY_WORDS: Final = 8
#: Wildcards need this many literal characters: "*" alone would expand to
#: every term in the index.
MIN_WILDCARD_LITERALS: Final = 2

_PLACEHOLDER = "qqbr{}qq"
_PLACEHOLDER_RE = re.compile(r"qqbr(\d+)qq")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
_SPECIAL = re.compile(r"[*?~^:\[\]{}+\\/<>=]|^-")
_TOKEN = re.compile(
    r"""(?P<field>(?P<fname>[A-Za-z_]+):(?:"(?P<fq>[^"]*)"|(?P<fw>[^\s()"]+)))
      | (?P<quote>"(?P<qtext>[^"]*)"(?P<slop>~\d*)?)
      | (?P<word>[^\s()"]+)
      | (?P<other>[()"]|\s+)""",
    re.VERBOSE,
)


#: The fields a query may name, as the help and the README list them.
QUERY_FIELDS: Final = (
    "title",
    "body",
    "publisher",
    "author",
    "group",
    "country",
    "family",
    "date",
)
_FIELD_NAME = re.compile(r"(?<![\w:/.])([A-Za-z_]+):(?!//)")


class QueryError(ValueError):
    """A query that cannot be searched; `str()` is a one-line message."""


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed, alias-expanded query.

    `notice` is empty unless the query was not used as written (it then
    says, in one line, what was searched instead).
    """

    text: str
    query: wq.Query
    entities: tuple[ResolvedEntity, ...] = ()
    notice: str = ""
    phrases: tuple[tuple[str, ...], ...] = field(default=(), repr=False)


def _parser(schema: Schema, fields: tuple[str, ...]) -> MultifieldParser:
    parser = MultifieldParser(list(fields), schema, fieldboosts=dict(FIELD_BOOSTS))
    parser.add_plugin(FuzzyTermPlugin())
    return parser


class QueryParser:
    """Parses queries against one schema and one gazetteer (reusable, cheap)."""

    def __init__(
        self,
        schema: Schema,
        expander: AliasExpander,
        default_fields: tuple[str, ...] = DEFAULT_FIELDS,
    ) -> None:
        """`default_fields` are searched by words that name no field (`title:x` does)."""
        self._schema = schema
        self._default_fields = default_fields
        self._parser = _parser(schema, default_fields)
        self._expander = expander
        self._entity_fields = set(ENTITY_FIELDS)
        self._text_fields = {
            name for name in schema.names() if name not in ENTITY_FIELDS and name != "stamp"
        }

    def parse(self, text: str) -> ParsedQuery:
        stripped = text.strip()
        if not any(ch.isalnum() for ch in stripped):
            raise QueryError("the query has no words to search for")
        if len(stripped) > MAX_QUERY_CHARS:
            return self._plain(stripped, f"query longer than {MAX_QUERY_CHARS} characters")
        if _depth(stripped) > MAX_DEPTH:
            return self._plain(stripped, "query nested too deeply")
        self._check_slips(stripped)
        marked, entities = self._mark_entities(stripped)
        try:
            parsed = self._parser.parse(marked)
            rewritten = self._rewrite(parsed, entities)
            _check(rewritten)
        except QueryError as error:
            return self._plain(stripped, str(error))
        except Exception as error:  # Whoosh's parser has many failure modes.
            return self._plain(stripped, f"query syntax not understood ({type(error).__name__})")
        if rewritten is wq.NullQuery:
            return self._plain(stripped, "query matched no searchable terms")
        return ParsedQuery(stripped, rewritten, tuple(entities.values()))

    def _check_slips(self, text: str) -> None:
        """Refuse, with a message saying what to type, what would silently find nothing."""
        if text.count('"') % 2:
            opened = text.rfind('"')
            after = " ".join(text[opened + 1 :].split()[:3])
            where = f" before “{after}”" if after else " at the end"
            raise QueryError(f'a quote (") opened{where} is never closed: add the closing "')
        known = set(QUERY_FIELDS) | self._text_fields | self._entity_fields
        for match in _FIELD_NAME.finditer(_without_phrases(text)):
            name = match.group(1)
            if name.lower() in known or name in _OPERATORS:
                continue
            close = difflib.get_close_matches(name.lower(), QUERY_FIELDS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}:? " if close else ""
            fields = " ".join(f"{f}:" for f in QUERY_FIELDS)
            raise QueryError(f"there is no field {name}: ({hint}fields: {fields})")

    # -- step 1 ------------------------------------------------------------
    def _mark_entities(self, text: str) -> tuple[str, dict[int, ResolvedEntity]]:
        entities: dict[int, ResolvedEntity] = {}

        def placeholder(entity: ResolvedEntity) -> str:
            entities[len(entities)] = entity
            return _PLACEHOLDER.format(len(entities) - 1)

        edits: list[tuple[int, int, str]] = []
        run: list[re.Match[str]] = []  # consecutive plain words

        def flush_run() -> None:
            i = 0
            while i < len(run):
                for j in range(min(len(run), i + MAX_ENTITY_WORDS), i, -1):
                    start, end = run[i].start(), run[j - 1].end()
                    entity = self._expander.resolve(text[start:end])
                    if entity is not None:
                        edits.append((start, end, placeholder(entity)))
                        i = j
                        break
                else:
                    i += 1
            run.clear()

        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            if kind == "word" and _plain_word(match.group()):
                run.append(match)
                continue
            if kind == "other" and match.group().isspace():
                continue
            flush_run()
            replacement = self._mark_token(match, placeholder)
            if replacement != match.group():
                edits.append((match.start(), match.end(), replacement))
        flush_run()
        out: list[str] = []
        pos = 0
        for start, end, replacement in sorted(edits):
            out.append(text[pos:start])
            out.append(replacement)
            pos = end
        out.append(text[pos:])
        return "".join(out), entities

    def _mark_token(self, match: re.Match[str], placeholder: object) -> str:
        assert callable(placeholder)
        kind = match.lastgroup
        if kind == "field":
            fname = match.group("fname").lower()
            value = match.group("fq") if match.group("fq") is not None else match.group("fw")
            if fname == FAMILY_FIELD:
                return self._family(value) or match.group()
            if fname in self._entity_fields:
                entity = self._expander.resolve(value)
                key = entity_key(entity.canonical) if entity else entity_key(value)
                return f'{fname}:"{key}"' if entity or '"' in match.group() else match.group()
            if fname in self._text_fields and _plain_word(value.replace(" ", "x")):
                entity = self._expander.resolve(value)
                if entity is not None:
                    return f"{fname}:{placeholder(entity)}"
            return match.group()
        if kind == "quote" and not match.group("slop"):
            entity = self._expander.resolve(match.group("qtext"))
            if entity is not None:
                return str(placeholder(entity))
        return match.group()

    def _family(self, value: str) -> str | None:
        """`family:LeT`: the group or any of its branches, fronts and affiliates.

        The gazetteer's relations (entities/relations.py) give the members;
        the value becomes `(group:"a" OR group:"b" ...)` before Whoosh parses.
        """
        entity = self._expander.resolve(value)
        if entity is None or entity.kind != "group":
            return None
        members = self._expander.family(entity.canonical)
        return "(" + " OR ".join(f'group:"{entity_key(m)}"' for m in members) + ")"

    # -- step 3 ------------------------------------------------------------
    def _rewrite(self, q: wq.Query, entities: dict[int, ResolvedEntity]) -> wq.Query:
        if isinstance(q, wq.Term | wq.Phrase):
            fieldname = q.fieldname
            words = [q.text] if isinstance(q, wq.Term) else list(q.words)
            if fieldname in self._entity_fields:
                value = " ".join(str(w) for w in words)
                return wq.Term(fieldname, value, boost=q.boost)
            if fieldname == DATE_FIELD and isinstance(q, wq.Term):
                try:  # a day, a month, a year or a range of them (date_range.py)
                    return date_query(str(q.text), boost=q.boost)
                except DateSpecError as error:
                    raise QueryError(str(error)) from None
            if isinstance(q, wq.Term) and (found := _PLACEHOLDER_RE.fullmatch(str(q.text))):
                return self._expansion(fieldname, entities[int(found.group(1))], q.boost)
            if isinstance(q, wq.Phrase) and any(_PLACEHOLDER_RE.fullmatch(str(w)) for w in words):
                raise QueryError("an entity name inside a longer phrase")
            return q
        if isinstance(q, wq.Wildcard | wq.Prefix):
            literal = sum(ch.isalnum() for ch in str(q.text))
            if literal < MIN_WILDCARD_LITERALS:
                raise QueryError(
                    f"a wildcard needs at least {MIN_WILDCARD_LITERALS} letters or digits"
                )
            text = q.text if q.fieldname in self._entity_fields else fold(str(q.text))
            return type(q)(q.fieldname, text, boost=q.boost)
        return q.apply(lambda child: self._rewrite(child, entities))

    def _expansion(self, fieldname: str, entity: ResolvedEntity, boost: float) -> wq.Query:
        parts: list[wq.Query] = [
            wq.Term(fieldname, p[0]) if len(p) == 1 else wq.Phrase(fieldname, list(p))
            for p in entity.patterns
        ]
        # The matcher's verdict once per bare mention (on the body copy of
        # the multifield expansion, not again on the title copy).
        if fieldname == "body":
            parts.append(wq.Term(entity.kind, entity_key(entity.canonical), boost=2.0))
        return wq.Or(parts, boost=boost)

    # -- fallback ----------------------------------------------------------
    def _plain(self, text: str, why: str) -> ParsedQuery:
        words = [w for w in TOKEN.findall(text) if w not in _OPERATORS][:MAX_WORDS]
        terms = list(dict.fromkeys(term for w in words for term, _, _ in iter_terms(w)))
        if not terms:
            raise QueryError(f"nothing searchable in the query ({why})")
        per_field = [
            wq.Or([wq.Term(f, t, boost=FIELD_BOOSTS.get(f, 1.0)) for f in self._default_fields])
            for t in terms
        ]
        notice = f"{why}; searched the words as plain terms"
        return ParsedQuery(text, wq.And(per_field), (), notice)


def _without_phrases(text: str) -> str:
    """The query with its quoted phrases blanked: "10:30 a.m." names no field."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def _plain_word(word: str) -> bool:
    return word not in _OPERATORS and not _SPECIAL.search(word) and any(c.isalnum() for c in word)


def _depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth = max(0, depth - 1)
    return deepest


def _check(q: wq.Query) -> None:
    """Raise on trees Whoosh would choke on when searching (Not of nothing...)."""
    stack = [(q, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH * 2:
            raise QueryError("query nested too deeply")
        if isinstance(node, wq.Not) and node.query is wq.NullQuery:
            raise QueryError("NOT with nothing to negate")
        stack.extend((child, depth + 1) for child in node.children())
