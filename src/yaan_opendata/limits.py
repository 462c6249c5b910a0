"""The limits of what a build reads (``limits.yml``): sizes and amounts no real disclosure reaches.

Read once from the installed package. A source beyond a limit is refused before it
costs time or memory, with one line naming the document and the limit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class Limits:
    max_source_bytes: int
    max_paragraph_chars: int
    max_paragraphs: int
    max_amount_yuan: int


@functools.cache
def limits() -> Limits:
    text = resources.files(__package__).joinpath("limits.yml").read_text("utf-8")
    return Limits(**{name: int(value) for name, value in yaml.safe_load(text).items()})
