"""Any 部门决算 disclosure: the corpus of tests/documents/ and a package of many.

Each corpus document is a whole disclosure as a department of some province
publishes it (see tests/documents/README.md): nine written from the national
template in the Sichuan wording, eighteen written *blind* by someone told only
"write the real 部门决算 of department X, province Y, year Z", never what the
extractor reads. Its ``.expected.json`` holds the headline figures it states, as
whoever wrote it read them. They are extracted by the same code as the vendored
2020 document, built into one package with it, validated and served.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from yaan_opendata.errors import SourceError
from yaan_opendata.identify import org_id_for
from yaan_opendata.inputs.text import PAGE_NUMBER, running_headers
from yaan_opendata.pipeline import DEFAULT_PACKAGE, DEFAULT_SOURCES, build, load_disclosures
from yaan_opendata.scoring import score, score_cells
from yaan_opendata.tables import TABLES

DOCUMENTS = Path(__file__).parent / "documents"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in DOCUMENTS.glob("*.expected.json"))
BLIND = [n for n in NAMES if json.loads((DOCUMENTS / f"{n}.expected.json").read_text(encoding="utf-8")).get("blind")]


def source(name: str) -> Path:
    """The document's file: the text of a page or a PDF, or the web page itself."""
    return next(path for suffix in (".txt", ".html") if (path := DOCUMENTS / f"{name}{suffix}").exists())


def source_text(name: str) -> str:
    """What the document says, as a person reads it (a web page without its markup)."""
    path = source(name)
    if path.suffix == ".html":
        from lxml import html

        from yaan_opendata.inputs.html import decode

        return html.fromstring(decode(path.read_bytes())).text_content()
    return path.read_text(encoding="utf-8")


def expected(name: str) -> dict:
    return json.loads((DOCUMENTS / f"{name}.expected.json").read_text(encoding="utf-8"))


def identity(name: str) -> dict:
    """Who published the document and for which year (blind documents: read from its own text)."""
    want = expected(name)
    return want.get("identity") or want["document"]


@pytest.fixture(scope="module")
def disclosures():
    """The corpus, each document extracted (strict: every one reads its headline figures) and
    checked, by document id."""
    files = [source(name) for name in NAMES]
    return {d.document.document_id: d for d in load_disclosures(inputs=files)}


def test_the_corpus_spans_provinces_layouts_and_kinds_of_body():
    assert len(NAMES) >= 25 and len(BLIND) >= len(NAMES) / 2
    provinces = {expected(n)["document"].get("province") for n in BLIND}
    assert {"上海市", "北京市", "广东省", "浙江省", "四川省"} <= {p for p in provinces if p}
    levels = {expected(n)["document"].get("level") for n in BLIND}
    assert {"county", "street", "institution", "district"} <= levels
    formats = {expected(n)["document"].get("format") for n in BLIND}
    assert formats == {"web page text", "pdf text", "html page"}
    variations = " ".join(v for name in NAMES for v in expected(name)["variations"]).lower()
    for words in ("full-width", "decrease", "government fund", "subordinate units", "county", "tab"):
        assert words in variations, words


@pytest.mark.parametrize("name", NAMES)
def test_headline_figures(disclosures, name):
    """Every figure the document states is published with its amount; none is wrong. A figure
    the reader cannot take from the text is listed in known_missing with the reason."""
    want = expected(name)
    found = score(disclosures[identity(name)["document_id"]], want["figures"])
    assert found.wrong == []
    assert sorted(found.missing) == sorted(want.get("known_missing", {}))
    assert len(found.right) == len(want["figures"]) - len(want.get("known_missing", {}))


@pytest.mark.parametrize("name", NAMES)
def test_table_cells(disclosures, name):
    """A copied table (tab-separated rows under a national table's title) is read cell by
    cell: no cell contradicts the person's reading of the document, and the tables add up
    and agree with the explanation (a table that cannot be read is listed, not guessed)."""
    disclosure = disclosures[identity(name)["document_id"]]
    assert score_cells(disclosure, expected(name)["figures"]).wrong == []
    failing = [c.check_id for c in disclosure.consistency_checks if c.family == "tables" and c.status == "fail"]
    assert failing == []


