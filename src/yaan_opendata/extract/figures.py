"""决算情况说明 一 to 十: every money figure the explanation states, concept by concept.

Each chapter of ``lexicon/concepts.yml`` is found by its heading and read
paragraph by paragraph with ``prose.read_paragraph``. Every reading becomes a
record on its own, so an amount the reader cannot bind costs that amount only:

- a value → a ``FiscalFigure`` keyed by its concept (``income.total``; a budget
  figure ``<key>.budget``; a 类/款/项 line ``functional.<code>``). A concept stated
  again is a restatement with a key of its own: ``<key>.<tag>`` under a tagged
  sub-heading (五(二) ``structure``, 五(三)/七(二) ``detail``), ``<key>.listed``
  after 共计支出, else ``<key>.restated``. The checks compare them.
- a change, growth rate, share or completion rate → a ``FigureComparison`` of the
  latest figure of its concept, with the reason that follows it.
- an amount inside the reason of a 类/款/项 line → ``explanatory.<code>.<n>``.

What is not read is returned as ``ProseIssue``s, which the extraction lists with
their paragraph (``extraction_issues``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..codelists import FunctionalIndex
from ..errors import SourceError
from ..lexicon import Chapter, Concept, lexicon, section_patterns
from ..model import FigureComparison, FiscalFigure, Paragraph
from ..numbers import MONEY_LITERAL, NUMBER, Money, to_decimal
from ..source import SourceDocument
from . import prose
from .classified import functional_classifier
from .common import comparison, figure_id, fiscal_figure, money, section
from .document_codes import codes_stated

NONE_STATED = "无"
NONE_NOTE = "原文以文字说明无此项支出,记为0元 / stated in words that there was none: read as 0 yuan"
ALL_OF_NOTE = ("原文称上一金额全部为此项(“全部为…”“均为…”),金额即上一金额 / the text says the amount "
               "before is all of this (全部为…, 均为…): the amount is that one")
# How a restatement's label says where it was stated.
RESTATEMENT_LABELS = {
    "structure": ("结构情况中重述", "restated in the structure"),
    "detail": ("具体情况中重述", "restated in the detail"),
    "listed": ("列明合计", "total of the listed items"),
    "restated": ("重述", "restated"),
}


@dataclass(frozen=True)
class ProseIssue:
    """An amount of the explanation that no figure was read from, and why."""

    paragraph_id: str
    literal: str
    reason: str


def extract(doc: SourceDocument) -> Iterator[FiscalFigure | FigureComparison]:
    records, _ = read_explanation(doc)
    yield from records


def read_explanation(doc: SourceDocument) -> tuple[list, list[ProseIssue]]:
    """Every figure and comparison of the explanation, and the amounts left unread."""
    cached = doc.found_sections.get(("figures",))
    if cached is None:
        cached = doc.found_sections[("figures",)] = _Book(doc).read()
    return cached


def functional_index(doc: SourceDocument) -> FunctionalIndex:
    """The functional codes for this document: those it prints, then the shipped list."""
    cached = doc.found_sections.get(("functional_index",))
    if cached is None:
        cached = doc.found_sections[("functional_index",)] = FunctionalIndex(codes_stated(doc))
    return cached


def chapter_paragraphs(doc: SourceDocument, chapter: Chapter) -> list[Paragraph]:
    """The paragraphs of a chapter, found by its headings (empty when the document has none)."""
    return section(doc, *(section_patterns()[name] for name in chapter.section), required=False)


class _Book:
    """The figures of one document, keyed as they are read, chapter after chapter."""

    def __init__(self, doc: SourceDocument):
        self.doc = doc
        self.figures: dict[str, FiscalFigure] = {}
        self.latest: dict[str, FiscalFigure] = {}  # concept key (+ .budget) → its latest figure
        self.comparison_ids: set[str] = set()
        self.records: list = []
        self.issues: list[ProseIssue] = []
        self.explained: dict[str, int] = {}
        self.deferred: list = []
        self.index = functional_index(doc)
        self.classify = functional_classifier(self.index)

    def read(self) -> tuple[list, list[ProseIssue]]:
        seen: set[str] = set()
        for chapter in lexicon().chapters.values():
            self._chapter(chapter, chapter_paragraphs(self.doc, chapter), seen)
        # a reason names the change of a concept a later chapter states ("基本支出增加52.22万元")
        for chapter, reading, concept in self.deferred:
            self._comparison(chapter, reading, concept)
        return _figure_major(self.records), self.issues

    def _chapter(self, chapter: Chapter, paragraphs: list[Paragraph], seen: set[str]) -> None:
        tags = _subsection_tags(self.doc, chapter, paragraphs)
        carried = None
        within = None  # the 类 or 款 a heading line named ("9.农林水支出(类)", "(1)文化和旅游(款)"), for the lines under it
        readings: list[prose.Reading] = []
        for paragraph in paragraphs:
            classify = functools.partial(self.classify, within=within) if chapter.classified else None
            found, unread, dangling = prose.read_paragraph(
                paragraph, (chapter.key,), classify=classify,
                reason_chapters=chapter.reasons_name, restated_as=chapter.restated_as, carried=carried,
            )
            readings += found
            carried = dangling
            if dangling is not None and dangling.subject.code and len(dangling.subject.code) in (3, 5):
                within = dangling.subject.code
            if paragraph.paragraph_id not in seen:  # a merged chapter is read twice: report once
                self.issues += [ProseIssue(paragraph.paragraph_id, u.amount, u.reason) for u in unread]
        for paragraph in paragraphs:
            seen.add(paragraph.paragraph_id)
        for reading in readings:
            for concept in reading.subject.concepts or (None,):
                self._record(chapter, reading, concept, tags.get(reading.paragraph.paragraph_id), paragraphs)

    # --- one reading → records -----------------------------------------------------

    def _record(self, chapter: Chapter, reading: prose.Reading, concept: Concept | None, tag: str | None, paragraphs):
        if concept is None and reading.subject.code is None:
            if reading.kind == prose.VALUE and not reading.in_reason:
                names = "/".join(reading.subject.names) or "?"
                self.issues.append(ProseIssue(reading.paragraph.paragraph_id, reading.amount,
                                              f"functional classification '{names}' is not in codelists/functional.csv"))
            return
        if reading.kind == prose.CHANGE and reading.in_reason:
            self.deferred.append((chapter, reading, concept))
        elif reading.kind == prose.VALUE and reading.in_reason:
            self._explanatory(chapter, reading, concept)
        elif reading.kind == prose.VALUE:
            self._figure(chapter, reading, concept, tag, paragraphs)
        else:
            self._comparison(chapter, reading, concept)

    def _spec(self, chapter: Chapter, reading: prose.Reading, concept: Concept | None) -> dict:
        return _spec(chapter, reading, concept, self.index)

    def _figure(self, chapter: Chapter, reading: prose.Reading, concept: Concept | None, tag, paragraphs) -> None:
        spec = self._spec(chapter, reading, concept)
        base = spec["key"] + (".budget" if reading.phase == prose.BUDGETED else "")
        key, restatement = base, None
        if figure_id(self.doc, key) in self.figures:
            restatement = reading.restated_as or tag or "restated"
            key = f"{base}.{restatement}"
            n = 2
            while figure_id(self.doc, key) in self.figures:
                key, n = f"{base}.{restatement}.{n}", n + 1
        label_zh, label_en, item = spec["label_zh"], spec["label_en"], spec["item"]
        if reading.phase == prose.BUDGETED:
            label_zh, label_en, item = f"{label_zh}(预算数)", f"{label_en} (budget)", f"{item}.budget"
        if restatement:
            zh, en = RESTATEMENT_LABELS.get(restatement, RESTATEMENT_LABELS["restated"])
            label_zh, label_en, item = f"{label_zh}({zh})", f"{label_en} ({en})", f"{item}.{restatement}"
        try:
            figure = self._new_figure(reading, key, spec, label_zh, label_en, item, paragraphs)
        except SourceError as exc:  # an amount that does not convert costs that figure only
            self.issues.append(ProseIssue(reading.paragraph.paragraph_id, reading.amount, exc.reason))
            return
        self.figures[figure.figure_id] = figure
        self.latest[base] = figure
        self.records.append(figure)

    def _new_figure(self, reading, key, spec, label_zh, label_en, item, paragraphs) -> FiscalFigure | None:
        doc = self.doc
        common = {
            "flow": spec["flow"], "fund": spec["fund"], "category": spec["category"], "item": item,
            "label_zh": label_zh, "label_en": label_en, "classification_id": spec["classification_id"],
            "phase": reading.phase,
        }
        if reading.none_stated:
            figure = fiscal_figure(doc, key, reading.paragraph, "0万元", reading.literal, **common)
            return dataclasses.replace(figure, amount_as_published=NONE_STATED, unit_as_published=None,
                                       amount_note=NONE_NOTE)
        if re.fullmatch(NUMBER, reading.amount) and not to_decimal(reading.amount):
            figure = fiscal_figure(doc, key, reading.paragraph, "0万元", reading.literal, **common)
            return dataclasses.replace(figure, amount_as_published=reading.amount, unit_as_published=None,
                                       amount_note="原文未标单位;金额为零 / no unit printed; the amount is zero")
        figure = fiscal_figure(doc, key, reading.paragraph, reading.amount, reading.literal,
                               unit_required=False, **common)
        if reading.all_of:
            figure = dataclasses.replace(figure, amount_note=ALL_OF_NOTE)
        return _unit_from_section(doc, figure, paragraphs)

    def _comparison(self, chapter: Chapter, reading: prose.Reading, concept: Concept | None) -> None:
        key = self._spec(chapter, reading, concept)["key"]
        figure = self.latest.get(key)
        if figure is None:
            if reading.kind == prose.CHANGE and not reading.unchanged:
                self.issues.append(ProseIssue(reading.paragraph.paragraph_id, reading.amount,
                                              f"a change of {key}, which the text states no value of before"))
            return
        suffix = f".{chapter.reason_suffix}" if reading.in_reason and chapter.reason_suffix else ""
        kinds = (prose.CHANGE, prose.GROWTH) if reading.unchanged else (reading.kind,)
        for kind in kinds:
            comparison_id = f"{figure.figure_id}.{kind}{suffix}"
            n, extra = 2, ""
            while comparison_id + extra in self.comparison_ids:
                extra, n = f".{n}", n + 1
            self.comparison_ids.add(comparison_id + extra)
            base_id = base_label = None
            if kind == prose.SHARE:
                base_key = reading.base or chapter.share_base
                if base_key:
                    base_id = figure_id(self.doc, base_key)
                    base_label = lexicon().concepts[base_key].label_zh if base_key in lexicon().concepts else None
            elif kind == prose.COMPLETION:
                base_label = "预算"
            self.records.append(comparison(
                self.doc, figure, kind, reading.paragraph, "持平" if reading.unchanged else reading.amount,
                reading.literal, negative=reading.negative, base_figure_id=base_id, base_label=base_label,
                reason=reading.reason, suffix=(suffix + extra) if (suffix or extra) else "",
            ))

    def _explanatory(self, chapter: Chapter, reading: prose.Reading, concept: Concept | None) -> None:
        """An amount cited in the reason of a 类/款/项 line; elsewhere a reason's amounts stay unread."""
        code = reading.subject.code
        if code is None or concept is not None or not chapter.classified:
            self.issues.append(ProseIssue(reading.paragraph.paragraph_id, reading.amount,
                                          "an amount inside a reason or purpose"))
            return
        n = self.explained[code] = self.explained.get(code, 0) + 1
        found = self.index.by_code(code)
        name = reading.subject.names[-1] if reading.subject.names else found.name_zh
        prefix = "" if chapter.classified == "general_public_budget" else f"{chapter.classified}."
        figure = fiscal_figure(
            self.doc, f"{prefix}explanatory.{code}.{n}", reading.paragraph, reading.amount, reading.literal,
            flow="expenditure", phase="budgeted", fund=chapter.classified, category="explanatory",
            item=f"{code}.{n}", label_zh=f"{name}:原因说明中的金额",
            label_en=f"{found.name_en}: amount cited in the stated reason",
            classification_id=f"functional:{code}", unit_required=False,
        )
        self.figures[figure.figure_id] = figure
        self.records.append(figure)


