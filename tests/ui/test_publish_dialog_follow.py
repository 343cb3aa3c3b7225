"""PublishDialog after QA: it says where a moved draft went (so the window can follow it),
remembers where each post went (publishing it again updates that file), words a draft's
commit as a draft, and wraps the advice after a rejected push."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.post import Post
from editor.core.site import Site
from editor.ui.publish_dialog import PublishDialog
from tests.publish.publish_helpers import CORPUS, SAMPLE_SITE, git, make_repository_with_remote


@pytest.fixture
def site(tmp_path: Path) -> Site:
    shutil.copytree(SAMPLE_SITE, tmp_path / "site")
    return Site(tmp_path / "site")


def git_site(tmp_path: Path, site: Site) -> Path:
    """Make the site a repository with a bare remote; returns the remote."""
    return make_repository_with_remote(Path(site.root), tmp_path / "remote.git")


def open_draft(site: Site, name: str = "옮길-글.md") -> Post:
    drafts = Path(site.drafts_dir)
    drafts.mkdir(exist_ok=True)
    (drafts / name).write_text("---\ntitle: 옮길 글\n---\n본문\n", "utf-8")
    return Post.load(drafts / name)


def dialog_for(qtbot, post: Post, site: Site, tmp_path: Path) -> PublishDialog:
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    return dialog


def publish(qtbot, dialog: PublishDialog) -> list:
    """Press Publish; return what ``applying`` and ``published`` carried, in order."""
    seen: list = []
    dialog.applying.connect(lambda plan: seen.append(("applying", plan)))
    dialog.published.connect(lambda result: seen.append(("published", result)))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    return seen


def test_publishing_an_open_draft_says_where_it_moved(qtbot, tmp_path, site) -> None:
    post = open_draft(site)
    dialog = dialog_for(qtbot, post, site, tmp_path)
    seen = publish(qtbot, dialog)
    assert [kind for kind, _ in seen] == ["applying", "published"]
    assert seen[0][1] is dialog.plan and post.path in dialog.plan.removals
    result = seen[1][1]
    assert result is dialog.result and result.ok
    assert result.moved_from == post.path and not post.path.exists()
    assert result.moved_to == dialog.plan.target and result.moved_to.parent.name == "_posts"
    assert result.follow(post.path) == result.moved_to
    assert Post.load(result.moved_to).body == "본문\n"


def test_a_rejected_push_still_reports_the_move_and_wraps_its_advice(qtbot, tmp_path, site) -> None:
    git_site(tmp_path, site)
    post = open_draft(site)
    git(site.root, "add", "_drafts")
    git(site.root, "commit", "--quiet", "-m", "draft")
    git(site.root, "push", "--quiet", "origin", "main")
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(tmp_path / "remote.git"), str(other))
    (other / "x.txt").write_text("x")
    git(other, "add", "x.txt")
    git(other, "commit", "--quiet", "-m", "elsewhere")
    git(other, "push", "--quiet", "origin", "main")
    dialog = dialog_for(qtbot, post, site, tmp_path)
    dialog.push_box.setChecked(True)
    dialog.resize(520, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.plan_view.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap  # a plan
    seen = publish(qtbot, dialog)
    result = dialog.result
    assert not result.ok and result.push_rejected
    assert [kind for kind, _ in seen] == ["applying", "published"]
    assert result.follow(post.path) == dialog.plan.target and dialog.plan.target.exists()
    view = dialog.plan_view
    assert view.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    first = view.document().firstBlock()
    assert first.text().startswith("The push was rejected")
    qtbot.waitUntil(lambda: first.layout().lineCount() > 1)  # wrapped to the view's width
    assert view.horizontalScrollBar().maximum() == 0
    assert "pull --rebase origin main" in view.toPlainText()


def test_the_commit_box_and_the_commit_say_draft_for_a_draft(qtbot, tmp_path, site) -> None:
    git_site(tmp_path, site)
    work = tmp_path / "work"
    work.mkdir()
    (work / "p.md").write_text("---\ntitle: Later\n---\nSoon.\n", "utf-8")
    dialog = dialog_for(qtbot, Post.load(work / "p.md"), site, tmp_path)
    assert dialog.commit_box.text() == "Commit (“Publish: Later”)"
    dialog.draft_box.setChecked(True)
    assert dialog.commit_box.text() == "Commit (“Draft: Later”)"
    dialog.commit_box.setChecked(True)
    assert "  git: commit “Draft: Later”" in dialog.plan_view.toPlainText()
    publish(qtbot, dialog)
    assert dialog.result.ok, dialog.result.error
    assert git(site.root, "log", "-1", "--format=%s").strip() == "Draft: Later"
    dialog.draft_box.setChecked(False)
    assert dialog.commit_box.text() == "Commit (“Publish: Later”)"


def numbered(tmp_path: Path) -> Site:
    root = tmp_path / "numbered"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("timezone: Asia/Seoul\n")
    for source in sorted((CORPUS / "whereispost.github.io" / "_posts").glob("*.md"))[:5]:
        (root / "_posts" / source.name).write_bytes(source.read_bytes())
    return Site(root)


def test_the_dialog_remembers_where_a_post_went(qtbot, tmp_path) -> None:
    site = numbered(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    source = work / "t1.md"
    source.write_text("---\ntitle: 첫 글\n---\n본문입니다.\n", "utf-8")
    dialog = dialog_for(qtbot, Post.load(source), site, tmp_path)
    assert dialog.plan.slug_mode == "number"
    publish(qtbot, dialog)
    assert dialog.result.ok, dialog.result.error
    target = dialog.plan.target
    again = dialog_for(qtbot, Post.load(source), site, tmp_path)
    assert again.plan.unchanged and again.plan.target == target
    assert not again.publish_button.isEnabled()
    source.write_text("---\ntitle: 첫 글\n---\n고친 본문\n", "utf-8")
    edited = dialog_for(qtbot, Post.load(source), site, tmp_path)
    assert edited.plan.target == target and edited.plan.conflicts  # by the record
    shown = edited.plan_view.toPlainText()
    assert "(already published under this name)" in shown
    assert "-본문입니다.\n+고친 본문" in shown and not edited.publish_button.isEnabled()
    assert edited.summary.text() == (
        f"This post was published before as _posts/{target.name}: tick “Replace” to update "
        "it, or type a slug to publish a copy."
    )
    edited.overwrite_box.setChecked(True)
    publish(qtbot, edited)
    assert edited.result.ok and "고친 본문" in target.read_text("utf-8")
    assert len(list(Path(site.posts_dir).iterdir())) == 6


def test_the_same_title_warning_shows_in_the_dialog(qtbot, tmp_path, site) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "p.md").write_text(
        "---\ntitle: 디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?\n---\n다른 글\n", "utf-8"
    )
    dialog = dialog_for(qtbot, Post.load(work / "p.md"), site, tmp_path)
    shown = dialog.plan_view.toPlainText()
    assert (
        "  warning: a post with the same title is already in the site: "
        "_posts/2023-09-29-digital-transformation.md\n" in shown
    )
    assert dialog.publish_button.isEnabled()  # a warning, not a refusal
