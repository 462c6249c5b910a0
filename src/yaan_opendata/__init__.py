"""yaan-opendata: 部门决算 disclosures as a data package, an RDF graph and a Datasette site."""

__version__ = "0.1.0"
