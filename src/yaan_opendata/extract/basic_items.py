"""决算情况说明 六, beyond the money: the items 人员经费 and 公用经费 "mainly include"
(基本工资、津贴补贴、…), each linked to its economic classification code. The two
amounts are read by ``figures``; this module lists what each is said to contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..codelists import economic_code
from ..model import ExpenditureItem, FiscalFigure
from ..source import SourceDocument
from .figures import read_explanation

# "人员经费470.02万元,主要包括:基本工资、津贴补贴、…、奖励金等。" (to the full stop or a semicolon)
ITEM_LIST = re.compile(r"主要包括[::]?(?P<items>[^。;]+?)等?(?:[。;]|$)")
PARTS = ("general_public_budget.basic.personnel", "general_public_budget.basic.public")


def extract(doc: SourceDocument) -> Iterator[ExpenditureItem]:
    records, _ = read_explanation(doc)
    figures = [r for r in records if isinstance(r, FiscalFigure) and r.figure_id.split(".", 1)[1] in PARTS]
    paragraphs = {p.paragraph_id: p for p in doc.paragraphs}
    for figure in figures:
        text = paragraphs[figure.paragraph_id].text
        start = text.find(figure.literal)
        listed = ITEM_LIST.search(text, max(start, 0) + len(figure.literal))
        if not listed or listed.start() - (start + len(figure.literal)) > 4:
            continue  # the list must follow the amount: "…万元,主要包括:…"
        names = [n.strip() for n in re.split(r"[、,,]", listed.group("items")) if n.strip()]
        for number, name in enumerate(names, start=1):
            code = economic_code(name)
            yield ExpenditureItem(
                item_id=f"{figure.figure_id}.item.{number}",
                figure_id=figure.figure_id,
                number=number,
                name_as_published=name,
                classification_id=code.classification_id if code else None,
                paragraph_id=figure.paragraph_id,
            )
