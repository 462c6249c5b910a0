"""The W3C RDF Data Cube integrity constraints IC-1 … IC-21, as SPARQL queries.

From "The RDF Data Cube Vocabulary", W3C Recommendation 16 January 2014,
section 11.1 (https://www.w3.org/TR/vocab-data-cube/#wf-rules). The
recommendation writes each constraint as an ASK query that is true when the
graph violates it; here each is the same pattern as a SELECT of the offending
resources, so that a violation names them. The graph is published in the
normalized form the constraints assume (every ``qb:componentProperty`` and
``rdf:type`` stated).

Two constraints take a parameter the recommendation fills from the graph:
IC-20 and IC-21 (the parent-child property of each hierarchical code list).
IC-12 (no duplicate observations) compares every pair of observations in the
recommendation, which grows with the square of the observations; here the
dimensions of each data set are read first and the observations grouped by
their values, which finds the same duplicates in one pass (given one value per
dimension, which IC-11 and the SHACL shapes require). ``IC12_RECOMMENDATION``
keeps the original query; a test runs both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

PROLOGUE = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True)
class Constraint:
    id: str
    title: str
    query: str  # SELECT of the offenders; {p} stands for a parent-child property (IC-20, IC-21)
    problem: str  # one offender, with {variables} of the query


@dataclass(frozen=True)
class Violation:
    id: str
    title: str
    problem: str

    def __str__(self) -> str:
        return f"{self.id} {self.title}: {self.problem}"


CONSTRAINTS = (
    Constraint(
        "IC-1", "Unique DataSet",
        """SELECT DISTINCT ?obs WHERE {
          { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset1 . } }
          UNION
          { ?obs a qb:Observation ; qb:dataSet ?dataset1, ?dataset2 . FILTER (?dataset1 != ?dataset2) }
        }""",
        "observation {obs} is not in exactly one qb:DataSet",
    ),
    Constraint(
        "IC-2", "Unique DSD",
        """SELECT DISTINCT ?dataset WHERE {
          { ?dataset a qb:DataSet . FILTER NOT EXISTS { ?dataset qb:structure ?dsd . } }
          UNION
          { ?dataset a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) }
        }""",
        "data set {dataset} does not have exactly one qb:structure",
    ),
    Constraint(
        "IC-3", "DSD includes measure",
        """SELECT ?dsd WHERE {
          ?dsd a qb:DataStructureDefinition .
          FILTER NOT EXISTS { ?dsd qb:component [qb:componentProperty [a qb:MeasureProperty]] }
        }""",
        "structure {dsd} declares no measure",
    ),
    Constraint(
        "IC-4", "Dimensions have range",
        """SELECT ?dim WHERE {
          ?dim a qb:DimensionProperty .
          FILTER NOT EXISTS { ?dim rdfs:range [] }
        }""",
        "dimension {dim} has no rdfs:range",
    ),
    Constraint(
        "IC-5", "Concept dimensions have code lists",
        """SELECT ?dim WHERE {
          ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
          FILTER NOT EXISTS { ?dim qb:codeList [] }
        }""",
        "dimension {dim} has range skos:Concept but no qb:codeList",
    ),
    Constraint(
        "IC-6", "Only attributes may be optional",
        """SELECT ?dsd ?component WHERE {
          ?dsd qb:component ?componentSpec .
          ?componentSpec qb:componentRequired "false"^^xsd:boolean ;
                         qb:componentProperty ?component .
          FILTER NOT EXISTS { ?component a qb:AttributeProperty }
        }""",
        "structure {dsd} makes {component} optional, but it is not an attribute",
    ),
    Constraint(
        "IC-7", "Slice Keys must be declared",
        """SELECT ?sliceKey WHERE {
          ?sliceKey a qb:SliceKey .
          FILTER NOT EXISTS { [a qb:DataStructureDefinition] qb:sliceKey ?sliceKey }
        }""",
        "slice key {sliceKey} belongs to no structure",
    ),
    Constraint(
        "IC-8", "Slice Keys consistent with DSD",
        """SELECT ?slicekey ?prop WHERE {
          ?slicekey a qb:SliceKey ; qb:componentProperty ?prop .
          ?dsd qb:sliceKey ?slicekey .
          FILTER NOT EXISTS { ?dsd qb:component [qb:componentProperty ?prop] }
        }""",
        "slice key {slicekey} uses {prop}, which its structure does not declare",
    ),
    Constraint(
        "IC-9", "Unique slice structure",
        """SELECT DISTINCT ?slice WHERE {
          { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
          UNION
          { ?slice a qb:Slice ; qb:sliceStructure ?key1, ?key2 . FILTER (?key1 != ?key2) }
        }""",
        "slice {slice} does not have exactly one qb:sliceStructure",
    ),
    Constraint(
        "IC-10", "Slice dimensions complete",
        """SELECT ?slice ?dim WHERE {
          ?slice qb:sliceStructure [qb:componentProperty ?dim] .
          FILTER NOT EXISTS { ?slice ?dim [] }
        }""",
        "slice {slice} has no value for {dim}",
    ),
    Constraint(
        "IC-11", "All dimensions required",
        """SELECT ?obs ?dim WHERE {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty .
          FILTER NOT EXISTS { ?obs ?dim [] }
        }""",
        "observation {obs} has no value for dimension {dim}",
    ),
    Constraint(
        "IC-12", "No duplicate observations",
        "",  # built per data set by duplicate_observations_query()
        "observations {first} and {last} of {dataset} have the same value for every dimension",
    ),
    Constraint(
        "IC-13", "Required attributes",
        """SELECT ?obs ?attr WHERE {
          ?obs qb:dataSet/qb:structure/qb:component ?component .
          ?component qb:componentProperty ?attr ; qb:componentRequired "true"^^xsd:boolean .
          FILTER NOT EXISTS { ?obs ?attr [] }
        }""",
        "observation {obs} has no value for the required attribute {attr}",
    ),
    Constraint(
        "IC-14", "All measures present",
        """SELECT ?obs ?measure WHERE {
          ?obs qb:dataSet/qb:structure ?dsd .
          FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
          ?dsd qb:component/qb:componentProperty ?measure .
          ?measure a qb:MeasureProperty .
          FILTER NOT EXISTS { ?obs ?measure [] }
        }""",
        "observation {obs} has no value for the measure {measure}",
    ),
    Constraint(
        "IC-15", "Measure dimension consistent",
        """SELECT ?obs ?measure WHERE {
          ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
          ?dsd qb:component/qb:componentProperty qb:measureType .
          FILTER NOT EXISTS { ?obs ?measure [] }
        }""",
        "observation {obs} has no value for its qb:measureType {measure}",
    ),
    Constraint(
        "IC-16", "Single measure on measure dimension observation",
        """SELECT ?obs ?omeasure WHERE {
          ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
          ?dsd qb:component/qb:componentProperty qb:measureType ;
               qb:component/qb:componentProperty ?omeasure .
          ?omeasure a qb:MeasureProperty .
          FILTER (?omeasure != ?measure)
        }""",
        "observation {obs} has a value for {omeasure} besides its qb:measureType",
    ),
    Constraint(
        "IC-17", "All measures present in measures dimension cube",
        """SELECT ?obs1 WHERE {
          {
            SELECT ?obs1 ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
              {
                SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                  ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty .
                } GROUP BY ?dsd
              }
              ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?dataset ; qb:measureType ?m1 .
              ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
              FILTER NOT EXISTS {
                ?dsd qb:component/qb:componentProperty ?dim .
                FILTER (?dim != qb:measureType)
                ?dim a qb:DimensionProperty .
                ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 .
                FILTER (?v1 != ?v2)
              }
            } GROUP BY ?obs1 ?numMeasures HAVING (COUNT(?obs2) != ?numMeasures)
          }
        }""",
        "observation {obs1} lacks observations for some measures at the same dimension values",
    ),
    Constraint(
        "IC-18", "Consistent data set links",
        """SELECT ?dataset ?slice ?obs WHERE {
          ?dataset qb:slice ?slice . ?slice qb:observation ?obs .
          FILTER NOT EXISTS { ?obs qb:dataSet ?dataset . }
        }""",
        "observation {obs} of slice {slice} is not in the slice's data set {dataset}",
    ),
    Constraint(
        "IC-19", "Codes from code list",
        """SELECT ?obs ?dim ?v WHERE {
          {
            ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
            ?dim a qb:DimensionProperty ; qb:codeList ?list .
            ?list a skos:ConceptScheme .
            ?obs ?dim ?v .
            FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list }
          } UNION {
            ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
            ?dim a qb:DimensionProperty ; qb:codeList ?list .
            ?list a skos:Collection .
            ?obs ?dim ?v .
            FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v }
          }
        }""",
        "observation {obs} has {v} for {dim}, which is not a code of the dimension's code list",
    ),
    Constraint(
        "IC-20", "Codes from hierarchy",
        """SELECT ?obs ?dim ?v WHERE {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list .
          ?list a qb:HierarchicalCodeList .
          ?obs ?dim ?v .
          FILTER NOT EXISTS { ?list qb:hierarchyRoot/<{p}>* ?v }
        }""",
        "observation {obs} has {v} for {dim}, which its hierarchical code list does not reach",
    ),
    Constraint(
        "IC-21", "Codes from hierarchy (inverse)",
        """SELECT ?obs ?dim ?v WHERE {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list .
          ?list a qb:HierarchicalCodeList .
          ?obs ?dim ?v .
          FILTER NOT EXISTS { ?list qb:hierarchyRoot/(^<{p}>)* ?v }
        }""",
        "observation {obs} has {v} for {dim}, which its hierarchical code list does not reach",
    ),
)
CONSTRAINTS_BY_ID = {c.id: c for c in CONSTRAINTS}

# The parent-child properties IC-20 and IC-21 are instantiated with.
HIERARCHY_PROPERTIES = {
    "IC-20": """SELECT DISTINCT ?p WHERE {
      ?hierarchy a qb:HierarchicalCodeList ; qb:parentChildProperty ?p . FILTER (isIRI(?p))
    }""",
    "IC-21": """SELECT DISTINCT ?p WHERE {
      ?hierarchy a qb:HierarchicalCodeList ; qb:parentChildProperty ?pcp .
      FILTER (isBlank(?pcp)) ?pcp owl:inverseOf ?p . FILTER (isIRI(?p))
    }""",
}

IC12_RECOMMENDATION = """ASK {
  FILTER (?allEqual)
  {
    SELECT (MIN(?equal) AS ?allEqual) WHERE {
      ?obs1 qb:dataSet ?dataset .
      ?obs2 qb:dataSet ?dataset .
      FILTER (?obs1 != ?obs2)
      ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
      ?dim a qb:DimensionProperty .
      ?obs1 ?dim ?value1 .
      ?obs2 ?dim ?value2 .
      BIND (?value1 = ?value2 AS ?equal)
    } GROUP BY ?obs1 ?obs2
  }
}"""

_DIMENSIONS_OF_DATASETS = """SELECT DISTINCT ?dataset ?dim WHERE {
  ?dataset qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
} ORDER BY ?dataset ?dim"""


def duplicate_observations_query(dataset: str, dimensions: list[str]) -> str:
    """IC-12 for one data set: observations grouped by the values of all its dimensions."""
    values = " ".join(f"?v{i}" for i in range(len(dimensions)))
    patterns = " ".join(f"?obs <{dim}> ?v{i} ." for i, dim in enumerate(dimensions))
    return (
        "SELECT (MIN(STR(?obs)) AS ?first) (MAX(STR(?obs)) AS ?last) WHERE { "
        f"?obs qb:dataSet <{dataset}> . {patterns} }} "
        f"GROUP BY {values} HAVING (COUNT(DISTINCT ?obs) > 1)"
    )


def check_constraints(store: ox.Store, ids: tuple[str, ...] | None = None) -> list[Violation]:
    """Every violation of the chosen constraints (all 21 by default), in constraint order."""
    violations = []
    for constraint in CONSTRAINTS:
        if ids is None or constraint.id in ids:
            for row in _offenders(store, constraint):
                violations.append(Violation(constraint.id, constraint.title, constraint.problem.format(**row)))
    return violations


def _offenders(store: ox.Store, constraint: Constraint) -> list[dict]:
    if constraint.id == "IC-12":
        datasets: dict[str, list[str]] = {}
        for row in store.query(PROLOGUE + _DIMENSIONS_OF_DATASETS):
            datasets.setdefault(row["dataset"].value, []).append(row["dim"].value)
        rows = []
        for dataset, dimensions in datasets.items():
            for row in select(store, PROLOGUE + duplicate_observations_query(dataset, dimensions)):
                rows.append({**row, "dataset": f"<{dataset}>"})
        return rows
    if constraint.id in HIERARCHY_PROPERTIES:
        properties = [row["p"].value for row in store.query(PROLOGUE + HIERARCHY_PROPERTIES[constraint.id])]
        return [row for p in properties for row in select(store, PROLOGUE + constraint.query.replace("{p}", p))]
    return select(store, PROLOGUE + constraint.query)


def select(store: ox.Store, query: str) -> list[dict]:
    """The solutions of a SELECT, each variable shown in N-Triples form (as a message prints it)."""
    solutions = store.query(query)
    names = [v.value for v in solutions.variables]
    return [{name: _show(row[name]) for name in names} for row in solutions]


def _show(term) -> str:
    if term is None:
        return "(none)"
    if isinstance(term, ox.Literal) and term.value.startswith(("http://", "https://")):
        return f"<{term.value}>"  # STR(?obs) of IC-12
    return str(term)
