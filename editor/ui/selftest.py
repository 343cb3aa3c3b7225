"""`post-editor --selftest`: check that this install (source or standalone build) really works.

The real window is open on the bundled sample post. The self-test checks what a broken
build gets wrong: Markdown extension and Pygments lexer modules that were not bundled,
missing resources, translations and application icon (on the window too), a preview whose
WebEngine process or resources are missing (no page, no colours, no image). It prints one
line per check, ``ok   <check>`` or ``FAIL <check>: why``, and returns 0 only if every check
passed. It never hangs: a Qt timer ends the wait for the preview, and a watchdog thread ends
the process if the event loop itself is stuck.

``exit_when_shown(app, window)`` is the start-up probe behind POST_EDITOR_EXIT_WHEN_SHOWN=1:
it prints ``window-shown`` once the window has been exposed and painted, then quits.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QWidget

SELFTEST_TIMEOUT_S = 60.0
WATCHDOG_GRACE_S = 15.0  # after the Qt timeout: only reached if the event loop is stuck
POLL_INTERVAL_MS = 100

# What the sample post's Tistory spans must look like in Chromium. #21538527 is CSS
# #RRGGBBAA: alpha 0x27/255 = 0.1529..., which Chromium serialises rounded (0.153).
RED_SPAN = (238, 35, 35, 1.0)
HIGHLIGHT = (33, 83, 133, 0x27 / 255)
ALPHA_TOLERANCE = 0.004

# Fence languages the posts use (java, python, bash in the corpus) and other common ones.
CODE_LANGUAGES = (
    "java", "python", "bash", "shell", "console", "javascript", "typescript", "html", "css",
    "c", "cpp", "csharp", "go", "kotlin", "rust", "ruby", "php", "sql", "json", "yaml",
    "xml", "diff", "text",
)  # fmt: skip

RESOURCES = (
    "preview/page.html",
    "preview/preview.css",
    "preview/preview.js",
    "preview/theme.css",
    "templates/new_post.md",
    "translations/post_editor_ko.qm",
    "sample_site/_config.yml",
)

_CSS_COLOR = re.compile(r"rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)")

# Returns null until the page, its body and every image have finished loading.
_PROBE_JS = """(() => {
  const body = document.getElementById('pe-body');
  if (document.readyState !== 'complete' || !body) return null;
  if (body.childElementCount === 0) return null;  // the body streams in after the shell
  const images = Array.from(document.images);
  if (images.some((img) => !img.complete)) return null;
  const red = body.querySelector('span[style*="#ee2323" i]');
  const mark = body.querySelector('span[style*="#21538527" i]');
  return JSON.stringify({
    red: red ? getComputedStyle(red).color : null,
    highlight: mark ? getComputedStyle(mark).backgroundColor : null,
    images: images.map((img) => ({src: img.getAttribute('src') || '',
                                   width: img.naturalWidth, inBody: body.contains(img)})),
    textLength: body.innerText.length,
  });
})()"""


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        if self.ok:
            return f"ok   {self.name}" + (f" ({self.detail})" if self.detail else "")
        return f"FAIL {self.name}: {self.detail}"


# ------------------------------------------------------------------ checks without a window


def parse_css_color(text: str | None) -> tuple[int, int, int, float] | None:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> (1, 2, 3, alpha); None if it is neither."""
    match = _CSS_COLOR.fullmatch((text or "").strip())
    if match is None:
        return None
    red, green, blue, alpha = match.groups()
    return int(red), int(green), int(blue), float(alpha) if alpha is not None else 1.0


def colour_check(name: str, found: str | None, expected: tuple[int, int, int, float]) -> Check:
    """Exact RGB, alpha within ALPHA_TOLERANCE (Chromium rounds it to three decimals)."""
    parsed = parse_css_color(found)
    same = (
        parsed is not None
        and parsed[:3] == expected[:3]
        and abs(parsed[3] - expected[3]) <= ALPHA_TOLERANCE
    )
    want = f"rgba{expected[:3] + (round(expected[3], 3),)}"
    return Check(name, same, str(found) if same else f"got {found!r}, want {want}")


def extension_modules() -> list[str]:
    """Modules of everything the renderer configures, plus each of our extension modules.

    Read from the renderer's own Markdown instance, so a new extension is checked without
    editing this list; the package listing catches a module nothing imported yet.
    """
    from editor.render import extensions as ours
    from editor.render import pipeline

    names = set(pipeline.configured_extensions())
    names |= {f"{ours.__name__}.{info.name}" for info in pkgutil.iter_modules(ours.__path__)}
    return sorted(names)


def check_extensions() -> Check:
    names = extension_modules()
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 (any import failure is the finding)
            failed.append(f"{name}: {type(error).__name__}: {error}")
    short = ", ".join(name.rsplit(".", 1)[-1] for name in names)
    return Check("markdown extensions", not failed, "; ".join(failed) or short)


