"""What the graph says, read from the published Turtle with rdflib: the
OpenBudgets.eu structure, our terms and code lists, the organizations, every
table of the package, the catalogue record and the provenance."""

import csv
import json
from decimal import Decimal, InvalidOperation
from urllib.parse import quote

import pytest
import rdflib.namespace as vocabularies  # DCAT and DefinedNamespace warn when pytest inspects them
from rdflib import Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SKOS,
)

from yaan_opendata import codelists
from yaan_opendata.rdf import DEFAULT_BASE_IRI
from yaan_opendata.rdf.namespaces import (
    OBEU,
    OBEU_ATTRIBUTE,
    OBEU_DIMENSION,
    OBEU_MEASURE,
    SPDX,
    VOCABULARY_IRI,
    YAAN,
    field_property,
)
from yaan_opendata.tables import TABLES, TABLES_BY_NAME

DATA = DEFAULT_BASE_IRI
CODE = VOCABULARY_IRI + "codelist/"
SITE = "https://yaan-opendata.github.io/"  # the site: the base IRI without its id/
CNY = URIRef("http://publications.europa.eu/resource/authority/currency/CNY")
FIGURE = URIRef(DATA + "facts/yaan-zwfwdsj-2020.functional.2010302")  # the fact: one observation


def zh_en(graph, subject, predicate) -> dict:
    return {value.language: str(value) for value in graph.objects(subject, predicate)}


def test_every_structure_uses_the_obeu_components(rdflib_graph):
    g = rdflib_graph
    structures = list(g.subjects(RDF.type, QB.DataStructureDefinition))  # the facts' (the seed has no cells)
    assert len(structures) >= 3
    for structure in structures:
        dimensions = set(g.objects(structure, QB.component / QB.dimension))
        assert {
            OBEU_DIMENSION.organization,
            OBEU_DIMENSION.fiscalYear,
            OBEU_DIMENSION.operationCharacter,
            OBEU_DIMENSION.budgetPhase,
            field_property("fund"),
            field_property("category"),
            field_property("concept"),
        } <= dimensions
        assert set(g.objects(structure, QB.component / QB.measure)) == {OBEU_MEASURE.amount}
        assert set(g.objects(structure, QB.component / QB.attribute)) == {OBEU_ATTRIBUTE.currency}
    assert (YAAN.functionalClassification, RDFS.subPropertyOf, OBEU_DIMENSION.functionalClassification) in g
    assert (YAAN.economicClassification, RDFS.subPropertyOf, OBEU_DIMENSION.economicClassification) in g


def test_an_observation_reads_as_the_document_states_it(rdflib_graph):
    """一般行政管理事务(项):支出决算为1680.23万元"""
    g = rdflib_graph
    assert (FIGURE, RDF.type, QB.Observation) in g
    assert g.value(FIGURE, OBEU_MEASURE.amount).toPython() == Decimal(16802300)
    assert g.value(FIGURE, OBEU_ATTRIBUTE.currency) == CNY
    assert g.value(FIGURE, OBEU_DIMENSION.organization) == URIRef(DATA + "organizations/yaan-zwfwdsj")
    assert g.value(FIGURE, OBEU_DIMENSION.fiscalYear) == URIRef("http://reference.data.gov.uk/id/year/2020")
    assert g.value(FIGURE, OBEU_DIMENSION.operationCharacter) == URIRef(
        "http://data.openbudgets.eu/resource/codelist/operation-character/expenditure"
    )
    assert g.value(FIGURE, OBEU_DIMENSION.budgetPhase) == URIRef(
        "http://data.openbudgets.eu/resource/codelist/budget-phase/executed"
    )
    code = g.value(FIGURE, YAAN.functionalClassification)
    assert code == URIRef(CODE + "functional/2010302")
    assert str(g.value(code, SKOS.notation)) == "2010302"
    assert zh_en(g, code, SKOS.prefLabel) == {"zh": "一般行政管理事务", "en": "General administrative affairs"}
    section = g.value(code, SKOS.broader)
    assert g.value(g.value(section, SKOS.broader), SKOS.notation) == Literal("201")
    assert (g.value(section, SKOS.broader), SKOS.topConceptOf, URIRef(CODE + "functional")) in g
    # stated twice (section 五 and 附件1): derived from both paragraphs, one observation
    paragraphs = list(g.objects(FIGURE, PROV.wasDerivedFrom))
    assert len(paragraphs) == 2
    assert all("1680.23万元" in str(g.value(p, PROV.value)) for p in paragraphs)
    assert all(g.value(p, DCTERMS.isPartOf) == URIRef(DATA + "documents/yaan-zwfwdsj-2020") for p in paragraphs)


