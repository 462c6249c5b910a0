"""The lexicon: what departments call the template's sections and concepts (data files).

``sections.yml`` names the headings, ``concepts.yml`` the money concepts of the
explanation and their chapters, ``phrases.yml`` the words that may stand between
a concept's name and its amount, ``tables.yml`` the statistical tables and
``templates.yml`` the disclosure templates and what each requires,
``restatements.yml`` where the template states a figure again. They are read once, from the installed package,
and compiled here; nothing else reads the files. A user teaches the extractor a
new wording by adding it to a file (docs/extraction.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

# libyaml's loader reads the lexicon in a tenth of the time (where PyYAML was built with it)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> dict:
    return yaml.load(resources.files(__package__).joinpath(name).read_text("utf-8"), Loader=_LOADER)


@functools.cache
def section_patterns() -> dict[str, re.Pattern]:
    """Each section name of ``sections.yml`` as one pattern (its wordings joined by |)."""
    return {key: re.compile("|".join(f"(?:{w})" for w in wordings)) for key, wordings in _load("sections.yml").items()}


@dataclass(frozen=True)
class Concept:
    """A money concept of the explanation: the figure key and dimensions of what a name states."""

    key: str
    chapter: str
    names: tuple[str, ...]
    label_zh: str
    label_en: str
    flow: str
    fund: str
    category: str
    item: str
    classification_id: str | None = None
    same_as: str | None = None  # the key of the same fact stated in another chapter


@dataclass(frozen=True)
class Chapter:
    """A chapter of the explanation, where its concepts are read."""

    key: str
    section: tuple[str, ...]
    subsections: dict[str, str] = field(default_factory=dict)
    share_base: str | None = None
    classified: str | None = None  # the fund of the 类/款/项 figures read here
    reasons_name: tuple[str, ...] = ()
    reason_suffix: str | None = None
    restated_as: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    chapters: dict[str, Chapter]
    concepts: dict[str, Concept]
    phrases: dict[str, tuple[str, ...]]
    # The figures every department states (a strict build requires them): each entry is a
    # tuple of alternatives, each alternative the keys that together satisfy it.
    headline: tuple[tuple[tuple[str, ...], ...], ...]

    def concepts_of(self, chapter: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.chapter == chapter]


@functools.cache
def lexicon() -> Lexicon:
    data = _load("concepts.yml")
    chapters = {
        key: Chapter(
            key=key,
            section=tuple(spec["section"]),
            subsections=dict(spec.get("subsections", {})),
            share_base=spec.get("share_base"),
            classified=spec.get("classified"),
            reasons_name=tuple(spec.get("reasons_name", ())),
            reason_suffix=spec.get("reason_suffix"),
            restated_as=dict(spec.get("restated_as", {})),
        )
        for key, spec in data["chapters"].items()
    }
    concepts = {}
    for key, spec in data["concepts"].items():
        if spec["chapter"] not in chapters:
            raise ValueError(f"concepts.yml: {key} names an unknown chapter {spec['chapter']!r}")
        label_zh, label_en = spec["label"]
        concepts[key] = Concept(
            key=key,
            chapter=spec["chapter"],
            names=tuple(spec["names"]),
            label_zh=label_zh,
            label_en=label_en,
            classification_id=spec.get("classification"),
            same_as=spec.get("same_as"),
            **spec["dimensions"],
        )
    phrases = {kind: tuple(words) for kind, words in _load("phrases.yml").items()}
    headline = tuple(
        tuple(tuple(key.strip() for key in alternative.split("&")) for alternative in entry.split("|"))
        for entry in data["headline"]
    )
    unknown = [key for entry in headline for alternative in entry for key in alternative if key not in concepts]
    if unknown:
        raise ValueError(f"concepts.yml: headline names unknown concepts {unknown}")
    return Lexicon(chapters, concepts, phrases, headline)


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: re.Pattern
    flow: str | None
    fund: str
    phase: str


@dataclass(frozen=True)
class TableSpec:
    """One of the statistical tables (tables.yml): how it is titled and what its rows and
    columns state."""

    key: str
    label_zh: str
    label_en: str
    titles: re.Pattern
    code: str | None  # "functional" or "economic": rows keyed by their code
    labels: dict[str, re.Pattern]
    columns: tuple[ColumnSpec, ...]
    figures: dict[str, str]
    sums: dict[str, tuple[str, ...]]
    sides: dict[str, tuple[str, ...]]


@functools.cache
def table_specs() -> dict[str, TableSpec]:
    data = _load("tables.yml")
    specs = {}
    for key, spec in data["tables"].items():
        rows = spec.get("rows", {})
        specs[key] = TableSpec(
            key=key,
            label_zh=spec["label"][0],
            label_en=spec["label"][1],
            titles=re.compile("|".join(f"(?:{t})" for t in spec["titles"])),
            code=rows.get("code"),
            labels={k: re.compile(v) for k, v in rows.get("labels", {}).items()},
            columns=tuple(ColumnSpec(k, re.compile(v[0]), v[1], v[2], v[3]) for k, v in spec["columns"].items()),
            figures=dict(spec.get("figures", {})),
            sums={k: tuple(v) for k, v in spec.get("sums", {}).items()},
            sides={k: tuple(v) for k, v in spec.get("sides", {}).items()},
        )
    return specs


# The number a document gives a table: "二、", "2.", "表2", "表2：", "附表2", "公开02表"
_TABLE_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、．]|附?表\d+[:：.、]?|公开\d+表)")


def table_named(title: str) -> TableSpec | None:
    """The table a title names; the longest matching title wins (财政拨款收入支出决算总表
    before 收入支出决算总表)."""
    plain = _TABLE_NUMBER.sub("", re.sub(r"\s+", "", title))
    found = [(m.end() - m.start(), spec) for spec in table_specs().values() if (m := spec.titles.search(plain))]
    return max(found, key=lambda f: f[0])[1] if found else None


@dataclass(frozen=True)
class Template:
    """A disclosure template (templates.yml): the headings and tables it requires."""

    key: str
    label_zh: str
    label_en: str
    sign: re.Pattern  # a part heading only this template has
    sections: tuple[tuple[re.Pattern, re.Pattern, str, str], ...]  # (part, heading, words, English)
    tables: tuple[str, ...]


@functools.cache
def templates() -> tuple[Template, ...]:
    data = _load("templates.yml")["templates"]
    result = []
    for key, spec in data.items():
        unknown = [t for t in spec.get("tables", ()) if t not in table_specs()]
        if unknown:
            raise ValueError(f"templates.yml: {key} requires unknown tables {unknown}")
        result.append(Template(
            key=key, label_zh=spec["label"][0], label_en=spec["label"][1], sign=re.compile(spec["sign"]),
            sections=tuple((re.compile(part), re.compile(words), words, english)
                           for part, words, english in spec["sections"]),
            tables=tuple(spec.get("tables", ())),
        ))
    return tuple(result)


@dataclass(frozen=True)
class Restatements:
    """Where the template states a figure again (restatements.yml)."""

    restated: tuple[tuple[re.Pattern, str], ...]  # (restating key, first key with \1 …)
    said_again: re.Pattern

    def first_statement(self, key: str) -> str | None:
        """The key a restating key restates, or None."""
        for pattern, original in self.restated:
            match = pattern.fullmatch(key)
            if match:
                return match.expand(original)
        return None

    def concept(self, key: str) -> str:
        """The key of the fact a statement's key states: marks of a key said again removed,
        restatements followed to the first statement."""
        seen = set()
        while key not in seen:
            seen.add(key)
            key = self.said_again.sub("", key)
            key = self.first_statement(key) or key
        return key


@functools.cache
def restatements() -> Restatements:
    data = _load("restatements.yml")
    return Restatements(
        restated=tuple((re.compile(pattern), original) for pattern, original in data["restated"]),
        said_again=re.compile(data["said_again"]),
    )
