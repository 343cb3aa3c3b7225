"""The CLI's plan text (``publish --dry-run``) is a stable interface: byte for byte the same.

tests/publish/data/describe_golden.txt was written by the describe code before the plan text
became structured lines (PlanLine); every scenario of plan_scenarios must still print it
exactly. Regenerate only on purpose: ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest THIS``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.publish.plan import make_plan
from tests.publish.plan_scenarios import NOW, SCENARIOS

GOLDEN = Path(__file__).parent / "data" / "describe_golden.txt"


def described(tmp_path: Path) -> str:
    parts = []
    for name, scenario in SCENARIOS.items():
        folder = tmp_path / name
        folder.mkdir()
        post, site, options = scenario(folder)
        text = make_plan(post, site, now=NOW, **options).describe()
        parts.append(f"=== {name}\n" + text.replace(str(folder), "<tmp>"))
    return "".join(parts)


def test_plan_text_is_byte_identical_to_the_golden_file(tmp_path: Path) -> None:
    text = described(tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, "utf-8")
        pytest.skip("golden file rewritten")
    assert text == GOLDEN.read_text("utf-8")


def test_the_scenarios_cover_every_kind_of_plan_line() -> None:
    golden = GOLDEN.read_text("utf-8")
    for marker in (
        "  file: ",
        "  slug: ",
        "  url:  ",
        "Steps:",
        "  write ",
        "  replace ",
        "  copy ",
        "  reuse ",
        "  remove ",
        "  git add",
        "  git commit",
        "  git push",
        "conflict: ",
        "Refused: ",
        "Nothing to do",
        "  error: line ",
        "  warning: ",
        "--- a/_posts/",
        "is not a git repository",
        "reserved device name",
    ):
        assert marker in golden, marker
