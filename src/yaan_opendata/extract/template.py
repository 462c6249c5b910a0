"""Is this a 部门决算 disclosure in the national template?

A document is refused, in strict and lenient mode alike, when it has no
决算情况说明 part: it is not the template. Which chapters it writes, and how, is
for the readers to find: a strict build stops only when a headline figure is
not read (``extract.__init__``), naming where it was expected.
"""

from __future__ import annotations

from ..model import Organization
from ..source import SourceDocument
from ..translations import org_name_en
from . import sections as S
from .common import section


def require_template(doc: SourceDocument) -> None:
    if not section(doc, S.ACCOUNTS, required=False):
        raise doc.error(
            f"{doc.document.file}: not a 部门决算 disclosure in the national template: no part headed "
            "'…决算情况说明' (第二部分 …年度部门决算情况说明)"
        )


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
