"""Reading exported PDFs back with the command-line tools a reviewer would use."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "qpdf")
needs_tools = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="poppler-utils and qpdf are needed (see the README's test command)",
)


def run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = []
    if first is not None:
        pages += ["-f", str(first)]
    if last is not None:
        pages += ["-l", str(last)]
    # -raw: content-stream order, and no de-hyphenation of "b-\nc" into "bc".
    return run("pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-")


_PAGE_LINE = re.compile(r"(?:^|\s)Page \d+ of \d+$")


def body_text(pdf: Path, *furniture: str) -> str:
    """The text without running headers and footers (`furniture` lines, "Page X of Y").

    Headers and footers are drawn when a page is finished, so in extracted text
    they sit in the middle of a quote that runs across a page break.
    """
    drop = {normalise(f) for f in furniture if f}
    lines = [
        line
        for page in text_of(pdf).split("\f")
        for line in page.splitlines()
        if normalise(line) not in drop and not _PAGE_LINE.search(line.strip())
    ]
    return "\n".join(lines)


def normalise(text: str) -> str:
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """All whitespace removed: for text that may wrap inside a word."""
    return "".join(text.split())


def fonts_of(pdf: Path) -> list[dict[str, str]]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    fonts = []
    for line in lines:
        # name type encoding emb sub uni object ID; type may contain spaces ("Type 1")
        match = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)", line)
        assert match, line
        fonts.append({"name": match.group(1), "type": match.group(2), "emb": match.group(4)})
    return fonts


def info_of(pdf: Path) -> dict[str, str]:
    info = {}
    for line in run("pdfinfo", str(pdf)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def qpdf_check(pdf: Path) -> str:
    return run("qpdf", "--check", str(pdf))
