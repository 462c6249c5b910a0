"""The facts as a Fiscal Data Package, for OpenSpending-style tools.

``fiscal-datapackage.json`` describes ``facts.csv`` (one row per fact: the sums are
right) as a tabular data package with the ``model`` of the Fiscal Data Package
(version 0.3, the one OpenSpending reads): one measure, the amount in yuan (CNY),
and the dimensions a fact is keyed by — organization, fiscal year, direction,
phase, fund, category, concept (with its labels), classification and project.
It sits beside ``datapackage.json`` in the package folder and is one of its
resources, so the zip and the site's downloads carry it.
``shapes/fiscal-model.schema.json`` states what a model must hold; ``check``
holds the descriptor to it and every ``source`` to a column of the resource.
"""

from __future__ import annotations

import copy
import json
from importlib import resources

FILE_NAME = "fiscal-datapackage.json"
RESOURCE = "facts"

# name: (dimension type, [(attribute, column, the attribute it labels)], primary key)
DIMENSIONS = {
    "organization": ("entity", [("org_id", "org_id", None)], "org_id"),
    "fiscal_year": ("datetime", [("fiscal_year", "fiscal_year", None)], "fiscal_year"),
    "direction": ("other", [("flow", "flow", None)], "flow"),
    "phase": ("other", [("phase", "phase", None)], "phase"),
    "fund": ("classification", [("fund", "fund", None)], "fund"),
    "category": ("other", [("category", "category", None)], "category"),
    "concept": ("fact", [("concept", "concept", None), ("label_zh", "label_zh", "concept"),
                         ("label_en", "label_en", "concept")], "concept"),
    "classification": ("classification", [("classification_id", "classification_id", None)], "classification_id"),
    "project": ("activity", [("project_id", "project_id", None)], "project_id"),
}


def descriptor(package: dict, facts_resource: dict) -> dict:
    """The Fiscal Data Package of the facts: the package's metadata, the facts resource
    (without its foreign keys: the tables they point to are not part of this view)."""
    resource = copy.deepcopy(facts_resource)
    resource["schema"].pop("foreignKeys", None)
    dimensions = {}
    for name, (kind, attributes, key) in DIMENSIONS.items():
        dimensions[name] = {
            "dimensionType": kind,
            "attributes": {
                attribute: {"source": column} | ({"labelfor": labels} if labels else {})
                for attribute, column, labels in attributes
            },
            "primaryKey": key,
        }
    return {
        "profile": "tabular-data-package",
        "name": f"{package['name']}-fiscal",
        "title": package["title"] + "(财务事实 / facts)",
        "description": "每个概念、单位、年度一个金额的财务事实,按财政数据包(Fiscal Data Package)模型描述。"
                       " / One amount per concept, organization and year, described with the Fiscal Data Package model.",
        "version": package["version"],
        "licenses": package["licenses"],
        "sources": package["sources"],
        "resources": [resource],
        "model": {
            "measures": {"amount": {"source": "amount_yuan", "currency": "CNY", "factor": 1}},
            "dimensions": dimensions,
        },
    }


def package_resource() -> dict:
    """The entry of fiscal-datapackage.json among datapackage.json's resources."""
    return {
        "name": "fiscal-data-package",
        "path": FILE_NAME,
        "title": "财政数据包描述(财务事实) / Fiscal Data Package descriptor of the facts",
        "description": "facts.csv 按财政数据包(OpenSpending)模型的描述 / facts.csv described with the Fiscal Data "
                       "Package (OpenSpending) model",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }


def text(descriptor_: dict) -> str:
    return json.dumps(descriptor_, ensure_ascii=False, indent=2) + "\n"


def check(descriptor_: dict) -> list[str]:
    """What is wrong with a Fiscal Data Package descriptor: the model schema's findings, and
    any source that names no column of its resource. Empty when it is valid."""
    import jsonschema

    schema = json.loads(resources.files("yaan_opendata").joinpath("shapes/fiscal-model.schema.json").read_text("utf-8"))
    problems = [f"{FILE_NAME}: {'/'.join(map(str, e.absolute_path)) or 'descriptor'}: {e.message}"
                for e in jsonschema.Draft7Validator(schema).iter_errors(descriptor_)]
    if problems:
        return problems
    columns = {f["name"] for r in descriptor_["resources"] for f in r["schema"]["fields"]}
    model = descriptor_["model"]
    sources = [(f"measure {n}", m["source"]) for n, m in model["measures"].items()] + [
        (f"dimension {n}, attribute {a}", attribute["source"])
        for n, d in model["dimensions"].items() for a, attribute in d["attributes"].items()]
    return [f"{FILE_NAME}: {where}: no column '{source}'" for where, source in sources if source not in columns]
