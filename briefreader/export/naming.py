"""Names for an export: a title when none was given, and the file to write.

Shared by the command line and the composer, so that both name a briefing
and its file the same way. A query's title names the groups and countries
the query asks about, in their canonical names ("Islamic State Khorasan
Province: what the sources report"), since the query itself may be an
abbreviation or a boolean expression; the cover states the query as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader.domain import Mention
from briefreader.export.results import SUFFIX, Format

_SLUG = re.compile(r"[^\w]+", re.UNICODE)


def query_title(query: str, find_mentions: Callable[[str], Sequence[Mention]]) -> str:
    """A title for a briefing built from `query`."""
    names = list(dict.fromkeys(m.canonical for m in find_mentions(query)))[:3]
    if not names:
        subject = f"“{' '.join(query.split())}”"
    elif len(names) == 1:
        subject = names[0]
    else:
        subject = ", ".join(names[:-1]) + " and " + names[-1]
    return f"{subject}: what the sources report"


def slug(title: str, limit: int = 60) -> str:
    """A file-name-safe form of a title: "ISKP: what…" -> "iskp-what…"."""
    text = _SLUG.sub("-", title.casefold()).strip("-")
    return text[:limit].rstrip("-") or "briefing"


@dataclass(frozen=True, slots=True)
class Destination:
    path: Path
    format: Format
    note: str = ""  # what was done to the name, to tell the user ("" if nothing)


class DestinationError(ValueError):
    """The file name and the format disagree; str() says how to fix it."""


def format_of(path: Path | str) -> Format | None:
    """The format a file name asks for by its ending, or None."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".markdown", ".mdown"):
        return "md"
    return next((f for f, ending in SUFFIX.items() if ending == suffix), None)


def destination(out: Path | None, format: Format | None, title: str, folder: Path) -> Destination:
    """Where to write: `out` given a matching ending, or a name made from the title.

    - no `out`: "<slug of title>.<format>" in `folder`;
    - `out` ending in a known format's suffix: that format (it must agree with `format`);
    - `out` with no or an unknown suffix: the format's suffix is added, and said.
    """
    if out is None:
        kind: Format = format or "pdf"
        return Destination(folder / f"{slug(title)}{SUFFIX[kind]}", kind)
    named = format_of(out)
    if named is not None:
        if format is not None and format != named:
            raise DestinationError(
                f"{out.name} ends in {out.suffix} but the format asked for is {format}: "
                f"name the file {out.stem}{SUFFIX[format]}, or leave out --format"
            )
        return Destination(out, named)
    kind = format or "pdf"
    fixed = out.with_name(out.name + SUFFIX[kind])
    note = f"{out.name} has no {SUFFIX[kind]} ending: writing {fixed.name}"
    return Destination(fixed, kind, note)
