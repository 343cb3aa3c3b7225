"""The preview page: one HTML document with the post's header, feature text, image and body.

The live preview loads this page once and then patches `#pe-body` block by block through
`window.postEditor` (resources/preview/preview.js), so the structure stays the same for
every post: `#pe-notice`, `#pe-feature`, `#pe-header`, `#pe-image`, and `#pe-body` holding
one `.pe-block` per top-level block. Everything shown passes through sanitize_html, and a
Content-Security-Policy allows only the page's own script (by hash), inline styles, and
pictures from the site folder.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

from editor.render.blocks import Unwrap, split_blocks, wrap_blocks
from editor.render.page_images import ImageLinker, frame_placeholders
from editor.render.sanitize import sanitize_html
from editor.resources import resource_path

PREVIEW_DIR = ("preview",)
DEFAULT_LANG = "ko"  # the posts this editor is for are Korean; lang picks Korean glyphs


def render_page(
    post: Any, site: Any | None, *, body_html: str | None = None, base_url: str | None = None
) -> str:
    """The full preview document for `post`.

    `body_html` is render_body(post.body) when the caller already has it; `base_url` is
    where the site folder is served (default: its file:// URL).
    """
    if body_html is None:
        body_html = _render_markdown(post.body or "")
    linker = ImageLinker(site, base_url)
    script = _resource_text("preview.js")
    fields = {
        "lang": html.escape(str(_site_config(site).get("lang") or DEFAULT_LANG), quote=True),
        "csp": _attribute_text(content_security_policy(script, linker.base_url)),
        "title": html.escape(_title_of(post)),
        "theme_css": _style_text(page_css(site)),
        "code_css": _style_text(_code_css()),
        "preview_css": _style_text(_resource_text("preview.css")),
        "notice": notice_html(post),
        "feature": feature_html(post, linker),
        "header": header_html(post),
        "image": image_html(post, linker),
        "body": wrap_blocks(_preview_fragment(body_html, linker), wrapper_filter(site)),
        "script": script,
    }
    return Template(_resource_text("page.html")).substitute(fields)


def body_blocks(body_html: str, site: Any | None, *, base_url: str | None = None) -> list[str]:
    """The body as the page shows it, one HTML string per block, for replaceBlocks()."""
    fragment = _preview_fragment(body_html, ImageLinker(site, base_url))
    return split_blocks(fragment, wrapper_filter(site))


def wrapper_filter(site: Any | None) -> Unwrap:
    """Which top-level <div>s the preview may leave out so that their children become blocks:
    those with nothing but ids, classes and data attributes that no page CSS mentions, which
    makes them invisible boxes (Tistory's `tt_article_useless_p_margin`, `#wrap`)."""
    css = page_css(site) + _resource_text("preview.css") + _code_css()

    def transparent(tag: str, attributes: dict[str, str]) -> bool:
        if tag != "div":
            return False
        if any(name not in ("id", "class") and not name.startswith("data-") for name in attributes):
            return False
        names = attributes.get("class", "").split() + attributes.get("id", "").split()
        return not any(_mentioned_in(css, name) for name in names)

    return transparent


def _mentioned_in(css: str, name: str) -> bool:
    return re.search(r"[.#]" + re.escape(name) + r"(?![\w-])", css) is not None


def _preview_fragment(fragment: str, linker: ImageLinker) -> str:
    """Embedded frames named by placeholders, then sanitised, then pictures linked."""
    return linker.rewrite(sanitize_html(frame_placeholders(fragment, linker.labels)))


def content_security_policy(script: str, base_url: str | None) -> str:
    """Only the page's own script (by hash), inline styles, and the site's pictures and fonts."""
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    media = _site_source(base_url) + " data:"
    directives = [
        "default-src 'none'",
        f"script-src 'sha256-{script_hash}'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src {media}",
        f"font-src {media}",
        "media-src 'none'",
        "connect-src 'none'",
        "frame-src 'none'",
        "child-src 'none'",
        "worker-src 'none'",
        "object-src 'none'",
        "manifest-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
    ]
    return "; ".join(directives)


def _site_source(base_url: str | None) -> str:
    """CSP source for the site's files: `file:` or the origin that serves the site."""
    parts = urlsplit(base_url or "file:///")
    if parts.scheme in ("", "file"):
        return "file:"
    return f"{parts.scheme}://{parts.netloc}"


def header_html(post: Any) -> str:
    """Title, date and categories, with Minima's class names (site CSS styles them)."""
    title = f'<h1 class="post-title p-name">{html.escape(_title_of(post))}</h1>'
    meta = []
    date = _date_text(post)
    if date:
        meta.append(f'<time class="dt-published" datetime="{date}">{date}</time>')
    categories = _categories_of(post)
    if categories:
        names = "".join(
            f'<span class="pe-category">{html.escape(name)}</span>' for name in categories
        )
        meta.append(f'<span class="pe-categories">{names}</span>')
    if not meta:
        return title
    return title + '<p class="post-meta">' + " • ".join(meta) + "</p>"


def feature_html(post: Any, linker: ImageLinker) -> str:
    """feature_text is Markdown: rendered, sanitised, pictures linked; empty when absent."""
    text = getattr(post, "feature_text", None)
    if not isinstance(text, str) or not text.strip():
        return ""
    rendered = _preview_fragment(_render_markdown(text), linker)
    return f'<div class="feature-inner">{rendered}</div>'


def image_html(post: Any, linker: ImageLinker) -> str:
    """The post's `image` (a path, or Chirpy's mapping with `path` and `alt`)."""
    meta = getattr(post, "meta", None)
    image = meta.get("image") if isinstance(meta, dict) else getattr(post, "image", None)
    alt = _title_of(post)
    if isinstance(image, dict):
        alt = str(image.get("alt") or alt)
        image = image.get("path") or image.get("src")
    if not isinstance(image, str) or not image.strip():
        return ""
    tag = (
        f'<img src="{html.escape(image.strip(), quote=True)}" alt="{html.escape(alt, quote=True)}">'
    )
    return linker.rewrite(sanitize_html(tag))


def notice_html(post: Any) -> str:
    """A visible note when the front matter could not be read (the body still renders)."""
    error = getattr(post, "meta_error", None)
    if not error:
        return ""
    return (
        '<p class="pe-notice-text"><strong>Front matter could not be read:</strong> '
        f"{html.escape(str(error))}. The body is shown below as written.</p>"
    )


def page_css(site: Any | None) -> str:
    """The site's built CSS when it has some (_site/assets/css/*.css or a theme's main.css),
    with relative url()s made absolute; otherwise the bundled Minima-like stylesheet."""
    files = _built_css_files(site)
    if not files:
        return _resource_text("theme.css")
    build_root = Path(site.root) / "_site"
    return "\n".join(_site_css_text(path, build_root) for path in files)


def _built_css_files(site: Any | None) -> list[Path]:
    if site is None:
        return []
    build_root = Path(site.root) / "_site"
    folder_files = sorted((build_root / "assets" / "css").glob("*.css"))
    if folder_files:
        return [path for path in folder_files if path.is_file()]
    candidates = ("assets/main.css", "assets/style.css", "css/main.css", "css/style.css")
    return [build_root / name for name in candidates if (build_root / name).is_file()][:1]


def _site_css_text(path: Path, build_root: Path) -> str:
    stat = path.stat()
    return _cached_site_css(str(path), str(build_root), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _cached_site_css(path: str, build_root: str, mtime_ns: int, size: int) -> str:
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return absolute_css_urls(text, Path(path), Path(build_root))


_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^#")


def absolute_css_urls(css: str, css_file: Path, build_root: Path) -> str:
    """Point relative url()s at the built site's files, since the CSS is inlined in the page.
    Remote url()s are left as they are: the page's CSP does not let them load."""

    def absolute(match: re.Match[str]) -> str:
        target = match.group(2).strip()
        if not target or _HAS_SCHEME.match(target):
            return match.group(0)
        path_part, suffix = re.match(r"([^?#]*)(.*)", target).groups()
        base = build_root if path_part.startswith("/") else css_file.parent
        file_path = (base / path_part.lstrip("/")).resolve()
        return f'url("{file_path.as_uri()}{suffix}")'

    return _CSS_URL.sub(absolute, css)


def _attribute_text(value: str) -> str:
    """Escape for a double-quoted attribute, keeping the CSP's single quotes readable."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _style_text(css: str) -> str:
    """CSS that cannot end the <style> element early."""
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


@lru_cache(maxsize=8)
def _resource_text(name: str) -> str:
    return resource_path(*PREVIEW_DIR, name).read_text(encoding="utf-8")


def _render_markdown(text: str) -> str:
    from editor.render.pipeline import render_body  # the other half of the renderer

    return render_body(text)


@lru_cache(maxsize=1)
def _code_css() -> str:
    from editor.render import pipeline

    pygments_css = getattr(pipeline, "pygments_css", None)
    if pygments_css is not None:
        return pygments_css()
    from pygments.formatters import HtmlFormatter  # until the pipeline provides its own

    return HtmlFormatter().get_style_defs(".highlight")


def _site_config(site: Any | None) -> dict:
    config = getattr(site, "config", None) if site is not None else None
    return config if isinstance(config, dict) else {}


def _title_of(post: Any) -> str:
    title = getattr(post, "title", None)
    if title:
        return str(title)
    path = getattr(post, "path", None)
    return Path(path).stem if path else "Untitled"


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _date_text(post: Any) -> str:
    """YYYY-MM-DD from the `date` field, else from the file name as Jekyll does."""
    value = getattr(post, "date", None)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    path = getattr(post, "path", None)
    for candidate in (str(value or ""), Path(path).name if path else ""):
        match = _ISO_DATE.match(candidate.strip())
        if match:
            year, month, day = (int(part) for part in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _categories_of(post: Any) -> list[str]:
    categories = getattr(post, "categories", None)
    if isinstance(categories, str):
        return categories.split()
    if isinstance(categories, list | tuple):
        return [str(name) for name in categories if str(name).strip()]
    return []
