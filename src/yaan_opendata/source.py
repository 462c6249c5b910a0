"""Read a vendored source document and split it into numbered paragraphs.

The published pages put one paragraph, heading or table cell per line. Each
non-empty line becomes a paragraph with the numbering path of the headings
above it (第二部分 / 五、 / (三) / 2.), so every extracted value can point back
to the exact sentence it came from.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .inputs import TableBlock, read_blocks
from .lexicon import table_named
from .model import Document, Paragraph
from .normalize import NormalizedLine, normalize_line
from .numbers import MONEY_LITERAL, AmountTooLargeError, parse_money

# Heading markers of the national template, outermost first. A marker at one
# depth closes every deeper one. Example lines:
#   第二部分 2020年度部门决算情况说明 / 附件1 / …绩效评价报告 / 一、收入… /
#   (三)一般公共预算… / 2. 一般公共服务支出… / (1)强力推行… / 项目绩效目标完成情况表
_CN_NUMERAL = "一二三四五六七八九十"
HEADING_MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("part", re.compile(rf"^(第[{_CN_NUMERAL}]+部分)")),
    ("annex", re.compile(r"^(附件\d+)\s*$")),
    ("report", re.compile(r"^([^,。,:;]{4,60}(?:报告))$")),
    ("chapter", re.compile(rf"^([{_CN_NUMERAL}]+、)")),
    ("section", re.compile(rf"^([((][{_CN_NUMERAL}]+[))])")),
    ("item", re.compile(r"^(\d+\s*[.、．])(?!\d)")),
    ("table", re.compile(r"^([^,。,:;]{4,60}(?:表))$")),
    ("subitem", re.compile(r"^([((]\d+[))])")),
)
_DEPTH = {name: depth for depth, (name, _) in enumerate(HEADING_MARKERS)}
# Tables and sub-items are siblings in the template: a table closes a (1) item.
_DEPTH["subitem"] = _DEPTH["table"]
_TOC_LEADER = re.compile(r"…{2,}|\.{4,}|·{4,}|-{4,}")
FRONT_MATTER = "卷首"  # the page header before the table of contents
CONTENTS = "目录"
# Some pages flatten a table one row per line, its cells separated by tabs.
_CELL_SEPARATOR = re.compile(r"\t+")


@dataclass(frozen=True)
class SourceDocument:
    """A verified source and its paragraphs: what every extractor reads.

    Paragraph texts are normalized (``normalize.py``); ``published_lines`` keeps
    the published spelling of every line that normalization changed.
    """

    document: Document
    paragraphs: tuple[Paragraph, ...]
    published_lines: dict[str, NormalizedLine] = field(default_factory=dict)
    tables: tuple[SourceTable, ...] = ()
    files: tuple[Path, ...] = ()  # what it was read from, in reading order

    @property
    def document_id(self) -> str:
        return self.document.document_id

    @functools.cached_property
    def headings(self) -> dict[str, tuple[str, ...]]:
        """For each paragraph id, the heading lines of its section path, outermost first."""
        opened: dict[str, str] = {}
        result = {}
        for paragraph in self.paragraphs:
            parts = paragraph.section_path.split(" / ")
            if paragraph.section_path not in (FRONT_MATTER, CONTENTS) and heading_marker(paragraph.text):
                opened[paragraph.section_path] = paragraph.text
            result[paragraph.paragraph_id] = tuple(
                opened.get(" / ".join(parts[: depth + 1]), part) for depth, part in enumerate(parts)
            )
        return result

    @functools.cached_property
    def heading_phrases(self) -> dict[str, tuple[str, ...]]:
        """``headings`` without their numbering (what section patterns are matched against)."""
        stripped: dict[str, str] = {}
        return {
            paragraph_id: tuple(stripped.setdefault(h, strip_marker(h)) for h in headings)
            for paragraph_id, headings in self.headings.items()
        }

    @functools.cached_property
    def found_sections(self) -> dict:
        """Sections already looked up (``extract.common.section``), by their path."""
        return {}

    def published(self, paragraph_id: str | None, fragment: str) -> str:
        """``fragment`` of a paragraph as it was printed (see ``normalize.py``)."""
        line = self.published_lines.get(paragraph_id) if paragraph_id else None
        return line.published(fragment) if line else fragment

    def error(self, reason: str, paragraph: Paragraph | None = None) -> SourceError:
        return SourceError(self.document_id, reason, paragraph.paragraph_id if paragraph else None)

    def error_at(self, paragraph_id: str | None, reason: str) -> SourceError:
        return SourceError(self.document_id, reason, paragraph_id)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(sources_dir: Path) -> list[dict]:
    manifest = sources_dir / "manifest.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    except FileNotFoundError:
        raise SourceError("-", f"no manifest at {manifest}") from None


def load_document(entry: dict, sources_dir: Path) -> SourceDocument:
    """Verify the file(s) against the manifest entry and split them into paragraphs and tables.

    A disclosure published as several files (a page and its attached tables) is one
    document when its entry lists them all (``"files": [...]``, in reading order); its
    sha256 is that of the files' bytes one after the other.
    """
    document_id = entry["document_id"]
    names = entry.get("files") or [entry["file"]]
    paths = [sources_dir / name for name in names]
    for path in paths:
        if not path.exists():
            raise SourceError(document_id, f"source file {path} is missing")
    digest = sha256_of(paths[0]) if len(paths) == 1 else hashlib.sha256(
        b"".join(path.read_bytes() for path in paths)).hexdigest()
    if "sha256" in entry and digest != entry["sha256"]:  # entries read from the text pin nothing
        raise SourceError(
            document_id,
            f"sha256 of {' + '.join(names)} is {digest}, the manifest says {entry['sha256']}; "
            "the source changed: review it and update sources/manifest.json",
        )
    blocks = [block for path in paths for block in read_blocks(path, document_id)]
    published_lines: dict[str, NormalizedLine] = {}
    paragraphs, tables = split_blocks(document_id, blocks, published_lines)
    if not paragraphs:
        raise SourceError(document_id, f"{' + '.join(names)} holds no text")
    _check_amounts(document_id, paragraphs)
    document = Document(
        document_id=document_id,
        title=entry["title"],
        title_en=entry["title_en"],
        publisher=entry["publisher"],
        published=_date(document_id, entry.get("published")),
        fiscal_year=int(entry["fiscal_year"]),
        org_id=entry["org_id"],
        file=" + ".join(names),
        sha256=digest,
        paragraph_count=len(paragraphs),
        source_url=entry.get("url"),
    )
    return SourceDocument(document, paragraphs, published_lines, tables, tuple(paths))


_AMOUNT = re.compile(MONEY_LITERAL)


def _check_amounts(document_id: str, paragraphs: tuple[Paragraph, ...]) -> None:
    """Refuse, in either mode, a document that states more money than any budget holds:
    such a figure is a broken source, not a figure to leave unread (limits.yml)."""
    for paragraph in paragraphs:
        for match in _AMOUNT.finditer(paragraph.text):
            try:
                parse_money(match.group(0), unit_required=False)
            except AmountTooLargeError as exc:
                raise SourceError(document_id, str(exc), paragraph.paragraph_id) from None
            except ValueError:
                pass  # not an amount the template uses: the extractors say so where it matters


def _date(document_id: str, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise SourceError(document_id, f"publication date '{value}' is not a date (YYYY-MM-DD)") from None


def paragraph_id(document_id: str, number: int) -> str:
    return f"{document_id}-p{number:04d}"


def heading_marker(line: str) -> tuple[str, str] | None:
    """The (kind, marker) a line opens, or None for body text."""
    for kind, pattern in HEADING_MARKERS:
        match = pattern.match(line)
        if match:
            return kind, match.group(1)
    return None


def source_lines(lines: Iterable[str]):
    """The non-empty lines (or table cells) of a source, normalized, with the page each is
    printed on (PDF lines know it); a heading's number printed alone on its line
    ("第三部分" / "2023年度部门决算情况说明", as PDFs set a part's title page) is joined
    with the title that follows it."""
    cells: list[str] = []
    pages: list[int | None] = []
    for raw_line in lines:
        for cell in _CELL_SEPARATOR.split(raw_line):
            if cell.strip():
                cells.append(cell.strip())
                pages.append(getattr(raw_line, "page", None))
    normalized = [normalize_line(c) for c in cells]
    index = 0
    while index < len(cells):
        line, page = normalized[index], pages[index]
        following = normalized[index + 1] if index + 1 < len(cells) else None
        joined = None
        if following is not None and _LONE_MARKER.match(line.text) and _title_line(following.text):
            joined, index = f"{cells[index]} {cells[index + 1]}", index + 1
            # a title set over two lines: "南京市公共资源交易中心2023年度" / "单位决算情况说明"
            after = normalized[index + 1] if index + 1 < len(cells) else None
            if (after is not None and not _TITLE_END.search(following.text) and _title_line(after.text)
                    and len(after.text) <= 20):
                joined, index = f"{joined}{cells[index + 1]}", index + 1
        elif following is not None and _cut_title(line.text, following.text):
            joined, index = f"{cells[index]}{cells[index + 1]}", index + 1
        line = normalize_line(joined) if joined is not None else line
        if line.text.strip():
            yield line, page
        index += 1


# A heading number with no title: "第三部分", "一、", "(一)"
_LONE_MARKER = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))\s*$")


_TITLE_END = re.compile(r"(?:说明|概况|解释|附件|附表|表|情况|构成|职能|目录|报告)$")


def _cut_title(line: str, following: str) -> bool:
    """A part's heading cut before its last words ("第三部分 …2024年度部门决算情况" / "说明");
    both lines normalized."""
    text, rest = line.strip(), following.strip()
    found = heading_marker(text)
    if not found or found[0] not in ("part", "chapter") or not _title_line(rest):
        return False
    # "…情况" + "说明": a few words that end the title; longer only where the title is unfinished
    limit = 4 if _TITLE_END.search(text) else 8
    return len(rest) <= limit and bool(_TITLE_END.search(text + rest))


def _title_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and not heading_marker(text) and len(text) <= 40 and not text.endswith("。")


# Headings that are their own marker: the whole line names them.
_WHOLE_LINE_HEADINGS = ("annex", "report", "table")


def strip_marker(text: str) -> str:
    """A heading line without its numbering: '(三)人员概况。' → '人员概况。'."""
    found = heading_marker(text)
    if found is None or found[0] in _WHOLE_LINE_HEADINGS:
        return text.strip()
    return text.strip()[len(found[1]):].strip()


def split_paragraphs(document_id: str, lines: Iterable[str] | str, published_lines: dict | None = None):
    """One Paragraph per non-empty line (or tab-separated cell) of a text, with its section path."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    paragraphs, _ = split_blocks(document_id, list(lines), published_lines)
    return paragraphs


@dataclass(frozen=True)
class SourceTable:
    """A table of the document: the title and unit printed above it, and its grid, each
    position with its cell's text (normalized) and the paragraph that publishes the cell
    (None for an empty cell, or a position a merged cell covers but does not start at)."""

    number: int
    title: str
    unit: str | None
    page: int | None
    texts: tuple[tuple[str, ...], ...]
    paragraph_ids: tuple[tuple[str | None, ...], ...]
    first_paragraph: str | None  # where the table stands in the document


_UNIT = re.compile(r"(?:金额)?单位\s*[:]\s*(?P<unit>亿元|万元|千元|元)")


def split_blocks(document_id: str, blocks: list, published_lines: dict | None = None):
    """(paragraphs, tables) of a source's blocks (``inputs``): one Paragraph per non-empty line
    or cell, with its section path, and one SourceTable per table.

    The text is normalized; ``published_lines`` (when given) receives the published
    spelling of every line whose normalized text differs. The table of contents is
    marked as such (``contents_range``), so no section is looked up in it.
    """
    items: list = []  # (NormalizedLine, page) or TableBlock, in order
    run: list[str] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            items += list(source_lines(run))
            run = []
            items.append(block)
        else:
            run.append(block)
    items += list(source_lines(run))
    texts = ["" if isinstance(item, TableBlock) else item[0].text.strip() for item in items]
    contents = contents_range(texts)
    open_markers: list[tuple[int, str, str]] = []  # (depth, marker, title)
    paragraphs: list[Paragraph] = []
    tables: list[SourceTable] = []
    recent: list[str] = []  # the lines before a table: its title and unit

    def add(text: str, normalized: NormalizedLine, page: int | None, path: str, title: str) -> str:
        number = len(paragraphs) + 1
        pid = paragraph_id(document_id, number)
        if published_lines is not None and text != normalized.original:
            published_lines[pid] = normalized
        paragraphs.append(Paragraph(paragraph_id=pid, document_id=document_id, number=number,
                                    section_path=path, section_title=title, text=text, page=page))
        return pid

    for index, item in enumerate(items):
        path = " / ".join(m[1] for m in open_markers) or FRONT_MATTER
        title = open_markers[-1][2] if open_markers else FRONT_MATTER
        if isinstance(item, TableBlock):
            tables.append(_table(item, len(tables) + 1, recent,
                                 lambda text, n, p, path=path, title=title: add(text, n, p, path, title)))
            recent = []
            continue
        normalized, page = item
        line = texts[index]
        if contents[0] <= index < contents[1]:
            path, title = CONTENTS, CONTENTS
        else:
            found = heading_marker(line)
            if found:
                kind, marker = found
                depth = _DEPTH[kind]
                open_markers = [m for m in open_markers if m[0] < depth]
                open_markers.append((depth, marker if kind not in ("report", "table") else line, line))
            path = " / ".join(m[1] for m in open_markers) or FRONT_MATTER
            title = open_markers[-1][2] if open_markers else FRONT_MATTER
        add(line, normalized, page, path, title)
        recent = (recent + [line])[-4:]
    return tuple(paragraphs), tuple(tables)


def _table(block: TableBlock, number: int, recent: list[str], add) -> SourceTable:
    """A table's cells as paragraphs (each cell where it starts, if it has text), and the
    table with its title (the last line above it that is not its unit) and unit."""
    unit = next((m["unit"] for line in reversed(recent) if (m := _UNIT.search(line))), None)
    # the nearest line above that names a national table ("收入支出决算总表" above "公开01表"),
    # else the nearest short line but the unit's
    short = [line for line in reversed(recent) if not _UNIT.search(line) and len(line) <= 40]
    title = next((line for line in short if table_named(line)), short[0] if short else "")
    texts, ids = [], []
    for row, starts in zip(block.rows, block.starts):
        text_row, id_row = [], []
        for cell, start in zip(row, starts):
            normalized = normalize_line(cell.strip())
            text = normalized.text.strip()
            text_row.append(text)
            id_row.append(add(text, normalized, block.page) if start and text else None)
        texts.append(tuple(text_row))
        ids.append(tuple(id_row))
    first = next((pid for row in ids for pid in row if pid), None)
    return SourceTable(number, title, unit, block.page, tuple(texts), tuple(ids), first)


_PAGE_REFERENCE = re.compile(r"[\s.…·•—-]*\d*$")


def _entry(line: str) -> str:
    """A line of the contents as a key: without spaces, leaders and page number."""
    return _PAGE_REFERENCE.sub("", re.sub(r"\s+", "", line))


def contents_range(lines: list[str]) -> tuple[int, int]:
    """(first, last + 1) index of the table of contents, or (0, 0) when there is none.

    It opens at a line "目录" ("目 录") and closes where the text comes back to its
    first entry ("第一部分 部门概况 ……4" → "第一部分 部门概况"). Where the text words
    that heading otherwise, it closes before the last heading with the first entry's
    marker (第一部分) that precedes the first line of body text.
    """
    start = next((i for i, line in enumerate(lines) if re.sub(r"\s+", "", line) == CONTENTS), None)
    if start is None:
        return 0, 0
    entries = [i for i in range(start + 1, len(lines)) if lines[i].strip()]
    if not entries:
        return 0, 0
    # the first entry is the first heading: a line such as "公开时间：…" may stand above it
    entries = entries[next((n for n, i in enumerate(entries) if heading_marker(lines[i])), 0):]
    first = _entry(lines[entries[0]])
    for i in entries[1:]:
        if _entry(lines[i]) == first:
            return start, i
    marker = heading_marker(lines[entries[0]])
    body = next((i for i in entries[1:] if _body_text(lines[i])), len(lines))
    if marker:
        again = [i for i in entries[1:body] if (m := heading_marker(lines[i])) and m[1] == marker[1]]
        if again:
            return start, again[-1]
    return start, body


def _body_text(line: str) -> bool:
    """A line of running text: no heading marker, long or a full sentence."""
    return not heading_marker(line) and not _TOC_LEADER.search(line) and (len(line) > 40 or line.endswith("。"))
