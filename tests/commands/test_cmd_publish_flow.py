"""`post-editor publish` flows a writer runs in order: draft, then publish the draft; preview
a replacement with --dry-run; publish again with nothing changed."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.publish.publish_helpers import run_publish_cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"


publish = run_publish_cli


def site_files(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the site with its bytes and modification time."""
    return {
        str(path.relative_to(site)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_draft_then_publishing_the_draft_moves_it_dated_the_day_it_is_published(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    post = tmp_path / "undated.md"
    post.write_text("---\ntitle: 초안 글\n---\n본문\n", "utf-8")
    drafted = publish(str(post), "--site", str(site), "--draft", home=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    assert "date: none yet (the day it is published)" in drafted.stdout
    draft = site / "_drafts" / "초안-글.md"
    assert draft.read_text("utf-8") == "---\ntitle: 초안 글\n---\n본문\n"  # no date written
    days = {f"{datetime.now(ZoneInfo('Asia/Seoul')):%Y-%m-%d}"}  # the sample site's zone
    moved = publish(str(draft), "--site", str(site), home=tmp_path)
    days.add(f"{datetime.now(ZoneInfo('Asia/Seoul')):%Y-%m-%d}")  # midnight may pass
    assert moved.returncode == 0, moved.stderr
    assert "remove _drafts/초안-글.md" in moved.stdout
    (target,) = [
        site / "_posts" / f"{day}-초안-글.md"
        for day in days
        if (site / "_posts" / f"{day}-초안-글.md").exists()
    ]
    text = target.read_text("utf-8")
    assert text.endswith("---\n본문\n")
    assert (
        re.search(r"^date: (\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d \+0900$", text, re.M).group(1) in days
    )
    assert not draft.exists()


def test_dry_run_overwrite_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    post = tmp_path / "p.md"
    post.write_text("---\ntitle: Same Name\ndate: 2024-07-22\n---\nfirst text\n", "utf-8")
    assert publish(str(post), "--site", str(site), home=tmp_path).returncode == 0
    post.write_text("---\ntitle: Same Name\ndate: 2024-07-22\n---\nsecond text\n", "utf-8")
    before = site_files(site)
    shown = publish(str(post), "--site", str(site), "--dry-run", "--overwrite", home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "replace _posts/2024-07-22-same-name.md" in shown.stdout
    assert "-first text" in shown.stdout and "+second text" in shown.stdout
    assert site_files(site) == before


def test_republishing_the_same_content_touches_no_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    post = tmp_path / "p.md"
    post.write_text("---\ntitle: Again\ndate: 2024-07-22\n---\n![i](pic.png)\n", "utf-8")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 24)
    assert publish(str(post), "--site", str(site), home=tmp_path).returncode == 0
    before = site_files(site)
    again = publish(str(post), "--site", str(site), home=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Nothing to do" in again.stdout
    assert site_files(site) == before
