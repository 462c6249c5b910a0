"""Where the template's sections are, by what their headings say.

Departments number the same sections differently (a department without annexes
puts its schedules in 第四部分; one merges 八 and 九; one leaves out the (一)
(二)(三) of 五), so extractors find a section by the wording of its heading at
each level, never by its number. Each pattern is searched in the heading with
its numbering stripped; ``common.section`` takes a sequence of them, outermost
first, and levels in between may be skipped.
"""

from __future__ import annotations

import re

# Parts
OVERVIEW = re.compile(r"部门概况|单位概况")
ACCOUNTS = re.compile(r"决算情况说明")
GLOSSARY = re.compile(r"名词解释")
ANNEXES = re.compile(r"^附件$")
SCHEDULES = re.compile(r"^附表$|决算公开表|决算报表")

# Chapters of the explanation (第二部分)
GRAND_TOTALS = re.compile(r"^(?:部门)?收入支出决算总体情况|^(?:部门)?收支决算总体情况")
INCOME = re.compile(r"^(?:部门)?收入决算情况")
EXPENDITURE = re.compile(r"^(?:部门)?支出决算情况")
FISCAL_APPROPRIATION = re.compile(r"^财政拨款收入支出决算总体情况|^财政拨款收支决算总体情况")
GENERAL_BUDGET = re.compile(r"^一般公共预算财政拨款支出决算情况")
GENERAL_BUDGET_OVERALL = re.compile(r"总体情况")
GENERAL_BUDGET_STRUCTURE = re.compile(r"结构情况")
GENERAL_BUDGET_DETAIL = re.compile(r"具体情况")
BASIC_EXPENDITURE = re.compile(r"^一般公共预算财政拨款基本支出决算情况")
THREE_PUBLIC = re.compile(r"“三公”经费|三公经费")
THREE_PUBLIC_OVERALL = re.compile(r"总体情况")
THREE_PUBLIC_DETAIL = re.compile(r"具体情况")
GOVERNMENT_FUNDS = re.compile(r"政府性基金预算")
STATE_CAPITAL = re.compile(r"国有资本经营预算")
OTHER_MATTERS = re.compile(r"其他重要事项")
OPERATING_COSTS = re.compile(r"机关运行经费")
PROCUREMENT = re.compile(r"政府采购")
ASSETS = re.compile(r"国有资产")
PERFORMANCE = re.compile(r"预算绩效管理情况|绩效管理情况")
PROJECT_PERFORMANCE = re.compile(r"项目绩效目标完成情况")

# Annexes
OVERALL_EVALUATION_REPORT = re.compile(r"整体支出绩效评价报告|整体支出绩效自评报告")
PROJECT_EVALUATION_ANNEX = re.compile(r"^附件2$")
