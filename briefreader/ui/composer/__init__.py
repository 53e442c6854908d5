"""The briefing composer: its pane, models, dialogs, and the background export."""
