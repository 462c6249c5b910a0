"""A disclosure published as a PDF, a web page, the page copied as text, or a page with its
tables in a workbook.

The fixture disclosure (tests/inputs/fixture.py) is written in each format in the test
session (reportlab with its built-in CJK font, lxml-readable HTML, openpyxl), read back
and compared: the same paragraphs' figures and the same table cells, whatever the format.
"""

from __future__ import annotations

import pytest

from yaan_opendata.pipeline import build, load_disclosures
from yaan_opendata.validate import validate_package


def _read(folder):
    (disclosure,) = load_disclosures(inputs=[folder])
    return disclosure


def _cells(disclosure) -> set:
    return {(c.table, c.row_key, c.column, c.amount_yuan) for c in disclosure.table_cells}


def _figures(disclosure) -> dict:
    return {f.figure_id.split(".", 1)[1]: f.amount_yuan for f in disclosure.fiscal_figures}


def test_a_pdf_reads_as_paragraphs_and_tables(formats):
    disclosure = _read(formats["pdf"])
    texts = [p.text for p in disclosure.paragraphs]
    # the running header and the page numbers are not paragraphs; the cover is
    assert "上海市测试局" in texts and not any(t.startswith("- ") and t.endswith(" -") for t in texts)
    assert texts.count("上海市测试局2024年度部门决算") == 0
    # a paragraph wrapped over lines is one paragraph, with the page it is printed on
    basic = next(p for p in disclosure.paragraphs if p.text.startswith("一般公共预算财政拨款基本支出"))
    assert "公用经费184.65万元" in basic.text and basic.page >= 2
    figures = _figures(disclosure)
    assert (figures["general_public_budget.basic.personnel"], figures["general_public_budget.basic.public"]) == (
        21522600, 1846500)
    assert disclosure.document.published is None  # a PDF prints no publication date


def test_the_nine_tables_are_read_by_title_and_header_words(formats):
    disclosure = _read(formats["pdf"])
    cells = {(c.table, c.row_key, c.column): c for c in disclosure.table_cells}
    # 类/款/项 split over three columns, the header over three rows with merged cells
    line = cells[("expenditure", "2010601", "project")]
    assert (line.amount_yuan, line.amount_as_published, line.unit_as_published) == (83700, "8.37", "万元")
    assert line.classification_id == "functional:2010601" and line.page is not None
    # a two-sided table: each side keyed by its own labels
    assert cells[("summary", "revenue.grand_total", "executed")].amount_yuan == 29953900
    assert cells[("summary", "expenditure.closing_balance", "executed")].amount_yuan == 553400
    assert cells[("summary", "expenditure.208", "executed")].classification_id == "functional:208"
    # the “三公” table's columns, named by their header words over three rows
    three = {column: c.amount_yuan for (table, _, column), c in cells.items() if table == "three_public"}
    assert three == {"total.budget": 80000, "total": 65000, "overseas.budget": 0, "overseas": 0,
                     "vehicles.budget": 50000, "vehicles": 42000, "vehicle_purchase.budget": 0,
                     "vehicle_purchase": 0, "vehicle_operation.budget": 50000, "vehicle_operation": 42000,
                     "reception.budget": 30000, "reception": 23000}
    # an empty cell is not stated: no record
    assert ("expenditure", "208", "project") not in cells


def test_cells_are_linked_to_the_explanation_and_checked_against_it(formats):
    disclosure = _read(formats["pdf"])
    cell = next(c for c in disclosure.table_cells if c.table == "expenditure" and c.row_key == "total"
                and c.column == "total")
    assert cell.figure_key == "expenditure.total" and cell.figure_id.endswith(".expenditure.total")
    statuses = {}
    for check in disclosure.consistency_checks:
        if check.rule_id.startswith("tables."):
            statuses.setdefault(check.rule_id, set()).add(check.status)
    assert statuses["tables.prose"] == {"pass"}
    assert statuses["tables.rows"] <= {"pass", "rounding"} and statuses["tables.columns"] == {"pass"}
    assert statuses["tables.sides"] == {"pass"}


def test_the_same_disclosure_gives_the_same_records_in_every_format(formats):
    pdf, html, gbk, split, text = (_read(formats[name]) for name in ("pdf", "html", "gbk", "split", "text"))
    assert _cells(pdf) == _cells(html) == _cells(gbk) == _cells(split) == _cells(text)
    assert len(_cells(pdf)) == 56
    assert _figures(pdf) == _figures(html) == _figures(gbk) == _figures(split) == _figures(text)
    assert split.document.file == "page.html + tables.xlsx"
    assert html.document.published.isoformat() == "2025-09-19"


