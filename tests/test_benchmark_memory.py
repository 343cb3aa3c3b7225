"""benchmarks/run.py's memory accounting: every process of ours is counted, by role."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import memory_mb  # noqa: E402
from editor.render.worker import RenderWorker  # noqa: E402

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="reads /proc"),
]

KEYS = {"rss_mb", "app_rss_mb", "web_rss_mb", "pss_mb"}  # the first table's, kept stable


def test_the_render_child_is_counted_in_all_and_not_in_app_plus_web() -> None:
    with RenderWorker() as worker:
        worker.submit(1, "x")
        assert worker.wait(30) is not None
        memory = memory_mb()
        child_rss = memory_mb(worker.pid)["app_rss_mb"]
    assert memory.keys() >= KEYS
    assert memory["render_rss_mb"] == pytest.approx(child_rss, abs=2)
    assert memory["render_rss_mb"] > 5
    # QtWebEngine may run below the test process (other tests): its renderer is "web"
    pair = memory["app_rss_mb"] + memory["web_rss_mb"]
    assert memory["app_web_rss_mb"] == pytest.approx(pair, abs=0.2)
    others = memory["render_rss_mb"] + memory["zygote_rss_mb"] + memory["other_rss_mb"]
    assert memory["rss_mb"] == pytest.approx(pair + others, abs=0.5)
    assert memory["processes"] >= 2
    assert memory_mb(os.getpid())["processes"] >= 1


def test_several_fresh_runs_combine_into_medians() -> None:
    from benchmarks.run import combine_runs

    runs = [
        {
            "size": "500k",
            "open_ms": ms,
            "app_web_rss_mb": rss,
            "spell_check": True,
            "keystroke_ms": {"median": ms / 100, "p95": ms / 50},
        }
        for ms, rss in ((300.0, 410.0), (500.0, 390.0), (400.0, 395.0))
    ]
    row = combine_runs(runs)
    assert row["size"] == "500k" and row["spell_check"] is True
    assert row["open_ms"] == 400.0 and row["app_web_rss_mb"] == 395.0
    assert row["keystroke_ms"] == {"median": 4.0, "p95": 8.0}
