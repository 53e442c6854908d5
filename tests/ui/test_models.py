"""Every item model passes pytest-qt's model tester, empty and full."""

from __future__ import annotations

from dataclasses import replace

from briefreader.control.commands import CommandRegistry
from briefreader.control.keymap import load_keymap
from briefreader.ui.common.checklist import CheckListModel, Row
from briefreader.ui.common.palette import PaletteModel
from briefreader.ui.reader.doclist import DocumentListModel
from tests.ui.conftest import SAMPLE_DOCS


def test_document_list_model(qtmodeltester) -> None:
    model = DocumentListModel()
    qtmodeltester.check(model)
    model.set_documents(SAMPLE_DOCS, {SAMPLE_DOCS[0].id}, {SAMPLE_DOCS[1].id: 3})
    qtmodeltester.check(model)
    model.set_read(set())
    model.set_current(SAMPLE_DOCS[2].id)
    qtmodeltester.check(model)


def test_check_list_model(qtmodeltester) -> None:
    model = CheckListModel()
    qtmodeltester.check(model)
    model.set_rows(
        [Row("Groups"), Row("ISKP", key=("group", "ISKP"), checked=True, count=3, swatch="#ff0000")]
    )
    qtmodeltester.check(model)
    model.set_rows([Row("Groups"), Row("ISKP", key=("group", "ISKP"), checked=False, count=1)])
    qtmodeltester.check(model)


def test_palette_model(qtmodeltester, data_paths) -> None:
    registry = CommandRegistry()
    model = PaletteModel(registry, load_keymap(data_paths.keys_file, registry))
    qtmodeltester.check(model)
    model.set_query("zoom")
    qtmodeltester.check(model)
    assert model.rowCount() >= 3
    model.set_query("qqqqqq")
    assert model.rowCount() == 0


def test_the_window_models_with_data(qtmodeltester, window) -> None:
    for model in (window.doc_model, window.legend_model, window.facet_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_document_without_a_publisher_shows_its_author_or_its_file_name() -> None:
    from briefreader.domain import Document
    from briefreader.ui.reader.doclist import subtitle

    base = Document(id="x", title="T", body="b", source="/home/a/reports/isk.txt")
    assert subtitle(base) == "isk.txt · undated"  # never a whole path
    assert subtitle(replace(base, author="Jane Roe")) == "Jane Roe · undated"
    assert subtitle(replace(base, author="Jane Roe", publisher="Reuters")) == "Reuters · undated"
    assert subtitle(replace(base, publisher="Reuters", date="2021-08-27")) == "Reuters · 2021-08-27"
    assert subtitle(replace(base, file_name="isk.txt", source="")) == "isk.txt · undated"
    # a machine's file name (hash, UUID, numbers) reads like an internal id: left out
    for name in (
        "002_9560ccf9f8c25f6d.txt",
        "3f2a9c1e-77b0-4c1a-9d2e-0a1b2c3d4e5f.eml",
        "20231104_0012.html",
    ):
        assert subtitle(replace(base, file_name=name, source="")) == "undated", name
    for name in (
        "unodc-report-2023.pdf",
        "IMG_2023.pdf",
        "deadbeefcafe-report.html",
        "Weekly brief 12.docx",
    ):
        assert subtitle(replace(base, file_name=name, source="")) == f"{name} · undated", name
