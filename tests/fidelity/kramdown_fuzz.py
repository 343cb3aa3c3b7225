"""Differential check: random Markdown/HTML snippets through real kramdown and render_body.

kramdown runs in Ruby with the options Jekyll 4.3 gives it (GFM input, rouge, as_char ...).
Run from the repository root:
``.venv/bin/python -m tests.fidelity.kramdown_fuzz [SEED] [N] [--blocks]``
It prints how many snippets differ (canonical HTML) and the shortest ones.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from html_canon import canonical_html  # noqa: E402

from editor.render.pipeline import render_body  # noqa: E402

KRAMDOWN_BATCH = r"""
require "kramdown"
require "kramdown-parser-gfm"
require "json"
opts = {input: "GFM", auto_ids: true, toc_levels: (1..6).to_a, entity_output: :as_char,
  smart_quotes: "lsquo,rsquo,ldquo,rdquo", hard_wrap: false, guess_lang: true, footnote_nr: 1,
  syntax_highlighter: "rouge",
  syntax_highlighter_opts: {default_lang: "plaintext", guess_lang: true}}
out = JSON.parse($stdin.read).map do |s|
  begin
    Kramdown::Document.new(s, opts).to_html
  rescue StandardError => e
    "ERROR #{e}"
  end
end
print JSON.generate(out)
"""

TOKENS = [
    "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "!", "<b>", "</b>", "<span>",
    "</span>", "<p>", "</p>", "<div>", "</div>", '"', "'", "--", "...", "&nbsp;", "&amp;",
    "&", "<", ">", "\n", "\n\n", "  \n", "\\", "# ", "- ", "1. ", "> ", "|", "---", "~~",
    "a", "b", "word", " ", " ", " ", "한글", "http://x.kr", "<br>", "<!-- c -->", "[^1]",
    "\n[^1]: note\n", "    ", "```\n",
]  # fmt: skip
# whole constructs, to mix lists, tables, fences and Tistory HTML into the snippets
BLOCK_TOKENS = [
    "\n| a | b |\n|---|:-:|\n| 1 | 2 |\n", "  - ", "   ", "```java\nint x;\n```\n",
    "\n\n- item\n  - sub\n", "<h2>", "</h2>", "<table><tr><td>", "</td></tr></table>",
    "\n1. one\n2. two\n", "    code\n", "\n> quote\n", "\n## Head\n", "![i](/a.png)",
    "[l](http://x.kr)", "**b**", "*e*", '\n<p data-ke-size="size16">&nbsp;</p>\n',
    '<span style="color: #ee2323;">', "{: .c}", "\n{: #i .c}\n", "\n{:toc}\n",
]  # fmt: skip


def kramdown_available() -> bool:
    if shutil.which("ruby") is None:
        return False
    probe = subprocess.run(
        ["ruby", "-e", 'require "kramdown"; require "kramdown-parser-gfm"'], capture_output=True
    )
    return probe.returncode == 0


def snippets(seed: int, count: int, blocks: bool = False) -> list[str]:
    rng = random.Random(seed)
    tokens = TOKENS + BLOCK_TOKENS if blocks else TOKENS
    return ["".join(rng.choice(tokens) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def kramdown_html(texts: list[str]) -> list[str]:
    proc = subprocess.run(
        ["ruby", "-e", KRAMDOWN_BATCH], input=json.dumps(texts), capture_output=True,
        text=True, timeout=120, check=True,
    )  # fmt: skip
    return json.loads(proc.stdout)


def differing(seed: int, count: int, blocks: bool = False) -> list[tuple[str, str, str]]:
    """(snippet, kramdown's canonical HTML, ours) for every snippet that differs."""
    texts = snippets(seed, count, blocks)
    out = []
    for text, expected in zip(texts, kramdown_html(texts), strict=True):
        if expected.startswith("ERROR"):
            continue
        want, got = canonical_html(expected), canonical_html(render_body(text))
        if want != got:
            out.append((text, want, got))
    return out


def main(argv: list[str]) -> int:
    seed = int(argv[0]) if argv else 1
    count = int(argv[1]) if len(argv) > 1 else 1500
    diffs = differing(seed, count, blocks="--blocks" in argv)
    print(f"{len(diffs)} of {count} snippets differ (seed {seed})")
    for text, want, got in sorted(diffs, key=lambda d: len(d[0]))[:10]:
        print(f"--- {text!r}\nkramdown: {want!r}\nours:     {got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
