"""The library API: sources → disclosures → outputs. The CLI is a thin layer over it."""

from __future__ import annotations

from pathlib import Path

from .extract import extract_disclosure
from .model import Disclosure
from .source import load_document, read_manifest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = PROJECT_ROOT / "sources"
DEFAULT_PACKAGE = PROJECT_ROOT / "datapackage"


def load_disclosures(sources_dir: Path = DEFAULT_SOURCES) -> list[Disclosure]:
    """Verify every source listed in the manifest and extract its records."""
    return [
        extract_disclosure(load_document(entry, sources_dir))
        for entry in read_manifest(sources_dir)
    ]
