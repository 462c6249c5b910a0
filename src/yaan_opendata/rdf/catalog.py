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
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, XSD

from .. import __version__
from ..model import Disclosure
from ..package import PACKAGE_NAME, package_descriptor
from .mapping import Mapper
from .namespaces import IANA_MEDIA_TYPE, SPDX, YEAR
from .vocabulary import bilingual

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Distribution:
    name: str  # also the local name of the distribution's IRI
    path: str  # file name in the data package folder
    media_type: str
    title_zh: str
    title_en: str


def catalog_dataset(mapper: Mapper) -> URIRef:
    return URIRef(f"{mapper.base}datasets/{PACKAGE_NAME}")


def add_catalog(graph: set, disclosures: list[Disclosure], mapper: Mapper, distributions: list[Distribution]) -> None:
    descriptor = package_descriptor(disclosures)
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
        _add_checksum(graph, mapper, document.document_id, document.sha256)
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

    for distribution in distributions:
        node = URIRef(f"{mapper.base}distributions/{distribution.name}")
        graph.add((dataset, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        bilingual(graph, node, DCTERMS.title, distribution.title_zh, distribution.title_en)
        graph.add((node, DCAT.downloadURL, URIRef(f"{mapper.base}datapackage/{distribution.path}")))
        graph.add((node, DCAT.mediaType, IANA_MEDIA_TYPE[distribution.media_type]))
        for license_ in descriptor["licenses"]:
            graph.add((node, DCTERMS.license, URIRef(license_["path"])))

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


def _add_checksum(graph: set, mapper: Mapper, document_id: str, sha256: str) -> None:
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
