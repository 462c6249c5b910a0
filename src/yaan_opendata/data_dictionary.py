"""Generate docs/data-dictionary.md from the table registry, so the docs never drift.

Run `python -m yaan_opendata.data_dictionary` after changing model.py or tables.py;
a test fails while the committed file differs from a fresh generation.
"""

from __future__ import annotations

from pathlib import Path

from .tables import TABLES

DICTIONARY_PATH = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _titled(title: str, description: str, separator: str) -> str:
    """'title: description', or the title alone when the description only repeats it."""
    if description == title:
        return _cell(title)
    return f"{_cell(title)}{separator}{_cell(description)}"


def data_dictionary() -> str:
    lines = [
        "# Data dictionary / 数据字典",
        "",
        "Generated from `src/yaan_opendata/tables.py` and `model.py` by "
        "`python -m yaan_opendata.data_dictionary`; do not edit by hand.",
        "",
    ]
    for table in TABLES:
        lines += [
            f"## `{table.name}` — {table.title_zh} / {table.title_en}",
            "",
            f"{table.description_zh}。{table.description_en}.",
            "",
            f"Primary key: `{', '.join(table.primary_key)}`.",
        ]
        if table.foreign_keys:
            links = ", ".join(f"`{fk.fields}` → `{fk.table}.{fk.table_fields}`" for fk in table.foreign_keys)
            lines.append(f"Foreign keys: {links}.")
        lines += ["", "| field | type | 中文 | English | unit | constraints |", "|---|---|---|---|---|---|"]
        for field in table.fields:
            constraints = []
            if field.required:
                constraints.append("required")
            if field.enum:
                constraints.append("one of " + ", ".join(f"`{v}`" for v in field.enum))
            if field.minimum is not None:
                constraints.append(f"≥ {field.minimum}")
            if field.maximum is not None:
                constraints.append(f"≤ {field.maximum}")
            if field.pattern:
                constraints.append(f"pattern `{field.pattern}`")
            lines.append(
                f"| `{field.name}` | {field.type} | {_titled(field.title_zh, field.description_zh, ':')} "
                f"| {_titled(field.title_en, field.description_en, ': ')} | {field.unit or ''} "
                f"| {_cell('; '.join(constraints))} |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    DICTIONARY_PATH.parent.mkdir(exist_ok=True)
    DICTIONARY_PATH.write_text(data_dictionary(), encoding="utf-8")
    print(f"wrote {DICTIONARY_PATH}")


if __name__ == "__main__":
    main()
