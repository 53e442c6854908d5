"""Showing untrusted text in places Qt might read as markup.

QToolTip guesses rich text from the string (`Qt::mightBeRichText`), so a
title like "<img src=...>" would be rendered. Every tooltip built from
document or gazetteer text goes through `plain_tooltip`, which escapes it and
wraps it as rich text we wrote ourselves, so Qt never guesses.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    lines = (html.escape(line, quote=False) for line in text.splitlines())
    return "<qt>" + "<br>".join(lines) + "</qt>"
