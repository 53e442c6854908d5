"""`briefreader gazetteer import FILE`: official lists in the formats they are published in.

Each test writes a small file in the real format (UN consolidated XML, OFAC
sdn.csv + alt.csv and SDN XML, the UK proscribed page and OFSI ConList.csv),
imports it through the real entry point and checks what the analyst's
gazetteer.toml gains, that a second import changes nothing, and that the
matcher then finds the new names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.entities import Matcher, load_gazetteer
from briefreader.entities.lists import ListError, read_list
from briefreader.paths import DataPaths

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    dateGenerated="2024-05-02T10:00:00.123Z">
  <INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>SOMEONE</FIRST_NAME>
    <REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>6908555</DATAID><VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>AL-QAIDA</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDe.004</REFERENCE_NUMBER>
      <LISTED_ON>2001-10-06</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>The Base</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>
        <ALIAS_NAME>Al Qaeda Central Command</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
    <ENTITY>
      <DATAID>7000001</DATAID><VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>KATIBAT AL-NOOR AL-MUBIN</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDe.999</REFERENCE_NUMBER>
      <NAME_ORIGINAL_SCRIPT>كتيبة النور المبين</NAME_ORIGINAL_SCRIPT>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Noor Brigade</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
    <ENTITY>
      <DATAID>7000002</DATAID><FIRST_NAME>KOREA SHIPPING CO</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""

SDN_CSV = (
    '4240,"AL QA\'IDA",-0- ,"SDGT] [FTO",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    '9999,"HARAKAT AL-FAJR AL-JADID",-0- ,"FTO] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    '1234,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    '5555,"SHELL TRADING LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
)
ALT_CSV = (
    '4240,101,"aka","THE BASE",-0- \n'
    '4240,102,"aka","AL QAEDA NETWORK CENTRAL",-0- \n'
    '9999,103,"aka","NEW DAWN MOVEMENT",-0- \n'
    '1234,104,"aka","DOE, Johnny",-0- \n'
)
SDN_XML = """<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>04/30/2024</Publish_Date><Record_Count>3</Record_Count>
  </publshInformation>
  <sdnEntry><uid>9999</uid><lastName>HARAKAT AL-FAJR AL-JADID</lastName><sdnType>Entity</sdnType>
    <programList><program>SDGT</program><program>FTO</program></programList>
    <akaList><aka><uid>103</uid><type>a.k.a.</type><category>strong</category>
      <lastName>NEW DAWN MOVEMENT</lastName></aka></akaList>
  </sdnEntry>
  <sdnEntry><uid>1234</uid><firstName>John</firstName><lastName>DOE</lastName>
    <sdnType>Individual</sdnType><programList><program>FTO</program></programList></sdnEntry>
