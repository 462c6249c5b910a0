"""`yaan-opendata build`: --check, and bad input that stops the build and leaves the package intact."""

import re

import pytest
from click.testing import CliRunner

from yaan_opendata.cli import cli

DOCUMENT = "yaan-zwfwdsj-2020"


@pytest.fixture
def previous_package(tmp_path):
    """A package folder with a marker, to prove a failed build leaves it untouched."""
    folder = tmp_path / "datapackage"
    folder.mkdir()
    (folder / "marker.txt").write_text("previous build", encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def assert_failed_cleanly(result, folder, *, reason: str, paragraph: bool):
    assert result.exit_code != 0
    message = result.output.strip().splitlines()[-1]
    assert f"document {DOCUMENT}" in message
    assert re.search(reason, message), message
    if paragraph:
        assert re.search(rf"paragraph {DOCUMENT}-p\d{{4}}", message), message
    assert [p.name for p in folder.iterdir()] == ["marker.txt"]
    assert (folder / "marker.txt").read_text(encoding="utf-8") == "previous build"
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".datapackage")]


def test_build_then_check_passes_and_a_changed_file_is_named(tmp_path):
    out = tmp_path / "datapackage"
    assert run("build", "--package", str(out)).exit_code == 0
    assert run("build", "--check", "--package", str(out)).exit_code == 0
    csv = out / "fiscal_figures.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("33513400", "33513401"), encoding="utf-8")
    result = run("build", "--check", "--package", str(out))
    assert result.exit_code == 1
    assert "differs from a fresh build: fiscal_figures.csv" in result.output
    # the lines are long: each is shown from a little before the first character that differs
    assert re.search(r"fresh build: +….*,33513400,", result.output)
    assert re.search(r"here: +….*,33513401,", result.output)


def test_a_changed_source_hash_stops_the_build(edited_sources, previous_package):
    sources = edited_sources(lambda text: text.replace("3351.34万元", "3351.35万元"), keep_hash=True)
    result = run("build", "--sources", str(sources), "--package", str(previous_package))
    assert_failed_cleanly(result, previous_package, reason="sha256 .* the manifest says", paragraph=False)


def test_a_missing_section_stops_the_build(edited_sources, previous_package):
    # Without its headings, the 三公 chapter's sentences read as part of 六 (basic expenditure).
    sources = edited_sources(lambda text: re.sub(r"\n(七、|\(一\)|\(二\))“三公”经费财政拨款支出决算[^\n]*情况说明", "\n", text))
    result = run("build", "--sources", str(sources), "--package", str(previous_package))
    assert_failed_cleanly(result, previous_package, reason=r"headline figure three_public\.total .* not read", paragraph=False)


def test_a_number_that_does_not_parse_stops_the_build(edited_sources, previous_package):
    sources = edited_sources(lambda text: text.replace("本年收入合计1942.17万元", "本年收入合计1942.1.7万元"))
    result = run("build", "--sources", str(sources), "--package", str(previous_package))
    assert_failed_cleanly(result, previous_package, reason="'1942.1.7万元' is not an amount", paragraph=True)


def test_an_unknown_unit_stops_the_build(edited_sources, previous_package):
    sources = edited_sources(lambda text: text.replace("本年收入合计1942.17万元", "本年收入合计0.19美元"))
    result = run("build", "--sources", str(sources), "--package", str(previous_package))
    assert_failed_cleanly(result, previous_package, reason="'0.19美元' is not an amount", paragraph=True)


def test_a_package_that_fails_validation_is_not_published(monkeypatch, previous_package):
    """Whatever the cause, an invalid table stops the build before it replaces the package."""
    from yaan_opendata import pipeline
    from yaan_opendata.errors import BuildError

    write_package = pipeline.write_package

    def write_broken_package(disclosures, out_dir, **kwargs):
        write_package(disclosures, out_dir, **kwargs)
        figures = out_dir / "fiscal_figures.csv"
        figures.write_text(figures.read_text(encoding="utf-8").replace("-p0080", "-p9999"), encoding="utf-8")

    monkeypatch.setattr(pipeline, "write_package", write_broken_package)
    with pytest.raises(BuildError, match="fiscal_figures: .*foreign key"):
        pipeline.build(out_dir=previous_package)
    assert [p.name for p in previous_package.iterdir()] == ["marker.txt"]


def test_without_sources_the_build_says_to_give_them(tmp_path):
    """Installed from a wheel and run in an empty folder: one line saying what to pass."""
    result = run("build", "--sources", str(tmp_path / "sources"), "--package", str(tmp_path / "datapackage"))
    assert result.exit_code == 1
    assert "no sources:" in result.output and "--source FILE_OR_FOLDER" in result.output
    assert not (tmp_path / "datapackage").exists()
