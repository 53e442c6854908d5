"""What a screen reader hears for each pane and control: one table of names and descriptions.

Widgets are found by their object names once the window is built, so the
features need not each repeat accessibility plumbing, and one page shows
what every control is called and what it does. A name a feature set
itself (a line's own label) is kept; the table fills what is missing. The
test that walks the `QAccessible` tree fails on anything left unnamed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMainWindow, QTableWidget, QWidget

#: object name -> (accessible name, accessible description).
LABELS: dict[str, tuple[str, str]] = {
    "reader": (
        "Reading pane",
        "The open document; j and k move the paragraph cursor, ] and [ go from one "
        "group or country to the next, ? lists every key",
    ),
    "documents": (
        "Documents",
        "The library's documents with publisher and date; Return opens one, o changes the order",
    ),
    "facets": (
        "Filters pane",
        "Read state, story versions, groups and countries that narrow the list",
    ),
    "facet-list": ("Filters", "Space ticks a filter; groups and countries must all be named"),
    "facet-narrow": (
        "Narrow filter values",
        "Type to shorten the lists of groups and countries; Return goes to the list",
    ),
    "legend": ("Legend", "Groups and countries named in this document, with counts"),
    "notes": ("Notes", "Your note on the open document, its excerpts and the free memo"),
    "document-note": ("Note on this document", "Markdown, saved as you type"),
    "document-excerpts": (
        "Excerpts in this document",
        "Return goes to an excerpt in the text; t tags, c comments, p marks priority",
    ),
    "memo": ("Memo", "A free memo, not tied to any document, saved as you type"),
    "excerpt-bin": ("Excerpt bin", "Every excerpt from every document, filterable"),
    "excerpt-table": (
        "Excerpt bin",
        "Every excerpt: quote, source, grade, tags and flags; Return goes to it in the text",
    ),
    "excerpt-words": (
        "Excerpt words",
        "Show only excerpts with these words in the quote, comment, tags or title",
    ),
    "excerpt-filter-entity": ("Group or country", "Show only excerpts naming this entity"),
    "excerpt-filter-tag": ("Tag", "Show only excerpts with this tag"),
    "excerpt-filter-document": ("Document", "Show only excerpts from this document"),
    "excerpt-filter-flag": ("Flag", "Show only priority, commented or orphaned excerpts"),
    "search": ("Search pane", "The query line, what it found, and the ranked results"),
    "search-line": (
        "Search query",
        "Words, phrases in quotes, group: or title: fields; Return reads the chosen result",
    ),
    "search-results": (
        "Search results",
        "Ranked documents and notes with the matches in context; Down and Up choose",
    ),
    "composer": ("Briefing composer", "The briefing's details and its sections of excerpts"),
    "composer-briefing": ("Briefing", "Which briefing is open; b opens another, B makes one"),
    "composer-title": ("Title", "The briefing's title, printed on the cover"),
    "composer-author": ("Author", "Who wrote the briefing"),
    "composer-date": ("Date", "The briefing's date, YYYY-MM-DD"),
    "composer-marking": ("Marking", "The handling marking printed on every page"),
    "composer-grouping": ("Grouping", "How excerpts are put into sections"),
    "composer-summary": ("Key judgements", "Paragraphs, or lines starting with '- ' for bullets"),
    "composer-items": (
        "Briefing excerpts",
        "Sections and their excerpts in print order; Alt+Up and Alt+Down move one",
    ),
    "analysis-tabs": (
        "Analysis",
        "Dossier, timeline, co-mentions, what is new, the inbox and batch search",
    ),
    "dossier-documents": ("Dossier documents", "Documents naming the entity, newest first"),
    "dossier-excerpts": ("Dossier excerpts", "Your excerpts that name the entity"),
    "comention-matrix": ("Co-mentions", "How often each group is named with each country"),
    "since-documents": ("New documents", "Documents imported since the chosen briefing or date"),
    "since-changes": ("New work", "Excerpts and notes made since the chosen briefing or date"),
    "inbox-watches": ("Standing queries", "Searches run on every import, with waiting counts"),
    "inbox-hits": ("Inbox", "New documents a standing query found; Return opens one"),
    "timeline-chart": ("Timeline", "Mentions per week or month of the chosen entities"),
    "batch-results": ("Batch results", "Hit counts for each pasted name or query"),
    "palette-line": ("Command", "Type part of a command's name; Return runs the chosen one"),
    "help-keys": ("Keys", "Every key in the mode you came from, with what it does"),
}


def label_everything(window: QMainWindow) -> None:
    """Give every known widget its name and description (keeping ones already set)."""
    for widget in (window, *window.findChildren(QWidget)):
        parent = widget.parentWidget()
        dialog = parent.objectName() if parent is not None else ""
        if not widget.objectName() and dialog in ("help", "palette"):
            if isinstance(widget, QTableWidget):
                widget.setObjectName("help-keys")
            elif isinstance(widget, QLineEdit):
                widget.setObjectName("palette-line")
        label = LABELS.get(widget.objectName())
        if label is None:
            continue
        name, description = label
        if not widget.accessibleName():
            widget.setAccessibleName(name)
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(description)
