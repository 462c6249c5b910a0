"""Counts listed part by part: migration batches and catalogue resource types."""

from builders import checks, metric, statuses

from yaan_opendata.checks.breakdowns import batch_runs

REPORT = (  # 附件2: the batches in one paragraph, the total in another of the same report
    metric("annex2.project.2.p0031.1", "已布置N个机柜", "106", "个", paragraph=31),
    metric("annex2.project.2.p0031.2", "第一批次N个信息系统迁移工作于", "28", "个", paragraph=31),
    metric("annex2.project.2.p0031.3", "第二批次N个信息系统迁移工作于", "33", "个", paragraph=31),
    metric("annex2.project.2.p0031.4", "第三批次N个信息系统迁移工作于", "32", "个", paragraph=31),
    metric("annex2.project.2.p0031.5", "第四批次信息系统于2020年10月底完成N个信息系统迁移工作", "44", "个", paragraph=31),
    metric("annex2.project.2.p0056.1", "全市非涉密信息系统迁移上云信息系统共计N个", "137", "个", paragraph=56),
)
# an indicator cell: "第一批次2019年底完成28个;第二批次2020年4月完成33个;第三批次2020年7月份完成32个;2020年10月底完成46个。"
CELL = (
    metric("project.2.indicator_cell.p0073.1", "第一批次2019年底完成N个", "28", "个", paragraph=73),
    metric("project.2.indicator_cell.p0073.2", "第二批次2020年4月完成N个", "33", "个", paragraph=73),
    metric("project.2.indicator_cell.p0073.3", "第三批次2020年7月份完成N个", "32", "个", paragraph=73),
    metric("project.2.indicator_cell.p0073.4", "2020年10月底完成N个", "46", "个", paragraph=73),
)


def test_a_list_drops_the_ordinal_of_its_last_item_only():
    assert [[m.value for m in run] for run in batch_runs(list(CELL))] == [[28, 33, 32, 46]]
    # the last item continues the list only when it is the paragraph's last number and no total
    assert [len(run) for run in batch_runs([*CELL[:3], metric("x", "共计N个", "93", "个")])] == [3]
    assert [len(run) for run in batch_runs([*CELL, metric("y", "涉及部门N个", "15", "个")])] == [3]
    assert batch_runs([CELL[0], CELL[3]]) == []  # one numbered batch is no list


def test_the_batches_add_up_to_the_total_of_the_same_report():
    check = checks(*REPORT, family="counts")["counts.batches.annex2.project.2.p0031"]
    assert (check.status, check.expected, check.observed) == ("pass", 137, 137)
    fourth = metric("annex2.project.2.p0031.5", "第四批次信息系统于2020年10月底完成N个信息系统迁移工作", "46", "个", paragraph=31)
    check = checks(*REPORT[:4], fourth, REPORT[5], family="counts")["counts.batches.annex2.project.2.p0031"]
    assert (check.status, check.expected, check.note) == ("fail", 139, "28个 + 33个 + 32个 + 46个 = 139个, stated 137个")
    # the table's list has no total in its own cells: no identity is asserted
    assert not [k for k in statuses(*CELL, family="counts") if k.startswith("counts.batches")]


def test_each_batch_of_the_table_has_the_reports_count():
    result = checks(*REPORT, *CELL, family="restatements")
    batches = {k.removeprefix("restatements.batches."): c for k, c in result.items() if "batches" in k}
    assert {k: c.status for k, c in batches.items()} == {
        "annex2.project.2.p0031.2.project.2.indicator_cell.p0073.1": "pass",
        "annex2.project.2.p0031.3.project.2.indicator_cell.p0073.2": "pass",
        "annex2.project.2.p0031.4.project.2.indicator_cell.p0073.3": "pass",
        "annex2.project.2.p0031.5.project.2.indicator_cell.p0073.4": "fail",  # 46 in the table, 44 in the report
    }
    fourth = batches["annex2.project.2.p0031.5.project.2.indicator_cell.p0073.4"]
    assert (fourth.expected, fourth.observed, fourth.description_zh) == (46, 44, "第四批次完成数与绩效表一致")
    # a batch the table does not list cannot be compared
    short = statuses(*REPORT, *CELL[:3], family="restatements")
    assert short["restatements.batches.annex2.project.2.p0031.5.project.2.indicator_cell.p0073"] == "not_checkable"


def _catalogue(paragraph, total, database, interface, files, opened="12"):
    """'目录总数为180条,数据库类型目录数175条,接口类型目录5条,文件类型目录10条,…,开放文件类型目录12条'."""
    return (
        metric(f"p.{paragraph}.1", "2020年全年发布的目录总数为N条", total, "条", paragraph=paragraph),
        metric(f"p.{paragraph}.2", "数据库类型目录数N条", database, "条", paragraph=paragraph),
        metric(f"p.{paragraph}.3", "接口类型目录N条", interface, "条", paragraph=paragraph),
        metric(f"p.{paragraph}.4", "文件类型目录N条", files, "条", paragraph=paragraph),
        metric(f"p.{paragraph}.5", "数据挂载数N条", total, "条", paragraph=paragraph),
        metric(f"p.{paragraph}.6", "开放文件类型目录N条", opened, "条", paragraph=paragraph),  # not a part
    )


def test_resource_types_add_up_to_the_count_stated_before_them():
    result = checks(*_catalogue(1, "190", "175", "5", "10"), *_catalogue(2, "180", "175", "5", "10"), family="counts")
    assert (result["counts.resource_types.p.1.1"].status, result["counts.resource_types.p.1.1"].expected) == ("pass", 190)
    fail = result["counts.resource_types.p.2.1"]
    assert (fail.status, fail.expected, fail.observed) == ("fail", 190, 180)
    assert fail.note == "175条 + 5条 + 10条 = 190条, stated 180条"


def test_each_run_of_types_has_its_own_total():
    # "发布了517条目录,其中数据库类的为286条,文件类的为215条,接口类的为16条。交换数据为500条,数据库类型302条,…"
    stated = (
        metric("q.1", "帮助本地市级各个部门发布了N条目录", "517", "条", paragraph=3),
        metric("q.2", "其中数据库类的为N条", "286", "条", paragraph=3),
        metric("q.3", "文件类的为N条", "215", "条", paragraph=3),
        metric("q.4", "接口类的为N条", "16", "条", paragraph=3),
        metric("q.5", "数据库类型N条", "302", "条", paragraph=3),  # a second run with no total of its own
        metric("q.6", "文件类型N条", "160", "条", paragraph=3),
        metric("r.1", "数据库类型N条", "302", "条", paragraph=4),  # no total before the run
        metric("r.2", "文件类型N条", "160", "条", paragraph=4),
    )
    result = statuses(*stated, family="counts")
    assert {k: v for k, v in result.items() if "resource_types" in k} == {"counts.resource_types.q.1": "pass"}
