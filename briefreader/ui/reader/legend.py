"""The legend: the groups and countries in the open document, with their counts.

Each kind and each entity has a tick (shown or hidden in the text); moving
onto an entity selects it, so `n`/`N` step through its mentions and `f`
focuses the text on the paragraphs that name it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from briefreader.control.colours import KindStyle
from briefreader.control.facets import EntityKey
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import EntityKind
from briefreader.ui.common.checklist import CheckListModel, CountDelegate, Row
from briefreader.ui.common.panes import PaneList, claims_keys

KIND_TITLES: dict[EntityKind, str] = {"group": "Groups", "country": "Countries"}
KINDS = tuple(KIND_TITLES)


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
                edge=style.colours(dark=dark)[0],
                cue="dotted" if "dotted" in style.cue else "solid",
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
                    edge=style.colours(dark=dark)[0],
                    cue="dotted" if "dotted" in style.cue else "solid",
                    tooltip=f"{key[1]}: {kind}"
                    + (f" ({note})" if note else "")
                    + f", named {count} times in this document",
                )
            )
    return rows


class LegendView(PaneList):
    """Right and Left jump between the Groups and the Countries, however long either is."""

    def __init__(self, model: CheckListModel, parent: QWidget | None = None) -> None:
        super().__init__("legend", parent)
        self.setModel(model)
        self.setItemDelegate(CountDelegate(self))
        self.setIconSize(QSize(16, 16))
        self.setAccessibleName("Legend")
        self.setAccessibleDescription(
            "Groups and countries named in this document, with counts; Space shows or hides "
            "one, Right and Left go to the next or previous kind"
        )

    def event(self, event: QEvent) -> bool:
        return claims_keys(event, {Qt.Key.Key_Left, Qt.Key.Key_Right}) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        model = self.model()
        assert isinstance(model, CheckListModel)
        headings = [n for n, row in enumerate(model.rows()) if row.is_heading or row.key in KINDS]
        here = self.currentIndex().row()
        if step > 0:
            targets = [n for n in headings if n > here]
        else:  # from inside a kind, its own heading first
            targets = [n for n in headings if n < here]
        if targets:
            index = model.index(targets[0] if step > 0 else targets[-1])
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        event.accept()
