"""Group and country recognition: a curated gazetteer and a fast matcher.

`find_mentions(text)` is the one pure function the reader, the search index
and the PDF exporter call; `Gazetteer.aliases_of` gives search every
spelling of an entity, `Gazetteer.relations_of` and `Gazetteer.family` how
organisations stand to each other (relations.py). The data and its rules
live in resources/gazetteer/.
"""

from __future__ import annotations

from briefreader.entities.gazetteer import Entity, Gazetteer, GazetteerError, load_gazetteer
from briefreader.entities.matcher import Matcher, default_matcher, find_mentions
from briefreader.entities.relations import Relation

__all__ = [
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "Matcher",
    "Relation",
    "default_matcher",
    "find_mentions",
    "load_gazetteer",
]
