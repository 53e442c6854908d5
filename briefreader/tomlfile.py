"""Reading an analyst's TOML file forgivingly: report what is wrong, keep the rest.

The analyst edits `gazetteer.toml`, `keys.toml` and `workspace.toml` by
hand, and a file may also be damaged on disk. A broken file must never stop
a command or the window, and one bad entry must not throw away the good
ones. `read_toml` therefore never raises. It returns the data it could read
plus one message per problem, each naming the file (by name, never its path)
and the line:

- the whole file is tried first (the usual case costs one `tomllib` parse);
- if that fails, the file is cut into entries at its table headers (an
  `[[group]]` entry keeps its `[[group.official]]` sub-tables) and each entry
  is read on its own: a bad one is reported and skipped, the others load;
- lines that are not UTF-8 (a file saved in another encoding, binary garbage)
  make their entry skipped, never decoded into wrong letters;
- nesting deeper than `MAX_DEPTH` (which `tomllib` may meet with a
  `RecursionError`, and which no briefreader file needs) makes its entry
  skipped; a file larger than `MAX_BYTES` is not read at all.

Checking what the values mean (types, unknown keys) is the caller's job;
`TomlFile.where` gives the caller the line of an `[[array]]` entry for its
messages.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

#: No briefreader file nests deeper (the gazetteer: group, entry, official, listing, names).
MAX_DEPTH: Final = 16
#: A hand-edited settings file is kilobytes; 20,000 gazetteer entries are about 3 MB.
MAX_BYTES: Final = 64 * 1024 * 1024
#: Problems listed one by one before the rest are summed up in one line.
MAX_PROBLEMS: Final = 12

_BOM: Final = "\ufeff"
_HEADER = re.compile(r"^[ \t]*(\[\[?)[^\[\]#]*(\]\]?)[ \t]*(#.*)?$")
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_AT_END = re.compile(r"\s*\(at end of document\)")
_NOT_UTF8 = re.compile(r"[\udc80-\udcff]")
_BARE_HEADER = re.compile(
    r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*\]\]?[ \t]*(#.*)?$"
)


@dataclass(frozen=True)
class TomlFile:
    """What could be read of one TOML file, and what could not.

    `data` holds every entry that read cleanly. `problems` are one-line
    messages for the analyst, each starting with the file's name and, where
    known, the line. `entry_lines[key]` lists the header line of each
    `[[key]]` entry kept, in order (empty when the array was written inline).
    """

    name: str
    data: dict[str, Any] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    #: Given when read entry by entry; else found from `text` when first asked for.
    lines: dict[str, tuple[int, ...]] | None = None
    text: str = field(default="", repr=False)

    @cached_property
    def entry_lines(self) -> dict[str, tuple[int, ...]]:
        return self.lines if self.lines is not None else _header_lines(self.text)

    def where(self, key: str | None = None, index: int = 0) -> str:
        """'gazetteer.toml, line 12' for entry `index` of `[[key]]`, else the file's name."""
        lines = self.entry_lines.get(key or "", ())
        if key is not None and len(lines) == _length(self.data.get(key)) and index < len(lines):
            return f"{self.name}, line {lines[index]}"
        return self.name


def _length(value: Any) -> int:
    return len(value) if isinstance(value, list) else -1


def read_toml(path: Path, *, name: str | None = None) -> TomlFile:
    """The file at `path`, read as far as it can be (see the module doc); never raises.

    A missing file reads as empty without a problem: every one of these files
    is optional.
    """
    shown = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return TomlFile(shown, problems=(f"{shown}: too large to be a settings file; ignored",))
        raw = path.read_bytes()
    except FileNotFoundError:
        return TomlFile(shown)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return TomlFile(shown, problems=(f"{shown}: could not be read ({reason}); ignored",))
    return parse_toml(raw, shown)


def parse_toml(raw: bytes | str, name: str) -> TomlFile:
    """`raw` read as the TOML file `name` (see `read_toml`); never raises."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            return TomlFile(name, problems=(f"{name}: too large to be a settings file; ignored",))
        text = raw.decode("utf-8", errors="surrogateescape")
    else:
        text = raw.encode("utf-8", errors="surrogatepass").decode("utf-8", "surrogateescape")
    text = text.removeprefix(_BOM)
    if not _NOT_UTF8.search(text):
        whole = _parse(text)
        if isinstance(whole, dict) and _depth_ok(whole):
            return TomlFile(name, whole, text=text)
    return _by_entries(text, name)


def _parse(text: str) -> dict[str, Any] | str:
    """The parsed table, or why it could not be parsed."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return str(error)
    except RecursionError:
        return f"nested more than {MAX_DEPTH} levels deep"


def _depth_ok(data: Any) -> bool:
    """Whether no value nests deeper than MAX_DEPTH (checked without recursion)."""
    level: list[Any] = [data]
    for _ in range(MAX_DEPTH):
        deeper: list[Any] = []
        for value in level:
            items = value.values() if isinstance(value, dict) else value
            deeper.extend(item for item in items if isinstance(item, dict | list))
        if not deeper:
            return True
        level = deeper
    return False


