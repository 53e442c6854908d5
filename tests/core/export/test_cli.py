"""`briefreader export` end to end: a real library, a real store, a real PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.store.store import Store
from tests.core.export.pdftools import (
    body_text,
    info_of,
    needs_tools,
    normalise,
    qpdf_check,
    squeeze,
    text_of,
)

pytestmark = needs_tools


def test_query_export(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "query.pdf"
    status = main(
        [
            "--data-dir",
            str(data_paths.root),
            "export",
            "--out",
            str(out),
            "--query",
            "ISIS-K",
            "--title",
            "ISKP reading",
            "--marking",
            "OFFICIAL",
        ]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.out.startswith(f"{out.name}  ") and "pages" in captured.out
    assert str(out.parent) not in captured.out  # the name, never the local folders
    assert "No syntax or stream encoding errors" in qpdf_check(out)
    assert info_of(out)["Title"] == "ISKP reading"
    text = normalise(body_text(out, "OFFICIAL"))
    # Alias-aware: the query spelled ISIS-K, the PDF quotes other spellings too.
    assert "ISKP" in text or "Islamic State Khorasan" in text
    assert "Appendix: groups and countries" in text
    assert_nothing_internal(out, data_paths)


def assert_nothing_internal(pdf: Path, data_paths: DataPaths) -> None:
    """No local path and no internal id anywhere in the PDF's text."""
    raw = text_of(pdf)
    flat = squeeze(raw)
    with open_library(data_paths) as library:
        documents = library.documents()
        stories = library.stories()
    for doc in documents:
        assert doc.id not in flat, f"document id {doc.id} printed"
        assert doc.source not in raw and squeeze(doc.source) not in flat
        assert doc.file_name == "" or doc.file_name not in flat
    for story in stories:
        assert story.id not in flat, f"story id {story.id} printed"
    assert str(data_paths.root) not in raw and squeeze(str(data_paths.root)) not in flat
    assert not re.search(r"(?<![\w:])/(?:home|root|tmp|work|usr|etc|var)/", raw), "a local path"
    assert not re.search(r"\b[0-9a-f]{16}\b", raw), "something that looks like an internal id"


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [("zqxj", 1, "nothing exported"), ("((( )))", 2, "cannot use the query")],
    ids=["no-matches", "nothing-to-search"],
)
def test_a_query_that_exports_nothing_exits_non_zero(
    data_paths: DataPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    query: str,
    code: int,
    message: str,
) -> None:
    out = tmp_path / "none.pdf"
    args = ["--data-dir", str(data_paths.root), "export", "--out", str(out), "--query", query]
    assert main(args) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_stored_briefing_with_stale_and_orphaned_excerpts(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_library(data_paths) as library:
        doc = next(d for d in library.documents() if "ISKP" in d.body or "IS-K" in d.body)
    body = doc.body
    paragraphs = doc.paragraph_spans()
    start, end = paragraphs[1]
    with Store.open(data_paths) as store:
        good = store.excerpts.capture(doc.id, body, start, end, comment="Key paragraph.").excerpt
        # Captured from an older text in which the paragraph sat 6 characters later.
        moved = store.excerpts.capture(doc.id, "older " + body, start + 6, end + 6).excerpt
        gone_text = body[:start] + "A sentence the source has since deleted." + body[end:]
        gone = store.excerpts.capture(doc.id, gone_text, start, start + 40).excerpt
        created = store.briefings.create(
            "weekly",
            title="Weekly ISKP briefing",
            author="A. Analyst",
            date="2024-05-01",
            marking="OFFICIAL-SENSITIVE",
            summary="- ISKP is resilient.",
        )
        store.briefings.add("weekly", [good.id, moved.id, gone.id])
        assert created.briefing.name == "weekly"
    out = tmp_path / "weekly.pdf"
    status = main(
        ["--data-dir", str(data_paths.root), "export", "--out", str(out), "--briefing", "weekly"]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "1 stale and 1 orphaned" in captured.err
    text = normalise(body_text(out, "OFFICIAL-SENSITIVE"))
    assert normalise(body[start:end]) in text
    assert "STALE" in text and "ORPHANED" in text
    assert "A sentence the source has since deleted." in text  # flagged, never dropped
    assert "Analyst comment Key paragraph." in text
    assert "Weekly ISKP briefing" in text and "ISKP is resilient." in text
    assert info_of(out)["Author"] == "A. Analyst"
    assert_nothing_internal(out, data_paths)


def test_unknown_briefing_and_unwritable_path_exit_2(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(data_paths.root)
    out = str(tmp_path / "x.pdf")
    assert main(["--data-dir", root, "export", "--out", out, "--briefing", "nope"]) == 2
    assert capsys.readouterr().err.strip() == "briefreader: there is no briefing 'nope'"
    bad = str(tmp_path / "missing" / "x.pdf")
    assert main(["--data-dir", root, "export", "--out", bad, "--query", "ISKP"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefreader: cannot write ") and "\n" not in err


def test_briefing_and_query_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--out", "x.pdf", "--briefing", "a", "--query", "b"])
    assert caught.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_hand_off_formats_show_no_path_or_id_either(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import docx

    out = tmp_path / "handoff"
    args = ["--data-dir", str(data_paths.root), "export", "--query", "ISKP", "--out", str(out)]
    assert main([*args, "--format", fmt]) == 0
    captured = capsys.readouterr()
    written = out.with_suffix(f".{fmt}")
    assert f"writing {written.name}" in captured.err and written.name in captured.out
    assert str(written.parent) not in captured.out + captured.err  # no local folders shown
    assert "pages" not in captured.out  # Word and note tools paginate for themselves
    if fmt == "docx":
        document = docx.Document(str(written))
        text = "\n".join(p.text for p in document.paragraphs)
    else:
        raw = written.read_text(encoding="utf-8")
        text = re.sub(r"\]\(briefreader://[^)]+\)", "]", raw)  # link targets may hold ids
    with open_library(data_paths) as library:
        for doc in library.documents():
            assert doc.id not in text and doc.source not in text
    assert str(data_paths.root) not in text and not re.search(r"\b[0-9a-f]{16}\b", text)


def test_export_names_its_file_and_title_when_not_told(
    data_paths: DataPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", str(data_paths.root), "export", "--query", "ISKP"]) == 0
    made = tmp_path / "islamic-state-khorasan-province-what-the-sources-report.pdf"
    out = capsys.readouterr().out
    assert made.is_file() and out.startswith(made.name) and str(tmp_path) not in out
    first = normalise(text_of(made, 1, 1))
    assert "Islamic State Khorasan Province: what the sources report" in first
    assert "Paragraphs matching the query “ISKP”" in first and "DATE" in first


def test_a_file_name_that_contradicts_the_format_is_refused(
    data_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.pdf"
    args = ["--data-dir", str(data_paths.root), "export", "--query", "ISKP", "--out", str(out)]
    assert main([*args, "--format", "docx"]) == 2
    err = capsys.readouterr().err
    assert "brief.pdf ends in .pdf but the format asked for is docx" in err
    assert not out.exists() and not out.with_suffix(".docx").exists()


def test_every_export_option_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    from briefreader.app import build_parser

    parser = build_parser()
    export = parser._subparsers._group_actions[0].choices["export"]  # type: ignore[union-attr]
    for action in export._actions:
        assert action.help, f"{action.option_strings} has no help"
