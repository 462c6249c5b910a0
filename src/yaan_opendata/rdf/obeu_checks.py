"""The checks the OpenBudgets.eu data model runs on a dataset before accepting it.

One query per file of its ``integrity-constraints/`` folder
(github.com/openbudgets/data-model): the same conditions, written as SELECTs
of the offenders. As there, the dataset is compared with the OBEU ontology,
loaded into its own named graph (``vocabulary.obeu_reference_graph``), and
with the Data Cube vocabulary (the terms rdflib's ``QB`` namespace declares).
The dataset itself is the store's default graph.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.namespace import QB

from .graph import to_oxigraph
from .integrity import Violation, select
from .namespaces import OBEU_ONTOLOGY
from .vocabulary import OBEU_ABSTRACT, obeu_reference_graph

QB_GRAPH = "http://purl.org/linked-data/cube"

PROLOGUE = f"""PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX obeu-attribute: <http://data.openbudgets.eu/ontology/dsd/attribute/>
PREFIX obeu-dimension: <http://data.openbudgets.eu/ontology/dsd/dimension/>
PREFIX obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/>
PREFIX obeu-ontology: <{OBEU_ONTOLOGY}>
PREFIX qb-vocabulary: <{QB_GRAPH}>
"""


@dataclass(frozen=True)
class Check:
    id: str  # the file name in integrity-constraints/, without .rq
    title: str
    query: str
    problem: str


CHECKS = (
    Check(
        "missing_mandatory_component_properties", "Missing required component property",
        """SELECT ?dsd ?componentProperty WHERE {
          ?dsd a qb:DataStructureDefinition .
          VALUES ?componentProperty {
            obeu-attribute:currency obeu-dimension:fiscalPeriod obeu-dimension:operationCharacter
            obeu-dimension:organization obeu-measure:amount
          }
          FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty/rdfs:subPropertyOf* ?componentProperty }
        }""",
        "structure {dsd} has no component that is (a subproperty of) {componentProperty}",
    ),
    Check(
        "missing_currency", "Missing currency",
        """SELECT ?dsd WHERE {
          ?dsd a qb:DataStructureDefinition .
          FILTER NOT EXISTS {
            VALUES ?attributeProperty { qb:attribute qb:componentProperty }
            ?dsd qb:component [ ?attributeProperty obeu-attribute:currency ] .
          }
        }""",
        "structure {dsd} has no obeu-attribute:currency",
    ),
    Check(
        "code_list_redefinition", "Code list redefinition",
        """SELECT ?codedProperty ?redefinedCodeList ?originalCodeList WHERE {
          VALUES ?codedPropertyClass { qb:CodedProperty qb:DimensionProperty }
          ?codedProperty a ?codedPropertyClass ; qb:codeList ?redefinedCodeList .
          GRAPH obeu-ontology: { ?codedProperty qb:codeList ?originalCodeList . }
          FILTER (!sameTerm(?redefinedCodeList, ?originalCodeList))
        }""",
        "the code list of core property {codedProperty} is {originalCodeList}, not {redefinedCodeList}:"
        " create a subproperty for a code list of your own",
    ),
    Check(
        "hijacked_core_namespace", "Term minted in the core OBEU namespace",
        """SELECT DISTINCT ?usedTBox WHERE {
          { [] a ?usedTBox . } UNION { [] ?usedTBox [] . }
          FILTER STRSTARTS(STR(?usedTBox), "http://data.openbudgets.eu/ontology/")
          FILTER NOT EXISTS { GRAPH obeu-ontology: { ?usedTBox rdfs:isDefinedBy obeu-ontology: } }
        }""",
        "{usedTBox} is not a term of the OpenBudgets.eu ontology",
    ),
    Check(
        "property_instantiation", "Property instantiated",
        """SELECT ?instance ?property WHERE {
          GRAPH obeu-ontology: { ?property a rdf:Property . }
          ?instance a ?property .
        }""",
        "{instance} is typed with the property {property}",
    ),
    Check(
        "use_of_abstract_property", "Abstract property used",
        """SELECT DISTINCT ?dsd ?abstractProperty WHERE {
          VALUES ?abstractProperty { ABSTRACT }
          VALUES ?dimensionProperty { qb:dimension qb:componentProperty }
          ?dsd a qb:DataStructureDefinition ; qb:component [ ?dimensionProperty ?abstractProperty ] .
        }""".replace("ABSTRACT", " ".join(f"<{term}>" for term in OBEU_ABSTRACT)),
        "structure {dsd} uses the abstract {abstractProperty}: use a subproperty with a concrete code list",
    ),
    Check(
        "use_of_deprecated_term", "Deprecated term used",
        """SELECT DISTINCT ?deprecatedTerm WHERE {
          GRAPH obeu-ontology: { ?deprecatedTerm owl:deprecated true . }
          { [] a ?deprecatedTerm . } UNION { [] ?deprecatedTerm [] . }
        }""",
        "{deprecatedTerm} is deprecated",
    ),
    Check(
        "wrong_qb_character_case", "Data Cube term in the wrong case",
        """SELECT DISTINCT ?usedTBox ?tbox WHERE {
          { SELECT DISTINCT ?usedTBox WHERE {
              { [] a ?usedTBox . } UNION { [] ?usedTBox [] . }
              FILTER STRSTARTS(STR(?usedTBox), "http://purl.org/linked-data/cube#")
              FILTER NOT EXISTS { GRAPH qb-vocabulary: { ?usedTBox ?p [] . } }
          } }
          GRAPH qb-vocabulary: { ?tbox ?q [] . }
          FILTER (LCASE(STR(?usedTBox)) = LCASE(STR(?tbox)))
        }""",
        "{usedTBox} is spelt wrongly: the Data Cube term is {tbox}",
    ),
)


def load_reference_graphs(store: ox.Store) -> None:
    """The OBEU ontology and the Data Cube vocabulary, each in its named graph."""
    ontology = ox.NamedNode(str(OBEU_ONTOLOGY))
    store.extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ontology) for s, p, o in obeu_reference_graph()
    )
    cube = ox.NamedNode(QB_GRAPH)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#isDefinedBy")
    store.extend(ox.Quad(ox.NamedNode(QB[name]), label, cube, cube) for name in QB.__annotations__)


def check_obeu(store: ox.Store) -> list[Violation]:
    """Every violation of the OBEU checks; the store must hold the reference graphs."""
    return [
        Violation(check.id, check.title, check.problem.format(**row))
        for check in CHECKS
        for row in select(store, PROLOGUE + check.query)
    ]
