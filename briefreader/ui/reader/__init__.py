"""The reading pane and what steers it: the document list, the legend, the filters."""
