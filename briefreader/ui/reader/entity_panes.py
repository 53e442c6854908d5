"""The legend and the filters: two tick lists over the reader state, kept in step with it.

The legend ticks hide or show a kind or one entity in the text, and moving
onto an entity selects it; the filters tick read state, story versions and
entities to narrow the document list. Both redraw from the `ReaderState`
when the host's `apply` says their part changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from briefreader.control.colours import KindStyle
from briefreader.domain import EntityKind
from briefreader.ui.common.checklist import KEY_ROLE, CheckListModel
from briefreader.ui.common.host import Host
from briefreader.ui.common.theme import is_dark
from briefreader.ui.reader.facets import FacetsPane, facet_rows
from briefreader.ui.reader.legend import LegendView, legend_rows


class EntityPanes(QObject):
    def __init__(self, host: Host, styles: dict[EntityKind, KindStyle]) -> None:
        window = host.main_window()
        super().__init__(window)
        self.host = host
        self.styles = styles
        self.legend_model = CheckListModel(window)
        self.legend_model.toggled.connect(self._legend_toggled)
        self.legend = LegendView(self.legend_model, window)
        self.legend.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._legend_current(cur)
        )
        self.legend.activated.connect(lambda index: self.legend_model.toggle(index.row()))
        self.facet_model = CheckListModel(window)
        self.facet_model.toggled.connect(self._facet_toggled)
        self.facets = FacetsPane(self.facet_model, window)
        self.facets.narrow.textChanged.connect(lambda _text: self.refresh_facets())
        self.facets.list.activated.connect(lambda index: self.facet_model.toggle(index.row()))

    def _legend_toggled(self, key: object) -> None:
        state = self.host.state
        if key in ("group", "country"):
            self.host.apply(state.toggle_kind(key))  # type: ignore[arg-type]
        elif isinstance(key, tuple):
            self.host.apply(state.toggle_entity(key))  # type: ignore[arg-type]

    def _legend_current(self, index: object) -> None:
        key = getattr(index, "data", lambda _role: None)(KEY_ROLE)
        state = self.host.state
        if isinstance(key, tuple) and key != state.selected and self.legend.hasFocus():
            self.host.apply(state.select_entity(key))  # type: ignore[arg-type]

    def _facet_toggled(self, key: object) -> None:
        state = self.host.state
        self.host.apply(state.set_filter(state.filter.with_row(key)))

    def _dark(self) -> bool:
        return is_dark(self.host.main_window().palette())

    def refresh_legend(self) -> None:
        state = self.host.state
        self.legend_model.set_rows(
            legend_rows(
                state.mentions,
                self.styles,
                hidden_kinds=state.hidden_kinds,
                hidden_entities=state.hidden_entities,
                selected=state.selected,
                dark=self._dark(),
                relation=self._relation_note(),
            )
        )

    def _relation_note(self) -> Callable[[str], str]:
        """What a group is to others, from the matcher's gazetteer (nothing before it loads)."""
        gazetteer = getattr(self.host.matcher, "gazetteer", None)
        note = getattr(gazetteer, "relation_note", None)
        return note if callable(note) else (lambda _canonical: "")

    def refresh_facets(self) -> None:
        rows = facet_rows(
            self.host.state.counts(),
            self.host.state.filter,
            self.styles,
            narrow=self.facets.narrow.text(),
            dark=self._dark(),
        )
        self.facet_model.set_rows(rows)
