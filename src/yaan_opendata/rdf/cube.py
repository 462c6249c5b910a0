"""The money figures as RDF Data Cube observations, with OpenBudgets.eu components.

Every figure identifies itself by the same dimensions: organization, fiscal
year, operation character, budget phase (OBEU), fund source, figure category
and the figure's id (ours; the same amount is often published twice, e.g. in
the text and again in 附件1, so only the id tells two statements apart). Some
figures are also classified (functional or economic code) or belong to a
performance project. The Data Cube requires every dimension of a structure on
every observation (IC-11), so figures are grouped by the optional dimensions
they have: one ``qb:DataSet`` per group, each with its own structure.

The amount of an observation (``obeu-measure:amount``, xsd:decimal, in yuan):
``amount_yuan``; where that is empty, ``amount_corrected_yuan``; where that is
empty too, the exact published value when the literal prints a unit (e.g.
'1749.94元' → 1749.94). A figure printed without a unit and not corrected has
no amount in yuan: it stays a ``yaan:FiscalFigure`` but is not an observation.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, QB, RDF, RDFS

from .. import codelists
from ..model import FiscalFigure
from ..numbers import NumberFormatError, parse_money
from ..tables import TABLES_BY_NAME
from .mapping import CLASSIFICATION_DIMENSIONS, Mapper, decimal_literal
from .namespaces import CNY, OBEU_ATTRIBUTE, OBEU_DIMENSION, OBEU_MEASURE, YAAN, field_property
from .vocabulary import bilingual

FIGURES = TABLES_BY_NAME["fiscal_figures"]

# Dimensions every figure has, in order, with the column they come from.
DIMENSIONS = (
    ("organization", OBEU_DIMENSION.organization, "org_id"),
    ("fiscal-year", OBEU_DIMENSION.fiscalYear, "fiscal_year"),
    ("operation-character", OBEU_DIMENSION.operationCharacter, "flow"),
    ("budget-phase", OBEU_DIMENSION.budgetPhase, "phase"),
    ("fund", field_property("fund"), "fund"),
    ("category", field_property("category"), "category"),
    ("figure", YAAN.figureIdentifier, "figure_id"),
)
OWN_DIMENSIONS = (field_property("fund"), field_property("category"))


def observation_amount(figure: FiscalFigure) -> Decimal | None:
    """The figure's amount in yuan as the cube publishes it (see the module docstring)."""
    if figure.amount_yuan is not None:
        return Decimal(figure.amount_yuan)
    if figure.amount_corrected_yuan is not None:
        return Decimal(figure.amount_corrected_yuan)
    try:
        return parse_money(figure.amount_as_published, unit_required=False).yuan
    except NumberFormatError:
        return None


def optional_dimensions(figure: FiscalFigure) -> tuple[str, ...]:
    """The group of a figure: which optional dimensions it has."""
    group = []
    if figure.classification_id:
        group.append(figure.classification_id.split(":", 1)[0])
    if figure.project_id:
        group.append("project")
    return tuple(group)


def _optional_dimension(name: str) -> tuple[URIRef, str, str]:
    """(property, zh label, en label) of an optional dimension."""
    if name == "project":
        projects = TABLES_BY_NAME["performance_projects"]
        return OBEU_DIMENSION.project, projects.title_zh, projects.title_en
    zh, en = codelists.SCHEMES[name]
    return CLASSIFICATION_DIMENSIONS[name], zh, en


def add_cubes(graph: set, figures: list[FiscalFigure], mapper: Mapper, catalog_dataset: URIRef) -> None:
    for prop in OWN_DIMENSIONS:
        graph.add((prop, RDF.type, QB.DimensionProperty))
    groups: dict[tuple[str, ...], list[FiscalFigure]] = defaultdict(list)
    for figure in figures:
        if observation_amount(figure) is not None:
            groups[optional_dimensions(figure)].append(figure)
    for group in sorted(groups):
        dataset = _add_structure(graph, mapper, group, catalog_dataset)
        for figure in groups[group]:
            observation = mapper.iri("fiscal_figures", figure.figure_id)
            graph.add((observation, RDF.type, QB.Observation))
            graph.add((observation, QB.dataSet, dataset))
            graph.add((observation, OBEU_MEASURE.amount, decimal_literal(observation_amount(figure))))
            graph.add((observation, OBEU_ATTRIBUTE.currency, CNY))
            graph.add((observation, YAAN.figureIdentifier, Literal(figure.figure_id)))


def _add_structure(graph: set, mapper: Mapper, group: tuple[str, ...], catalog_dataset: URIRef) -> URIRef:
    """The qb:DataSet of one group and its data structure definition."""
    slug = "fiscal-figures" + ("-by-" + "-and-".join(group) if group else "")
    dataset = URIRef(f"{mapper.base}datasets/{slug}")
    structure = URIRef(f"{mapper.base}structures/{slug}")
    optional = [_optional_dimension(name) for name in group]
    zh = FIGURES.title_zh + "".join(f"(按{label_zh})" for _, label_zh, _ in optional)
    en = FIGURES.title_en + "".join(f" by {label_en[0].lower()}{label_en[1:]}" for _, _, label_en in optional)
    graph.add((dataset, RDF.type, QB.DataSet))
    bilingual(graph, dataset, RDFS.label, zh, en)
    bilingual(graph, dataset, DCTERMS.title, zh, en)
    graph.add((dataset, QB.structure, structure))
    graph.add((dataset, DCTERMS.isPartOf, catalog_dataset))
    graph.add((catalog_dataset, DCTERMS.hasPart, dataset))
    graph.add((structure, RDF.type, QB.DataStructureDefinition))
    bilingual(graph, structure, RDFS.label, zh, en)

    components = []
    for name, prop, column in DIMENSIONS:
        field = FIGURES.field(column)
        components.append((name, QB.dimension, prop, field.title_zh, field.title_en))
    for (prop, label_zh, label_en), name in zip(optional, group):
        components.append((name, QB.dimension, prop, label_zh, label_en))
    amount = FIGURES.field("amount_yuan")
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
