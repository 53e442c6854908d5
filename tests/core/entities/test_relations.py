"""Relations between organisations: distinct entities, linked, seen from both ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.entities import Gazetteer, GazetteerError, Relation, load_gazetteer
from briefreader.entities.relations import RelationIndex


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("source", "kind", "target"),
    [
        ("The Resistance Front", "front_of", "Lashkar-e-Taiba"),
        ("Jamaat-ud-Dawa", "front_of", "Lashkar-e-Taiba"),
        ("People's Anti-Fascist Front", "front_of", "Jaish-e-Mohammed"),
        ("Islamic State Khorasan Province", "parent", "Islamic State"),
        ("Islamic State", "successor_of", "al-Qaeda in Iraq"),
        ("Hayat Tahrir al-Sham", "successor_of", "Jabhat al-Nusra"),
        ("al-Shabaab", "affiliate_of", "al-Qaeda"),
        ("New IRA", "successor_of", "Real IRA"),
    ],
)
def test_related_organisations_stay_distinct_and_linked(
    gazetteer: Gazetteer, source: str, kind: str, target: str
) -> None:
    assert gazetteer.by_canonical(source) is not None
    assert gazetteer.by_canonical(target) is not None
    relation = Relation(kind, source, target)  # type: ignore[arg-type]
    assert relation in gazetteer.relations_of(source)
    assert relation in gazetteer.relations_of(target)
    # The front is not folded into its parent: each spelling has one owner.
    assert gazetteer.resolve(source) is gazetteer.by_canonical(source)


def test_relations_read_from_either_end(gazetteer: Gazetteer) -> None:
    trf = Relation("front_of", "The Resistance Front", "Lashkar-e-Taiba")
    assert trf.describe("The Resistance Front") == "front of Lashkar-e-Taiba"
    assert trf.describe("Lashkar-e-Taiba") == "has front The Resistance Front"
    assert trf.other("Lashkar-e-Taiba") == "The Resistance Front"
    successor = Relation("successor_of", "Islamic State", "al-Qaeda in Iraq")
    assert successor.describe("al-Qaeda in Iraq") == "predecessor of Islamic State"
    descriptions = {
        r.describe("Lashkar-e-Taiba") for r in gazetteer.relations_of("Lashkar-e-Taiba")
    }
    assert {"has front The Resistance Front", "has front Jamaat-ud-Dawa"} <= descriptions


def test_a_family_holds_branches_fronts_and_affiliates_not_successors(
    gazetteer: Gazetteer,
) -> None:
    lashkar = gazetteer.family("Lashkar-e-Taiba")
    assert lashkar[0] == "Lashkar-e-Taiba"
    # Fronts of fronts belong to the family too.
    assert {"The Resistance Front", "Jamaat-ud-Dawa", "Falah-i-Insaniat Foundation"} <= set(lashkar)
    assert "Jaish-e-Mohammed" not in lashkar
    islamic_state = set(gazetteer.family("Islamic State"))
    assert "Islamic State Khorasan Province" in islamic_state
    assert "al-Qaeda in Iraq" not in islamic_state  # a predecessor is not a branch
    assert gazetteer.family("al-Qaeda in Iraq") == ("al-Qaeda in Iraq",)
    assert {e.canonical for e in gazetteer.children_of("Islamic State")} >= {
        "Islamic State Khorasan Province",
        "Islamic State West Africa Province",
    }


def test_family_is_transitive_and_survives_cycles() -> None:
    index = RelationIndex(
        [
            Relation("front_of", "B", "A"),
            Relation("front_of", "C", "B"),
            Relation("affiliate_of", "A", "C"),  # a cycle must not loop
            Relation("successor_of", "D", "A"),
        ]
    )
    assert index.family("A") == ("A", "B", "C")
    assert index.family("D") == ("D",)
    assert len(index) == 4
    assert [r.source for r in index.pointing_at("A")] == ["B", "D"]


def test_every_relation_points_at_an_entity_of_the_gazetteer(gazetteer: Gazetteer) -> None:
    for entity in gazetteer.entities:
        for relation in entity.relations:
            assert relation.source == entity.canonical
            assert gazetteer.by_canonical(relation.target) is not None, relation


def _write_bundled(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "groups.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_bundled_relation_to_nothing_is_an_error(tmp_path: Path) -> None:
    folder = _write_bundled(
        tmp_path / "bundled",
        '[[group]]\ncanonical = "Front A"\nfront_of = "Nobody"\n',
    )
    with pytest.raises(GazetteerError, match="Nobody"):
        load_gazetteer(bundled=folder)


def test_a_user_relation_to_nothing_is_reported_and_dropped(tmp_path: Path) -> None:
    folder = _write_bundled(tmp_path / "bundled", '[[group]]\ncanonical = "Parent Group"\n')
    user = tmp_path / "gazetteer.toml"
    user.write_text(
        '[[group]]\ncanonical = "Front A"\nfront_of = ["Parent Group", "Nobody"]\n',
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(user, bundled=folder)
    assert gazetteer.relations_of("Front A") == (Relation("front_of", "Front A", "Parent Group"),)
    assert any("Nobody" in problem for problem in gazetteer.problems)
    assert gazetteer.family("Parent Group") == ("Parent Group", "Front A")


def test_the_readme_example_loads_as_written(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n[[group]]", 1)[1].split("```", 1)[0]
    user = tmp_path / "gazetteer.toml"
    user.write_text("[[group]]" + block, encoding="utf-8")
    gazetteer = load_gazetteer(user)
    assert gazetteer.problems == ()
    assert gazetteer.resolve("Army of Conquest").canonical == "Jaysh al-Fath"  # type: ignore[union-attr]
    assert gazetteer.resolve("جيش الفتح").canonical == "Jaysh al-Fath"  # type: ignore[union-attr]
    assert "Jaysh al-Fath" in gazetteer.family("Jabhat al-Nusra")
    assert gazetteer.resolve("Wilayat Khurasan").canonical == "Islamic State Khorasan Province"  # type: ignore[union-attr]
