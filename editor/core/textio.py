"""Bytes <-> text, keeping encoding, BOM and line endings exactly as found; atomic writes.

Reading tries, in order: UTF-8 with or without BOM, UTF-16 with a BOM, then CP949 (a superset
of EUC-KR). A candidate is accepted only when encoding the text again gives back the very same
bytes, so `encode(*decode(data)) == data` always holds and nothing is ever replaced silently.
Bytes that fit none of these (or that hold NUL bytes, i.e. binary files) raise DecodeError.

The text keeps its line endings verbatim ("\\r\\n", "\\n", "\\r", even mixed). The editor widget
shows LF only (`to_lf`); `restore_newlines` maps an edited LF text back so that lines the user
did not touch keep their own endings.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# Every temp file atomic_write creates ends with this, so leftovers can be found and removed.
TEMP_SUFFIX = ".post-editor-tmp"

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


# The errors below say why in plain English (the CLI prints it: a stable interface). Those
# raised here also carry a ``code`` naming what the message says and the ``fields`` it
# mentions, so the window can say the same in its own language (editor/ui/core_wording.py):
#   DecodeError  "binary" (offset), "not-text" (byte: offset or None, value: "0x.." or "")
#   EncodeError  "unencodable" (char, line, column, encoding)
#   SaveError    "save-failed" (path, reason: a REASON_CODES value or "", detail: the system's
#                words when reason is ""), "not-regular-file" (path)
# An empty code means "no known wording": show the English message.


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read; the message says why in plain words."""

    def __init__(self, message: str, code: str = "", **fields: object) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


class EncodeError(ValueError):
    """The text holds a character the file's encoding cannot store."""

    def __init__(self, message: str, code: str = "", **fields: object) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


class SaveError(OSError):
    """Writing failed; the message says why in plain words. The old file is left intact."""

    def __init__(
        self, message: str, error_number: int | None = None, code: str = "", **fields: object
    ) -> None:
        super().__init__(message)
        self.errno = error_number
        self.code = code
        self.fields = fields

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class TextFormat:
    encoding: str  # "utf-8", "utf-16-le", "utf-16-be", "cp949"
    bom: bytes  # b"" or the BOM found
    newline: str  # dominant line ending: "\n", "\r\n" or "\r"


DEFAULT_FORMAT = TextFormat("utf-8", b"", "\n")


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept; only \\r\\n, \\r and \\n end a line (not \\f, \\u2028 ...)."""
    return _LINE_RE.findall(text)


def line_ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith(("\n", "\r")):
        return line[-1]
    return ""


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if lf == cr == crlf == 0:
        return "\n"
    # Ties go to "\n": it is what a new file would get anyway.
    return max((lf, 2, "\n"), (crlf, 1, "\r\n"), (cr, 0, "\r"))[2]


def _try_decode(data: bytes, encoding: str, bom: bytes) -> str | None:
    try:
        text = data[len(bom) :].decode(encoding, "strict")
    except UnicodeDecodeError:
        return None
    if bom + text.encode(encoding, "strict") != data:
        return None  # not a lossless round trip: never accept it
    return text


def _describe_undecodable(data: bytes) -> DecodeError:
    byte, value = None, ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte, value = error.start, f"0x{data[error.start]:02x}"
        where = f"byte {byte} ({value})"
    else:
        where = "its bytes"
    message = (
        f"The file is not readable text: {where} is not valid UTF-8, and the file is not "
        "UTF-16 (no byte order mark) or Korean CP949/EUC-KR either."
    )
    return DecodeError(message, "not-text", byte=byte, value=value)


def decode(data: bytes) -> tuple[str, TextFormat]:
    """Decode file bytes; the text keeps its original line endings verbatim."""
    candidates = [(bom, enc) for bom, enc in BOMS if data.startswith(bom)]
    candidates += [(b"", "utf-8"), (b"", "cp949")]
    for bom, encoding in candidates:
        text = _try_decode(data, encoding, bom)
        if text is None:
            continue
        if "\x00" in text:
            offset = text.index("\x00")
            raise DecodeError(
                f"This looks like a binary file, not a post: it holds a NUL character "
                f"(at character {offset}).",
                "binary",
                offset=offset,
            )
        return text, TextFormat(encoding, bom, dominant_newline(text))
    raise _describe_undecodable(data)


def encode(text: str, fmt: TextFormat) -> bytes:
    """Exact inverse of decode. Raises EncodeError for characters the encoding cannot store."""
    try:
        return fmt.bom + text.encode(fmt.encoding, "strict")
    except UnicodeEncodeError as error:
        before = text[: error.start]
        line = before.count("\n") + 1
        column = error.start - (before.rfind("\n") + 1) + 1
        bad = text[error.start : error.end]
        raise EncodeError(
            f"{bad!r} (line {line}, column {column}) cannot be stored in {fmt.encoding}; "
            "remove it or save the file as UTF-8.",
            "unencodable",
            char=bad,
            line=line,
            column=column,
            encoding=fmt.encoding,
        ) from None


def to_lf(text: str) -> str:
    """What a QPlainTextEdit shows: every line ending as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def restore_newlines(original: str, edited_lf: str, newline: str) -> str:
    """Give `edited_lf` the line endings of `original` where its lines are unchanged.

    Lines that still match a line of `original` keep that line's own ending (so a mixed file
    stays mixed); new or changed lines get `newline`.
    """
    if to_lf(original) == edited_lf:
        return original
    if len(_endings_of(original) | {newline}) == 1:
        return edited_lf.replace("\n", newline)  # uniform file: nothing to map line by line
    old_lines = split_lines(original)
    old_text = [line.rstrip("\r\n") for line in old_lines]
    new_text = edited_lf.split("\n")
    new_ending = [newline] * (len(new_text) - 1) + [""]
    for old_index, new_index in _matching_lines(old_text, new_text):
        kept = line_ending(old_lines[old_index])
        if new_ending[new_index] and kept:
            new_ending[new_index] = kept
    for index in range(len(new_text) - 1):
        # "\r" then an empty "\n" line would read back as one "\r\n": keep them two lines.
        if new_ending[index] == "\r" and not new_text[index + 1] and new_ending[index + 1] == "\n":
            new_ending[index + 1] = "\r"
    return "".join(line + ending for line, ending in zip(new_text, new_ending, strict=True))


