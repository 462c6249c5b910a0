"""Where the template's sections are, by what their headings say.

Departments number the same sections differently (a department without annexes
puts its schedules in 第四部分; one merges 八 and 九; Shanghai puts the tables in
第二部分 and the explanation in 第三部分) and name them in their province's words
(部门概况 / 上海市普陀区财政局概况), so extractors find a section by the wording of
its heading at each level, never by its number. The wordings are data, in
``lexicon/sections.yml``; each becomes one pattern here, searched in the heading
with its numbering stripped. ``common.section`` takes a sequence of them,
outermost first, and levels in between may be skipped.
"""

from __future__ import annotations

import re

from ..lexicon import section_patterns

_PATTERNS: dict[str, re.Pattern] = section_patterns()

# Parts
OVERVIEW = _PATTERNS["OVERVIEW"]
ACCOUNTS = _PATTERNS["ACCOUNTS"]
GLOSSARY = _PATTERNS["GLOSSARY"]
ANNEXES = _PATTERNS["ANNEXES"]
SCHEDULES = _PATTERNS["SCHEDULES"]

# Chapters of the explanation
GRAND_TOTALS = _PATTERNS["GRAND_TOTALS"]
INCOME = _PATTERNS["INCOME"]
EXPENDITURE = _PATTERNS["EXPENDITURE"]
FISCAL_APPROPRIATION = _PATTERNS["FISCAL_APPROPRIATION"]
GENERAL_BUDGET = _PATTERNS["GENERAL_BUDGET"]
GENERAL_BUDGET_OVERALL = _PATTERNS["GENERAL_BUDGET_OVERALL"]
GENERAL_BUDGET_STRUCTURE = _PATTERNS["GENERAL_BUDGET_STRUCTURE"]
GENERAL_BUDGET_DETAIL = _PATTERNS["GENERAL_BUDGET_DETAIL"]
BASIC_EXPENDITURE = _PATTERNS["BASIC_EXPENDITURE"]
THREE_PUBLIC = _PATTERNS["THREE_PUBLIC"]
THREE_PUBLIC_OVERALL = _PATTERNS["THREE_PUBLIC_OVERALL"]
THREE_PUBLIC_DETAIL = _PATTERNS["THREE_PUBLIC_DETAIL"]
GOVERNMENT_FUNDS = _PATTERNS["GOVERNMENT_FUNDS"]
STATE_CAPITAL = _PATTERNS["STATE_CAPITAL"]
OTHER_MATTERS = _PATTERNS["OTHER_MATTERS"]
OPERATING_COSTS = _PATTERNS["OPERATING_COSTS"]
PROCUREMENT = _PATTERNS["PROCUREMENT"]
ASSETS = _PATTERNS["ASSETS"]
PERFORMANCE = _PATTERNS["PERFORMANCE"]
PROJECT_PERFORMANCE = _PATTERNS["PROJECT_PERFORMANCE"]

# Annexes
OVERALL_EVALUATION_REPORT = _PATTERNS["OVERALL_EVALUATION_REPORT"]
PROJECT_EVALUATION_ANNEX = _PATTERNS["PROJECT_EVALUATION_ANNEX"]
