"""The one error a bad source raises: it names the document, the paragraph and the reason."""

from __future__ import annotations


class SourceError(Exception):
    """A source document cannot be turned into records.

    The message is one line a person can act on:
    ``document yaan-zwfwdsj-2020, paragraph yaan-zwfwdsj-2020-p0123: reason``.
    """

    def __init__(self, document_id: str, reason: str, paragraph_id: str | None = None):
        self.document_id = document_id
        self.paragraph_id = paragraph_id
        self.reason = reason
        where = f"document {document_id}"
        if paragraph_id:
            where += f", paragraph {paragraph_id}"
        super().__init__(f"{where}: {reason}")


class BuildError(Exception):
    """A build produced output that fails validation; nothing was published."""
