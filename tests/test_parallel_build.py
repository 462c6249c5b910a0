"""Documents are extracted by a pool of processes and cached one by one; the package
is the same bytes whatever the number of workers and whether the cache was warm."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from yaan_opendata import cache as document_cache
from yaan_opendata.cli import cli
from yaan_opendata.errors import SourceError
from yaan_opendata.pipeline import DEFAULT_SOURCES, build, compare_dirs, load_disclosures

DOCUMENTS = Path(__file__).parent / "documents"
# The seed (by manifest) and three blind documents (identity read from their text)
INPUTS = [DEFAULT_SOURCES, *(DOCUMENTS / f"{name}.txt" for name in (
    "beijing-chaoyang-wjw-2023", "hangzhou-xihu-wgly-2023", "mianyang-sfj-2023"))]


def cached_documents(folder: Path) -> set[str]:
    """The extracted documents in a cache (the graph's shards and findings are in subfolders)."""
    return {path.name for path in folder.glob("*/*.pickle")}


@pytest.fixture(scope="module")
def one_worker_package(tmp_path_factory):
    out = tmp_path_factory.mktemp("one-worker") / "datapackage"
    build(out_dir=out, inputs=INPUTS, workers=1)
    return out


def test_two_workers_a_cold_and_a_warm_cache_write_the_same_bytes_as_one_worker(one_worker_package, tmp_path):
    cache = tmp_path / "cache"
    cold = build(out_dir=tmp_path / "cold", inputs=INPUTS, workers=2, cache_dir=cache)
    assert len(cached_documents(cache)) == len(cold) == 4
    build(out_dir=tmp_path / "warm", inputs=INPUTS, workers=2, cache_dir=cache)
    for package in ("cold", "warm"):
        difference = compare_dirs(one_worker_package, tmp_path / package)
        assert not difference, difference.lines()


def test_documents_come_back_in_their_order_whatever_the_workers():
    ids = [d.document.document_id for d in load_disclosures(inputs=INPUTS, workers=2)]
    assert ids == sorted(ids) and len(ids) == 4


def test_after_one_source_changed_only_that_document_is_extracted_again(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in INPUTS[1:]:
        shutil.copy(path, sources)
    cache = tmp_path / "cache"
    load_disclosures(inputs=[sources], cache_dir=cache, workers=2)
    before = cached_documents(cache)
    changed = sources / "mianyang-sfj-2023.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_disclosures(inputs=[sources], cache_dir=cache, workers=2)
    assert len(cached_documents(cache) - before) == 1  # one new entry: the changed document's


def test_a_new_code_version_misses_the_cache(monkeypatch, tmp_path):
    entry, files = {"document_id": "d", "file": "d.txt"}, [tmp_path / "d.txt"]
    files[0].write_text("text", encoding="utf-8")
    key = document_cache.document_key(entry, files, lenient=False)
    assert key != document_cache.document_key(entry, files, lenient=True)
    monkeypatch.setattr(document_cache, "code_version", lambda: "another version of the readers")
    assert key != document_cache.document_key(entry, files, lenient=False)


def test_a_damaged_cache_entry_is_extracted_again(tmp_path):
    cache = tmp_path / "cache"
    first = load_disclosures(cache_dir=cache, workers=1)
    (entry,) = cache.rglob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_disclosures(cache_dir=cache, workers=1) == first


def test_a_failing_document_in_a_worker_is_named_as_with_one_worker(edited_sources):
    sources = edited_sources(lambda text: text.replace("3351.34万元", "3351.35万元"), keep_hash=True)
    for path in INPUTS[1:]:
        shutil.copy(path, sources)
    with pytest.raises(SourceError) as error:
        load_disclosures(inputs=[sources], workers=2)
    assert error.value.document_id == "yaan-zwfwdsj-2020"
    assert "the manifest says" in str(error.value)


def test_the_cli_caches_under_the_current_directory_unless_told_otherwise(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    off = runner.invoke(cli, ["build", "--package", "off", "--cache", "off", "--workers", "1"])
    assert off.exit_code == 0, off.output
    assert not (tmp_path / "build").exists()
    default = runner.invoke(cli, ["build", "--package", "dp", "--workers", "2"])
    assert default.exit_code == 0, default.output
    assert len(cached_documents(tmp_path / "build" / "cache")) == 1
    assert not compare_dirs(tmp_path / "off", tmp_path / "dp")


def test_the_graph_is_the_same_bytes_written_by_one_or_two_workers_and_each_format_the_same_graph(tmp_path):
    import pyoxigraph as ox

    from yaan_opendata.rdf import DEFAULT_BASE_IRI, DISTRIBUTIONS, graph_triples
    from yaan_opendata.rdf.shards import FORMATS, write_graph_files

    disclosures = load_disclosures(inputs=INPUTS)
    for workers in (1, 2):
        (tmp_path / str(workers)).mkdir()
        write_graph_files(disclosures, tmp_path / str(workers), DEFAULT_BASE_IRI, DISTRIBUTIONS, workers)
    for name in FORMATS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
    assert not [p for p in (tmp_path / "2").iterdir() if p.name not in FORMATS]  # the shards are gone
    whole = set(graph_triples(disclosures, DEFAULT_BASE_IRI, DISTRIBUTIONS))
    for name, syntax in zip(FORMATS, (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD)):
        assert {q.triple for q in ox.parse(path=tmp_path / "2" / name, format=syntax)} == whole, name