def check_lexers() -> Check:
    from editor.render.highlight import find_lexer, pygments_css

    missing = [language for language in CODE_LANGUAGES if find_lexer(language) is None]
    css_ok = ".highlight" in pygments_css("default")
    if missing or not css_ok:
        why = f"no lexer for {', '.join(missing)}" if missing else "no Pygments style"
        return Check("pygments lexers and styles", False, why)
    return Check("pygments lexers and styles", True, f"{len(CODE_LANGUAGES)} languages")


def check_resources() -> Check:
    from editor.resources import resources_dir, sample_post_path

    root = resources_dir()
    missing = [name for name in RESOURCES if not (root / name).is_file()]
    try:
        sample_post_path()
    except (OSError, StopIteration):
        missing.append("sample_site/_posts/*.md")
    problems = [f"missing in {root}: {', '.join(missing)}"] if missing else []
    problems += icon_file_problems()
    return Check("resources", not problems, "; ".join(problems) or str(root))


def icon_file_problems() -> list[str]:
    """Each application icon PNG decodes at its own size (QImageReader needs no QApplication,
    unlike QIcon)."""
    from PySide6.QtGui import QImageReader

    from editor.resources import icon_png_paths

    problems = []
    for size, path in icon_png_paths().items():
        image = QImageReader(str(path)).read()
        if image.isNull():
            problems.append(f"icon {path.name} does not load")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"icon {path.name} is {image.width()}x{image.height()} px")
    return problems


def window_check(window, require_icon: bool) -> Check:
    """Shown; with ``require_icon`` (the real app, which sets it) also carrying the application
    icon at every size."""
    from editor.resources import ICON_SIZES

    sizes = sorted({size.width() for size in window.windowIcon().availableSizes()})
    lacking = [str(size) for size in ICON_SIZES if size not in sizes]
    if not window.isVisible():
        return Check("window shown", False, f"{window.windowTitle()} is not visible")
    if require_icon and lacking:
        return Check("window shown", False, f"the window icon lacks {', '.join(lacking)} px")
    icon = f"; icon {', '.join(map(str, sizes))} px" if sizes else "; no window icon"
    return Check("window shown", True, window.windowTitle() + icon)


def check_translations() -> Check:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from editor.ui.i18n import APP_CATALOG, QT_CATALOGS, translations_dir

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [(f"{name}_ko", qt_dir) for name in QT_CATALOGS]
    wanted.append((f"{APP_CATALOG}_ko", str(translations_dir())))
    failed = [name for name, folder in wanted if not QTranslator().load(name, folder)]
    detail = f"cannot load {', '.join(failed)}" if failed else f"{len(wanted)} Korean catalogs"
    return Check("translations", not failed, detail)


def check_spelling() -> Check:
    """Spelling is optional: without libenchant or dictionaries the editor turns it off and
    says why. A crash while loading, a dictionary that rejects a plain word, or a Korean
    dictionary that cannot be released (the editor frees it when 맞춤법 검사 goes off) fail."""
    from editor.core.spell import (
        ENGLISH,
        KOREAN,
        LANGUAGE_NAMES,
        SpellChecker,
        SpellUnavailable,
    )

    try:
        checker = SpellChecker.load(languages=(ENGLISH, KOREAN))
        wrong = [w for w in ("the", "안녕하세요", "국제표준") if not checker.is_correct(w)]
        loaded = [language for language in (ENGLISH, KOREAN) if language in checker.languages]
        released = checker.release(KOREAN) and checker.korean is None
    except SpellUnavailable as error:
        return Check("spell check", True, f"off, the editor says why: {error}")
    except Exception as error:  # noqa: BLE001 (a crash here would crash the editor too)
        return Check("spell check", False, f"{type(error).__name__}: {error}")
    detail = f"dictionaries loaded: {', '.join(LANGUAGE_NAMES[lang] for lang in loaded)}"
    if checker.missing:
        detail += f"; missing: {', '.join(checker.missing)}"
    if wrong:
        return Check("spell check", False, f"{detail}; rejects {', '.join(wrong)}")
    if KOREAN in loaded and not released:
        return Check("spell check", False, f"{detail}; Korean could not be released")
    return Check("spell check", True, detail + ("; Korean released" if released else ""))


def static_checks() -> list[Check]:
    checks: list[Check] = []
    for run in (check_resources, check_translations, check_extensions, check_lexers):
        try:
            checks.append(run())
        except Exception as error:  # noqa: BLE001 (report it as that check's failure)
            checks.append(Check(run.__name__.removeprefix("check_"), False, repr(error)))
    checks.append(check_spelling())
    return checks


