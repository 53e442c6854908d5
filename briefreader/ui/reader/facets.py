"""The filters pane: read state, story versions, groups and countries, each with a count.

Entity values combine with AND. A line at the top narrows the long lists of
values as you type (insert mode); Escape returns to the reading pane.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from briefreader.control.colours import KindStyle
from briefreader.control.facets import FacetCounts, FacetFilter
from briefreader.domain import EntityKind
from briefreader.ui.common.checklist import CheckListModel, CountDelegate, Row
from briefreader.ui.common.panes import PaneList

READ_LABELS = {"all": "All documents", "unread": "Unread", "read": "Read"}


def facet_rows(
    counts: FacetCounts,
    flt: FacetFilter,
    styles: dict[EntityKind, KindStyle],
    *,
    narrow: str = "",
    dark: bool = False,
) -> list[Row]:
    """Rows keyed ("subset", None), ("read", value), ("story", bool) or an entity key."""
    rows = []
    if flt.subset is not None:  # from an analysis view: ticking it off lifts it
        rows.append(Row("Only these documents"))
        rows.append(
            Row(
                flt.subset_label,
                key=("subset", None),
                checked=True,
                count=len(flt.subset),
                tooltip="chosen in an analysis view; untick (or c) to show every document",
            )
        )
    rows.append(Row(f"Read state · {counts.shown} of {counts.total} shown"))
    for value, count in counts.read:
        rows.append(
            Row(READ_LABELS[value], key=("read", value), checked=flt.read == value, count=count)
        )
    rows.append(Row("Stories"))
    for one, count in counts.stories:
        label = "One version per story" if one else "Every version"
        rows.append(Row(label, key=("story", one), checked=flt.one_per_story == one, count=count))
    needle = narrow.casefold().strip()
    for kind, title in (("group", "Groups"), ("country", "Countries")):
        style = styles[kind]  # type: ignore[index]
        values = [
            (key, n)
            for key, n in counts.entities
            if key[0] == kind and (not needle or needle in key[1].casefold() or key in flt.entities)
        ]
        rows.append(Row(f"{title} (all must match)"))
        for key, count in values:
            rows.append(
                Row(
                    key[1],
                    key=key,
                    checked=key in flt.entities,
                    count=count,
                    bold="bold" in style.cue,
                    italic="italic" in style.cue,
                    swatch=style.colours(dark=dark)[1],
                    edge=style.colours(dark=dark)[0],
                    cue="dotted" if "dotted" in style.cue else "solid",
                    tooltip=f"{key[1]} ({kind}): {count} of the documents shown name it",
                )
            )
    return rows


class FacetsPane(QWidget):
    def __init__(self, model: CheckListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facets")
        self.narrow = QLineEdit(self)
        self.narrow.setObjectName("facet-narrow")
        self.narrow.setPlaceholderText("Narrow groups and countries…")
        self.narrow.setClearButtonEnabled(True)
        self.narrow.setAccessibleName("Narrow filter values")
        self.list = PaneList("facet-list", self)
        self.list.setModel(model)
        self.list.setItemDelegate(CountDelegate(self.list))
        self.list.setAccessibleName("Filters")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.narrow)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)
        self.narrow.returnPressed.connect(self.list.setFocus)
