"""Publishing survives what a careless user or a crash does: killed builds, a missing
exchange, a graph that fails its constraints, numbers too large, files others must read."""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from yaan_opendata import pipeline, publish
from yaan_opendata.cli import cli
from yaan_opendata.errors import BuildError, SourceError

from .conftest import digest


def folder_with(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "marker.txt").write_text(text, encoding="utf-8")
    return path


def marker(path: Path) -> str:
    return (path / "marker.txt").read_text(encoding="utf-8")


# --- the swap ----------------------------------------------------------------------


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    old, new = folder_with(tmp_path / "datapackage", "old"), folder_with(tmp_path / ".datapackage-new", "new")
    try:
        publish.exchange(new, old)
    except OSError as exc:
        if exc.errno in (errno.ENOSYS, errno.EINVAL):
            pytest.skip("this kernel or file system has no RENAME_EXCHANGE: the fallback is tested below")
        raise
    assert marker(old) == "new" and marker(new) == "old"


def test_without_the_exchange_two_renames_do_it(tmp_path, monkeypatch):
    def unavailable(first, second):
        raise OSError(errno.ENOSYS, "renameat2 is not available")

    monkeypatch.setattr(publish, "exchange", unavailable)
    old, new = folder_with(tmp_path / "datapackage", "old"), folder_with(tmp_path / ".datapackage-new", "new")
    publish.swap_into_place(new, old)
    assert marker(old) == "new" and marker(new) == "old"  # the caller removes the old one
    assert not publish.previous_folder(old).exists()


def test_a_failed_second_rename_puts_the_old_package_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "exchange", lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSYS, "no")))
    old, new = folder_with(tmp_path / "datapackage", "old"), folder_with(tmp_path / ".datapackage-new", "new")
    rename = os.rename

    def second_rename_fails(source, target):
        if Path(source) == new:
            raise OSError(errno.EIO, "disk gone")
        rename(source, target)

    monkeypatch.setattr(os, "rename", second_rename_fails)
    with pytest.raises(OSError, match="disk gone"):
        publish.swap_into_place(new, old)
    assert marker(old) == "old"


def test_a_crash_between_the_two_renames_is_repaired_by_the_next_build(tmp_path):
    package = tmp_path / "datapackage"
    folder_with(publish.previous_folder(package), "old")  # the first rename happened, the second did not
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--source", str(empty), "--package", str(package)])
    assert result.exit_code == 1  # refused, and yet the package is back
    assert marker(package) == "old"
    assert not publish.previous_folder(package).exists()


# --- staging folders of killed builds ------------------------------------------------


def test_staging_folders_nobody_holds_are_removed_and_a_running_builds_is_kept(tmp_path):
    package = folder_with(tmp_path / "datapackage", "current")
    stale = folder_with(tmp_path / ".datapackage-k1ll3d", "half written")
    running = folder_with(tmp_path / ".datapackage-running", "being written")
    handle = os.open(running, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # as the build writing it holds it
        publish.tidy(package)
    finally:
        os.close(handle)
    assert not stale.exists()
    assert marker(running) == "being written" and marker(package) == "current"


KILLED_BUILD = """
import sys
from pathlib import Path
from yaan_opendata import pipeline
pipeline.build(out_dir=Path(sys.argv[1]))
"""


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_a_killed_build_leaves_neither_validators_nor_a_staging_folder_behind(tmp_path, good_package):
    package = tmp_path / "datapackage"
    shutil.copytree(good_package, package)
    before = digest(package)
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(package)])
    deadline = time.monotonic() + 300  # only against hanging: the test waits for states, not times
    while not (list(tmp_path.glob(".datapackage-*")) and len(children_of(build.pid)) >= 2):
        assert build.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    validators = children_of(build.pid)
    build.send_signal(signal.SIGKILL)
    build.wait()
    while any(alive(pid) for pid in validators):
        assert time.monotonic() < deadline, "validators outlived the build"
        time.sleep(0.05)
    assert digest(package) == before  # the killed build published nothing
    assert list(tmp_path.glob(".datapackage-*"))  # ... and left its staging folder
    publish.tidy(package)  # what the next build does first
    assert not list(tmp_path.glob(".datapackage-*"))
    assert digest(package) == before


# --- what is published -------------------------------------------------------------


