"""The functional codes a document prints beside their names, in its tables.

The statistical tables print each line with its code ("2013808 信息化建设 412.60",
"201 06 01" over three columns, or one cell per line: "2013808" / "信息化建设").
Where a document prints a code, its own code is the one its figures get: the
shipped list (codelists/functional.csv) was compiled without an official copy,
and departments of some years use codes it lacks. ``codes_stated`` reads them;
``codelists.FunctionalIndex`` puts them before the shipped ones.
"""

from __future__ import annotations

import re

from ..source import SourceDocument

# "2013808 信息化建设 …" / "201 06 01 行政运行 …" / "21101 环境保护管理事务"
CODE_AND_NAME = re.compile(
    r"^(?P<code>2\d{2}(?:\s?\d{2}){0,2})\s*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()“”、]{1,40}?)(?=\s|$|\d)"
)
CODE_ONLY = re.compile(r"^(?:2\d{2}|\d{2})$|^2\d{4}(?:\d{2})?$")
NAME_ONLY = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff()“”、]{1,40}$")


def codes_stated(doc: SourceDocument) -> dict[str, str]:
    """Code → name, for every code the document prints with a name (the first it prints)."""
    found: dict[str, str] = {}
    texts = [p.text for p in doc.paragraphs]
    index = 0
    while index < len(texts):
        text = texts[index]
        match = CODE_AND_NAME.match(text)
        if match:
            _add(found, match["code"].replace(" ", ""), match["name"])
            index += 1
            continue
        # one cell per line: "201" "06" "01" "行政运行", or "2010601" "行政运行"
        parts = []
        while index < len(texts) and CODE_ONLY.match(texts[index]) and len(parts) < 3:
            parts.append(texts[index])
            index += 1
        if parts:
            code = "".join(parts)
            if index < len(texts) and NAME_ONLY.match(texts[index]) and re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", code):
                _add(found, code, texts[index])
            continue
        index += 1
    return found


def _add(found: dict[str, str], code: str, name: str) -> None:
    if len(code) in (3, 5, 7) and code not in found:
        found[code] = name.strip()
