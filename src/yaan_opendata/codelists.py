"""Classification code lists and the labels of the model's enumerations.

The codes are the national 政府收支分类科目 (functional classification of
expenditure, 支出功能分类科目, and the departmental economic classification,
部门预算支出经济分类科目) for the lines the template uses. They are reference
data, shipped with the package in ``codelists/*.csv``; the extractor links a
published line to its code by matching the names the text prints.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from .model import Classification

SCHEMES = {
    "functional": ("支出功能分类科目", "Functional classification of expenditure"),
    "economic": ("部门预算支出经济分类科目", "Economic classification of departmental expenditure"),
}

# Labels of the enumerated codes used in the tables (zh, en).
FLOW_LABELS = {"revenue": ("收入", "Revenue"), "expenditure": ("支出", "Expenditure")}
PHASE_LABELS = {"executed": ("决算", "Executed"), "budgeted": ("预算", "Budgeted")}
FUND_LABELS = {
    "all_funds": ("全部资金", "All funds"),
    "fiscal_appropriation": ("财政拨款", "Fiscal appropriation"),
    "general_public_budget": ("一般公共预算财政拨款", "General public budget appropriation"),
    "government_fund": ("政府性基金预算财政拨款", "Government fund budget appropriation"),
    "state_capital": ("国有资本经营预算财政拨款", "State capital operation budget appropriation"),
    "superior_subsidy": ("上级补助收入", "Subsidy from the higher level"),
    "public_institution_income": ("事业收入", "Public institution service income"),
    "operating_income": ("经营收入", "Operating income"),
    "affiliated_remittance": ("附属单位上缴收入", "Remittance from affiliated units"),
    "other_income": ("其他收入", "Other income"),
    "other_funds": ("其它资金", "Other funds"),
}
CATEGORY_LABELS = {
    "grand_total": ("收支总计", "Grand total of revenue and expenditure"),
    "income_total": ("本年收入合计", "Total income of the year"),
    "income_by_source": ("收入(按来源)", "Income by source"),
    "expenditure_total": ("本年支出合计", "Total expenditure of the year"),
    "expenditure_by_type": ("支出(按性质)", "Expenditure by type (basic / project ...)"),
    "expenditure_by_function": ("支出(按功能分类)", "Expenditure by functional classification"),
    "basic_expenditure_by_economic": ("基本支出(人员/公用)", "Basic expenditure: personnel / routine operating"),
    "three_public": ("“三公”经费", "'Three public' expenses"),
    "operating_costs": ("机关运行经费", "Running costs of the organ"),
    "procurement": ("政府采购", "Government procurement"),
    "carry_over": ("结转和结余", "Carry-over and balances"),
    "performance_project": ("绩效项目资金", "Performance project funds"),
    "explanatory": ("原因说明中的金额", "Amount cited in an explanation"),
}
COMPARISON_LABELS = {
    "share": ("占比", "Share"),
    "yoy_change": ("比上年增减额", "Change on the prior year"),
    "growth_rate": ("比上年增长率", "Growth on the prior year"),
    "completion_rate": ("预算完成率", "Budget completion rate"),
}


@cache
def classifications() -> tuple[Classification, ...]:
    """Every code of every scheme, parents before children."""
    records = []
    for scheme in SCHEMES:
        text = resources.files(__package__).joinpath(f"codelists/{scheme}.csv").read_text("utf-8")
        for row in csv.DictReader(text.splitlines()):
            parent = row["parent_code"]
            records.append(
                Classification(
                    classification_id=f"{scheme}:{row['code']}",
                    scheme=scheme,
                    code=row["code"],
                    parent_id=f"{scheme}:{parent}" if parent else None,
                    level=row["level"],
                    name_zh=row["name_zh"],
                    name_en=row["name_en"],
                )
            )
    return tuple(records)


def _normalize(name: str) -> str:
    """Names as the prose prints them: full-width brackets, '支出' often dropped."""
    name = name.strip().translate(str.maketrans("()", "()")).replace(" ", "")
    return name.removesuffix("支出")


@cache
def former_names() -> dict[str, tuple[str, ...]]:
    """Names a functional code had in earlier editions (2019: 行政事业单位离退休 for 20805), by
    classification id: a document of an earlier year names its lines the way that year did."""
    text = resources.files(__package__).joinpath("codelists/functional_former_names.csv").read_text("utf-8")
    names: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(text.splitlines()):
        key = f"functional:{row['code']}"
        names[key] = names.get(key, ()) + (_normalize(row["name_zh"]),)
    return names


@cache
def _functional_by_name() -> dict[tuple[str | None, str], Classification]:
    """Each functional code by (parent, name as prose prints it), its current name first,
    then its former ones: built once, since every 类/款/项 line of every document asks."""
    index: dict[tuple[str | None, str], Classification] = {}
    functional = [c for c in classifications() if c.scheme == "functional"]
    for c in functional:
        index.setdefault((c.parent_id, _normalize(c.name_zh)), c)
    former = former_names()
    for c in functional:
        for name in former.get(c.classification_id, ()):
            index.setdefault((c.parent_id, name), c)
    return index


def functional_code(*names: str) -> Classification | None:
    """The functional code for a 类/款/项 path of names, e.g.
    ('一般公共服务支出', '政府办公厅(室)及相关机构事务', '行政运行'); a former name of a
    code (``former_names``) finds it too."""
    index = _functional_by_name()
    found = None
    for name in names:
        found = index.get((found.classification_id if found else None, _normalize(name)))
        if found is None:
            return None
    return found


def economic_code(name: str) -> Classification | None:
    wanted = _normalize(name)
    return next(
        (c for c in classifications() if c.scheme == "economic" and _normalize(c.name_zh) == wanted),
        None,
    )



LEVELS = {3: "类", 5: "款", 7: "项"}


class FunctionalIndex:
    """The functional codes by name for one document: the codes it prints itself first
    (``extract.document_codes``), then the shipped list."""

    def __init__(self, stated: dict[str, str] | None = None):
        self._by_name = dict(_functional_by_name())
        self._by_code = dict(_functional_by_code())
        self.stated: dict[str, Classification] = {}  # printed by the document, not in the shipped list
        for code in sorted(stated or {}, key=lambda c: (len(c), c)):
            name = stated[code]
            parent = code[:-2] if len(code) > 3 else None
            if parent and parent not in self._by_code:
                continue  # a code whose 类/款 neither the document nor the list gives
            shipped = self._by_code.get(code)
            if shipped is not None and _normalize(shipped.name_zh) == _normalize(name):
                record = shipped
            else:
                record = Classification(
                    classification_id=f"functional:{code}", scheme="functional", code=code,
                    parent_id=f"functional:{parent}" if parent else None, level=LEVELS[len(code)],
                    name_zh=name, name_en=shipped.name_en if shipped else name,
                )
                self.stated[code] = record
            self._by_code[code] = record
            self._by_name[(record.parent_id, _normalize(name))] = record

    def by_code(self, code: str) -> Classification | None:
        return self._by_code.get(code)

    def code(self, *names: str) -> Classification | None:
        """The code of a 类/款/项 path of names, e.g. ('一般公共服务支出', '财政事务', '行政运行')."""
        found = None
        for name in names:
            found = self._by_name.get((found.classification_id if found else None, _normalize(name)))
            if found is None:
                return None
        return found

    def named(self, code: str, name: str) -> Classification | None:
        """The code ``code`` when ``name`` is its name (as the document or the list gives it)."""
        found = self.by_code(code)
        return found if found is not None and _normalize(found.name_zh) == _normalize(name) else None

    def under(self, parent: str, *names: str) -> Classification | None:
        """The code of a path of names below the code ``parent`` (a 项 under the 款 a heading named)."""
        found = self.by_code(parent)
        for name in names:
            if found is None:
                return None
            found = self._by_name.get((found.classification_id, _normalize(name)))
        return found

    def under_any_class(self, *names: str) -> Classification | None:
        """The code of a 款 (and 项) path printed without its 类: only when one 类 has such a 款."""
        wanted = _normalize(names[0])
        found = {c.code: c for (_, name), c in self._by_name.items() if name == wanted and c.level == "款"}
        if len(found) != 1:
            return None
        (code,) = found.values()
        for name in names[1:]:
            code = self._by_name.get((code.classification_id, _normalize(name)))
            if code is None:
                return None
        return code

    def class_names(self) -> list[tuple[str, Classification]]:
        """Every 类 by its full name ("社会保障和就业支出"), for a name printed without (类)."""
        return [(c.name_zh, c) for c in self._by_code.values() if c.level == "类"]


@cache
def _functional_by_code() -> dict[str, Classification]:
    return {c.code: c for c in classifications() if c.scheme == "functional"}


def functional_by_code(code: str) -> Classification | None:
    return _functional_by_code().get(code)
