"""Publishing the same post again updates its earlier file instead of adding a copy
(editor/publish/earlier.py says what "the same post" is); a post with only the same title
is never replaced silently, and the plan warns about it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from editor.publish.prefs import (
    record_publication,
    remember_publication,
    remembered_publication,
)
from tests.publish.publish_helpers import CORPUS, git, make_site, run_publish_cli, write_post

FIRST = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
LATER = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def numbered_site(tmp_path: Path) -> Site:
    """A site that names its posts by number, like whereispost (last number 3259)."""
    root = tmp_path / "numbered"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("timezone: Asia/Seoul\n")
    for source in (CORPUS / "whereispost.github.io" / "_posts").glob("*.md"):
        (root / "_posts" / source.name).write_bytes(source.read_bytes())
    return Site(root)


def undated(folder: Path, title: str = "첫 글", body: str = "본문입니다.\n") -> Post:
    return write_post(folder, "t1.md", f"---\ntitle: {title}\n---\n{body}")


def publish(post: Post, site: Site, store: Path, now=FIRST, **options):
    """Plan with the recorded publication (as the CLI and dialog do), apply, record."""
    draft = options.get("draft", False)
    earlier = remembered_publication(site.root, post.path, draft, store)
    plan = make_plan(post, site, now=now, published_as=earlier, **options)
    assert plan.ok, plan.describe()
    result = apply_plan(plan)
    assert result.ok, result.error
    record_publication(plan, result, store)
    return plan


def posts(site: Site) -> list[str]:
    return sorted(p.name for p in Path(site.posts_dir).iterdir())


def test_the_same_undated_post_twice_into_a_numbered_site_changes_nothing(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    post = undated(tmp_path / "w")
    first = publish(post, site, store)
    assert first.target.name == "2026-11-28-3260.md" and first.slug_mode == "number"
    before = posts(site)
    for recorded in (store, tmp_path / "empty.json"):  # by the record, then by content alone
        again = make_plan(
            post,
            site,
            now=LATER,
            published_as=remembered_publication(site.root, post.path, False, recorded),
        )
        assert again.unchanged and again.target == first.target, again.describe()
        assert again.slug_mode == "published-before" and again.date == first.date
        assert "  slug: 3260 (published-before)   date: 2026-11-28 10:30:00 +0900\n" in (
            again.describe()
        )
        assert "Nothing to do" in again.describe() and "warning" not in again.describe()
    assert posts(site) == before


def test_an_edited_post_replaces_its_recorded_file_only_with_a_diff(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    post = undated(tmp_path / "w")
    first = publish(post, site, store)
    post.set_body("본문을 고쳤습니다.\n")
    recorded = remembered_publication(site.root, post.path, False, store)
    assert recorded == first.target
    plan = make_plan(post, site, now=LATER, published_as=recorded)
    assert not plan.ok and [c.target for c in plan.conflicts] == [first.target]
    text = plan.describe()
    assert "-본문입니다." in text and "+본문을 고쳤습니다." in text
    assert "date: 2026-11-28 10:30:00 +0900" in text  # the first publish's date is kept
    forced = make_plan(post, site, now=LATER, published_as=recorded, overwrite=True)
    assert apply_plan(forced).ok
    assert "본문을 고쳤습니다" in first.target.read_text("utf-8")
    assert "2026-11-28-3261.md" not in posts(site)


def test_without_a_record_an_edited_post_gets_a_new_number_and_a_warning(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    post = undated(tmp_path / "w")
    publish(post, site, store)
    post.set_body("다른 본문\n")
    plan = make_plan(post, site, now=LATER)  # e.g. published from another computer
    assert plan.ok and plan.target.name == "2026-11-29-3261.md", plan.describe()
    assert (
        "  warning: a post with the same title is already in the site: _posts/2026-11-28-3260.md\n"
        in plan.describe()
    )
    assert [p.code for p in plan.problems] == ["same-title"]


def test_a_different_post_with_the_same_title_is_never_replaced_silently(tmp_path) -> None:
    site, store = make_site(tmp_path), tmp_path / "prefs.json"
    mine = write_post(tmp_path / "a", "a.md", "---\ntitle: Notes\ndate: 2024-07-22\n---\nMine.\n")
    publish(mine, site, store)
    theirs = write_post(
        tmp_path / "b", "b.md", "---\ntitle: Notes\ndate: 2024-07-22\n---\nTheirs.\n"
    )
    # Title mode names both the same: a conflict with the diff, as before.
    plan = make_plan(
        theirs, site, published_as=remembered_publication(site.root, theirs.path, False, store)
    )
    assert not plan.ok and plan.conflicts and plan.slug_mode == "title"
    assert "-Mine." in plan.describe() and "+Theirs." in plan.describe()
    # Any other name: a new file, with a warning naming the other post.
    plan = make_plan(theirs, site, slug_mode="romanized", date="2024-08-01")
    assert plan.ok and plan.target.name == "2024-08-01-notes.md", plan.describe()
    assert "same title is already in the site: _posts/2024-07-22-notes.md" in plan.describe()


def test_a_changed_title_or_date_updates_the_recorded_file(tmp_path) -> None:
    site, store = make_site(tmp_path), tmp_path / "prefs.json"
    post = write_post(tmp_path / "w", "p.md", "---\ntitle: Hello\ndate: 2024-07-22\n---\nHi.\n")
    first = publish(post, site, store)
    assert first.target.name == "2024-07-22-hello.md"
    post.set_meta("title", "Hello again")
    post.set_meta("date", "2024-08-01")
    recorded = remembered_publication(site.root, post.path, False, store)
    plan = make_plan(post, site, published_as=recorded)
    assert plan.target == first.target and plan.conflicts, plan.describe()
    assert plan.slug == "hello" and plan.slug_mode == "published-before"
    assert plan.url == "/2024/08/01/hello.html"  # Jekyll dates it by the front matter
    text = plan.describe()
    assert "-title: Hello\n" in text and "+title: Hello again\n" in text
    assert "+date: '2024-08-01'" in text


def test_an_explicit_slug_adds_a_copy_and_warns(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    post = undated(tmp_path / "w")
    publish(post, site, store)
    recorded = remembered_publication(site.root, post.path, False, store)
    plan = make_plan(post, site, now=LATER, slug="second-copy", published_as=recorded)
    assert plan.ok and plan.target.name == "2026-11-29-second-copy.md", plan.describe()
    assert "same title is already in the site: _posts/2026-11-28-3260.md" in plan.describe()


def test_duplicates_left_by_the_old_bug_resolve_to_the_oldest_and_are_named(tmp_path) -> None:
    site = numbered_site(tmp_path)
    post = undated(tmp_path / "w")
    for number, day in ((3260, 28), (3261, 29)):
        text = f"---\ntitle: 첫 글\ndate: 2026-11-{day} 10:30:00 +0900\n---\n본문입니다.\n"
        (Path(site.posts_dir) / f"2026-11-{day}-{number}.md").write_text(text, "utf-8")
    plan = make_plan(post, site, now=LATER)
    assert plan.unchanged and plan.target.name == "2026-11-28-3260.md", plan.describe()
    assert "same title is already in the site: _posts/2026-11-29-3261.md" in plan.describe()


def test_a_post_dated_by_its_file_name_only_stays_so(tmp_path) -> None:
    """An earlier file without `date:` (written by hand): no date line is added to it."""
    site = numbered_site(tmp_path)
    earlier = Path(site.posts_dir) / "2025-01-05-3260.md"
    earlier.write_text("---\ntitle: 첫 글\n---\n본문입니다.\n", "utf-8")
    plan = make_plan(undated(tmp_path / "w"), site, now=LATER)
    assert plan.unchanged and plan.target == earlier and plan.date.startswith("2025-01-05")


def test_saving_the_same_draft_twice_in_a_numbered_site(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    post = undated(tmp_path / "w")
    first = publish(post, site, store, draft=True)
    assert first.target == Path(site.drafts_dir) / "3260.md"
    (Path(site.posts_dir) / "2026-11-28-3260.md").write_text("---\ntitle: other\n---\nx\n")
    again = make_plan(
        post,
        site,
        draft=True,
        published_as=remembered_publication(site.root, post.path, True, store),
    )
    assert again.unchanged and again.target == first.target, again.describe()


def test_a_bad_record_is_ignored(tmp_path) -> None:
    site = make_site(tmp_path)
    post = write_post(tmp_path / "w", "p.md", "---\ntitle: Fresh\ndate: 2024-07-22\n---\nHi.\n")
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: x\n---\ny\n")
    link = Path(site.posts_dir) / "2024-01-01-link.md"
    link.symlink_to(outside)
    for recorded in (
        outside,
        link,
        Path(site.posts_dir) / "2024-01-01-gone.md",
        Path(site.root) / "_config.yml",
        Path(site.posts_dir) / ".." / ".." / "outside.md",
    ):
        plan = make_plan(post, site, published_as=recorded)
        assert plan.ok and plan.target.name == "2024-07-22-fresh.md", (recorded, plan.describe())
    assert outside.read_text() == "---\ntitle: x\n---\ny\n"


def test_the_record_is_per_site_folder_and_source(tmp_path) -> None:
    store = tmp_path / "cfg" / "publish.json"
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    target = site / "_posts" / "2024-07-22-x.md"
    remember_publication(site, tmp_path / "a.md", target, False, store)
    assert remembered_publication(site, tmp_path / "a.md", False, store) == target
    assert remembered_publication(site, tmp_path / "a.md", True, store) is None
    assert remembered_publication(site, tmp_path / "b.md", False, store) is None
    assert remembered_publication(tmp_path / "other", tmp_path / "a.md", False, store) is None
    with pytest.raises(ValueError, match="not inside the site"):
        remember_publication(site, tmp_path / "a.md", tmp_path / "elsewhere.md", False, store)
    damaged = {str(site): {"posts": {str(tmp_path / "c.md"): "_posts/../../../etc/passwd"}}}
    store.write_text(json.dumps(damaged))
    assert remembered_publication(site, tmp_path / "c.md", False, store) is None


def test_a_draft_commit_says_draft(tmp_path) -> None:
    site = make_site(tmp_path)
    git(site.root, "init", "--quiet", "-b", "main")
    git(site.root, "config", "user.name", "Writer")
    git(site.root, "config", "user.email", "w@example.com")
    git(site.root, "add", ".")
    git(site.root, "commit", "--quiet", "-m", "start")
    post = write_post(tmp_path / "w", "p.md", "---\ntitle: Later\n---\nSoon.\n")
    plan = make_plan(post, site, draft=True, commit=True)
    assert "  git commit --quiet --only -m 'Draft: Later' -- _drafts/later.md\n" in plan.describe()
    assert apply_plan(plan).ok
    assert git(site.root, "log", "-1", "--format=%s").strip() == "Draft: Later"
    drafted = Post.load(Path(site.drafts_dir) / "later.md")
    plan = make_plan(drafted, site, commit=True, now=FIRST)
    assert apply_plan(plan).ok
    assert git(site.root, "log", "-1", "--format=%s").strip() == "Publish: Later"


def test_publishing_a_draft_says_where_it_moved(tmp_path) -> None:
    site = make_site(tmp_path)
    draft = write_post(Path(site.drafts_dir), "moving.md", "---\ntitle: Moving\n---\nx\n")
    plan = make_plan(draft, site, now=FIRST)
    result = apply_plan(plan)
    assert result.ok and result.moved_from == draft.path and result.moved_to == plan.target
    assert result.follow(draft.path) == plan.target and plan.target.exists()
    assert result.follow(tmp_path / "unrelated.md") is None
    in_place = make_plan(Post.load(plan.target), site, overwrite=True, date="2026-12-01")
    rewritten = apply_plan(in_place)
    assert rewritten.moved_from is None and rewritten.follow(plan.target) == plan.target


cli = run_publish_cli


def test_cli_publish_commit_twice_makes_one_post_and_one_commit(tmp_path) -> None:
    """QA's report: `publish t1.md --site wp --commit` twice gave -3260.md and -3261.md."""
    site = numbered_site(tmp_path).root
    git(site, "init", "--quiet", "-b", "main")
    git(site, "config", "user.name", "Writer")
    git(site, "config", "user.email", "w@example.com")
    git(site, "add", ".")
    git(site, "commit", "--quiet", "-m", "start")
    source = undated(tmp_path / "w").path
    first = cli(str(source), "--site", str(site), "--commit", home=tmp_path)
    assert first.returncode == 0, first.stderr
    added = sorted(
        set(os.listdir(site / "_posts"))
        - {p.name for p in (CORPUS / "whereispost.github.io" / "_posts").iterdir()}
    )
    assert len(added) == 1 and added[0].endswith("-3260.md")
    again = cli(str(source), "--site", str(site), "--commit", home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "(published-before)" in again.stdout and "Nothing to do" in again.stdout
    assert "git commit" not in again.stdout
    assert len(os.listdir(site / "_posts")) == len(added) + 94
    assert git(site, "rev-list", "--count", "HEAD").strip() == "2"
    source.write_text(source.read_text("utf-8") + "덧붙임\n", "utf-8")
    edited = cli(str(source), "--site", str(site), "--commit", home=tmp_path)
    assert edited.returncode == 1 and f"conflict: _posts/{added[0]}" in edited.stdout
    assert "+덧붙임" in edited.stdout
    forced = cli(str(source), "--site", str(site), "--commit", "--overwrite", home=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert f"  replace _posts/{added[0]}\n" in forced.stdout
    assert "덧붙임" in (site / "_posts" / added[0]).read_text("utf-8")
    assert git(site, "rev-list", "--count", "HEAD").strip() == "3"


@pytest.mark.jekyll
def test_jekyll_builds_one_page_for_a_post_published_twice(tmp_path) -> None:
    if not shutil.which("jekyll"):
        pytest.skip("Debian's jekyll is not installed")
    site = numbered_site(tmp_path)
    for name in sorted(os.listdir(site.posts_dir))[:-3]:  # a small site builds fast
        (Path(site.posts_dir) / name).unlink()
    source = undated(tmp_path / "w").path
    for _ in range(2):
        assert cli(str(source), "--site", str(site.root), home=tmp_path).returncode == 0
    out = tmp_path / "_site"
    build = subprocess.run(
        ["jekyll", "build", "--quiet", "--source", str(site.root), "--destination", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    pages = [p for p in out.rglob("*.html") if "본문입니다" in p.read_text("utf-8")]
    assert len(pages) == 1 and pages[0].name == "3260.html", pages


def test_titles_are_compared_as_values_whatever_their_yaml_spelling(tmp_path) -> None:
    site = make_site(tmp_path)
    spelled = "---\ntitle: 'He said \"hi\" & ''bye'''\ndate: 2024-01-01\n---\nOld.\n"
    (Path(site.posts_dir) / "2024-01-01-old.md").write_text(spelled, "utf-8")
    folded = "---\ntitle: >-\n  He said \"hi\"\n  & 'bye'\ndate: 2024-07-22\n---\nNew.\n"
    post = write_post(tmp_path / "w", "p.md", folded)
    assert post.title == "He said \"hi\" & 'bye'"
    plan = make_plan(post, site)
    assert "same title is already in the site: _posts/2024-01-01-old.md" in plan.describe()


def test_a_cp949_post_published_again_changes_nothing(tmp_path) -> None:
    site, store = numbered_site(tmp_path), tmp_path / "prefs.json"
    source = tmp_path / "w" / "t1.md"
    source.parent.mkdir()
    source.write_bytes("---\ntitle: 한글 제목\n---\n본문입니다.\n".encode("cp949"))
    first = publish(Post.load(source), site, store)
    assert first.target.read_bytes().decode("cp949").startswith("---\ntitle: 한글 제목\n")
    again = make_plan(Post.load(source), site, now=LATER)  # found by its content
    assert again.unchanged and again.target == first.target, again.describe()


def test_follow_matches_a_file_held_through_a_symlinked_site_folder(tmp_path) -> None:
    real = make_site(tmp_path).root
    linked = tmp_path / "linked-site"
    linked.symlink_to(real)
    site = Site(linked)
    held = linked / "_posts" / "2024-07-22-held.md"  # the window's path, through the link
    post = write_post(held.parent, held.name, "---\ntitle: Held\n---\nx\n")
    post.set_body("edited\n")
    result = apply_plan(make_plan(post, site, overwrite=True))
    assert result.ok and result.written == [real / "_posts" / held.name]
    assert result.follow(held) == result.written[0]


def test_the_source_itself_is_found_through_a_symlinked_site_folder(tmp_path) -> None:
    real = make_site(tmp_path).root
    linked = tmp_path / "linked-site"
    linked.symlink_to(real)
    held = linked / "_posts" / "2024-07-22-held.md"
    post = write_post(held.parent, held.name, "---\ntitle: Held\n---\nx\n")
    post.set_body("edited\n")
    plan = make_plan(post, Site(linked), date="2024-08-01")  # would be a new 2024-08-01 file
    assert plan.target == real / "_posts" / held.name and plan.conflicts, plan.describe()


def test_two_empty_posts_with_one_title_are_not_one_post(tmp_path) -> None:
    site = numbered_site(tmp_path)
    (Path(site.posts_dir) / "2026-11-28-3260.md").write_text("---\ntitle: 할 일\n---\n", "utf-8")
    plan = make_plan(undated(tmp_path / "w", title="할 일", body=""), site, now=LATER)
    assert plan.ok and plan.target.name == "2026-11-29-3261.md", plan.describe()
    assert "same title is already in the site: _posts/2026-11-28-3260.md" in plan.describe()


def test_an_earlier_date_is_kept_as_it_is_written(tmp_path) -> None:
    """A post dated `date: 2025-01-05` by hand is the same post: not a conflict over the
    spelling of its date."""
    site = numbered_site(tmp_path)
    earlier = Path(site.posts_dir) / "2025-01-05-3260.md"
    earlier.write_text("---\ntitle: 첫 글\ndate: 2025-01-05\n---\n본문입니다.\n", "utf-8")
    plan = make_plan(undated(tmp_path / "w"), site, now=LATER)
    assert plan.unchanged and plan.target == earlier, plan.describe()
    assert plan.date == "2025-01-05 00:00:00 +0900"
