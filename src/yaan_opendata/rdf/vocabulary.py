"""Declarations of the terms the graph uses: ours in full, the OBEU ones as the
Data Cube checks need them.

Our terms (one class per table, one property per column, the classification
dimensions) get Chinese and English labels and comments from the table
registry and ``codelists.py``, a range, and a code list where they are coded.

OBEU terms are not redefined: the graph restates only the structural facts of
their definitions in the OBEU data model (type, range, code list, super
property) that the W3C integrity constraints read from the graph itself
(IC-4 "dimensions have range", IC-19 "codes from code list"). ``OBEU_TERMS``
also feeds the reference graph the OBEU checks compare the data with.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, QB, RDF, RDFS, SKOS, XSD

from .. import codelists
from ..tables import TABLES, TABLES_BY_NAME, Table
from .mapping import (
    CLASSIFICATION_DIMENSIONS,
    CLASSIFICATION_SCHEMES,
    CLASSIFIED_COLUMNS,
    CODED_COLUMNS,
    column_language,
    column_term,
    foreign_table,
)
from .namespaces import (
    CNY,
    EU_CURRENCY_LIST,
    INTERVAL,
    OBEU,
    OBEU_ATTRIBUTE,
    OBEU_BUDGETPHASE,
    OBEU_CODELIST,
    OBEU_DIMENSION,
    OBEU_MEASURE,
    OBEU_ONTOLOGY,
    OBEU_OPERATION,
    VOCABULARY_IRI,
    YAAN,
    field_property,
    table_class,
)

VOCABULARY = URIRef(VOCABULARY_IRI)

_XSD_OF_TYPE = {"string": XSD.string, "integer": XSD.integer, "number": XSD.decimal, "boolean": XSD.boolean, "date": XSD.date}


def terms(namespace) -> tuple[URIRef, ...]:
    """Every term a DefinedNamespace declares."""
    return tuple(namespace[name] for name in namespace.__annotations__)


# Structural facts of the OBEU definitions (components.ttl, code_lists.ttl of
# github.com/openbudgets/data-model): term → (types, range, code list, super property).
OBEU_TERMS = {
    OBEU_DIMENSION.organization: ((QB.DimensionProperty, QB.CodedProperty), ORG.Organization, None, None),
    OBEU_DIMENSION.fiscalPeriod: ((QB.DimensionProperty, QB.CodedProperty), URIRef("http://www.w3.org/2006/time#Interval"), None, None),
    OBEU_DIMENSION.fiscalYear: ((QB.DimensionProperty, QB.CodedProperty), INTERVAL.Year, None, OBEU_DIMENSION.fiscalPeriod),
    OBEU_DIMENSION.operationCharacter: ((QB.DimensionProperty, QB.CodedProperty), OBEU.OperationCharacter, OBEU_CODELIST["operation-character"], None),
    OBEU_DIMENSION.budgetPhase: ((QB.DimensionProperty, QB.CodedProperty), OBEU.BudgetPhase, OBEU_CODELIST["budget-phase"], None),
    OBEU_DIMENSION.project: ((QB.DimensionProperty, QB.CodedProperty), FOAF.Project, None, None),
    OBEU_MEASURE.amount: ((QB.MeasureProperty,), XSD.decimal, None, None),
    OBEU_ATTRIBUTE.currency: ((QB.AttributeProperty, QB.CodedProperty), OBEU.Currency, EU_CURRENCY_LIST, None),
}
# The reference graph also needs what the checks look for beyond the terms we use.
OBEU_CODE_LISTS = {
    OBEU_DIMENSION.currency: EU_CURRENCY_LIST,
    OBEU_DIMENSION.paymentPhase: OBEU_CODELIST["payment-phase"],
}
OBEU_ABSTRACT = (
    OBEU_DIMENSION.classification,
    OBEU_DIMENSION.administrativeClassification,
    OBEU_DIMENSION.economicClassification,
    OBEU_DIMENSION.functionalClassification,
    OBEU_DIMENSION.programmeClassification,
)
OBEU_DEPRECATED = (OBEU_DIMENSION.budgetaryUnit,)
OBEU_CONCEPTS = {  # code list → its codes
    OBEU_CODELIST["operation-character"]: (OBEU.OperationCharacter, terms(OBEU_OPERATION)),
    OBEU_CODELIST["budget-phase"]: (OBEU.BudgetPhase, terms(OBEU_BUDGETPHASE)),
}


def bilingual(graph: set, subject, predicate, zh: str, en: str) -> None:
    graph.add((subject, predicate, Literal(zh, lang="zh")))
    graph.add((subject, predicate, Literal(en, lang="en")))


def declare_vocabulary(graph: set) -> None:
    """Our classes and properties, the OBEU facts the checks read, and the currency code."""
    graph.add((VOCABULARY, RDF.type, OWL.Ontology))
    bilingual(graph, VOCABULARY, RDFS.label, "雅安部门决算开放数据词汇", "yaan-opendata vocabulary")
    for term, (types, range_, code_list, super_property) in OBEU_TERMS.items():
        graph.add((term, RDF.type, RDF.Property))
        for cls in types:
            graph.add((term, RDF.type, cls))
        graph.add((term, RDFS.range, range_))
        if code_list is not None:
            graph.add((term, QB.codeList, code_list))
        if super_property is not None:
            graph.add((term, RDFS.subPropertyOf, super_property))
    for table in TABLES:
        _declare_class(graph, table)
    declared = set()
    for table in TABLES:
        for field in table.fields:
            prop = field_property(field.name)
            if column_term(table, field.name) or prop in declared or (table.name, field.name) in CLASSIFIED_COLUMNS:
                continue
            declared.add(prop)
            _declare_column(graph, table, field.name, prop)
    _declare_classification_dimensions(graph)
    _declare_identifiers(graph)
    graph.add((CNY, RDF.type, SKOS.Concept))
    graph.add((CNY, SKOS.inScheme, EU_CURRENCY_LIST))
    graph.add((EU_CURRENCY_LIST, RDF.type, SKOS.ConceptScheme))


def _defined(graph: set, term) -> None:
    graph.add((term, RDFS.isDefinedBy, VOCABULARY))


def _declare_class(graph: set, table: Table) -> None:
    cls = table_class(table.record_type)
    graph.add((cls, RDF.type, RDFS.Class))
    graph.add((cls, RDF.type, OWL.Class))
    bilingual(graph, cls, RDFS.label, table.title_zh, table.title_en)
    bilingual(graph, cls, RDFS.comment, table.description_zh, table.description_en)
    _defined(graph, cls)


def _declare_column(graph: set, table: Table, column: str, prop: URIRef) -> None:
    field = table.field(column)
    graph.add((prop, RDF.type, RDF.Property))
    bilingual(graph, prop, RDFS.label, field.title_zh, field.title_en)
    bilingual(graph, prop, RDFS.comment, field.description_zh, field.description_en)
    _defined(graph, prop)
    code_list = CODED_COLUMNS.get((table.name, column))
    target = foreign_table(table, column)
    if code_list is not None:
        graph.add((prop, RDFS.range, SKOS.Concept))
        graph.add((prop, QB.codeList, code_list.scheme))
        graph.add((prop, RDF.type, QB.CodedProperty))
    elif target is not None:
        graph.add((prop, RDFS.range, _class_of_table(target)))
        graph.add((prop, RDF.type, OWL.ObjectProperty))
    elif column_language(table, column):
        graph.add((prop, RDFS.range, RDF.langString))
        graph.add((prop, RDF.type, OWL.DatatypeProperty))
    else:
        graph.add((prop, RDFS.range, _XSD_OF_TYPE[field.type]))
        graph.add((prop, RDF.type, OWL.DatatypeProperty))


def _class_of_table(name: str) -> URIRef:
    table = TABLES_BY_NAME[name]
    return SKOS.Concept if name == "classifications" else table_class(table.record_type)


def _declare_classification_dimensions(graph: set) -> None:
    """OBEU's classification dimensions are abstract: the DSD uses a subproperty
    of each with a concrete code list, the national 政府收支分类科目."""
    for scheme, dimension in CLASSIFICATION_DIMENSIONS.items():
        zh, en = codelists.SCHEMES[scheme]
        for cls in (RDF.Property, QB.DimensionProperty, QB.CodedProperty):
            graph.add((dimension, RDF.type, cls))
        bilingual(graph, dimension, RDFS.label, zh, en)
        graph.add((dimension, RDFS.subPropertyOf, _OBEU_SUPER[scheme]))
        graph.add((dimension, RDFS.range, SKOS.Concept))
        graph.add((dimension, QB.codeList, CLASSIFICATION_SCHEMES[scheme]))
        _defined(graph, dimension)


def _declare_identifiers(graph: set) -> None:
    """The dimension that tells two cells of the same amount apart: the cell's ID (a fact
    needs none: its dimensions are its key)."""
    for prop, table, column in ((YAAN.cellIdentifier, "table_cells", "cell_id"),):
        field = TABLES_BY_NAME[table].field(column)
        for cls in (RDF.Property, QB.DimensionProperty, OWL.DatatypeProperty):
            graph.add((prop, RDF.type, cls))
        bilingual(graph, prop, RDFS.label, field.title_zh, field.title_en)
        if field.description_zh:
            bilingual(graph, prop, RDFS.comment, field.description_zh, field.description_en)
        graph.add((prop, RDFS.subPropertyOf, DCTERMS.identifier))
        graph.add((prop, RDFS.range, XSD.string))
        _defined(graph, prop)


_OBEU_SUPER = {
    "functional": OBEU_DIMENSION.functionalClassification,
    "economic": OBEU_DIMENSION.economicClassification,
}


def obeu_reference_graph() -> Graph:
    """What the OBEU data model defines, as far as its checks ask: every term of
    its namespaces, their code lists, abstract and deprecated properties."""
    from .namespaces import OBEU as OBEU_NS

    graph = Graph()
    for namespace in (OBEU_NS, OBEU_DIMENSION, OBEU_MEASURE, OBEU_ATTRIBUTE):
        for term in terms(namespace):
            graph.add((term, RDFS.isDefinedBy, OBEU_ONTOLOGY))
            if namespace is not OBEU_NS:
                graph.add((term, RDF.type, RDF.Property))
    for term, (types, _range, code_list, super_property) in OBEU_TERMS.items():
        for cls in types:
            graph.add((term, RDF.type, cls))
        if code_list is not None:
            graph.add((term, QB.codeList, code_list))
        if super_property is not None:
            graph.add((term, RDFS.subPropertyOf, super_property))
    for term, code_list in OBEU_CODE_LISTS.items():
        graph.add((term, QB.codeList, code_list))
    for term in OBEU_ABSTRACT:
        graph.add((term, RDF.type, QB.DimensionProperty))
        graph.add((term, RDFS.range, SKOS.Concept))
    for term in OBEU_DEPRECATED:
        graph.add((term, OWL.deprecated, Literal(True)))
    return graph
