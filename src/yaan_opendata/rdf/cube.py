"""The money of the package as RDF Data Cube observations, with OpenBudgets.eu components.

Two kinds of record are observations:

- the **facts** (``facts``, facts.py): one value of one concept for one organization
  and year, however many times the document states it. They are keyed by their
  dimensions only: organization, fiscal year, operation character, budget phase
  (OBEU), fund source, figure category and the concept (ours: ``expenditure.total``,
  ``functional.2010302``), and where they have one, a classification code or a
  performance project; no two facts share them (IC-12). Each fact is derived
  (``prov:wasDerivedFrom``) from the paragraph of every statement of it; the
  statements themselves (``fiscal_figures``) are ``yaan:FiscalFigure`` resources
  pointing to their fact (``yaan:fact_id``), not observations;
- the **cells of the statistical tables** (``table_cells``): organization, fiscal
  year, budget phase, fund source, the table, its row (code or label key) and
  column, and the cell's id; most also have an operation character and a code.
  A cell is a statement as much as a figure is; its observations are in data sets
  of their own, so a sum over facts (``?o a yaan:Fact``) never counts a cell.

The Data Cube requires every dimension of a structure on every observation
(IC-11), so the records of a table are grouped by the optional dimensions they
have: one ``qb:DataSet`` per group, each with its own structure.

The amount of an observation (``obeu-measure:amount``, xsd:decimal, in yuan): a
fact's ``amount_yuan``; where that is empty, its first statement's
``amount_corrected_yuan``; where that is empty too, the exact published value when
the literal prints a unit (e.g. '1749.94元' → 1749.94). A cell's ``amount_yuan``
(in the unit its table states). A record with no amount in yuan stays a record of
its table but is not an observation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, RDFS

from .. import codelists
from ..lexicon import table_specs
from ..model import Fact, FiscalFigure, TableCell
from ..numbers import NumberFormatError, parse_money
from ..tables import TABLES_BY_NAME
from .mapping import CLASSIFICATION_DIMENSIONS, Mapper, decimal_literal
from .namespaces import CNY, OBEU_ATTRIBUTE, OBEU_DIMENSION, OBEU_MEASURE, YAAN, field_property
from .vocabulary import bilingual


def figure_amount(figure: FiscalFigure) -> Decimal | None:
    """A statement's amount in yuan, where its fact has none (see the module docstring)."""
    if figure.amount_yuan is not None:
        return Decimal(figure.amount_yuan)
    if figure.amount_corrected_yuan is not None:
        return Decimal(figure.amount_corrected_yuan)
    try:
        return parse_money(figure.amount_as_published, unit_required=False).yuan
    except NumberFormatError:
        return None


def fact_amount(fact: Fact, figures: dict[str, FiscalFigure]) -> Decimal | None:
    if fact.amount_yuan is not None:
        return Decimal(fact.amount_yuan)
    return figure_amount(figures[fact.figure_id])


def cell_amount(cell: TableCell) -> Decimal | None:
    return None if cell.amount_yuan is None else Decimal(cell.amount_yuan)


@dataclass(frozen=True)
class Cube:
    """The observations of one table: its dimensions, which of them a record may lack,
    its amount and the dimension that identifies a record."""

    table: str
    slug: str
    key: str  # the primary-key column
    identifier: URIRef | None  # the dimension that carries the key, where the key is one
    dimensions: tuple[tuple[str, URIRef, str], ...]  # (name, property, column) every record has
    amount: Callable[[object, dict], Decimal | None]  # (record, statements by id) → amount
    optional: Callable[[object], tuple[str, ...]]  # the optional dimensions a record has


def _fact_group(fact: Fact) -> tuple[str, ...]:
    group = []
    if fact.classification_id:
        group.append(fact.classification_id.split(":", 1)[0])
    if fact.project_id:
        group.append("project")
    return tuple(group)


