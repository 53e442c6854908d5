"""Layout at 1280x800: nothing cramped, nothing squeezed, nothing clipped (issue 11, items 3-6, 8).

Measured on the real window (offscreen, the size the window opens at):
the search pane, the reading column beside the composer, the excerpt
bin's columns, the legend, and the filter list's long names.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleOptionViewItem

from briefreader.control.contrast import contrast_ratio
from briefreader.control.library import load_library
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from briefreader.search.sources import update_from_library
from briefreader.store import Store
from briefreader.ui.common.theme import apply_theme, theme_palette
from briefreader.ui.search.results import row_colours
from briefreader.ui.window import MainWindow
from tests.ui.conftest import make_doc, press, sample_snapshot

SIZE = (1280, 800)


@pytest.fixture(autouse=True)
def _system_theme_after(qapp) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> DataPaths:
    paths = DataPaths.at(tmp_path_factory.mktemp("layout")).ensure()
    update_from_library(paths, procs=1, include_notes=False)
    docs = load_library(paths, seed=False).documents
    with Store.open(paths) as store:
        ids = []
        for n, doc in enumerate(docs[:8]):
            start, end = doc.paragraph_spans()[1]
            tags = ["ISKP", "regional security"] if n % 2 else ["China"]
            ids.append(store.excerpts.capture(doc.id, doc.body, start, end, tags=tags).excerpt.id)
        created = store.briefings.create("Weekly ISKP", title="ISKP and the region")
        store.briefings.add(created.briefing.id, ids)
    return paths


def open_window(qtbot, paths: DataPaths) -> MainWindow:
    snapshot = load_library(paths, seed=False, entities=True)
    win = MainWindow(paths, matcher=find_mentions)
    qtbot.addWidget(win)
    win.attach_store(Store.open(paths))
    win.apply_snapshot(snapshot)
    win.search.indexing.sync_documents(force=True)
    win.search.indexing.updated_at = time.monotonic()
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.focus_pane("reader")
    return win


@pytest.fixture
def win(qtbot, seeded, tmp_path) -> Iterator[MainWindow]:
    root = tmp_path / "data"
    shutil.copytree(seeded.root, root)
    window = open_window(qtbot, DataPaths.at(root))
    yield window
    window.composer.runner.wait(20000)
    window.jobs.wait(20000)


def fully_visible_rows(view: QAbstractItemView) -> int:
    model = view.model()
    height = view.viewport().height()
    return sum(
        1
        for row in range(model.rowCount())
        if (rect := view.visualRect(model.index(row, 0))).top() >= 0 and rect.bottom() <= height
    )


# -- item 3: the search pane ---------------------------------------------------------


def test_search_leaves_the_list_usable_and_shows_many_results_from_the_first(qtbot, win):
    press(qtbot, "/")
    qtbot.keyClicks(win.search.pane.line, "Taliban")
    model = win.search.pane.model
    qtbot.waitUntil(lambda: model.rowCount() >= 8, timeout=10000)
    fourth = model.row(3)
    win.open_document(fourth.doc_id)  # the current document's result is down the list
    qtbot.waitUntil(lambda: win.search.pane.results.currentIndex().row() == 3)
    press(qtbot, "Escape")
    press(qtbot, "/")
    win.search.pane.line.setText("Taliban Kabul")
    qtbot.waitUntil(lambda: win.search.state.query == "Taliban Kabul", timeout=10000)
    qtbot.waitUntil(lambda: model.rowCount() >= 6, timeout=10000)
    results = win.search.pane.results
    qtbot.wait(50)
    assert fully_visible_rows(results) >= 5, "the ranked list shows only a couple of results"
    assert fully_visible_rows(win.doc_list) >= 5, "the document list shrank to a few rows"
    current = win.search.state.row_for(win.state.current.id)
    assert results.currentIndex().row() == current  # the open document's result is chosen
    if current is not None and current < fully_visible_rows(results):
        assert results.visualRect(model.index(0)).top() >= 0  # ... and result 1 still shows


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
@pytest.mark.parametrize("focused", [True, False])
def test_a_selected_results_snippet_is_readable(theme, focused):
    palette = theme_palette(theme)
    for selected in (True, False):
        colours = row_colours(palette, selected=selected, focused=focused)
        background = colours.background.name()
        for name, colour in (("text", colours.text), ("snippet", colours.muted)):
            ratio = contrast_ratio(colour.name(), background)
            assert ratio >= 4.5, (theme, selected, focused, name, round(ratio, 2))


def test_the_selected_row_is_painted_in_the_colours_checked(qtbot, win):
    apply_theme(QApplication.instance(), "light")
    press(qtbot, "/")
    qtbot.keyClicks(win.search.pane.line, "Taliban")
    results = win.search.pane.results
    qtbot.waitUntil(lambda: results.currentIndex().isValid(), timeout=10000)
    win.focus_pane("reader")  # the list without focus: where the pale text was
    qtbot.wait(20)
    rect = results.visualRect(results.currentIndex())
    image = results.viewport().grab().toImage()
    expected = row_colours(results.palette(), selected=True, focused=False).background
    assert image.pixelColor(rect.right() - 3, rect.bottom() - 3).name() == expected.name()


# -- item 5: the composer beside the reader --------------------------------------------


def characters_per_line(win: MainWindow) -> int:
    """The longest full line of the first paragraphs, in characters."""
    reader = win.reader
    best = 0
    for paragraph in range(min(6, win.state.paragraph_count)):
        block = reader.document().findBlockByNumber(reader.block_of_paragraph(paragraph))
        layout = block.layout()
        for number in range(max(layout.lineCount() - 1, 0)):  # the last line may be short
            best = max(best, layout.lineAt(number).textLength())
    return best


@pytest.mark.parametrize("command", ["focus-composer", "focus-excerpt-bin", "focus-notes"])
def test_the_right_hand_panes_leave_the_reader_sixty_characters(qtbot, win, command):
    long = " ".join(["The provincial authorities reported further clashes near the border."] * 6)
    doc = make_doc("A long report", [long, long, long])
    win.apply_snapshot(sample_snapshot([doc]))
    win.open_document(doc.id)
    win.run_command(command)
    qtbot.wait(50)
    assert characters_per_line(win) >= 60


# -- item 4: the excerpt bin's columns -------------------------------------------------


def test_the_excerpt_bins_quote_column_gets_the_room(qtbot, win):
    win.run_command("focus-excerpt-bin")
    table = win.notes_work.bin.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 8)
    qtbot.wait(50)
    header = table.horizontalHeader()
    width = table.viewport().width()
    quote = header.sectionSize(0)
    prose = "Officials in Kabul said the Taliban had detained 12 suspects; ISKP denied it."
    chars = quote / (table.fontMetrics().horizontalAdvance(prose) / len(prose))
    lines = table.rowHeight(0) // table.fontMetrics().lineSpacing()
    assert quote >= 0.45 * width, (quote, width)
    assert chars * lines >= 80, "a quote shows only a few words"
    for column in range(1, table.model().columnCount()):
        content = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) <= content + 4, column  # no column wider than it needs
    used = sum(header.sectionSize(c) for c in range(table.model().columnCount()))
    assert used <= width + 1  # no sideways scrolling


# -- item 6: the filter list -------------------------------------------------------------


def test_a_long_filter_name_ends_in_an_ellipsis_before_its_count(qtbot, window):
    long_name = "Islamic State Khorasan Province"
    window.resize(*SIZE)
    window.focus_pane("facets")
    view = window.facets.list
    model = view.model()
    qtbot.waitUntil(lambda: model.row_of(("group", long_name)) is not None)
    index = model.index(model.row_of(("group", long_name)))
    window.docks["facets"].widget().setFixedWidth(150)
    qtbot.wait(20)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    delegate = view.itemDelegate()
    shown, text_rect, count_rect = delegate.layout_row(option, index)
    assert shown.endswith("…")
    assert text_rect.right() <= count_rect.left()  # the count never covers the name
    assert option.fontMetrics.horizontalAdvance(shown) <= text_rect.width()


# -- item 8: the legend ---------------------------------------------------------------------


def test_the_legend_shows_both_kinds_and_clear_swatches(qtbot, win):
    win.focus_pane("legend")
    legend = win.legend
    model = legend.model()
    qtbot.waitUntil(lambda: model.rowCount() > 3)
    qtbot.wait(50)
    headings = [r for r in range(model.rowCount()) if model.row(r).key in ("group", "country")]
    assert len(headings) == 2
    assert fully_visible_rows(legend) == model.rowCount()  # Groups and Countries both show
    assert legend.viewport().height() >= 12 * legend.sizeHintForRow(1), "room for ~7 rows only"
    # However many groups, Right goes to the countries and Left back.
    legend.setCurrentIndex(model.index(headings[0] + 1))
    press(qtbot, "Right")
    assert legend.currentIndex().row() in (headings[1], headings[1] + 1)
    assert legend.visualRect(legend.currentIndex()).bottom() <= legend.viewport().height()
    press(qtbot, "Left")
    assert legend.currentIndex().row() in (headings[0], headings[0] + 1)
    size = legend.iconSize()
    assert size.width() >= 14 and size.height() >= 14


def test_a_widened_window_gives_the_readers_blank_margin_to_the_columns(qtbot, win) -> None:
    """At 1920 px the reader kept ~600 px of blank margin beside its measure while the
    side columns stayed at their 1280 px widths; widening now grows the columns instead,
    the reader keeping its measure, and narrowing again gives the reader its width back."""
    left, right = win.docks["documents"], win.docks["legend"]
    qtbot.waitUntil(lambda: win.width() == SIZE[0])
    before = (left.width(), right.width())
    per_line = characters_per_line(win)
    win.resize(1920, 1080)
    qtbot.waitUntil(lambda: left.width() > before[0] + 100 and right.width() > before[1] + 150)
    qtbot.waitUntil(lambda: win.reader.viewportMargins().left() < 60)
    assert characters_per_line(win) >= per_line  # the measure is kept
    assert left.width() <= 520 and right.width() <= 760
    win.resize(*SIZE)
    qtbot.waitUntil(lambda: (left.width(), right.width()) == before)
    assert characters_per_line(win) == per_line


def test_a_layout_saved_on_a_larger_screen_leaves_the_reader_its_measure(qtbot, win) -> None:
    """Columns widened at 1920 px, then the window reopened at 1280 px (a laptop): the
    columns give the reader its measure back, no narrower than at a first start."""
    left, right = win.docks["documents"], win.docks["legend"]
    qtbot.waitUntil(lambda: win.width() == SIZE[0])
    per_line = characters_per_line(win)
    win.resize(1920, 1080)
    qtbot.waitUntil(lambda: left.width() > 400)
    win.close()  # keeps the wide layout
    again = open_window(qtbot, win.paths)  # at 1280x800
    left, right = again.docks["documents"], again.docks["legend"]
    qtbot.waitUntil(lambda: (left.width(), right.width()) == (300, 400))
    assert characters_per_line(again) == per_line
    again.close()
