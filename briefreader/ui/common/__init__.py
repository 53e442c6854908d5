"""Shared by every feature: the `Host` protocol, workers, theme, focus, palette, help."""
