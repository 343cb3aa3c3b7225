"""Find where this post was published before, so publishing it again updates that file.

Without this, a site that names posts by number would get a new number (a second copy of
the post) every time the same post is published, and a post whose date or title changed
would land beside its old copy.

"The same post" is, in this order:

0. The source file itself, when it is a post in the folder the publish writes to (_posts,
   or _drafts for a draft): the writer opened a post of the site, so publishing it again
   (with a new date or title, say) rewrites that file rather than adding one beside it.
1. Recorded: the file this source file was last published to in this site. The CLI and the
   dialog record it (editor.publish.prefs) after every publish that put the post in place.
   It counts while it is still a regular file in the folder the publish writes to (_posts,
   or _drafts for a draft). Its content may differ, as the post was edited since: the plan
   then replaces that file, which is a conflict shown with its diff, never a silent write.
2. Same content: a post in that folder with the same title whose body is, character for
   character, the body this publish writes (image links already rewritten). Only its
   front matter may differ (the date the first publish wrote, say). The oldest by file
   name wins if there are several. An empty body never matches.

A post with only the same title is a different post (its body differs): it is never
targeted, but the plan warns about it. None of this applies to a slug given explicitly
(--slug, the dialog's Slug field): that name is used, with the warning if the title is taken.
In _posts only files named ``YYYY-MM-DD-<slug>.<ext>`` count (Jekyll ignores the others).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from editor.core.post import MAX_POST_BYTES, Post
from editor.core.textio import DecodeError, decode

POST_SUFFIXES = (".md", ".markdown")

# path -> ((mtime_ns, size), title, sha256 of the body); a dialog re-plans on every choice
_seen: dict[Path, tuple[tuple[int, int], str, str]] = {}
# path -> ((mtime_ns, size), title words): that file plainly has another title
_skipped: dict[Path, tuple[tuple[int, int], tuple[str, ...]]] = {}


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _title(value: object) -> str:
    return str(value or "").strip()


def _words(title: str) -> list[str]:
    """Pieces of the title any YAML spelling of it contains (quotes and escapes split it)."""
    return [word for word in re.split(r"[\s'\"\\]+", title) if word]


def _has_words(data: bytes, words: list[str]) -> bool:
    if all(word.encode("utf-8") in data for word in words):
        return True
    try:
        data.decode("utf-8")
        return False  # UTF-8 without the words (most files): no need to decode it again
    except UnicodeDecodeError:
        pass
    try:
        text = decode(data)[0]  # CP949, UTF-16 with a BOM
    except DecodeError:
        return False
    return all(word in text for word in words)


def _summary(path: Path, words: list[str]) -> tuple[str, str] | None:
    """(title, body digest) of the post file at ``path``; None if it cannot be read or
    plainly has another title (not all ``words`` in it: parsing YAML is the slow part)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    stamp = (info.st_mtime_ns, info.st_size)
    cached = _seen.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1], cached[2]
    if _skipped.get(path) == (stamp, tuple(words)):
        return None
    try:
        data = path.read_bytes() if info.st_size <= MAX_POST_BYTES else b""
    except OSError:
        return None
    if not _has_words(data, words):
        _skipped[path] = (stamp, tuple(words))
        return None
    post = Post.from_bytes(data, path)
    meta = post.meta if isinstance(post.meta, dict) else {}
    found = (_title(meta.get("title")), _digest(post.body))
    _seen[path] = (stamp, *found)
    return found


def post_files(folder: Path) -> list[Path]:
    """The regular post files directly in ``folder`` (where a publish writes), sorted."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    return [
        Path(os.path.abspath(entry.path))
        for entry in entries
        if entry.name.endswith(POST_SUFFIXES)
        and not entry.name.startswith(".")
        and entry.is_file(follow_symlinks=False)
    ]


def recorded_target(folder: Path, recorded: Path | None) -> Path | None:
    """``recorded``, named under ``folder``, if it is still a regular post file directly in
    ``folder`` (compared through symlinks: the window may hold it by another path)."""
    if recorded is None or not recorded.name.endswith(POST_SUFFIXES):
        return None
    folder = Path(os.path.abspath(folder))
    if os.path.realpath(Path(recorded).parent) != os.path.realpath(folder):
        return None
    path = folder / recorded.name
    return path if path.is_file() and not path.is_symlink() else None


def same_content(folder: Path, title: str, body: str) -> Path | None:
    """The first post in ``folder`` with this title and exactly this body, if any."""
    title, digest = _title(title), _digest(body)
    if not title or not body.strip():  # two empty posts of one title are not one post
        return None
    for path in post_files(folder):
        if _summary(path, _words(title)) == (title, digest):
            return path
    return None


def earlier_publication(
    folder: Path, title: str, body: str, source: Path | None, recorded: Path | None
) -> Path | None:
    """Where this post was published before in ``folder`` (see the module docstring)."""
    return (
        recorded_target(folder, source)
        or recorded_target(folder, recorded)
        or same_content(folder, title, body)
    )


def same_title(folders: list[Path], title: str, skip: set[Path]) -> list[Path]:
    """Posts in ``folders`` with this title, except the paths in ``skip``."""
    title = _title(title)
    if not title:
        return []
    skip = {Path(os.path.abspath(path)) for path in skip}
    return [
        path
        for folder in folders
        for path in post_files(folder)
        if path not in skip and (_summary(path, _words(title)) or ("", ""))[0] == title
    ]
