"""The standalone build (issue #8): PyInstaller builds the one-folder app from build.spec into
a temp folder; it fits the size budget, has no broken links, carries what QtWebEngine needs
and none of what was trimmed, and its own self-test passes, also without spelling."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXE = "post-editor.exe" if sys.platform == "win32" else "post-editor"

pytestmark = [pytest.mark.build, pytest.mark.webengine, pytest.mark.timeout(400)]


def _load_report_module():
    spec = importlib.util.spec_from_file_location("build_report", REPO / "scripts/build_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


report = _load_report_module()


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The test session's QtWebEngine flags removed: the app must add --no-sandbox itself."""
    env = report.isolated_env(home, **extra)
    env.pop("QTWEBENGINE_CHROMIUM_FLAGS", None)
    return env


@pytest.fixture(scope="module")
def onedir(tmp_path_factory) -> Path:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.fail("PyInstaller is missing: pip install -e '.[dev]' (scripts/setup.sh --test)")
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {k: v for k, v in os.environ.items() if k != "POST_EDITOR_ONEFILE"}
    result = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath",
         str(work / "dist"), "--workpath", str(work / "build"), str(REPO / "build.spec")],
        capture_output=True, text=True, env=env, cwd=work, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "dist" / "post-editor"


def test_the_folder_fits_the_size_budget(onedir) -> None:
    size, files = report.tree_size(onedir)
    assert size <= report.ONEDIR_BUDGET_MIB * 2**20, f"{size / 2**20:.1f} MiB"
    assert files > 100  # a real build, not an empty shell


def test_no_broken_links(onedir) -> None:
    assert report.broken_links(onedir) == []


def test_webengine_and_app_resources_are_inside(onedir) -> None:
    assert report.missing_parts(onedir) == []


def test_trimmed_parts_are_gone(onedir) -> None:
    assert report.unwanted_parts(onedir) == []
    plugins = {p.name for p in onedir.rglob("plugins/*/*")}
    assert "libqgtk3.so" not in plugins and "libqtvirtualkeyboardplugin.so" not in plugins
    assert not list(onedir.rglob("libgtk-3.so*"))  # the GTK theme plugin's library went too
    qt_catalogs = [p.name for p in onedir.rglob("PySide6/Qt/translations/*.qm")]
    assert qt_catalogs and all(name.endswith(("_ko.qm", "_en.qm")) for name in qt_catalogs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF only")
def test_the_glibc_floor_is_measured(onedir) -> None:
    floor, culprit = report.glibc_floor(onedir)
    assert re.fullmatch(r"2\.\d+(\.\d+)?", floor) and (onedir / culprit).is_file()


def test_the_builds_own_selftest_passes(onedir, tmp_path) -> None:
    result = subprocess.run(
        [str(onedir / EXE), "--selftest"], env=clean_env(tmp_path),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert len(lines) == 11, lines
    assert all(line.startswith("ok   ") for line in lines[:-1]), lines
    assert lines[-1] == "selftest: ok, all 10 checks passed"
    assert "ok   red span colour (rgb(238, 35, 35))" in lines
    # the window carries the bundled application icon at every size (editor/app.py)
    assert lines[0].endswith("; icon 16, 32, 48, 64, 128, 256, 512 px)"), lines[0]
    # every extension module of the source tree was bundled and imported
    extensions = next(line for line in lines if line.startswith("ok   markdown extensions"))
    for module in (REPO / "editor/render/extensions").glob("*.py"):
        assert re.search(rf"\b{module.stem}\b", extensions) or module.stem == "__init__"


def test_without_the_spelling_library_spell_check_is_off_not_broken(onedir, tmp_path) -> None:
    env = clean_env(tmp_path, PYENCHANT_LIBRARY_PATH=os.devnull)  # an unloadable library
    result = subprocess.run(
        [str(onedir / EXE), "--selftest"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "ok   spell check (off, the editor says why: the spelling library is missing" in (
        result.stdout
    )


def test_the_icons_and_the_desktop_entry_are_inside(onedir) -> None:
    internal = onedir / "_internal"
    for name in ("post-editor.svg", "post-editor.ico", "post-editor.icns"):
        assert (internal / "resources" / "icons" / name).is_file(), name
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = internal / "resources" / "icons" / f"post-editor-{size}.png"
        assert png.read_bytes() == (REPO / "resources" / "icons" / png.name).read_bytes()
    assert (internal / "resources" / "post-editor.desktop").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop entry")
def test_the_bundled_install_desktop_script_points_at_the_build(onedir, tmp_path) -> None:
    """A writer with only the folder can add a menu entry for it."""
    script = onedir / "_internal" / "scripts" / "install_desktop.sh"
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    result = subprocess.run(
        ["bash", str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "share" / "applications" / "post-editor.desktop").read_text()
    assert f'\nExec="{(onedir / EXE).resolve()}" %f\n' in entry
    icon = tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "post-editor.png"
    assert icon.read_bytes() == (REPO / "resources" / "icons" / "post-editor-256.png").read_bytes()


def test_the_start_up_probe_reports_the_window(onedir, tmp_path) -> None:
    seconds = report.time_to_shown(onedir / EXE, clean_env(tmp_path))
    assert seconds is not None  # printed `window-shown` and exited 0


def test_subcommands_work_from_the_build(onedir, tmp_path) -> None:
    """Subcommands are imported by name (importlib), lexers by Pygments' name lookup."""
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: t\n---\n```java\nclass A {}\n```\n", encoding="utf-8")
    render = subprocess.run(
        [str(onedir / EXE), "render", str(post)], capture_output=True, text=True, timeout=60
    )
    assert render.returncode == 0, render.stderr
    assert '<span class="kd">class</span> <span class="nc">A</span>' in render.stdout
    sample = next((REPO / "resources/sample_site/_posts").glob("*.md"))
    check = subprocess.run([str(onedir / EXE), "check", str(sample)], timeout=60)
    assert check.returncode == 0


def test_the_render_child_runs_from_the_build(onedir) -> None:
    """Long posts render in a child: the build started again with --render-child (no Qt)."""
    from editor.render.worker import RenderWorker

    command = [str(onedir / EXE), "--render-child"]
    with RenderWorker(clean_for=(None, None), command=command) as worker:
        worker.submit(1, "# Title\n\n```python\nx = 1\n```\n")
        update = worker.wait(60)
        while update is not None and update.seq != 1:
            update = worker.wait(60)
        assert update is not None and update.error is None, update and update.error
        assert Path(f"/proc/{worker.pid}/exe").resolve() == (onedir / EXE).resolve()
        maps = Path(f"/proc/{worker.pid}/maps").read_text()
        # PyInstaller's PySide6 runtime hook loads QtCore in every start of the build; the
        # app's GUI and Chromium must stay out of the child.
        assert "libQt6Widgets" not in maps and "libQt6WebEngineCore" not in maps
    assert update.htmls[0] == '<h1 id="title">Title</h1>'
    assert '<span class="n">x</span>' in update.htmls[1]
