"""Real Jekyll as the oracle: build corpus posts and collect each post's ``{{ content }}``.

The throwaway site keeps Jekyll's defaults (kramdown, GFM input, rouge): its _config.yml only
adds ``future: true`` so posts dated after today are built too. A tiny plugin records, for
every post, the body Jekyll read (``:pre_render``) and the HTML kramdown produced
(``:post_convert``, i.e. exactly what a layout sees as ``{{ content }}``), keyed by the
post's path relative to the site. That sidesteps permalinks set in front matter and
posts whose output paths would collide.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "corpus"

_PLUGIN = r"""
require "json"
$post_editor_dump = {}
Jekyll::Hooks.register [:posts, :pages, :documents], :pre_render do |doc, _payload|
  key = doc.respond_to?(:relative_path) ? doc.relative_path : doc.path
  ($post_editor_dump[key] ||= {})["body"] = doc.content.dup
end
Jekyll::Hooks.register [:posts, :pages, :documents], :post_convert do |doc|
  key = doc.respond_to?(:relative_path) ? doc.relative_path : doc.path
  ($post_editor_dump[key] ||= {})["html"] = doc.content.dup
end
Jekyll::Hooks.register :site, :post_write do |site|
  File.write(File.join(site.source, "dump.json"), JSON.generate($post_editor_dump))
end
"""

_CONFIG = (
    "future: true\nexclude: [dump.json]\n"
    "defaults:\n  - scope: {path: ''}\n    values: {layout: plain}\n"
)

_ERROR_LINE = re.compile(r"Error:\s+(?:YAML Exception reading|could not read file) (.+?):")


@dataclass
class JekyllBuild:
    """Result of one Jekyll build: body and HTML per post, and the posts Jekyll refused."""

    bodies: dict[str, str] = field(default_factory=dict)
    html: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    log: str = ""


def jekyll_available() -> bool:
    return shutil.which("jekyll") is not None


def corpus_posts() -> list[Path]:
    return sorted(CORPUS.glob("*/_posts/*.md"))


def site_key(post: Path) -> str:
    """Where a corpus post lives inside the throwaway site (blog folder keeps names unique)."""
    return f"{post.parent.parent.name}/_posts/{post.name}"


def build_posts(
    posts: list[Path] | None = None, *, extra_files: dict[str, str] | None = None
) -> JekyllBuild:
    """Build ``posts`` (default: the whole corpus) with real Jekyll; map results back to them.

    ``extra_files`` maps site-relative paths to text (e.g. small Markdown snippets used as
    golden-file sources); their results are keyed by that same relative path.
    """
    posts = corpus_posts() if posts is None else posts
    with tempfile.TemporaryDirectory(prefix="jekyll-oracle-") as tmp:
        site = Path(tmp) / "site"
        _write_site(site, posts, extra_files or {})
        proc = subprocess.run(
            [
                "jekyll",
                "build",
                "--quiet",
                "--source",
                str(site),
                "--destination",
                str(Path(tmp) / "_site"),
                "--plugins",
                str(site / "_plugins"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        dump_path = site / "dump.json"
        if not dump_path.exists():
            raise RuntimeError(f"jekyll build failed:\n{proc.stdout}\n{proc.stderr}")
        dump = json.loads(dump_path.read_text(encoding="utf-8"))
        return _collect(site, posts, extra_files or {}, dump, proc.stdout + proc.stderr)


def _write_site(site: Path, posts: list[Path], extra_files: dict[str, str]) -> None:
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "plain.html").write_text("{{ content }}", encoding="utf-8")
    (site / "_plugins").mkdir()
    (site / "_plugins" / "dump.rb").write_text(_PLUGIN, encoding="utf-8")
    (site / "_config.yml").write_text(_CONFIG, encoding="utf-8")
    for post in posts:
        target = site / site_key(post)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(post.read_bytes())
    for rel, text in extra_files.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _collect(
    site: Path, posts: list[Path], extra: dict[str, str], dump: dict, log: str
) -> JekyllBuild:
    result = JekyllBuild(log=log)
    refused_paths = {Path(m).resolve() for m in _ERROR_LINE.findall(log)}
    keys = [site_key(p) for p in posts] + list(extra)
    for name in keys:
        entry = dump.get(name) or {}
        if (site / name).resolve() in refused_paths or "html" not in entry:
            result.refused.append(name)
            continue
        result.bodies[name] = entry.get("body", "")
        result.html[name] = entry["html"]
    return result
