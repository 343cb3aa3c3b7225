"""Run `python -m editor ARGS` in a child process, as a writer's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_editor(*args: str, drop_env: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """The command's result (text); ``drop_env`` names variables the child must not see."""
    env = {key: value for key, value in os.environ.items() if key not in drop_env}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "editor", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
    )