def test_a_table_in_yuan_is_scored_at_the_precision_of_the_explanation(disclosures):
    """宁夏's tables print 元 ("11,416,683.00"), its explanation 万元 ("1141.67万元"), which the
    writer recorded (11416700): the cell is right to the explanation's precision, and a cell
    that does not round to it is wrong."""
    import dataclasses

    name = "ningxia-yinchuan-xingqing-yjj-2023"
    disclosure, want = disclosures[identity(name)["document_id"]], expected(name)["figures"]
    cell = next(c for c in disclosure.table_cells if c.cell_id.endswith(".summary.revenue.income_total.executed"))
    assert (cell.amount_yuan, want["income.total"]) == (11416683, 11416700)
    assert cell.cell_id in score_cells(disclosure, want).right
    off = dataclasses.replace(disclosure, table_cells=[dataclasses.replace(cell, amount_yuan=11416783)])
    assert len(score_cells(off, want).wrong) == 1


def test_the_tables_of_the_corpus_are_read():
    """Documents whose page copies its tables with tabs: most of their tables are read."""
    files = [source(name) for name in NAMES if source(name).suffix == ".txt"]
    tabbed = [f for f in files if f.read_text(encoding="utf-8").count("\t") > 500]
    disclosures = load_disclosures(inputs=tabbed, lenient=True)
    kinds = [{c.table for c in d.table_cells} for d in disclosures]
    assert len(tabbed) >= 15 and all(len(k) >= 5 for k in kinds)
    unread = [i for d in disclosures for i in d.extraction_issues if i.extractor == "tables"]
    assert all(i.reason.endswith("not read, rather than read wrong") for i in unread)


@pytest.mark.parametrize("name", NAMES)
def test_identity_organizations_and_dimensions(disclosures, name):
    want = identity(name)
    disclosure = disclosures[want["document_id"]]
    document = disclosure.document
    assert (document.org_id, document.fiscal_year, document.publisher) == (
        want["org_id"], want["fiscal_year"], want["publisher"])
    if "organizations" in expected(name):
        assert [o.name_zh for o in disclosure.organizations] == expected(name)["organizations"]
    for figure in disclosure.fiscal_figures:
        assert figure.fiscal_year == document.fiscal_year
    for comparison in disclosure.figure_comparisons:
        assert (comparison.document_id, comparison.org_id, comparison.fiscal_year) == (
            document.document_id, document.org_id, document.fiscal_year)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", NAMES)
def test_every_literal_is_printed_in_its_paragraph(disclosures, name):
    disclosure = disclosures[identity(name)["document_id"]]
    text = {p.paragraph_id: p.text for p in disclosure.paragraphs}
    lines = source_text(name).splitlines()
    source = _plain("".join(lines))
    # a PDF's lines are joined where a paragraph wraps, over the page numbers and running headers between them
    headers = running_headers(lines)
    without_page_numbers = _plain("".join(line for i, line in enumerate(lines) if not re.fullmatch(r"\d{1,3}", line.strip())
                                          and not PAGE_NUMBER.match(line.strip()) and i not in headers))
    for figure in disclosure.fiscal_figures:
        if figure.amount_as_published != "无":
            assert figure.amount_as_published in text[figure.paragraph_id], figure.figure_id
        assert figure.literal in text[figure.paragraph_id], figure.figure_id
    for paragraph in disclosure.paragraphs:
        # as published: full-width, spaces and all (a PDF's lines, wrapped at the page width, joined)
        assert _plain(paragraph.text) in source or _plain(paragraph.text) in without_page_numbers


