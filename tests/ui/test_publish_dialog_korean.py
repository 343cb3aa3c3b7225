"""The Publish dialog in Korean: every line of every kind of plan is worded in Korean, while
the CLI's English (describe_plan) stays as it was; the diff is shown unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor.publish.describe import english_line, plan_diffs, plan_lines
from editor.publish.plan import make_plan
from editor.ui import i18n
from editor.ui.publish_dialog import PublishDialog
from editor.ui.publish_text import LINES, PROBLEMS, line_text, plan_text
from tests.publish.plan_scenarios import NOW, SCENARIOS

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def korean(qapp):
    assert i18n.install_translators(qapp, "ko") == "ko"
    yield qapp
    i18n.install_translators(qapp, "en")


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
    assert kinds == set(LINES) | {"problem"}
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
