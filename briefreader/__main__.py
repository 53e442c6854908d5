"""`python -m briefreader` runs the same entry point as the console script."""

from briefreader.app import main

raise SystemExit(main())