@pytest.mark.parametrize("name", [n for n in NAMES if expected(n).get("left_out")])
def test_parts_worded_otherwise_are_listed_and_the_document_builds(disclosures, name):
    """A part no reader knows (a staffing table, an annex report) costs that part only: it is
    listed with its paragraph and why; a strict build requires only the headline figures."""
    issues = disclosures[identity(name)["document_id"]].extraction_issues
    assert [i.extractor for i in issues if i.kind == "unreadable_section"] == expected(name)["left_out"]
    assert all(i.paragraph_id and i.reason for i in issues)


def test_full_width_and_spaced_numbers_are_read_and_kept_as_printed(disclosures):
    figures = {f.figure_id: f for f in disclosures["yaan-wglj-2020"].fiscal_figures}
    revenue = figures["yaan-wglj-2020.grand_total.revenue"]
    assert (revenue.amount_yuan, revenue.amount_as_published) == (47285700, "4 728.57 万元")
    income = figures["yaan-wglj-2020.income.general_public_budget"]
    assert (income.amount_yuan, income.amount_as_published) == (41265800, "4,126.58万元")
    assert "，" in figures["yaan-wglj-2020.expenditure.basic"].literal or "％" in "".join(
        c.literal for c in disclosures["yaan-wglj-2020"].figure_comparisons)


def test_a_fund_stated_in_words_is_zero_with_a_note(disclosures):
    figures = {f.figure_id: f for f in disclosures["yaan-wglj-2020"].fiscal_figures}
    fund = figures["yaan-wglj-2020.government_fund.expenditure"]
    assert (fund.amount_yuan, fund.amount_as_published, fund.unit_as_published) == (0, "无", None)
    assert "无政府性基金" in fund.literal and "0" in fund.amount_note


def test_unchanged_on_the_prior_year_reads_as_zero(disclosures):
    comparisons = disclosures["yaan-zwfwdsj-2021"].figure_comparisons
    unchanged = [c for c in comparisons if c.value_as_published == "持平"]
    assert unchanged and all(c.value == 0 for c in unchanged)


def test_tab_separated_table_rows_read_as_cells(disclosures):
    disclosure = disclosures["yaan-sjj-2020"]
    assert len(disclosure.performance_projects) == 2
    assert len(disclosure.performance_indicators) >= 12
    assert all("\t" not in p.text for p in disclosure.paragraphs)
    assert len(disclosure.reception_events) == 3


def test_checks_run_per_document(disclosures):
    for document_id, disclosure in disclosures.items():
        assert disclosure.consistency_checks
        assert all(c.document_id == document_id and c.check_id.startswith(f"{document_id}.")
                   for c in disclosure.consistency_checks)
    # the 审计局 prints its reception costs in 元 where the template uses 万元, and 贵阳's
    # 市场监督管理局 every amount: their findings only
    failing = {d: {c.rule_id for c in x.consistency_checks if c.status == "fail"} for d, x in disclosures.items()}
    assert sorted(d for d, rules in failing.items() if "units.money" in rules) == [
        "guiyang-gshqscjdglj-2023", "yaan-sjj-2020"]
    # the 2021 bureau managed three projects and reports one: at least as many, consistent
    projects = [c.status for c in disclosures["yaan-zwfwdsj-2021"].consistency_checks
                if c.rule_id == "counts.performance_projects"]
    assert projects and set(projects) == {"pass"}


def test_amounts_no_template_sentence_reads_are_listed_not_guessed(disclosures):
    # the trip's cost restated at the end of the 因公出国 paragraph ("…管理经验,支出3.60万元。")
    issues = disclosures["yaan-zjj-2020"].extraction_issues
    unread = {(i.paragraph_id, i.literal) for i in issues if i.kind == "unread_amount"}
    assert unread == {("yaan-zjj-2020-p0112", "3.60万元")}
    assert all(i.reason and i.paragraph_id for i in issues)
    figures = {f.figure_id: f for f in disclosures["yaan-zjj-2020"].fiscal_figures}
    assert figures["yaan-zjj-2020.three_public.overseas.detail"].paragraph_id == "yaan-zjj-2020-p0112"
    # a threshold is not an amount: "单价50万元以上通用设备0台" in the vendored document
    assert not load_disclosures()[0].extraction_issues


