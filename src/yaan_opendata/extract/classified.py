"""Mentions of the functional classification (支出功能分类科目) in prose.

Departments name a line of the classification by its 类/款/项 names, each marked
by its level: "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)",
"一般公共服务(类)支出", "人大事务(款)行政运行(项)"; a 类 also by its full name
alone ("社会保障和就业支出3398.82万元"); some add the code in brackets
("行政运行(项)(2010101)", "行政运行(项)[2010101]"), or name a 项 alone with its code
("行政运行(2010101)", where the code's name is the name printed) or print it before the name ("2010101 行政运行"). Each
mention becomes a ``Subject`` with the code its names have in the document's own
tables or, failing those, in the shipped list (``codelists.FunctionalIndex``); with
no code when neither has the names, so that the reader leaves the amount unread
and says which name is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..codelists import FunctionalIndex
from .prose import Subject

# A character of a name: anything but punctuation, digits and spaces; brackets only
# inside a name such as 政府办公厅(室) or 退职(役)费, never (类)/(款)/(项).
_CHAR = r"(?:[^\s\d,;:。、.()“”\"]|\((?![类款项])[^()\d]{1,4}\))"
# the code after the names, in round or square brackets ("…(项)[2080501]", Jilin)
_CODE = r"(?:\s*[(\[](?P<code>2\d{2}(?:\d{2}){0,2})[)\]])?"
# Up to three names, each marked by its level.
# A 款 or 项 name may hold 、 ("环境保护法规、规划及标准"); a first name never does.
_INNER = _CHAR.replace("。、.", "。.")
MENTION = re.compile(
    rf"(?P<n1>{_CHAR}+?)\s*\((?P<l1>类|款|项)\)"
    rf"(?:\s*(?P<n2>{_INNER}+?)\s*\((?P<l2>款|项)\))?"
    rf"(?:\s*(?P<n3>{_INNER}+?)\s*\((?P<l3>项)\))?"
    rf"{_CODE}"
)
# "2010101 行政运行:" / "2080505机关事业单位基本养老保险缴费支出,": a code printed before the name.
CODE_FIRST = re.compile(
    rf"(?<![\d.])(?P<code>2\d{{2}}(?:\d{{2}}){{0,2}})\s*(?P<name>{_CHAR}{{2,30}}?)"
    r"(?=\s*[:,;。]|\s*(?:年初|支出决算|决算|预算))"
)
# "(1)行政运行(2120101)。年初预算为…": a 项 named alone, its code in brackets after it (Gansu,
# Heilongjiang); taken only where the code's name is the name printed.
NAME_CODE = re.compile(rf"(?P<name>{_CHAR}{{2,40}}?)\s*[(\[](?P<code>2\d{{6}})[)\]]")
# Words a name may be run into from before: "主要用于一般公共服务(类)".
_LEAD = re.compile(r"^(?:主要用于|用于|其中|主要是|包括|为)")

Classify = Callable[[str], Iterator[tuple[int, int, Subject]]]


def functional_classifier(index: FunctionalIndex) -> Classify:
    """A function giving the (start, end, subject) of every 类/款/项 mention in a text."""
    class_names = re.compile(
        "|".join(re.escape(name) for name, _ in sorted(index.class_names(), key=lambda n: -len(n[0])))
    )
    by_name = dict(index.class_names())

    def mentions(text: str, within: str | None = None) -> Iterator[tuple[int, int, Subject]]:
        """``within``: the 类 or 款 a heading before named ("9.农林水支出(类)", "(1)文化和旅游(款)"),
        for 款 or 项 lines printed without it."""
        taken: list[tuple[int, int]] = []
        for match in MENTION.finditer(text):
            names = [match.group(f"n{i}") for i in (1, 2, 3) if match.group(f"n{i}")]
            levels = [match.group(f"l{i}") for i in (1, 2, 3) if match.group(f"l{i}")]
            start = match.start("n1")
            first = _LEAD.sub("", names[0])
            start += len(names[0]) - len(first)
            names[0] = first
            code = _code(index, names, levels, match.group("code"), within)
            taken.append((start, match.end()))
            yield start, match.end(), Subject(code=code, names=tuple(n.strip() for n in names))
        for match in CODE_FIRST.finditer(text):
            found = index.by_code(match.group("code"))
            if found is not None and not _overlaps(match.span(), taken):
                taken.append(match.span())
                yield match.start(), match.end(), Subject(code=found.code, names=(match.group("name"),))
        for match in NAME_CODE.finditer(text):
            found = _named(index, match.group("code"), match.group("name"))
            if found is not None and not _overlaps(match.span(), taken):
                start = match.end("name") - len(found[1])
                taken.append((start, match.end()))
                yield start, match.end(), Subject(code=found[0].code, names=(found[1],))
        for match in class_names.finditer(text):
            if not _overlaps(match.span(), taken):
                yield match.start(), match.end(), Subject(code=by_name[match.group(0)].code, names=(match.group(0),))

    return mentions


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _code(
    index: FunctionalIndex, names: list[str], levels: list[str], printed: str | None, within: str | None
) -> str | None:
    """The code of a mention: from its names (class first), else the printed code."""
    if levels[0] == "类":
        found = index.code(*names) or _with_shorter_class(index, names)
    else:  # 款 without its 类, 项 without its 款: under the 类 or 款 a heading named, else a 款
        # name unique in the list
        found = (index.under(_parent(within, levels[0]), *names) if within else None) or index.under_any_class(*names)
    if found is not None:
        return found.code
    if printed and index.by_code(printed) is not None:
        return printed
    return None


def _named(index: FunctionalIndex, code: str, printed: str):
    """The code and the name it is printed with, where the end of ``printed`` is its name
    (a name run into words before it: "主要用于行政运行")."""
    for cut in range(len(printed) - 1):
        found = index.named(code, printed[cut:])
        if found is not None:
            return found, printed[cut:]
    return None


def _parent(within: str, level: str) -> str:
    """The code a heading named that a 款 (its 类) or a 项 (its 款) line comes under."""
    depth = {"款": 3, "项": 5}[level]
    return within[:depth] if len(within) >= depth else within


def _with_shorter_class(index: FunctionalIndex, names: list[str]):
    """A class name run into words before it: drop leading characters until it is known."""
    head = names[0]
    for cut in range(1, max(1, len(head) - 2)):
        found = index.code(head[cut:], *names[1:])
        if found is not None:
            return found
    return None
