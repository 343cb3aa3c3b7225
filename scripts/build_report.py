"""Report on a PyInstaller build: size, file count, broken links, glibc floor, start-up time,
and the build's own self-test. Exits non-zero when a budget or the self-test fails.

    .venv/bin/python scripts/build_report.py [--dist dist/post-editor] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ONEDIR_BUDGET_MIB = 400
START_BUDGET_S = 0.6
GLIBC_SYMBOL = re.compile(rb"GLIBC_(\d+)\.(\d+)")


def tree_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def broken_links(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]


def glibc_floor(folder: Path) -> str:
    """The newest GLIBC symbol version any bundled ELF asks for: the oldest glibc it runs on."""
    newest = (0, 0)
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            data = handle.read()
        for major, minor in GLIBC_SYMBOL.findall(data):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def start_times(executable: Path, runs: int) -> list[float]:
    """Wall time from launch to the window being shown (the app prints a marker, then quits)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POST_EDITOR_EXIT_WHEN_SHOWN="1")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(executable)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(b"window-shown"):
                times.append(time.perf_counter() - started)
                break
        process.wait(timeout=60)
    return times


def run_selftest(executable: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(executable), "--selftest"], env=env, timeout=180)
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", default="dist/post-editor")
    parser.add_argument("--onefile", default="dist/post-editor-onefile")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(args.dist)
    executable = folder / "post-editor"
    failures = []

    size, files = tree_size(folder)
    mib = size / 2**20
    print(f"onedir size      {mib:8.1f} MiB (budget {ONEDIR_BUDGET_MIB} MiB)")
    print(f"onedir files     {files:8d}")
    if mib > ONEDIR_BUDGET_MIB:
        failures.append("size budget")
    links = broken_links(folder)
    print(f"broken links     {len(links):8d}")
    failures += [f"broken link {p}" for p in links]
    print(f"glibc floor      {glibc_floor(folder):>8}")

    times = start_times(executable, args.runs)
    if times:
        median = statistics.median(times)
        print(f"start -> shown   {median * 1000:8.0f} ms median of {len(times)} (budget 600 ms)")
        if median > START_BUDGET_S:
            failures.append("start-up budget")
    else:
        failures.append("the window never reported being shown")

    onefile = Path(args.onefile)
    if onefile.exists():
        one_times = start_times(onefile, max(1, args.runs // 2))
        if one_times:
            print(f"onefile start    {statistics.median(one_times) * 1000:8.0f} ms median")
        print(f"onefile size     {onefile.stat().st_size / 2**20:8.1f} MiB")

    if run_selftest(executable) != 0:
        failures.append("self-test")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
