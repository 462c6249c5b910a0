"""Look-ups over one disclosure's records, by the keys the extractors publish.

Figures are found by their semantic key (the figure_id without the document
prefix, e.g. ``income.total``), comparisons by the figure they describe and
their kind. Nothing here reads prose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property

from ..model import Disclosure, FigureComparison, FiscalFigure


class Records:
    def __init__(self, disclosure: Disclosure):
        self.disclosure = disclosure
        self.document_id = disclosure.document.document_id
        self._prefix = f"{self.document_id}."

    def key(self, record_id: str) -> str:
        """The semantic key of a figure or comparison id."""
        return record_id.removeprefix(self._prefix)

    def full_id(self, key: str) -> str:
        return f"{self._prefix}{key}"

    @cached_property
    def _figures(self) -> dict[str, FiscalFigure]:
        return {self.key(f.figure_id): f for f in self.disclosure.fiscal_figures}

    def figure(self, key: str) -> FiscalFigure | None:
        return self._figures.get(key)

    def figure_keys(self, pattern: str) -> list[str]:
        """Keys matching a regular expression (whole key), in document order."""
        compiled = re.compile(pattern)
        return [k for k in self._figures if compiled.fullmatch(k)]

    @cached_property
    def _comparisons_of(self) -> dict[str, list[FigureComparison]]:
        by_figure = defaultdict(list)
        for comparison in self.disclosure.figure_comparisons:
            by_figure[self.key(comparison.figure_id)].append(comparison)
        return by_figure

    def comparisons(self, kind: str) -> list[FigureComparison]:
        return [c for c in self.disclosure.figure_comparisons if c.kind == kind]

    def comparison(self, figure_key: str, kind: str, suffix: str = "") -> FigureComparison | None:
        """The comparison of ``kind`` published for a figure, with the same id suffix."""
        wanted = f"{self.full_id(figure_key)}.{kind}{suffix}"
        return next((c for c in self._comparisons_of.get(figure_key, ()) if c.comparison_id == wanted), None)

    def suffix_of(self, comparison: FigureComparison) -> str:
        """What follows '<figure_id>.<kind>' in a comparison id ('' or e.g. '.grand_total_reason')."""
        return comparison.comparison_id.removeprefix(f"{comparison.figure_id}.{comparison.kind}")

    @cached_property
    def paragraphs_by_id(self):
        return {p.paragraph_id: p for p in self.disclosure.paragraphs}

    @cached_property
    def _metrics(self) -> dict:
        return {self.key(m.metric_id): m for m in self.disclosure.work_metrics}

    def metric(self, key: str):
        return self._metrics.get(key)

    def metric_keys(self, pattern: str) -> list[str]:
        compiled = re.compile(pattern)
        return [k for k in self._metrics if compiled.fullmatch(k)]

    @cached_property
    def metrics_by_paragraph(self) -> dict[str, list]:
        """Work metrics per paragraph, in the order the paragraph states them."""
        by_paragraph = defaultdict(list)
        for metric in self.disclosure.work_metrics:
            by_paragraph[metric.paragraph_id].append(metric)
        return by_paragraph
