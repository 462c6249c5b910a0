"""How well a disclosure was read: its published figures against the figures a person read.

A corpus document's ``expected.json`` gives the headline figures it states (figure
key → integer yuan). A figure is *right* when the package publishes the key with
that amount (read from the explanation, else from a table cell stating it), *wrong* when it publishes another amount, *missing* when it publishes
none. A figure stated in another chapter counts under the key of the same fact
(``same_as`` in lexicon/concepts.yml: 四's 本年一般公共预算财政拨款收入 is
income.general_public_budget). ``benchmarks/score_corpus.py`` prints the table;
the corpus tests hold it.

The tables are scored on their own too (``score_cells``): every cell linked to a
headline figure is right or wrong against the person's reading, whatever the
explanation says. The person's reading is the explanation's figure, so a cell more
exact than the explanation is right when it agrees with it to the explanation's
precision: a table in 元 (``11,416,683.00``) under an explanation in 万元 with two
decimals (``1141.67万元``, the writer's 11416700) is right, since 11,416,683 yuan is
1141.67万元; a cell that does not round to the explanation's figure is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .lexicon import lexicon
from .model import Disclosure
from .numbers import YUAN_PER_UNIT


@dataclass
class Score:
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # "key: published X, expected Y ('literal')"
    missing: list[str] = field(default_factory=list)


def score(disclosure: Disclosure, expected: dict[str, int]) -> Score:
    published = {f.figure_id.split(".", 1)[1]: f for f in disclosure.fiscal_figures}
    tabled = {c.figure_key: c for c in disclosure.table_cells if c.figure_key}  # stated in a table
    result = Score()
    for key, want in expected.items():
        keys = (key, *same_facts(key))
        figure = next((published[k] for k in keys if k in published), None) or next(
            (tabled[k] for k in keys if k in tabled), None)
        value = None if figure is None else (
            figure.amount_yuan if figure.amount_yuan is not None else getattr(figure, "amount_corrected_yuan", None)
        )
        if value is None:
            result.missing.append(key)
        elif value == want:
            result.right.append(key)
        else:
            quote = getattr(figure, "literal", None) or figure.amount_as_published
            result.wrong.append(f"{key}: published {value}, expected {want} ({quote!r})")
    return result


def same_facts(key: str) -> list[str]:
    """The keys under which other chapters state the fact ``key`` (its budget figure too); a
    项 (never a 类 or 款, whose fund totals are other facts) of a fund chapter is keyed with its fund (``government_fund.functional.2120803``), which
    the key list gives writers as ``functional.<code>``."""
    base, budget = (key.removesuffix(".budget"), ".budget") if key.endswith(".budget") else (key, "")
    funds = [f"{fund}.{base}{budget}" for fund in FUND_CHAPTERS] if re.fullmatch(r"functional\.\d{7}", base) else []
    return [c.key + budget for c in lexicon().concepts.values() if c.same_as == base] + funds


FUND_CHAPTERS = ("government_fund", "state_capital")  # whose 项 lines are keyed <fund>.functional.<code>


def score_cells(disclosure: Disclosure, expected: dict[str, int]) -> Score:
    """Each table cell that states a headline figure: right or wrong (cells only; a figure
    no cell states is not counted)."""
    keys = {key: key for key in expected}
    keys.update({other: key for key in expected for other in same_facts(key)})
    published = {f.figure_id.split(".", 1)[1]: f for f in disclosure.fiscal_figures}
    result = Score()
    for cell in disclosure.table_cells:
        key = keys.get(cell.figure_key)
        if key is None or cell.amount_yuan is None:
            continue
        prose = next((published[k] for k in (key, *same_facts(key)) if k in published), None)
        if cell.amount_yuan == expected[key] or _rounds_to(cell.amount_yuan, expected[key], prose):
            result.right.append(cell.cell_id)
        else:
            result.wrong.append(f"{cell.cell_id}: {cell.amount_yuan}, expected {expected[key]} for {key} "
                                f"({cell.amount_as_published!r})")
    return result


def _rounds_to(amount_yuan: int, want: int, prose) -> bool:
    """Whether a cell agrees with the explanation's figure ``prose`` (stating ``want``) to the
    precision the explanation prints it at (1141.67万元: to 100 yuan)."""
    if prose is None or prose.amount_yuan != want or not prose.unit_as_published:
        return False
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", prose.amount_as_published or "")
    per_unit = YUAN_PER_UNIT.get(prose.unit_as_published)
    if number is None or per_unit is None:
        return False
    step = per_unit / Decimal(10) ** len(number.group(1) or "")
    if step <= 1:
        return False
    return (Decimal(amount_yuan) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step == want
