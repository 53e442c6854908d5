"""The entity highlight colours and cues, read from resources/palette.toml.

The reading pane reads the same file, so a mention looks the same on screen
and on paper. The PDF uses the light theme: paper is white.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefreader.domain import EntityKind
from briefreader.paths import resources_dir
from briefreader.tomlfile import read_toml


@dataclass(frozen=True, slots=True)
class EntityLook:
    """How one kind of mention is printed.

    `cue` is the non-colour signal ("bold-solid-underline",
    "dotted-underline", ...): its parts are honoured independently, so
    that a greyscale print still tells the kinds apart.
    """

    label: str
    foreground: str  # "#rrggbb"
    background: str
    cue: str

    @property
    def bold(self) -> bool:
        return "bold" in self.cue

    @property
    def italic(self) -> bool:
        return "italic" in self.cue

    @property
    def underline(self) -> str:
        """ "solid", "dotted" or "" (none)."""
        if "dotted-underline" in self.cue:
            return "dotted"
        return "solid" if "underline" in self.cue else ""


_DEFAULTS: dict[str, EntityLook] = {
    "group": EntityLook("group", "#8c1d18", "#fde2dc", "bold-solid-underline"),
    "country": EntityLook("country", "#0b4f9c", "#dceafe", "dotted-underline"),
}


def _colour(value: object, default: str) -> str:
    if isinstance(value, str) and len(value) == 7 and value.startswith("#"):
        try:
            int(value[1:], 16)
        except ValueError:
            return default
        return value.lower()
    return default


def load_palette(path: Path | None = None) -> dict[EntityKind, EntityLook]:
    """The light-theme look of each entity kind; defaults fill anything missing or invalid."""
    path = path or resources_dir() / "palette.toml"
    data = read_toml(path).data  # never raises: defaults fill whatever is missing
    looks: dict[EntityKind, EntityLook] = {}
    kinds: tuple[EntityKind, ...] = ("group", "country")
    for kind in kinds:
        default = _DEFAULTS[kind]
        table = data.get(kind, {})
        table = table if isinstance(table, dict) else {}
        looks[kind] = EntityLook(
            label=str(table.get("label", default.label)),
            foreground=_colour(table.get("light_foreground"), default.foreground),
            background=_colour(table.get("light_background"), default.background),
            cue=str(table.get("cue", default.cue)),
        )
    return looks
