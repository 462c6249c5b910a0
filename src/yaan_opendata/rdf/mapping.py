"""How a table's records become resources: IRIs, types and one predicate per column.

The rule is generic: a record is the resource ``<base><table>/<primary key>``,
typed with the class of its table, and each column with a value is one triple
whose predicate is the column's property in our vocabulary (``yaan:<column>``).
Where a standard vocabulary has the term, the column maps to it instead
(``COLUMN_TERMS``); a foreign key points to the linked resource; an enumeration
with a code list points to the code. New tables and columns flow through as is.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDFS, SKOS, XSD

from .. import codelists
from ..lexicon import table_specs
from ..tables import TABLES_BY_NAME, Table
from .namespaces import (
    CODE,
    OBEU_BUDGETPHASE,
    OBEU_DIMENSION,
    OBEU_OPERATION,
    PREFIXES,
    YAAN,
    YEAR,
    field_property,
    table_class,
)

# Standard classes a table's records also have, besides the class of their table.
TABLE_TYPES = {
    "documents": (FOAF.Document, PROV.Entity),
    "paragraphs": (PROV.Entity,),
    "organizations": (ORG.Organization, FOAF.Organization),
    "classifications": (SKOS.Concept,),
    "performance_projects": (FOAF.Project,),
    "fiscal_figures": (PROV.Entity,),
    "facts": (PROV.Entity,),
}

# Columns a standard term expresses: (table or "*", column) → predicate.
COLUMN_TERMS = {
    ("*", "paragraph_id"): PROV.wasDerivedFrom,
    ("*", "document_id"): PROV.hadPrimarySource,
    ("paragraphs", "document_id"): DCTERMS.isPartOf,
    ("paragraphs", "text"): PROV.value,
    ("documents", "title"): DCTERMS.title,
    ("documents", "title_en"): DCTERMS.title,
    ("documents", "published"): DCTERMS.issued,
    ("organizations", "name_zh"): SKOS.prefLabel,
    ("organizations", "name_en"): SKOS.prefLabel,
    ("organizations", "parent_org_id"): ORG.subOrganizationOf,
    ("classifications", "code"): SKOS.notation,
    ("classifications", "name_zh"): SKOS.prefLabel,
    ("classifications", "name_en"): SKOS.prefLabel,
    ("classifications", "parent_id"): SKOS.broader,
    ("classifications", "scheme"): SKOS.inScheme,
    ("glossary", "term"): SKOS.prefLabel,
    ("glossary", "definition"): SKOS.definition,
    ("fiscal_figures", "org_id"): OBEU_DIMENSION.organization,
    ("fiscal_figures", "fiscal_year"): OBEU_DIMENSION.fiscalYear,
    ("fiscal_figures", "flow"): OBEU_DIMENSION.operationCharacter,
    ("fiscal_figures", "phase"): OBEU_DIMENSION.budgetPhase,
    ("fiscal_figures", "project_id"): OBEU_DIMENSION.project,
    ("facts", "org_id"): OBEU_DIMENSION.organization,
    ("facts", "fiscal_year"): OBEU_DIMENSION.fiscalYear,
    ("facts", "flow"): OBEU_DIMENSION.operationCharacter,
    ("facts", "phase"): OBEU_DIMENSION.budgetPhase,
    ("facts", "project_id"): OBEU_DIMENSION.project,
    ("facts", "label_zh"): RDFS.label,
    ("facts", "label_en"): RDFS.label,
    ("table_cells", "org_id"): OBEU_DIMENSION.organization,
    ("table_cells", "fiscal_year"): OBEU_DIMENSION.fiscalYear,
    ("table_cells", "flow"): OBEU_DIMENSION.operationCharacter,
    ("table_cells", "phase"): OBEU_DIMENSION.budgetPhase,
    ("fiscal_figures", "label_zh"): RDFS.label,
    ("fiscal_figures", "label_en"): RDFS.label,
    # An item of basic expenditure is classified by the economic scheme only.
    ("expenditure_items", "classification_id"): YAAN.economicClassification,
}

# The tables whose year, flow and phase are OBEU codes: the Data Cube observations
# (facts and table cells, cube.py) and the statements of the facts (fiscal_figures).
CUBE_TABLES = ("facts", "table_cells", "fiscal_figures")

# A classified figure's (or table cell's) code is the value of the dimension of its
# scheme (so the column has no property of its own).
CLASSIFIED_COLUMNS = {("fiscal_figures", "classification_id"), ("table_cells", "classification_id"),
                      ("facts", "classification_id")}
CLASSIFICATION_DIMENSIONS = {
    "functional": YAAN.functionalClassification,
    "economic": YAAN.economicClassification,
}

# The OBEU codes of the model's flows and phases. A 决算 reports what was
# executed; the budget it compares with is the approved one (年初预算).
OPERATION_CHARACTERS = {"revenue": OBEU_OPERATION.revenue, "expenditure": OBEU_OPERATION.expenditure}
BUDGET_PHASES = {"executed": OBEU_BUDGETPHASE.executed, "budgeted": OBEU_BUDGETPHASE.approved}


@dataclass(frozen=True)
class CodeList:
    """An enumeration of the model published as a SKOS concept scheme of ours."""

    name: str
    labels: dict[str, tuple[str, str]]  # code → (zh, en), from codelists.py

    @property
    def scheme(self) -> URIRef:
        return CODE[self.name]

    def concept(self, code: str) -> URIRef:
        return CODE[f"{self.name}/{quote(code, safe='')}"]


# Enumerated columns with labelled codes (codelists.py): (table, column) → code list.
CODED_COLUMNS = {
    ("fiscal_figures", "fund"): CodeList("fund", codelists.FUND_LABELS),
    ("table_cells", "fund"): CodeList("fund", codelists.FUND_LABELS),
    ("table_cells", "table"): CodeList("table", {k: (s.label_zh, s.label_en) for k, s in table_specs().items()}),
    ("fiscal_figures", "category"): CodeList("category", codelists.CATEGORY_LABELS),
    ("facts", "fund"): CodeList("fund", codelists.FUND_LABELS),
    ("facts", "category"): CodeList("category", codelists.CATEGORY_LABELS),
    ("figure_comparisons", "kind"): CodeList("comparison-kind", codelists.COMPARISON_LABELS),
}
CLASSIFICATION_SCHEMES = {scheme: CODE[scheme] for scheme in codelists.SCHEMES}


def classification_concept(classification_id: str) -> URIRef:
    """'functional:2010302' → the concept of code 2010302 in the functional scheme."""
    scheme, code = classification_id.split(":", 1)
    return CODE[f"{scheme}/{quote(code, safe='')}"]


class Mapper:
    """Turns records into triples under one base IRI.

    The bulk of the graph (one triple per cell) is made of Oxigraph terms,
    which cost a fraction of rdflib's to create; ``iri`` gives rdflib IRIs to
    the builders of the few hand-made parts (vocabulary, cubes, catalogue).
    """

    def __init__(self, base_iri: str):
        self.base = base_iri
        self._columns: dict[str, list[tuple[str, object, object]]] = {}

    def iri(self, table_name: str, *key) -> URIRef:
        return URIRef(self.iri_text(table_name, *key))

    def iri_text(self, table_name: str, *key) -> str:
        if table_name == "classifications":
            return str(classification_concept(key[0]))
        path = "/".join(quote(str(part), safe="") for part in key)
        return f"{self.base}{table_name.replace('_', '-')}/{path}"

    def triples(self, table: Table, record):
        """Every triple of one record: its types, its label and one per column with a value."""
        subject = ox.NamedNode(self.iri_text(table.name, *(getattr(record, k) for k in table.primary_key)))
        yield ox.Triple(subject, node(RDF_TYPE), node(table_class(table.record_type)))
        for cls in TABLE_TYPES.get(table.name, ()):
            yield ox.Triple(subject, node(RDF_TYPE), node(cls))
        for name, language in label_columns(table):
            value = getattr(record, name)
            if value is not None:
                yield ox.Triple(subject, node(RDFS.label), ox.Literal(value, language=language))
        for column, predicate, term in self.columns(table):
            value = getattr(record, column)
            if value is not None:
                yield ox.Triple(subject, predicate(value), term(value))

    def columns(self, table: Table) -> list[tuple[str, object, object]]:
        """(column, value → predicate, value → object) for each column, worked out once per table."""
        if table.name not in self._columns:
            self._columns[table.name] = [
                (f.name, self._predicate(table, f.name), self._term(table, f.name)) for f in table.fields
            ]
        return self._columns[table.name]

    def _predicate(self, table: Table, column: str):
        if (table.name, column) in CLASSIFIED_COLUMNS:
            return lambda value: node(CLASSIFICATION_DIMENSIONS[value.split(":", 1)[0]])
        predicate = node(column_predicate(table, column))
        return lambda value: predicate

    def _term(self, table: Table, column: str):
        """The object of a column's triple: a linked resource, a code or a typed literal."""
        key = (table.name, column)
        if key in CODED_COLUMNS:
            return lambda value: node(CODED_COLUMNS[key].concept(value))
        if table.name in CUBE_TABLES and column == "flow":
            return lambda value: node(OPERATION_CHARACTERS[value])
        if table.name in CUBE_TABLES and column == "phase":
            return lambda value: node(BUDGET_PHASES[value])
        if table.name in CUBE_TABLES and column == "fiscal_year":
            return lambda value: node(YEAR[str(value)])
        if key == ("classifications", "scheme"):
            return lambda value: node(CLASSIFICATION_SCHEMES[value])
        target = foreign_table(table, column)
        if target is not None:
            return lambda value: ox.NamedNode(self.iri_text(target, value))
        language = column_language(table, column)
        return lambda value: ox_literal(value, language)


RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@cache
def node(iri: str) -> ox.NamedNode:
    """The Oxigraph IRI of an rdflib IRI (terms recur: convert each once)."""
    return ox.NamedNode(str(iri))


def column_term(table: Table, column: str) -> URIRef | None:
    """The standard term of a column, if it has one; a primary key is the record's identifier."""
    if (table.name, column) in COLUMN_TERMS:
        return COLUMN_TERMS[(table.name, column)]
    if column in table.primary_key:
        return DCTERMS.identifier
    return COLUMN_TERMS.get(("*", column))


def column_predicate(table: Table, column: str) -> URIRef:
    return column_term(table, column) or field_property(column)


def foreign_table(table: Table, column: str) -> str | None:
    for fk in table.foreign_keys:
        if fk.fields == column:
            return fk.table
    return None


@cache
def label_columns(table: Table) -> tuple[tuple[str, str], ...]:
    """The label column (Chinese) and its English sibling, where the table has one."""
    if not table.label_column:
        return ()
    names = {f.name for f in table.fields}
    label = table.label_column
    english = label.removesuffix("_zh") + "_en"
    return ((label, "zh"),) + (((english, "en"),) if english in names else ())


# Chinese text that a standard term carries (a column of ours keeps one datatype:
# only its name says the language, ..._zh or ..._en).
COLUMN_LANGUAGES = {
    ("documents", "title"): "zh",
    ("paragraphs", "text"): "zh",
    ("glossary", "term"): "zh",
    ("glossary", "definition"): "zh",
}