@dataclass
class _Entry:
    first: int  #: 1-based line of its first line
    lines: list[str]
    array: str | None = None  #: the `[[key]]` it adds to, if it is an array entry


def _headers(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of every table header outside a multi-line string."""
    in_string: str | None = None
    for index, line in enumerate(lines):
        if in_string is None and _HEADER.match(line):
            yield index, line
        for quote in ('"""', "'''"):
            if in_string in (None, quote) and line.count(quote) % 2:
                in_string = None if in_string == quote else quote


def _header_path(line: str) -> tuple[list[str], bool] | None:
    """The key path a header line names and whether it is an `[[array]]` one."""
    stripped = line.strip()
    bare = _BARE_HEADER.match(line)
    if bare:  # the usual `[[group]]`, without a parse
        return [part.strip() for part in bare.group(2).split(".")], bare.group(1) == "[["
    parsed = _parse(line)
    if not isinstance(parsed, dict):
        return None
    path: list[str] = []
    value: Any = parsed
    while isinstance(value, dict | list) and value:
        if isinstance(value, list):
            value = value[-1]
            continue
        if len(value) != 1:
            return None
        key = next(iter(value))
        path.append(key)
        value = value[key]
    return path, stripped.startswith("[[")


def _entries(text: str) -> list[_Entry]:
    """The file cut at its headers; an array entry keeps its sub-tables."""
    lines = text.splitlines(keepends=True)
    entries = [_Entry(1, [])]
    array_path: list[str] | None = None
    starts = dict(_headers(lines))
    for index, line in enumerate(lines):
        if index in starts:
            header = _header_path(line)
            path, is_array = header if header else ([], False)
            inside = array_path is not None and path[: len(array_path)] == array_path
            if not (inside and len(path) > len(array_path or [])):
                array_path = path if is_array and path else None
                entries.append(_Entry(index + 1, [], ".".join(path) if array_path else None))
        entries[-1].lines.append(line)
    return [entry for entry in entries if entry.lines]


def _by_entries(text: str, name: str) -> TomlFile:
    data: dict[str, Any] = {}
    problems: list[str] = []
    lines: dict[str, list[int]] = {}
    for entry in _entries(text):
        body = "".join(entry.lines)
        if not body.strip():
            continue
        problem = _entry_problem(entry, body, name)
        if problem is None:
            parsed = _parse(body)
            assert isinstance(parsed, dict)  # _entry_problem parsed it already
            clash = _clash(data, parsed)
            if clash is None:
                _merge(data, parsed)
                if entry.array and "." not in entry.array:
                    lines.setdefault(entry.array, []).append(entry.first)
                continue
            problem = f"{name}, line {entry.first}: {clash} is given twice"
        problems.append(f"{problem}; {_skipped(entry)}")
    found = {key: tuple(numbers) for key, numbers in lines.items()}
    return TomlFile(name, data, _summed_up(problems), found)


def _entry_problem(entry: _Entry, body: str, name: str) -> str | None:
    for offset, line in enumerate(entry.lines):
        if _NOT_UTF8.search(line):
            return f"{name}, line {entry.first + offset}: not UTF-8 text (save the file as UTF-8)"
    parsed = _parse(body)
    if isinstance(parsed, str):
        return f"{name}, {_located(parsed, entry.first)}"
    if not _depth_ok(parsed):
        return f"{name}, line {entry.first}: nested more than {MAX_DEPTH} levels deep"
    return None


def _located(reason: str, first: int) -> str:
    """A tomllib message with its line counted from the file's start."""
    found = _AT_LINE.search(reason)
    if found:
        line = first + int(found.group(1)) - 1
        return f"line {line}: {_AT_LINE.sub('', reason)}"
    return f"line {first}: {_AT_END.sub('', reason)}"


def _skipped(entry: _Entry) -> str:
    last = entry.first + len(entry.lines) - 1
    span = f"line {entry.first}" if last == entry.first else f"lines {entry.first}-{last}"
    return f"{span} skipped"


def _clash(into: dict[str, Any], new: dict[str, Any], prefix: str = "") -> str | None:
    """The first key `new` would give a second value in `into`, if any."""
    for key, value in new.items():
        if key not in into:
            continue
        old = into[key]
        if isinstance(old, dict) and isinstance(value, dict):
            found = _clash(old, value, f"{prefix}{key}.")
            if found:
                return found
        elif not (isinstance(old, list) and isinstance(value, list)):
            return f"`{prefix}{key}`"
    return None


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(value)
        else:
            into[key] = value


def _header_lines(text: str) -> dict[str, tuple[int, ...]]:
    """Header line of each top-level `[[key]]` entry, for a file that parsed whole."""
    lines: dict[str, list[int]] = {}
    for index, line in _headers(text.splitlines()):
        stripped = line.strip()
        if stripped.startswith("[["):
            header = _header_path(line)
            if header and len(header[0]) == 1:
                lines.setdefault(header[0][0], []).append(index + 1)
    return {key: tuple(found) for key, found in lines.items()}


def _summed_up(problems: list[str]) -> tuple[str, ...]:
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    more = len(problems) - MAX_PROBLEMS + 1
    return (*problems[: MAX_PROBLEMS - 1], f"... and {more} more problems like these")
