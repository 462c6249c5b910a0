import pytest

from yaan_opendata.pipeline import DEFAULT_SOURCES
from yaan_opendata.source import load_document, read_manifest


@pytest.fixture(scope="session")
def seed_doc():
    return load_document(read_manifest(DEFAULT_SOURCES)[0], DEFAULT_SOURCES)


@pytest.fixture(scope="session")
def seed_disclosures():
    """Every record of the vendored sources, extracted once per test session."""
    from yaan_opendata.pipeline import load_disclosures

    return load_disclosures()


@pytest.fixture
def edited_sources(tmp_path):
    """A copy of sources/ whose text is changed by ``edit(text) -> text``.

    The manifest's sha256 is recomputed unless ``keep_hash`` is set, so the
    change reaches the extractors (or, with keep_hash, trips the hash check).
    """
    import json
    import shutil

    from yaan_opendata.source import sha256_of

    def make(edit, keep_hash=False):
        folder = tmp_path / "sources"
        shutil.copytree(DEFAULT_SOURCES, folder)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        entry = manifest["documents"][0]
        path = folder / entry["file"]
        text = path.read_text(encoding="utf-8")
        changed = edit(text)
        assert changed != text, "the edit changed nothing: the test would prove nothing"
        path.write_text(changed, encoding="utf-8")
        if not keep_hash:
            entry["sha256"] = sha256_of(path)
            (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def many_documents(tmp_path_factory):
    """(disclosures, package folder) of the vendored source and every test document of
    tests/documents/, built into one package (validated inside the build); lenient, because
    one test document reads only so (its skipped sections are in extraction_issues)."""
    from pathlib import Path

    from yaan_opendata.pipeline import build

    out = tmp_path_factory.mktemp("many") / "datapackage"
    disclosures = build(out_dir=out, inputs=[DEFAULT_SOURCES, Path(__file__).parent / "documents"], lenient=True)
    return disclosures, out
