"""The entity colours and non-colour cues, read from the file the PDF export reads too.

`resources/palette.toml` is shared with the exporter so a group looks the same
on screen and on paper. A missing or partial file falls back to built-in
values per field, so a bad edit can never leave a kind unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefreader.domain import EntityKind
from briefreader.paths import resources_dir
from briefreader.tomlfile import read_toml

KINDS: tuple[EntityKind, ...] = ("group", "country")


@dataclass(frozen=True, slots=True)
class KindStyle:
    label: str
    foreground: str
    background: str
    underline: str
    dark_foreground: str
    dark_background: str
    cue: tuple[str, ...]  # words of the cue: "bold", "solid", "dotted", "underline", "italic"

    def colours(self, *, dark: bool) -> tuple[str, str]:
        """(foreground, background) for a light or a dark theme."""
        if dark:
            return self.dark_foreground, self.dark_background
        return self.foreground, self.background


DEFAULTS: dict[EntityKind, KindStyle] = {
    "group": KindStyle(
        "group",
        "#8c1d18",
        "#fde2dc",
        "#8c1d18",
        "#ffb4a9",
        "#5c1a14",
        ("bold", "solid", "underline"),
    ),
    "country": KindStyle(
        "country", "#0b4f9c", "#dceafe", "#0b4f9c", "#a8c8ff", "#1a3558", ("dotted", "underline")
    ),
}


def palette_file() -> Path:
    return resources_dir() / "palette.toml"


def load_palette(path: Path | None = None) -> dict[EntityKind, KindStyle]:
    path = path or palette_file()
    data = read_toml(path).data  # never raises: defaults fill whatever is missing
    styles: dict[EntityKind, KindStyle] = {}
    for kind in KINDS:
        base = DEFAULTS[kind]
        table = data.get(kind, {})
        table = table if isinstance(table, dict) else {}

        def pick(*names: str, fallback: str, table: dict = table) -> str:
            for name in names:
                value = table.get(name)
                if isinstance(value, str) and _is_colour_or_label(name, value):
                    return value
            return fallback

        cue = table.get("cue", base.cue)
        words = cue.split("-") if isinstance(cue, str) else [c for c in cue if isinstance(c, str)]
        cue_parts = tuple(word.strip().lower() for word in words if word.strip())
        foreground = pick("light_foreground", "foreground", fallback=base.foreground)
        styles[kind] = KindStyle(
            label=pick("label", fallback=base.label),
            foreground=foreground,
            background=pick("light_background", "background", fallback=base.background),
            underline=pick("underline", fallback=foreground),
            dark_foreground=pick("dark_foreground", fallback=base.dark_foreground),
            dark_background=pick("dark_background", fallback=base.dark_background),
            cue=cue_parts or base.cue,
        )
    return styles


def _is_colour_or_label(name: str, value: str) -> bool:
    if name == "label":
        return bool(value.strip())
    hexpart = value[1:]
    return (
        value.startswith("#")
        and len(hexpart) in (6, 8)
        and all(c in "0123456789abcdefABCDEF" for c in hexpart)
    )
