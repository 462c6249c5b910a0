"""Counts add up: vehicles by kind and by use, reception batches, subordinate
units, staffing posts, self-evaluation points, hotline calls (in + out =
total) and cloud systems (migrated − withdrawn = running).

Counts are exact: any difference is a failure. Figures stated by key (the
extractor's stable ids) are looked up by key; numbers stated in narrative
sentences are found by their label within one paragraph (the label is the
wording around the number, e.g. '热线呼出N次').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .engine import (
    FAIL,
    NOT_CHECKABLE,
    PASS,
    Finding,
    Input,
    Rule,
    count_status,
    metric_input,
    reception_input,
    score_input,
    staffing_input,
)
from .records import Records


@dataclass(frozen=True)
class KeyedCount:
    """A count stated under a stable key equals the sum of the counts of its parts."""

    rule: Rule
    total: str
    parts: str  # key pattern of the parts


@dataclass(frozen=True)
class SentenceCount:
    """Within one paragraph: total = Σ sign × part, each found by its label."""

    rule: Rule
    total: str  # label pattern
    parts: tuple[tuple[str, int], ...]  # (label pattern, +1 or −1)


def _rule(name: str, zh: str, en: str) -> Rule:
    return Rule(f"counts.{name}", zh, en)


KEYED = (
    KeyedCount(
        _rule("vehicle_fleet", "年末公务用车数等于轿车、越野车与载客汽车之和",
              "Official vehicles at year end equal sedans + off-road vehicles + buses"),
        "three_public.vehicles.fleet", r"three_public\.vehicles\.fleet\.[a-z_]+",
    ),
    KeyedCount(
        _rule("vehicle_purchases", "当年购置公务用车数等于各车型之和",
              "Vehicles purchased in the year equal the sum by kind"),
        "three_public.vehicle_purchase.count", r"three_public\.vehicle_purchase\.[a-z_]+\.count",
    ),
    KeyedCount(
        _rule("asset_vehicles", "国有资产中车辆数等于各用途车辆之和", "Vehicles held equal the sum by use"),
        "assets.vehicles", r"assets\.vehicles\.[a-z_]+",
    ),
    KeyedCount(
        _rule("subordinate_units", "下属二级单位数等于各类单位之和", "Subordinate units equal the sum by type"),
        "overview.subordinate_units.total", r"overview\.subordinate_units\.(?!total$)[a-z_]+",
    ),
    KeyedCount(
        _rule("annex1_subordinate_units", "附件1:下属二级单位数等于各类单位之和",
              "Annex 1: subordinate units equal the sum by type"),
        "annex1.subordinate_units.total", r"annex1\.subordinate_units\.(?!total$)[a-z_]+",
    ),
)

SENTENCES = (
    SentenceCount(
        _rule("hotline_calls", "热线整体话务量等于来电量加呼出量", "Hotline calls in total equal calls in plus calls out"),
        r"整体话务量", ((r"(来电|接电量)", 1), (r"呼出", 1)),
    ),
    SentenceCount(
        _rule("cloud_systems", "政务云运行系统数等于迁移上云系统数减退出系统数",
              "Systems running on the cloud equal systems migrated minus systems withdrawn"),
        r"运行系统共计", ((r"迁移上云.*共计", 1), (r"退出", -1)),
    ),
)

RESTATED_VEHICLES = _rule(
    "vehicles_restated", "“三公”说明与国有资产情况所列年末车辆数一致",
    "The vehicles at year end in the 三公 section and in the assets section agree",
)
RECEPTION_BATCHES = _rule(
    "reception_batches", "国内公务接待批次等于接待明细批次之和",
    "Domestic reception batches equal the batches of the itemized list",
)
PROJECTS = _rule(
    "performance_projects", "所述反映的绩效项目个数等于列出的绩效项目数,所述评估、监控、自评的项目不少于列出的",
    "The performance projects said to be reported equal those listed; those said to be assessed, "
    "monitored or self-evaluated are at least as many",
)
STAFFING = _rule(
    "staffing_posts", "人员编制总数等于各类编制之和(领导职数含在行政编制内)",
    "Total authorized posts equal the sum by category (leadership posts are within the administrative ones)",
)
SCORE_TOTAL = _rule("self_evaluation_score", "自评总分等于各指标得分之和", "The total self-evaluation score equals the sum of the scores")
MAX_TOTAL = _rule(
    "self_evaluation_max", "自评总分的分值等于各指标分值之和", "The total's maximum equals the sum of the indicators' maxima",
)
LEVEL_POINTS = _rule(
    "self_evaluation_points", "一级、二级指标的分值等于其下各指标分值之和",
    "A level-1 or level-2 indicator's points equal the sum of the maxima below it",
)
WITHIN_MAX = _rule("self_evaluation_within_max", "得分不超过指标分值", "A score does not exceed its maximum")

RULES = tuple(k.rule for k in KEYED) + tuple(s.rule for s in SENTENCES) + (
    RESTATED_VEHICLES, RECEPTION_BATCHES, PROJECTS, STAFFING, SCORE_TOTAL, MAX_TOTAL, LEVEL_POINTS, WITHIN_MAX,
)

STAFFING_TOTAL = "合计"
STAFFING_WITHIN = ("领导职数",)  # counted within another category, not beside it
SCORE_TOTAL_ROW = "总分"


def check(records: Records) -> Iterator[Finding]:
    for keyed in KEYED:
        yield _keyed(records, keyed)
    for sentence in SENTENCES:
        yield from _sentences(records, sentence)
    yield _vehicles_restated(records)
    yield _reception_batches(records)
    yield from _projects(records)
    yield from _staffing(records)
    yield from _self_evaluation(records)


def counted(rule: Rule, subject: str, description: tuple[str, str], total: Input | None, parts: list[Input],
            expected: Decimal | None = None, note: str | None = None) -> Finding:
    """A count finding: ``total`` against Σ parts (or ``expected`` when given)."""
    inputs = tuple(i for i in [total, *parts] if i)
    zh, en = description
    if total is None or total.value is None or (expected is None and not parts):
        return Finding(rule, subject, NOT_CHECKABLE, zh, en, inputs=inputs, note=note or "the count or its parts are not published")
    if expected is None:
        expected = sum((p.value for p in parts), Decimal(0))
    status, difference, tolerance = count_status(expected, total.value)
    return Finding(
        rule, subject, status, zh, en, inputs=inputs, expected=expected, observed=total.value,
        difference=difference, tolerance=tolerance, unit=total.unit, note=note,
    )


def _keyed(records: Records, keyed: KeyedCount) -> Finding:
    total = records.metric(keyed.total)
    parts = [metric_input(records.metric(k), "part") for k in records.metric_keys(keyed.parts)]
    return counted(
        keyed.rule, "", (keyed.rule.title_zh, keyed.rule.title_en),
        total and metric_input(total, "total"), parts,
        note=None if total else f"not published: {keyed.total}",
    )


def _sentences(records: Records, sentence: SentenceCount) -> Iterator[Finding]:
    for paragraph_id, metrics in records.metrics_by_paragraph.items():
        total = next((m for m in metrics if re.search(sentence.total, m.metric)), None)
        if total is None:
            continue
        parts, missing = [], []
        for pattern, sign in sentence.parts:
            part = next((m for m in metrics if m is not total and re.search(pattern, m.metric)), None)
            if part is None:
                missing.append(pattern)
            else:
                parts.append((part, sign))
        inputs = [metric_input(p, "part" if sign > 0 else "subtracted") for p, sign in parts]
        subject = paragraph_id.rsplit("-", 1)[-1]
        if not parts:
            continue  # the paragraph states the total alone, not the identity
        if missing:
            yield Finding(
                sentence.rule, subject, NOT_CHECKABLE, sentence.rule.title_zh, sentence.rule.title_en,
                inputs=(metric_input(total, "total"), *inputs),
                note=f"the paragraph states no part labelled {', '.join(missing)}",
            )
            continue
        expected = sum((p.value * sign for p, sign in parts), Decimal(0))
        yield counted(sentence.rule, subject, (sentence.rule.title_zh, sentence.rule.title_en),
                      metric_input(total, "total"), inputs, expected=expected)


def _vehicles_restated(records: Records) -> Finding:
    fleet, assets = records.metric("three_public.vehicles.fleet"), records.metric("assets.vehicles")
    return counted(
        RESTATED_VEHICLES, "", (RESTATED_VEHICLES.title_zh, RESTATED_VEHICLES.title_en),
        assets and metric_input(assets, "restatement"), [metric_input(fleet, "statement")] if fleet else [],
        expected=fleet.value if fleet else None,
        note=None if fleet and assets else "not published: the vehicles in one of the two sections",
    )


def _reception_batches(records: Records) -> Finding:
    stated = records.metric("three_public.reception.domestic.batches")
    events = records.disclosure.reception_events
    return counted(
        RECEPTION_BATCHES, "", (RECEPTION_BATCHES.title_zh, RECEPTION_BATCHES.title_en),
        stated and metric_input(stated, "total"), [reception_input(e, "part", batches=True) for e in events],
        note=None if stated and events else "not published: the batches or the itemized list",
    )


def _projects(records: Records) -> Iterator[Finding]:
    """"在决算中反映…N个项目" is the number reported; the projects assessed, given targets,
    monitored or self-evaluated ("对N个项目开展了…") may be more than those reported."""
    reported = len(records.disclosure.performance_projects)
    for key in records.metric_keys(r"performance\..+"):
        metric = records.metric(key)
        if "N个项目" not in metric.metric:
            continue
        expected = Decimal(reported)
        note = f"{reported} performance projects are reported (performance_projects)"
        if "反映" not in metric.literal and metric.value > reported:
            expected = metric.value  # more projects managed than reported: consistent
            note += f"; {metric.value:g} were managed this way, at least the {reported} reported"
        yield counted(
            PROJECTS, key.removeprefix("performance."), (PROJECTS.title_zh, PROJECTS.title_en),
            metric_input(metric, "stated"), [], expected=expected, note=note,
        )


def _staffing(records: Records) -> Iterator[Finding]:
    """A unit's total posts are its own and its subordinate units' posts."""
    rows = records.disclosure.staffing
    parent = {o.org_id: o.parent_org_id for o in records.disclosure.organizations}
    for total in (r for r in rows if r.post_category == STAFFING_TOTAL):
        parts = [
            r for r in rows
            if r.post_category not in (STAFFING_TOTAL, *STAFFING_WITHIN) and r.authorized is not None
            and total.org_id in (r.org_id, parent.get(r.org_id))
        ]
        yield counted(
            STAFFING, records.key(total.staffing_id), (STAFFING.title_zh, STAFFING.title_en),
            staffing_input(total, "total", total.authorized),
            [staffing_input(r, "part", r.authorized) for r in parts],
        )


def _self_evaluation(records: Records) -> Iterator[Finding]:
    scores = records.disclosure.self_evaluation_scores
    rows = [s for s in scores if s.level3 != SCORE_TOTAL_ROW]
    total = next((s for s in scores if s.level3 == SCORE_TOTAL_ROW), None)
    if not scores:
        return
    if total is None:
        for rule in (SCORE_TOTAL, MAX_TOTAL):
            yield Finding(rule, "", NOT_CHECKABLE, rule.title_zh, rule.title_en, note="no 总分 row is published")
    else:
        yield counted(SCORE_TOTAL, "", (SCORE_TOTAL.title_zh, SCORE_TOTAL.title_en),
                      score_input(total, "total", total.score), [score_input(r, "part", r.score) for r in rows])
        yield counted(MAX_TOTAL, "", (MAX_TOTAL.title_zh, MAX_TOTAL.title_en),
                      score_input(total, "total", total.max_score), [score_input(r, "part", r.max_score) for r in rows])
    # A level-2 group is named within its level-1 group: (level, level-1 name, level-2 name).
    groups: dict[tuple[str, str, str], tuple[str, int, list]] = {}
    for row in rows:
        for key, name, points in (
            (("level1", row.level1, ""), row.level1, row.level1_points),
            (("level2", row.level1, row.level2), row.level2, row.level2_points),
        ):
            if name and points is not None:
                groups.setdefault(key, (name, points, []))[2].append(row)
    for (level, _, _), (name, points, members) in groups.items():
        first = members[0]
        yield counted(
            LEVEL_POINTS, f"{level}.row{first.row:02d}",
            (f"{name}({points}分)等于其下各指标分值之和", f"{name} ({points} points) equals the sum of the maxima below it"),
            Input("self_evaluation_scores", first.score_id, "points", Decimal(points), "分", f"{name}({points}分)",
                  first.paragraph_id),
            [score_input(r, "part", r.max_score) for r in members],
        )
    for row in rows:
        ok = row.score <= row.max_score
        yield Finding(
            WITHIN_MAX, f"row{row.row}", PASS if ok else FAIL,
            f"“{row.level3}”得分不超过分值", f"The score of {row.level3} does not exceed its maximum",
            inputs=(score_input(row, "score", row.score),), expected=Decimal(row.max_score),
            observed=Decimal(row.score), unit="分",
            note=None if ok else f"scored {row.score} of a maximum of {row.max_score}",
        )
