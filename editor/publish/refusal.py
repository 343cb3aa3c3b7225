"""A refusal that a user interface can word in its own language.

``str(refusal)`` is the English sentence the CLI prints (a stable interface); ``code`` names
the kind of refusal and ``fields`` hold the values the sentence mentions, so the Publish
dialog can show the same refusal through its translated templates.
"""

from __future__ import annotations


class Refusal(ValueError):
    def __init__(self, message: str, code: str = "", **fields: object) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields
