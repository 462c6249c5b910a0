"""Validate a written data package with frictionless (schemas, keys, foreign keys)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import frictionless


def validate_package(
    package_dir: Path, tables_only: bool = False, only: Sequence[str] | None = None
) -> list[str]:
    """Every problem frictionless finds, one line each; empty when the package is valid.

    ``tables_only`` validates the CSV resources (schemas, keys, foreign keys) and
    skips the other files, so it can run before the RDF files are written; without
    it, the other files' bytes and hashes are checked too (``validate_files``).
    ``only`` validates just the named resources (their foreign keys still look up
    the whole package), so that processes can share the work.
    """
    # Imported here (0.16 s): the build forks its validators before they need it, so
    # they import it while the main process builds the RDF graph.
    import frictionless

    descriptor = package_dir / "datapackage.json"
    if not descriptor.exists():
        return [f"{descriptor} does not exist: run `yaan-opendata build` first"]
    package = frictionless.Package(str(descriptor))
    if only is not None:
        return [problem for name in only for problem in _problems(package.get_resource(name).validate())]
    for resource in [r for r in package.resources if r.profile != "tabular-data-resource"]:
        package.remove_resource(resource.name)  # checked in blocks by validate_files
    problems = _problems(package.validate())
    return problems if tables_only else problems + validate_files(package_dir)


def validate_files(package_dir: Path) -> list[str]:
    """What ``validate_package`` checks beyond the tables: that every other file (RDF, the
    copies of the sources) has the bytes and sha256 ``datapackage.json`` states, as
    frictionless checks them, and the Fiscal Data Package view.

    hashlib reads the files in blocks at disk speed (frictionless takes a second more for
    the 15 MB of RDF, and holds each file whole: the graph of a large package is
    gigabytes); the descriptor itself was validated with the tables.
    """
    import json

    from .package import path_integrity

    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    problems = []
    for resource in descriptor["resources"]:
        if resource.get("profile") == "tabular-data-resource" or "path" not in resource:
            continue
        path = package_dir / resource["path"]
        if Path(resource["path"]).is_absolute() or ".." in Path(resource["path"]).parts:
            problems.append(f"{resource['name']}: {resource['path']} is not a path inside the package")
            continue
        if not path.is_file():
            problems.append(f"{resource['name']}: {resource['path']} does not exist")
            continue
        found = path_integrity(path)
        stated_hash = str(resource.get("hash", "")).removeprefix("sha256:")
        if resource.get("bytes") is not None and resource["bytes"] != found["bytes"]:
            problems.append(f"{resource['name']}: the file has {found['bytes']} bytes, the descriptor says {resource['bytes']}")
        if stated_hash and f"sha256:{stated_hash}" != found["hash"]:
            problems.append(f"{resource['name']}: the file's sha256 is not the hash the descriptor states")
    return problems + _fiscal_problems(package_dir)


def _fiscal_problems(package_dir: Path) -> list[str]:
    """The Fiscal Data Package view of the facts, where the package has one (fiscal.py)."""
    import json

    from . import fiscal

    path = package_dir / fiscal.FILE_NAME
    return fiscal.check(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else []


def _problems(report: frictionless.Report) -> list[str]:
    problems = [f"package: {error.message}" for error in report.errors]
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{task.name}: {error.message}")
    return problems
