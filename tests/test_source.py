"""Splitting a source into numbered paragraphs with their section paths."""

from yaan_opendata.source import heading_marker, split_paragraphs


def test_every_non_empty_line_is_a_numbered_paragraph(seed_doc):
    paragraphs = seed_doc.paragraphs
    assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert paragraphs[0].paragraph_id == "yaan-zwfwdsj-2020-p0001"
    assert all(p.text == p.text.strip() and p.text for p in paragraphs)


def test_section_path_follows_the_template_numbering(seed_doc):
    line = next(p for p in seed_doc.paragraphs if p.text.startswith("2. 一般公共服务支出(类)"))
    assert line.section_path == "第二部分 / 五、 / (三) / 2."
    assert line.section_title.startswith("2. 一般公共服务支出")
    review = next(p for p in seed_doc.paragraphs if p.text.startswith("(4)科学管理政务大厅"))
    assert review.section_path == "第一部分 / 一、 / (二) / 1. / (4)"


def test_table_of_contents_is_not_mistaken_for_the_sections(seed_doc):
    contents = [p for p in seed_doc.paragraphs if p.section_path == "目录"]
    assert contents[0].text == "目录"
    assert contents[-1].text == "十四、国有资本经营预算财政拨款支出决算表"
    first_part = [p for p in seed_doc.paragraphs if p.text == "第一部分 部门概况"]
    assert first_part[0].section_path == "第一部分"


def test_annex_reports_restart_the_chapter_numbering(seed_doc):
    cloud = next(p for p in seed_doc.paragraphs if p.text.startswith("雅安市政务云平台服务经费项目2020年绩效评价报告"))
    assert cloud.section_path == "第四部分 / 附件2 / 雅安市政务云平台服务经费项目2020年绩效评价报告"
    overview = seed_doc.paragraphs[cloud.number]  # the next line: 一、项目概况
    assert overview.section_path.endswith("绩效评价报告 / 一、")


def test_heading_markers_are_not_confused_with_amounts():
    assert heading_marker("90.79万元") is None
    assert heading_marker("(2020年度)") is None
    assert heading_marker("(图1:收、支决算总计变动情况图)(单位:万元)") is None
    assert heading_marker("8、年末结转和结余:指…") == ("item", "8、")
    assert heading_marker("(三)人员概况。") == ("section", "(三)")


def test_lines_before_any_heading_are_front_matter():
    paragraphs = list(split_paragraphs("doc", "标题\n\n第一部分 概况\n正文"))
    assert [p.section_path for p in paragraphs] == ["卷首", "第一部分", "第一部分"]
