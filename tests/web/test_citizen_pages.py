"""Issue 16: pages a citizen reads — Chinese first, amounts in 万元, search that finds what people type,
and the pages they ask for (headline totals, income sources, budget vs actual, projects, year on year)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from yaan_opendata import pipeline
from yaan_opendata.database import build_database
from yaan_opendata.pages.search import normalise_query, rewrite_query_string
from yaan_opendata.serve import Site, datasette_app

from .conftest import DB, Client, paragraphs_containing

SECOND_YEAR = Path(__file__).parents[1] / "documents" / "yaan-zwfwdsj-2021.txt"


def text_of(page) -> str:
    return html.unescape(page.text)


# Chinese first ---------------------------------------------------------------------------------


def test_every_page_kind_is_chinese_first_with_licence_and_a_download(client):
    pages = [
        "/", f"/{DB}/fiscal_figures", f"/{DB}/figures_wan_yuan",
        f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal",
        f"/{DB}/three_public_with_receptions", f"/{DB}/search_document?q=三公", f"/{DB}/paragraphs?_search=三公",
        "/charts", "/charts/income", "/charts/expenditure", "/charts/three-public",
        "/budget-vs-actual", "/projects", "/compare",
    ]
    for path in pages:
        page = client.get(path)
        assert page.status_code == 200, path
        assert '<html lang="zh-CN">' in page.text, path
        assert 'rel="license">CC-BY-4.0</a>' in page.text, path  # licence line on every page
        assert "数据来源" in page.text and "下载此数据" in page.text, path
        assert "/downloads/yaan-final-accounts.zip" in page.text, path


def test_table_columns_are_chinese_with_english_on_hover(client):
    page = client.get(f"/{DB}/fiscal_figures")
    assert '<span class="yaan-col" title="Amount (10,000 yuan) · amount_yuan">金额(万元)</span>' in page.text
    assert 'title="Fund · fund">资金来源</span>' in page.text
    assert "搜索 <span class=\"en\" lang=\"en\">Search</span>" in page.text
    assert "Search:" not in page.text and 'value="Apply"' not in page.text and "This data as " not in page.text


def test_codes_show_their_labels_while_links_and_json_keep_the_codes(client):
    page = client.get(f"/{DB}/fiscal_figures?category=three_public")
    assert 'title="Fiscal appropriation · fiscal_appropriation">财政拨款</span>' in page.text
    assert "fund=fiscal_appropriation" in page.text  # the facet's link keeps the code
    assert "决算" in page.text and ">executed<" not in page.text
    rows = client.rows(f"/{DB}/fiscal_figures?category=three_public&item=total")
    assert rows[0]["fund"] == "fiscal_appropriation" and rows[0]["amount_yuan"] == 57600


def test_amounts_are_wan_yuan_with_separators_and_yuan_on_hover(client):
    page = client.get(f"/{DB}/fiscal_figures?category=grand_total")
    assert '<span class="yaan-amount" title="33,513,400 元">3,351.34</span>' in page.text
    zero = client.get(f"/{DB}/figures_wan_yuan?名称=因公出国(境)费")
    assert 'title="0 元">0.00</span>' in zero.text and ">0.0<" not in zero.text


def test_technical_columns_are_hidden_on_the_page_but_kept_in_csv_and_json(client):
    page = client.get(f"/{DB}/fiscal_figures")
    assert 'class="col-amount_as_published yaan-technical"' in page.text
    assert 'id="yaan-show-all"' in page.text
    assert "amount_as_published" in client.get(f"/{DB}/fiscal_figures.csv").text.splitlines()[0]
    assert "amount_as_published" in client.rows(f"/{DB}/fiscal_figures?_size=1")[0]


def test_views_have_chinese_facets(client):
    page = client.get(f"/{DB}/figures_wan_yuan")
    assert 'data-column="阶段"' in page.text and 'data-column="资金来源"' in page.text


def test_a_figure_row_quotes_its_sentence_and_links_to_the_paragraph(client):
    page = client.get(f"/{DB}/fiscal_figures/yaan-zwfwdsj-2020~2Ethree_public~2Etotal")
    assert 'class="yaan-sentence"' in page.text
    assert "“三公”经费财政拨款支出决算为5.76万元" in page.text
    assert f'href="/{DB}/paragraphs/yaan-zwfwdsj-2020-p0114"' in page.text


def test_canned_query_is_titled_asks_first_and_folds_its_sql(client):
    page = client.get(f"/{DB}/project_indicators?project=政务云")
    assert "<title>项目绩效指标 / Performance indicators of a project</title>" in page.text
    assert page.text.index('name="project"') < page.text.index("yaan-results") < page.text.index("yaan-sql")
    assert "<details class=\"yaan-sql\">" in page.text


# Search ---------------------------------------------------------------------------------------


def test_queries_are_normalised_like_the_index():
    assert normalise_query("“三公”经费") == "三公经费"
    assert normalise_query("（项）") == "(项)"
    assert rewrite_query_string("_search=三公&_sort=number") == "_contains=%E4%B8%89%E5%85%AC&_sort=number"
    assert rewrite_query_string("_search=%E6%94%BF%E5%8A%A1%E4%BA%91") == "_search=%E6%94%BF%E5%8A%A1%E4%BA%91"
    assert rewrite_query_string("_size=1") == "_size=1"


@pytest.mark.parametrize(("typed", "contained"), [("三公", "三公"), ("“三公”经费", "三公经费"), ("（项）", "(项)"), ("云", "云")])
def test_table_search_box_finds_what_people_type(client, disclosures, typed, contained):
    expected = {p.paragraph_id for p in paragraphs_containing(disclosures, contained)}
    assert expected
    found = {r["paragraph_id"] for r in client.rows(f"/{DB}/paragraphs?_search={typed}")}
    assert found == expected
    page = client.get(f"/{DB}/paragraphs?_search={typed}")
    assert "<mark>" in page.text


def test_an_empty_search_says_so_and_suggests_the_full_text_query(client):
    page = client.get(f"/{DB}/paragraphs?_search=不存在的词语")
    assert 'class="yaan-no-results"' in page.text
    assert f'href="/{DB}/search_document?q=' in page.text


@pytest.mark.parametrize(("typed", "contained"), [("“三公”经费", "三公经费"), ("（项）", "(项)"), ("三公", "三公")])
def test_full_text_query_finds_quoted_and_bracketed_terms(client, disclosures, typed, contained):
    expected = {p.paragraph_id for p in paragraphs_containing(disclosures, contained)}
    found = {r["paragraph_id"] for r in client.rows(f"/{DB}/search_document?q={typed}")}
    assert found == expected


# The pages citizens ask for --------------------------------------------------------------------


def test_home_page_headline_totals_with_the_change_on_last_year(client):
    page = text_of(client.get("/"))
    for amount in ("3,351.34", "1,942.17", "2,517.18", "5.76"):
        assert amount in page
    assert "比上年 +555.11 万元(+19.85%)" in page  # as the document states it (one year in the package)
    assert "/charts/three-public?document=yaan-zwfwdsj-2020" in page


def test_income_sources_chart(client):
    page = text_of(client.get("/charts/income"))
    assert "一般公共预算财政拨款收入" in page and "1,941.49 万元" in page
    assert "年初财政拨款结转和结余" in page


def test_budget_vs_actual_by_item_with_completion_rates(client):
    page = text_of(client.get("/budget-vs-actual"))
    assert "一般行政管理事务" in page and "1,680.23" in page and "76.98%" in page
    assert "≈ 2,182.68" in page  # derived: 1680.23 ÷ 76.98 %, marked as such
    assert "其他政府办公厅(室)及相关机构事务支出" in page and "17.36%" in page


def test_spending_per_project_with_indicators(client):
    page = text_of(client.get("/projects"))
    assert "雅安市政务云平台服务经费项目" in page and "1,000.00" in page and "592.62" in page and "59.26%" in page
    assert "发布目录总数" in page and "30条" in page and "178条" in page


def test_one_year_has_nothing_to_compare(client):
    page = text_of(client.get("/compare"))
    assert "暂无法比较" in page


@pytest.fixture(scope="module")
def two_years(tmp_path_factory, site):
    """The 2020 disclosure and the same bureau's 2021 one in one site."""
    disclosures = pipeline.load_disclosures(pipeline.DEFAULT_SOURCES, (pipeline.DEFAULT_SOURCES, SECOND_YEAR), lenient=True)
    two = Site(package_dir=site.package_dir, build_dir=tmp_path_factory.mktemp("two-years"))
    build_database(disclosures, two.database_path)
    return Client(datasette_app(two))


def test_pickers_and_year_on_year_once_the_package_holds_several_years(two_years):
    home = text_of(two_years.get("/"))
    assert 'name="org"' in home and 'name="year"' in home
    assert "/compare?org=yaan-zwfwdsj" in home
    assert "比上年" in home
    one = text_of(two_years.get("/?year=2021"))
    assert 'data-document="yaan-zwfwdsj-2021"' in one and 'data-document="yaan-zwfwdsj-2020"' not in one
    compare = text_of(two_years.get("/compare?org=yaan-zwfwdsj"))
    assert "<th class=\"yaan-num\">2020</th>" in compare and "<th class=\"yaan-num\">2021</th>" in compare
    assert "收入总计" in compare and "3,351.34" in compare


def test_change_on_last_year_is_computed_from_the_previous_year(two_years):
    cards = two_years.get("/?year=2021").text
    assert "与上一年度决算相比" in cards