def _figure_major(records: list) -> list:
    """Figures in the order they are stated, each followed by its comparisons."""
    comparisons: dict[str, list] = {}
    for record in records:
        if isinstance(record, FigureComparison):
            comparisons.setdefault(record.figure_id, []).append(record)
    ordered = []
    for record in records:
        if isinstance(record, FiscalFigure):
            ordered += [record, *comparisons.get(record.figure_id, [])]
    return ordered


def _spec(chapter: Chapter, reading: prose.Reading, concept: Concept | None, index: FunctionalIndex) -> dict:
    """Key, dimensions and labels of what a reading states."""
    if concept is not None:
        return {"key": concept.key, "flow": concept.flow, "fund": concept.fund, "category": concept.category,
                    "item": concept.item, "label_zh": concept.label_zh, "label_en": concept.label_en,
                    "classification_id": concept.classification_id}
    code = index.by_code(reading.subject.code)
    names = reading.subject.names
    prefix = "" if chapter.classified == "general_public_budget" else f"{chapter.classified}."
    return {
        "key": f"{prefix}functional.{code.code}", "flow": "expenditure", "fund": chapter.classified,
        "category": "expenditure_by_function", "item": code.code,
        "label_zh": "/".join(names) if len(names) > 1 else code.name_zh, "label_en": code.name_en,
        "classification_id": code.classification_id,
    }


