"""One spelling of the template for the extractors, and the way back to the published one.

Departments type the same template with full-width or half-width punctuation
(``（一）`` / ``(一)``, ``，`` / ``,``, ``％`` / ``%``), full-width digits, no-break
or ideographic spaces, and digits split by a space (``3 351.34万元``). The
extractors read one spelling: each character is replaced by its NFKC
compatibility form when that is a single character, and spaces between two
digits are dropped. ``NormalizedLine`` remembers where every character came
from, so a literal cut from the normalized text can be given back exactly as
it was printed (``published``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=\d) +(?=\d)")


@functools.cache
def _normal_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    # '…' would become '...': only one-for-one replacements keep positions simple.
    return folded if len(folded) == 1 else char


@dataclass(frozen=True)
class NormalizedLine:
    """A line as the extractors read it, and the published position of each of its characters."""

    text: str
    original: str
    positions: tuple[int, ...] | None = None  # None: character i of text is character i of original

    def published(self, fragment: str) -> str:
        """The published spelling of ``fragment`` (a substring of ``text``), or ``fragment`` itself."""
        if self.text == self.original or not fragment:
            return fragment
        start = self.text.find(fragment)
        if start < 0:
            return fragment
        end = start + len(fragment) - 1
        if self.positions is None:
            return self.original[start:end + 1]
        return self.original[self.positions[start]:self.positions[end] + 1]


def normalize_line(line: str) -> NormalizedLine:
    folded = "".join(_normal_char(c) for c in line)  # one character for one: positions unchanged
    if not _SPACE_BETWEEN_DIGITS.search(folded):
        return NormalizedLine(folded, line)
    dropped = {i for m in _SPACE_BETWEEN_DIGITS.finditer(folded) for i in range(m.start(), m.end())}
    kept = [i for i in range(len(folded)) if i not in dropped]
    return NormalizedLine("".join(folded[i] for i in kept), line, tuple(kept))
