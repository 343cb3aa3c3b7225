"""Latency and size benchmark of issue #7: the real window, plus the Qt-free render parts.

    .venv/bin/python benchmarks/run.py [--sizes 5k,50k,500k,2m] [--keys 30] [--json FILE]
                                       [--only window|render] [--fresh] [--settle 2]
                                       [--no-spell | --korean-spell] [--runs N]

Posts of each size repeat the reference post's body (benchmarks/make_posts.py).

Window (offscreen): the real MainWindow opens the post; open_ms runs from open_path() until
the preview's DOM holds body text and the page has drawn two animation frames since. Then
keystrokes go into the middle of the body through QTest; keystroke_ms is the time
QTest.keyClick takes (the editor, highlighter and every handler that runs synchronously),
key_to_preview_ms runs until runJavaScript reads the new text back from the preview.
Memory (memory_mb) with the post open, --settle seconds after the last key: app_web_rss_mb
is the app and its renderer (app_rss_mb + web_rss_mb, issue #7's measure), rss_mb sums the
resident memory of this process and all its children (QtWebEngine's zygotes and renderer, our
render child for long posts: render_rss_mb), pss_mb splits shared pages between them.
--fresh opens each size in a new process of its own (one post ever open, as issue #7 asks);
without it one window opens the sizes in turn.

Render (no Qt): a full render_body of the body against IncrementalRenderer.update after a
one-character edit in the middle, and the same edit through RenderWorker (child process,
submit -> poll round trip).

Benchmarks are not tests: they print numbers; tests check the mechanisms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.make_posts import make_body, parse_size, write_post  # noqa: E402

MARKER = "QQBENCH"
KEY_TIMEOUT_S = 20.0
# Memory is read this long after the last key (the post open, the writer pausing): the
# preview page collects its garbage 1 s after large patches (resources/preview/preview.js).
# The numbers right after the last key are kept too (*_right_after_keys).
SETTLE_S = 2.0


def stats(values: list[float]) -> dict[str, float]:
    """Median, p95 and p99 (nearest rank; with 30 samples p99 is the slowest one)."""
    ordered = sorted(values)

    def rank(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))], 2)

    return {"median": round(statistics.median(ordered), 2), "p95": rank(0.95), "p99": rank(0.99)}


def descendants(root_pid: int) -> list[int]:
    """``root_pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(Rss, Pss) of one process in KB; (0, 0) if it is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _role(pid: int, root_pid: int) -> str:
    """app, web (QtWebEngine's processes), render (our render child) or other."""
    if pid == root_pid:
        return "app"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "other"
    if command and command[0].endswith(b"QtWebEngineProcess"):
        return "web"
    return "render" if b"--render-child" in command else "other"


def memory_mb(root_pid: int | None = None) -> dict[str, float]:
    """Resident memory of ``root_pid`` (default: this process) and its descendants.

    ``rss_mb``: the sum over all of them (shared library pages count once per process);
    ``app_rss_mb``: the app process; ``web_rss_mb``: its largest QtWebEngine child (the
    renderer, the page); ``app_web_rss_mb``: the two together (issue #7's measure);
    ``render_rss_mb``: our render child (long posts); ``zygote_rss_mb``: QtWebEngine's other
    processes; ``other_rss_mb``: anything else below the app; ``pss_mb``: the proportional
    sum, shared pages split between the processes that map them (what the whole app really
    costs); ``app_web_pss_mb``: the same for the app and its renderer; ``processes``: how
    many processes were counted.
    """
    root_pid = root_pid or os.getpid()
    sizes = {pid: _memory_kb(pid) for pid in descendants(root_pid)}
    roles = {pid: _role(pid, root_pid) for pid in sizes}
    web = [pid for pid in sizes if roles[pid] == "web"]
    renderer = max(web, key=lambda pid: sizes[pid][0], default=None)
    mb = lambda kb: round(kb / 1024, 1)  # noqa: E731

    def rss_of(role: str) -> float:
        return mb(sum(sizes[pid][0] for pid in sizes if roles[pid] == role))

    pair = [pid for pid in (root_pid, renderer) if pid is not None]
    return {
        "rss_mb": mb(sum(rss for rss, _ in sizes.values())),
        "app_rss_mb": mb(sizes[root_pid][0]),
        "web_rss_mb": mb(sizes[renderer][0] if renderer else 0),
        "pss_mb": mb(sum(pss for _, pss in sizes.values())),
        "app_web_rss_mb": mb(sum(sizes[pid][0] for pid in pair)),
        "app_web_pss_mb": mb(sum(sizes[pid][1] for pid in pair)),
        "render_rss_mb": rss_of("render"),
        "zygote_rss_mb": mb(sum(sizes[pid][0] for pid in web if pid != renderer)),
        "other_rss_mb": rss_of("other"),
        "processes": len(sizes),
    }