def test_fund_spending_by_function_where_stated(disclosures):
    # "2020年政府性基金预算拨款支出1520.00万元,主要用于城乡社区支出(类)国有土地使用权出让收入安排的支出(款)
    #  城市建设支出(项)1520.00万元,…"
    disclosure = disclosures["yaan-zjj-2020"]
    figures = {f.figure_id.split(".", 1)[1]: f for f in disclosure.fiscal_figures}
    line = figures["government_fund.functional.2120803"]
    assert (line.amount_yuan, line.fund, line.classification_id) == (15200000, "government_fund", "functional:2120803")
    assert figures["state_capital.functional.2230105"].amount_yuan == 850000
    statuses = [c.status for c in disclosure.consistency_checks if c.rule_id == "sums.fund_items"]
    assert statuses == ["pass", "pass"]
    # 四: "本年财政拨款收入5073.20万元(一般公共预算财政拨款3468.20万元、政府性基金预算财政拨款1520.00万元、…)"
    split = {k: f.amount_yuan for k, f in figures.items() if k.startswith("fiscal_appropriation.grand_total.parts.income.")}
    assert split == {f"fiscal_appropriation.grand_total.parts.income.{budget}": amount for budget, amount in (
        ("general_public_budget", 34682000), ("government_fund", 15200000), ("state_capital", 850000))}
    assert [c.status for c in disclosure.consistency_checks if c.rule_id == "sums.fiscal_income_by_budget"] == ["pass"]


def test_optional_comparisons_some_departments_add(disclosures):
    # 三公 total with its change: "…完成预算96.47%,比2020年减少0.84万元,下降14.58%。"
    comparisons = {c.comparison_id: c for c in disclosures["yaan-zwfwdsj-2021"].figure_comparisons}
    assert comparisons["yaan-zwfwdsj-2021.three_public.total.yoy_change"].value == -8400
    assert comparisons["yaan-zwfwdsj-2021.three_public.total.growth_rate"].value == Decimal("-14.58")
    # the reason names how a part of the totals changed: "本年收入增加306.57万元、年初结转和结余增加79.64万元"
    wglj = {c.comparison_id: c.value for c in disclosures["yaan-wglj-2020"].figure_comparisons}
    assert wglj["yaan-wglj-2020.grand_total.parts.income.yoy_change.grand_total_reason"] == 3065700
    assert wglj["yaan-wglj-2020.grand_total.parts.opening_balance.yoy_change.grand_total_reason"] == 796400
    # money in 亿元 in the work review is a number of the narrative
    metrics = {(m.paragraph_id, m.value_as_published) for m in disclosures["yaan-jyj-2020"].work_metrics}
    assert ("yaan-jyj-2020-p0052", "1.86亿元") in metrics


def test_what_the_totals_are_made_of_is_read_and_checked_where_stated(disclosures):
    # "…收、支总计2710.58万元。其中,本年收入合计1876.42万元,年初结转和结余834.16万元;
    #  本年支出合计2197.85万元,结余分配0万元,年末结转和结余512.73万元。"
    disclosure = disclosures["yaan-zwfwdsj-2021"]
    parts = {f.figure_id.split(".", 1)[1]: f.amount_yuan for f in disclosure.fiscal_figures if ".parts." in f.figure_id}
    assert {k: v for k, v in parts.items() if not k.startswith("fiscal")} == {
        "grand_total.parts.income": 18764200, "grand_total.parts.opening_balance": 8341600,
        "grand_total.parts.expenditure": 21978500, "grand_total.parts.distribution": 0,
        "grand_total.parts.closing_balance": 5127300,
    }
    statuses = {c.rule_id: c.status for c in disclosure.consistency_checks if "_parts" in c.rule_id}
    assert statuses == dict.fromkeys(
        ("sums.grand_total_revenue_parts", "sums.grand_total_expenditure_parts",
         "sums.fiscal_grand_total_revenue_parts", "sums.fiscal_grand_total_expenditure_parts"), "pass")
    # "收入总计中,本年收入合计40813.62万元,…" in a sentence of its own (教育局)
    jyj = {f.figure_id.split(".", 1)[1]: f.amount_yuan for f in disclosures["yaan-jyj-2020"].fiscal_figures}
    assert jyj["grand_total.parts.income"] == jyj["income.total"] == 408136200


