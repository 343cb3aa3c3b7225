"""The preview's picture placeholders speak the UI language, on the thread and in the child."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from test_preview_live import show_body as show
from test_preview_live import wait_for_text
from window_fixtures import site_copy  # noqa: F401 (fixture)

from editor.ui import i18n
from editor.ui.preview import PROCESS_MIN_CHARS

pytestmark = pytest.mark.webengine
PICTURES = "![없는 그림](/assets/img/none.png)\n\n![먼 그림](https://example.com/a.png)\n\n"


@pytest.mark.parametrize("filler", [0, PROCESS_MIN_CHARS], ids=["thread", "render child"])
def test_placeholders_are_korean(korean, qtbot, site_copy, filler) -> None:
    body = "문단입니다.\n\n" * (filler // 8) + PICTURES + "끝 문단\n"  # long: past the first screen
    view = show(qtbot, site_copy, body)  # (so only the render child renders the pictures)
    assert (view.render_process is not None) == bool(filler)
    wait_for_text(qtbot, view, "사이트 폴더에 없는 그림")
    wait_for_text(qtbot, view, "원격 그림 (미리보기에서는 불러오지 않음)")


def test_placeholders_stay_english_in_english(qapp, qtbot, site_copy) -> None:
    i18n.install_translators(qapp, "en")
    view = show(qtbot, site_copy, PICTURES + "끝 문단\n")
    wait_for_text(qtbot, view, "Image not found in the site folder")
