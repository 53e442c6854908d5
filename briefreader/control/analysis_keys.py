"""The analysis views' commands and keys: the dossier, timeline, co-mentions, since, inbox, batch.

Part of the one registry and the one key table (`commands.COMMANDS` and
`keymap.DEFAULT_KEYS` take these in), kept here so those modules stay
small. The "analysis" mode is the analysis pane having focus; every view
shares its keys, and a key that means nothing in the current view says so.
No single key here may be the first key of a sequence in another window
mode (`t` and `g` start sequences in normal mode).
"""

from __future__ import annotations

from briefreader.control.excerpt_keys import PANE_KEYS, WINDOW_KEYS

#: (name, help) of every analysis command, in the order help lists them.
ANALYSIS_COMMANDS: tuple[tuple[str, str], ...] = (
    ("focus-analysis", "Focus the analysis pane (dossier, timeline, co-mentions, since, inbox)"),
    ("open-dossier", "Open the dossier of the group or country under the cursor or in the legend"),
    ("show-dossier", "Show the dossier view (the entity last opened)"),
    ("show-timeline", "Show the timeline: mentions per week or month of chosen entities"),
    ("show-comentions", "Show the co-mention matrix: groups by countries or by groups"),
    ("show-since", "Show what is new since the last briefing (or a date you give)"),
    ("show-inbox", "Show the standing queries and the documents waiting in their inbox"),
    ("show-batch", "Show batch search: hit counts for a pasted list of names or queries"),
    ("next-analysis-view", "Show the next analysis view"),
    ("previous-analysis-view", "Show the previous analysis view"),
    ("analysis-open", "Open the chosen document, or list the chosen period's or cell's documents"),
    ("analysis-filter", "Put the view's documents in the document list's filter"),
    ("analysis-previous-item", "Choose the previous period in the timeline"),
    ("analysis-next-item", "Choose the next period in the timeline"),
    ("timeline-add-entity", "Add a group or country to the timeline (any spelling)"),
    ("timeline-remove-entity", "Remove the last added group or country from the timeline"),
    ("timeline-toggle-unit", "Count the timeline per week or per month"),
    ("timeline-cycle-metric", "Show mentions, documents, or share of all mentions"),
    ("matrix-toggle-columns", "Co-mentions with countries, or with other groups"),
    ("matrix-toggle-count", "Count co-mentions per document or per paragraph"),
    ("since-choose", "Count from another briefing or a date"),
    ("save-search-as-watch", "Save a search as a standing query (run on every import)"),
    ("delete-watch", "Delete the standing query under the cursor (Ctrl+Z brings it back)"),
    ("mark-hit-seen", "Take the document under the cursor out of the inbox"),
    ("mark-all-seen", "Take every document out of the inbox without reading it"),
    ("batch-paste", "Paste a list of names or queries to count (one per line)"),
)

#: Added to normal mode.
ANALYSIS_NORMAL_KEYS: dict[str, str] = {
    "D": "open-dossier",
    "8": "focus-analysis",
}

#: The analysis pane has focus.
ANALYSIS_KEYS: dict[str, str] = {
    "]": "next-analysis-view",
    "[": "previous-analysis-view",
    "D": "show-dossier",
    "L": "show-timeline",
    "C": "show-comentions",
    "S": "show-since",
    "I": "show-inbox",
    "B": "show-batch",
    "Return": "analysis-open",
    "Enter": "analysis-open",
    "o": "analysis-open",
    "f": "analysis-filter",
    "h": "analysis-previous-item",
    "l": "analysis-next-item",
    "a": "timeline-add-entity",
    "x": "timeline-remove-entity",
    "w": "timeline-toggle-unit",
    "m": "timeline-cycle-metric",
    "c": "matrix-toggle-columns",
    "p": "matrix-toggle-count",
    "b": "since-choose",
    "n": "save-search-as-watch",
    "Delete": "delete-watch",
    "s": "mark-hit-seen",
    "A": "mark-all-seen",
    "v": "batch-paste",
    **PANE_KEYS,
    "Escape": "leave-mode",
    **WINDOW_KEYS,
}