def _cell_group(cell: TableCell) -> tuple[str, ...]:
    group = ["operation-character"] if cell.flow else []
    if cell.classification_id:
        group.append(cell.classification_id.split(":", 1)[0])
    return tuple(group)


_ORGANIZATION = ("organization", OBEU_DIMENSION.organization, "org_id")
_YEAR = ("fiscal-year", OBEU_DIMENSION.fiscalYear, "fiscal_year")
_PHASE = ("budget-phase", OBEU_DIMENSION.budgetPhase, "phase")
_FUND = ("fund", field_property("fund"), "fund")

CUBES = (
    Cube(
        "facts", "facts", "fact_id", None,
        (_ORGANIZATION, _YEAR, ("operation-character", OBEU_DIMENSION.operationCharacter, "flow"), _PHASE, _FUND,
         ("category", field_property("category"), "category"), ("concept", field_property("concept"), "concept")),
        fact_amount, _fact_group,
    ),
    Cube(
        "table_cells", "table-cells", "cell_id", YAAN.cellIdentifier,
        (_ORGANIZATION, _YEAR, _PHASE, _FUND, ("table", field_property("table"), "table"),
         ("row", field_property("row_key"), "row_key"), ("column", field_property("column"), "column"),
         ("cell", YAAN.cellIdentifier, "cell_id")),
        lambda cell, _: cell_amount(cell), _cell_group,
    ),
)
# Our own properties used as dimensions (the OBEU ones are declared in vocabulary.py).
OWN_DIMENSIONS = tuple(field_property(c) for c in ("fund", "category", "concept", "table", "row_key", "column"))


def _optional_dimension(cube: Cube, name: str) -> tuple[URIRef, str, str]:
    """(property, zh label, en label) of an optional dimension."""
    if name == "project":
        projects = TABLES_BY_NAME["performance_projects"]
        return OBEU_DIMENSION.project, projects.title_zh, projects.title_en
    if name == "operation-character":
        field = TABLES_BY_NAME[cube.table].field("flow")
        return OBEU_DIMENSION.operationCharacter, field.title_zh, field.title_en
    zh, en = codelists.SCHEMES[name]
    return CLASSIFICATION_DIMENSIONS[name], zh, en


def add_cubes(graph: set, records: dict[str, list], mapper: Mapper, catalog_dataset: URIRef, *,
              observations: bool = True, structures: bool = True) -> None:
    """The observations of ``records`` (table name → its records) and their data sets.

    A package written document by document adds each document's observations alone
    and the data sets and structures of all of them once (``rdf/graph.py``).
    """
    if structures:
        for prop in OWN_DIMENSIONS:
            graph.add((prop, RDF.type, QB.DimensionProperty))
    figures = {f.figure_id: f for f in records.get("fiscal_figures", ())}
    for cube in CUBES:
        groups: dict[tuple[str, ...], list] = defaultdict(list)
        for record in records.get(cube.table, ()):
            if cube.amount(record, figures) is not None:
                groups[cube.optional(record)].append(record)
        for group in sorted(groups):
            if structures:
                _add_structure(graph, mapper, cube, group, catalog_dataset)
            if not observations:
                continue
            dataset = _dataset(mapper, cube, group)
            for record in groups[group]:
                key = getattr(record, cube.key)
                observation = mapper.iri(cube.table, key)
                graph.add((observation, RDF.type, QB.Observation))
                graph.add((observation, QB.dataSet, dataset))
                graph.add((observation, OBEU_MEASURE.amount, decimal_literal(cube.amount(record, figures))))
                graph.add((observation, OBEU_ATTRIBUTE.currency, CNY))
                if cube.identifier is not None:
                    graph.add((observation, cube.identifier, Literal(key)))
                if cube.table == "table_cells":
                    _cell_labels(graph, observation, record)
    if observations:
        _statements(graph, mapper, records)


def _slug(cube: Cube, group: tuple[str, ...]) -> str:
    return cube.slug + ("-by-" + "-and-".join(group) if group else "")


