"""The downloads the site offers: the data package as a zip, its CSVs and RDF files.

The data package folder is served as static files; the zip is built from it at
serve time (into build/, never committed) with fixed timestamps and sorted
entries, so the same package always gives the same zip.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .package import PACKAGE_NAME, SOURCE_MEDIA_TYPES
from .publish import PUBLISHED_MODE

ZIP_NAME = f"{PACKAGE_NAME}.zip"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# File kinds a person may want, in the order the home page lists them: (zh, en) → suffixes.
KINDS = {
    ("数据包描述", "Data package descriptor"): (".json",),
    ("CSV 表格", "CSV tables"): (".csv",),
    ("RDF (Turtle)", "RDF (Turtle)"): (".ttl",),
    ("RDF (JSON-LD)", "RDF (JSON-LD)"): (".jsonld",),
    ("RDF (N-Triples)", "RDF (N-Triples)"): (".nt",),
    ("原文(所读的公开文件)", "Sources (the files read)"): tuple(SOURCE_MEDIA_TYPES),
}


@dataclass(frozen=True)
class Download:
    name: str
    url: str
    size: int


def package_files(package_dir: Path) -> list[Path]:
    return sorted(p for p in package_dir.rglob("*") if p.is_file()) if package_dir.exists() else []


def build_zip(package_dir: Path, zip_path: Path) -> Path:
    """Zip every file of the package, ``datapackage.json`` at the zip's root, so that
    ``frictionless.Package("….zip")`` loads it."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=f".{zip_path.name}-", dir=zip_path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(staging, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in package_files(package_dir):
                info = zipfile.ZipInfo(path.relative_to(package_dir).as_posix(), _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        os.chmod(staging, PUBLISHED_MODE)  # mkstemp makes it private; the site's visitors download it
        os.replace(staging, zip_path)
    finally:
        if os.path.exists(staging):
            os.unlink(staging)
    return zip_path


def grouped_downloads(package_dir: Path, package_url: str) -> list[tuple[str, str, list[Download]]]:
    """(title zh, title en, files) for each kind of file the package folder holds."""
    groups = []
    files = package_files(package_dir)
    for (title_zh, title_en), suffixes in KINDS.items():
        found = [
            Download(p.name, f"{package_url}/{p.relative_to(package_dir).as_posix()}", p.stat().st_size)
            for p in files
            if p.suffix.lower() in suffixes
        ]
        if found:
            groups.append((title_zh, title_en, found))
    return groups
