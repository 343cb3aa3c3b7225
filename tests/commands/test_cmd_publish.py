"""`post-editor publish` end to end, in a subprocess like a writer's shell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.publish.publish_helpers import run_publish_cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_publish_cli(*args, home=tmp_path)


def setup(tmp_path: Path, body: str = "Hello.\n") -> tuple[Path, Path]:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    post = tmp_path / "new.md"
    post.write_text(f"---\ntitle: My First Post\ndate: 2024-07-22\n---\n{body}", "utf-8")
    return site, post


def test_dry_run_prints_plan_and_writes_nothing(tmp_path: Path) -> None:
    site, post = setup(tmp_path)
    result = run(str(post), "--site", str(site), "--dry-run", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "write _posts/2024-07-22-my-first-post.md" in result.stdout
    assert "url:  /2024/07/22/my-first-post.html" in result.stdout
    assert not (site / "_posts" / "2024-07-22-my-first-post.md").exists()


def test_publish_then_conflict_then_overwrite(tmp_path: Path) -> None:
    site, post = setup(tmp_path)
    target = site / "_posts" / "2024-07-22-my-first-post.md"
    first = run(str(post), "--site", str(site), tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert target.read_bytes() == post.read_bytes()
    again = run(str(post), "--site", str(site), tmp_path=tmp_path)
    assert again.returncode == 0 and "Nothing to do" in again.stdout
    post.write_text(post.read_text() + "More.\n")
    conflict = run(str(post), "--site", str(site), tmp_path=tmp_path)
    assert conflict.returncode == 1
    assert "conflict" in conflict.stdout and "+More." in conflict.stdout
    assert b"More." not in target.read_bytes()
    forced = run(str(post), "--site", str(site), "--overwrite", tmp_path=tmp_path)
    assert forced.returncode == 0 and b"More." in target.read_bytes()


def test_refusals_exit_non_zero_and_write_nothing(tmp_path: Path) -> None:
    site, post = setup(tmp_path, body="![x](missing.png)\n")
    before = sorted(p.name for p in (site / "_posts").iterdir())
    missing_image = run(str(post), "--site", str(site), tmp_path=tmp_path)
    assert missing_image.returncode == 1 and "image not found: missing.png" in missing_image.stdout
    bad_slug = run(str(post), "--site", str(site), "--slug", "../../x", tmp_path=tmp_path)
    assert bad_slug.returncode == 1 and "path separator" in bad_slug.stdout
    no_site = run(str(post), "--site", str(tmp_path / "nope"), tmp_path=tmp_path)
    assert no_site.returncode == 2 and "no _config.yml" in no_site.stderr
    no_file = run(str(tmp_path / "gone.md"), "--site", str(site), tmp_path=tmp_path)
    assert no_file.returncode == 2 and "No such file" in no_file.stderr
    assert sorted(p.name for p in (site / "_posts").iterdir()) == before


def test_slug_modes_draft_and_date(tmp_path: Path) -> None:
    site, post = setup(tmp_path)
    result = run(
        str(post), "--site", str(site), "--slug-mode", "romanized", "--draft", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (site / "_drafts" / "my-first-post.md").exists()
    result = run(
        str(post), "--site", str(site), "--date", "2025-01-02", "--slug", "hello", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    published = site / "_posts" / "2025-01-02-hello.md"
    assert "date: 2025-01-02 00:00:00 +0900" in published.read_text()


def test_remembered_slug_mode_is_used(tmp_path: Path) -> None:
    from editor.publish.prefs import remember_slug_mode

    site, post = setup(tmp_path)
    post.write_text("---\ntitle: 안녕 세상\ndate: 2024-07-22\n---\nx\n", "utf-8")
    remember_slug_mode(site, "romanized", tmp_path / "cfg" / "post-editor" / "publish.json")
    result = run(str(post), "--site", str(site), "--dry-run", tmp_path=tmp_path)
    assert "2024-07-22-annyeong-sesang.md" in result.stdout, result.stdout


def test_images_copied_with_progress(tmp_path: Path) -> None:
    body = "".join(f"![i](img{n}.png)\n" for n in range(5))
    site, post = setup(tmp_path, body=body)
    for n in range(5):
        (tmp_path / f"img{n}.png").write_bytes(PNG + bytes([n]))
    result = run(str(post), "--site", str(site), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[6/6]" in result.stderr
    assert sorted(p.name for p in (site / "assets" / "img").glob("img*.png")) == [
        f"img{n}.png" for n in range(5)
    ]


def test_commit_and_rejected_push_exit_codes(tmp_path: Path) -> None:
    site, post = setup(tmp_path)
    ident = ["-c", "user.name=W", "-c", "user.email=w@example.com"]

    def git(cwd: Path, *args: str) -> None:
        subprocess.run(["git", *ident, *args], cwd=cwd, check=True, capture_output=True)

    (tmp_path / ".gitconfig").write_text("[user]\n\tname = W\n\temail = w@example.com\n")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "remote.git")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-qm", "start")
    git(site, "remote", "add", "origin", str(tmp_path / "remote.git"))
    git(site, "push", "-q", "origin", "main")
    git(tmp_path, "clone", "-q", "remote.git", "other")
    (tmp_path / "other" / "x.md").write_text("x")
    git(tmp_path / "other", "add", "x.md")
    git(tmp_path / "other", "commit", "-qm", "moved on")
    git(tmp_path / "other", "push", "-q", "origin", "main")
    result = run(str(post), "--site", str(site), "--push", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "pull --rebase" in result.stderr and "committed" in result.stdout
    log = subprocess.run(
        ["git", "log", "-1", "--format=%s"], cwd=site, capture_output=True, text=True
    ).stdout
    assert log.strip() == "Publish: My First Post"
