"""Copy images into a site's image folder under safe, content-deduplicated names.

Qt-free. Used by the publisher (for images a post references from outside the site) and by
the editor (for pasted or dropped images). Nothing here writes outside the site folder: a
symlinked image folder or target file is refused, because following it could overwrite a
file anywhere on the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from pathlib import Path, PurePosixPath

KNOWN_IMAGE_EXTENSIONS = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".svg",
    ".bmp",
    ".avif",
    ".ico",
    ".tif",
    ".tiff",
)

# Windows refuses these as file names whatever the extension; sites are cloned on Windows too.
_RESERVED_STEMS = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}
_MAX_STEM = 80

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"BM", ".bmp"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"\x00\x00\x01\x00", ".ico"),
)


class UnsafePathError(ValueError):
    """A path would leave the site folder or pass through a symlink."""


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_image_extension(data: bytes) -> str | None:
    """The extension the bytes' magic number says, or None when they are no known image."""
    for magic, ext in _MAGIC:
        if data.startswith(magic):
            return ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return ".avif"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return ".svg"
    return None


_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def _romanized(text: str) -> str:
    """Hangul in Revised Romanization (가을 사진 -> gaeul sajin); other text unchanged."""
    if not _HANGUL.search(text):
        return text
    try:
        from korean_romanizer.romanizer import Romanizer
    except ImportError:  # a runtime dependency; without it Korean names fall back to a hash
        return text
    return Romanizer(text).romanize()


def _ascii_stem(stem: str) -> str:
    """A readable ASCII stem: Korean romanised, accents dropped, spaces and unsafe characters
    turned into single '-'. The corpus's image names are all ASCII (img_1.png, koreanews.jpg)."""
    decomposed = unicodedata.normalize("NFKD", _romanized(unicodedata.normalize("NFC", stem)))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_only)
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-_")
    return cleaned[:_MAX_STEM].strip("-_")


def safe_image_name(name_hint: str, data: bytes) -> str:
    """An ASCII file name with no path parts that keeps (or finds) a known image extension.

    ``../../etc/passwd.png`` gives ``passwd.png``; ``가을 사진 (1).png`` gives
    ``gaeul-sajin-1.png``; a hint with nothing readable left (empty, Chinese only) gives
    ``image-<hash>.ext``; Windows device names such as ``CON`` get an ``img-`` prefix.
    """
    hint = (name_hint or "").replace("\x00", "")
    last = re.split(r"[\\/]", hint)[-1]
    stem, dot, ext = last.rpartition(".")
    if not dot:
        stem, ext = last, ""
    ext = "." + ext.lower() if ext else ""
    if ext == ".jpe":
        ext = ".jpg"
    if ext not in KNOWN_IMAGE_EXTENSIONS:
        ext = sniff_image_extension(data) or ".png"
    clean = _ascii_stem(stem)
    if not clean:
        clean = "image-" + content_hash(data)[:10]
    if clean.lower() in _RESERVED_STEMS:
        clean = "img-" + clean
    return clean + ext


def numbered_image_name(folder: Path, base: str, ext: str = ".png") -> str:
    """``<base>-<n><ext>`` with the first n >= 1 whose file is not in ``folder`` yet, ``base``
    made readable ASCII like :func:`safe_image_name` does. Names pasted images after their
    post (``2023-09-29-digital-transformation-1.png``); ``image-<n>`` when nothing is left."""
    stem = _ascii_stem(base) or "image"
    number = 1
    while (folder / f"{stem}-{number}{ext}").exists():
        number += 1
    return f"{stem}-{number}{ext}"


def is_inside(root: Path, path: Path) -> bool:
    """True when ``path`` (after resolving ``..`` and symlinks) lies within ``root``."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return False
    return True


def ensure_safe_target(root: Path, target: Path) -> None:
    """Refuse a target outside ``root`` or reached through a symlink (folder or file)."""
    root = Path(os.path.abspath(root))
    target = Path(os.path.abspath(target))
    try:
        relative = target.relative_to(root)
    except ValueError:
        raise UnsafePathError(f"{target} is outside the site folder {root}") from None
    if ".." in relative.parts or not relative.parts:
        raise UnsafePathError(f"{target} is not a file inside the site folder {root}")
    current = root
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            raise UnsafePathError(f"refusing to write through the symlink {current}")
    if not is_inside(root, target):
        raise UnsafePathError(f"{target} resolves outside the site folder {root}")


def _site_root(site) -> Path:
    return Path(site.root)


def _same_content_in(folder: Path, data: bytes) -> Path | None:
    if not folder.is_dir():
        return None
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() or not entry.is_file():
            continue
        with contextlib.suppress(OSError):
            if entry.stat().st_size == len(data) and entry.read_bytes() == data:
                return entry
    return None


def choose_image_target(
    site, data: bytes, name_hint: str, pending: dict[Path, bytes] | None = None
) -> tuple[Path, str, bool]:
    """Where ``data`` goes in the site: ``(target, url, reuse)``; writes nothing.

    ``reuse`` is True when a file with identical content is already there. ``pending`` maps
    targets already promised to other images in the same publish, so two different images
    with the same name do not collide before either is written.
    """
    root = _site_root(site)
    folder = Path(site.image_dir)
    pending = pending if pending is not None else {}
    ensure_safe_target(root, folder / "probe")
    for target, promised in pending.items():
        if promised == data:
            return target, site_url(root, target), True
    existing = _same_content_in(folder, data)
    if existing is not None:
        return existing, site_url(root, existing), True
    name = safe_image_name(name_hint, data)
    stem, ext = os.path.splitext(name)
    digest = content_hash(data)
    for candidate in (name, f"{stem}-{digest[:8]}{ext}", f"{stem}-{digest[:16]}{ext}"):
        target = folder / candidate
        ensure_safe_target(root, target)
        if not target.exists() and not target.is_symlink() and target not in pending:
            return target, site_url(root, target), False
    raise UnsafePathError(f"no free name for {name} in {folder}")


def site_url(root: Path, target: Path) -> str:
    relative = Path(os.path.abspath(target)).relative_to(os.path.abspath(root))
    return "/" + PurePosixPath(*relative.parts).as_posix()


def _write_new_file(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: never a half image."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def make_image_dir(site) -> Path:
    """Create the site's image folder (and parents) after checking none of it is a symlink."""
    root = _site_root(site)
    folder = Path(site.image_dir)
    ensure_safe_target(root, folder / "probe")
    folder.mkdir(parents=True, exist_ok=True)
    ensure_safe_target(root, folder / "probe")
    return folder


def store_image(site, data: bytes, name_hint: str) -> str:
    """Copy ``data`` into ``site.image_dir`` and return its site URL, e.g. ``/assets/img/x.png``.

    Identical content already in the folder is reused; a name taken by other content gets a
    short content hash. Raises UnsafePathError for symlinks or paths leaving the site.
    """
    make_image_dir(site)
    target, url, reuse = choose_image_target(site, data, name_hint)
    if not reuse:
        _write_new_file(target, data)
    return url
