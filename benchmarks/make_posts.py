"""Build benchmark posts of a given size by repeating the reference post's body (issue #7)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE_POST = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
_SIZE = re.compile(r"^(\d+(?:\.\d+)?)([km]?)$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1000, "m": 1000_000}


def parse_size(label: str) -> int:
    """'5k' -> 5000 bytes, '2m' -> 2000000 bytes, '800' -> 800 bytes."""
    match = _SIZE.match(label.strip())
    if not match:
        raise ValueError(f"not a size: {label!r} (use e.g. 5k, 500k, 2m)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def split_reference_post(path: Path = REFERENCE_POST) -> tuple[str, str]:
    """(front matter block including its '---' lines, body)."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + len("\n---\n")
    return text[:end], text[end:]


def make_body(size_bytes: int, body: str | None = None) -> str:
    """The reference body repeated (whole copies, then a cut at a block boundary) until the
    UTF-8 size reaches about ``size_bytes``; at least one whole copy, so "5k" is the
    reference post itself, as issue #7 measures it."""
    body = body if body is not None else split_reference_post()[1]
    body = body.rstrip("\n") + "\n\n"
    copy_size = len(body.encode("utf-8"))
    copies, rest = divmod(size_bytes, copy_size)
    if copies == 0:
        return body
    tail = body.encode("utf-8")[:rest].decode("utf-8", errors="ignore")
    cut = tail.rfind("\n\n")
    return body * copies + (tail[: cut + 2] if cut > 0 else "")


def make_post(size_label: str) -> str:
    """A whole post (reference front matter + repeated body) of about ``size_label``."""
    front_matter, body = split_reference_post()
    return front_matter + make_body(parse_size(size_label), body)


def write_post(size_label: str, folder: Path) -> Path:
    """Write the post as a dated Jekyll post file in ``folder``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"2023-09-29-benchmark-{size_label.lower()}.md"
    path.write_text(make_post(size_label), encoding="utf-8")
    return path
