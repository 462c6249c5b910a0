"""Installed from its wheel into a fresh virtual environment, the tool works from an empty folder.

The wheel is built from a copy of the checkout without build isolation, must hold
every file of the package, and is installed without its dependencies; the fresh
environment sees this test environment's packages through a path file (plain
paths, so this checkout's own editable install stays invisible), so nothing is
downloaded. Then, in an empty working directory: ``build`` (the bundled example
into ./datapackage), ``validate``, a bundled SPARQL example, the site ``serve``
runs and a plain Datasette with the plugin loaded by its entry point, both through
Datasette's test client (tests/install/site_check.py). About half a minute;
``-m "not install"`` leaves it out.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.install

CHECKOUT = Path(__file__).resolve().parents[1]
SITE_CHECK = Path(__file__).parent / "install" / "site_check.py"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv holding only the wheel of this checkout."""
    root = tmp_path_factory.mktemp("install")
    wheel = _build_wheel(root)
    with zipfile.ZipFile(wheel) as archive:
        missing = _package_files() - set(archive.namelist())
    assert not missing, f"not in the wheel (MANIFEST.in): {sorted(missing)}"
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)])
    # Only now let the fresh venv see the dependencies: pip must not find the editable install.
    own = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip())
    (own / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return env_dir / "bin"


def _build_wheel(root: Path) -> Path:
    """pip wheel on a copy of the checkout (the links in src/ come along), so the checkout stays clean."""
    tree = root / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "metadata", "sources"):
        shutil.copytree(CHECKOUT / name, tree / name, symlinks=True, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
        shutil.copy(CHECKOUT / name, tree / name)
    dist = root / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(tree)])
    (wheel,) = dist.glob("yaan_opendata-*.whl")
    return wheel


def _package_files() -> set[str]:
    """Every file of the package in the checkout, through the links (what the wheel must hold)."""
    package = CHECKOUT / "src" / "yaan_opendata"
    return {
        f"yaan_opendata/{Path(folder, name).relative_to(package).as_posix()}"
        for folder, _, names in os.walk(package, followlinks=True)
        for name in names
        if "__pycache__" not in folder and not name.endswith(".pyc")
    }


def _run(command: list[str], cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(command, check=False, cwd=cwd, env=env, capture_output=True, encoding="utf-8")
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_the_installed_wheel_builds_validates_and_serves_from_an_empty_folder(installed, tmp_path):
    work = tmp_path / "empty"
    work.mkdir()
    tool = str(installed / "yaan-opendata")

    where = _run([str(installed / "python"), "-c", "import yaan_opendata; print(yaan_opendata.__file__)"], cwd=work)
    assert Path(where).is_relative_to(installed.parent), where  # the wheel, not this checkout

    help_text = _run([tool, "serve", "--help"], cwd=work)
    assert "./datapackage" in help_text and "./build" in help_text and "the bundled example" in help_text
    assert "site-packages" not in help_text

    assert "1 document(s)" in _run([tool, "build"], cwd=work)
    assert (work / "datapackage" / "datapackage.json").is_file()
    assert "valid" in _run([tool, "validate"], cwd=work)
    assert "three_public.reception" in _run([tool, "sparql", "metadata/queries/three-public.rq"], cwd=work)  # shipped

    seen = json.loads(_run([str(installed / "python"), str(SITE_CHECK)], cwd=work))
    assert seen["built"] == ["build/yaan-opendata.db", "build/downloads/yaan-final-accounts.zip"]
    for name in ("serve", "plain datasette"):
        pages = seen[name]
        assert pages["home"] == [200, True, True], (name, pages)  # the site's title and its own home page
        assert pages["chart"] == [200, True, True], (name, pages)  # the chart page with its Chinese title
    assert seen["plain datasette"]["plugin"] == "yaan_opendata"  # registered by its entry point
    assert sorted(os.listdir(work)) == ["build", "datapackage"]  # wrote nothing else

    # Paths given are relative to the current directory (one test: the venv is built once per worker).
    mine = tmp_path / "mine"
    shutil.copytree(CHECKOUT / "sources", mine / "docs")
    (mine / "docs" / "manifest.json").unlink()  # a plain file: identified from its own title
    document = next((mine / "docs").iterdir()).name
    assert "Wrote out: 1 document(s)" in _run([tool, "build", "--source", f"docs/{document}", "--package", "out"], cwd=mine)
    assert (mine / "out" / "datapackage.json").is_file()
