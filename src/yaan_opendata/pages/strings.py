"""The site's interface words, Chinese first with English beside (``strings.yml``)."""

from __future__ import annotations

import functools
from importlib import resources

import yaml
from markupsafe import Markup, escape


@functools.cache
def strings() -> dict[str, tuple[str, str]]:
    text = resources.files(__package__).joinpath("strings.yml").read_text(encoding="utf-8")
    return {key: (zh, en) for key, (zh, en) in yaml.safe_load(text).items()}


def zh(key: str) -> str:
    return strings()[key][0]


def en(key: str) -> str:
    return strings()[key][1]


def say(key: str) -> Markup:
    """``中文 English``: the English in a span a stylesheet can set smaller, marked ``lang="en"``."""
    chinese, english = strings()[key]
    return Markup(f'{escape(chinese)} <span class="en" lang="en">{escape(english)}</span>')


def operator(key: str, display: str) -> str:
    """A filter operator in Chinese with Datasette's sign: ``包含 contains``."""
    found = strings().get(f"op_{key}")
    return f"{found[0]} {display}" if found else display


class Say:
    """The strings for templates: ``{{ yaan.say("search") }}``, ``{{ yaan.zh("search") }}``."""

    say = staticmethod(say)
    zh = staticmethod(zh)
    en = staticmethod(en)
    operator = staticmethod(operator)
