"""Every namespace of the graph, declared once, rdflib-style.

The OpenBudgets.eu (OBEU) terms are listed as they are defined in the OBEU data
model (github.com/openbudgets/data-model, ``components.ttl`` and
``code_lists.ttl``): a ``DefinedNamespace`` makes a typo an error at import
time instead of a silently wrong IRI. We mint nothing in their namespaces.

Our own vocabulary (``YAAN``) and our code lists (``CODE``) have fixed IRIs,
independent of the configurable base IRI of the data, so that graphs built by
different deployments share the same terms and codes and can be joined.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)

# The base IRI is one setting, the site's address too (publication.py).
from ..publication import BASE_IRI_VARIABLE, DEFAULT_BASE_IRI, configured_base_iri  # noqa: F401

VOCABULARY_IRI = "https://yaan-opendata.github.io/def/"
OBEU_ONTOLOGY = URIRef("http://data.openbudgets.eu/ontology")


class OBEU(DefinedNamespace):
    """Classes of the OBEU ontology."""

    _NS = Namespace("http://data.openbudgets.eu/ontology/")
    _fail = True

    AdministrativeClassification: URIRef
    BudgetPhase: URIRef
    Currency: URIRef
    EconomicClassification: URIRef
    FunctionalClassification: URIRef
    OperationCharacter: URIRef
    OptionalProperty: URIRef
    PaymentPhase: URIRef
    ProgrammeClassification: URIRef


class OBEU_DIMENSION(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/ontology/dsd/dimension/")
    _fail = True

    accountingRecord: URIRef
    administrativeClassification: URIRef  # abstract: use a subproperty
    budgetLine: URIRef
    budgetPhase: URIRef
    budgetaryUnit: URIRef  # deprecated: use organization
    classification: URIRef  # abstract
    currency: URIRef
    date: URIRef
    economicClassification: URIRef  # abstract
    fiscalPeriod: URIRef
    fiscalYear: URIRef
    functionalClassification: URIRef  # abstract
    operationCharacter: URIRef
    organization: URIRef
    partner: URIRef
    paymentPhase: URIRef
    programmeClassification: URIRef  # abstract
    project: URIRef
    taxesIncluded: URIRef


class OBEU_MEASURE(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/ontology/dsd/measure/")
    _fail = True

    amount: URIRef


class OBEU_ATTRIBUTE(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/ontology/dsd/attribute/")
    _fail = True

    currency: URIRef
    taxesIncluded: URIRef


class OBEU_CODELIST(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/resource/codelist/")
    _fail = True
    _underscore_num = True
    _extras = ("budget-phase", "operation-character", "payment-phase")


class OBEU_OPERATION(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/resource/codelist/operation-character/")
    _fail = True

    expenditure: URIRef
    revenue: URIRef


class OBEU_BUDGETPHASE(DefinedNamespace):
    _NS = Namespace("http://data.openbudgets.eu/resource/codelist/budget-phase/")
    _fail = True

    approved: URIRef
    draft: URIRef
    executed: URIRef
    revised: URIRef


# The code list that obeu-attribute:currency names, and CNY in it.
EU_CURRENCY = Namespace("http://publications.europa.eu/resource/authority/currency/")
EU_CURRENCY_LIST = URIRef("http://publications.europa.eu/resource/authority/currency")
CNY = EU_CURRENCY.CNY

# The range of obeu-dimension:fiscalYear is interval:Year; its instances are
# the reference years of the UK government's interval service.
INTERVAL = Namespace("http://reference.data.gov.uk/def/intervals/")
YEAR = Namespace("http://reference.data.gov.uk/id/year/")

SPDX = Namespace("http://spdx.org/rdf/terms#")
IANA_MEDIA_TYPE = Namespace("https://www.iana.org/assignments/media-types/")


class YAAN(DefinedNamespace):
    """Our own terms: what the template needs and no standard vocabulary has.

    Besides these, each column of the data package is a property named after
    it (see ``field_property``) and each table a class named after its record
    type (``table_class``); their labels come from the table registry.
    """

    _NS = Namespace(VOCABULARY_IRI)
    _fail = True

    functionalClassification: URIRef  # ⊑ obeu-dimension:functionalClassification
    economicClassification: URIRef  # ⊑ obeu-dimension:economicClassification
    cellIdentifier: URIRef  # ⊑ dcterms:identifier; the dimension that tells two table cells apart


CODE = Namespace(VOCABULARY_IRI + "codelist/")


def field_property(field_name: str) -> URIRef:
    """The property of a data-package column: the column's name in our vocabulary."""
    return URIRef(VOCABULARY_IRI + field_name)


def table_class(record_type: type) -> URIRef:
    """The class of a table's records: the record type's name in our vocabulary."""
    return URIRef(VOCABULARY_IRI + record_type.__name__)


PREFIXES = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "qb": QB,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "dcat": DCAT,
    "prov": PROV,
    "org": ORG,
    "foaf": FOAF,
    "void": VOID,
    "spdx": SPDX,
    "interval": INTERVAL,
    "year": YEAR,
    "obeu": OBEU._NS,
    "obeu-dimension": OBEU_DIMENSION._NS,
    "obeu-measure": OBEU_MEASURE._NS,
    "obeu-attribute": OBEU_ATTRIBUTE._NS,
    "obeu-codelist": OBEU_CODELIST._NS,
    "obeu-operation": OBEU_OPERATION._NS,
    "obeu-budgetphase": OBEU_BUDGETPHASE._NS,
    "eu-currency": EU_CURRENCY,
    "yaan": YAAN._NS,
    "code": CODE,
}
