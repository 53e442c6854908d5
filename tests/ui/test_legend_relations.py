"""The legend says what a group is to another ("front of Lashkar-e-Taiba") beside its name."""

from __future__ import annotations

from types import SimpleNamespace

from briefreader.control.colours import load_palette
from briefreader.control.mentions import DocumentMentions
from briefreader.domain import Document
from briefreader.entities import Matcher, load_gazetteer
from briefreader.ui.reader.entity_panes import EntityPanes
from briefreader.ui.reader.legend import legend_rows

TEXT = (
    "The Resistance Front, which police call a front of Lashkar-e-Taiba, claimed the attack. "
    "Islamic State Khorasan Province attacked Kabul; Pakistan condemned both."
)


def _rows(relation=None):  # type: ignore[no-untyped-def]
    matcher = Matcher(load_gazetteer())
    doc = Document(id="d1", title="Claims", body=TEXT)
    kwargs = {} if relation is None else {"relation": relation}
    rows = legend_rows(
        DocumentMentions.build(doc, matcher.find),
        load_palette(),
        hidden_kinds=set(),
        hidden_entities=set(),
        selected=None,
        dark=False,
        **kwargs,
    )
    return {row.key: row for row in rows}, matcher


def test_a_group_row_names_its_relation_and_a_country_row_none() -> None:
    gazetteer = load_gazetteer()
    rows, _ = _rows(gazetteer.relation_note)
    trf = rows[("group", "The Resistance Front")]
    assert trf.text == "The Resistance Front · front of Lashkar-e-Taiba"
    assert "front of Lashkar-e-Taiba" in trf.tooltip
    iskp = rows[("group", "Islamic State Khorasan Province")]
    assert iskp.text.endswith("· branch of Islamic State")
    assert rows[("group", "Lashkar-e-Taiba")].text == "Lashkar-e-Taiba"  # it declares none
    assert rows[("country", "Pakistan")].text == "Pakistan"


def test_without_a_gazetteer_the_legend_shows_names_alone() -> None:
    rows, _ = _rows()
    assert rows[("group", "The Resistance Front")].text == "The Resistance Front"


def test_the_panes_take_the_relations_from_the_loaded_matcher() -> None:
    matcher = Matcher(load_gazetteer())
    loaded = SimpleNamespace(matcher=matcher)
    note = EntityPanes._relation_note(SimpleNamespace(host=loaded))  # type: ignore[arg-type]
    assert note("The Resistance Front") == "front of Lashkar-e-Taiba"
    waiting = SimpleNamespace(matcher=lambda text: [])  # before the matcher is loaded
    assert EntityPanes._relation_note(SimpleNamespace(host=waiting))("x") == ""  # type: ignore[arg-type]