def test_a_graph_that_fails_its_shapes_is_not_published(tmp_path, monkeypatch, good_package):
    """The build checks the written graph's SHACL shapes as `validate` does: a code without its label fails."""
    from yaan_opendata import rdf

    write_graph = rdf.write_graph

    def write_graph_without_labels(disclosures, out_dir, base_iri, **options):
        write_graph(disclosures, out_dir, base_iri, **options)
        graph = out_dir / "graph.nt"
        kept = [line for line in graph.read_text(encoding="utf-8").splitlines(keepends=True)
                if "<http://www.w3.org/2004/02/skos/core#prefLabel>" not in line]
        graph.write_text("".join(kept), encoding="utf-8")

    monkeypatch.setattr(rdf, "write_graph", write_graph_without_labels)
    package = tmp_path / "datapackage"
    shutil.copytree(good_package, package)
    before = digest(package)
    with pytest.raises(BuildError, match=r"package of document yaan-zwfwdsj-2020 fails validation.*SHACL: .*"
                                         r"a code needs one Chinese skos:prefLabel"):
        pipeline.build(out_dir=package)
    assert digest(package) == before
    assert not list(tmp_path.glob(".datapackage-*"))


def test_a_graph_that_fails_the_data_cube_constraints_is_not_written(tmp_path, monkeypatch, good_package):
    """The constraints are checked on the very triples the files are written from."""
    from yaan_opendata.rdf import shards

    document_triples = shards.document_triples  # the graph is written and checked document by document
    data_set = "http://purl.org/linked-data/cube#dataSet"
    monkeypatch.setattr(shards, "document_triples", lambda *args: {
        t for t in document_triples(*args) if t.predicate.value != data_set})
    package = tmp_path / "datapackage"
    shutil.copytree(good_package, package)
    before = digest(package)
    with pytest.raises(BuildError, match=r"IC-1"):
        pipeline.build(out_dir=package)
    assert digest(package) == before


def test_a_result_without_figures_is_refused_in_either_mode(seed_disclosures):
    figureless = [dataclasses.replace(seed_disclosures[0], fiscal_figures=())]
    with pytest.raises(SourceError, match="document yaan-zwfwdsj-2020: no money figure was read"):
        pipeline.check_publishable(figureless)
    with pytest.raises(BuildError, match="no document to build"):
        pipeline.check_publishable([])


def test_a_folder_without_sources_is_refused(tmp_path):
    (tmp_path / "sources").mkdir()
    result = CliRunner().invoke(cli, ["build", "--source", str(tmp_path / "sources"),
                                      "--package", str(tmp_path / "datapackage")])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no document to build: the sources hold no disclosure, nothing was published"


def test_a_count_too_large_for_sqlite_is_a_source_error_not_an_overflow(seed_disclosures, tmp_path):
    from yaan_opendata.database import build_database

    disclosure = seed_disclosures[0]
    staffing = (dataclasses.replace(disclosure.staffing[0], authorized=10**20),) + disclosure.staffing[1:]
    with pytest.raises(SourceError, match=r"paragraph yaan-zwfwdsj-2020-p\d{4}: staffing\.authorized = 10{20} "
                                          "does not fit a 64-bit integer"):
        build_database([dataclasses.replace(disclosure, staffing=staffing)], tmp_path / "site.db")
    assert not list(tmp_path.iterdir())


def test_the_database_and_the_zip_are_readable_by_everyone(seed_disclosures, good_package, tmp_path):
    from yaan_opendata.database import build_database
    from yaan_opendata.downloads import build_zip

    old_umask = os.umask(0o077)  # even for a user whose files are private by default
    try:
        database = build_database(seed_disclosures, tmp_path / "site.db")
        archive = build_zip(good_package, tmp_path / "downloads" / "package.zip")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(database.stat().st_mode) == 0o644
    assert stat.S_IMODE(archive.stat().st_mode) == 0o644


def test_a_file_changed_after_the_seal_fails_as_frictionless_says(tmp_path, good_package):
    """The build's own check of the files' bytes and hashes finds what `validate` finds."""
    from yaan_opendata.validate import validate_files, validate_package

    package = tmp_path / "datapackage"
    shutil.copytree(good_package, package)
    assert validate_files(package) == []
    with (package / "graph.ttl").open("ab") as graph:
        graph.write(b"# appended\n")
    assert any(p.startswith("graph-turtle: the file has") for p in validate_files(package))
    assert any(p.startswith("graph-turtle:") for p in validate_package(package))


def test_validate_reads_no_file_outside_the_package_and_names_a_missing_one(tmp_path, good_package):
    import json

    from yaan_opendata.validate import validate_files

    package = tmp_path / "datapackage"
    shutil.copytree(good_package, package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    graphs = [r for r in descriptor["resources"] if r["path"].startswith("graph.")]
    graphs[0]["path"], graphs[1]["path"] = "../outside.ttl", "missing.nt"
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    problems = validate_files(package)
    assert f"{graphs[0]['name']}: ../outside.ttl is not a path inside the package" in problems
    assert f"{graphs[1]['name']}: missing.nt does not exist" in problems