def _dataset(mapper: Mapper, cube: Cube, group: tuple[str, ...]) -> URIRef:
    return URIRef(f"{mapper.base}datasets/{_slug(cube, group)}")


def _statements(graph: set, mapper: Mapper, records: dict[str, list]) -> None:
    """Each fact is derived from the paragraph of every statement of it (text and table)."""
    paragraphs = [(f.fact_id, f.paragraph_id) for f in records.get("fiscal_figures", ()) if f.fact_id]
    cells = {c.cell_id: c for c in records.get("table_cells", ())}
    paragraphs += [(f.fact_id, cells[f.cell_id].paragraph_id) for f in records.get("facts", ()) if f.cell_id]
    for fact_id, paragraph_id in paragraphs:
        graph.add((mapper.iri("facts", fact_id), PROV.wasDerivedFrom, mapper.iri("paragraphs", paragraph_id)))


def _cell_labels(graph: set, observation: URIRef, cell: TableCell) -> None:
    """A cell's labels: its row's name (the record's label, where the row has one) and, in
    both languages, which table, row and column it is."""
    spec = table_specs()[cell.table]
    if cell.row_label is None:
        graph.add((observation, RDFS.label, Literal(f"{cell.table_title}:{cell.column_label}", lang="zh")))
    graph.add((observation, RDFS.label, Literal(f"{spec.label_en}: row {cell.row_key}, column {cell.column}",
                                                lang="en")))


def _add_structure(graph: set, mapper: Mapper, cube: Cube, group: tuple[str, ...], catalog_dataset: URIRef) -> URIRef:
    """The qb:DataSet of one group and its data structure definition."""
    table = TABLES_BY_NAME[cube.table]
    slug = _slug(cube, group)
    dataset = _dataset(mapper, cube, group)
    structure = URIRef(f"{mapper.base}structures/{slug}")
    optional = [_optional_dimension(cube, name) for name in group]
    zh = table.title_zh + "".join(f"(按{label_zh})" for _, label_zh, _ in optional)
    en = table.title_en + "".join(f" by {label_en[0].lower()}{label_en[1:]}" for _, _, label_en in optional)
    graph.add((dataset, RDF.type, QB.DataSet))
    bilingual(graph, dataset, RDFS.label, zh, en)
    bilingual(graph, dataset, DCTERMS.title, zh, en)
    graph.add((dataset, QB.structure, structure))
    graph.add((dataset, DCTERMS.isPartOf, catalog_dataset))
    graph.add((catalog_dataset, DCTERMS.hasPart, dataset))
    graph.add((structure, RDF.type, QB.DataStructureDefinition))
    bilingual(graph, structure, RDFS.label, zh, en)

    components = []
    for name, prop, column in cube.dimensions:
        field = table.field(column)
        components.append((name, QB.dimension, prop, field.title_zh, field.title_en))
    for (prop, label_zh, label_en), name in zip(optional, group):
        components.append((name, QB.dimension, prop, label_zh, label_en))
    amount = table.field("amount_yuan")
    components.append(("amount", QB.measure, OBEU_MEASURE.amount, amount.title_zh, amount.title_en))
    components.append(("currency", QB.attribute, OBEU_ATTRIBUTE.currency, "货币", "Currency"))
    for order, (name, kind, prop, label_zh, label_en) in enumerate(components, start=1):
        spec = URIRef(f"{mapper.base}components/{slug}-{name}")
        graph.add((structure, QB.component, spec))
        graph.add((spec, RDF.type, QB.ComponentSpecification))
        graph.add((spec, kind, prop))
        graph.add((spec, QB.componentProperty, prop))  # the normalized form the checks read
        graph.add((spec, QB.order, Literal(order)))
        bilingual(graph, spec, RDFS.label, label_zh, label_en)
        if kind == QB.attribute:
            graph.add((spec, QB.componentRequired, Literal(True)))
    return dataset
