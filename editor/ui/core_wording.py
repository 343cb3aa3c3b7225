"""The messages of editor.core (Qt-free, English: the CLI prints them) in the UI language.

editor.core's errors and check problems carry a ``code`` and ``fields`` where they are raised
(textio's DecodeError/EncodeError/SaveError, checks.Problem); the window words those through
the templates below, translated in the "CoreMessages" context. Messages made without a code
(by post.py, frontmatter.py, document.py) are recognised by their English wording: every
template is also the pattern of the message it words, so an English UI shows exactly the core's
text and a changed wording in core simply stays English (tests/ui/test_core_wording.py makes
each message through the real core code). Anything unknown is shown as it is.

    error_text(error)          any exception the window shows (save, open, front matter)
    problem_text(problem)      a checks.Problem's message
    message_text(message)      a core message known only as text (a post's read_only_reason)
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.ui.core_wording_yaml import YAML_FIELD_PATTERNS, YAML_PROBLEMS, YAML_TOKENS

CONTEXT = "CoreMessages"

# textio: reading
BINARY = QT_TRANSLATE_NOOP(
    "CoreMessages",
    "This looks like a binary file, not a post: it holds a NUL character (at character {offset}).",
)
NOT_TEXT_AT = QT_TRANSLATE_NOOP(
    "CoreMessages",
    "The file is not readable text: byte {byte} ({value}) is not valid UTF-8, and the file is "
    "not UTF-16 (no byte order mark) or Korean CP949/EUC-KR either.",
)
NOT_TEXT = QT_TRANSLATE_NOOP(
    "CoreMessages",
    "The file is not readable text: its bytes are not valid UTF-8, and the file is not UTF-16 "
    "(no byte order mark) or Korean CP949/EUC-KR either.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "CoreMessages", "{reason} Opened for viewing only; it cannot be saved."
)
# post.py: opening (the OSError's strerror; `check` prints the English)
NO_SUCH_FILE = QT_TRANSLATE_NOOP("CoreMessages", "No such file: {path}")
IS_FOLDER = QT_TRANSLATE_NOOP("CoreMessages", "{path} is a folder, not a post")
CANNOT_READ_PERMISSION = QT_TRANSLATE_NOOP("CoreMessages", "Permission denied: cannot read {path}")
CANNOT_READ = QT_TRANSLATE_NOOP("CoreMessages", "Cannot read {path}: {reason}")
# textio / post.py / document.py: saving
UNENCODABLE = QT_TRANSLATE_NOOP(
    "CoreMessages",
    "{char} (line {line}, column {column}) cannot be stored in {encoding}; remove it or save "
    "the file as UTF-8.",
)
CANNOT_SAVE = QT_TRANSLATE_NOOP("CoreMessages", "Cannot save {path}: {detail}")
CANNOT_SAVE_POST = QT_TRANSLATE_NOOP("CoreMessages", "Cannot save this post: {detail}")
NO_FILE_NAME = QT_TRANSLATE_NOOP("CoreMessages", "Cannot save: the post has no file name yet.")
NO_FILE_YET = QT_TRANSLATE_NOOP("CoreMessages", "This post has no file yet: use Save As.")
SAVE_FAILED = QT_TRANSLATE_NOOP(
    "CoreMessages", "Could not save {path}: {reason}. The file on disk was not changed."
)
NOT_REGULAR = QT_TRANSLATE_NOOP("CoreMessages", "Could not save {path}: it is not a regular file.")
REASONS = {  # textio.REASON_CODES
    "disk-full": QT_TRANSLATE_NOOP("CoreMessages", "the disk is full"),
    "quota": QT_TRANSLATE_NOOP("CoreMessages", "the disk quota is used up"),
    "too-large": QT_TRANSLATE_NOOP(
        "CoreMessages", "the file is larger than this disk or account allows"
    ),
    "read-only": QT_TRANSLATE_NOOP("CoreMessages", "the disk is read-only"),
    "permission": QT_TRANSLATE_NOOP("CoreMessages", "permission denied"),
    "folder-gone": QT_TRANSLATE_NOOP("CoreMessages", "the folder no longer exists"),
    "is-folder": QT_TRANSLATE_NOOP("CoreMessages", "a folder has that name"),
    "io-error": QT_TRANSLATE_NOOP("CoreMessages", "the disk reported an input/output error"),
}
# frontmatter.py (FrontMatterError: str() is "line L, column C: message")
AT_LINE = QT_TRANSLATE_NOOP("CoreMessages", "line {line}, column {column}: {message}")
FRONT_MATTER = [
    QT_TRANSLATE_NOOP(
        "CoreMessages", "front matter is too long to read ({size} characters; the limit is {limit})"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "YAML cannot hold the control character U+{code}"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "{name} is not allowed: front matter may hold plain data only"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "YAML error: nested too deeply"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "front matter must be `key: value` lines, but this is a list"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "front matter must be `key: value` lines, but this is a single value"
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "front matter is not `key: value` lines"),
    QT_TRANSLATE_NOOP("CoreMessages", "front matter holds several YAML documents"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "a `{fence}` line ends the front matter here; the lines after it would become part of"
        " the post body (indent it or remove it)",
    ),
]
YAML_ERROR = QT_TRANSLATE_NOOP("CoreMessages", "YAML error: {problem}")  # {problem}: see below
# frontmatter._hint: appended to a YAML error (no fields: they hold braces of their own)
YAML_HINTS = [
    QT_TRANSLATE_NOOP(
        "CoreMessages", "; a value that starts with [ or { is read as a list; quote the whole value"
    ),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "; a line that is not `key: value` must be indented to continue the value above, or the "
        "whole value quoted",
    ),
]
# checks.py codes, and html_tags' messages (Problem code "tag", its message in "detail")
PROBLEMS = {
    "front-matter-unclosed": QT_TRANSLATE_NOOP(
        "CoreMessages", "front matter starts with --- but is never closed"
    ),
    "no-front-matter": QT_TRANSLATE_NOOP(
        "CoreMessages", "no front matter: Jekyll will not treat this file as a post"
    ),
    "duplicate-key": QT_TRANSLATE_NOOP(
        "CoreMessages", "key {key} appears more than once; the last one wins"
    ),
    "no-title": QT_TRANSLATE_NOOP("CoreMessages", "no title in the front matter"),
    "image-outside-site": QT_TRANSLATE_NOOP(
        "CoreMessages", "image {url} points outside the site folder"
    ),
    "image-missing": QT_TRANSLATE_NOOP("CoreMessages", "image {url} not found (no file {path})"),
    "bad-date": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "date {value} is not a real date: Jekyll stops the whole site's build or moves the post"
        " to another day",
    ),
}
TAGS = [
    QT_TRANSLATE_NOOP("CoreMessages", "<{tag}> is not an HTML tag (write &lt; for <)"),
    QT_TRANSLATE_NOOP("CoreMessages", "<{tag}> is never closed"),
    QT_TRANSLATE_NOOP("CoreMessages", "</{tag}> closes a tag that is not open"),
    QT_TRANSLATE_NOOP("CoreMessages", "<{open}> is not closed before </{tag}>"),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "`{shown}` looks like a tag but is not HTML, so the page shows it as text (a space "
        "missing after `{start}`?)",
    ),
]


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


# What a field can hold where the core knows (numbers, an encoding, a repr of a few
# characters, a tag name); other fields hold any text. Narrow fields keep matching linear
# on hostile text: "{char} (line {line}, ..." with free fields backtracks for seconds.
FIELD_PATTERNS = {
    "line": r"\d+",
    "column": r"\d+",
    "byte": r"\d+",
    "offset": r"\d+",
    "size": r"[\d,]+",
    "limit": r"[\d,]+",
    "code": r"[0-9A-F]{4,6}",
    "value": r"0x[0-9a-f]{2}",
    "encoding": r"[\w-]{1,40}",
    "char": r"'[^\n]{1,200}?'|\"[^\n]{1,200}?\"",
    "tag": r"[^<>\n]*",
    "open": r"[^<>\n]*",
    **YAML_FIELD_PATTERNS,
}
# Core messages are short (a path and a few words): longer text is shown as it is.
LONGEST_MESSAGE = 10_000


@cache
def _pattern(template: str) -> re.Pattern:
    """The English message a template makes: its text literally, each {field} its text."""
    parts = re.split(r"\{(\w+)\}", template)
    body = "".join(
        f"(?P<{part}>{FIELD_PATTERNS.get(part, '.+?')})" if index % 2 else re.escape(part)
        for index, part in enumerate(parts)
    )
    return re.compile(body, re.S)


def _word(template: str, **fields: object) -> str:
    return _tr(template).format(**fields)


def _by_wording(message: str, templates: list[str], depth: int) -> str | None:
    """The message in the UI language when one of the templates made it, else None; a field
    that holds another core message is worded too (``depth`` levels at most)."""
    for template in templates:
        if found := _pattern(template).fullmatch(message):
            fields = {
                name: _message_text(value, depth - 1) if depth > 0 else value
                for name, value in found.groupdict().items()
            }
            return _word(template, **fields)
    return None


def _yaml_error(message: str) -> str | None:
    """A front matter YAML error: "YAML error: ", PyYAML's problem (and context), maybe one of
    frontmatter's hints; the problem in the UI language when core_wording_yaml lists it."""
    if not message.startswith("YAML error: "):
        return None
    problem, hint = message.removeprefix("YAML error: "), ""
    for known in YAML_HINTS:
        if problem.endswith(known):
            problem, hint = problem.removesuffix(known), _tr(known)
    return _word(YAML_ERROR, problem=_yaml_problem(problem)) + hint


