"""The gazetteer's data and loading rules, including the analyst's additions."""

from __future__ import annotations

import pytest

from briefreader.entities import Gazetteer, GazetteerError, Matcher, load_gazetteer
from briefreader.entities.entries import plural
from briefreader.entities.gazetteer import Entity
from briefreader.entities.match_text import fold_key
from briefreader.paths import DataPaths

UN_MEMBERS = 193


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def matcher(gazetteer: Gazetteer) -> Matcher:
    return Matcher(gazetteer)


def test_countries_cover_the_un_observers_taiwan_kosovo_and_the_ussr(gazetteer: Gazetteer) -> None:
    countries = {e.canonical for e in gazetteer.of_kind("country")}
    assert len(countries) == UN_MEMBERS + 5
    for name in ("Holy See", "Palestine", "Taiwan", "Kosovo", "Soviet Union", "South Sudan"):
        assert name in countries


def test_groups_cover_the_seeds_and_the_issue(gazetteer: Gazetteer) -> None:
    for spelling, canonical in {
        "TTP": "Tehrik-i-Taliban Pakistan",
        "IMU": "Islamic Movement of Uzbekistan",
        "HTS": "Hayat Tahrir al-Sham",
        "Lashkar-e-Tayyiba": "Lashkar-e-Taiba",
        "Jaish-e-Mohammad": "Jaish-e-Mohammed",
        "JAS": "Boko Haram",
        "ISWAP": "Islamic State West Africa Province",
        "Turkistan Islamic Party": "East Turkestan Islamic Movement",
        "Al-Qa'ida": "al-Qaeda",
        "Hay'at Tahrir al-Sham": "Hayat Tahrir al-Sham",
        "Tehreek-e-Taliban": "Tehrik-i-Taliban Pakistan",
        "Isis-K": "Islamic State Khorasan Province",
        "ISIL-K": "Islamic State Khorasan Province",
        "Haqqanis": "Haqqani network",
        "Katibat Imam Al-Bukhari": "Katibat Imam al-Bukhari",
        "Jamaat Ansarullah": "Jamaat Ansarullah",
        "Hizbollah": "Hezbollah",
    }.items():
        entity = gazetteer.resolve(spelling)
        assert (entity.canonical if entity else None) == canonical, spelling


def test_parents(gazetteer: Gazetteer) -> None:
    iskp = gazetteer.by_canonical("Islamic State Khorasan Province")
    assert iskp is not None and iskp.parent == "Islamic State"
    assert gazetteer.by_canonical("Islamic State") is not None
    children = {e.canonical for e in gazetteer.children_of("Islamic State")}
    assert {"Islamic State Khorasan Province", "Islamic State West Africa Province"} <= children
    for entity in gazetteer.entities:
        if entity.parent is not None:
            assert gazetteer.by_canonical(entity.parent) is not None, entity.canonical


def test_no_spelling_resolves_to_two_entities(gazetteer: Gazetteer) -> None:
    owners: dict[str, str] = {}
    for entity in gazetteer.entities:
        for spelling in entity.spellings:
            key = fold_key(spelling)
            assert owners.setdefault(key, entity.canonical) == entity.canonical, spelling
            resolved = gazetteer.resolve(spelling)
            assert resolved is entity, (spelling, resolved)


def test_every_spelling_is_found_in_a_sentence(gazetteer: Gazetteer, matcher: Matcher) -> None:
    """Each alias, acronym and demonym is one mention of its entity in running text."""
    missing = []
    for entity in gazetteer.entities:
        for spelling in entity.spellings:
            text = f"Reports from {spelling} today."
            mentions = matcher.find(text)
            start = len("Reports from ")
            wanted = (start, start + len(spelling), entity.kind, entity.canonical)
            if [(m.start, m.end, m.kind, m.canonical) for m in mentions] != [wanted]:
                missing.append((spelling, mentions))
    assert not missing, missing[:10]


