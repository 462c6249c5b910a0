import pytest

from yaan_opendata.pipeline import DEFAULT_SOURCES
from yaan_opendata.source import load_document, read_manifest


@pytest.fixture(scope="session")
def seed_doc():
    return load_document(read_manifest(DEFAULT_SOURCES)[0], DEFAULT_SOURCES)
