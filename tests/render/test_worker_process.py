"""The render child is a lean process: no Qt, no multiprocessing helper processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.render.worker import RenderWorker, child_command
from editor.render.worker_child import NOT_CONFIGURED

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parents[2]


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def render_once(worker: RenderWorker, text: str) -> list[str]:
    worker.submit(1, text)
    update = worker.wait(30)
    while update is not None and update.seq != 1:
        update = worker.wait(30)
    assert update is not None and update.error is None
    return update.htmls


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc")
def test_the_child_does_not_load_qt_when_the_app_script_does(tmp_path) -> None:
    """multiprocessing's spawn re-ran the parent's main script in the child: a script that
    imports PySide6 at the top gave the render process all of Qt (about 60 MB resident)."""
    script = tmp_path / "app_like.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            import PySide6.QtWidgets  # as an app's main script may
            from editor.render.worker import RenderWorker

            if __name__ == "__main__":
                with RenderWorker() as worker:
                    worker.submit(1, "# hi")
                    update = worker.wait(30)
                    while update is not None and update.seq != 1:
                        update = worker.wait(30)
                    maps = open(f"/proc/{worker.pid}/maps").read()
                    print("html", update.htmls)
                    print("qt-in-child", "libQt6" in maps or "PySide6" in maps)
            """
        )
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "html ['<h1 id=\"hi\">hi</h1>']" in result.stdout
    assert "qt-in-child False" in result.stdout


def test_the_worker_starts_one_process_only() -> None:
    """No resource tracker (multiprocessing's spawn started one, 13 MB, for nothing)."""
    before = children_of(os.getpid())
    with RenderWorker() as worker:
        assert render_once(worker, "text") == ["<p>text</p>"]
        assert children_of(os.getpid()) - before == {worker.pid}
        command = Path(f"/proc/{worker.pid}/cmdline").read_bytes().split(b"\0")[:-1]
        assert [part.decode() for part in command[: len(child_command())]] == child_command()


def test_the_child_stops_when_the_app_dies(tmp_path) -> None:
    """The app killed outright (no close()): its render child must not linger."""
    script = tmp_path / "dies.py"
    script.write_text(
        "import os, signal, sys\n"
        "from editor.render.worker import RenderWorker\n"
        "worker = RenderWorker()\n"
        "worker.submit(1, 'x')\n"
        "assert worker.wait(30) is not None\n"
        "print(worker.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    child = int(result.stdout.split()[0])
    deadline = 50  # x 0.1 s
    while Path(f"/proc/{child}").exists() and deadline:
        status = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if status == "Z":
            break  # exited, waiting for init to reap it
        subprocess.run(["sleep", "0.1"])
        deadline -= 1
    assert deadline, "the render child outlived the app"


def test_a_child_started_by_hand_without_its_app_exits() -> None:
    """The child's entry refuses anything but the app's config message."""
    read_end, write_end = os.pipe()
    result_read, result_write = os.pipe()
    os.close(write_end)  # the "app" closes at once: EOF before any config
    process = subprocess.Popen(
        [*child_command(), str(read_end), str(result_write)],
        pass_fds=(read_end, result_write),
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    os.close(read_end)
    os.close(result_write)
    assert process.wait(30) == NOT_CONFIGURED  # the child's code ran, not the app's CLI
    os.close(result_read)
