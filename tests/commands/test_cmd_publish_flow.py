"""`post-editor publish` flows a writer runs in order: draft, then publish the draft; preview
a replacement with --dry-run; publish again with nothing changed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"


def publish(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "editor", "publish", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def site_files(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the site with its bytes and modification time."""
    return {
        str(path.relative_to(site)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_draft_then_publishing_the_draft_moves_it_with_its_date(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    post = tmp_path / "undated.md"
    post.write_text("---\ntitle: 초안 글\n---\n본문\n", "utf-8")
    drafted = publish(str(post), "--site", str(site), "--draft", home=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    draft = site / "_drafts" / "초안-글.md"
    date = re.search(r"^date: (\d{4}-\d\d-\d\d) ", draft.read_text("utf-8"), re.MULTILINE)
    assert date, draft.read_text("utf-8")  # the date is written when the post has none
    moved = publish(str(draft), "--site", str(site), home=tmp_path)
    assert moved.returncode == 0, moved.stderr
    assert "remove _drafts/초안-글.md" in moved.stdout
    target = site / "_posts" / f"{date.group(1)}-초안-글.md"
    assert target.read_text("utf-8").endswith("---\n본문\n")
    assert f"date: {date.group(1)} " in target.read_text("utf-8")
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
