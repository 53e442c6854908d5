"""Official lists read from the files they are published as.

`read_list(files)` recognises, by content:

- the UN Security Council Consolidated List (XML, `CONSOLIDATED_LIST`): the
  entities of the ISIL (Da'esh) and Al-Qaida list (references QDe.*) and of
  the armed-group regimes (Taliban TAe., Al-Shabaab SOe., DRC CDe., CAR CFe.,
  Yemen YEe.), each with its "a.k.a." and "f.k.a." names and its name in the
  original script;
- OFAC's Specially Designated Nationals list: `sdn.csv` with `alt.csv` (the
  two given together), or the SDN XML (`sdnList`): the entities of the FTO
  program, with every a.k.a., f.k.a. and n.k.a.;
- the UK's list of proscribed terrorist organisations as GOV.UK publishes it
  (the HTML page, or its text saved one organisation a line), and the OFSI
  consolidated list of financial sanctions targets (ConList.csv): its
  counter-terrorism entities.

Each becomes an `OfficialList`: the source key of sources.toml ("un",
"ofac", "uk", "uk-ofsi"), the date the file gives for itself (else the
file's modification date, said so in `dated_by`), and one `Designation` per
organisation with the names exactly as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class ListError(ValueError):
    """A file that is none of the formats read here, or is damaged."""


@dataclass(frozen=True, slots=True)
class Designation:
    """One organisation as one list prints it."""

    #: The list's own reference (QDe.115, an OFAC entry number); "" if none.
    ref: str
    #: The names exactly as printed, the primary name first.
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OfficialList:
    source: str
    title: str
    #: The date of this copy (YYYY-MM-DD).
    read: str
    #: Where that date comes from ("the file's dateGenerated", "file modified").
    dated_by: str
    designations: tuple[Designation, ...]


def read_list(files: Sequence[Path]) -> OfficialList:
    """The official list in `files` (one file, or OFAC's sdn.csv and alt.csv)."""
    # Imported here: each format's reader is only loaded when that format comes.
    from briefreader.entities.lists import ofac, uk, un

    if not files:
        raise ListError("no file given")
    heads = {path: _head(path) for path in files}
    if len(files) == 2 or ofac.is_sdn_csv(heads[files[0]]):
        return ofac.read_csv(files)
    if len(files) != 1:
        raise ListError("give one list file (or OFAC's sdn.csv and alt.csv together)")
    (path,) = files
    head = heads[path]
    if un.is_un_xml(head):
        return un.read(path)
    if ofac.is_sdn_xml(head):
        return ofac.read_xml(path)
    if uk.is_ofsi_csv(head):
        return uk.read_ofsi(path)
    if uk.is_proscribed_page(head, path):
        return uk.read_proscribed(path)
    raise ListError(
        f"{path.name}: not a list this command reads (the UN consolidated XML, OFAC's "
        "sdn.csv + alt.csv or SDN XML, the UK proscribed list page or OFSI's ConList.csv)"
    )


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(4096).decode("utf-8", errors="replace")
    except OSError as error:
        raise ListError(f"{path.name}: {error.strerror or error}") from error


def modified_date(path: Path) -> str:
    """The file's modification date, the date of a copy that gives none itself."""
    from datetime import UTC, datetime

    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date().isoformat()


def unique(names: Sequence[str]) -> tuple[str, ...]:
    """The names in order, without blanks or repeats (spacing ignored)."""
    out: dict[str, str] = {}
    for name in names:
        cleaned = " ".join(name.split())
        if cleaned:
            out.setdefault(cleaned.casefold(), cleaned)
    return tuple(out.values())
