"""Find the images a post references and decide, for each, whether it must be copied.

Markdown images ``![alt](url "title")`` and HTML ``<img src=...>`` are found outside code
(fenced blocks and inline code are examples, not references). Each URL is classified:

- remote (``https:``, ``//host``, ``data:``, Liquid ``{{ }}``): left alone;
- in the site (``/assets/img/x.png`` or a path that resolves inside the site): left alone;
- local (a file outside the site, or an absolute disk path): copied and its link rewritten;
- missing: the publish stops before writing anything.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from editor.core.image_store import is_inside

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# The bare URL may hold spaces (writers paste file names like "my shot.png"); a following
# word that starts with a quote or parenthesis is the image's title, not the URL.
_MD_IMAGE = re.compile(
    r"!\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(?:<([^>\n]*)>|([^\s)]+(?:[ ]+[^\s)\"'(][^\s)]*)*))"
)
_HTML_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I | re.S)
_REF_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?!\()")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class ImageRef:
    """One image URL in the body: ``body[start:end] == url``."""

    start: int
    end: int
    url: str
    line: int


@dataclass(frozen=True)
class ResolvedImage:
    kind: str  # "remote" | "site" | "local" | "missing"
    path: Path | None
    rewrite: bool  # True when the link must become a site URL


def _mask_code(body: str) -> str:
    """Blank out code so examples inside it are not taken for references (offsets kept)."""
    masked = body
    for pattern in (_FENCE, _INLINE_CODE):
        masked = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    return masked


def find_image_refs(body: str) -> list[ImageRef]:
    masked = _mask_code(body)
    refs: list[ImageRef] = []
    for pattern in (_MD_IMAGE, _HTML_IMG):
        for match in pattern.finditer(masked):
            group = next(i for i in range(1, pattern.groups + 1) if match.group(i) is not None)
            start, end = match.span(group)
            if start == end:
                continue
            line = body.count("\n", 0, start) + 1
            refs.append(ImageRef(start, end, body[start:end], line))
    refs += _reference_style_refs(body, masked)
    return sorted(refs, key=lambda r: r.start)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _reference_style_refs(body: str, masked: str) -> list[ImageRef]:
    """``![alt][label]`` / ``![label]`` images: the URL is in the ``[label]: url`` line."""
    used = {_label(m.group(2) or m.group(1)) for m in _REF_IMAGE.finditer(masked)}
    refs = []
    for match in _REF_DEFINITION.finditer(masked):
        if _label(match.group(1)) not in used:
            continue  # a link definition, not an image's
        group = 2 if match.group(2) is not None else 3
        start, end = match.span(group)
        if start != end:
            refs.append(ImageRef(start, end, body[start:end], body.count("\n", 0, start) + 1))
    return refs


def _is_remote(url: str) -> bool:
    if url.startswith(("//", "{{", "{%", "#")):
        return True
    return bool(_SCHEME.match(url)) and not url.lower().startswith("file:")


def _disk_path(url: str) -> Path:
    if url.lower().startswith("file:"):
        return Path(url2pathname(urlsplit(url).path))
    return Path(unquote(urlsplit(url).path) if "%" in url or "?" in url else url)


def resolve_image(url: str, post_dir: Path | None, site_root: Path) -> ResolvedImage:
    """Classify one image URL; see the module docstring."""
    if _is_remote(url):
        return ResolvedImage("remote", None, False)
    path = _disk_path(url)
    if url.startswith("/") and not url.lower().startswith("file:"):
        in_site = site_root / unquote(urlsplit(url).path).lstrip("/")
        if is_inside(site_root, in_site) and in_site.is_file():
            return ResolvedImage("site", in_site, False)
    candidates = [path] if path.is_absolute() else []
    if not path.is_absolute():
        candidates = [(post_dir / path) if post_dir else None, site_root / path]
    for candidate in filter(None, candidates):
        if candidate.is_file():
            inside = is_inside(site_root, candidate)
            # A relative link into the site works as written; an absolute disk path into
            # the site does not work on the web, so it becomes the site URL.
            kind = "site" if inside else "local"
            rewrite = inside and path.is_absolute() or kind == "local"
            return ResolvedImage(kind, Path(os.path.abspath(candidate)), rewrite)
    return ResolvedImage("missing", None, False)


def rewrite_refs(body: str, replacements: list[tuple[ImageRef, str]]) -> str:
    """Replace each reference's URL text with its new URL (from the end, so offsets hold)."""
    for ref, new_url in sorted(replacements, key=lambda item: item[0].start, reverse=True):
        body = body[: ref.start] + new_url + body[ref.end :]
    return body
