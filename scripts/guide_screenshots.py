"""Re-create the user guide's screenshots (docs/images/*.png) from the real app under Xvfb.

    .venv/bin/python scripts/guide_screenshots.py [--out docs/images] [--display :97]

The parent process prepares a throwaway workspace (empty config/data/state folders, a git copy
of the sample site with a local bare remote, a demo post outside the site), starts Xvfb and
runs itself again as the child that drives the window with timed steps. Every shot is the
X root window taken by ImageMagick's ``import`` (popup menus and the web view included),
cropped to the widget it shows. Nothing outside the workspace and --out is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCREEN = (1500, 950)
MAX_WIDTH = 1400  # wider shots are scaled down to keep each PNG small
MAX_BYTES = 300_000
WORKSPACE_MARK = ".guide-screenshots"

DEMO_POST = """\
---
title: 봄맞이 책상 정리 요령
date: 2026-11-27 10:00:00 +0900
categories:
  - 생활
tags: [정리, 책상]
excerpt: 책상 위를 10분 만에 정리하는 세 가지 방법을 소개합니다.
---

책상 정리는 작은 습관에서 시작합니다. 오늘은 누구나 바로 따라 할 수 있는 방법을 모았습니다.

첫째, 매일 쓰는 물건만 책상 위에 둡니다.

둘째, 서랍마다 하나의 용도만 정해 둡니다. 펜은 펜끼리, 서류는 서류끼리 모읍니다.

셋째, 퇴근하기 전에 5분 동안 책상을 비웁니다.

정리 방법

