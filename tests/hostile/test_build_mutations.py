"""Hostile sources: the seed disclosure broken in many ways, by code, each built as a user builds it.

Every build ends in one of two ways, never a third: refused with one line that names the
document (or the file) and the cause, leaving the previous package exactly as it was; or
published, and then the package passes `yaan-opendata validate`. Never a traceback, never
an invalid package. Each case states which way it ends and, when refused, why.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from .conftest import validate_output

VALID = None  # the build publishes a package that validates


@dataclass(frozen=True)
class Mutation:
    name: str
    make: Callable[[str], str | bytes]  # seed text → the hostile source
    refused: str | None  # a pattern of the one error line; None: a valid package
    file_name: str = "disclosure.txt"
    args: tuple[str, ...] = ()


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def make(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)
    return make


def lines(edit: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
    return lambda text: "\n".join(edit(text.split("\n")))


def section(text: str, start: str, end: str) -> tuple[int, int]:
    """Line span (start, end) of the body section from the line ``start`` to before ``end``."""
    rows = text.split("\n")
    first = max(i for i, row in enumerate(rows) if row.startswith(start))  # the body's, not the 目录's
    last = next(i for i in range(first + 1, len(rows)) if rows[i].startswith(end))
    return first, last


def delete_section(start: str, end: str) -> Callable[[str], str]:
    def make(text: str) -> str:
        first, last = section(text, start, end)
        rows = text.split("\n")
        return "\n".join(rows[:first] + rows[last:])
    return make


def duplicate_section(start: str, end: str) -> Callable[[str], str]:
    def make(text: str) -> str:
        first, last = section(text, start, end)
        rows = text.split("\n")
        return "\n".join(rows[:last] + rows[first:last] + rows[last:])
    return make


def swap_sections(a: tuple[str, str], b: tuple[str, str]) -> Callable[[str], str]:
    def make(text: str) -> str:
        (a0, a1), (b0, b1) = section(text, *a), section(text, *b)
        rows = text.split("\n")
        return "\n".join(rows[:a0] + rows[b0:b1] + rows[a1:b0] + rows[a0:a1] + rows[b1:])
    return make


def shuffled(text: str) -> str:
    rows = text.split("\n")
    head, body = rows[:8], rows[8:]
    random.Random(17).shuffle(body)
    return "\n".join(head + body)


BASIC = "其中:基本支出528.91万元"  # the expenditure section's first line
INCOME = "本年收入合计1942.17万元"  # the income section's total
TITLE = "2020年度雅安市政务服务和大数据局部门决算"
DATE = "发布时间:2021-09-14"
# What a refusal names: the document read from the title (reversed lines read another), or the file.
DOCUMENT = r"document [a-z0-9-]*(yaan-zwfwhdsjj-2020|disclosure)"
PARAGRAPH = r"paragraph yaan-zwfwhdsjj-2020-p\d{4}"
NOT_A_DISCLOSURE = r"not a 部门决算 disclosure"
FAILS_VALIDATION = r"fails validation, nothing was published: SHACL: "

MUTATIONS = [
    # garbage numbers, in strict mode: the paragraph and the cause
    Mutation("letter in a number", replace(BASIC, "其中:基本支出12a.3万元"), rf"{PARAGRAPH}: headline figure expenditure\.basic"),
    Mutation("two decimal points", replace(INCOME, "本年收入合计1942.1.7万元"), rf"{PARAGRAPH}: .*'1942\.1\.7万元' is not an amount"),
    Mutation("negative amount", replace(BASIC, "其中:基本支出-528.91万元"), rf"{PARAGRAPH}: headline figure expenditure\.basic"),
    Mutation("amount beyond any budget", replace(BASIC, "其中:基本支出99999999999999999999.91万元"),
             rf"{PARAGRAPH}: '99999999999999999999\.91万元' is more money than any budget"),
    Mutation("amount beyond any budget, lenient", replace(BASIC, "其中:基本支出99999999999999999999.91万元"),
             rf"{PARAGRAPH}: .* is more money than any budget", args=("--lenient",)),
    Mutation("count beyond a 64-bit integer", replace("人员编制共计45个", "人员编制共计99999999999999999999个"),
             rf"{PARAGRAPH}: staffing\.authorized = 9+ does not fit a 64-bit integer", args=("--lenient",)),
    Mutation("a number of 5,000 digits", replace(BASIC, "其中:基本支出" + "9" * 5000 + "万元"),
             r"more money than any budget", args=("--lenient",)),
    Mutation("thousands commas misplaced", replace(INCOME, "本年收入合计1,9,42.17万元"), rf"{PARAGRAPH}: headline figure income\.total"),
    Mutation("zero-width space inside a number", replace(INCOME, "本年收入合计19\u200b42.17万元"),
             rf"{PARAGRAPH}: headline figure income\.total"),
    # garbage numbers, lenient: published with the amount listed as unread, or refused in one line
    Mutation("letter in a number, lenient", replace(BASIC, "其中:基本支出12a.3万元"), VALID, args=("--lenient",)),
    Mutation("NUL byte in a number", replace(BASIC, "其中:基本支出528.\x0091万元"), r"holds NUL bytes", args=("--lenient",)),
    Mutation("one line without unit, lenient", replace(BASIC, "其中:基本支出528.91"), VALID, args=("--lenient",)),
    # units
    Mutation("one line in 亿元, lenient", replace(BASIC, "其中:基本支出528.91亿元"), VALID, args=("--lenient",)),
    Mutation("every 万元 in 亿元", replace("万元", "亿元", -1), VALID),
    Mutation("every 万元 in 美元", replace("万元", "美元", -1), r"is not an amount|not read"),
    Mutation("every 万元 in 美元, lenient", replace("万元", "美元", -1), r"no money figure was read", args=("--lenient",)),
    Mutation("every 万元 in 千元", replace("万元", "千元", -1), VALID, args=("--lenient",)),
    # truncation
    Mutation("cut in half, lenient", lambda t: t[: len(t) // 2], VALID, args=("--lenient",)),
    Mutation("only the cover and contents", lambda t: "\n".join(t.split("\n")[:74]), NOT_A_DISCLOSURE,
             args=("--lenient",)),
    Mutation("empty file", lambda t: b"", r"holds no text|no title|not a 部门决算"),
    Mutation("blank lines only", lambda t: "\n \n\t\n" * 100, r"holds no text|no title|not a 部门决算"),
    # deleted, duplicated, swapped sections
    Mutation("part 2 deleted", delete_section("第二部分", "第三部分"), NOT_A_DISCLOSURE),
    Mutation("income section deleted", delete_section("二、收入决算情况说明", "三、支出决算情况说明"), r"not read|not found|required"),
    Mutation("income section deleted, lenient", delete_section("二、收入决算情况说明", "三、支出决算情况说明"), VALID,
             args=("--lenient",)),
    Mutation("income section twice", duplicate_section("二、收入决算情况说明", "三、支出决算情况说明"), VALID),
    Mutation("whole text twice", lambda t: t + "\n" + t, r"states .* twice .*: is a part of it repeated", args=("--lenient",)),
    Mutation("income and expenditure swapped", swap_sections(("二、收入决算情况说明", "三、支出决算情况说明"),
                                                             ("三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明")),
             VALID),
    Mutation("title deleted", lines(lambda rows: [r for r in rows if r.strip() != TITLE]), VALID),
    # these two wrote a package `validate` rejects before the build checked the graph (issue 17)
    Mutation("lines reversed", lines(lambda rows: rows[::-1]), FAILS_VALIDATION, args=("--lenient",)),
    Mutation("lines shuffled", shuffled, FAILS_VALIDATION, args=("--lenient",)),
    # encodings
    Mutation("GB18030 (GBK) encoded", lambda t: t.encode("gb18030"), VALID),
    Mutation("byte order mark and CRLF line ends", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), VALID),
    Mutation("UTF-16", lambda t: t.encode("utf-16"), r"NUL bytes|neither UTF-8"),
    Mutation("mojibake (UTF-8 read as Latin-1)", lambda t: t.encode("utf-8").decode("latin-1"), r"no title|not a 部门决算"),
    Mutation("invalid bytes in the text", lambda t: t.encode("utf-8").replace("基本支出".encode(), b"\xff\xfe\xfd", 1),
             r"document"),
    # binary and other formats
    Mutation("random bytes", lambda t: random.Random(1).randbytes(200_000), r"NUL bytes|neither UTF-8|not a 部门决算"),
    Mutation("a PNG named .txt", lambda t: b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(5000), r"NUL bytes|neither UTF-8"),
    Mutation("garbage named .pdf", lambda t: b"%PDF-1.7\n" + random.Random(3).randbytes(5000), r"disclosure\.pdf",
             file_name="disclosure.pdf"),
    Mutation("garbage named .xlsx", lambda t: b"PK\x03\x04" + random.Random(4).randbytes(5000), r"disclosure\.xlsx",
             file_name="disclosure.xlsx"),
    Mutation("text named .html", lambda t: t, r"document", file_name="disclosure.html", args=("--lenient",)),
    Mutation("html full of script", lambda t: "<html><body>" + "".join(f"<p>{r}<script>alert(1)</script></p>"
                                                                        for r in t.split("\n")) + "</body></html>",
             VALID, file_name="disclosure.html", args=("--lenient",)),
    # huge files
    Mutation("larger than any disclosure", lambda t: (t * 300).encode("utf-8"), r"MiB: larger than any disclosure"),
    Mutation("one line of 5 million characters", lambda t: t.replace("\n", " ", 3) + "正文" * 2_500_000,
             r"line \d+ has 5,0\d\d,\d+ characters: longer than any paragraph"),
    Mutation("more lines than any disclosure", lambda t: t + "\n一\n" * 60_000, r"lines and cells: more than any disclosure"),
    Mutation("a paragraph of 15,000 characters", replace(BASIC, BASIC + "。" + "说明" * 7500), VALID, args=("--lenient",)),
    # dates and years
    Mutation("month 13", replace(DATE, "发布时间:2021-13-45"), r"publication date '发布时间:2021-13-45' is not a date"),
    Mutation("year 0", replace(DATE, "发布时间:0000-00-00"), r"publication date .* is not a date"),
    # control characters and markup in the text
    Mutation("script and terminal escapes in a paragraph", replace(BASIC, BASIC + "<script>alert('x')</script>\x1b[2J\x1b[31m"),
             VALID, args=("--lenient",)),
    Mutation("every digit removed", lambda t: re.sub(r"\d", "", t), r"no money figure|not a 部门决算|no title", args=("--lenient",)),
    Mutation("day 30 of February", replace(DATE, "发布时间:2021-02-30"), r"publication date .* is not a date"),
]


def test_at_least_forty_kinds():
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS) >= 40


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_a_hostile_source_is_refused_in_one_line_or_gives_a_valid_package(mutation, seed_text, hostile_build):
    outcome = hostile_build(mutation.make(seed_text), mutation.file_name, *mutation.args)
    assert "Traceback" not in outcome.output and "Error: unexpected" not in outcome.output, outcome.output
    if mutation.refused is None:
        assert outcome.exit_code == 0, outcome.output
        checked = validate_output(outcome.package)
        assert checked.exit_code == 0, checked.output
        return
    assert outcome.exit_code == 1, outcome.output
    errors = [line for line in outcome.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0] == outcome.last_line, outcome.output
    assert re.search(DOCUMENT, errors[0]), errors[0]
    assert re.search(mutation.refused, errors[0]), errors[0]
    assert outcome.untouched, "a refused build changed the previous package"


READ_REFUSALS = ["month 13", "random bytes", "UTF-16", "one line of 5 million characters", "amount beyond any budget",
                 "count beyond a 64-bit integer", "whole text twice"]


@pytest.mark.parametrize("name", READ_REFUSALS)
def test_the_consistency_report_answers_a_hostile_source_in_one_line(name, seed_text, tmp_path):
    """`yaan-opendata check --source` reads as the build does, and refuses as it does: no traceback."""
    from click.testing import CliRunner

    from yaan_opendata.cli import cli

    mutation = next(m for m in MUTATIONS if m.name == name)
    source = tmp_path / mutation.file_name
    content = mutation.make(seed_text)
    source.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = CliRunner().invoke(cli, ["check", "--source", str(source), *mutation.args], catch_exceptions=False)
    if name == "count beyond a 64-bit integer":  # a count is a finding of the report, not a reason to refuse it
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    assert result.output.count("Error:") == 1 and "Traceback" not in result.output
    assert re.search(mutation.refused, result.output), result.output
