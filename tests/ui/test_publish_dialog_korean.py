"""The Publish dialog in Korean: every line of every kind of plan is worded in Korean, while
the CLI's English (describe_plan) stays as it was; the diff is shown unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor.publish.describe import english_line, plan_diffs, plan_lines
from editor.publish.plan import make_plan
from editor.ui.publish_dialog import PublishDialog
from editor.ui.publish_text import LINES, PROBLEMS, line_text, plan_text
from tests.publish.plan_scenarios import NOW, SCENARIOS
from tests.publish.publish_helpers import make_site

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_plan_line_is_korean(korean, tmp_path: Path, name: str) -> None:
    post, site, options = SCENARIOS[name](tmp_path)
    plan = make_plan(post, site, now=NOW, **options)
    for line in plan_lines(plan):
        shown, english = line_text(line), english_line(line)
        assert HANGUL.search(shown) and shown != english, (line.kind, shown)
        problem = line.fields.get("problem")
        if problem is not None and problem.code not in ("check", ""):  # core: English only
            assert not re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", shown), shown
    text = plan_text(plan)
    for diff in plan_diffs(plan):
        assert diff in text  # the diff stays as it is


def test_scenarios_reach_every_line_kind_and_most_problem_codes(tmp_path: Path) -> None:
    kinds, codes = set(), set()
    for name, scenario in SCENARIOS.items():
        (tmp_path / name).mkdir()
        post, site, options = scenario(tmp_path / name)
        for line in plan_lines(make_plan(post, site, now=NOW, **options)):
            kinds.add(line.kind)
            if line.kind == "problem":
                codes.add(line.fields["problem"].code)
    assert kinds == set(LINES) - {"draft-heading"} | {"problem"}
    expected = {"image-missing", "no-title", "not-git", "slug-device", "date-format"}
    assert expected | {"date-invalid", "slug-no-front-matter", "slug-no-number"} <= codes
    assert "unsafe-path" in codes and codes - {"check"} <= set(PROBLEMS)


def test_the_korean_dialog_shows_the_plan_and_the_refusal_in_korean(
    korean, qtbot, tmp_path: Path
) -> None:
    post, site, _ = SCENARIOS["reserved_slug"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    assert "초안으로 저장" in dialog.draft_box.text()
    dialog.slug_edit.setText("CON")
    dialog.slug_edit.editingFinished.emit()
    shown = dialog.plan_view.toPlainText()
    assert "  오류: 슬러그 “CON”: Windows의 예약된 장치 이름입니다" in shown
    assert "발행할 수 없습니다. 아무것도 쓰지 않습니다." in shown
    assert "reserved" not in shown and "Refused" not in shown
    assert dialog.summary.text().startswith("발행할 수 없습니다: 슬러그 “CON”")
    dialog.slug_edit.setText("")
    dialog.slug_edit.editingFinished.emit()
    shown = dialog.plan_view.toPlainText()
    assert "  파일: _posts/2024-07-22-device.md" in shown
    assert "  슬러그: device (제목)   날짜: 2024-07-22 00:00:00 +0900" in shown
    assert "할 일:\n  쓰기: _posts/2024-07-22-device.md" in shown


def test_the_korean_dialog_shows_a_conflict_with_its_diff(korean, qtbot, tmp_path: Path) -> None:
    post, site, _ = SCENARIOS["conflict_with_diff"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    shown = dialog.plan_view.toPlainText()
    assert "충돌: _posts/2024-07-22-same-name.md에 다른 내용이 있습니다." in shown
    assert "--overwrite" not in shown
    assert "-first text\n+second text" in shown
    assert dialog.overwrite_box.isVisibleTo(dialog)


def publish_and_wait(qtbot, dialog: PublishDialog) -> list[str]:
    """Press Publish; return every progress text shown until the worker is done."""
    formats: list[str] = []
    dialog.progress.valueChanged.connect(
        lambda value: value and formats.append(dialog.progress.format())
    )
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    return formats


def test_publishing_with_git_reports_in_korean(korean, qtbot, tmp_path: Path) -> None:
    post, site, _ = SCENARIOS["commit_and_push"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    assert dialog.commit_box.text() == "커밋 (“Publish: Hello World”)"
    dialog.push_box.setChecked(True)
    formats = publish_and_wait(qtbot, dialog)
    assert dialog.result.ok, dialog.result.error
    assert formats == [
        "%v/%m  쓰기: 2024-07-22-hello-world.md",
        "%v/%m  글과 이미지 스테이징",
        "%v/%m  커밋: “Publish: Hello World”",
        "%v/%m  푸시: main → origin",
    ]
    shown = dialog.plan_view.toPlainText()
    assert f"커밋했습니다: {dialog.result.commit[:10]} “Publish: Hello World”" in shown
    assert shown.endswith("푸시했습니다: main → origin")
    assert "committed" not in shown and "pushed" not in shown
    assert dialog.summary.text() == "발행됨: /notes/2024/07/22/hello-world.html"


def test_a_rejected_push_says_what_to_do_in_korean(korean, qtbot, tmp_path: Path) -> None:
    from tests.publish.publish_helpers import git

    post, site, _ = SCENARIOS["commit_and_push"](tmp_path)
    git(tmp_path, "clone", "--quiet", str(tmp_path / "remote.git"), str(tmp_path / "other"))
    (tmp_path / "other" / "x.txt").write_text("x")
    git(tmp_path / "other", "add", "x.txt")
    git(tmp_path / "other", "commit", "--quiet", "-m", "elsewhere")
    git(tmp_path / "other", "push", "--quiet", "origin", "main")
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    dialog.push_box.setChecked(True)
    publish_and_wait(qtbot, dialog)
    assert not dialog.result.ok and dialog.result.push_rejected
    summary = dialog.summary.text()
    assert summary.startswith(
        "파일은 발행했지만 git 작업에 확인이 필요합니다: 푸시가 거절되었습니다:"
    )
    assert "\n" not in summary  # the commands are in the view below
    shown = dialog.plan_view.toPlainText()
    assert "발행하려면 다음을 실행하세요:\n" in shown
    assert f"  git -C {site.root} pull --rebase origin main\n" in shown
    assert "The push was rejected" not in shown and "committed" not in shown


def test_a_site_changed_after_planning_is_reported_in_korean(korean, qtbot, tmp_path: Path) -> None:
    post, site, _ = SCENARIOS["new_post_with_images"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    target = dialog.plan.target
    target.write_text("written meanwhile", "utf-8")
    publish_and_wait(qtbot, dialog)
    assert not dialog.result.ok and target.read_text("utf-8") == "written meanwhile"
    expected = f"아무것도 발행하지 않았습니다: 계획을 세운 뒤 파일이 바뀌었습니다: {target}."
    assert dialog.summary.text().startswith("발행하지 않았습니다: " + expected)


def test_every_code_the_publisher_gives_has_a_dialog_template() -> None:
    """Codes in editor/publish: Phrase(text, CODE), refusals (text, CODE) and
    plan.error(text, line, CODE); each must have a template in publish_text."""
    import ast

    from editor.ui.publish_text import SAID

    makers = {"Phrase", "SlugError", "DateError", "StalePlanError", "UnsafeTargetError"}
    codes: set[str] = set()
    for source in (Path(__file__).parents[2] / "editor" / "publish").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            where = 1 if name in makers else 2 if name == "error" else None
            if where is not None and len(node.args) > where:
                code = node.args[where]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    codes.add(code.value)
    assert len(codes) >= 40, sorted(codes)
    assert codes <= set(SAID) | set(PROBLEMS), sorted(codes - set(SAID) - set(PROBLEMS))


def test_a_publish_killed_midway_is_rolled_back_and_said_in_korean(
    korean, qtbot, tmp_path: Path
) -> None:
    import signal

    from editor.core.site import Site
    from tests.publish.publish_helpers import simple_post
    from tests.publish.test_publish_apply import rich_plan
    from tests.publish.test_publish_journal import run_child

    killed_site, _ = rich_plan(tmp_path)
    assert run_child(killed_site.root, 6).returncode == -signal.SIGKILL
    post = simple_post(tmp_path / "again", title="다시")
    dialog = PublishDialog(post, Site(killed_site.root), prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("중단된 발행을 되돌렸습니다 (파일 5개). ")


def test_saving_a_draft_says_so_in_korean(korean, qtbot, tmp_path: Path) -> None:
    post, site, _ = SCENARIOS["undated_draft"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    assert dialog.publish_button.text() == "발행"
    dialog.draft_box.setChecked(True)
    assert dialog.publish_button.text() == "초안 저장"
    shown = dialog.plan_view.toPlainText()
    assert shown.startswith("초안 저장: “No Date Yet” → ")
    assert "  슬러그: no-date-yet (제목)   날짜: 아직 없음 (발행하는 날)\n" in shown


CHECKED_POSTS = [
    "---\ntitle: x\n",
    "just text\n",
    "---\ntitle: a\ntitle: b\n---\nx\n",
    "---\ndate: 2024-01-01\n---\nx\n",
    "---\ntitle: a\n---\na <foo> b\n",
    "---\ntitle: a\n---\n<b>bold\n",
    "---\ntitle: a\n---\nx</b>\n",
    "---\ntitle: a\n---\n<b><i>x</b></i>\n",
    '---\ntitle: a\n---\n<spanstyle="x">t\n',
    "---\ntitle: a: b\n---\nx\n",
]


def test_the_core_checks_found_before_publishing_are_shown_in_korean(
    korean, tmp_path: Path
) -> None:
    """The real check_post messages (editor/core) through the dialog's wording (core_wording):
    every one of these posts is refused or warned about, and no English sentence is left."""
    from editor.core.checks import check_post
    from editor.core.post import Post
    from editor.ui.core_wording import message_text

    site = make_site(tmp_path)
    codes = set()
    for n, text in enumerate(CHECKED_POSTS):
        post = Post.from_text(text, tmp_path / f"p{n}.md")
        plan = make_plan(post, site, now=NOW)
        problems = [line for line in plan_lines(plan) if line.kind == "problem"]
        assert problems, text
        for line in problems:
            shown = line_text(line)
            assert HANGUL.search(shown), shown
            ours = shown.split("YAML 오류: ")[0]  # after it: PyYAML's own words, in English
            assert not re.search(r"\b(is|the|not|never|appears|closes|looks)\b", ours), shown
            problem = line.fields["problem"]
            if problem.code in ("check", "front-matter"):  # editor.core's own English
                message = problem.fields.get("detail", problem.message)
                assert message_text(message) != message, message  # a wording it knows
        codes |= {problem.code for problem in check_post(post, None)}
    made = {"front-matter-unclosed", "no-front-matter", "duplicate-key", "no-title", "tag"}
    assert made | {"front-matter"} <= codes  # the posts reach every kind of check


def test_a_saved_draft_is_reported_as_saved_not_published(korean, qtbot, tmp_path: Path) -> None:
    post, site, _ = SCENARIOS["undated_draft"](tmp_path)
    dialog = PublishDialog(post, site, prefs_path=tmp_path / "prefs.json")
    qtbot.addWidget(dialog)
    dialog.draft_box.setChecked(True)
    publish_and_wait(qtbot, dialog)
    assert dialog.result.ok, dialog.result.error
    assert dialog.summary.text() == "초안을 저장했습니다: _drafts/no-date-yet.md"
    assert (site.root / "_drafts" / "no-date-yet.md").read_text("utf-8") == post.text()