def test_our_terms_are_labelled_in_both_languages_from_the_table_registry(rdflib_graph):
    g = rdflib_graph
    ours = set(g.subjects(RDFS.isDefinedBy, URIRef(VOCABULARY_IRI)))
    assert len(ours) > 100
    for term in ours:
        labels = zh_en(g, term, RDFS.label)
        assert labels.keys() == {"zh", "en"}, term
        if (term, RDF.type, RDF.Property) in g:
            assert g.value(term, RDFS.range) is not None, term
            if g.value(term, RDFS.range) == SKOS.Concept:
                assert g.value(term, QB.codeList) is not None, term
    fund = TABLES_BY_NAME["fiscal_figures"].field("fund")
    assert zh_en(g, field_property("fund"), RDFS.label) == {"zh": fund.title_zh, "en": fund.title_en}
    assert g.value(field_property("fund"), QB.codeList) == URIRef(CODE + "fund")
    figures = TABLES_BY_NAME["fiscal_figures"]
    assert zh_en(g, URIRef(VOCABULARY_IRI + "FiscalFigure"), RDFS.label) == {"zh": figures.title_zh, "en": figures.title_en}


def test_every_property_of_ours_has_values_of_its_declared_range(rdflib_graph):
    """A column's values are all of one kind: the datatype, language-tagged text or
    resources its rdfs:range says (a code list's codes, a table's records)."""
    g = rdflib_graph
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for prop in set(g.subjects(RDF.type, RDF.Property)):
        if not str(prop).startswith(VOCABULARY_IRI):
            continue
        range_ = g.value(prop, RDFS.range)
        for value in g.objects(None, prop):
            if str(range_).startswith(xsd):
                assert isinstance(value, Literal) and value.datatype == range_ or (
                    range_ == URIRef(xsd + "string") and value.datatype is None and value.language is None
                ), (prop, value)
            elif range_ == RDF.langString:
                assert isinstance(value, Literal) and value.language in ("zh", "en"), (prop, value)
            else:
                assert isinstance(value, URIRef), (prop, value)
                assert (value, RDF.type, range_) in g or range_ == SKOS.Concept, (prop, value, range_)


def test_the_enumerations_are_code_lists_with_the_labels_of_codelists_py(rdflib_graph):
    g = rdflib_graph
    for code, (zh, en) in codelists.FUND_LABELS.items():
        concept = URIRef(f"{CODE}fund/{code}")
        assert (concept, SKOS.inScheme, URIRef(CODE + "fund")) in g
        assert str(g.value(concept, SKOS.notation)) == code
        assert zh_en(g, concept, SKOS.prefLabel) == {"zh": zh, "en": en}
    executed = URIRef("http://data.openbudgets.eu/resource/codelist/budget-phase/executed")
    assert (executed, SKOS.prefLabel, Literal("决算", lang="zh")) in g


