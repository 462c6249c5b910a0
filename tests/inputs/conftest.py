import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import fixture

SHARED = Path(__file__).resolve().parents[3] / "shared" / "documents"
PUTUO = SHARED / "shanghai-putuo-czj-2024-final-accounts.pdf"


@pytest.fixture(scope="session")
def formats(tmp_path_factory):
    """The fixture disclosure as a PDF, a web page (UTF-8 and GBK), the page copied as text
    and a page plus a workbook of its tables listed together in a manifest, each in a
    folder of its own."""
    root = tmp_path_factory.mktemp("formats")
    folders = {name: root / name for name in ("pdf", "html", "gbk", "split", "text")}
    for folder in folders.values():
        folder.mkdir()
    fixture.write_pdf(folders["pdf"] / "disclosure.pdf")
    fixture.write_html(folders["html"] / "disclosure.html")
    fixture.write_html(folders["gbk"] / "disclosure.htm", encoding="gbk")
    fixture.write_html(folders["split"] / "page.html", tables=False)
    fixture.write_text(folders["text"] / "disclosure.txt")
    fixture.write_xlsx(folders["split"] / "tables.xlsx")
    from yaan_opendata.identify import identity_from_lines
    from yaan_opendata.inputs import read_lines

    entry = identity_from_lines(read_lines(folders["split"] / "page.html"), "page.html")
    entry.pop("file")
    entry["files"] = ["page.html", "tables.xlsx"]
    (folders["split"] / "manifest.json").write_text(json.dumps({"documents": [entry]}, ensure_ascii=False),
                                                    encoding="utf-8")
    return folders
