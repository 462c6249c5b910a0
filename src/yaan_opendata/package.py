"""Write the Frictionless data package: one UTF-8 CSV per table and datapackage.json.

Everything in datapackage.json is generated from the table registry
(``tables.py``) and the model's field metadata; nothing is typed twice.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

from . import __version__, fiscal, publication
from .model import Disclosure
from .publication import DEFAULT_BASE_IRI
from .tables import TABLES, Field, Table, rows

PACKAGE_NAME = "yaan-final-accounts"
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
KEYWORDS = [
    "部门决算", "final accounts", "雅安", "Ya'an", "budget", "fiscal transparency",
    "政府收支分类", "三公经费", "performance budgeting", "open data",
]


def csv_text(table: Table, records: list) -> str:
    """The CSV of one table: header of field names, values in their canonical text form."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [f.name for f in table.fields]
    writer.writerow(names)
    for record in records:
        writer.writerow([cell_text(getattr(record, name)) for name in names])
    return out.getvalue()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def field_descriptor(field: Field) -> dict:
    descriptor = {
        "name": field.name,
        "type": field.type,
        "title": f"{field.title_zh} / {field.title_en}",
        "description": f"{field.description_zh} / {field.description_en}",
        "titles": {"zh": field.title_zh, "en": field.title_en},
        "descriptions": {"zh": field.description_zh, "en": field.description_en},
    }
    if field.unit:
        descriptor["unit"] = field.unit
    if field.type == "boolean":
        descriptor["trueValues"] = ["true"]
        descriptor["falseValues"] = ["false"]
    constraints = {}
    if field.required:
        constraints["required"] = True
    if field.enum:
        constraints["enum"] = list(field.enum)
    if field.minimum is not None:
        constraints["minimum"] = field.minimum
    if field.maximum is not None:
        constraints["maximum"] = field.maximum
    if field.pattern:
        constraints["pattern"] = field.pattern
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def resource_descriptor(table: Table) -> dict:
    schema = {
        "fields": [field_descriptor(f) for f in table.fields],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": fk.fields, "reference": {"resource": fk.table, "fields": fk.table_fields}}
            for fk in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": f"{table.title_zh} / {table.title_en}",
        "description": f"{table.description_zh} / {table.description_en}",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def package_descriptor(
    disclosures: list[Disclosure], extra_resources: list[dict] = (), base_iri: str = DEFAULT_BASE_IRI
) -> dict:
    documents = [d.document for d in disclosures]
    made = publication.created([d.published for d in documents if d.published])
    return {
        # Not "tabular-data-package": the RDF files are resources too, and not tables.
        "profile": "data-package",
        "id": publication.dataset_iri(base_iri, PACKAGE_NAME),
        "name": PACKAGE_NAME,
        "title": "雅安市部门决算开放数据 / Ya'an departmental final accounts as open data",
        "description": (
            "从部门决算公开文本中逐句提取的全部数值:收支总计、收入与支出(按来源、性质与"
            "支出功能分类)、“三公”经费及接待明细、政府采购、国有资产、绩效项目与指标、"
            "整体支出自评、名词解释。金额以整数元计,每个数值保留原文写法与出处段落。\n"
            "Every figure of the published final-accounts disclosures, extracted sentence by "
            "sentence: totals, income and expenditure by source, type and functional "
            "classification, 'three public' expenses with the reception detail, procurement, "
            "assets, performance projects and indicators, the self-evaluation and the glossary. "
            "Money is in integer yuan; each value keeps its literal text and source paragraph."
        ),
        "homepage": publication.site_url(base_iri),
        "version": __version__,
        **({"created": made} if made else {}),
        "licenses": [LICENSE],
        "sources": [_source(d) for d in disclosures],
        "contributors": [{"title": "yaan-opendata", "role": "author"}]
        + [{"title": d.publisher, "role": "publisher"} for d in documents],
        "keywords": KEYWORDS,
        "temporal": sorted({str(d.fiscal_year) for d in documents}),
        "resources": [resource_descriptor(t) for t in TABLES]
        + [entry for d in disclosures for entry, _ in source_files(d)]
        + list(extra_resources),
    }


def _source(disclosure: Disclosure) -> dict:
    """A ``sources`` entry: the document, its copy inside the package and its page where known."""
    document = disclosure.document
    copies = [entry["path"] for entry, _ in source_files(disclosure)]
    return (
        {"title": document.title, "publisher": document.publisher, "sha256": document.sha256}
        | ({"path": copies[0]} if copies else {})
        | ({"url": document.source_url} if document.source_url else {})
        | ({"published": document.published.isoformat()} if document.published else {})
    )


def source_files(disclosure: Disclosure) -> list[tuple[dict, Path]]:
    """(resource, file read) for each file the document was read from. The copy is named
    after the document (ids are unique, file names need not be): ``sources/<id>.pdf``, or
    ``sources/<id>-1.html``, ``sources/<id>-2.xlsx`` … for a document of several files."""
    document = disclosure.document
    files = disclosure.source_files
    found = []
    for number, path in enumerate(files, start=1):
        stem = document.document_id if len(files) == 1 else f"{document.document_id}-{number}"
        suffix = path.suffix.lower()
        found.append((
            {
                "name": f"source-{stem}",
                "type": "file",  # a file to keep, not a table to parse (an .xlsx is not tidy)
                "path": f"{publication.SOURCES_FOLDER}/{stem}{suffix}",
                "title": f"原文:{document.title} / Source: {document.title_en}",
                "format": suffix.lstrip("."),
                "mediatype": SOURCE_MEDIA_TYPES.get(suffix, "application/octet-stream"),
            },
            path,
        ))
    return found


SOURCE_MEDIA_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
}


