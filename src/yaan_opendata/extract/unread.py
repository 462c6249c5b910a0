"""Amounts of money printed in the source that no record was read from.

The extractors match the template's sentences; an amount in a sentence worded
in a way they do not know is not guessed at. It is listed instead, with its
paragraph, so that a reader sees what the tables leave out and a maintainer
sees which wording to teach the extractor next.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from ..model import ExtractionIssue, Paragraph
from ..numbers import NUMBER
from ..source import CONTENTS, FRONT_MATTER

# An amount with its unit, as printed: "3351.34万元", "1752元", "0.19亿元"; not a
# threshold such as "单价50万元以上" / "单价100万元(含)以上".
AMOUNT = re.compile(rf"(?<![\d.]){NUMBER}\s*(?:亿元|万元|元)(?!\s*(?:[((]含[))])?以[上下])")
# Which fields of a record quote an amount, and the paragraph they quote.
_QUOTES = (
    ("paragraph_id", ("amount_as_published", "value_as_published")),
    ("target_paragraph_id", ("target_text",)),
    ("actual_paragraph_id", ("actual_text",)),
)


def _plain(literal: str) -> str:
    return "".join(literal.split())


def read_amounts(records: Iterable) -> dict[str, Counter]:
    """For each paragraph id, the amounts (as printed, without spaces) that records were read from."""
    read: dict[str, Counter] = {}
    for record in records:
        for id_field, fields in _QUOTES:
            paragraph_id = getattr(record, id_field, None)
            if paragraph_id is None:
                continue
            for name in fields:
                value = getattr(record, name, None)
                if isinstance(value, str):
                    read.setdefault(paragraph_id, Counter()).update(_plain(m.group(0)) for m in AMOUNT.finditer(value))
    return read


def unread_amounts(
    document_id: str, paragraphs: Iterable[Paragraph], records: Iterable, reasons: dict | None = None
) -> Iterator[ExtractionIssue]:
    """One issue per amount printed in a paragraph beyond those its records were read from;
    ``reasons`` says, by (paragraph id, amount as printed), why the reader left it."""
    read = read_amounts(records)
    number = 0
    for paragraph in paragraphs:
        if paragraph.section_path in (CONTENTS, FRONT_MATTER):
            continue
        left = Counter(read.get(paragraph.paragraph_id, Counter()))
        for match in AMOUNT.finditer(paragraph.text):
            literal = _plain(match.group(0))
            if left[literal] > 0:
                left[literal] -= 1
                continue
            number += 1
            yield ExtractionIssue(
                issue_id=f"{document_id}.unread.{number:04d}",
                document_id=document_id,
                kind="unread_amount",
                extractor=None,
                reason=_reason(reasons, paragraph.paragraph_id, literal),
                literal=match.group(0),
                paragraph_id=paragraph.paragraph_id,
            )


UNREAD = "金额未被任何记录读取 / no record was read from this amount"


def _reason(reasons: dict | None, paragraph_id: str, literal: str) -> str:
    why = (reasons or {}).get((paragraph_id, literal))
    return f"{UNREAD}: {why}" if why else UNREAD