def test_a_pdf_builds_a_valid_package(formats, tmp_path):
    out = tmp_path / "package"
    (disclosure,) = build(out_dir=out, inputs=[formats["pdf"]])
    assert validate_package(out) == []
    assert (out / "table_cells.csv").read_text(encoding="utf-8").count("\n") == len(disclosure.table_cells) + 1


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_web_page_in_any_declared_encoding(formats, encoding, tmp_path):
    import fixture

    path = fixture.write_html(tmp_path / "page.html", encoding=encoding)
    (disclosure,) = load_disclosures(inputs=[path])
    assert disclosure.document.publisher == "上海市测试局"
    assert not any("1000万元" in p.text for p in disclosure.paragraphs)  # scripts are not text


def test_a_copied_table_whose_header_no_longer_stands_over_its_columns_is_not_read(tmp_path):
    """Spanning header cells printed once, with no empty positions after them: the amount
    columns cannot be told apart. The table is listed as unreadable; no cell is guessed."""
    import fixture

    path = fixture.write_text(tmp_path / "disclosure.txt", compressed=True)
    (disclosure,) = load_disclosures(inputs=[path], lenient=True)
    reasons = {i.reason for i in disclosure.extraction_issues if i.extractor == "tables"}
    assert reasons == {
        "table 2 (支出决算表): amounts stand in column 5 under no header; not read, rather than read wrong",
        "table 3 (财政拨款“三公”经费支出决算表): the header names the column reception, reception.budget more "
        "than once; not read, rather than read wrong",
    }
    assert {c.table for c in disclosure.table_cells} == {"summary"}  # its header reads the same either way


def test_tab_separated_lines_that_are_not_a_national_table_stay_lines(tmp_path):
    """A project's self-evaluation form or a page's metadata block, copied with tabs, is text
    the other readers read line by line."""
    from yaan_opendata.inputs import TableBlock, text

    path = tmp_path / "page.txt"
    path.write_text("索引号：\t1134/2024-00017\t发布日期：\t2024-09-23\n项目支出绩效自评表\n"
                    "项目名称\t法律援助办案补贴\n项目资金（万元）\t年初预算数\t全年执行数\n年度资金总额\t560.00\t512.86\n"
                    "收入决算表\n部门：某局\t\t金额单位：万元\n项目\t本年收入合计\t财政拨款收入\n合计\t9.00\t9.00\n",
                    encoding="utf-8")
    blocks = text.read_blocks(path, "page")
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    assert [t.rows for t in tables] == [(("项目", "本年收入合计", "财政拨款收入"), ("合计", "9.00", "9.00"))]
    assert "项目资金（万元）\t年初预算数\t全年执行数" in blocks and "部门：某局\t\t金额单位：万元" in blocks


def test_the_cells_are_data_cube_observations_that_pass_every_check(formats, tmp_path):
    """Each cell with an amount is a qb:Observation with the table's dimensions (table, row,
    column, phase, fund, flow, code); the Data Cube integrity constraints, the OBEU checks and
    the SHACL shapes hold on the graph."""
    import pyoxigraph as ox

    from yaan_opendata.rdf.validation import check_package_graph

    out = tmp_path / "package"
    (disclosure,) = build(out_dir=out, inputs=[formats["pdf"]])
    assert check_package_graph(out) == []
    store = ox.Store()
    store.load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in {
        "qb": "http://purl.org/linked-data/cube#", "yaan": "https://yaan-opendata.github.io/def/",
        "obeu-measure": "http://data.openbudgets.eu/ontology/dsd/measure/",
        "table": "https://yaan-opendata.github.io/def/codelist/table/"}.items())
    rows = list(store.query(prologue + """
        SELECT ?row ?amount WHERE {
          ?cell a qb:Observation ; yaan:table table:expenditure ; yaan:column "total" ;
                yaan:row_key ?row ; obeu-measure:amount ?amount ; yaan:functionalClassification ?code .
        } ORDER BY ?row"""))
    cells = {c.row_key: c.amount_yuan for c in disclosure.table_cells
             if c.table == "expenditure" and c.column == "total" and c.classification_id}
    assert {r["row"].value: int(float(r["amount"].value)) for r in rows} == cells
    observed = next(iter(store.query(prologue + "SELECT (COUNT(*) AS ?n) WHERE { ?c yaan:cellIdentifier ?id }")))
    assert int(observed["n"].value) == len(disclosure.table_cells)