def column_language(table: Table, column: str) -> str | None:
    """The language tag of a text column: by its name (..._zh, ..._en) or COLUMN_LANGUAGES."""
    if column.endswith("_en"):
        return "en"
    if column.endswith("_zh"):
        return "zh"
    return COLUMN_LANGUAGES.get((table.name, column))


def ox_literal(value, language: str | None = None) -> ox.Literal:
    """A column's value as an Oxigraph literal (see ``literal``)."""
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=node(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=node(XSD.integer))
    if isinstance(value, Decimal):
        return ox.Literal(canonical_decimal(value), datatype=node(XSD.decimal))
    if isinstance(value, datetime.date):
        return ox.Literal(value.isoformat(), datatype=node(XSD.date))
    return ox.Literal(str(value), language=language) if language else ox.Literal(str(value))


def literal(value, language: str | None = None) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return decimal_literal(value)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value), lang=language)


def decimal_literal(value) -> Literal:
    return Literal(canonical_decimal(value), datatype=XSD.decimal)


def canonical_decimal(value) -> str:
    """An xsd:decimal in its canonical form ('100.0', '19.85'), so that every
    serialization (Turtle abbreviates decimals this way) writes the same term."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value)}.0"
    return format(value.normalize(), "f")


# Paths of the resources minted outside the tables (catalogue, cubes, provenance).
OTHER_PATHS = ("datasets", "structures", "components", "distributions", "checksums", "agents", "activities", "services")


def prefixes(base_iri: str) -> dict[str, str]:
    """Every prefix of the published files and of the SPARQL command: the
    vocabularies', ``data:`` for the base IRI, one per table and one per code list."""
    result = {name: str(iri) for name, iri in PREFIXES.items()}
    result["data"] = base_iri
    for name in [t.name for t in TABLES_BY_NAME.values() if t.name != "classifications"] + list(OTHER_PATHS):
        path = name.replace("_", "-")
        result[path] = f"{base_iri}{path}/"
    for code_list in list(CODED_COLUMNS.values()):
        result[code_list.name] = f"{code_list.scheme}/"
    for scheme, iri in CLASSIFICATION_SCHEMES.items():
        result[scheme] = f"{iri}/"
    return result


def sparql_prologue(base_iri: str) -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes(base_iri).items())
