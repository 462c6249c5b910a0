"""Is this a 部门决算 disclosure in the national template, with the parts it requires?

A document is refused, in strict and lenient mode alike, when it has no
决算情况说明 part (it is not the template) or lacks one of the chapters every
department must write (totals, income, expenditure, fiscal appropriations, the
general public budget, “三公” expenses). Chapters that may not apply (government
funds, state capital, performance tables, annexes) are optional.
"""

from __future__ import annotations

from ..model import Organization
from ..source import SourceDocument
from ..translations import org_name_en
from . import sections as S
from .common import section

# (what the chapter explains, its path)
REQUIRED_CHAPTERS = (
    ("收入支出决算总体情况说明", (S.ACCOUNTS, S.GRAND_TOTALS)),
    ("收入决算情况说明", (S.ACCOUNTS, S.INCOME)),
    ("支出决算情况说明", (S.ACCOUNTS, S.EXPENDITURE)),
    ("财政拨款收入支出决算总体情况说明", (S.ACCOUNTS, S.FISCAL_APPROPRIATION)),
    ("一般公共预算财政拨款支出决算情况说明", (S.ACCOUNTS, S.GENERAL_BUDGET)),
    ("“三公”经费财政拨款支出决算情况说明", (S.ACCOUNTS, S.THREE_PUBLIC)),
)


def require_template(doc: SourceDocument) -> None:
    if not section(doc, S.ACCOUNTS, required=False):
        raise doc.error(
            "not a 部门决算 disclosure in the national template: no part headed '…决算情况说明' "
            "(第二部分 …年度部门决算情况说明)"
        )
    missing = [name for name, path in REQUIRED_CHAPTERS if not section(doc, *path, required=False)]
    if missing:
        raise doc.error(f"required part(s) of the template missing: {', '.join(missing)}")


def fallback_records(doc: SourceDocument, extractor: str) -> list:
    """What a skipped section still owes the other tables: the department itself,
    which every figure refers to, named as the manifest names its publisher."""
    if extractor != "organizations":
        return []
    return [
        Organization(
            org_id=doc.document.org_id,
            name_zh=doc.document.publisher,
            name_en=org_name_en(doc.document.publisher),
            parent_org_id=None,
            org_type="department",
            rank=None,
            in_accounts_scope=True,
            paragraph_id=doc.paragraphs[0].paragraph_id,
        )
    ]
