#!/usr/bin/env python3
"""Run briefreader from a checkout: `python main.py [options]` is `briefreader [options]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefreader.app import main

if __name__ == "__main__":
    raise SystemExit(main())
