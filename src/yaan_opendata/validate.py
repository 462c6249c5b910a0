"""Validate a written data package with frictionless (schemas, keys, foreign keys)."""

from __future__ import annotations

from pathlib import Path

import frictionless


def validate_package(package_dir: Path) -> list[str]:
    """Every problem frictionless finds, one line each; empty when the package is valid."""
    descriptor = package_dir / "datapackage.json"
    if not descriptor.exists():
        return [f"{descriptor} does not exist: run `yaan-opendata build` first"]
    report = frictionless.validate(str(descriptor))
    problems = [f"package: {error.message}" for error in report.errors]
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{task.name}: {error.message}")
    return problems
