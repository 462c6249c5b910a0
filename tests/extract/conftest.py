import dataclasses

import pytest

from yaan_opendata.source import SourceDocument


def _replace_text(doc: SourceDocument, old: str, new: str) -> SourceDocument:
    """A copy of ``doc`` with ``old`` replaced by ``new`` in every paragraph, to test bad input."""
    if not any(old in p.text for p in doc.paragraphs):
        raise AssertionError(f"'{old}' is not in the document")
    paragraphs = tuple(
        dataclasses.replace(p, text=p.text.replace(old, new)) if old in p.text else p for p in doc.paragraphs
    )
    return SourceDocument(doc.document, paragraphs)


@pytest.fixture
def replace_text():
    return _replace_text


@pytest.fixture(scope="session")
def text_of(seed_doc):
    """Paragraph text by paragraph id, to see that a record's literal is where it says."""
    return {p.paragraph_id: p.text for p in seed_doc.paragraphs}
