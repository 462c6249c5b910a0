"""The data package: valid, deterministic, committed as a fresh build writes it, and lossless."""

import json
import re
from decimal import Decimal

import frictionless
import pytest

from yaan_opendata import pipeline
from yaan_opendata.package import cell_text
from yaan_opendata.tables import TABLES
from yaan_opendata.validate import validate_package


@pytest.fixture(scope="module")
def fresh_package(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "datapackage"
    pipeline.build(out_dir=out)
    return out


def test_fresh_package_passes_frictionless_with_foreign_keys(fresh_package):
    assert validate_package(fresh_package) == []


def test_each_table_carries_its_size_and_hash_and_a_changed_file_fails(fresh_package, tmp_path):
    """A researcher's download is checked against datapackage.json: a CSV changed after the
    build (one amount edited, same length) fails validation."""
    import hashlib
    import shutil

    descriptor = json.loads((fresh_package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # the tables, the RDF files, the sources
        data = (fresh_package / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
    copy = tmp_path / "copy"
    shutil.copytree(fresh_package, copy)
    path = copy / "glossary.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("财政", "财务", 1), encoding="utf-8")
    problems = validate_package(copy, only=["glossary"])
    assert problems and any("hash" in p for p in problems), problems


def test_the_package_ships_its_sources_and_says_what_it_is(fresh_package, tmp_path):
    """A researcher has the text the figures were read from, checked like any resource;
    the package names itself (id, homepage, created) without reading the clock."""
    import shutil

    descriptor = json.loads((fresh_package / "datapackage.json").read_text(encoding="utf-8"))
    (source,) = descriptor["sources"]
    assert source["path"] == "sources/yaan-zwfwdsj-2020.txt"
    assert (fresh_package / source["path"]).read_bytes() == (pipeline.DEFAULT_SOURCES / "yaan-zwfwdsj-2020.txt").read_bytes()
    resource = next(r for r in descriptor["resources"] if r["path"] == source["path"])
    assert resource["hash"] == f"sha256:{source['sha256']}"
    assert descriptor["id"] == "https://yaan-opendata.github.io/id/datasets/yaan-final-accounts"
    assert descriptor["homepage"] == "https://yaan-opendata.github.io/"
    assert descriptor["created"] == "2021-09-14T00:00:00Z"  # the newest source's publication day
    copy = tmp_path / "copy"
    shutil.copytree(fresh_package, copy)
    edited = copy / source["path"]
    edited.write_bytes(edited.read_bytes().replace("万元".encode(), "亿元".encode(), 1))
    problems = validate_package(copy, only=[resource["name"]])
    assert problems and any("hash" in p for p in problems), problems


def test_a_release_dates_the_package_with_source_date_epoch(seed_disclosures, tmp_path, monkeypatch):
    from yaan_opendata.package import package_descriptor

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert package_descriptor(seed_disclosures)["created"] == "2023-11-14T22:13:20Z"


def test_committed_package_equals_a_fresh_build():
    difference = pipeline.check()
    assert not difference, "\n".join(difference.lines())


def test_two_builds_write_the_same_bytes(fresh_package, tmp_path):
    again = tmp_path / "again"
    pipeline.build(out_dir=again)
    assert not pipeline.compare_dirs(fresh_package, again)


def test_every_table_is_a_resource_with_bilingual_field_docs(fresh_package):
    descriptor = json.loads((fresh_package / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    for table in TABLES:
        schema = resources[table.name]["schema"]
        assert schema["primaryKey"] == list(table.primary_key)
        for field in schema["fields"]:
            assert field["titles"]["zh"] and field["titles"]["en"]
            assert field["descriptions"]["zh"] and field["descriptions"]["en"]
    figures = {f["name"]: f for f in resources["fiscal_figures"]["schema"]["fields"]}
    assert figures["amount_yuan"]["type"] == "integer"
    assert figures["amount_yuan"]["unit"] == "CNY"
    assert {"fields": "paragraph_id", "reference": {"resource": "paragraphs", "fields": "paragraph_id"}} in (
        resources["fiscal_figures"]["schema"]["foreignKeys"]
    )
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["sources"][0]["sha256"] == (
        "1a63427f8195ef37a8d83680f6bb42a52caae9ef8f76f3cff3554cf98086d1bf"
    )


def test_csv_read_back_equals_the_records(fresh_package, seed_disclosures):
    """Every cell of every table reads back (typed, by frictionless) as the record's value."""
    package = frictionless.Package(str(fresh_package / "datapackage.json"))
    disclosure = seed_disclosures[0]
    for table in TABLES:
        if table.name in ("documents", "classifications"):
            continue
        records = list(getattr(disclosure, table.name))
        rows = package.get_resource(table.name).read_rows()
        assert len(rows) == len(records), table.name
        for record, row in zip(records, rows):
            for field in table.fields:
                expected = getattr(record, field.name)
                actual = row[field.name]
                if isinstance(expected, Decimal):
                    assert actual == expected and cell_text(expected) == cell_text(Decimal(str(actual)))
                else:
                    assert actual == expected, (table.name, field.name)


def test_money_figures_are_whole_yuan_with_their_literal(seed_disclosures):
    figures = seed_disclosures[0].fiscal_figures
    assert len(figures) > 100
    paragraphs = {p.paragraph_id: p.text for p in seed_disclosures[0].paragraphs}
    for figure in figures:
        assert figure.literal in paragraphs[figure.paragraph_id]
        assert re.sub(r"\s", "", figure.amount_as_published) in re.sub(r"\s", "", figure.literal)
        if figure.amount_yuan is None:
            assert figure.amount_note