def test_no_term_is_minted_in_another_vocabulary(rdflib_graph):
    """Every predicate and class outside our vocabulary is a term its vocabulary defines."""
    g = rdflib_graph
    known = [OBEU, OBEU_DIMENSION, OBEU_MEASURE, OBEU_ATTRIBUTE, QB, SKOS, DCTERMS, PROV, ORG, FOAF, RDF, RDFS, OWL]
    known += [vocabularies.DCAT, vocabularies.VOID]
    spdx = {SPDX.checksum, SPDX.Checksum, SPDX.algorithm, SPDX.checksumValue}
    used = set(g.predicates()) | set(g.objects(None, RDF.type))
    for term in used:
        if str(term).startswith(VOCABULARY_IRI):
            assert (term, RDFS.isDefinedBy, URIRef(VOCABULARY_IRI)) in g, term
            continue
        if term in spdx:
            continue
        matching = [ns for ns in known if str(term).startswith(str(ns._NS))]
        namespace = max(matching, key=lambda ns: len(str(ns._NS)), default=None)
        assert namespace is not None, f"{term} is in no vocabulary we use"
        assert issubclass(namespace, vocabularies.DefinedNamespace)
        assert str(term)[len(str(namespace._NS)):] in namespace.__annotations__, f"{term} is not a term of its vocabulary"


def test_organizations_are_org_organizations_with_their_units(rdflib_graph, seed_disclosures):
    g = rdflib_graph
    department = URIRef(DATA + "organizations/yaan-zwfwdsj")
    assert (department, RDF.type, ORG.Organization) in g
    assert zh_en(g, department, SKOS.prefLabel)["zh"] == "雅安市政务服务和大数据局"
    units = set(g.subjects(ORG.subOrganizationOf, department))
    assert {str(u) for u in units} == {
        DATA + "organizations/" + o.org_id for o in seed_disclosures[0].organizations if o.parent_org_id
    }


