"""The analysis pane: dossier, timeline, co-mention matrix, what's new, inbox, batch search.

Views adapt the core `briefreader.analysis` results; `wiring.attach_analysis`
puts the pane in the window and binds its commands.
"""
