"""`yaan-opendata check`: counts, then each failure with both quotes; non-zero only on a bad source."""

from click.testing import CliRunner

from yaan_opendata.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_the_report_counts_then_quotes_each_failure_and_exits_zero():
    result = run()
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("yaan-zwfwdsj-2020: ") and " fail" in lines[0] and " pass" in lines[0]
    assert any(line.strip().startswith("counts ") for line in lines[1:10])
    block = result.output.split("FAIL  yaan-zwfwdsj-2020.counts.vehicle_fleet")[1].split("\n\n")[0]
    assert "expected 14辆, published 4辆" in block
    assert "「单位共有公务用车4辆」" in block and "「轿车11辆、越野车3辆、载客汽车0辆」" in block
    assert "ROUNDING" not in result.output  # only failures unless asked


def test_show_lists_other_statuses_too():
    result = run("--show", "undefined")
    assert "UNDEFINED  yaan-zwfwdsj-2020.growth.rate.three_public.overseas.detail.growth_rate" in result.output
    assert "FAIL  " not in result.output


def test_an_unreadable_source_exits_non_zero(edited_sources):
    sources = edited_sources(lambda text: text.replace("3351.34万元", "3351.35万元"), keep_hash=True)
    result = run("--sources", str(sources))
    assert result.exit_code == 1
    assert "document yaan-zwfwdsj-2020" in result.output and "sha256" in result.output
