"""Every table and view of the site answers, with the rows the data package has."""

from __future__ import annotations

import pytest

from yaan_opendata.package import table_records
from yaan_opendata.tables import TABLES
from yaan_opendata.views import VIEWS

from .conftest import DB


def count(client, name):
    return client.json(f"/{DB}/{name}.json?_size=0")["filtered_table_rows_count"]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_table_has_the_rows_of_its_resource(client, disclosures, table):
    page = client.get(f"/{DB}/{table.name}")
    assert page.status_code == 200
    assert table.title_zh in page.text  # the Chinese title from tables.py
    assert count(client, table.name) == len(table_records(disclosures, table))


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_answers(client, view):
    page = client.get(f"/{DB}/{view}")
    assert page.status_code == 200
    assert count(client, view) > 0


def test_figures_in_wan_yuan_have_one_row_per_figure_with_chinese_labels(client, disclosures):
    assert count(client, "figures_wan_yuan") == sum(len(d.fiscal_figures) for d in disclosures)
    total = client.rows(f"/{DB}/figures_wan_yuan?figure_id=yaan-zwfwdsj-2020.three_public.total")
    assert total == [
        {
            "figure_id": "yaan-zwfwdsj-2020.three_public.total",
            "年度": 2020,
            "单位": total[0]["单位"],
            "收支": "支出",
            "阶段": "决算",
            "资金来源": "财政拨款",
            "类别": "“三公”经费",
            "名称": total[0]["名称"],
            "科目编码": None,
            "金额(万元)": 5.76,
            "金额(元)": 57600,
            "原文金额": "5.76万元",
            "金额说明": None,
            "更正金额(万元)": None,
            "paragraph_id": total[0]["paragraph_id"],
        }
    ]


def test_a_misprinted_unit_shows_the_published_and_the_corrected_amount(client, disclosures):
    corrected = [f for d in disclosures for f in d.fiscal_figures if f.amount_corrected_yuan is not None]
    assert corrected, "the 2020 document prints 项目支出1749.94元 where 万元 is meant"
    for figure in corrected:
        [row] = client.rows(f"/{DB}/figures_wan_yuan?figure_id={figure.figure_id}")
        assert row["原文金额"] == figure.amount_as_published and row["金额说明"]
        assert row["更正金额(万元)"] == round(figure.amount_corrected_yuan / 10000, 2)


def test_expenditure_by_function_names_class_section_and_item(client):
    rows = client.rows(f"/{DB}/expenditure_by_function?科目编码=2010302")
    assert rows, "一般行政管理事务 (2010302) is missing"
    assert {(r["类"], r["款"], r["项"], r["金额(万元)"]) for r in rows} == {
        ("一般公共服务支出", "政府办公厅(室)及相关机构事务", "一般行政管理事务", 1680.23)
    }
    classes = client.rows(f"/{DB}/expenditure_by_function?级次=类&阶段=决算")
    assert {r["类"]: r["金额(万元)"] for r in classes}["一般公共服务支出"] == 2168.25


def test_three_public_breakdown_has_parts_with_their_published_shares(client):
    rows = client.rows(f"/{DB}/three_public_breakdown")
    shares = {r["名称"]: r["占比(%)"] for r in rows if r["占比(%)"] is not None}
    assert shares["公务用车购置及运行维护费"] == 84.2
    assert shares["公务接待费"] == 15.8


def test_a_figure_links_to_the_sentence_it_came_from(client):
    page = client.get(f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal")
    assert page.status_code == 200
    assert 'title="57,600 元">5.76</span>' in page.text  # 万元 shown, yuan on hover
    assert "“三公”经费财政拨款支出决算为5.76万元" in page.text  # the sentence quoted on the row page
    paragraph_link = f'href="/{DB}/paragraphs/yaan-zwfwdsj-2020-p'
    assert paragraph_link in page.text
    paragraph_url = page.text.split(paragraph_link, 1)[1].split('"', 1)[0]
    paragraph = client.get(f"/{DB}/paragraphs/yaan-zwfwdsj-2020-p{paragraph_url}")
    assert "“三公”经费财政拨款支出决算为5.76万元" in paragraph.text


def test_views_link_ids_to_their_rows(client):
    page = client.get(f"/{DB}/three_public_breakdown")
    assert f'<a href="/{DB}/paragraphs/yaan-zwfwdsj-2020-p' in page.text
    assert f'<a href="/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal">' in page.text