@functools.lru_cache(maxsize=1)
def _endings_of(text: str) -> frozenset[str]:
    """The line endings `text` uses. Cached: the window asks about the same saved text on
    every autosave and render (a str keeps its hash), and reading 2 MB line by line took
    ~70 ms each time. One entry: more would keep old saved texts of a long post alive."""
    if "\r" not in text:
        return frozenset({"\n"}) if "\n" in text else frozenset()
    return frozenset({line_ending(line) for line in split_lines(text)} - {""})


def _matching_lines(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of unchanged lines. The common head and tail are paired
    directly, so a keystroke in a 10 MB post costs a diff of the edited lines only."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    pairs = [(index, index) for index in range(head)]
    middle = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    for old_start, new_start, size in middle.get_matching_blocks():
        pairs += [(head + old_start + k, head + new_start + k) for k in range(size)]
    pairs += [(len(old) - tail + k, len(new) - tail + k) for k in range(tail)]
    return pairs


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or account allows",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder no longer exists",
    errno.ENOTDIR: "the folder no longer exists",
    errno.EISDIR: "a folder has that name",
    errno.EIO: "the disk reported an input/output error",
}


# The same reasons as codes, for a UI that words them itself (SaveError.fields["reason"]).
REASON_CODES = {
    errno.ENOSPC: "disk-full",
    errno.EDQUOT: "quota",
    errno.EFBIG: "too-large",
    errno.EROFS: "read-only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOENT: "folder-gone",
    errno.ENOTDIR: "folder-gone",
    errno.EISDIR: "is-folder",
    errno.EIO: "io-error",
}


def save_error(path: Path, error: OSError) -> SaveError:
    detail = error.strerror or str(error)
    reason = _REASONS.get(error.errno or 0, detail)
    message = f"Could not save {path}: {reason}. The file on disk was not changed."
    code = REASON_CODES.get(error.errno or 0, "")
    return SaveError(
        message, error.errno, "save-failed", path=str(path), reason=code, detail=detail
    )


def is_temp_file(path: Path) -> bool:
    """True for a temp file left behind by an interrupted atomic_write (safe to delete)."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _target_of(path: Path) -> Path:
    """Write through symlinks (replacing the link itself would orphan the real file)."""
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file():
        raise SaveError(
            f"Could not save {path}: it is not a regular file.",
            errno.EISDIR,
            "not-regular-file",
            path=str(path),
        )
    return target


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some file systems cannot open folders; the rename is done anyway
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder: write, fsync, rename. Raises SaveError.

    Either the whole new content is on disk under `path`, or the old file is untouched and no
    temp file is left behind. The file keeps its permission bits.
    """
    path = Path(path)
    target = _target_of(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644  # os.umask() cannot be read without changing it (racy with threads)
    except OSError as error:
        raise save_error(path, error) from error
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise save_error(path, error) from error
    finally:
        if temp_name is not None:
            _remove_quietly(temp_name)
    _fsync_folder(target.parent)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
