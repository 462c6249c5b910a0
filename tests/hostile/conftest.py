"""Hostile builds: a good package built once, and a build of a mutated source run as a user runs it."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from yaan_opendata.cli import cli
from yaan_opendata.pipeline import DEFAULT_SOURCES, build

SEED = DEFAULT_SOURCES / "yaan-zwfwdsj-2020.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def good_package(tmp_path_factory) -> Path:
    """The seed's package, built once per session: the previous package of every hostile build."""
    out = tmp_path_factory.mktemp("good") / "datapackage"
    build(out_dir=out)
    return out


def digest(folder: Path) -> dict[str, str]:
    """Every file of a folder with its sha256: equal digests, untouched folders."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Outcome:
    exit_code: int
    output: str
    package: Path
    untouched: bool  # the previous package is as it was

    @property
    def last_line(self) -> str:
        return self.output.strip().splitlines()[-1] if self.output.strip() else ""


@pytest.fixture
def hostile_build(tmp_path, good_package):
    """``run(content, name, *args)``: write ``content`` (str → UTF-8, or bytes) as the only
    source and build it over a copy of the good package, as `yaan-opendata build --source`."""

    def run(content: str | bytes, name: str = "disclosure.txt", *args: str) -> Outcome:
        source = tmp_path / "sources" / name
        source.parent.mkdir(exist_ok=True)
        if isinstance(content, str):
            source.write_text(content, encoding="utf-8")
        else:
            source.write_bytes(content)
        package = tmp_path / "datapackage"
        shutil.copytree(good_package, package)
        before = digest(package)
        result = CliRunner().invoke(cli, ["build", "--source", str(source), "--package", str(package), *args],
                                    catch_exceptions=False)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".datapackage")]
        assert not leftovers, f"staging folders left: {leftovers}"
        return Outcome(result.exit_code, result.output, package, digest(package) == before)

    return run


def validate_output(package: Path) -> CliRunner:
    """`yaan-opendata validate` on a package: everything the build promises."""
    return CliRunner().invoke(cli, ["validate", "--package", str(package)], catch_exceptions=False)
