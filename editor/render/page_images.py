"""Pictures in the preview: site files by file URL, everything else as a visible placeholder.

Runs on sanitised HTML (html5ever's serialisation: double-quoted attribute values), so a
small tag pattern is enough. A site-absolute `src="/assets/img/x.jpg"` becomes a URL of the
file inside the site folder when the file exists; a missing file, a remote picture (the
preview makes no network requests) and an `<img>` whose address the sanitiser removed are
replaced by a styled box that names the address.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from editor.render.blocks import parse_attributes

_IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

_FRAME = re.compile(
    r"<iframe\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?:.*?</iframe\s*>)?", re.IGNORECASE | re.DOTALL
)

MISSING = "missing"
REMOTE = "remote"
BLOCKED = "blocked"
FRAME = "frame"
NO_ADDRESS = "no-address"  # the labels' key for what stands in for an empty address
_LABELS = {
    FRAME: "Embedded frame, not loaded in the preview",
    MISSING: "Image not found in the site folder",
    REMOTE: "Remote image, not loaded in the preview",
    BLOCKED: "Image without an address the preview may load",
}


def site_base_url(site: Any | None) -> str | None:
    """The site folder as a file:// URL ending in a slash, or None without a site."""
    if site is None:
        return None
    return Path(site.root).resolve().as_uri().rstrip("/") + "/"


class ImageLinker:
    """Rewrites <img> tags of one page; `base_url` is where the site root is served."""

    def __init__(
        self, site: Any | None, base_url: str | None = None, labels: Any | None = None
    ) -> None:
        self.site = site
        self.base_url = base_url or site_base_url(site)
        # the placeholders' words in the UI language: {kind: label} (pairs also do); English
        # when not given (the command line, exports)
        self.labels = dict(labels) if labels else None

    def rewrite(self, fragment: str) -> str:
        return _IMG_TAG.sub(lambda match: self.image_tag(match.group(0)), fragment)

    def image_tag(self, tag: str) -> str:
        attributes = _parse_attributes(tag)
        source = attributes.get("src", "").strip()
        kind, url = self.locate(source)
        if kind is None:
            attributes["src"] = url
            return _build_tag("img", attributes)
        return placeholder(kind, source, attributes.get("alt", ""), self.labels)

    def locate(self, source: str) -> tuple[str | None, str]:
        """(None, url to load) for a loadable picture, else (placeholder kind, source)."""
        if not source:
            return BLOCKED, source
        if source.lower().startswith("data:image/"):
            return None, source
        if source.startswith("//") or _SCHEME.match(source):
            scheme = urlsplit(source).scheme.lower()
            return (REMOTE if scheme in ("http", "https", "") else BLOCKED), source
        url = self.site_file_url(source)
        return (None, url) if url else (MISSING, source)

    def site_file_url(self, source: str) -> str | None:
        """URL of the existing site file that a site-absolute `source` names, if any.

        Relative sources give None: on the blog they resolve against the post's permalink,
        where they are almost never found, so the preview shows them as missing too.
        """
        if self.site is None or self.base_url is None:
            return None
        resolved = self.site.resolve_site_path(source)
        if resolved is None or not Path(resolved).is_file():
            return None
        relative = Path(resolved).relative_to(Path(self.site.root).resolve())
        return self.base_url + quote(relative.as_posix(), safe="/")


def frame_placeholders(fragment: str, labels: dict | None = None) -> str:
    """Name each <iframe> (a video, a map) by its address; the sanitiser drops frames."""

    def replace(match: re.Match[str]) -> str:
        source = _parse_attributes("<img" + match.group(1) + ">").get("src", "").strip()
        return placeholder(FRAME, source, labels=labels)

    return _FRAME.sub(replace, fragment)


def placeholder(kind: str, source: str, alt: str = "", labels: dict | None = None) -> str:
    """The box shown instead of a picture; it names the address so the writer can fix it."""
    words = labels or {}
    label = words.get(kind) or _LABELS[kind]
    shown = source or words.get(NO_ADDRESS) or "(no address)"
    parts = [
        f'<span class="pe-img-label">{html.escape(label)}</span>',
        f'<span class="pe-img-path">{html.escape(shown)}</span>',
    ]
    if alt:
        parts.append(f'<span class="pe-img-alt">{html.escape(alt)}</span>')
    aria = html.escape(f"{label}: {shown}", quote=True)
    return (
        f'<span class="pe-img-placeholder pe-img-{kind}" role="img" aria-label="{aria}"'
        f' data-src="{html.escape(source, quote=True)}">' + "".join(parts) + "</span>"
    )


def _parse_attributes(tag: str) -> dict[str, str]:
    return parse_attributes(tag[len("<img") : -1])


def _build_tag(name: str, attributes: dict[str, str]) -> str:
    rendered = "".join(
        f' {key}="{html.escape(value, quote=True)}"' for key, value in attributes.items()
    )
    return f"<{name}{rendered}>"