def _subsection_tags(doc: SourceDocument, chapter: Chapter, paragraphs: list[Paragraph]) -> dict[str, str]:
    """For each paragraph of a chapter, the tag of the sub-heading it stands under, if tagged."""
    if not paragraphs or not chapter.subsections:
        return {}
    depth = len(paragraphs[0].section_path.split(" / "))
    patterns = {tag: section_patterns()[name] for tag, name in chapter.subsections.items()}
    tags = {}
    for paragraph in paragraphs:
        below = doc.heading_phrases[paragraph.paragraph_id][depth:]
        tag = next((t for t, p in patterns.items() if any(p.search(h) for h in below)), None)
        if tag:
            tags[paragraph.paragraph_id] = tag
    return tags


CITED_AMOUNT = re.compile(MONEY_LITERAL)


def _unit_from_section(doc: SourceDocument, figure: FiscalFigure, paragraphs: list[Paragraph]) -> FiscalFigure:
    """A total printed without a unit ('决算数为2278.17'): when every other amount of the
    chapter is in one unit, that unit gives a corrected amount beside the published one."""
    if figure.unit_as_published or figure.amount_as_published == NONE_STATED or figure.amount_yuan is not None:
        return figure
    units = {money(doc, p, m.group(0)).unit for p in paragraphs for m in CITED_AMOUNT.finditer(p.text)}
    if len(units) != 1:
        return figure
    (unit,) = units
    number = money(doc, paragraphs[0], figure.amount_as_published, unit_required=False).number
    corrected = Money(literal=figure.amount_as_published, number=number, unit=unit).amount_yuan
    return dataclasses.replace(
        figure,
        amount_corrected_yuan=corrected,
        amount_note=(
            f"原文未标单位;本节其余金额均以{unit}计,更正值按{unit}换算,原文值不变"
            f" / no unit printed; every other amount of the section is in {unit}, so the"
            f" corrected amount reads it in {unit}; the published value is kept"
        ),
    )
