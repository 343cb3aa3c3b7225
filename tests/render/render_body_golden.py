"""Helpers for the body golden tests: golden HTML (made by real Jekyll) vs render_body."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "render" / "golden" / "body"
sys.path.insert(0, str(REPO / "tests" / "fidelity"))

from html_canon import canonical_html  # noqa: E402

# Jekyll's YAML_FRONT_MATTER_REGEXP: what follows the front matter is the body
FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)


def body_of(post: Path) -> str:
    text = post.read_text(encoding="utf-8").replace("\r\n", "\n")
    m = FRONT_MATTER.match(text)
    return text[m.end() :] if m else text


def golden_posts() -> dict[str, Path]:
    posts = {}
    for line in (GOLDEN / "posts.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, source = line.split("\t")
            posts[name] = REPO / source
    return posts


def golden_rules() -> list[str]:
    return sorted(p.stem for p in (GOLDEN / "rules").glob("*.md"))


def html_diff(expected: str, actual: str) -> str:
    """Empty when both are the same HTML after canonicalisation; else a readable diff."""
    want, got = canonical_html(expected), canonical_html(actual)
    if want == got:
        return ""
    diff = difflib.unified_diff(
        want.splitlines(), got.splitlines(), "jekyll (golden)", "render_body", lineterm=""
    )
    return "\n".join(list(diff)[:80])