def _yaml_problem(problem: str) -> str:
    for template in YAML_PROBLEMS:
        if found := _pattern(template).fullmatch(problem):
            fields = found.groupdict()
            if fields.get("found") in YAML_TOKENS:  # '<scalar>': PyYAML's name for a value
                fields["found"] = _tr(YAML_TOKENS[fields["found"]])
            return _fill(_tr(template), fields)
    return problem  # a phrase not listed: PyYAML's words, nothing lost


def _fill(template: str, fields: dict[str, str]) -> str:
    """str.format for templates that also hold literal braces ("'}'", "{{ }}"): only the
    {word} fields that have a value are replaced."""
    return re.sub(r"\{(\w+)\}", lambda field: fields.get(field[1], field[0]), template)


# Messages that wrap another (worded in turn); tried first, as their fixed words make them
# unambiguous, while a template starting with a field ("{char} (line ...") would match them.
_WRAPPERS = [CANNOT_SAVE_POST, CANNOT_SAVE, AT_LINE, READ_ONLY]
_WHOLE = [BINARY, NOT_TEXT_AT, NOT_TEXT, NO_FILE_NAME, NO_FILE_YET, NOT_REGULAR, UNENCODABLE]
_WHOLE += [NO_SUCH_FILE, IS_FOLDER, CANNOT_READ_PERMISSION, CANNOT_READ]


