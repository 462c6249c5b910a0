"""Files that are not a readable disclosure are refused with one line naming the file and why."""

from __future__ import annotations

import pytest

from yaan_opendata import inputs
from yaan_opendata.errors import SourceError
from yaan_opendata.pipeline import load_disclosures


def _refused(path, match: str):
    for lenient in (False, True):
        with pytest.raises(SourceError) as caught:
            load_disclosures(inputs=[path], lenient=lenient)
        message = str(caught.value)
        assert "\n" not in message and path.name in message or path.stem in message
        assert pytest.importorskip("re").search(match, message), message


def test_an_encrypted_pdf(tmp_path):
    import fixture

    _refused(fixture.write_pdf(tmp_path / "locked.pdf", encrypt="secret"), "encrypted PDF")


def test_a_scanned_pdf_with_no_text(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)  # an image of a page: shapes, no text
    page.showPage()
    page.save()
    _refused(path, "holds no text: a scanned \\(image-only\\) PDF; text recognition \\(OCR\\) is not done")


def test_a_truncated_pdf(tmp_path):
    import fixture

    whole = fixture.write_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    _refused(path, "not a readable PDF|holds no text|no title")


def test_a_file_that_is_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"<html>not a pdf</html>")
    _refused(path, "not a readable PDF")


def test_a_web_page_without_a_disclosure(tmp_path):
    path = tmp_path / "news.html"
    path.write_text("<html><body><h1>2024年度雅安市教育局部门决算</h1><p>请下载附件。</p></body></html>",
                    encoding="utf-8")
    _refused(path, "not a 部门决算 disclosure in the national template")


def test_a_workbook_that_does_not_open(tmp_path):
    path = tmp_path / "tables.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    _refused(path, "not a readable .xlsx workbook")


def test_a_text_file_with_binary_content(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"2024\x00\x01\x02" * 100)
    _refused(path, "not a text file|neither UTF-8")


def test_a_file_larger_than_any_disclosure_is_not_read(tmp_path, monkeypatch):
    from dataclasses import replace

    from yaan_opendata.limits import limits

    monkeypatch.setattr(inputs, "limits", lambda: replace(limits(), max_source_bytes=1000))
    path = tmp_path / "huge.txt"
    path.write_text("2024年度雅安市教育局部门决算\n" + "正文" * 1000, encoding="utf-8")
    _refused(path, "larger than any disclosure")


def test_an_unknown_format(tmp_path):
    path = tmp_path / "disclosure.docx"
    path.write_bytes(b"PK")
    with pytest.raises(SourceError, match="unknown format '.docx'"):
        inputs.read_blocks(path)
