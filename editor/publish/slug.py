"""Slugs for post file names: Jekyll's slugify, a romanised ASCII slug, numbered posts.

A slug becomes part of a file name inside the site, so every slug is checked by
``check_slug`` before it is used: no path separators, no NUL or control characters, no
Windows device names, and short enough for every file system.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from editor.publish.wording import Refusal

# "YYYY-MM-DD-" + slug + ".md" stays well under the 255-byte name limit of ext4 and NTFS,
# leaving room for the temporary names used while publishing.
MAX_SLUG_BYTES = 180

SLUG_MODES = ("auto", "front-matter", "title", "romanized", "number")

_WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    f"{prefix}{n}" for prefix in ("com", "lpt") for n in range(10)
}
_PRETTY_KEEP = set("._~!$&'()+,;=@")
_NUMBERED_POST = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(\d+)\.(?:md|markdown|html)$")


class SlugError(Refusal):
    """The slug cannot name a file safely; the message says why and what to do."""


def _is_word_char(char: str) -> bool:
    """Ruby's ``[\\p{M}\\p{L}\\p{Nd}]``: marks, letters, decimal digits."""
    category = unicodedata.category(char)
    return category[0] in ("M", "L") or category == "Nd"


def jekyll_slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Jekyll 4's ``Utils.slugify`` (lib/jekyll/utils.rb) for the raw/default/pretty/ascii modes.

    Default mode: every run of characters that are not letters, marks or decimal digits
    becomes one hyphen, one leading and one trailing hyphen are dropped, then the result is
    lower-cased. Korean letters are letters, so they are kept.
    """
    if mode == "raw":
        # Ruby's \s is ASCII whitespace only.
        keep = lambda c: c not in " \t\n\v\f\r"  # noqa: E731
    elif mode == "pretty":
        keep = lambda c: _is_word_char(c) or c in _PRETTY_KEEP  # noqa: E731
    elif mode == "ascii":
        keep = lambda c: c.isascii() and c.isalnum()  # noqa: E731
    elif mode == "default":
        keep = _is_word_char
    else:
        return text if cased else ruby_downcase(text)
    pieces: list[str] = []
    in_run = False
    for char in text:
        if keep(char):
            pieces.append(char)
            in_run = False
        elif not in_run:
            pieces.append("-")
            in_run = True
    slug = "".join(pieces)
    slug = slug.removeprefix("-").removesuffix("-")
    return slug if cased else ruby_downcase(slug)


def ruby_downcase(text: str) -> str:
    """Ruby's String#downcase: full Unicode case mapping, but no final-sigma rule
    (Python's str.lower turns a word-final "Σ" into "ς"; Ruby gives "σ")."""
    return "".join(char.lower() for char in text)


def romanized_slug(text: str) -> str:
    """An ASCII slug: Korean in Revised Romanization, accents dropped, then Jekyll's ascii mode."""
    from korean_romanizer.romanizer import Romanizer

    romanized = Romanizer(text).romanize()
    decomposed = unicodedata.normalize("NFKD", romanized)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return jekyll_slugify(ascii_text, mode="ascii")


def numbered_posts(post_names: list[str]) -> list[int]:
    return [int(m.group(1)) for m in map(_NUMBERED_POST.match, post_names) if m]


def uses_numbered_names(post_names: list[str]) -> bool:
    """True when most posts are named ``YYYY-MM-DD-<number>.md`` (at least three of them)."""
    numbers = numbered_posts(post_names)
    return len(numbers) >= 3 and len(numbers) * 10 >= len(post_names) * 8


def _post_names(site) -> list[str]:
    return [Path(p).name for p in site.post_files() if Path(p).parent == Path(site.posts_dir)]


def next_number_slug(site) -> str | None:
    """The next free number for sites that name posts by number, else None."""
    names = _post_names(site)
    if not uses_numbered_names(names):
        return None
    return str(max(numbered_posts(names)) + 1)


def truncate_slug(slug: str, max_bytes: int = MAX_SLUG_BYTES) -> str:
    """Cut a derived slug to ``max_bytes`` of UTF-8 at a character boundary, without a
    dangling hyphen."""
    if len(slug.encode("utf-8")) <= max_bytes:
        return slug
    cut = slug.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
    return cut.rstrip("-.")


def check_slug(slug: str) -> str:
    """Return ``slug`` when it can name a post file safely, else raise SlugError."""
    if not slug:
        message = "the slug is empty: give one with --slug or a `slug:` in the front matter"
        raise SlugError(message, "slug-empty")
    if "/" in slug or "\\" in slug:
        raise SlugError(f"the slug {slug!r} contains a path separator", "slug-separator", slug=slug)
    if any(unicodedata.category(c) == "Cc" for c in slug):
        message = f"the slug {slug!r} contains a control character (NUL, tab, newline...)"
        raise SlugError(message, "slug-control", slug=slug)
    if slug.startswith(".") or slug.endswith((".", " ")):
        message = f"the slug {slug!r} starts or ends with a dot or space"
        raise SlugError(message, "slug-dot", slug=slug)
    if slug.split(".")[0].lower() in _WINDOWS_DEVICES:
        message = f"the slug {slug!r} is a reserved device name on Windows; choose another"
        raise SlugError(message, "slug-device", slug=slug)
    if any(c in slug for c in '<>:"|?*'):
        message = f"the slug {slug!r} contains a character Windows forbids in file names"
        raise SlugError(message, "slug-windows-char", slug=slug)
    if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        message = f"the slug is longer than {MAX_SLUG_BYTES} bytes; shorten it"
        raise SlugError(message, "slug-too-long", limit=MAX_SLUG_BYTES)
    return slug
