"""A post: raw front matter text + body, kept exactly as read; edits touch only what changed.

`Post.load` never raises for bad YAML or bad encodings: broken YAML leaves `meta == {}` with the
error (line and column in the file) in `meta_error`; undecodable bytes open for viewing only
(`read_only_reason`), and `save` refuses them. An unchanged post gives back identical bytes.
"""

from __future__ import annotations

import datetime
import errno
import stat
from pathlib import Path

from editor.core import frontmatter
from editor.core.frontmatter import FrontMatterError
from editor.core.textio import (
    DEFAULT_FORMAT,
    DecodeError,
    EncodeError,
    SaveError,
    TextFormat,
    atomic_write,
    decode,
    dominant_newline,
    encode,
    restore_newlines,
    split_lines,
    to_lf,
)
from editor.core.yaml_style import KEEP

_FENCE = "---"
MAX_POST_BYTES = 64 * 1024 * 1024  # far above any post; stops /dev/zero or a video file


def _read_post_bytes(path: Path) -> bytes:
    info = path.stat()  # before opening: opening a FIFO would block
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    if info.st_size > MAX_POST_BYTES:
        raise OSError(errno.EFBIG, f"too large for a post ({info.st_size / 2**20:,.0f} MB)")
    with path.open("rb") as handle:
        return handle.read(MAX_POST_BYTES + 1)


