"""The Qt face of briefreader, grouped by feature like `control/`.

- `window.py`: the main window, app-level wiring only: it builds the panes and
  the features, applies each command's `Changes`, and implements `Host`.
- `launch.py`: start-up (paint first, then load the library in a worker);
  `session.py`: what the window remembers; `bindings.py`: window-level commands.
- `reader/`: the reading pane, its highlighter and commands, the document list,
  the legend and the filters.
- `search/`: the query line and ranked results, hit marks, the search thread
  and the index worker.
- `notes/`: the notes panel, excerpts (capture, visual selection, the bin, dialogs).
- `composer/`: the briefing composer, its dialogs and the background export.
- `common/`: what every feature shares: the `Host` protocol (what a feature may
  ask of the window), workers, theme, focus, the palette, help, actions, list panes.

Dependencies run one way: `launch` → `window` → features → `common`; no feature
imports the window (an import-linter contract in `pyproject.toml` keeps it so).
"""
