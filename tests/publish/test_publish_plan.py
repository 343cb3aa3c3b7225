"""make_plan: names, dates, images, conflicts, drafts, path safety. Nothing is written."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import (
    CORPUS,
    PNG,
    REFERENCE,
    make_site,
    simple_post,
    tree_digest,
    write_post,
)


def test_reference_post_plan(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    # The sample site holds this very post: publishing it again would update that file
    # (tests/publish/test_publish_republish.py). Here it is a post new to the site.
    (site.root / "_posts" / REFERENCE.name).unlink()
    before = tree_digest(site.root)
    source = tmp_path / "work" / "post.md"
    source.parent.mkdir()
    source.write_bytes(REFERENCE.read_bytes())
    plan = make_plan(Post.load(source), site, slug_mode="title", date="2024-07-22")
    assert plan.ok, plan.describe()
    assert plan.target == site.root / "_posts" / (
        "2024-07-22-디지털-전환-민관-1235억-원-투자-궁금하지-않나요.md"
    )
    assert plan.url == "/news/2024/07/22/디지털-전환-민관-1235억-원-투자-궁금하지-않나요.html"
    assert [w.target for w in plan.writes] == [plan.target]
    assert plan.copies == []  # its image is already in the site
    assert b"date: 2024-07-22 00:00:00 +0900" in plan.writes[0].data
    assert tree_digest(site.root) == before


def test_date_written_when_missing_in_site_timezone(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = write_post(tmp_path / "w", "p.md", "---\ntitle: Late night\n---\nbody\n")
    now = datetime(2024, 7, 21, 16, 30, tzinfo=UTC)  # 01:30 next day in Seoul
    plan = make_plan(post, site, now=now)
    assert plan.target.name == "2024-07-22-late-night.md"
    data = plan.writes[0].data.decode()
    assert data.startswith("---\ntitle: Late night\ndate: 2024-07-22 01:30:00 +0900")
    assert data.endswith("---\nbody\n")
    assert post.meta.get("date") is None  # the writer's document is left alone


def test_front_matter_date_converted_to_site_zone(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = write_post(
        tmp_path / "w", "p.md", "---\ntitle: T\ndate: 2024-07-21 20:00:00 -0500\n---\n"
    )
    plan = make_plan(post, site)
    assert plan.target.name == "2024-07-22-t.md"


def test_bad_date_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = simple_post(tmp_path / "w")
    plan = make_plan(post, site, date="22/07/2024")
    assert not plan.ok and "not a date" in plan.describe()


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("title", "2024-07-22-안녕-세상.md"),
        ("romanized", "2024-07-22-annyeong-sesang.md"),
        ("front-matter", "2024-07-22-my-slug.md"),
        ("auto", "2024-07-22-my-slug.md"),
    ],
)
def test_slug_modes(tmp_path: Path, mode: str, expected: str) -> None:
    site = make_site(tmp_path)
    post = simple_post(tmp_path / "w", title="안녕, 세상!", extra="slug: my-slug\n")
    plan = make_plan(post, site, slug_mode=mode)
    assert plan.ok, plan.describe()
    assert plan.target.name == expected


def test_number_mode_on_numbered_site(tmp_path: Path) -> None:
    root = tmp_path / "numbered"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("timezone: Asia/Seoul\n")
    for source in (CORPUS / "whereispost.github.io" / "_posts").glob("*.md"):
        (root / "_posts" / source.name).write_bytes(source.read_bytes())
    post = simple_post(tmp_path / "w")
    plan = make_plan(post, Site(root))  # auto detects the numbering
    assert plan.target.name == "2024-07-22-3260.md" and plan.slug_mode == "number"
    assert make_plan(post, make_site(tmp_path), slug_mode="number").ok is False


def test_republishing_from_posts_keeps_name_and_changes_nothing(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    plan = make_plan(Post.load(site.root / "_posts" / REFERENCE.name), site)
    assert plan.ok and plan.unchanged, plan.describe()
    assert "Nothing to do" in plan.describe()


def test_existing_target_is_a_conflict_with_diff(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    existing = site.root / "_posts" / "2024-07-22-hello-world.md"
    existing.write_text("---\ntitle: Hello World\n---\nold text\n")
    post = simple_post(tmp_path / "w", body="new text")
    plan = make_plan(post, site)
    assert not plan.ok and plan.conflicts and not plan.writes
    text = plan.describe()
    assert "--overwrite" in text and "-old text" in text and "+new text" in text
    plan = make_plan(post, site, overwrite=True)
    assert plan.ok and plan.writes[0].existing == existing.read_bytes()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../../x", None),
        ("CON", None),
        ("a\x00b", None),
        ("가" * 300, None),
        ("Fine", "../../x"),
        ("Fine", "CON"),
        ("Fine", "a\x00b"),
        ("Fine", "x" * 300),
        ("Fine", "/etc/passwd"),
    ],
)
def test_no_path_escapes_the_site(tmp_path: Path, title: str, slug: str | None) -> None:
    site = make_site(tmp_path)
    text = f'---\ntitle: "{title.replace(chr(0), chr(92) + "0")}"\ndate: 2024-07-22\n---\nx\n'
    post = write_post(tmp_path / "w", "p.md", text)
    before = tree_digest(tmp_path)
    plan = make_plan(post, site, slug=slug)
    if plan.ok:
        assert plan.target.parent == site.root / "_posts"
        assert "/" not in plan.target.name and "\x00" not in plan.target.name
        assert len(plan.target.name.encode()) < 255
        assert plan.target.stem.split("-", 3)[-1].lower() not in ("con", "x" * 300)
    else:
        assert plan.errors and "slug" in plan.describe()
    assert tree_digest(tmp_path) == before


def test_title_con_and_long_title_outcomes(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    con = make_plan(simple_post(tmp_path / "a", title="CON"), site)
    assert not con.ok and "reserved device name" in con.describe()
    long = make_plan(simple_post(tmp_path / "b", title="가" * 300), site)
    assert long.ok and long.target.name.startswith("2024-07-22-가가")
    assert len(long.target.name.encode()) <= 200


def test_local_images_copied_and_links_rewritten(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    work = tmp_path / "w"
    (work / "pics").mkdir(parents=True)
    (work / "pics" / "red dot.png").write_bytes(PNG)
    (work / "pics" / "blue.png").write_bytes(PNG + b"blue")
    abs_png = work / "pics" / "blue.png"
    body = (
        "![a](pics/red%20dot.png)\n![b](<pics/red dot.png>)\n"
        f'<img src="{abs_png}" width="3">\n'
        "![remote](https://example.com/x.png)\n"
        "![in site](/assets/img/newsdao_breakingnews.jpg)\n"
        "```\n![example](not/there.png)\n```\n`![inline](nope.png)`\n"
    )
    post = simple_post(work, body=body, extra="image: pics/blue.png\n")
    plan = make_plan(post, site)
    assert plan.ok, plan.describe()
    targets = sorted(c.target.name for c in plan.copies)
    assert targets == ["blue.png", "red-dot.png"]
    data = plan.writes[0].data.decode()
    assert data.count("](/assets/img/red-dot.png)") == 1
    assert "(</assets/img/red-dot.png>)" in data
    assert '<img src="/assets/img/blue.png" width="3">' in data
    assert "image: /assets/img/blue.png" in data
    assert "https://example.com/x.png" in data and "not/there.png" in data
    assert not (site.image_dir / "blue.png").exists()


def test_missing_image_stops_before_writing(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    post = simple_post(tmp_path / "w", body="![gone](nowhere/gone.png)\n")
    plan = make_plan(post, site)
    assert not plan.ok
    assert "error: line 6: image not found: nowhere/gone.png" in plan.describe()


@pytest.mark.parametrize("hint", ["../../../outside.png", "..%2F..%2Fx.png"])
def test_image_names_with_dotdot_stay_in_image_folder(tmp_path: Path, hint: str) -> None:
    site = make_site(tmp_path)
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    (tmp_path / "outside.png").write_bytes(PNG)
    (tmp_path / "a" / "x.png").write_bytes(PNG + b"2")  # what ..%2F..%2Fx.png decodes to
    post = simple_post(work, body=f"![x]({hint})\n")
    plan = make_plan(post, site)
    assert plan.ok, plan.describe()
    (copy,) = plan.copies
    assert copy.target.parent == site.image_dir
    assert ".." not in copy.target.name and "/" not in copy.target.name


def test_symlinked_posts_folder_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (site.root / "_posts").rename(elsewhere)
    os.symlink(elsewhere, site.root / "_posts")
    plan = make_plan(simple_post(tmp_path / "w"), site)
    assert not plan.ok and "symlink" in plan.describe()


def test_symlinked_post_target_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    victim = tmp_path / "victim.md"
    victim.write_text("keep")
    os.symlink(victim, site.root / "_posts" / "2024-07-22-hello-world.md")
    plan = make_plan(simple_post(tmp_path / "w"), site, overwrite=True)
    assert not plan.ok and "symlink" in plan.describe()


def test_symlinked_image_folder_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (site.root / "assets" / "img").rename(elsewhere)
    os.symlink(elsewhere, site.root / "assets" / "img")
    work = tmp_path / "w"
    work.mkdir()
    (work / "new.png").write_bytes(PNG)
    plan = make_plan(simple_post(work, body="![n](new.png)\n"), Site(site.root))
    assert not plan.ok and "symlink" in plan.describe()


def test_broken_yaml_and_missing_title_stop(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    broken = write_post(tmp_path / "w", "b.md", "---\ntitle: [oops] more\n---\nx\n")
    plan = make_plan(broken, site)
    assert not plan.ok and "front matter" in plan.describe()
    untitled = write_post(tmp_path / "w", "u.md", "---\ndate: 2024-07-22\n---\nx\n")
    plan = make_plan(untitled, site)
    assert not plan.ok and "title" in plan.describe()


def test_draft_goes_to_drafts_and_publishing_a_draft_moves_it(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    plan = make_plan(simple_post(tmp_path / "w"), site, draft=True)
    assert plan.target == site.root / "_drafts" / "hello-world.md" and plan.url is None
    draft = simple_post(site.root / "_drafts")
    plan = make_plan(draft, site)
    assert plan.target == site.root / "_posts" / "2024-07-22-hello-world.md"
    assert plan.removals == [site.root / "_drafts" / "draft.md"]


def test_reference_style_images_copied_links_left_alone(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    work = tmp_path / "w"
    work.mkdir()
    (work / "shot.png").write_bytes(PNG)
    body = (
        "![Alt][Shot] and ![logo] and [a link][doc]\n\n"
        '[shot]: shot.png "title"\n[logo]: <shot.png>\n[doc]: missing-doc.pdf\n'
    )
    plan = make_plan(simple_post(work, body=body), site)
    assert plan.ok, plan.describe()
    data = plan.writes[0].data.decode()
    assert '[shot]: /assets/img/shot.png "title"' in data
    assert "[logo]: </assets/img/shot.png>" in data
    assert "[doc]: missing-doc.pdf" in data
    assert len(plan.copies) == 1


def test_every_corpus_post_plans_without_crashing(tmp_path: Path) -> None:
    """Real posts (broken YAML, odd tags, Korean names with spaces): a plan or a clear refusal."""
    site = make_site(tmp_path)
    before = tree_digest(site.root)
    outcomes = {"ok": 0, "refused": 0}
    for source in sorted(CORPUS.glob("*/_posts/*.md")):
        plan = make_plan(Post.load(source), site, now=datetime(2024, 1, 1, tzinfo=UTC))
        if plan.ok:
            outcomes["ok"] += 1
            assert plan.target.parent == site.root / "_posts"
        else:
            outcomes["refused"] += 1
            assert plan.errors and all(p.message for p in plan.errors), source
            assert "Refused" in plan.describe()
    assert outcomes["ok"] > 100 and outcomes["refused"] > 0, outcomes
    assert tree_digest(site.root) == before


def test_republishing_undated_post_keeps_first_date(tmp_path: Path) -> None:
    from editor.publish.apply import apply_plan

    site = make_site(tmp_path)
    post = write_post(tmp_path / "w", "p.md", "---\ntitle: No date\n---\nbody\n")
    first = make_plan(post, site, now=datetime(2024, 7, 22, 1, tzinfo=UTC))
    assert apply_plan(first).ok
    again = make_plan(post, site, now=datetime(2025, 1, 1, tzinfo=UTC))
    assert again.unchanged, again.describe()
    post.set_body("changed body\n")
    changed = make_plan(post, site, now=datetime(2025, 1, 1, tzinfo=UTC))
    assert [c.target for c in changed.conflicts] == [first.target]


def test_chirpy_image_mapping_rewritten(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    work = tmp_path / "w"
    work.mkdir()
    (work / "cover.png").write_bytes(PNG)
    extra = "image:\n  path: cover.png\n  alt: The cover\n"
    plan = make_plan(simple_post(work, extra=extra), site)
    assert plan.ok, plan.describe()
    assert (
        "image:\n  path: /assets/img/cover.png\n  alt: The cover\n" in plan.writes[0].data.decode()
    )
    missing = make_plan(simple_post(tmp_path / "x", extra="image:\n  path: gone.png\n"), site)
    assert "image not found: gone.png (front matter `image`)" in missing.describe()
