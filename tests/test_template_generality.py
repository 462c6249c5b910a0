"""The extractors read the national template, not this one document.

Another department's disclosure for another year is simulated by renaming the
department, moving every year on by one and changing one amount: everything
still extracts, under the new document's identity, and the changed amount is
read as printed (and breaks the identities that use it).
"""

import hashlib
import json
import re

import pytest

from yaan_opendata.pipeline import DEFAULT_SOURCES, load_disclosures


@pytest.fixture(scope="module")
def other_department(tmp_path_factory):
    folder = tmp_path_factory.mktemp("other-sources")
    text = (DEFAULT_SOURCES / "yaan-zwfwdsj-2020.txt").read_text(encoding="utf-8")
    text = text.replace("雅安市政务服务和大数据局", "雅安市文化广播电视和旅游局")
    text = text.replace("市政务服务和大数据局", "市文化广播电视和旅游局")
    text = re.sub(r"20(19|20|21)", lambda m: f"20{int(m.group(1)) + 1}", text)
    text = text.replace("收、支总计3351.34万元", "收、支总计4351.34万元")
    (folder / "wglj-2021.txt").write_text(text, encoding="utf-8")
    entry = json.loads((DEFAULT_SOURCES / "manifest.json").read_text(encoding="utf-8"))["documents"][0]
    entry.update(
        document_id="yaan-wglj-2021", file="wglj-2021.txt", fiscal_year=2021, org_id="yaan-wglj",
        title="2021年度雅安市文化广播电视和旅游局部门决算", published="2022-09-01",
        sha256=hashlib.sha256((folder / "wglj-2021.txt").read_bytes()).hexdigest(),
    )
    (folder / "manifest.json").write_text(json.dumps({"documents": [entry]}, ensure_ascii=False), encoding="utf-8")
    return load_disclosures(folder)[0]


def test_every_table_is_extracted_for_another_department_and_year(other_department, seed_disclosures):
    seed = seed_disclosures[0]
    for table in ("fiscal_figures", "figure_comparisons", "performance_indicators", "work_metrics",
                  "reception_events", "staffing", "glossary", "schedules", "self_evaluation_scores"):
        assert len(getattr(other_department, table)) == len(getattr(seed, table)), table
    figure = next(f for f in other_department.fiscal_figures if f.item == "revenue")
    assert figure.figure_id == "yaan-wglj-2021.grand_total.revenue"
    assert figure.fiscal_year == 2021 and figure.org_id == "yaan-wglj"
    assert figure.amount_yuan == 43513400 and figure.literal == "2021年度收、支总计4351.34万元"
    assert other_department.organizations[0].name_zh == "雅安市文化广播电视和旅游局"


def test_the_changed_amount_breaks_exactly_the_identities_that_read_it(other_department, seed_disclosures):
    def failing(disclosure):
        return {c.rule_id for c in disclosure.consistency_checks if c.status == "fail"}

    new_failures = failing(other_department) - failing(seed_disclosures[0])
    assert new_failures
    totals = {f"yaan-wglj-2021.grand_total.{flow}" for flow in ("revenue", "expenditure")}
    checks_reading_the_total = {i.check_id for i in other_department.consistency_check_inputs if i.input_id in totals}
    rules_reading_the_total = {
        c.rule_id for c in other_department.consistency_checks if c.check_id in checks_reading_the_total
    }
    assert new_failures <= rules_reading_the_total
