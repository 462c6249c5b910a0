"""第三部分 名词解释 → the numbered terms and their definitions (GlossaryTerm)."""

from __future__ import annotations

import re

from ..model import GlossaryTerm
from ..source import SourceDocument
from . import sections as S
from .common import section
from .headings import strip_marker

# "1.财政拨款收入:指单位从同级财政部门取得的财政预算资金。"
# "8、年末结转和结余:指单位按有关规定结转到下年或以后年度继续使用的资金。"
# "21.机关运行经费:为保障行政单位(含参照公务员法管理的事业单位)运行…" (no 指)
TERM = re.compile(r"^(?P<number>\d+)\s*[.、\uff0e](?!\d)\s*(?P<term>[^:\uff1a]+?)\s*[:\uff1a]\s*(?P<definition>.+)$")
NUMBERED = re.compile(r"^\d+\s*[.、\uff0e](?!\d)")
# The part's own heading: "第三部分 名词解释"
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")


def extract(doc: SourceDocument):
    paragraphs = section(doc, S.GLOSSARY)
    terms: list[dict] = []
    for paragraph in paragraphs:
        if PART_HEADING.match(paragraph.text):
            if "名词解释" not in paragraph.text:
                raise doc.error("第三部分 is not 名词解释", paragraph)
            continue
        match = TERM.match(paragraph.text)
        if match:
            terms.append({**match.groupdict(), "paragraph": paragraph})
        elif terms and not NUMBERED.match(paragraph.text):  # a definition running on
            terms[-1]["definition"] += "\n" + paragraph.text
        else:
            raise doc.error(
                f"名词解释: '{strip_marker(paragraph.text)[:20]}…' is not a numbered 'term:definition'",
                paragraph,
            )
    if not terms:
        raise doc.error("名词解释 has no terms", paragraphs[0])
    for term in terms:
        yield GlossaryTerm(
            term_id=f"{doc.document_id}.glossary.{int(term['number'])}",
            document_id=doc.document_id,
            number=int(term["number"]),
            term=term["term"],
            definition=term["definition"],
            paragraph_id=term["paragraph"].paragraph_id,
        )