</sdnList>
"""
UK_PAGE = """<!DOCTYPE html><html><head>
<meta name="govuk:updated-at" content="2024-04-26T09:00:00+01:00"></head><body>
<h1>Proscribed terrorist groups or organisations</h1>
<div class="govspeak">
<h2>Proscribed organisations</h2>
<h3>Abu Sayyaf Group (ASG)</h3><p>The group seeks an independent Islamic state.</p>
<h3>Harakat al-Muqawamah al-Islamiyyah (Hamas)</h3><p>A Palestinian group.</p>
<h3>Noor Brotherhood Front</h3>
<p>Proscribed in 2024. It is also known as Jabhat Ikhwan al-Noor and The Noor Front.</p>
<h2>Proscription criteria</h2><h3>Proscription offences</h3><p>It is an offence...</p>
</div></body></html>
"""
OFSI_CSV = (
    "Last Updated,02/05/2024\n"
    "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,"
    "Group Type,Alias Type,Regime,Listed On,Group ID\n"
    "NOOR BROTHERHOOD FRONT,,,,,,,,Entity,Primary name,Counter-Terrorism (International),"
    "01/01/2024,90001\n"
    "NBF,,,,,,,,Entity,AKA,Counter-Terrorism (International),01/01/2024,90001\n"
    "SOME BANK,,,,,,,,Entity,Primary name,Russia,01/01/2024,90002\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(data_paths: DataPaths, *args: str) -> int:
    return main(["--data-dir", str(data_paths.root), "gazetteer", "import", *args])


def listing_names(data_paths: DataPaths, canonical: str, source: str) -> set[str]:
    entity = load_gazetteer(data_paths.user_gazetteer).by_canonical(canonical)
    assert entity is not None
    return {n for listing in entity.listings if listing.source == source for n in listing.names}


def test_un_xml_adds_new_names_and_organisations_once(
    tmp_path: Path, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    xml = write(tmp_path, "consolidated.xml", UN_XML)
    assert run(data_paths, str(xml), "--dry-run") == 0
    shown = capsys.readouterr().out
    assert "2024-05-02" in shown and "new organisations (1)" in shown
    assert "Katibat al-Noor al-Mubin [QDe.999]" in shown
    assert "Al Qaeda Central Command" in shown  # a new name of a known organisation
    assert "KOREA SHIPPING" not in shown and "SOMEONE" not in shown
    assert not data_paths.user_gazetteer.exists()  # a dry run writes nothing

    assert run(data_paths, str(xml), "--yes") == 0
    written = data_paths.user_gazetteer.read_text(encoding="utf-8")
    assert 'ref = "QDe.999"' in written and 'read = "2024-05-02"' in written
    assert "Al Qaeda Central Command" in listing_names(data_paths, "al-Qaeda", "un")
    matcher = Matcher(load_gazetteer(data_paths.user_gazetteer))
    found = {
        (m.surface, m.canonical) for m in matcher.find("The Noor Brigade and كتيبة النور المبين")
    }
    assert ("Noor Brigade", "Katibat al-Noor al-Mubin") in found
    assert ("كتيبة النور المبين", "Katibat al-Noor al-Mubin") in found

    capsys.readouterr()
    assert run(data_paths, str(xml), "--yes") == 0  # the second run changes nothing
    assert "nothing new to add" in capsys.readouterr().out
    assert data_paths.user_gazetteer.read_text(encoding="utf-8") == written


def test_ofac_csv_pair_and_xml_agree(
    tmp_path: Path, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    sdn = write(tmp_path, "sdn.csv", SDN_CSV)
    alt = write(tmp_path, "alt.csv", ALT_CSV)
    os.utime(sdn, (1_700_000_000, 1_700_000_000))
    os.utime(alt, (1_700_000_000, 1_700_000_000))
    csv_list = read_list([alt, sdn])  # either order
    xml_list = read_list([write(tmp_path, "sdn.xml", SDN_XML)])
    assert csv_list.read == "2023-11-14" and "modification" in csv_list.dated_by
    assert xml_list.read == "2024-04-30"
    by_ref = {d.ref: d.names for d in csv_list.designations}
    assert set(by_ref) == {"4240", "9999"}  # FTO entities only: no individual, no SDGT-only
    assert by_ref["9999"] == ("HARAKAT AL-FAJR AL-JADID", "NEW DAWN MOVEMENT")
    assert [d.names for d in xml_list.designations] == [by_ref["9999"]]

    assert run(data_paths, str(sdn), str(alt), "--yes", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    changes = {c["canonical"]: c for c in report["changes"]}
    assert changes["Harakat al-Fajr al-Jadid"]["new_organisation"] is True
    assert "AL QAEDA NETWORK CENTRAL" in changes["al-Qaeda"]["new_names"]
    assert run(data_paths, str(write(tmp_path, "sdn.xml", SDN_XML)), "--yes") == 0
    assert "nothing new to add" in capsys.readouterr().out  # the XML says the same


def test_uk_page_and_ofsi_csv(
    tmp_path: Path, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    page = read_list([write(tmp_path, "proscribed.html", UK_PAGE)])
    assert page.source == "uk" and page.read == "2024-04-26"
    names = [d.names for d in page.designations]
    assert names[:2] == [
        ("Abu Sayyaf Group (ASG)",),
        ("Harakat al-Muqawamah al-Islamiyyah (Hamas)",),
    ]
    assert names[2] == ("Noor Brotherhood Front", "Jabhat Ikhwan al-Noor", "The Noor Front")
    assert len(names) == 3  # section headings are not organisations
    ofsi = read_list([write(tmp_path, "ConList.csv", OFSI_CSV)])
    assert ofsi.read == "2024-05-02"
    assert [d.names for d in ofsi.designations] == [("NOOR BROTHERHOOD FRONT", "NBF")]

    assert run(data_paths, str(tmp_path / "proscribed.html"), "--yes") == 0
    capsys.readouterr()
    assert run(data_paths, str(tmp_path / "ConList.csv"), "--yes") == 0
    out = capsys.readouterr().out
    # OFSI's entry is matched to the organisation the UK page added, not duplicated.
    assert "new organisations" not in out and "Noor Brotherhood Front" in out
    gazetteer = load_gazetteer(data_paths.user_gazetteer)
    assert not gazetteer.problems
    assert [e.canonical for e in gazetteer.entities].count("Noor Brotherhood Front") == 1


def test_existing_additions_are_kept_and_bad_files_are_refused(
    tmp_path: Path, data_paths: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = '# my notes\n[[group]]\ncanonical = "Tehreek-e-Labbaik Pakistan"\nacronyms = ["TLP"]\n'
    data_paths.user_gazetteer.write_text(mine, encoding="utf-8")
    assert run(data_paths, str(write(tmp_path, "consolidated.xml", UN_XML)), "--yes") == 0
    text = data_paths.user_gazetteer.read_text(encoding="utf-8")
    assert text.startswith(mine)
    assert load_gazetteer(data_paths.user_gazetteer).by_canonical("Tehreek-e-Labbaik Pakistan")

    inline = 'group = [{ canonical = "Some Front" }]\n'
    data_paths.user_gazetteer.write_text(inline, encoding="utf-8")
    assert run(data_paths, str(tmp_path / "consolidated.xml"), "--yes") == 2
    assert "[[group]] tables" in capsys.readouterr().err
    assert data_paths.user_gazetteer.read_text(encoding="utf-8") == inline

    assert run(data_paths, str(write(tmp_path, "notes.md", "# hello\n\nplain notes."))) == 2
    with pytest.raises(ListError):
        read_list([write(tmp_path, "broken.xml", "<CONSOLIDATED_LIST><ENTITIES>")])


def test_without_a_terminal_nothing_is_written_unasked(
    tmp_path: Path, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run(data_paths, str(write(tmp_path, "consolidated.xml", UN_XML))) == 1
    assert not data_paths.user_gazetteer.exists()