습관이 되면 정리는 일이 아니라 쉼이 됩니다.
"""

RED_PHRASE = "매일 쓰는 물건만 책상 위에 둡니다."
HIGHLIGHT_PHRASE = "하나의 용도만 정해 둡니다."
HEADING_LINE = "정리 방법"


# ---------------------------------------------------------------- parent: workspace and Xvfb


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def make_workspace(root: Path) -> None:
    """Config folders, a git site with a bare remote, and the demo post."""
    for name in ("config", "data", "state", "runtime"):
        (root / name).mkdir(mode=0o700)
    remote = root / "remote.git"
    git(root, "init", "--bare", "-b", "main", str(remote))
    site = root / "blog"
    shutil.copytree(REPO / "resources" / "sample_site", site)
    git(site, "init", "-b", "main")
    git(site, "config", "user.name", "Guide Writer")
    git(site, "config", "user.email", "writer@example.com")
    git(site, "add", ".")
    git(site, "commit", "-m", "Sample site")
    git(site, "remote", "add", "origin", str(remote))
    git(site, "push", "-u", "origin", "main")
    drafts = root / "글감"
    drafts.mkdir()
    (drafts / "책상-정리.md").write_text(DEMO_POST, encoding="utf-8")


LOCALES = {"en": "C.UTF-8", "ko": "ko_KR.UTF-8"}  # Qt reads the variables, not libc's tables


def child_env(root: Path, display: str, lang: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data"),
        XDG_STATE_HOME=str(root / "state"),
        XDG_RUNTIME_DIR=str(root / "runtime"),
        LANG=LOCALES[lang],
        LC_ALL=LOCALES[lang],
        LANGUAGE=lang,
    )
    return env


def start_xvfb(display: str) -> subprocess.Popen:
    width, height = SCREEN
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path("/tmp/.X11-unix") / f"X{display.lstrip(':')}"
    for _ in range(50):
        if socket.exists():
            return xvfb
        time.sleep(0.1)
    xvfb.kill()
    raise SystemExit(f"Xvfb did not start on {display}")


def shrink(out: Path) -> None:
    """Scale down wide shots and strip metadata, so each PNG stays small."""
    for png in sorted(out.glob("*.png")):
        subprocess.run(
            ["convert", str(png), "-resize", f"{MAX_WIDTH}x>", "-strip", str(png)], check=True
        )
        if png.stat().st_size > MAX_BYTES:  # 256 colours: text stays sharp at half the size
            subprocess.run(["convert", str(png), "-colors", "256", f"PNG8:{png}"], check=True)
        size = png.stat().st_size
        note = "" if size <= MAX_BYTES else "  (over the size budget)"
        print(f"{png.relative_to(REPO) if png.is_relative_to(REPO) else png}: {size} bytes{note}")


def fresh_workspace() -> Path:
    """A fixed path, so the site path the Publish dialog shows is the same on every run."""
    root = Path(tempfile.gettempdir()) / "post-editor-guide"
    if root.exists():
        if not (root / WORKSPACE_MARK).is_file():
            raise SystemExit(f"{root} exists and was not made by this script; remove it first")
        shutil.rmtree(root)
    root.mkdir()
    (root / WORKSPACE_MARK).write_text("made by scripts/guide_screenshots.py\n")
    return root


def run_parent(out: Path, display: str, lang: str, keep: bool) -> int:
    out.mkdir(parents=True, exist_ok=True)
    root = fresh_workspace()
    xvfb = None
    try:
        make_workspace(root)
        xvfb = start_xvfb(display)
        command = [
            sys.executable,
            __file__,
            "--child",
            str(root),
            "--out",
            str(out),
            "--lang",
            lang,
        ]
        code = subprocess.run(command, env=child_env(root, display, lang), timeout=240).returncode
        if code == 0:
            shrink(out)
        return code
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
        if keep:
            print(f"workspace kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- child: drive the window


class Shooter:
    """Runs the steps one after another, each after its delay, then quits the app."""

    def __init__(self, app, window, root: Path, out: Path) -> None:
        self.app, self.window, self.root, self.out = app, window, root, out
        self.steps: list[tuple[int, object]] = []
        self.failed: str | None = None
        # how often the preview loaded a page / patched its body: steps wait on these
        self.loads = self.patches = 0
        window.preview.page_ready.connect(lambda: self._count("loads"))
        window.preview.body_updated.connect(lambda: self._count("patches"))

    def _count(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)

    def then(self, delay_ms: int, step) -> Shooter:
        self.steps.append((delay_ms, step))
        return self

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        from PySide6.QtCore import QTimer

        if not self.steps or self.failed:
            # exit, not quit: quit closes the window, which would ask to save the demo post
            QTimer.singleShot(0, lambda: self.app.exit(0))
            return
        delay, step = self.steps.pop(0)
        QTimer.singleShot(delay, lambda: self._run(step))

    def then_wait(self, action, counter: str, at_least: int = 0, timeout_ms=30_000) -> Shooter:
        """Run `action`, then wait until the preview counter (`loads` or `patches`) has moved
        past its value before the action, and is at least `at_least`."""
        state = {"waited": 0}

        def act() -> None:
            state["start"] = getattr(self, counter)
            if action is not None:
                action()

        def poll() -> None:
            value = getattr(self, counter)
            if value >= at_least and (value > state["start"] or at_least):
                return
            if state["waited"] >= timeout_ms:
                raise TimeoutError(f"the preview did not update ({counter})")
            state["waited"] += 100
            self.steps.insert(0, (100, poll))  # poll again before anything else

        return self.then(0, act).then(0, poll)

    def _run(self, step) -> None:
        try:
            step()
        except Exception as error:  # report and stop: a half-made set of shots is no use
            import traceback

            traceback.print_exc()
            self.failed = f"{getattr(step, '__name__', step)}: {error}"
        self._next()

    def shot(self, name: str, widget=None, margin: int = 0, size=None) -> None:
        """The X root window, cropped to `widget` (plus a margin, or `size` from its corner)."""
        self.app.processEvents()
        target = self.out / name
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        if widget is not None:
            top_left = widget.mapToGlobal(widget.rect().topLeft())
            x, y = max(0, top_left.x() - margin), max(0, top_left.y() - margin)
            w, h = size or (widget.width() + 2 * margin, widget.height() + 2 * margin)
            crop = f"{w}x{h}+{x}+{y}"
            subprocess.run(["convert", str(target), "-crop", crop, "+repage", str(target)])
        print(f"shot {name}", flush=True)


def select_text(editor, phrase: str, whole_line: bool = False) -> None:
    """Select `phrase` (or its whole line) in the editor body."""
    from PySide6.QtGui import QTextCursor

    document = editor.document()
    found = document.find(phrase)
    if found.isNull():
        raise LookupError(f"not in the editor: {phrase}")
    if whole_line:
        found.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        found.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(found)
    editor.centerCursor()


def popup_under(menu, widget) -> None:
    """Open a toolbar menu without blocking (QToolButton.showMenu would run its own loop)."""
    menu.popup(widget.mapToGlobal(widget.rect().bottomLeft()))


def button_for_menu(toolbar, menu):
    from PySide6.QtWidgets import QToolButton

    for button in toolbar.findChildren(QToolButton):
        if button.menu() is menu:
            return button
    raise LookupError(f"no toolbar button for {menu.title()}")


def plan_steps(shooter: Shooter) -> None:
    window, root = shooter.window, shooter.root
    toolbar = window.widgets.toolbar
    editor = window.editor
    demo = root / "글감" / "책상-정리.md"
    blog = root / "blog"
    state: dict = {}

    def first_start() -> None:
        # the reference post's coloured sentence in view in the editor and (by sync) the preview
        select_text(editor, "우리나라 주력 산업의 디지털 전환을")
        cursor = editor.textCursor()
        cursor.clearSelection()
        editor.setTextCursor(cursor)
        editor.centerCursor()

    def open_demo() -> None:
        from editor.ui.core_api import Site

        window.set_site(Site(blog))  # as File > Site Folder… does (saved in the settings)
        if not window.open_path(demo):
            raise RuntimeError("could not open the demo post")

    def show_palette() -> None:
        select_text(editor, RED_PHRASE)
        popup_under(toolbar.text_palette, button_for_menu(toolbar, toolbar.text_palette))

    def apply_colours() -> None:
        toolbar.text_palette.hide()
        toolbar.text_palette.swatch_actions[0].trigger()  # #ee2323
        select_text(editor, HIGHLIGHT_PHRASE)
        toolbar.highlight_palette.swatch_actions[0].trigger()  # #21538527

    def show_heading_menu() -> None:
        select_text(editor, HEADING_LINE, whole_line=True)
        popup_under(toolbar.heading_menu, button_for_menu(toolbar, toolbar.heading_menu))

    def apply_heading_and_spacer() -> None:
        toolbar.heading_menu.hide()
        toolbar.tool_actions["tistory_h2"].trigger()
        select_text(editor, "셋째, 퇴근하기 전에")
        cursor = editor.textCursor()
        cursor.clearSelection()
        cursor.movePosition(cursor.MoveOperation.StartOfBlock)
        editor.setTextCursor(cursor)
        toolbar.tool_actions["spacer"].trigger()

    def show_size_menu() -> None:
        select_text(editor, "습관이 되면", whole_line=True)
        popup_under(toolbar.size_menu, button_for_menu(toolbar, toolbar.size_menu))

    def close_size_menu() -> None:
        toolbar.size_menu.hide()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)  # no selection hiding the colours
        editor.setTextCursor(cursor)

    def form_categories() -> None:
        line = window.form.fields["categories"]
        line.setFocus()
        line.end(False)

    def raw_yaml() -> None:
        window.raw_yaml_action.setChecked(True)

    def form_again() -> None:
        window.raw_yaml_action.setChecked(False)
        editor.setFocus()

    def open_publish() -> None:
        from editor.ui.publish_dialog import PublishDialog

        dialog = PublishDialog(window.document.post, window.site, window)
        index = dialog.slug_mode.findData("romanized")
        dialog.slug_mode.setCurrentIndex(index)
        dialog.commit_box.setChecked(True)
        dialog.push_box.setChecked(True)
        dialog.show()
        dialog.move(window.geometry().center() - dialog.rect().center())
        state["dialog"] = dialog

    def publish() -> None:
        state["dialog"].publish_button.click()

    def check_published() -> None:
        result = state["dialog"].result
        if result is None or not result.ok:
            raise RuntimeError(f"publish did not succeed: {getattr(result, 'error', None)}")

    (
        shooter.then_wait(None, "loads", at_least=1)
        .then(1500, first_start)
        .then(2000, lambda: shooter.shot("01-first-start.png"))
        .then_wait(open_demo, "loads")
        .then(1500, show_palette)
        .then(800, lambda: shooter.shot("02-text-colour-menu.png"))
        .then_wait(apply_colours, "patches")
        .then(0, show_heading_menu)
        .then(800, lambda: shooter.shot("03-heading-menu.png"))
        .then_wait(apply_heading_and_spacer, "patches")
        .then(0, show_size_menu)
        .then(800, lambda: shooter.shot("04-size-menu.png", window, size=(760, 720)))
        .then(0, close_size_menu)
        .then(1500, lambda: shooter.shot("05-formatted-post.png"))
        .then(0, form_categories)
        .then(500, lambda: shooter.shot("06-front-matter-form.png", window.form, 2))
        .then(0, raw_yaml)
        .then(500, lambda: shooter.shot("07-raw-yaml.png", window.form, 2))
        .then(0, form_again)
        .then(0, open_publish)
        .then(1500, lambda: shooter.shot("08-publish-dialog.png", state["dialog"]))
        .then(0, publish)
        .then(4000, check_published)
        .then(0, lambda: shooter.shot("09-published.png", state["dialog"]))
    )


def save_language(lang: str) -> None:
    """Save the UI language in the workspace's settings, as View > Language does.

    The locale variables alone are not enough: the app follows a saved preference first, and
    Qt's idea of the system language need not match LANG on every machine.
    """
    from editor.ui.settings import AppSettings

    settings = AppSettings()
    prefs = settings.load_preferences()
    prefs.language = lang
    settings.save_preferences(prefs)
    settings.store.sync()


def run_child(root: Path, out: Path, lang: str) -> int:
    sys.path.insert(0, str(REPO))
    from editor.qt_env import prepare_webengine_environment

    prepare_webengine_environment()
    from PySide6.QtCore import QCoreApplication

    import editor.app as app_module

    QCoreApplication.setApplicationName(app_module.APP_NAME)
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before QApplication, as the app does)
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    save_language(lang)
    window = app_module.build_window(None, None)  # first start: no settings, the sample site
    window.setGeometry(0, 0, *SCREEN)
    window.show()
    shooter = Shooter(app, window, root, out)
    plan_steps(shooter)
    shooter.start()
    app.exec()
    if shooter.failed:
        print(f"screenshots failed at {shooter.failed}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    parser.add_argument("--display", default=":97")
    parser.add_argument(
        "--lang", choices=sorted(LOCALES), default="en", help="the locale the app starts in"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return run_child(args.child, args.out.resolve(), args.lang)
    return run_parent(args.out.resolve(), args.display, args.lang, args.keep)


if __name__ == "__main__":
    sys.exit(main())
