"""One small disclosure in the national template, written as a PDF, a web page and a workbook.

The same content (headings, paragraphs, three of the statistical tables) is rendered
by reportlab (with its built-in CJK font STSong-Light, so nothing is downloaded),
as HTML (tables with colspan/rowspan) and as an .xlsx workbook (a sheet per table,
merged header cells), so that tests can read the three and compare what they give.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "上海市测试局2024年度部门决算"

# A table: its title, its unit line, its header rows and body rows. In a header, None is
# a position the cell to its left spans over, "^" one the cell above spans over.
SUMMARY = (
    "收入支出决算总表",
    "单位：万元",
    [["收入", None, "支出", None], ["项目", "决算数", "项目", "决算数"]],
    [
        ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"],
        ["二、政府性基金预算财政拨款收入", "", "二、社会保障和就业支出", "326.71"],
        ["八、其他收入", "6.20", "三、卫生健康支出", "60.99"],
        ["", "", "四、住房保障支出", "445.69"],
        ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"],
        ["年初结转和结余", "49.14", "年末结转和结余", "55.34"],
        ["总计", "2,995.39", "总计", "2,995.39"],
    ],
)
EXPENDITURE = (
    "支出决算表",
    "单位：万元",
    [["项目", None, None, None, "本年支出合计", "基本支出", "项目支出"],
     ["科目编码", None, None, "科目名称", "^", "^", "^"],
     ["类", "款", "项", "^", "^", "^", "^"]],
    [
        ["", "", "", "合计", "2,940.05", "2,336.91", "603.14"],
        ["201", "", "", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"],
        ["201", "06", "", "财政事务", "2,106.66", "1,503.52", "603.14"],
        ["201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37"],
        ["201", "06", "08", "财政委托业务支出", "594.77", "", "594.77"],
        ["208", "", "", "社会保障和就业支出", "326.71", "326.71", ""],
        ["208", "05", "", "行政事业单位养老支出", "326.71", "326.71", ""],
        ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "326.71", "326.71", ""],
        ["210", "", "", "卫生健康支出", "60.99", "60.99", ""],
        ["210", "11", "", "行政事业单位医疗", "60.99", "60.99", ""],
        ["210", "11", "01", "行政单位医疗", "60.99", "60.99", ""],
        ["221", "", "", "住房保障支出", "445.69", "445.69", ""],
        ["221", "02", "", "住房改革支出", "445.69", "445.69", ""],
        ["221", "02", "01", "住房公积金", "445.69", "445.69", ""],
    ],
)
THREE_PUBLIC = (
    "财政拨款“三公”经费支出决算表",
    "单位：万元",
    [["合计", None, "因公出国(境)费", None, "公务用车购置及运行维护费", None, None, None, None, None, "公务接待费", None],
     ["^", "^", "^", "^", "小计", None, "公务用车购置费", None, "公务用车运行维护费", None, "^", "^"],
     ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"]],
    [["8.00", "6.50", "0.00", "0.00", "5.00", "4.20", "0.00", "0.00", "5.00", "4.20", "3.00", "2.30"]],
)
TABLES = (SUMMARY, EXPENDITURE, THREE_PUBLIC)

PROSE = [
    ("h", "第一部分 上海市测试局概况"),
    ("h", "一、主要职能"),
    ("p", "上海市测试局是主管全区测试工作的区政府工作部门。"),
    ("h", "第二部分 上海市测试局2024年度部门决算表"),
    ("tables", None),
    ("h", "第三部分 上海市测试局2024年度部门决算情况说明"),
    ("h", "一、收入支出决算总体情况说明"),
    ("p", "上海市测试局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，"
          "下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。"),
    ("h", "二、收入决算情况说明"),
    ("p", "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.20万元，占0.21%。"),
    ("h", "三、支出决算情况说明"),
    ("p", "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。"),
    ("h", "四、财政拨款收入支出决算总体情况说明"),
    ("p", "上海市测试局2024年度财政拨款收入支出总计2961.68万元。与2023年度相比，财政拨款收入支出总计持平。"),
    ("h", "五、一般公共预算财政拨款支出决算情况说明"),
    ("p", "一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。"),
    ("h", "六、一般公共预算财政拨款基本支出决算情况说明"),
    ("p", "一般公共预算财政拨款基本支出2336.91万元。其中：人员经费2152.26万元，主要包括：基本工资、津贴补贴；"
          "公用经费184.65万元，主要包括：办公费、印刷费。"),
    ("h", "七、财政拨款“三公”经费支出决算情况说明"),
    ("p", "“三公”经费财政拨款支出年初预算为8.00万元，支出决算为6.50万元，完成预算的81.25%，其中：因公出国（境）费"
          "决算为0.00万元；公务用车购置及运行维护费支出决算为4.20万元；公务接待费支出决算为2.30万元。"),
    ("h", "八、政府性基金预算财政拨款收入支出决算情况说明"),
    ("p", "上海市测试局2024年度无政府性基金预算财政拨款收入和支出。"),
    ("h", "九、国有资本经营预算财政拨款收入支出决算情况说明"),
    ("p", "上海市测试局2024年度无国有资本经营预算财政拨款收入和支出。"),
    ("h", "第四部分 名词解释"),
    ("p", "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。"),
]


def write_pdf(path: Path, *, tables: bool = True, encrypt: str | None = None) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, firstLineIndent=24,
                          wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=24)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=26, alignment=1, firstLineIndent=0)
    story = [Paragraph("上海市测试局", title), Paragraph("2024年度部门决算", title), PageBreak()]
    for kind, text in PROSE:
        if kind == "tables":
            if tables:
                for table in TABLES:
                    story += _pdf_table(table, Paragraph, Table, TableStyle, colors, body, title)
            story.append(PageBreak())
        else:
            story.append(Paragraph(text, heading if kind == "h" else body))
            story.append(Spacer(1, 2))

    def page(canvas, doc):  # a running header and a page number, as departments print them
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 30, TITLE)
        canvas.drawCentredString(A4[0] / 2, 25, f"- {doc.page} -")

    document = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt)
    document.build(story, onFirstPage=page, onLaterPages=page)
    return path


def spans(header) -> list[tuple[int, int, int, int]]:
    """(row, column, last row, last column) of every header cell that spans more than one position."""
    found = []
    for r, row in enumerate(header):
        for c, cell in enumerate(row):
            if cell is None or cell == "^":
                continue
            right = c
            while right + 1 < len(row) and row[right + 1] is None:
                right += 1
            down = r
            while down + 1 < len(header) and header[down + 1][c] == "^":
                down += 1
            if right > c or down > r:
                found.append((r, c, down, right))
    return found


def _pdf_table(table, Paragraph, Table, TableStyle, colors, body, title):
    name, unit, header, rows = table
    grid = [[cell if cell not in (None, "^") else "" for cell in row] for row in header] + [list(row) for row in rows]
    spanned = [("SPAN", (c, r), (right, down)) for r, c, down, right in spans(header)]
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 7),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spanned])
    return [Paragraph(name, title), Paragraph(unit, body), Table(grid, style=style, repeatRows=0)]


def write_html(path: Path, *, encoding: str = "utf-8", tables: bool = True) -> Path:
    parts = [f'<html><head><meta charset="{encoding}"><title>{TITLE}</title></head><body>',
             '<div class="nav">首页 &gt; 政务公开 &gt; 部门决算</div>', f"<h1>{TITLE}</h1>",
             "<p>发布日期：2025-09-19 来源：上海市测试局</p>"]
    for kind, text in PROSE:
        if kind == "tables":
            if tables:
                parts += [_html_table(table) for table in TABLES]
        elif kind == "h":
            parts.append(f"<p><strong>{text}</strong></p>")
        else:
            parts.append(f"<p>{text}</p>")
    parts.append("<script>var x = '1000万元';</script></body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def _html_table(table) -> str:
    name, unit, header, rows = table
    extent = {(r, c): (down - r + 1, right - c + 1) for r, c, down, right in spans(header)}
    out = [f"<p>{name}</p>", f"<p>{unit}</p>", "<table border='1'>"]
    for r, row in enumerate(header):
        cells = []
        for c, cell in enumerate(row):
            if cell is None or cell == "^":
                continue
            rowspan, colspan = extent.get((r, c), (1, 1))
            cells.append(f"<th colspan='{colspan}' rowspan='{rowspan}'>{cell}</th>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def write_xlsx(path: Path) -> Path:
    """The tables alone, a sheet each, with merged header cells and number formats."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, unit, header, rows in TABLES:
        sheet = book.create_sheet(title=name[:31].replace("“", "").replace("”", ""))
        sheet.append([name])
        sheet.append([unit])
        for r, row in enumerate(header, start=3):
            for c, cell in enumerate(row, start=1):
                if cell not in (None, "^"):
                    sheet.cell(r, c, cell)
        for r, c, down, right in spans(header):
            sheet.merge_cells(start_row=3 + r, start_column=c + 1, end_row=3 + down, end_column=right + 1)
        for row in rows:
            values = []
            for cell in row:
                number = cell.replace(",", "")
                values.append(float(number) if number and number.replace(".", "").isdigit() else cell)
            sheet.append(values)
            for column, (value, printed) in enumerate(zip(values, row), start=1):
                if isinstance(value, float) and "." in printed:  # amounts; codes stay plain numbers
                    sheet.cell(sheet.max_row, column).number_format = "#,##0.00"
    book.save(path)
    return path


def write_text(path: Path, *, compressed: bool = False) -> Path:
    """The web page copied as text: a line per paragraph, a table's rows as tab-separated
    cells. A spanning header cell is printed once and the positions it spans are left
    empty; ``compressed`` leaves them out, as some copies do, so that the header rows no
    longer stand over their columns."""
    lines = [TITLE, "发布日期：2025-09-19\t来源：上海市测试局"]
    for kind, text in PROSE:
        if kind != "tables":
            lines.append(text)
            continue
        for name, unit, header, rows in TABLES:
            lines += [name, f"部门：上海市测试局\t\t{unit}"]
            for row in header:
                cells = ["" if cell in (None, "^") else cell for cell in row]
                if compressed:
                    cells = [cell for cell in row if cell not in (None, "^")]
                lines.append("\t".join(cells))
            lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
