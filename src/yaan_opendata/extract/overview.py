"""第一部分 一、(一)主要职能 → the department's numbered main functions (MainFunction).

The organizations of 二、机构设置 are in ``organizations.py``, the staffing of
附件1 in ``staffing.py``.
"""

from __future__ import annotations

import re

from ..model import MainFunction
from ..source import SourceDocument
from . import sections as S
from .common import section
from .headings import under_heading

# "(一)主要职能。市政务服务和大数据局贯彻落实党中央关于…主要职能是:"
MAIN_FUNCTIONS_HEADING = re.compile(r"^[(\uff08][一二三四五六七八九十]+[)\uff09]主要职能")
# "1.承担推进全市深化行政审批制度改革工作职责。切实贯彻落实…" (also "1、" and "1 .")
FUNCTION_ITEM = re.compile(r"^(?P<number>\d+)\s*[.、\uff0e](?!\d)\s*(?P<text>.+)$")


def extract(doc: SourceDocument):
    heading, body = under_heading(doc, section(doc, S.OVERVIEW), MAIN_FUNCTIONS_HEADING, "主要职能")
    functions: list[dict] = []
    for paragraph in body:
        item = FUNCTION_ITEM.match(paragraph.text)
        if item:
            functions.append({"number": int(item["number"]), "text": item["text"], "paragraph": paragraph})
        elif functions:  # a function that runs over more than one paragraph
            functions[-1]["text"] += "\n" + paragraph.text
        else:
            raise doc.error("text under 主要职能 before the first numbered function", paragraph)
    if not functions:
        raise doc.error("主要职能 lists no numbered functions", heading)
    for function in functions:
        yield MainFunction(
            function_id=f"{doc.document_id}.function.{function['number']}",
            document_id=doc.document_id,
            number=function["number"],
            text=function["text"],
            paragraph_id=function["paragraph"].paragraph_id,
        )
