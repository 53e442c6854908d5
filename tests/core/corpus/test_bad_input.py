"""Item 7: every bad input is skipped or imported with a warning; nothing fails or hangs."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.corpus.errors import Rejected
from briefreader.corpus.files import read_capped
from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes
from briefreader.domain import PARAGRAPH_SEPARATOR

GOOD = (
    "A good article\n\nOfficials said the attack on the checkpoint killed four soldiers, "
    "and the group claimed it within the hour.\n\nA second paragraph with more detail."
)


def _reasons(report) -> dict[str, str]:
    return {Path(path).name: reason for path, reason in report.skipped}


@pytest.mark.timeout(30)
def test_a_folder_of_bad_files_imports_the_good_one_and_explains_the_rest(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n \t\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "nul.txt").write_bytes(b"some text\x00\x00\x00with nul bytes" * 10)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "big.txt").write_text("word " * 100)
    os.mkfifo(folder / "pipe.txt")
    (folder / "null.txt").symlink_to("/dev/null")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder)  # a folder loop
    (folder / ".hidden.txt").write_text(GOOD.replace("good", "hidden"))

    report = library.import_paths([folder], max_bytes=300)

    assert [d.title for d in library.documents()] == ["A good article"]
    reasons = _reasons(report)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file (only whitespace)"
    assert "PNG" in reasons["image.txt"]
    assert "NUL" in reasons["nul.txt"]
    assert reasons["report.pdf"] == "damaged PDF: it cannot be read (data format error)"
    assert "size cap" in reasons["big.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    assert "character device" in reasons["null.txt"]
    assert reasons["loop1.txt"] == reasons["loop2.txt"] == "symbolic link loop"
    assert reasons["dangling.txt"] == "broken symbolic link"
    assert "loop" in reasons["back"]
    assert ".hidden.txt" not in reasons


@pytest.mark.timeout(30)
def test_devices_and_fifos_given_by_name_are_never_read(library: Library, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    report = library.import_paths([fifo, Path("/dev/zero"), Path("/dev/null")])
    reasons = [reason for _, reason in report.skipped]
    assert reasons == [
        "not a regular file (a FIFO)",
        "not a regular file (a character device)",
        "not a regular file (a character device)",
    ]
    with pytest.raises(Rejected, match="FIFO"):
        read_capped(fifo)


#: Root reads files whatever their mode; without these two capabilities it cannot.
DROP_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_files_are_skipped(library: Library, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    secret.chmod(0)
    try:
        if os.geteuid() != 0:
            report = library.import_paths([secret])
            assert report.skipped == ((secret.name, "permission denied"),)
            return
        # As root (CI here), import in a child that has lost the right to override modes.
        if shutil.which("setpriv") is None:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        script = (
            "import sys\n"
            "from pathlib import Path\n"
            "from briefreader.corpus.library import Library\n"
            "lib = Library.open(Path(sys.argv[1]))\n"
            "print(repr(lib.import_paths([Path(sys.argv[2])]).skipped))\n"
        )
        result = subprocess.run(
            [*DROP_DAC, sys.executable, "-c", script, str(tmp_path / "lib.db"), str(secret)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        secret.chmod(0o600)
    assert result.returncode == 0, result.stderr
    # Named as given, without its folders: a report never shows a local path.
    assert result.stdout.strip() == repr(((secret.name, "permission denied"),))


def test_unreadable_folders_are_skipped(library: Library, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    report = library.import_paths([missing])
    assert report.skipped == (("nowhere", "no such file or folder"),)


def test_the_size_cap_is_configurable_and_defaults_to_50_mb(
    library: Library, tmp_path: Path
) -> None:
    text = tmp_path / "a.txt"
    text.write_text(GOOD)
    assert library.import_paths([text], max_bytes=10).skipped[0][1].startswith("over the size cap")
    assert library.import_paths([text]).added


def test_legacy_and_undecodable_bytes_are_flagged(library: Library, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        "Le ministre a déclaré qu’il était « très déçu » des négociations à Genève.".encode(
            "cp1252"
        )
    )
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes((i * 131 + 7) % 256 for i in range(4000)))
    report = library.import_paths([legacy, noise])
    (doc,) = library.documents()
    assert "déçu" in doc.body
    assert doc.encoding == "cp1252"
    assert any("encoding guessed" in w for w in doc.warnings)
    assert any(Path(p).name == "legacy.txt" and "guessed" in m for p, m in report.warnings)
    assert _reasons(report)["noise.txt"].startswith(("binary", "undecodable"))


def test_unknown_suffix_given_by_name_is_read_as_text_with_a_warning(
    library: Library, tmp_path: Path
) -> None:
    notes = tmp_path / "NOTES"
    notes.write_text(GOOD)
    report = library.import_paths([notes])
    assert report.added
    assert report.warnings == (("NOTES", "unknown file type; read as plain text"),)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=600).map(str.encode),
        st.text(max_size=300).map(lambda t: t.encode("utf-16")),
        st.text(max_size=300).map(lambda t: t.encode("cp1252", errors="ignore")),
    ),
    fmt=st.sampled_from(["text", "markdown", "html"]),
)
def test_any_bytes_give_documents_or_a_clear_rejection(data: bytes, fmt: str) -> None:
    try:
        parsed = parse_bytes(data, source="x", fmt=fmt)
    except Rejected as rejection:
        assert str(rejection)  # a reason a person can read
        return
    assert parsed.documents
    for doc in parsed.documents:
        assert doc.id and doc.body
        assert all(para.strip() for para in doc.body.split(PARAGRAPH_SEPARATOR))
        assert "\x00" not in doc.body
        spans = doc.paragraph_spans()
        assert [doc.body[a:b] for a, b in spans] == list(doc.paragraphs)


def test_permission_errors_are_named_even_when_running_as_root(tmp_path: Path) -> None:
    """Root reads everything, so the mapping is checked on the error itself."""
    from briefreader.corpus.files import _stat_reason

    error = PermissionError(errno.EACCES, "Permission denied")
    assert _stat_reason(tmp_path / "x.txt", error) == "permission denied"
    assert (
        _stat_reason(tmp_path / "x", OSError(errno.EIO, "I/O error")) == "cannot be read: I/O error"
    )


def test_a_file_name_that_is_not_utf8_is_imported_under_an_escaped_name(
    library: Library, tmp_path: Path
) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    odd.write_text(GOOD)
    report = library.import_paths([tmp_path])
    (doc,) = library.documents()
    assert report.added == (doc.id,)
    assert doc.source.endswith("caf\\xe9.txt")
    assert library.import_paths([tmp_path]).added == ()
