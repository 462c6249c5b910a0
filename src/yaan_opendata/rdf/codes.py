"""Code lists as SKOS concept schemes.

Ours: the two national classifications (支出功能分类科目, 经济分类科目; their codes
are records of the ``classifications`` table, so ``records`` writes each
concept and this module adds the scheme and its top concepts) and the model's
enumerations that have labelled codes (fund, figure category, comparison kind,
statistical table).

OBEU's operation character and budget phase codes are restated only as far as
IC-19 reads them (type and scheme) and get the Chinese labels of ``codelists``.
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from .. import codelists
from ..tables import TABLES_BY_NAME
from .mapping import (
    BUDGET_PHASES,
    CLASSIFICATION_SCHEMES,
    CODED_COLUMNS,
    OPERATION_CHARACTERS,
    classification_concept,
)
from .vocabulary import OBEU_CONCEPTS, bilingual


def add_code_lists(graph: set, classifications) -> None:
    """The concept schemes, with the top concepts of the ``classifications`` the package publishes."""
    for scheme, iri in CLASSIFICATION_SCHEMES.items():
        graph.add((iri, RDF.type, SKOS.ConceptScheme))
        bilingual(graph, iri, RDFS.label, *codelists.SCHEMES[scheme])
        bilingual(graph, iri, SKOS.prefLabel, *codelists.SCHEMES[scheme])
    for record in classifications:
        if record.parent_id is None:
            concept = classification_concept(record.classification_id)
            scheme = CLASSIFICATION_SCHEMES[record.scheme]
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, concept))
    listed = set()
    for (table_name, column), code_list in CODED_COLUMNS.items():
        if code_list.name in listed:  # a code list two tables share (fund)
            continue
        listed.add(code_list.name)
        field = TABLES_BY_NAME[table_name].field(column)
        scheme = code_list.scheme
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        bilingual(graph, scheme, RDFS.label, field.title_zh, field.title_en)
        bilingual(graph, scheme, SKOS.prefLabel, field.title_zh, field.title_en)
        for code, (zh, en) in code_list.labels.items():
            concept = code_list.concept(code)
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((concept, SKOS.notation, Literal(code)))
            bilingual(graph, concept, SKOS.prefLabel, zh, en)
            graph.add((concept, SKOS.inScheme, scheme))
            graph.add((concept, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, concept))
    for scheme, (cls, concepts) in OBEU_CONCEPTS.items():
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        for concept in concepts:
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((concept, RDF.type, cls))
            graph.add((concept, SKOS.inScheme, scheme))
    _chinese_labels(graph, OPERATION_CHARACTERS, codelists.FLOW_LABELS)
    _chinese_labels(graph, BUDGET_PHASES, codelists.PHASE_LABELS)


def _chinese_labels(graph: set, concepts: dict, labels: dict) -> None:
    for code, concept in concepts.items():
        graph.add((concept, SKOS.prefLabel, Literal(labels[code][0], lang="zh")))