# --- one package of many documents ---------------------------------------------------


@pytest.fixture(scope="module")
def package(many_documents):
    return many_documents[1]


def read_rows(folder: Path, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_package_holds_every_document_with_department_and_year(package):
    documents = {row["document_id"]: row for row in read_rows(package, "documents")}
    assert len(documents) == len(NAMES) + 1
    assert {row["fiscal_year"] for row in documents.values()} == {str(y) for y in range(2019, 2026)}
    figures = read_rows(package, "fiscal_figures")
    assert {row["document_id"] for row in figures} == set(documents)
    for table in TABLES:
        names = [f.name for f in table.fields]
        if table.name not in ("documents", "organizations", "classifications"):
            assert {"document_id", "org_id", "fiscal_year"} <= set(names), table.name


def test_adding_documents_changes_no_row_of_the_published_one(package):
    """Every row of the committed single-document package is in the many-document one,
    byte for byte; only the organizations (described by their latest year) may differ."""
    for table in TABLES:
        if table.name == "organizations":
            continue
        alone = (DEFAULT_PACKAGE / f"{table.name}.csv").read_text(encoding="utf-8").splitlines()
        together = set((package / f"{table.name}.csv").read_text(encoding="utf-8").splitlines())
        assert [line for line in alone if line not in together] == [], table.name


def test_the_same_department_in_two_years_is_one_organization(package):
    organizations = read_rows(package, "organizations")
    ids = [row["org_id"] for row in organizations]
    assert len(ids) == len(set(ids))
    units = [row for row in organizations if row["parent_org_id"] == "yaan-zwfwdsj"]
    assert len(units) == 3
    years = {row["fiscal_year"] for row in read_rows(package, "fiscal_figures") if row["org_id"] == "yaan-zwfwdsj"}
    assert years == {"2020", "2021"}


def test_observations_carry_organization_and_fiscal_year(package):
    from yaan_opendata.rdf.query import base_iri_for, load_store, run

    store = load_store(package)
    query = """
        SELECT ?year (COUNT(DISTINCT ?org) AS ?orgs) (COUNT(?obs) AS ?n) WHERE {
          ?obs a qb:Observation ; obeu-dimension:fiscalYear ?year ; obeu-dimension:organization ?org .
        } GROUP BY ?year ORDER BY ?year"""
    rows = [[term.value for term in row] for row in run(store, query, base_iri_for(store))]
    documents = read_rows(package, "documents")
    orgs_by_year = {year: {d["org_id"] for d in documents if d["fiscal_year"] == year}
                    for year in sorted({d["fiscal_year"] for d in documents})}
    assert [row[0].rsplit("/", 1)[-1] for row in rows] == list(orgs_by_year)
    assert [int(row[1]) for row in rows] == [len(orgs) for orgs in orgs_by_year.values()]
    assert len(orgs_by_year["2020"]) == 6  # six departments in 2020
    # every fact of the package is an observation (each once, however often stated), and so is
    # every table cell with an amount
    facts = read_rows(package, "facts")
    cells = [row for row in read_rows(package, "table_cells") if row["amount_yuan"]]
    assert len(facts) < len(read_rows(package, "fiscal_figures"))
    assert cells and sum(int(row[2]) for row in rows) == len(facts) + len(cells)


# --- strict, lenient, refused ------------------------------------------------------


def _copy(tmp_path: Path, name: str, edit=None) -> Path:
    """A test document copied alone into a folder without a manifest (identity from its text)."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    changed = edit(text) if edit else text
    assert edit is None or changed != text
    (folder / f"{name}.txt").write_text(changed, encoding="utf-8")
    return folder / f"{name}.txt"


def _break_reception(text: str) -> str:
    """公务接待费 worded as no template does: the headline figure three_public.reception is not read."""
    return text.replace("公务接待费", "公务招待费")


def test_strict_stops_when_a_headline_figure_is_not_read(tmp_path):
    path = _copy(tmp_path, "yaan-jyj-2020", _break_reception)
    with pytest.raises(SourceError, match=r"document yaan-jyj-2020, paragraph yaan-jyj-2020-p\d{4}: headline figure "
                                          r"three_public\.reception \(公务接待费\) not read in its chapter; an amount "
                                          r"here was left unread: '.*万元', words between the name and the amount not "
                                          r"understood: '公务招待费'"):
        load_disclosures(inputs=[path])


def test_lenient_publishes_what_was_read_and_lists_what_was_not(tmp_path):
    path = _copy(tmp_path, "yaan-jyj-2020", _break_reception)
    out = tmp_path / "package"
    (disclosure,) = build(out_dir=out, inputs=[path], lenient=True)
    figures = {f.figure_id.split(".", 1)[1] for f in disclosure.fiscal_figures}
    # each figure stands alone: the other 三公 figures of the same sentences are published
    assert {"three_public.total", "three_public.overseas", "three_public.vehicles"} <= figures
    assert "three_public.reception" not in figures and "three_public.reception.detail" not in figures
    unread = [i for i in disclosure.extraction_issues if i.kind == "unread_amount" and "公务招待费" in i.reason]
    assert unread and all(i.paragraph_id for i in unread)
    assert any("公务招待费" in row["reason"] for row in read_rows(out, "extraction_issues"))


def test_a_document_outside_the_template_is_refused_in_both_modes(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("2020年度雅安市某某局部门决算\n发布时间:2021-09-01\n一、工作总结\n全年支出100万元。\n",
                    encoding="utf-8")
    for lenient in (False, True):
        with pytest.raises(SourceError, match="not a 部门决算 disclosure in the national template"):
            load_disclosures(inputs=[path], lenient=lenient)
    unrelated = tmp_path / "other" / "news.txt"
    unrelated.parent.mkdir()
    unrelated.write_text("市政府召开常务会议\n会议研究了有关事项。\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no title naming a department and a year"):
        load_disclosures(inputs=[unrelated])


def test_a_chapter_headed_otherwise_is_named_when_strict_and_left_out_when_lenient(tmp_path):
    path = _copy(tmp_path, "yaan-zjj-2020", lambda text: text.replace(
        "六、一般公共预算财政拨款基本支出决算情况说明", "六、关于人员和公用经费的说明"))
    with pytest.raises(SourceError, match=r"headline figure general_public_budget\.basic \(一般公共预算财政拨款基本支出\) "
                                          r"not read: no chapter headed like ACCOUNTS / BASIC_EXPENDITURE"):
        load_disclosures(inputs=[path])
    (disclosure,) = load_disclosures(inputs=[path], lenient=True)
    figures = {f.figure_id.split(".", 1)[1] for f in disclosure.fiscal_figures}
    assert "expenditure.total" in figures and "general_public_budget.basic" not in figures
    assert any(i.kind == "unread_amount" for i in disclosure.extraction_issues)


def test_a_file_no_manifest_lists_gets_its_identity_from_its_text(tmp_path):
    path = _copy(tmp_path, "yingjing-nyncj-2020")
    (disclosure,) = load_disclosures(inputs=[path])
    document = disclosure.document
    assert document.org_id == org_id_for("荥经县农业农村局")
    assert document.document_id == f"{document.org_id}-2020"
    assert (document.fiscal_year, document.published.isoformat()) == (2020, "2021-09-22")
    assert document.publisher == "荥经县农业农村局"


def test_the_cli_builds_from_source_files(tmp_path):
    from click.testing import CliRunner

    from yaan_opendata.cli import cli

    first = _copy(tmp_path, "yaan-sjj-2020")
    second = tmp_path / "in" / "yaan-zjj-2020.txt"
    shutil.copy(DOCUMENTS / "yaan-zjj-2020.txt", second)
    out = tmp_path / "package"
    result = CliRunner().invoke(cli, ["build", "--source", str(first), "--source", str(second), "--package", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 document(s)" in result.output
    assert len(read_rows(out, "documents")) == 2


def test_the_package_lists_the_parts_that_did_not_read(package):
    skipped = {(row["document_id"], row["extractor"]) for row in read_rows(package, "extraction_issues")
               if row["kind"] == "unreadable_section"}
    assert skipped >= {(identity(n)["document_id"], extractor)
                       for n in NAMES for extractor in expected(n).get("left_out", ())}


def test_ranks_stated_for_groups_of_units(disclosures):
    # "其中,8个县(区)生态环境局为市生态环境局派出机构,均为正科级;…"
    bureaus = [o for o in disclosures["yaan-sthjj-2021"].organizations if o.name_zh.endswith("县生态环境局")
               or o.name_zh.endswith("区生态环境局")]
    assert len(bureaus) == 8 and {(o.org_type, o.rank) for o in bureaus} == {("administrative", "正科级")}
    # "天全县人民医院、天全县中医医院为正科级事业单位,…,其余15个乡镇卫生院为股级事业单位。"
    units = {o.name_zh: o.rank for o in disclosures["tianquan-wjj-2019"].organizations}
    assert units["天全县人民医院"] == units["天全县中医医院"] == "正科级"
    assert sum(1 for rank in units.values() if rank == "股级") == 15


def test_a_text_dropped_into_a_folder_with_a_manifest_is_built_too(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, folder)
    shutil.copy(DOCUMENTS / "yaan-sjj-2020.txt", folder / "sjj.txt")  # not in the manifest
    ids = [d.document.document_id for d in load_disclosures(inputs=[folder])]
    assert ids == [f"{org_id_for('雅安市审计局')}-2020", "yaan-zwfwdsj-2020"]


def test_a_lenient_package_is_valid_when_a_part_is_left_out(tmp_path):
    """A project whose narrative no reader takes is left out with its indicator rows and
    figures, so the package that lenient mode publishes still validates (foreign keys)."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (DEFAULT_SOURCES / "yaan-zwfwdsj-2020.txt").read_text(encoding="utf-8")
    text = text.replace("项目全年预算数90.79万元,执行数为90.79万元", "项目预算与执行情况见下表")
    (folder / "zwfwdsj.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "package"
    (disclosure,) = build(out_dir=out, inputs=[folder / "zwfwdsj.txt"], lenient=True)
    assert any(i.extractor == "performance_projects" for i in disclosure.extraction_issues)
    projects = {p.project_id for p in disclosure.performance_projects}
    assert all(i.project_id in projects for i in disclosure.performance_indicators)
    from yaan_opendata.validate import validate_package

    assert validate_package(out) == []


def test_amounts_said_again_agree_with_the_first_statement(disclosures):
    """Every statement the reader takes for a fact said again gives the fact's amount. What
    this caught, now read right: 年初结转和结余's parts by budget under 其中 were taken for
    income, and so was 一般公共预算财政拨款支出 (支出 after an income's name); 无国外公务接待支出
    for the whole reception. What it still flags: one chapter of 杭州西湖区 whose 年初/年末结转和结余
    of all funds is read as the government fund's (the fact keeps that first amount)."""
    failing = sorted(
        (doc_id, c.check_id.split(".said_again.", 1)[1])
        for doc_id, d in disclosures.items() for c in d.consistency_checks
        if c.rule_id == "restatements.said_again" and c.status == "fail"
    )
    assert failing == [
        ("hangzhou-xhqwhhgdlytyj-2023", "government_fund.closing_balance.restated"),
        ("hangzhou-xhqwhhgdlytyj-2023", "government_fund.opening_balance.restated"),
    ]
    checked = [c for d in disclosures.values() for c in d.consistency_checks if c.rule_id == "restatements.said_again"]
    assert len(checked) > 150