def preview_checks(probe: dict) -> list[Check]:
    """The checks on what the preview page showed (the _PROBE_JS result)."""
    checks = [
        colour_check("red span colour", probe.get("red"), RED_SPAN),
        colour_check("highlight colour", probe.get("highlight"), HIGHLIGHT),
    ]
    images = probe.get("images", [])  # the front matter's image and the body's
    broken = [image["src"] for image in images if not image.get("width")]
    if not any(image.get("inBody") for image in images):
        checks.append(Check("image loaded", False, "the post's body shows no image"))
    elif broken:
        checks.append(Check("image loaded", False, f"naturalWidth 0 for {', '.join(broken)}"))
    else:
        widths = ", ".join(f"{image['width']} px" for image in images)
        checks.append(Check("image loaded", True, f"naturalWidth {widths}"))
    return checks


# ------------------------------------------------------------------ the window


class _PreviewProbe(QObject):
    """Polls the preview page until it has loaded, then hands the probe's result over."""

    def __init__(self, page, done: Callable[[dict | None, str], None], timeout_s: float):
        super().__init__()
        self._page = page
        self._done = done
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)
        QTimer.singleShot(int(timeout_s * 1000), self._give_up)

    @property
    def finished(self) -> bool:
        return self._finished

    def start(self) -> None:
        self._timer.start()

    def _poll(self) -> None:
        world = QWebEngineScript.ScriptWorldId.ApplicationWorld
        self._page.runJavaScript(_PROBE_JS, world, self._on_result)

    def _on_result(self, result: object) -> None:
        if self._finished or not result:
            return
        self._finish(json.loads(str(result)), "")

    def _give_up(self) -> None:
        self._finish(None, "the preview did not finish loading in time")

    def _finish(self, probe: dict | None, why: str) -> None:
        if not self._finished:
            self._finished = True
            self._timer.stop()
            self._done(probe, why)


def _start_watchdog(timeout_s: float, stream: TextIO) -> threading.Timer:
    def stuck() -> None:
        stream.write(f"FAIL selftest: no answer within {timeout_s:.0f} s, event loop stuck\n")
        stream.flush()
        os._exit(1)

    watchdog = threading.Timer(timeout_s, stuck)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def run_checks(
    window,
    timeout_s: float = SELFTEST_TIMEOUT_S,
    report: Callable[[Check], None] = print,
    require_icon: bool = False,
) -> list[Check]:
    """Every check on the shown window, each passed to ``report`` as it finishes.

    Waits for the preview in a local event loop, so it can run inside another program
    (the tests) without quitting the application.
    """
    results: list[Check] = []
    loop = QEventLoop()

    def add(check: Check) -> None:
        results.append(check)
        report(check)

    def on_preview(probe: dict | None, why: str) -> None:
        if probe is None:
            add(Check("preview loaded", False, why))
        else:
            add(Check("preview loaded", True, f"{probe.get('textLength', 0)} characters"))
            for check in preview_checks(probe):
                add(check)
        loop.quit()

    probe = _PreviewProbe(window.preview.page(), on_preview, timeout_s)
    probe.start()  # the page keeps loading in its own process while the checks below run
    add(window_check(window, require_icon))
    for check in static_checks():
        add(check)
    if not probe.finished:
        loop.exec()
    return results


def run_selftest(
    app, window, timeout_s: float = SELFTEST_TIMEOUT_S, stream: TextIO | None = None
) -> int:
    """`post-editor --selftest`: print a line per check and a summary; 0 only if all passed.

    Quits ``app`` the normal way afterwards, so its clean-up on quit still runs.
    """
    # A windowed Windows/macOS build has no sys.stdout: then only the exit code tells.
    out = stream or sys.stdout or open(os.devnull, "w")  # noqa: SIM115
    watchdog = _start_watchdog(timeout_s + WATCHDOG_GRACE_S, out)

    def print_line(check: Check) -> None:
        out.write(check.line() + "\n")
        out.flush()

    results = run_checks(window, timeout_s, print_line, require_icon=True)
    watchdog.cancel()
    failed = sum(not check.ok for check in results)
    passed = bool(results) and not failed
    summary = f"ok, all {len(results)} checks passed" if passed else f"FAILED {failed} checks"
    out.write(f"selftest: {summary}\n")
    out.flush()
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0 if passed else 1


class _ShownProbe(QObject):
    """Watches every paint event until one lands in the window, then reports after it."""

    def __init__(self, app, window) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._done = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            # This paint pass finishes before the timer fires: report right after it.
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        if not self._done:
            self._done = True
            print("window-shown", flush=True)
            self._app.quit()


def exit_when_shown(app, window) -> None:
    """Print ``window-shown`` once ``window`` has been shown and painted, then quit with 0."""
    app.installEventFilter(_ShownProbe(app, window))
