"""`yaan-opendata serve` builds what is missing, and only that."""

from __future__ import annotations

import shutil

from yaan_opendata.serve import Site, prepare


def test_prepare_builds_the_missing_database_and_zip_then_reuses_them(site, tmp_path):
    fresh = Site(package_dir=tmp_path / "datapackage", build_dir=tmp_path / "build")
    shutil.copytree(site.package_dir, fresh.package_dir)
    built = prepare(fresh)
    assert str(fresh.database_path) in built and fresh.database_path.exists()
    assert str(fresh.zip_path) in built and fresh.zip_path.exists()
    first_build = fresh.database_path.stat().st_mtime_ns
    assert prepare(fresh) == []  # up to date: nothing rebuilt
    assert fresh.database_path.stat().st_mtime_ns == first_build
    (fresh.package_dir / "datapackage.json").touch()
    assert prepare(fresh) == [str(fresh.zip_path)]  # a newer package file: a new zip

