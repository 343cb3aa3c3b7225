"""`post-editor --selftest`: each check passes on a working install and fails when its part
is broken; the whole self-test from source in a real process, offscreen by itself."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from window_fixtures import POST_NAME, REPO, app_settings, make_window, site_copy  # noqa: F401

from editor.ui import selftest
from editor.ui.selftest import HIGHLIGHT, RED_SPAN, Check, colour_check, parse_css_color

CHECK_LINE = re.compile(r"(ok   \S.*|FAIL \S[^:]*: .+)")
EXPECTED_CHECKS = (
    "window shown",
    "resources",
    "translations",
    "markdown extensions",
    "pygments lexers and styles",
    "spell check",
    "preview loaded",
    "red span colour",
    "highlight colour",
    "image loaded",
)


# ----------------------------------------------------------------- colours


def test_css_colours_parse_with_and_without_alpha() -> None:
    assert parse_css_color("rgb(238, 35, 35)") == (238, 35, 35, 1.0)
    assert parse_css_color("rgba(33, 83, 133, 0.153)") == (33, 83, 133, 0.153)
    assert parse_css_color("transparent") is None
    assert parse_css_color(None) is None


def test_the_highlight_alpha_is_compared_with_a_tolerance() -> None:
    # Chromium serialises 0x27/255 = 0.15294 as 0.153
    assert colour_check("h", "rgba(33, 83, 133, 0.153)", HIGHLIGHT).ok
    assert not colour_check("h", "rgba(33, 83, 133, 0.16)", HIGHLIGHT).ok
    assert not colour_check("h", "rgba(33, 83, 133, 1)", HIGHLIGHT).ok
    # what Qt's QColor makes of #21538527 (#AARRGGBB): green, not the blue
    assert not colour_check("h", "rgba(83, 133, 39, 0.129)", HIGHLIGHT).ok


def test_the_red_span_must_be_opaque_and_exact() -> None:
    assert colour_check("r", "rgb(238, 35, 35)", RED_SPAN).ok
    assert not colour_check("r", "rgb(238, 35, 36)", RED_SPAN).ok
    assert not colour_check("r", "rgba(238, 35, 35, 0.5)", RED_SPAN).ok
    failed = colour_check("r", None, RED_SPAN)
    assert failed.line() == "FAIL r: got None, want rgba(238, 35, 35, 1.0)"


def test_an_image_that_did_not_load_fails() -> None:
    colours = {"red": "rgb(238, 35, 35)", "highlight": "rgba(33, 83, 133, 0.153)"}
    loaded = {"src": "a.jpg", "width": 1200, "inBody": True}
    broken = {"src": "b.jpg", "width": 0, "inBody": True}
    by_name = lambda probe: {c.name: c for c in selftest.preview_checks(probe)}  # noqa: E731
    assert by_name({**colours, "images": [loaded]})["image loaded"].ok
    assert not by_name({**colours, "images": [loaded, broken]})["image loaded"].ok
    assert not by_name({**colours, "images": []})["image loaded"].ok
    header_only = {**loaded, "inBody": False}
    assert not by_name({**colours, "images": [header_only]})["image loaded"].ok
    assert not by_name({**colours, "images": [{**broken, "inBody": False}, loaded]})[
        "image loaded"
    ].ok
    assert "b.jpg" in by_name({**colours, "images": [broken]})["image loaded"].detail


# ----------------------------------------------------------------- checks without a window


def test_every_extension_module_in_the_source_tree_is_checked() -> None:
    check = selftest.check_extensions()
    assert check.ok, check.detail
    on_disk = {p.stem for p in (REPO / "editor/render/extensions").glob("*.py")} - {"__init__"}
    checked = set(check.detail.split(", "))
    assert on_disk <= checked, on_disk - checked


def test_an_extension_that_does_not_import_fails(monkeypatch) -> None:
    names = selftest.extension_modules() + ["editor.render.extensions.not_bundled"]
    monkeypatch.setattr(selftest, "extension_modules", lambda: names)
    check = selftest.check_extensions()
    assert not check.ok
    assert "not_bundled: ModuleNotFoundError" in check.detail


def test_lexers_for_the_corpus_languages_are_found(monkeypatch) -> None:
    assert selftest.check_lexers().ok
    monkeypatch.setattr(selftest, "CODE_LANGUAGES", ("java", "no-such-language"))
    check = selftest.check_lexers()
    assert (check.ok, check.detail) == (False, "no lexer for no-such-language")


def test_resources_and_translations_are_found() -> None:
    assert selftest.check_resources().ok
    assert selftest.check_translations().ok


def test_missing_resources_are_named(monkeypatch, tmp_path) -> None:
    shutil.copytree(REPO / "resources" / "preview", tmp_path / "preview")
    monkeypatch.setattr("editor.resources.resources_dir", lambda: tmp_path)
    check = selftest.check_resources()
    assert not check.ok
    assert "translations/post_editor_ko.qm" in check.detail
    assert "sample_site/_posts/*.md" in check.detail
    assert "preview/page.html" not in check.detail


def test_spell_check_off_is_reported_not_failed(monkeypatch) -> None:
    # an unloadable libenchant, as on a machine without it: the editor turns spelling off
    monkeypatch.setitem(sys.modules, "enchant", None)
    check = selftest.check_spelling()
    assert check.ok
    assert check.detail.startswith("off, the editor says why: the spelling library is missing")


def test_spell_check_reports_both_dictionaries_and_the_korean_release() -> None:
    check = selftest.check_spelling()
    assert check.ok, check.detail
    assert check.detail == "dictionaries loaded: English, Korean; Korean released"


def test_spell_check_names_a_missing_dictionary(monkeypatch) -> None:
    from editor.core import spell

    monkeypatch.setattr(spell, "KOREAN_TAGS", ("xx_NOPE",))
    check = selftest.check_spelling()
    assert check.ok
    assert check.detail == "dictionaries loaded: English; missing: Korean"


# ----------------------------------------------------------------- the window


def shown_window(qtbot, app_settings, site_root: Path, post: Path | None):
    window = make_window(qtbot, app_settings, site_root)
    if post is not None:
        assert window.open_path(post)
    window.show()
    return window


@pytest.mark.webengine
def test_the_sample_post_passes_in_process(qtbot, app_settings, site_copy) -> None:
    window = shown_window(qtbot, app_settings, site_copy, site_copy / "_posts" / POST_NAME)
    lines: list[str] = []
    checks = selftest.run_checks(window, 30, lambda check: lines.append(check.line()))
    assert [check.line() for check in checks] == lines
    assert all(check.ok for check in checks), lines
    assert tuple(check.name for check in checks) == EXPECTED_CHECKS
    assert "ok   red span colour (rgb(238, 35, 35))" in lines
    assert "ok   highlight colour (rgba(33, 83, 133, 0.153))" in lines


@pytest.mark.webengine
def test_a_post_without_the_colours_fails(qtbot, app_settings, site_copy) -> None:
    post = site_copy / "_posts" / POST_NAME
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("#ee2323", "#ee2324").replace("#21538527", "#21538580"))
    window = shown_window(qtbot, app_settings, site_copy, post)
    lines = [check.line() for check in selftest.run_checks(window, 30, lambda _check: None)]
    assert "FAIL red span colour: got None, want rgba(238, 35, 35, 1.0)" in lines
    assert any(line.startswith("FAIL highlight colour: got None") for line in lines)
    assert "ok   image loaded (naturalWidth 1200 px, 1200 px)" in lines
    assert sum(line.startswith("FAIL") for line in lines) == 2


@pytest.mark.webengine
def test_a_preview_that_never_loads_times_out(qtbot, app_settings, site_copy) -> None:
    window = shown_window(qtbot, app_settings, site_copy, None)
    checks = selftest.run_checks(window, 0.001, lambda _check: None)
    failed = [check.line() for check in checks if not check.ok]
    assert failed == ["FAIL preview loaded: the preview did not finish loading in time"]


@pytest.mark.webengine
def test_selftest_from_source_is_offscreen_by_itself(tmp_path) -> None:
    """A real process, with no QT_QPA_PLATFORM and no sandbox flag set by the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "QTWEBENGINE_"))}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert all(CHECK_LINE.fullmatch(line) for line in lines[:-1]), lines
    assert [line[5:].split(" (")[0] for line in lines[:-1]] == list(EXPECTED_CHECKS)
    assert lines[-1] == f"selftest: ok, all {len(EXPECTED_CHECKS)} checks passed"


def test_check_lines_have_the_two_forms() -> None:
    assert Check("x", True).line() == "ok   x"
    assert Check("x", True, "why").line() == "ok   x (why)"
    assert Check("x", False, "why").line() == "FAIL x: why"


@pytest.mark.webengine
def test_the_start_up_probe_prints_once_and_exits_0(tmp_path) -> None:
    env = dict(os.environ, POST_EDITOR_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    env.update(XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    result = subprocess.run(
        [sys.executable, "-m", "editor"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout) == (0, "window-shown\n"), result.stderr[-2000:]
