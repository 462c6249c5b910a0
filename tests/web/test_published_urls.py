"""Every address the package and its DCAT record give answers on the site that serves them."""

from __future__ import annotations

import json

import pyoxigraph as ox

from yaan_opendata.publication import DEFAULT_BASE_IRI, site_url

SITE = site_url(DEFAULT_BASE_IRI)
DCAT = "http://www.w3.org/ns/dcat#"


def published_urls(package_dir) -> set[str]:
    """The download URLs, landing pages and endpoints of the graph, and the package's homepage."""
    store = ox.Store()
    store.load(path=str(package_dir / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    query = f"""SELECT ?url {{
        {{ ?d <{DCAT}downloadURL> ?url }} UNION {{ ?d <{DCAT}landingPage> ?url }}
        UNION {{ ?s <{DCAT}endpointURL> ?url }} UNION {{ ?c <http://xmlns.com/foaf/0.1/homepage> ?url }}
        UNION {{ ?v <http://rdfs.org/ns/void#dataDump> ?url }} }}"""
    urls = {solution["url"].value for solution in store.query(query)}
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    return urls | {descriptor["homepage"]}


def test_every_published_url_is_served(site, client):
    urls = published_urls(site.package_dir)
    assert len(urls) > 30  # every CSV, the RDF files, the zip, the database, the sources, the home page
    for url in sorted(urls):
        assert url.startswith(SITE), url
        response = client.get("/" + url[len(SITE):])
        assert response.status_code == 200, (url, response.status_code)


def test_the_source_copy_in_the_package_is_the_source(site, disclosures):
    descriptor = json.loads((site.package_dir / "datapackage.json").read_text(encoding="utf-8"))
    (source,) = descriptor["sources"]
    copy = site.package_dir / source["path"]
    assert copy.read_bytes() == disclosures[0].source_files[0].read_bytes()
    assert source["sha256"] == disclosures[0].document.sha256
