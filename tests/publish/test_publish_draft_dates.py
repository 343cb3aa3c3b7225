"""Draft dates: a draft carries no date until it is published; publishing it takes the day of
publishing unless the writer set a date (front matter `date:`, --date, the dialog's Date)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.publish.apply import apply_plan
from editor.publish.permalink import output_file
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import make_site, write_post

SEOUL = ZoneInfo("Asia/Seoul")  # the sample site's timezone
DRAFTED = datetime(2026, 10, 30, 22, 0, tzinfo=SEOUL)
PUBLISHED = DRAFTED + timedelta(days=28, hours=3)  # 2026-11-28 01:00 in Seoul
UNDATED = "---\ntitle: 초안 글\n---\n본문\n"


def draft_into(site: Site, tmp_path: Path, text: str = UNDATED, **options) -> Post:
    """Run `publish --draft` at DRAFTED; return the draft as it is now in _drafts."""
    post = write_post(tmp_path / "work", "post.md", text)
    plan = make_plan(post, site, draft=True, now=DRAFTED, **options)
    assert plan.ok and apply_plan(plan).ok, plan.describe()
    return Post.load(plan.target)


def test_draft_gets_no_date_and_publishing_it_weeks_later_takes_that_day(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    draft = draft_into(site, tmp_path)
    assert draft.path == Path(site.drafts_dir) / "초안-글.md"
    assert draft.path.read_text("utf-8") == UNDATED  # nothing written into it
    plan = make_plan(draft, site, now=PUBLISHED)
    assert plan.ok, plan.describe()
    assert plan.target.name == "2026-11-28-초안-글.md"  # the day in the site's timezone
    assert plan.url == "/2026/11/28/초안-글.html"
    assert plan.removals == [draft.path]
    assert apply_plan(plan).ok
    published = plan.target.read_text("utf-8")
    assert published == "---\ntitle: 초안 글\ndate: 2026-11-28 01:00:00 +0900\n---\n본문\n"
    assert not draft.path.exists()


def test_the_plan_says_a_draft_has_no_date_yet(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = write_post(tmp_path / "work", "p.md", UNDATED)
    plan = make_plan(post, site, draft=True, now=DRAFTED)
    assert plan.date == "" and plan.url is None
    assert "date: none yet (the day it is published)" in plan.describe()


def test_a_date_the_writer_typed_in_the_front_matter_is_kept(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    text = "---\ntitle: 초안 글\ndate: 2026-11-01 09:00:00 +0900\n---\n본문\n"
    draft = draft_into(site, tmp_path, text)
    assert draft.path.read_text("utf-8") == text
    plan = make_plan(draft, site, now=PUBLISHED)
    assert plan.target.name == "2026-11-01-초안-글.md"
    assert plan.date == "2026-11-01 09:00:00 +0900"


def test_date_option_wins_and_is_written_into_a_draft_too(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    draft = draft_into(site, tmp_path, date="2026-12-24")
    assert "date: 2026-12-24 00:00:00 +0900\n" in draft.path.read_text("utf-8")
    typed = "---\ntitle: 초안 글\ndate: 2026-11-01\n---\n본문\n"
    post = write_post(tmp_path / "other", "p.md", typed)
    plan = make_plan(post, site, date="2026-12-25 10:00", now=PUBLISHED)
    assert plan.target.name == "2026-12-25-초안-글.md"
    assert b"date: 2026-12-25 10:00:00 +0900\n" in plan.writes[0].data


def test_a_dated_file_name_gives_no_date_to_a_draft(tmp_path: Path) -> None:
    """The window suggests `YYYY-MM-DD-new-post.md` for a new post: that day is when it was
    started, not a date the writer chose, so --draft does not copy it in."""
    site = make_site(tmp_path)
    post = write_post(tmp_path / "work", "2026-10-30-new-post.md", UNDATED)
    plan = make_plan(post, site, draft=True, now=PUBLISHED)
    assert plan.target.name == "new-post.md" and b"date:" not in plan.writes[0].data


def test_an_empty_front_matter_date_counts_as_unset(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    draft = write_post(Path(site.drafts_dir), "빈-날짜.md", "---\ntitle: 빈 날짜\ndate:\n---\nx\n")
    plan = make_plan(draft, site, now=PUBLISHED)
    assert plan.target.name == "2026-11-28-빈-날짜.md", plan.describe()


@pytest.mark.jekyll
def test_a_published_undated_draft_builds_at_the_publish_day(tmp_path: Path) -> None:
    if not shutil.which("jekyll"):
        pytest.skip("Debian's jekyll is not installed")
    site = make_site(tmp_path)
    draft = draft_into(site, tmp_path)
    now = datetime.now(SEOUL)  # real now: Jekyll leaves out posts dated in the future
    plan = make_plan(draft, Site(site.root), now=now)
    assert plan.ok and apply_plan(plan).ok, plan.describe()
    assert plan.target.name == f"{now:%Y-%m-%d}-초안-글.md"
    build = subprocess.run(
        ["jekyll", "build", "--quiet", "-s", str(site.root), "-d", str(tmp_path / "_site")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    page = tmp_path / "_site" / output_file(plan.url)
    assert plan.url == f"/{now:%Y/%m/%d}/초안-글.html"
    assert "본문" in page.read_text("utf-8")