def test_resolve_keeps_acronym_case(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("US").canonical == "United States"  # type: ignore[union-attr]
    assert gazetteer.resolve("us") is None
    assert gazetteer.resolve("is") is None
    assert gazetteer.resolve("isis").canonical == "Islamic State"  # type: ignore[union-attr]
    assert gazetteer.resolve("taliban").canonical == "Taliban"  # type: ignore[union-attr]
    assert gazetteer.resolve("IS–K").canonical == "Islamic State Khorasan Province"  # type: ignore[union-attr]
    assert gazetteer.resolve("Nowhere") is None


def test_aliases_of_lists_every_spelling(gazetteer: Gazetteer) -> None:
    spellings = gazetteer.aliases_of("Islamic State Khorasan Province")
    for spelling in ("ISKP", "ISK", "IS-K", "ISIS-K", "ISIL-K", "Islamic State-Khorasan"):
        assert fold_key(spelling) in {fold_key(s) for s in spellings}
    assert "Afghans" in gazetteer.aliases_of("Afghanistan")
    assert gazetteer.aliases_of("Atlantis") == ()


def test_demonym_plurals() -> None:
    assert plural("Afghan") == "Afghans"
    assert plural("Pakistani") == "Pakistanis"
    assert plural("Chinese") is None
    assert plural("British") is None
    assert plural("Kyrgyz") is None


def test_user_additions_merge_and_conflicts_are_reported(data_paths: DataPaths) -> None:
    data_paths.user_gazetteer.write_text(
        """
group = [
  { canonical = "Taliban", aliases = ["Talibaan"] },
  { canonical = "Tehreek-e-Labbaik Pakistan", acronyms = ["TLP"], aliases = ["Taliban"] },
]
country = [{ canonical = "Somaliland", demonyms = ["Somalilander"] }]
negatives = ["Afghan Hound"]
""",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(data_paths.user_gazetteer)
    assert "Talibaan" in gazetteer.aliases_of("Taliban")
    tlp = gazetteer.by_canonical("Tehreek-e-Labbaik Pakistan")
    assert tlp is not None and tlp.kind == "group" and "Taliban" not in tlp.spellings
    assert any("'Taliban' already means 'Taliban'" in p for p in gazetteer.problems)
    matcher = Matcher(gazetteer)
    found = {
        (m.surface, m.canonical) for m in matcher.find("TLP and Somalilanders; an Afghan Hound.")
    }
    assert found == {("TLP", "Tehreek-e-Labbaik Pakistan"), ("Somalilanders", "Somaliland")}


def test_a_broken_user_file_never_stops_loading(data_paths: DataPaths) -> None:
    data_paths.user_gazetteer.write_text("group = [ { canonical = ", encoding="utf-8")
    gazetteer = load_gazetteer(data_paths.user_gazetteer)
    assert gazetteer.problems and gazetteer.by_canonical("Taliban") is not None
    data_paths.user_gazetteer.write_text('group = [{ aliases = ["x"] }]', encoding="utf-8")
    assert load_gazetteer(data_paths.user_gazetteer).problems


def test_a_missing_user_file_is_fine(data_paths: DataPaths) -> None:
    assert load_gazetteer(data_paths.user_gazetteer).problems == ()


def test_a_bundled_conflict_is_an_error() -> None:
    with pytest.raises(GazetteerError, match="belongs to both"):
        Gazetteer(
            entities=(
                Entity("Niger", "country", aliases=("Republic of Niger",)),
                Entity("Nigeria", "country", aliases=("Republic of Niger",)),
            )
        )


def test_bundled_files_are_rejected_when_malformed(tmp_path) -> None:
    (tmp_path / "bad.toml").write_text('group = [{ canonical = "X", colour = "red" }]', "utf-8")
    with pytest.raises(GazetteerError, match="unknown fields"):
        load_gazetteer(bundled=tmp_path)
