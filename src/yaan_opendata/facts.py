"""Facts: one amount per concept, organization and year, from every statement of it.

A disclosure states many figures more than once: 附件1 restates section 五's lines,
a later chapter restates a total (``….structure``, ``.detail``), the 三公 chapter
lists its parts again, a table states what the explanation states. Each statement
is a row of ``fiscal_figures`` or ``table_cells``; summing them counts a figure as
often as it is said. A fact is the figure once: its concept is the statement's key
with the marks of a restatement removed and restatements followed to the first
statement (``lexicon/restatements.yml``), and a concept another chapter states
under its own name is the one it is the same as (``same_as`` in concepts.yml).

The fact's amount is its most authoritative statement's: a table's cell, else the
text's first statement, else a restatement (a fact only an annex states). Its
``statements`` counts every statement and ``statements_agree`` says whether they
all give the same amount; where they do not, the consistency checks (restatements,
tables) say which and by how much. Only concepts the explanation states are facts:
a cell no figure of the text states stays a cell.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from .lexicon import lexicon, restatements
from .model import Fact, FiscalFigure, TableCell


def concept_of(key: str) -> str:
    """The concept a statement's key states (see the module docstring)."""
    same_as = {c.key: c.same_as for c in lexicon().concepts.values() if c.same_as}
    seen = set()
    while key not in seen:
        seen.add(key)
        key = restatements().concept(key)
        base, budget = (key.removesuffix(".budget"), ".budget") if key.endswith(".budget") else (key, "")
        key = same_as.get(base, base) + budget
    return key


def with_facts(document_id: str, figures: list[FiscalFigure], cells: list[TableCell]):
    """(figures, each with its fact_id; the facts)."""
    by_concept: dict[str, list[FiscalFigure]] = defaultdict(list)
    concepts = {}
    for figure in figures:
        concept = concept_of(figure.figure_id.removeprefix(f"{document_id}."))
        concepts[figure.figure_id] = concept
        by_concept[concept].append(figure)
    cells_of: dict[str, list[TableCell]] = defaultdict(list)
    for cell in cells:
        if cell.figure_key and cell.phase and (concept := concept_of(cell.figure_key)) in by_concept:
            cells_of[concept].append(cell)
    facts = [_fact(document_id, concept, stated, cells_of[concept]) for concept, stated in by_concept.items()]
    figures = [dataclasses.replace(f, fact_id=f"{document_id}.{concepts[f.figure_id]}") for f in figures]
    return figures, facts


def _fact(document_id: str, concept: str, figures: list[FiscalFigure], cells: list[TableCell]) -> Fact:
    first = next((f for f in figures if f.figure_id == f"{document_id}.{concept}"), figures[0])
    cell = next((c for c in cells if c.amount_yuan is not None), None)
    if cell is not None:
        amount, source, paragraph = cell.amount_yuan, "table", cell.paragraph_id
    else:
        stated = first if first.amount_yuan is not None else next(
            (f for f in figures if f.amount_yuan is not None), first)
        amount, paragraph = stated.amount_yuan, stated.paragraph_id
        source = "text" if stated.figure_id == f"{document_id}.{concept}" or stated is figures[0] else "restatement"
    amounts = {f.amount_yuan for f in figures} | {c.amount_yuan for c in cells}
    classification = first.classification_id or next(
        (s.classification_id for s in [*figures, *cells] if s.classification_id), None)
    return Fact(
        fact_id=f"{document_id}.{concept}",
        document_id=document_id,
        concept=concept,
        flow=first.flow,
        phase=first.phase,
        fund=first.fund,
        category=first.category,
        label_zh=first.label_zh,
        label_en=first.label_en,
        classification_id=classification,
        project_id=first.project_id,
        amount_yuan=amount,
        source=source,
        figure_id=first.figure_id,
        cell_id=cell.cell_id if cell is not None else None,
        statements=len(figures) + len(cells),
        statements_agree=len(amounts) == 1,
        paragraph_id=paragraph,
    )
