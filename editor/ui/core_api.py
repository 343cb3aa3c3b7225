"""The core and render names the window uses, imported in one place.

While editor/core and editor/render are being written, small stand-ins keep the window
usable; each disappears as soon as the real module imports.
"""

from __future__ import annotations

# ruff: noqa: F401
import html as _html
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

try:
    from editor.core.textio import restore_newlines, to_lf
except ImportError:  # stand-in until editor.core.textio lands

    def to_lf(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def restore_newlines(original: str, edited_lf: str, newline: str) -> str:
        return edited_lf.replace("\n", newline) if newline != "\n" else edited_lf


try:
    from editor.core.post import FrontMatterError, Post, SaveError
except ImportError:  # stand-in until editor.core.post lands

    class SaveError(Exception):
        pass

    @dataclass
    class FrontMatterError:
        message: str
        line: int = 0
        column: int = 0

    @dataclass
    class _TextFormat:
        newline: str = "\n"

    class Post:  # minimal: YAML re-dumped on set_meta, UTF-8 only
        def __init__(self, front_matter_text: str | None, body: str, path: Path | None) -> None:
            self.path = path
            self.body = body
            self.read_only_reason = None
            self.text_format = _TextFormat("\r\n" if "\r\n" in body else "\n")
            self._has_fm = front_matter_text is not None
            self.set_front_matter_text(front_matter_text or "")

        @classmethod
        def from_text(cls, text: str, path: Path | None) -> Post:
            lines = text.split("\n")
            if lines and lines[0].strip() == "---":
                for index in range(1, len(lines)):
                    if lines[index].strip() == "---":
                        fm = "\n".join(lines[1:index]) + "\n"
                        return cls(fm, "\n".join(lines[index + 1 :]), path)
            return cls(None, text, path)

        @classmethod
        def load(cls, path: Path) -> Post:
            return cls.from_text(Path(path).read_bytes().decode("utf-8", "replace"), Path(path))

        def set_front_matter_text(self, text: str) -> None:
            self.front_matter_text = text
            self.meta_error = None
            try:
                loaded = yaml.safe_load(text) if text.strip() else {}
                self.meta = loaded if isinstance(loaded, dict) else {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                self.meta_error = FrontMatterError(str(error).split("\n")[0], line, col)
                self.meta = {}

        def set_meta(self, key: str, value: object) -> None:
            meta = dict(self.meta)
            meta[key] = value
            self.front_matter_text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            self.meta = meta

        def unset_meta(self, key: str) -> None:
            meta = {k: v for k, v in self.meta.items() if k != key}
            self.front_matter_text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            self.meta = meta

        def set_body(self, body: str) -> None:
            self.body = body

        def to_bytes(self) -> bytes:
            head = f"---\n{self.front_matter_text}---\n" if self._has_fm else ""
            return (head + self.body).encode("utf-8")

        def save(self, path: Path | None = None) -> None:
            target = Path(path or self.path)
            temp = target.with_name(f".{target.name}.tmp")
            try:
                temp.write_bytes(self.to_bytes())
                os.replace(temp, target)
            except OSError as error:
                raise SaveError(f"Could not save {target.name}: {error.strerror}") from error
            self.path = target


try:
    from editor.core.site import Site
except ImportError:  # stand-in until editor.core.site lands

    class Site:
        def __init__(self, root: Path) -> None:
            self.root = Path(root)
            self.posts_dir = self.root / "_posts"
            self.image_dir = self.root / "assets" / "img"

        @classmethod
        def find(cls, start: Path) -> Site | None:
            for folder in [Path(start), *Path(start).parents]:
                if (folder / "_config.yml").is_file():
                    return cls(folder)
            return None

        def categories_in_use(self) -> list[str]:
            return []

        def tags_in_use(self) -> list[str]:
            return []


try:
    from editor.render.pipeline import render_body
except ImportError:  # stand-in until editor.render.pipeline lands
    import markdown as _markdown

    def render_body(text: str) -> str:
        return _markdown.markdown(text, extensions=["extra"])


try:
    from editor.render.page import (
        body_blocks,
        feature_html,
        header_html,
        image_html,
        notice_html,
        render_page,
    )
    from editor.render.page_images import ImageLinker
except ImportError:  # stand-in until editor.render.page lands
    ImageLinker = None

    def render_page(post, site, *, body_html=None, base_url=None) -> str:
        body = body_html if body_html is not None else render_body(to_lf(post.body))
        blocks = "".join(f"<div class='pe-block'>{b}</div>" for b in body_blocks(body, site))
        title = _html.escape(str((post.meta or {}).get("title", "")))
        script = (
            "window.postEditor={replaceBlocks:function(s,d,l){"
            "var b=document.getElementById('pe-body');b.innerHTML=l.map(function(h){"
            "return '<div class=pe-block>'+h+'</div>';}).join('');return l.length;}};"
        )
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body><h1>{title}</h1><div id='pe-body'>{blocks}</div>"
            f"<script>{script}</script></body></html>"
        )

    def body_blocks(body_html: str, site, *, base_url=None) -> list[str]:
        return [body_html]

    header_html = feature_html = image_html = notice_html = None