def rss_mb(root_pid: int | None = None) -> float:
    """Resident memory of ``root_pid`` (default: this process) and all its descendants."""
    return memory_mb(root_pid)["rss_mb"]


# ------------------------------------------------------------------ Qt-free render parts


def middle_edit(text: str, index: int) -> str:
    middle = len(text) // 2
    return text[:middle] + "가나다"[index % 3] + text[middle:]


def measure_render(label: str, keys: int) -> dict:
    from editor.render.incremental import IncrementalRenderer
    from editor.render.pipeline import render_body
    from editor.render.worker import RenderWorker

    body = make_body(parse_size(label))
    full = []
    for _ in range(3 if len(body) < 1_000_000 else 2):
        started = time.perf_counter()
        render_body(body)
        full.append((time.perf_counter() - started) * 1000)
    renderer = IncrementalRenderer()
    renderer.update(body)
    incremental, rendered, text = [], [], body
    for index in range(keys):
        text = middle_edit(text, index)
        started = time.perf_counter()
        update = renderer.update(text)
        incremental.append((time.perf_counter() - started) * 1000)
        rendered.append(update.rendered_blocks)
    return {
        "size": label,
        "bytes": len(body.encode("utf-8")),
        "blocks": len(update.htmls),
        "full_render_ms": stats(full),
        "incremental_ms": stats(incremental),
        "blocks_rendered_per_key": max(rendered),
        "worker_round_trip_ms": measure_worker(RenderWorker, body, keys),
    }


def measure_worker(worker_class, body: str, keys: int) -> dict[str, float]:
    times, text = [], body
    with worker_class() as worker:
        worker.submit(0, text)
        _wait_seq(worker, 0)
        for index in range(1, keys + 1):
            text = middle_edit(text, index)
            started = time.perf_counter()
            worker.submit(index, text)
            _wait_seq(worker, index)
            times.append((time.perf_counter() - started) * 1000)
    return stats(times)