@pytest.mark.parametrize("table", [t for t in TABLES], ids=lambda t: t.name)
def test_every_row_of_every_table_is_a_resource_with_every_cell(table, rdf_package, rdflib_graph):
    """Nothing of the package is left out: each CSV row is a resource of its table's
    class, and each non-empty cell is the value of one of its triples."""
    g = rdflib_graph
    with open(rdf_package / f"{table.name}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    cls = URIRef(VOCABULARY_IRI + table.record_type.__name__)
    assert len(set(g.subjects(RDF.type, cls))) == len(rows), table.name
    for row in rows:
        subject = _subject(table, row)
        assert (subject, RDF.type, cls) in g, subject
        values = {str(o) for o in g.objects(subject, None)}
        for column, cell in row.items():
            if cell:
                assert any(_is_cell(value, cell) for value in values), (table.name, column, cell)


def _subject(table, row) -> URIRef:
    key = row[table.primary_key[0]]
    if table.name == "classifications":
        return URIRef(CODE + key.replace(":", "/"))
    return URIRef(f"{DATA}{table.name.replace('_', '-')}/{quote(key, safe='')}")


def _is_cell(value: str, cell: str) -> bool:
    """Whether an object of a triple (as text) is a CSV cell: the same text, the
    same number, or a resource whose IRI ends with the (quoted) value."""
    if value == cell:
        return True
    try:
        if Decimal(value) == Decimal(cell):
            return True
    except InvalidOperation:
        pass
    keys = {quote(cell, safe=""), cell.replace(":", "/")}
    if cell == "budgeted":  # the OBEU phase of the budget a final account compares with
        keys.add("approved")
    return any(value.endswith("/" + key) for key in keys)


def test_the_catalogue_record(rdflib_graph, rdf_package):
    g = rdflib_graph
    descriptor = json.loads((rdf_package / "datapackage.json").read_text(encoding="utf-8"))
    dataset = URIRef(DATA + "datasets/yaan-final-accounts")
    dcat = vocabularies.DCAT
    assert (dataset, RDF.type, dcat.Dataset) in g
    zh, en = descriptor["title"].split(" / ")
    assert zh_en(g, dataset, DCTERMS.title) == {"zh": zh, "en": en}
    assert g.value(dataset, DCTERMS.license) == URIRef(descriptor["licenses"][0]["path"])
    assert g.value(dataset, DCTERMS.publisher) == URIRef(DATA + "organizations/yaan-zwfwdsj")
    assert g.value(dataset, DCTERMS.issued) == Literal("2021-09-14", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    assert g.value(dataset, DCTERMS.temporal) == URIRef("http://reference.data.gov.uk/id/year/2020")
    distributions = g.objects(dataset, dcat.distribution)
    media = {str(g.value(d, dcat.mediaType)).rsplit("media-types/", 1)[1] for d in distributions}
    assert media == {
        "text/turtle", "application/ld+json", "application/n-triples", "application/json", "application/vnd.sqlite3",
        "application/zip", "text/csv", "text/plain",
    }
    cubes = set(g.objects(dataset, DCTERMS.hasPart))
    assert cubes == set(g.subjects(RDF.type, QB.DataSet))
    # the data package's id is the dataset, its homepage the dataset's landing page
    assert URIRef(descriptor["id"]) == dataset
    assert g.value(dataset, dcat.landingPage) == URIRef(descriptor["homepage"]) == URIRef(SITE)


def test_a_csv_distribution_per_table_and_one_per_source_copy(rdflib_graph, rdf_package):
    g = rdflib_graph
    descriptor = json.loads((rdf_package / "datapackage.json").read_text(encoding="utf-8"))
    dataset = URIRef(DATA + "datasets/yaan-final-accounts")
    urls = {str(g.value(d, vocabularies.DCAT.downloadURL)) for d in g.objects(dataset, vocabularies.DCAT.distribution)}
    for resource in descriptor["resources"]:  # every file of the package, where the site serves it
        assert f"{SITE}datapackage/{resource['path']}" in urls, resource["path"]
    assert f"{SITE}datapackage/sources/yaan-zwfwdsj-2020.txt" in urls
    assert f"{SITE}downloads/yaan-final-accounts.zip" in urls
    assert f"{SITE}yaan-opendata.db" in urls


def test_the_catalogue_its_data_service_and_void(rdflib_graph):
    g = rdflib_graph
    dcat = vocabularies.DCAT
    dataset = URIRef(DATA + "datasets/yaan-final-accounts")
    catalog = URIRef(DATA + "catalog")
    assert (catalog, RDF.type, dcat.Catalog) in g
    assert (catalog, dcat.dataset, dataset) in g
    assert g.value(catalog, FOAF.homepage) == URIRef(SITE)
    service = g.value(catalog, dcat.service)
    assert (service, RDF.type, dcat.DataService) in g
    assert (service, dcat.servesDataset, dataset) in g
    assert g.value(service, dcat.endpointURL) == URIRef(SITE + "yaan-opendata")
    void = vocabularies.VOID
    assert (dataset, RDF.type, void.Dataset) in g
    assert {str(o) for o in g.objects(dataset, void.dataDump)} == {
        f"{SITE}datapackage/graph.{suffix}" for suffix in ("ttl", "nt", "jsonld")
    }
    assert str(g.value(dataset, void.uriSpace)) == DATA
    used = {str(p) for p in g.predicates()} | {str(c) for c in g.objects(None, RDF.type)}
    for vocabulary in g.objects(dataset, void.vocabulary):  # each one named is used
        assert any(term.startswith(str(vocabulary)) for term in used), vocabulary


def test_the_provenance(rdflib_graph, seed_disclosures):
    g = rdflib_graph
    document = URIRef(DATA + "documents/yaan-zwfwdsj-2020")
    assert (document, RDF.type, PROV.Entity) in g
    checksum = g.value(document, SPDX.checksum)
    assert str(g.value(checksum, SPDX.checksumValue)) == seed_disclosures[0].document.sha256
    builds = set(g.subjects(PROV.used, document))
    assert len(builds) == 1 and (builds.pop(), RDF.type, PROV.Activity) in g
    paragraphs = set(g.subjects(DCTERMS.isPartOf, document))
    assert len(paragraphs) == len(seed_disclosures[0].paragraphs)
    for figure in g.subjects(RDF.type, QB.Observation):
        assert g.value(figure, PROV.wasDerivedFrom) in paragraphs
