"""Report on a PyInstaller build of Post Editor and check its budgets.

Prints size and file count, broken links, the parts QtWebEngine needs, the glibc floor
(Linux), start -> window shown (median; budget 0.6 s for the folder build), the one-file
build's size and start time when it exists, the build time when given, and runs the
build's own self-test. Exits 1 when a budget, a part or the self-test fails.

    .venv/bin/python scripts/build_report.py [--dist dist/post-editor]
        [--onefile dist/post-editor-onefile] [--runs 7] [--build-seconds 20.5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONEDIR_BUDGET_MIB = 400
START_BUDGET_S = 0.6
SELFTEST_TIMEOUT_S = 120
GLIBC_SYMBOL = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""

# What QtWebEngine and the app cannot start without (glob patterns under the build folder).
REQUIRED_PARTS = {
    "QtWebEngineProcess": "**/QtWebEngineProcess*",
    "icudtl.dat": "**/icudtl.dat",
    "qtwebengine_resources*.pak": "**/qtwebengine_resources*.pak",
    "v8 snapshot": "**/v8_context_snapshot*.bin",
    "WebEngine locale ko": "**/qtwebengine_locales/ko.pak",
    "WebEngine locale en-US": "**/qtwebengine_locales/en-US.pak",
    "preview page": "**/resources/preview/page.html",
    "app translations": "**/resources/translations/post_editor_ko.qm",
    "sample post": "**/resources/sample_site/_posts/*.md",
}
UNWANTED_PARTS = {
    "devtools resources": "**/qtwebengine_devtools_resources.pak",
    "QML modules": "**/PySide6/Qt/qml",
    "QtQuick Python module": "**/PySide6/QtQuick.*",
    "QtQml Python module": "**/PySide6/QtQml.*",
    "QtQuickWidgets Python module": "**/PySide6/QtQuickWidgets.*",
    "WebEngine locale de": "**/qtwebengine_locales/de.pak",
}


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of the regular files under folder; links are not counted twice."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def broken_links(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_symlink() and not p.exists())


def missing_parts(folder: Path) -> list[str]:
    return [name for name, pattern in REQUIRED_PARTS.items() if not any(folder.glob(pattern))]


def unwanted_parts(folder: Path) -> list[str]:
    return [name for name, pattern in UNWANTED_PARTS.items() if any(folder.glob(pattern))]


def glibc_floor(folder: Path) -> tuple[str, str]:
    """(version, file): the newest GLIBC symbol version any bundled ELF file asks for, which is
    the oldest glibc the build runs on, and the file that asks for it."""
    newest, culprit = (0, 0, 0), ""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            data = handle.read()
        for match in GLIBC_SYMBOL.finditer(data):
            version = tuple(int(part or 0) for part in match.groups())
            if version > newest:
                newest, culprit = version, str(path.relative_to(folder))
    shown = newest if newest[2] else newest[:2]
    return ".".join(str(part) for part in shown), culprit


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """Offscreen, with settings, data and cache in `home`: a first start, no user state."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def time_to_shown(executable: Path, env: dict[str, str], timeout: float = 60) -> float | None:
    """Seconds from launch to the app's `window-shown` line (POST_EDITOR_EXIT_WHEN_SHOWN=1)."""
    env = dict(env, POST_EDITOR_EXIT_WHEN_SHOWN="1")
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(executable)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    assert process.stdout is not None
    shown = None
    for line in process.stdout:
        if line.startswith(b"window-shown"):
            shown = time.perf_counter() - started
            break
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return shown if process.returncode == 0 else None


def start_times(executable: Path, runs: int, home: Path) -> list[float]:
    """`runs` timed starts after one untimed warm-up (first start copies the sample site)."""
    env = isolated_env(home)
    time_to_shown(executable, env)
    times = [time_to_shown(executable, env) for _ in range(runs)]
    return [t for t in times if t is not None]


def run_selftest(executable: Path, home: Path, **extra_env: str) -> tuple[int, str]:
    """(exit code, stdout) of `executable --selftest`."""
    result = subprocess.run(
        [str(executable), "--selftest"],
        env=isolated_env(home, **extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=SELFTEST_TIMEOUT_S,
    )
    return result.returncode, result.stdout


def report_folder(folder: Path, runs: int, home: Path) -> list[str]:
    """Print the folder build's numbers; return what failed."""
    failures = []
    size, files = tree_size(folder)
    mib = size / 2**20
    print(f"onedir size       {mib:8.1f} MiB (budget {ONEDIR_BUDGET_MIB} MiB)")
    print(f"onedir files      {files:8d}")
    if mib > ONEDIR_BUDGET_MIB:
        failures.append(f"size {mib:.1f} MiB over the {ONEDIR_BUDGET_MIB} MiB budget")
    links = broken_links(folder)
    print(f"broken links      {len(links):8d}")
    failures += [f"broken link {path}" for path in links]
    failures += [f"missing {name}" for name in missing_parts(folder)]
    failures += [f"not trimmed: {name}" for name in unwanted_parts(folder)]
    if sys.platform.startswith("linux"):
        floor, culprit = glibc_floor(folder)
        print(f"glibc floor       {floor:>8} (asked for by {culprit})")
    times = start_times(folder / f"post-editor{EXE_SUFFIX}", runs, home)
    if times:
        median = statistics.median(times)
        print(
            f"start -> shown    {median * 1000:8.0f} ms median of {len(times)}"
            f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; budget"
            f" {START_BUDGET_S * 1000:.0f} ms)"
        )
        if median > START_BUDGET_S:
            failures.append(f"start-up {median * 1000:.0f} ms over the budget")
    else:
        failures.append("the window never reported being shown")
    return failures


def report_onefile(onefile: Path, runs: int, home: Path) -> list[str]:
    print(f"onefile size      {onefile.stat().st_size / 2**20:8.1f} MiB")
    times = start_times(onefile, runs, home)
    if not times:
        return ["the one-file build never reported its window shown"]
    median = statistics.median(times)
    print(f"onefile start     {median * 1000:8.0f} ms median of {len(times)} (unpacks each start)")
    return []


def report_selftest(executable: Path, home: Path) -> list[str]:
    code, output = run_selftest(executable, home)
    lines = [line for line in output.splitlines() if line.strip()]
    print("self-test:")
    for line in lines:
        print(f"  {line}")
    failed = [line for line in lines if line.startswith("FAIL")]
    if code != 0 or failed or not any(line.startswith("ok") for line in lines):
        return [f"self-test exit {code}: {'; '.join(failed) or 'no check ran'}"]
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", default="dist/post-editor", help="the folder build")
    parser.add_argument("--onefile", default=f"dist/post-editor-onefile{EXE_SUFFIX}")
    parser.add_argument("--runs", type=int, default=7, help="timed starts (median)")
    parser.add_argument("--build-seconds", type=float, help="printed as the build time")
    args = parser.parse_args()
    folder, onefile = Path(args.dist), Path(args.onefile)
    if args.build_seconds is not None:
        print(f"build time        {args.build_seconds:8.1f} s")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="post-editor-report-") as temp:
        home = Path(temp)
        if folder.is_dir():
            failures += report_folder(folder, args.runs, home)
            failures += report_selftest(folder / f"post-editor{EXE_SUFFIX}", home)
        if onefile.is_file():
            failures += report_onefile(onefile, max(3, args.runs // 2), home)
            failures += report_selftest(onefile, home)
        if not folder.is_dir() and not onefile.is_file():
            failures.append(f"no build at {folder} or {onefile}")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
