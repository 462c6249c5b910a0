"""Find a template section by its heading wording, and read a heading's numbering and phrase.

``common.section`` finds a section by its numbering path ("第一部分 / 二、");
some sections are better found by what their heading says ("人员概况"),
because their number depends on what else a department writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Paragraph
from ..source import SourceDocument, heading_marker, strip_marker

_DIGITS = {d: n for n, d in enumerate("零一二三四五六七八九", start=0)}
_SENTENCE_END = "。"
_COMMA = re.compile(r"[,\uff0c]")
# A heading phrase longer than this runs on into the body text ("(6)积极推动技术创新和产业应用,
# 成功承办了…进入决赛1支。" has no full stop of its own); it is cut at the first comma.
MAX_HEADING_PHRASE = 30


def under_heading(
    doc: SourceDocument,
    paragraphs: Iterable[Paragraph],
    pattern: re.Pattern,
    what: str,
    *,
    required: bool = True,
) -> tuple[Paragraph | None, list[Paragraph]]:
    """The first heading matching ``pattern`` and the paragraphs of its section.

    The section is every later paragraph whose path is the heading's path or
    deeper, i.e. everything up to the next heading of the same or higher rank.
    Without such a heading: an error, or ``(None, [])`` when not ``required``.
    """
    paragraphs = list(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        if heading_marker(paragraph.text) and pattern.search(paragraph.text):
            path = paragraph.section_path
            body = [
                p
                for p in paragraphs[index + 1:]
                if p.section_path == path or p.section_path.startswith(path + " / ")
            ]
            return paragraph, body
    if not required:
        return None, []
    where = paragraphs[0] if paragraphs else None
    raise doc.error(f"{what}: no heading matching {pattern.pattern!r}", where)


def heading_phrase(text: str) -> str:
    """The phrase a heading line opens with, as a topic name.

    '(1)强力推行六办模式,防疫服务两不误。疫情发生以来…' → '强力推行六办模式,防疫服务两不误':
    the words before the first full stop, or before the first comma when that
    runs longer than MAX_HEADING_PHRASE characters.
    """
    phrase = strip_marker(text).split(_SENTENCE_END, 1)[0]
    if len(phrase) > MAX_HEADING_PHRASE:
        phrase = _COMMA.split(phrase, 1)[0]
    return phrase.strip()


def chinese_number(numeral: str) -> int:
    """'一' → 1, '十' → 10, '十四' → 14, '二十一' → 21 (the template numbers up to 99)."""
    numeral = numeral.strip().rstrip("、")
    if not numeral or any(c not in _DIGITS and c != "十" for c in numeral):
        raise ValueError(f"'{numeral}' is not a Chinese numeral")
    if "十" not in numeral:
        if len(numeral) != 1:
            raise ValueError(f"'{numeral}' is not a Chinese numeral")
        return _DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        raise ValueError(f"'{numeral}' is not a Chinese numeral")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
