"""Search in the window: the query line, the ranked results, the marks, the workers."""
