"""Notes and excerpts: the notes panel, capture and visual selection, the excerpt bin."""
