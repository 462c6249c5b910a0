"""The canned queries and the search answer what a citizen asks."""

from __future__ import annotations

import pytest
import yaml

from yaan_opendata.database import SEARCHABLE
from yaan_opendata.package import table_records
from yaan_opendata.site_metadata import GENERATED_PATH
from yaan_opendata.tables import TABLES_BY_NAME

from .conftest import DB, paragraphs_containing

QUERIES = yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8"))["databases"][DB]["queries"]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_answers_with_its_title(client, name):
    page = client.get(f"/{DB}/{name}?q=政务云&project=政务云")
    assert page.status_code == 200, page.text[:300]
    assert QUERIES[name]["title"].split(" / ")[0] in page.text


def test_expenditure_by_functional_classification_lists_every_functional_fact_once(client, disclosures):
    """One row per fact: a line 附件1 restates is not listed (nor summed) twice."""
    rows = client.rows(f"/{DB}/expenditure_by_functional_classification")
    expected = [
        f for d in disclosures for f in d.facts
        if f.category == "expenditure_by_function" and (f.classification_id or "").startswith("functional:")
    ]
    assert len(rows) == len(expected)
    items = [r for r in rows if r["级次"] == "项" and r["阶段"] == "决算"]
    assert len({r["科目编码"] for r in items}) == len(items)
    # the 项 add up to the 一般公共预算财政拨款支出 the document prints (2278.17万元)
    assert round(sum(r["金额(万元)"] for r in items) * 10000) == 22781700
    by_code = {(r["科目编码"], r["金额(万元)"]) for r in rows}
    assert ("201", 2168.25) in by_code  # 一般公共服务支出(类)
    assert ("2010302", 1680.23) in by_code  # 一般行政管理事务(项)
    assert [r["科目编码"] for r in rows] == sorted(r["科目编码"] for r in rows)


def test_three_public_with_receptions_lists_the_expenses_then_every_reception(client, disclosures):
    rows = client.rows(f"/{DB}/three_public_with_receptions")
    three_public = [f for d in disclosures for f in d.facts if f.category == "three_public"]
    receptions = [r for d in disclosures for r in d.reception_events]
    assert len(rows) == len(three_public) + len(receptions)
    assert [r["类型"] for r in rows] == ["“三公”经费"] * len(three_public) + ["公务接待明细"] * len(receptions)
    assert rows[0]["金额(万元)"] == 5.76  # the 三公 total comes first, as the document states it
    bazhong = next(r for r in rows if r["名称"] == "巴中市人民政府")
    assert (bazhong["金额(元)"], bazhong["批次"]) == (1752, 1)
    leshan = next(r for r in rows if r["名称"] == "乐山市营商环境局")
    assert (leshan["金额(元)"], leshan["批次"]) == (1450, 2)


def test_project_indicators_of_the_cloud_project(client, disclosures):
    rows = client.rows(f"/{DB}/project_indicators?project=政务云")
    projects = {p.project_id for d in disclosures for p in d.performance_projects if "政务云" in p.name_zh}
    expected = [i for d in disclosures for i in d.performance_indicators if i.project_id in projects]
    assert len(rows) == len(expected) > 0
    assert {r["项目"] for r in rows} == {"雅安市政务云平台服务经费项目"}


def test_project_indicators_of_an_unknown_project_is_empty(client):
    assert client.rows(f"/{DB}/project_indicators?project=没有这个项目") == []


def test_failed_consistency_checks_lists_every_check_that_did_not_pass(client, disclosures):
    rows = client.rows(f"/{DB}/failed_consistency_checks")
    expected = [c for d in disclosures for c in d.consistency_checks if c.status != "pass"]
    assert len(rows) == len(expected)
    statuses = [r["status"] for r in rows]
    assert statuses == sorted(statuses, key=lambda s: s != "fail")  # failures first
    assert statuses.count("fail") == sum(1 for d in disclosures for c in d.consistency_checks if c.status == "fail") > 0
    first = rows[0]
    assert first["结果"] == "不一致" and first["原文 / quotes"]  # the quotes of the figures it read


def test_a_failed_check_shows_both_quotes(client):
    rows = client.rows(f"/{DB}/failed_consistency_checks")
    vehicles = next(r for r in rows if r["rule_id"] == "counts.vehicle_fleet")
    assert vehicles["status"] == "fail"
    assert vehicles["原文 / quotes"].startswith("「单位共有公务用车4辆」 「轿车11辆")


@pytest.mark.parametrize("words", ["政务云", "三公经费", "12345", "三公", "决算"])
def test_search_document_finds_every_paragraph_with_the_words(client, disclosures, words):
    rows = client.rows(f"/{DB}/search_document?q={words}")
    expected = paragraphs_containing(disclosures, words)
    assert len(rows) == len(expected) > 0
    in_text = {p.paragraph_id for p in expected if words in p.text.replace("“", "").replace("”", "")}
    assert all(f"【{words}】" in r["摘录"] for r in rows if r["paragraph_id"] in in_text)


def test_search_box_of_the_paragraphs_table_finds_chinese_substrings(client, disclosures):
    for words in ("政务云", "三公经费"):
        data = client.json(f"/{DB}/paragraphs.json?_search={words}&_size=0")
        assert data["filtered_table_rows_count"] == len(paragraphs_containing(disclosures, words)) > 0
    page = client.get(f"/{DB}/paragraphs?_search=政务云")
    assert "政务云" in page.text and 'name="_search"' in page.text


def test_search_of_a_word_not_in_the_document_finds_nothing(client):
    assert client.rows(f"/{DB}/search_document?q=量子计算机") == []
    assert client.rows(f'/{DB}/search_document?q="OR"') == []  # quotes are searched for, not parsed


@pytest.mark.parametrize("table", sorted(SEARCHABLE))
def test_every_search_box_finds_what_its_text_contains(client, disclosures, table, words="政务云"):
    strip = str.maketrans("", "", "“”‘’「」『』\"")
    records = table_records(disclosures, TABLES_BY_NAME[table])
    expected = [
        r for r in records
        if any(words in (getattr(r, column) or "").translate(strip) for column in SEARCHABLE[table])
    ]
    data = client.json(f"/{DB}/{table}.json?_search={words}&_size=0")
    assert data["filtered_table_rows_count"] == len(expected)
