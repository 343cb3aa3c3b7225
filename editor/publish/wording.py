"""Text a user interface can word in its own language.

The publisher speaks English: the CLI prints it, and its wording is a stable interface. Text
that the Publish dialog shows also carries a ``code`` naming what it says and the ``fields``
it mentions, so the dialog can say the same through its translated templates
(editor/ui/publish_text.py). Both classes behave as their plain base everywhere else.
"""

from __future__ import annotations


class Refusal(ValueError):
    """``str(refusal)`` is the English message; ``code`` and ``fields`` describe it."""

    def __init__(self, message: str, code: str = "", **fields: object) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


class Phrase(str):
    """An English message (a plain ``str`` to every caller) with a ``code`` and ``fields``."""

    code: str
    fields: dict[str, object]

    def __new__(cls, english: str, code: str = "", **fields: object) -> Phrase:
        phrase = super().__new__(cls, english)
        phrase.code = code
        phrase.fields = fields
        return phrase