def _wait_seq(worker, seq: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        update = worker.wait(deadline - time.monotonic())
        if update is not None and update.error:
            raise RuntimeError(update.error)
        if update is not None and update.seq == seq:
            return
    raise TimeoutError(f"render worker gave no result for {seq}")


# ------------------------------------------------------------------ the real window


class WindowBench:
    """One MainWindow (offscreen), a private site copy and private settings."""

    def __init__(self, workdir: Path, spell_check: bool = True, korean: bool = False) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from editor.qt_env import prepare_webengine_environment

        prepare_webengine_environment()
        import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
        from PySide6.QtCore import QSettings, QStandardPaths
        from PySide6.QtWidgets import QApplication

        QStandardPaths.setTestModeEnabled(True)
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        import editor.ui.main_window as main_window
        from editor.ui.core_api import Site
        from editor.ui.settings import AppSettings
        from editor.ui.theme import ThemeController

        main_window.ask_save_changes = lambda *_args: "discard"  # no dialog between posts
        self.site = workdir / "site"
        shutil.copytree(REPO / "resources" / "sample_site", self.site)
        stored = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
        # as the app's defaults: English spelling on, Korean (맞춤법 검사) on request
        stored.setValue("preferences/spell_check", spell_check)
        stored.setValue("preferences/spell_check_korean", spell_check and korean)
        self.spell_check = spell_check
        self.korean_spell_check = spell_check and korean
        settings = AppSettings(stored)
        theme = ThemeController(self.app, settings.load_preferences().theme)
        self.window = main_window.MainWindow(settings, theme, Site(self.site))
        self.window.resize(1400, 900)
        self.window.show()

    def js(self, script: str, timeout: float = 60.0):
        """Run ``script`` in the preview's main world and wait for its value."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop, result, timer = QEventLoop(), [], QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)

        def done(value) -> None:
            result.append(value)
            loop.quit()

        self.window.preview.page().runJavaScript(script, 0, done)
        if not result:
            timer.start(int(timeout * 1000))
            loop.exec()
            timer.stop()
        return result[0] if result else None

    def wait_for(self, script: str, timeout: float) -> bool:
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.js(script, timeout) is True:
                return True
            QTest.qWait(1)
        return False

    def open_post(self, path: Path) -> float:
        from PySide6.QtTest import QTest

        loaded: list[bool] = []  # the old post's page stays up until the new one loads
        self.window.preview.page_ready.connect(lambda: loaded.append(True))
        started = time.perf_counter()
        if not self.window.open_path(path):
            raise RuntimeError(f"the window did not open {path}")
        deadline = time.monotonic() + 120
        while not loaded and time.monotonic() < deadline:
            QTest.qWait(1)
        probe = "(function(){var b=document.getElementById('pe-body');"
        probe += "return !!b && b.children.length > 0 && b.textContent.length > 0;})()"
        if not loaded or not self.wait_for(probe, 120):
            raise TimeoutError(f"the preview never showed {path.name}")
        # and painted: the second animation frame after the text arrived has been drawn
        self.js(
            "window.__pePainted = false; requestAnimationFrame(function () {"
            " requestAnimationFrame(function () { window.__pePainted = true; }); }); 1"
        )
        if not self.wait_for("window.__pePainted === true", 60):
            raise TimeoutError(f"the preview never painted {path.name}")
        return (time.perf_counter() - started) * 1000

    def put_cursor_mid_body(self) -> None:
        from PySide6.QtGui import QTextCursor

        editor = self.window.editor
        document = editor.document()
        middle = document.blockCount() // 2
        for number in list(range(middle, document.blockCount())) + list(range(middle)):
            line = document.findBlockByNumber(number).text()
            if line.strip() and not line.lstrip().startswith(("<", "|", "#", "-", "!", ">")):
                break
        cursor = QTextCursor(document.findBlockByNumber(number))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)
        editor.setFocus()

    def block_with(self, text: str) -> int:
        script = (
            "Array.prototype.findIndex.call(document.getElementById('pe-body').children,"
            f" function(b){{return b.textContent.indexOf({json.dumps(text)}) >= 0;}})"
        )
        found = self.js(script)
        if not isinstance(found, (int, float)):
            raise RuntimeError(f"the preview answered {found!r} when asked for a block")
        return int(found)

    def type_keys(self, keys: int) -> tuple[list[float], list[float]]:
        from PySide6.QtTest import QTest

        editor = self.window.editor
        QTest.keyClicks(editor, " " + MARKER)
        found = f"document.getElementById('pe-body').textContent.indexOf('{MARKER}') >= 0"
        if not self.wait_for(found, 60):
            raise TimeoutError("the preview never showed the marker")
        block = self.block_with(MARKER)
        handled, to_preview, typed = [], [], MARKER
        for index in range(keys):
            letter = string.ascii_lowercase[index % 26]
            typed += letter
            started = time.perf_counter()
            QTest.keyClick(editor, letter)
            handled.append((time.perf_counter() - started) * 1000)
            if not self.wait_for(_block_shows(block, typed), KEY_TIMEOUT_S):
                block = self.block_with(typed)  # the block moved: find it again
                if block < 0:
                    raise TimeoutError(f"the preview never showed key {index}")
            to_preview.append((time.perf_counter() - started) * 1000)
        return handled, to_preview

    def measure(self, label: str, keys: int, settle_s: float = SETTLE_S) -> dict:
        from PySide6.QtTest import QTest

        path = write_post(label, self.site / "_posts")
        open_ms = self.open_post(path)
        self.put_cursor_mid_body()
        handled, to_preview = self.type_keys(keys)
        typing = memory_mb()
        QTest.qWait(round(settle_s * 1000))  # the post open, the writer pausing
        return {
            "size": label,
            "key_to_preview_ms": stats(to_preview),
            "keystroke_ms": stats(handled),
            "open_ms": round(open_ms, 1),
            **memory_mb(),
            "rss_mb_right_after_keys": typing["rss_mb"],
            "app_web_rss_mb_right_after_keys": typing["app_web_rss_mb"],
            "settle_s": settle_s,
            "spell_check": self.spell_check,
            "korean_spell_check": self.korean_spell_check,
        }


def _block_shows(block: int, text: str) -> str:
    """JavaScript: does body block ``block`` hold ``text``? (cheap: one block, not the page)"""
    return (
        f"(function(){{var b=document.getElementById('pe-body').children[{block}];"
        f"return !!b && b.textContent.indexOf({json.dumps(text)}) >= 0;}})()"
    )


# ------------------------------------------------------------------ output


def print_window_table(rows: list[dict]) -> None:
    print("\nReal window (offscreen), medians (p95) in ms; keystroke also p99:")
    print(
        f"{'size':>6} | {'key -> preview':>18} | {'keystroke':>24} | {'open':>8} | "
        f"{'RSS MB app + web':>22} | {'RSS MB all (render)':>20} | {'PSS MB all':>10}"
    )
    for row in rows:
        kp, ks = row["key_to_preview_ms"], row["keystroke_ms"]
        print(
            f"{row['size']:>6} | {kp['median']:>8} ({kp['p95']:>7}) | "
            f"{ks['median']:>7} ({ks['p95']:>6}, {ks['p99']:>6}) | {row['open_ms']:>8} | "
            f"{row['app_web_rss_mb']:>6} ({row['app_rss_mb']:>6} + {row['web_rss_mb']:>6}) | "
            f"{row['rss_mb']:>10} ({row['render_rss_mb']:>5}) | {row['pss_mb']:>10}"
        )
    for row in rows:
        if "runs" in row:
            each = ", ".join(str(run["app_web_rss_mb"]) for run in row["runs"])
            runs = len(row["runs"])
            print(f"{row['size']:>6}: medians of {runs} fresh runs; app + web MB: {each}")


def print_render_table(rows: list[dict]) -> None:
    print("\nRender only (no Qt), one-character edit in the middle, medians (p95) in ms:")
    print(
        f"{'size':>6} | {'bytes':>8} | {'blocks':>6} | {'full render':>17} | "
        f"{'incremental':>15} | {'re-rendered':>11} | {'worker round trip':>17}"
    )
    for row in rows:
        full, inc, rt = row["full_render_ms"], row["incremental_ms"], row["worker_round_trip_ms"]
        print(
            f"{row['size']:>6} | {row['bytes']:>8} | {row['blocks']:>6} | "
            f"{full['median']:>8} ({full['p95']:>6}) | {inc['median']:>6} ({inc['p95']:>6}) | "
            f"{row['blocks_rendered_per_key']:>11} | {rt['median']:>7} ({rt['p95']:>7})"
        )


def window_rows(sizes: list[str], args: argparse.Namespace) -> list[dict]:
    """Every size in turn in one window of this process."""
    with tempfile.TemporaryDirectory(prefix="post-editor-bench-") as workdir:
        bench = WindowBench(Path(workdir), not args.no_spell, args.korean_spell)
        rows = [bench.measure(size, args.keys, args.settle) for size in sizes]
        bench.window.close()
    return rows


def fresh_row(size: str, args: argparse.Namespace) -> dict:
    """``size`` opened in ``args.runs`` fresh processes, one after another: each number is the
    median over the runs (memory moves by ~10 MB from run to run), ``runs`` keeps each run's
    memory."""
    runs = [window_row_in_new_process(size, args) for _ in range(args.runs)]
    if len(runs) == 1:
        return runs[0]
    row = combine_runs(runs)
    row["runs"] = [{key: run[key] for key in MEMORY_KEYS if key in run} for run in runs]
    return row


MEMORY_KEYS = ("app_web_rss_mb", "app_rss_mb", "web_rss_mb", "rss_mb", "pss_mb", "app_web_pss_mb")


def combine_runs(runs: list[dict]) -> dict:
    """One row from several runs of one size: medians of numbers, of stats dicts field by
    field; anything else from the first run."""
    row = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            row[key] = round(statistics.median(run[key] for run in runs), 2)
        elif isinstance(value, dict) and all(isinstance(v, (int, float)) for v in value.values()):
            row[key] = {
                field: round(statistics.median(run[key][field] for run in runs), 2)
                for field in value
            }
    return row


def window_row_in_new_process(size: str, args: argparse.Namespace) -> dict:
    """One size in a window of its own process: nothing else was ever open in it."""
    with tempfile.TemporaryDirectory(prefix="post-editor-bench-") as workdir:
        out = Path(workdir) / "row.json"
        command = [sys.executable, __file__, "--only", "window", "--sizes", size]
        command += ["--keys", str(args.keys), "--settle", str(args.settle), "--json", str(out)]
        command += ["--no-spell"] if args.no_spell else []
        command += ["--korean-spell"] if args.korean_spell else []
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        (row,) = json.loads(out.read_text())["rows"]
    row["fresh"] = True
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5k,50k,500k,2m")
    parser.add_argument("--keys", type=int, default=30, help="keystrokes per size (>= 30)")
    parser.add_argument("--json", type=Path, help="write the rows to this file")
    parser.add_argument("--only", choices=["window", "render"], help="run one part only")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="open each size in a fresh app process (memory with only that post open)",
    )
    parser.add_argument("--settle", type=float, default=SETTLE_S, help="seconds before memory")
    spelling = parser.add_mutually_exclusive_group()
    spelling.add_argument(
        "--no-spell", action="store_true", help="spell check off (English is on in the app)"
    )
    spelling.add_argument(
        "--korean-spell",
        action="store_true",
        help="Korean spell check on as well (off by default in the app: 맞춤법 검사 on request)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="with --fresh: open each size in this many fresh processes and print medians",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or (args.runs > 1 and not args.fresh):
        parser.error("--runs needs --fresh and a count of 1 or more")
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    for size in sizes:
        parse_size(size)  # reject bad sizes before any work
    result: dict[str, list[dict]] = {}
    if args.only != "window":
        result["render_rows"] = [measure_render(size, args.keys) for size in sizes]
        print_render_table(result["render_rows"])
    if args.only != "render":
        if args.fresh:
            result["rows"] = [fresh_row(size, args) for size in sizes]
        else:
            result["rows"] = window_rows(sizes, args)
        print_window_table(result["rows"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
