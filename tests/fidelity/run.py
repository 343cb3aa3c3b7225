"""Print how many corpus posts ``render_body`` renders exactly as Jekyll 4.3 + kramdown does.

Run from the repository root:  ``.venv/bin/python -m tests.fidelity.run [-v] [-n N]``
(or ``.venv/bin/python tests/fidelity/run.py``). Posts Jekyll refuses (broken YAML) are left
out of the share and counted. Heading ids are part of the comparison, and counted apart.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from html_canon import canonical_html, heading_ids  # noqa: E402
from jekyll_oracle import JekyllBuild, build_posts, jekyll_available  # noqa: E402, F401

from editor.render.pipeline import render_body  # noqa: E402


@dataclass
class Fidelity:
    """Outcome of comparing every accepted post."""

    identical: list[str] = field(default_factory=list)
    differing: dict[str, str] = field(default_factory=dict)  # post -> first-difference excerpt
    refused: list[str] = field(default_factory=list)
    ids_total: int = 0
    ids_equal: int = 0

    @property
    def share(self) -> float:
        total = len(self.identical) + len(self.differing)
        return len(self.identical) / total if total else 0.0


def first_difference(expected: str, actual: str, context: int = 2) -> str:
    """A short unified diff around the first differing canonical line."""
    diff = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), "jekyll", "ours", n=context, lineterm=""
    )
    lines = list(diff)[2:]
    out, hunks = [], 0
    for line in lines:
        if line.startswith("@@"):
            hunks += 1
            if hunks > 1:
                break
        out.append(line[:160])
    return "\n".join(out[:14])


def measure(build: JekyllBuild | None = None) -> Fidelity:
    build = build or build_posts()
    result = Fidelity(refused=sorted(build.refused))
    for name in sorted(build.html):
        expected_html = build.html[name]
        actual_html = render_body(build.bodies[name])
        expected_ids, actual_ids = heading_ids(expected_html), heading_ids(actual_html)
        result.ids_total += len(expected_ids)
        result.ids_equal += sum(a == b for a, b in zip(expected_ids, actual_ids, strict=False))
        expected, actual = canonical_html(expected_html), canonical_html(actual_html)
        if expected == actual:
            result.identical.append(name)
        else:
            result.differing[name] = first_difference(expected, actual)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show each first diff")
    parser.add_argument("-n", type=int, default=0, help="show at most N diffs")
    args = parser.parse_args(argv)
    fid = measure()
    accepted = len(fid.identical) + len(fid.differing)
    print(f"identical: {len(fid.identical)}/{accepted} = {fid.share:.1%} of posts Jekyll accepts")
    print(f"heading ids equal: {fid.ids_equal}/{fid.ids_total}")
    print(f"refused by Jekyll (left out): {len(fid.refused)}")
    for name in fid.refused:
        print(f"  refused  {name}")
    shown = 0
    for name, excerpt in fid.differing.items():
        print(f"  differs  {name}")
        if args.verbose or shown < args.n:
            print("    " + excerpt.replace("\n", "\n    "))
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
