"""Child process for test_publish_journal: publish a post, SIGKILLing itself midway.

Usage: python publish_kill_child.py SITE POST   (env PUBLISH_KILL_AFTER=N, PUBLISH_COMMIT=1)

Test-only: the kill hook is a monkeypatch made here, never in production code. Every call
that changes the file system before the commit point (os.replace, os.link, os.mkdir,
os.fsync), and each git command when PUBLISH_COMMIT=1 asks for a commit, counts as one
step; after step N the process kills itself with SIGKILL, so no finally block, no rollback
and no atexit handler runs. N = 0 never kills and prints the number of steps ("steps=K").
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from editor.core.post import Post  # noqa: E402
from editor.core.site import Site  # noqa: E402
from editor.publish import gitops  # noqa: E402
from editor.publish.apply import apply_plan  # noqa: E402
from editor.publish.plan import make_plan  # noqa: E402

KILL_AFTER = int(os.environ.get("PUBLISH_KILL_AFTER", "0"))
steps = 0


def counted(real):
    def step(*args, **kwargs):
        global steps
        outcome = real(*args, **kwargs)
        steps += 1
        if steps == KILL_AFTER:
            os.kill(os.getpid(), signal.SIGKILL)
        return outcome

    return step


def main() -> int:
    site, post = Site(Path(sys.argv[1])), Post.load(Path(sys.argv[2]))
    commit = os.environ.get("PUBLISH_COMMIT") == "1"
    plan = make_plan(post, site, overwrite=True, commit=commit)
    if not plan.ok:
        print(plan.describe(), file=sys.stderr)
        return 2
    for name in ("replace", "link", "mkdir", "fsync"):
        setattr(os, name, counted(getattr(os, name)))
    gitops.run_git = counted(gitops.run_git)  # apply and journal call it through the module
    result = apply_plan(plan)
    if not result.ok:
        print(result.error, file=sys.stderr)
        return 1
    print(f"steps={steps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
