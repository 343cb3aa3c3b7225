"""Publish runs `check` first: errors (unbalanced tags) stop it; warnings show, it goes on."""

from __future__ import annotations

from pathlib import Path

from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import make_site, tree_digest, write_post


def test_unbalanced_tag_stops_the_publish_and_names_the_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = write_post(tmp_path / "w", "a.md", "---\ntitle: T\ndate: 2024-07-22\n---\n<div>\nx\n")
    before = tree_digest(site.root)
    plan = make_plan(post, site)
    assert not plan.ok and not plan.writes
    assert "error: line 5: <div> is never closed" in plan.describe()
    assert not apply_plan(plan).ok
    assert tree_digest(site.root) == before


def test_warnings_are_shown_and_do_not_stop(tmp_path: Path) -> None:
    text = "---\ntitle: T\ndate: 2024-07-22\ntitle: T\n---\nx</span>\n"
    site = make_site(tmp_path)
    plan = make_plan(write_post(tmp_path / "w", "b.md", text), site)
    assert plan.ok, plan.describe()
    shown = plan.describe()
    assert "warning: line 4: key 'title' appears more than once" in shown
    assert "warning: line 6: </span> closes a tag that is not open" in shown
    assert apply_plan(plan).ok
    assert (site.root / "_posts" / "2024-07-22-t.md").read_text("utf-8") == text
