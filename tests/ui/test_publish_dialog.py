"""PublishDialog: shows the plan, writes nothing before Publish, cancels, shows progress."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from editor.core.post import Post
from editor.core.site import Site
from editor.publish.prefs import remembered_slug_mode
from editor.ui.publish_dialog import PublishDialog

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Site:
    shutil.copytree(SAMPLE_SITE, tmp_path / "site")
    return Site(tmp_path / "site")


def new_post(tmp_path: Path, title: str = "안녕 세상", images: int = 0) -> Post:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    body = ""
    for n in range(images):
        (work / f"pic{n}.png").write_bytes(PNG + n.to_bytes(2, "big"))
        body += f"![p{n}](pic{n}.png)\n"
    path = work / "post.md"
    path.write_text(f"---\ntitle: {title}\ndate: 2024-07-22\n---\n{body}Hello\n", "utf-8")
    return Post.load(path)


def make_dialog(qtbot, post, site, prefs: Path) -> PublishDialog:
    dialog = PublishDialog(post, site, prefs_path=prefs)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_plan_and_writes_nothing_until_confirmed(qtbot, tmp_path, site) -> None:
    before = tree(site.root)
    dialog = make_dialog(qtbot, new_post(tmp_path), site, tmp_path / "prefs.json")
    text = dialog.plan_view.toPlainText()
    assert "write _posts/2024-07-22-안녕-세상.md" in text
    dialog.slug_mode.setCurrentIndex(dialog.slug_mode.findData("romanized"))
    assert "2024-07-22-annyeong-sesang.md" in dialog.plan_view.toPlainText()
    dialog.draft_box.setChecked(True)
    assert "_drafts/annyeong-sesang.md" in dialog.plan_view.toPlainText()
    assert dialog.publish_button.isEnabled()
    assert tree(site.root) == before


def test_cancel_writes_nothing(qtbot, tmp_path, site) -> None:
    before = tree(site.root)
    dialog = make_dialog(qtbot, new_post(tmp_path, images=2), site, tmp_path / "prefs.json")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result is None and tree(site.root) == before
    assert not (tmp_path / "prefs.json").exists()


def test_publish_with_many_images_shows_progress(qtbot, tmp_path, site) -> None:
    post = new_post(tmp_path, images=12)
    dialog = make_dialog(qtbot, post, site, tmp_path / "prefs.json")
    dialog.slug_mode.setCurrentIndex(dialog.slug_mode.findData("romanized"))
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.published, timeout=10000):
        dialog.publish_button.click()
        assert dialog.progress.isVisibleTo(dialog)
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
    assert dialog.result.ok
    assert dialog.progress.maximum() == 13 and seen[-1] == 13
    assert (site.root / "_posts" / "2024-07-22-annyeong-sesang.md").exists()
    assert len(list(site.image_dir.glob("pic*.png"))) == 12
    assert dialog.summary.text() == "Published: /2024/07/22/annyeong-sesang.html"
    assert remembered_slug_mode(site.root, tmp_path / "prefs.json") == "romanized"
    reopened = make_dialog(qtbot, post, site, tmp_path / "prefs.json")
    assert reopened.slug_mode.currentData() == "romanized"
    assert not reopened.publish_button.isEnabled()  # same content: nothing to do


def test_conflict_needs_replace_and_shows_diff(qtbot, tmp_path, site) -> None:
    existing = site.root / "_posts" / "2024-07-22-안녕-세상.md"
    existing.write_text("---\ntitle: old\n---\nold body\n", "utf-8")
    dialog = make_dialog(qtbot, new_post(tmp_path), site, tmp_path / "prefs.json")
    assert not dialog.publish_button.isEnabled()
    assert dialog.overwrite_box.isVisibleTo(dialog)
    assert "-old body" in dialog.plan_view.toPlainText()
    assert "+Hello" in dialog.plan_view.toPlainText()
    dialog.overwrite_box.setChecked(True)
    assert dialog.publish_button.isEnabled()
    with qtbot.waitSignal(dialog.published, timeout=10000):
        dialog.publish_button.click()
    assert "Hello" in existing.read_text("utf-8")


def test_refusal_disables_publish(qtbot, tmp_path, site) -> None:
    post = new_post(tmp_path)
    dialog = make_dialog(qtbot, post, site, tmp_path / "prefs.json")
    dialog.slug_edit.setText("../../x")
    dialog.slug_edit.editingFinished.emit()
    assert not dialog.publish_button.isEnabled()
    assert "path separator" in dialog.summary.text()


def test_opening_the_dialog_rolls_back_a_publish_killed_midway(qtbot, tmp_path) -> None:
    import signal

    from tests.publish.publish_helpers import tree_digest
    from tests.publish.test_publish_apply import rich_plan
    from tests.publish.test_publish_journal import run_child

    killed_site, _ = rich_plan(tmp_path)
    before = tree_digest(killed_site.root)
    assert run_child(killed_site.root, 6).returncode == -signal.SIGKILL
    assert tree_digest(killed_site.root) != before  # half published
    site = Site(killed_site.root)
    dialog = make_dialog(qtbot, new_post(tmp_path), site, tmp_path / "prefs.json")
    assert dialog.recovered and dialog.recovered[0].startswith("rolled back")
    assert "rolled back an interrupted publish" in dialog.summary.text()
    assert tree_digest(killed_site.root) == before


def test_date_field_sets_the_publish_date_and_now_overrides_an_old_one(
    qtbot, tmp_path, site
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    dialog = make_dialog(qtbot, new_post(tmp_path), site, tmp_path / "prefs.json")
    assert "2024-07-22-안녕-세상.md" in dialog.plan_view.toPlainText()  # front matter date
    dialog.date_edit.setText("2024-08-01 09:30")
    dialog.date_edit.editingFinished.emit()
    assert "write _posts/2024-08-01-안녕-세상.md" in dialog.plan_view.toPlainText()
    dialog.date_edit.setText("01/08/2024")
    dialog.date_edit.editingFinished.emit()
    assert not dialog.publish_button.isEnabled()
    assert "is not a date like" in dialog.summary.text()
    dialog.now_button.click()
    today = f"{datetime.now(ZoneInfo('Asia/Seoul')):%Y-%m-%d}"  # the sample site's zone
    assert dialog.date_edit.text().startswith(today)
    assert f"write _posts/{today}-안녕-세상.md" in dialog.plan_view.toPlainText()
    assert dialog.publish_button.isEnabled()


def test_an_undated_draft_is_published_with_the_day_of_publishing(qtbot, tmp_path, site) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    drafts = site.root / "_drafts"
    drafts.mkdir()
    (drafts / "초안-글.md").write_text("---\ntitle: 초안 글\n---\n본문\n", "utf-8")
    post = Post.load(drafts / "초안-글.md")
    dialog = make_dialog(qtbot, post, site, tmp_path / "prefs.json")
    today = f"{datetime.now(ZoneInfo('Asia/Seoul')):%Y-%m-%d}"
    text = dialog.plan_view.toPlainText()
    assert f"write _posts/{today}-초안-글.md" in text and "remove _drafts/초안-글.md" in text
    dialog.draft_box.setChecked(True)  # saving it as a draft again: still no date
    assert "date: none yet" in dialog.plan_view.toPlainText()
