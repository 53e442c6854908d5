"""The UN Security Council Consolidated List, as XML (`CONSOLIDATED_LIST`).

Each `ENTITY` has its name in `FIRST_NAME`, its reference in
`REFERENCE_NUMBER` (QDe.115), its other names in `ENTITY_ALIAS` elements
(`QUALITY` a.k.a. or f.k.a., `ALIAS_NAME`) and, for some, its name in the
original script (`NAME_ORIGINAL_SCRIPT`). The list's date is the root's
`dateGenerated`. Only the regimes that designate armed groups are read (see
`REGIMES`); individuals never are.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from briefreader.entities.lists import Designation, ListError, OfficialList, modified_date, unique

#: Reference prefixes of the regimes read: ISIL (Da'esh) and Al-Qaida, the
#: Taliban, Al-Shabaab (Somalia), the DRC, the Central African Republic, Yemen.
REGIMES = ("QDe.", "TAe.", "SOe.", "CDe.", "CFe.", "YEe.")


def is_un_xml(head: str) -> bool:
    return "<CONSOLIDATED_LIST" in head


def read(path: Path) -> OfficialList:
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise ListError(f"{path.name}: not readable XML ({error})") from error
    designations = []
    for entity in root.iter("ENTITY"):
        ref = _text(entity, "REFERENCE_NUMBER")
        if not ref.startswith(REGIMES):
            continue
        names = [_text(entity, "FIRST_NAME")]
        for alias in entity.iter("ENTITY_ALIAS"):
            names.append(_text(alias, "ALIAS_NAME"))
        names.append(_text(entity, "NAME_ORIGINAL_SCRIPT"))
        kept = unique(names)
        if kept:
            designations.append(Designation(ref, kept))
    generated = root.get("dateGenerated", "")[:10]
    return OfficialList(
        source="un",
        title="UN Security Council Consolidated List",
        read=generated or modified_date(path),
        dated_by="the list's dateGenerated" if generated else "the file's modification date",
        designations=tuple(designations),
    )


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""
