"""Write the body golden files with real Jekyll (the truth), not with our renderer.

Run from the repository root:  ``.venv/bin/python -m tests.fidelity.make_golden``

- tests/render/golden/body/posts/<name>.html for each post in posts.tsv;
- tests/render/golden/body/rules/<rule>.html for each rules/<rule>.md (one kramdown rule
  each), built as the body of an otherwise empty post.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jekyll_oracle import REPO, build_posts, site_key  # noqa: E402

GOLDEN = REPO / "tests" / "render" / "golden" / "body"


def golden_posts() -> dict[str, Path]:
    """name -> source file, from posts.tsv."""
    posts = {}
    for line in (GOLDEN / "posts.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, source = line.split("\t")
            posts[name] = REPO / source
    return posts


def rule_site_path(rule: Path) -> str:
    return f"_posts/2000-01-01-rule-{rule.stem}.md"


def main() -> int:
    posts = golden_posts()
    rules = sorted((GOLDEN / "rules").glob("*.md"))
    extra = {rule_site_path(r): "---\n---\n" + r.read_text(encoding="utf-8") for r in rules}
    build = build_posts(list(posts.values()), extra_files=extra)
    if build.refused:
        print(f"Jekyll refused: {build.refused}", file=sys.stderr)
        return 1
    by_source = {site_key(path): name for name, path in posts.items()}
    for key, html in build.html.items():
        if key.startswith("_posts/2000-01-01-rule-"):
            rule = key.removeprefix("_posts/2000-01-01-rule-").removesuffix(".md")
            target = GOLDEN / "rules" / f"{rule}.html"
        else:
            target = GOLDEN / "posts" / f"{by_source[key]}.html"
        target.write_text(html, encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
