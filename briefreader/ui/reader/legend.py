"""The legend: the groups and countries in the open document, with their counts.

Each kind and each entity has a tick (shown or hidden in the text); moving
onto an entity selects it, so `n`/`N` step through its mentions and `f`
focuses the text on the paragraphs that name it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from briefreader.control.colours import KindStyle
from briefreader.control.facets import EntityKey
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import EntityKind
from briefreader.ui.common.checklist import CheckListModel, CountDelegate, Row
from briefreader.ui.common.panes import PaneList

KIND_TITLES: dict[EntityKind, str] = {"group": "Groups", "country": "Countries"}


def legend_rows(
    mentions: DocumentMentions | None,
    styles: dict[EntityKind, KindStyle],
    *,
    hidden_kinds: set[EntityKind],
    hidden_entities: set[EntityKey],
    selected: EntityKey | None,
    dark: bool,
    relation: Callable[[str], str] = lambda _canonical: "",
) -> list[Row]:
    """Kind rows (keyed by the kind) each followed by its entities (keyed by (kind, name)).

    `relation` says what a group is to another ("front of Lashkar-e-Taiba",
    `Gazetteer.relation_note`); it is shown after the name, so related groups
    stay apart in the legend and the reader still sees how they hang together.
    """
    if mentions is None:
        return []
    rows: list[Row] = []
    legend = mentions.legend()
    for kind in ("group", "country"):
        entries = [(key, n) for key, n in legend if key[0] == kind]
        style = styles[kind]
        total = sum(n for _, n in entries)
        rows.append(
            Row(
                f"{KIND_TITLES[kind]} · {len(entries)} named",
                key=kind,
                checked=kind not in hidden_kinds,
                count=total,
                bold=True,
                swatch=style.colours(dark=dark)[1],
                tooltip=f"Show or hide every {kind} (t {kind[0]})",
            )
        )
        for key, count in entries:
            mark = "▸ " if key == selected else ""
            note = relation(key[1]) if kind == "group" else ""
            rows.append(
                Row(
                    f"{mark}{key[1]}" + (f" · {note}" if note else ""),
                    key=key,
                    checked=key not in hidden_entities and kind not in hidden_kinds,
                    count=count,
                    bold=key == selected or "bold" in style.cue,
                    italic="italic" in style.cue,
                    swatch=style.colours(dark=dark)[1],
                    tooltip=f"{key[1]}: {kind}"
                    + (f" ({note})" if note else "")
                    + f", named {count} times in this document",
                )
            )
    return rows


class LegendView(PaneList):
    def __init__(self, model: CheckListModel, parent: QWidget | None = None) -> None:
        super().__init__("legend", parent)
        self.setModel(model)
        self.setItemDelegate(CountDelegate(self))
        self.setAccessibleName("Legend")