class Post:
    """One post file. Attributes are public for reading; change it through the methods."""

    def __init__(self, text: str, path: Path | None, text_format: TextFormat) -> None:
        self.path = Path(path) if path is not None else None
        self.text_format = text_format
        self.read_only_reason: str | None = None
        self.decode_error: str | None = None  # why the bytes could not be read as text
        self._original_bytes: bytes | None = None
        self._set_whole_text(text)

    # ------------------------------------------------------------------ opening

    @classmethod
    def load(cls, path: Path) -> Post:
        """Read a post. Raises OSError (with a plain message) only when the file can't be read."""
        path = Path(path)
        try:
            data = _read_post_bytes(path)
        except FileNotFoundError:
            raise FileNotFoundError(2, f"No such file: {path}", str(path)) from None
        except IsADirectoryError:
            raise IsADirectoryError(21, f"{path} is a folder, not a post", str(path)) from None
        except PermissionError:
            raise PermissionError(13, f"Permission denied: cannot read {path}", str(path)) from None
        except OSError as error:
            reason = error.strerror or str(error)
            raise OSError(error.errno, f"Cannot read {path}: {reason}", str(path)) from None
        return cls.from_bytes(data, path)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | None = None) -> Post:
        try:
            text, text_format = decode(data)
        except DecodeError as error:
            # Shown for reading with U+FFFD where bytes are bad; never written back.
            text = data.decode("utf-8", "replace").replace("\x00", "\ufffd")
            post = cls(text, path, TextFormat("utf-8", b"", dominant_newline(text)))
            post.decode_error = str(error)
            post.read_only_reason = f"{error} Opened for viewing only; it cannot be saved."
            post._original_bytes = data
            return post
        return cls(text, path, text_format)

    @classmethod
    def from_text(
        cls, text: str, path: Path | None = None, text_format: TextFormat | None = None
    ) -> Post:
        """A new post (nothing on disk yet); UTF-8 with the text's own line endings by default."""
        if text_format is None:
            text_format = TextFormat("utf-8", b"", dominant_newline(text))
        return cls(text, path, text_format)

    # ------------------------------------------------------------------ whole text

    def _set_whole_text(self, text: str) -> None:
        parts = frontmatter.split(text)
        self._opening = parts.opening
        self._closing = parts.closing
        self.front_matter_text: str | None = parts.yaml_text if parts.has_front_matter else None
        self.body = parts.body
        self._parse_meta()

    def _parse_meta(self) -> None:
        self.meta: dict = {}
        self.meta_error: FrontMatterError | None = None
        if self.front_matter_text is None:
            return
        try:
            frontmatter.refuse_fence_lines(self.front_matter_text, self.front_matter_first_line)
            self.meta = frontmatter.parse(self.front_matter_text, self.front_matter_first_line)
        except FrontMatterError as error:
            self.meta_error = error

    @property
    def front_matter_first_line(self) -> int:
        """1-based file line of the first YAML line (2 unless the opening fence is odd)."""
        return len(split_lines(self._opening)) + 1

    @property
    def body_first_line(self) -> int:
        """1-based file line where the body starts."""
        head = self._opening + (self.front_matter_text or "") + self._closing
        lines = split_lines(head)
        return len(lines) + 1

    def text(self) -> str:
        """The whole file as text, with its own line endings.

        The closing fence always starts its own line: raw YAML typed without a final line
        break gets one here, or `key: value---` would end the front matter nowhere and the
        whole file would read back as body.
        """
        yaml_text = self.front_matter_text or ""
        if yaml_text and not yaml_text.endswith(("\n", "\r")) and self._closing:
            yaml_text += self.text_format.newline
        return self._opening + yaml_text + self._closing + self.body

    def text_lf(self) -> str:
        """The whole file as an editor widget shows it (LF line endings)."""
        return to_lf(self.text())

    def to_bytes(self) -> bytes:
        if self._original_bytes is not None:
            return self._original_bytes  # read-only: exactly what was read, nothing else
        return encode(self.text(), self.text_format)

    # ------------------------------------------------------------------ editing

    def set_text(self, text: str) -> None:
        """Replace the whole file text (front matter re-split and re-parsed)."""
        self._set_whole_text(text)

    def set_text_lf(self, edited_lf: str) -> None:
        """Replace the whole text from an LF editor; untouched lines keep their endings."""
        self._set_whole_text(restore_newlines(self.text(), edited_lf, self.text_format.newline))

    def set_body(self, body: str, reread_front_matter: bool = True) -> None:
        """Replace the body (with its own line endings). Without front matter, a body that
        starts with a `---` block is re-read as front matter, exactly as Jekyll would,
        unless `reread_front_matter` is False: an editor that holds the body in a widget
        keeps it there as typed (re-reading would move it out of the body, and the next
        sync would put it back: the block twice)."""
        self.body = body
        if self.front_matter_text is None and reread_front_matter:
            self._set_whole_text(self.text())

    def set_body_lf(self, edited_lf: str) -> None:
        """Replace the body from an LF editor; untouched lines keep their own endings."""
        self.set_body(restore_newlines(self.body, edited_lf, self.text_format.newline))

    def set_front_matter_text(self, yaml_text: str) -> None:
        """Raw-YAML editing, kept exactly as typed, valid or not; re-parses (an error is kept
        in meta_error, never raised). The text is never moved into the body: a `---` line
        typed inside it is reported as an error and saved as typed, so nothing is lost."""
        if self.front_matter_text is None:
            self._add_fences()
        self.front_matter_text = yaml_text
        self._parse_meta()

    def set_meta(self, key: str, value: object, style: str | None = KEEP) -> None:
        """Set one key, format-preserving. Raises FrontMatterError when the YAML is broken.

        `style`: the scalar style to prefer (see yaml_style.render_value)."""
        if self.meta_error is not None:
            raise self.meta_error
        newline = self.text_format.newline
        text = self.front_matter_text or ""
        new_text = frontmatter.set_key(text, key, value, newline, style)
        if self.front_matter_text is None:
            self._add_fences()
        self.front_matter_text = new_text
        self._parse_meta()

    def unset_meta(self, key: str) -> None:
        if self.front_matter_text is None:
            return
        if self.meta_error is not None:
            raise self.meta_error
        self.front_matter_text = frontmatter.remove_key(self.front_matter_text, key)
        self._parse_meta()

    def remove_front_matter(self) -> None:
        """Drop the fences and the YAML (undoing the first edit of a post that had none)."""
        self._opening = self._closing = ""
        self.front_matter_text = None
        self._parse_meta()

    def _add_fences(self) -> None:
        newline = self.text_format.newline
        self._opening = _FENCE + newline
        self._closing = _FENCE + newline
        self.front_matter_text = ""

    # ------------------------------------------------------------------ saving

    def save(self, path: Path | None = None) -> None:
        """Atomic save. Raises SaveError (old file intact) on any failure."""
        target = Path(path) if path is not None else self.path
        if self.read_only_reason is not None:
            raise SaveError(f"Cannot save {target or 'this post'}: {self.read_only_reason}")
        if target is None:
            raise SaveError("Cannot save: the post has no file name yet.")
        try:
            data = self.to_bytes()
        except EncodeError as error:
            raise SaveError(f"Cannot save {target}: {error}") from None
        atomic_write(target, data)
        self.path = target

    # ------------------------------------------------------------------ fields

    @property
    def title(self) -> str | None:
        return _text_or_none(self.meta.get("title"))

    @property
    def date(self) -> datetime.date | str | None:
        value = self.meta.get("date")
        return value if isinstance(value, (datetime.date, str)) else None

    @property
    def categories(self) -> list[str]:
        return _word_list(self.meta.get("categories", self.meta.get("category")))

    @property
    def tags(self) -> list[str]:
        return _word_list(self.meta.get("tags", self.meta.get("tag")))

    @property
    def image(self) -> str | None:
        value = self.meta.get("image")
        if isinstance(value, dict):  # jekyll-seo-tag / Chirpy: image: {path: ..., alt: ...}
            value = value.get("path")
        return _text_or_none(value)

    @property
    def feature_text(self) -> str | None:
        return _text_or_none(self.meta.get("feature_text"))

    @property
    def excerpt(self) -> str | None:
        return _text_or_none(self.meta.get("excerpt"))

    @property
    def layout(self) -> str | None:
        return _text_or_none(self.meta.get("layout"))

    def __repr__(self) -> str:
        return f"Post({str(self.path)!r}, {self.text_format.encoding})"


def _text_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _word_list(value: object) -> list[str]:
    """Jekyll reads `categories: a b` as two words and a YAML list item by item."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value if item is not None]
    return str(value).split()


__all__ = ["Post", "FrontMatterError", "SaveError", "DEFAULT_FORMAT"]
