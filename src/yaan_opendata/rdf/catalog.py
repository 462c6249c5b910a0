"""The catalogue record (DCAT) and the provenance (PROV-O) of the graph.

The DCAT dataset is the whole data package; its title, description, license,
keywords and version are those of ``datapackage.json`` (``package_descriptor``),
its distributions the files of the package. Provenance: each source document
is a ``prov:Entity`` with its SHA-256, each paragraph is part of its document,
each record derives from its paragraph (``records``), and the build is a
``prov:Activity`` that used the documents. Nothing depends on the clock, so a
build writes the same bytes every time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, VOID, XSD

from .. import __version__
from ..model import Disclosure
from ..package import PACKAGE_NAME, package_descriptor, source_files
from ..publication import DATABASE_FILE, PACKAGE_MOUNT, dataset_iri, site_url
from .mapping import Mapper
from .namespaces import IANA_MEDIA_TYPE, SPDX, VOCABULARY_IRI, YEAR
from .vocabulary import bilingual

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Distribution:
    name: str  # also the local name of the distribution's IRI
    path: str  # file name in the data package folder
    media_type: str
    title_zh: str
    title_en: str
    mount: str = PACKAGE_MOUNT  # the site's folder that serves it ("" for the site's root)

    def url(self, base_iri: str) -> str:
        """Where a deployed site serves it (``serve`` mounts the same folders)."""
        folder = f"{self.mount}/" if self.mount else ""
        return f"{site_url(base_iri)}{folder}{self.path}"


def catalog_dataset(mapper: Mapper) -> URIRef:
    return URIRef(dataset_iri(mapper.base, PACKAGE_NAME))


def add_catalog(graph: set, disclosures: list[Disclosure], mapper: Mapper, distributions: list[Distribution]) -> None:
    descriptor = package_descriptor(disclosures, base_iri=mapper.base)
    dataset = catalog_dataset(mapper)
    agent = URIRef(f"{mapper.base}agents/yaan-opendata")
    build = URIRef(f"{mapper.base}activities/build-{__version__}")
    documents = [mapper.iri("documents", d.document.document_id) for d in disclosures]

    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, RDF.type, PROV.Entity))
    bilingual(graph, dataset, DCTERMS.title, *_split(descriptor["title"], " / "))
    bilingual(graph, dataset, RDFS.label, *_split(descriptor["title"], " / "))
    bilingual(graph, dataset, DCTERMS.description, *_split(descriptor["description"], "\n"))
    graph.add((dataset, DCTERMS.identifier, Literal(descriptor["name"])))
    graph.add((dataset, OWL.versionInfo, Literal(descriptor["version"])))
    if "homepage" in descriptor:  # only once the project has a public home
        graph.add((dataset, DCAT.landingPage, URIRef(descriptor["homepage"])))
    for license_ in descriptor["licenses"]:
        graph.add((dataset, DCTERMS.license, URIRef(license_["path"])))
    for keyword in descriptor["keywords"]:
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="zh" if _CJK.search(keyword) else "en")))
    for disclosure in disclosures:
        document = disclosure.document
        graph.add((dataset, DCTERMS.publisher, mapper.iri("organizations", document.org_id)))
        year = YEAR[str(document.fiscal_year)]
        graph.add((dataset, DCTERMS.temporal, year))
        graph.add((year, RDF.type, DCTERMS.PeriodOfTime))
        graph.add((year, DCAT.startDate, Literal(f"{document.fiscal_year}-01-01", datatype=XSD.date)))
        graph.add((year, DCAT.endDate, Literal(f"{document.fiscal_year}-12-31", datatype=XSD.date)))
        # each document's checksum is its own (add_document_checksum): its subject is the document
    # The package's own release is not dated (that would change every build):
    # it is issued with the newest source it contains.
    dates = [d.document.published for d in disclosures if d.document.published]
    if dates:
        graph.add((dataset, DCTERMS.issued, Literal(max(dates).isoformat(), datatype=XSD.date)))
    graph.add((dataset, DCTERMS.creator, agent))
    graph.add((dataset, PROV.wasGeneratedBy, build))
    for document in documents:
        graph.add((dataset, PROV.wasDerivedFrom, document))
        graph.add((dataset, DCTERMS.source, document))

    # the copy of each source the package ships, as published
    copies = [
        Distribution(entry["name"], entry["path"], entry["mediatype"], f"原文:{d.document.title}", f"Source: {d.document.title_en}")
        for d in disclosures
        for entry, _ in source_files(d)
    ]
    for distribution in [*distributions, *copies]:
        node = URIRef(f"{mapper.base}distributions/{distribution.name}")
        graph.add((dataset, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        bilingual(graph, node, DCTERMS.title, distribution.title_zh, distribution.title_en)
        graph.add((node, DCAT.downloadURL, URIRef(distribution.url(mapper.base))))
        graph.add((node, DCAT.accessURL, URIRef(distribution.url(mapper.base))))
        graph.add((node, DCAT.mediaType, IANA_MEDIA_TYPE[distribution.media_type]))
        for license_ in descriptor["licenses"]:
            graph.add((node, DCTERMS.license, URIRef(license_["path"])))

    _add_catalog_record(graph, mapper, dataset, agent, descriptor)
    _add_void(graph, mapper, dataset, distributions)

    graph.add((agent, RDF.type, PROV.SoftwareAgent))
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal("yaan-opendata")))
    if "homepage" in descriptor:
        graph.add((agent, FOAF.homepage, URIRef(descriptor["homepage"])))
    graph.add((build, RDF.type, PROV.Activity))
    bilingual(graph, build, RDFS.label, f"yaan-opendata {__version__} 构建", f"yaan-opendata {__version__} build")
    graph.add((build, PROV.wasAssociatedWith, agent))
    for document in documents:
        graph.add((build, PROV.used, document))


def _add_catalog_record(graph: set, mapper: Mapper, dataset: URIRef, agent: URIRef, descriptor: dict) -> None:
    """The site as a DCAT catalogue of the dataset, and its Datasette SQL API as a data service."""
    site = site_url(mapper.base)
    catalog = URIRef(f"{mapper.base}catalog")
    service = URIRef(f"{mapper.base}services/datasette")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    bilingual(graph, catalog, DCTERMS.title, "雅安部门决算开放数据目录", "Catalogue of Ya'an final-accounts open data")
    bilingual(graph, catalog, DCTERMS.description, *_split(descriptor["description"], "\n"))
    graph.add((catalog, DCTERMS.publisher, agent))
    graph.add((catalog, FOAF.homepage, URIRef(site)))
    graph.add((catalog, DCAT.dataset, dataset))
    graph.add((catalog, DCAT.service, service))
    for license_ in descriptor["licenses"]:
        graph.add((catalog, DCTERMS.license, URIRef(license_["path"])))

    graph.add((service, RDF.type, DCAT.DataService))
    bilingual(graph, service, DCTERMS.title, "SQL 查询接口(Datasette)", "SQL query API (Datasette)")
    graph.add((service, DCAT.endpointURL, URIRef(f"{site}{DATABASE_FILE.removesuffix('.db')}")))
    graph.add((service, DCAT.endpointDescription, URIRef("https://docs.datasette.io/en/0.65/json_api.html")))
    graph.add((service, DCAT.servesDataset, dataset))
    for license_ in descriptor["licenses"]:
        graph.add((service, DCTERMS.license, URIRef(license_["path"])))


def _add_void(graph: set, mapper: Mapper, dataset: URIRef, distributions: list[Distribution]) -> None:
    """The dataset as a VoID dataset: its dumps, its IRI space and the vocabularies it uses.

    ``void:triples`` is left out: the graph would have to count itself, and the
    count is one SPARQL query away (``SELECT (COUNT(*) AS ?n) {?s ?p ?o}``)."""
    graph.add((dataset, RDF.type, VOID.Dataset))
    for distribution in distributions:
        if distribution.media_type in RDF_MEDIA_TYPES:
            graph.add((dataset, VOID.dataDump, URIRef(distribution.url(mapper.base))))
    graph.add((dataset, VOID.uriSpace, Literal(mapper.base)))
    graph.add((dataset, VOID.rootResource, URIRef(f"{mapper.base}catalog")))
    for vocabulary in VOCABULARIES:
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))


RDF_MEDIA_TYPES = {"text/turtle", "application/ld+json", "application/n-triples"}
# The vocabularies the graph's classes and properties come from (void:vocabulary).
VOCABULARIES = (
    str(QB), str(SKOS), str(DCAT), str(DCTERMS), str(PROV), str(ORG), str(FOAF),
    "http://data.openbudgets.eu/ontology/", VOCABULARY_IRI,
)


def add_document_checksum(graph: set, mapper: Mapper, document_id: str, sha256: str) -> None:
    """The source's sha256, a statement about the document (part of its own triples)."""
    document = mapper.iri("documents", document_id)
    checksum = URIRef(f"{mapper.base}checksums/{document_id}")
    graph.add((document, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(sha256, datatype=XSD.hexBinary)))


def _split(text: str, separator: str) -> tuple[str, str]:
    """'中文 / English' → ('中文', 'English'): the package's bilingual texts."""
    zh, en = text.split(separator, 1)
    return zh.strip(), en.strip()
