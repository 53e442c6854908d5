"""Run briefreader commands in this process and print what each did, as JSON.

The fault tests start this under a real fault (a read-only bind mount, a
small tmpfs) that only a child process can see. Usage:

    cli_child.py SCRIPT.json

SCRIPT holds a list of steps: {"run": [args...]} runs `briefreader args`;
{"fill": DIR, "leave": BYTES} writes a filler file into DIR until the disk is
full and then frees BYTES of it; {"unfill": DIR} deletes the filler.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import sys
from pathlib import Path

from briefreader.app import main


def fill(folder: Path, leave: int) -> int:
    """Fill the disk holding `folder`, then free `leave` bytes; returns the bytes written."""
    filler = folder / "filler.bin"
    written = 0
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                written += handle.write(chunk)
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
        for size in (4096, 512, 1):  # the last partial blocks too
            try:
                while True:
                    written += handle.write(b"\0" * size)
            except OSError:
                pass
        os.ftruncate(handle.fileno(), max(written - leave, 0))
    return written


def run(args: list[str]) -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return {"args": args, "status": status, "out": out.getvalue(), "err": err.getvalue()}


def main_child() -> None:
    steps = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    results: list[dict[str, object]] = []
    for step in steps:
        if "run" in step:
            results.append(run(step["run"]))
        elif "fill" in step:
            results.append({"filled": fill(Path(step["fill"]), int(step.get("leave", 0)))})
        elif "unfill" in step:
            (Path(step["unfill"]) / "filler.bin").unlink()
            results.append({"unfilled": True})
    print(json.dumps(results))


if __name__ == "__main__":
    main_child()