def table_records(disclosures: list[Disclosure], table: Table) -> list:
    if table.name == "classifications":  # shared code lists: once, not per document
        return _classifications_used(disclosures, _code_list(disclosures, rows(disclosures[0], table)))
    if table.name == "organizations":
        return _organizations(disclosures)
    return [record for d in disclosures for record in rows(d, table)]


def _code_list(disclosures: list[Disclosure], shipped: list) -> list:
    """The shipped code list with the codes documents print that it lacks (the first
    document to print one names it), in code order."""
    known = {c.classification_id for c in shipped}
    extra = {}
    for disclosure in disclosures:
        for record in disclosure.classifications:
            if record.classification_id not in known:
                extra.setdefault(record.classification_id, record)
    if not extra:
        return shipped
    schemes = ("functional", "economic")
    return sorted([*shipped, *extra.values()], key=lambda c: (schemes.index(c.scheme), c.code))


def _classifications_used(disclosures: list[Disclosure], code_list: list) -> list:
    """The codes the documents use, with their parents, in code-list order.

    The shipped list (codelists/functional.csv) holds every code a department may
    name; the package publishes those its documents name, each confirmed by a
    sentence that states it."""
    by_id = {c.classification_id: c for c in code_list}
    wanted: set[str] = set()
    for disclosure in disclosures:
        for records in (disclosure.fiscal_figures, disclosure.expenditure_items, disclosure.table_cells):
            for record in records:
                code = record.classification_id
                while code is not None and code not in wanted:
                    wanted.add(code)
                    code = by_id[code].parent_id
    return [c for c in code_list if c.classification_id in wanted]


def _organizations(disclosures: list[Disclosure]) -> list:
    """Each organization once, though every year's accounts name it: in order of first
    appearance, as the latest fiscal year describes it (name, rank, scope)."""
    latest: dict[str, tuple[int, object]] = {}
    for disclosure in disclosures:
        year = disclosure.document.fiscal_year
        for record in disclosure.organizations:
            if record.org_id not in latest or latest[record.org_id][0] < year:
                latest[record.org_id] = (year, record)
    return [record for _, record in latest.values()]


def write_package(
    disclosures: list[Disclosure], out_dir: Path, extra_resources: list[dict] = (), base_iri: str = DEFAULT_BASE_IRI
) -> None:
    """Write every table's CSV, a copy of every source and datapackage.json into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in TABLES:
        data = csv_text(table, table_records(disclosures, table)).encode("utf-8")
        (out_dir / f"{table.name}.csv").write_bytes(data)
        written[table.name] = data
    for disclosure in disclosures:
        for entry, path in source_files(disclosure):
            copy = out_dir / entry["path"]
            copy.parent.mkdir(exist_ok=True)
            written[entry["name"]] = data = path.read_bytes()
            copy.write_bytes(data)
    descriptor = package_descriptor(disclosures, [fiscal.package_resource(), *extra_resources], base_iri)
    for resource in descriptor["resources"]:
        data = written.get(resource["name"])
        if data is not None:  # a download is checked against them (frictionless validate does)
            resource.update(file_integrity(data))
    # the facts as a Fiscal Data Package, written before the descriptor that lists it (with its hash)
    facts = next(r for r in descriptor["resources"] if r["name"] == fiscal.RESOURCE)
    data = fiscal.text(fiscal.descriptor(descriptor, facts)).encode("utf-8")
    (out_dir / fiscal.FILE_NAME).write_bytes(data)
    next(r for r in descriptor["resources"] if r["path"] == fiscal.FILE_NAME).update(file_integrity(data))
    write_descriptor(descriptor, out_dir)


def file_integrity(data: bytes) -> dict:
    """A resource's ``bytes`` and ``hash``: frictionless checks a download against them."""
    return {"bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def path_integrity(path: Path) -> dict:
    """``file_integrity`` of a file read in blocks: the graph of a large package is gigabytes."""
    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest}"}


def write_descriptor(descriptor: dict, out_dir: Path) -> None:
    (out_dir / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def seal(out_dir: Path) -> None:
    """Give the resources written after datapackage.json (the RDF files) their bytes and hash."""
    descriptor = json.loads((out_dir / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if "hash" not in resource:
            resource.update(path_integrity(out_dir / resource["path"]))
    write_descriptor(descriptor, out_dir)