# Core messages wrap one another at most three deep ("Cannot save P: R Opened for viewing
# only; ..." around a decode error); deeper nesting is not ours and is left as it is.
MAX_NESTING = 4


def message_text(message: str) -> str:
    """A core message known only by its English text, in the UI language (else unchanged)."""
    return _message_text(message, MAX_NESTING)


def _message_text(message: str, depth: int) -> str:
    if len(message) > LONGEST_MESSAGE:
        return message
    whole = _WHOLE + FRONT_MATTER + list(PROBLEMS.values()) + TAGS
    worded = (
        _by_wording(message, _WRAPPERS, depth)
        or _save_failed(message)
        or _yaml_error(message)
        or _by_wording(message, whole, depth)
    )
    return worded if worded is not None else message


def _save_failed(message: str) -> str | None:
    found = _pattern(SAVE_FAILED).fullmatch(message)
    if found is None:
        return None
    code = next((code for code, english in REASONS.items() if english == found["reason"]), None)
    reason = _tr(REASONS[code]) if code else found["reason"]
    return _word(SAVE_FAILED, path=found["path"], reason=reason)


def _coded_text(code: str, fields: dict) -> str | None:
    """The wording of a core error's code and fields (textio), or None for an unknown code."""
    if code == "binary":
        return _word(BINARY, **fields)
    if code == "not-text":
        return _word(NOT_TEXT_AT, **fields) if fields.get("byte") is not None else _tr(NOT_TEXT)
    if code == "unencodable":  # EncodeError; a SaveError wrapping it adds the post's path
        said = _word(UNENCODABLE, **{**fields, "char": repr(fields["char"])})
        return _word(CANNOT_SAVE, path=fields["path"], detail=said) if "path" in fields else said
    if code == "save-failed":
        reason = _tr(REASONS[fields["reason"]]) if fields.get("reason") else fields["detail"]
        return _word(SAVE_FAILED, path=fields["path"], reason=reason)
    if code == "not-regular-file":
        return _word(NOT_REGULAR, **fields)
    return None


def error_text(error: BaseException) -> str:
    """What the window says about ``error``: core errors in the UI language, OS errors in the
    system's words (strerror and the file), anything else as its message."""
    code, fields = getattr(error, "code", ""), getattr(error, "fields", None)
    if isinstance(code, str) and isinstance(fields, dict):
        try:
            worded = _coded_text(code, fields)
        except (KeyError, IndexError, ValueError):
            worded = None  # fields that do not fit the template: the English says it all
        if worded is not None:
            return worded
    if isinstance(error, OSError) and error.strerror:  # the system's words (SaveError has none)
        worded = message_text(error.strerror)  # post.py's own wording of a failed read
        named = not error.filename or str(error.filename) in error.strerror
        return worded if named else f"{worded} ({error.filename})"
    message = str(error)
    return message_text(message) if message else type(error).__name__


def problem_text(problem: object) -> str:
    """A checks.Problem's message in the UI language (its English when the code is unknown)."""
    code, fields = getattr(problem, "code", ""), getattr(problem, "fields", {}) or {}
    message = getattr(problem, "message", str(problem))
    if code in PROBLEMS:
        shown = {**fields, "key": repr(fields["key"])} if "key" in fields else fields
        try:
            return _word(PROBLEMS[code], **shown)
        except (KeyError, IndexError, ValueError):
            return message_text(message)
    return message_text(message)
