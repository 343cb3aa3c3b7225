"""The SIGKILL goal of issue #6: killing the app while typing loses at most the last second.

Each trial starts a real editor process (tests/ui/crash_typing_child.py) that types on its
own and prints a timestamp after every character, kills it with SIGKILL at a random
moment, then "restarts": a fresh RecoveryStore on the same folder must offer a copy holding
every character typed more than 1 s before the kill, and nothing that was never typed.
20 trials of about 2 s each.

The 20 trials run against the real main window (editor.app.build_window). A stand-in
(QPlainTextEdit + Autosaver + RecoveryStore) isolates the autosave timing: one short trial
checks a kill before the first copy, and `run_trials("stand-in", ...)` replays all 20.
One more window trial types into a 500 KB post, whose preview renders off the GUI thread:
the autosave timer must still keep the 1 s goal. Each child gets its own XDG_DATA_HOME,
XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_CACHE_HOME under tmp, so it never writes the real
config or data folders (checked). Set CRASH_TRIAL_SEED to replay the kill moments of a run.

The child reports, after each character, the text the editor really holds from where typing
began: the window continues a list on Enter, so its text is not just the keys typed (a trial
that typed past the first list item once failed for that reason alone). A recovery copy must
equal the post plus one of those reported states.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.core.recovery import RecoveryStore

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHILD = HERE / "crash_typing_child.py"
sys.path.insert(0, str(HERE))
from crash_typing_child import DOC_ID, TYPED_TEXT  # noqa: E402

TRIALS = 20
LOSS_LIMIT_S = 1.0
FRONT_MATTER = "---\ntitle: 디지털 전환\n---\n"
BODY = "\n본문 첫 줄\n"
ORIGINAL = FRONT_MATTER + BODY


@dataclass
class Trial:
    kill_after_ready_s: float
    typed_at: list[float]  # typed_at[i]: when character i+1 was in the editor
    kill_time: float
    recovered_chars: int | None  # None: the copy is not the post + a state the editor held

    @property
    def required_chars(self) -> int:
        """Characters typed more than LOSS_LIMIT_S before the kill: they must survive."""
        return sum(1 for at in self.typed_at if at < self.kill_time - LOSS_LIMIT_S)

    @property
    def lost_window_s(self) -> float:
        """How far back before the kill the first lost character was typed (0: none lost)."""
        if self.recovered_chars is None or self.recovered_chars >= len(self.typed_at):
            return 0.0
        return self.kill_time - self.typed_at[self.recovered_chars]

    @property
    def ok(self) -> bool:
        return (
            self.recovered_chars is not None
            and self.required_chars <= self.recovered_chars <= len(self.typed_at)
        )


def typed_part(text: str, originals: tuple[str, ...], states: list[str]) -> int | None:
    """How many characters had been typed when the editor held ``text``; None if never.

    ``states[i]`` is what the editor held after character i+1 beyond the original text.
    """
    for original in originals:
        if not text.startswith(original):
            continue
        rest = text[len(original) :]
        if rest == "":
            return 0
        matches = [index + 1 for index, state in enumerate(states) if state == rest]
        if matches:
            return max(matches)
    return None


def is_subsequence(needle: str, haystack: str) -> bool:
    """Every character of ``needle`` appears in ``haystack`` in order."""
    remaining = iter(haystack)
    return all(char in remaining for char in needle)


def big_post(size: int = 500_000) -> str:
    """A long post of the kind users write: Korean prose, coloured spans, lists, tables."""
    block = (
        "## 디지털 전환 {n}\n\n"
        '산업 <b><span style="color: #ee2323;">디지털 전환</span></b> 민관 투자. '
        "Digital transformation is people, 문서를 잃지 않는다.\n\n"
        "- 첫째 {n}\n- second {n}\n\n"
        "| 항목 | 값 |\n|---|---|\n| a{n} | b{n} |\n\n"
    )
    parts, length, n = [], 0, 0
    while length < size:
        part = block.format(n=n)
        parts.append(part)
        length += len(part.encode("utf-8"))
        n += 1
    return FRONT_MATTER + "\n" + "".join(parts)


def recovered_chars(
    data_root: Path, post: Path, stand_in: bool, states: list[str], original: str = ORIGINAL
) -> int | None:
    folders = {file.parent for file in data_root.rglob("*.recovery")}
    entries = [entry for folder in folders for entry in RecoveryStore(folder).pending()]
    if not entries:
        return 0  # killed before the first copy: only fine if nothing was required
    [entry] = entries
    assert entry.post_path is not None and entry.post_path.resolve() == post.resolve()
    if stand_in:
        assert entry.doc_id == DOC_ID
    # The window may keep the whole post or only the body editor's text in its copy.
    body = original[len(FRONT_MATTER) :]
    typed = typed_part(entry.text, (original,) if stand_in else (original, body), states)
    if typed is None:  # say how the copy differs, so a failure on CI can be diagnosed
        for candidate in (original, body):
            at = next(
                (i for i, (a, b) in enumerate(zip(candidate, entry.text, strict=False)) if a != b),
                min(len(candidate), len(entry.text)),
            )
            print(f"copy differs at {at}: {entry.text[max(0, at - 60) : at + 120]!r}")
        print(f"last state the editor reported: {states[-1] if states else ''!r}")
    return typed


def start_child(mode: str, root: Path, post: Path) -> subprocess.Popen:
    place = root / "data" / "recovery" if mode == "stand-in" else root / "site"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_STATE_HOME": str(root / "data" / "state"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
    }
    # stderr goes to a file: Qt's and Chromium's chatter must never fill a pipe and block
    # the child mid-typing (a blocked child cannot autosave either).
    with open(root / "child-stderr.txt", "w", encoding="utf-8") as stderr:
        return subprocess.Popen(
            [sys.executable, str(CHILD), mode, str(place), str(post)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
        )


def wait_for_ready(child: subprocess.Popen, root: Path) -> None:
    readable, _, _ = select.select([child.stdout], [], [], 60)
    line = child.stdout.readline() if readable else ""
    if not line.startswith("READY"):
        child.kill()
        child.wait()
        errors = (root / "child-stderr.txt").read_text(encoding="utf-8", errors="replace")
        raise AssertionError(f"editor did not start: {line!r} {errors[-4000:]!r}")


def read_typed_lines(child: subprocess.Popen, count: int) -> list[str]:
    """Wait until the child has typed `count` characters (one stdout line each)."""
    lines: list[str] = []
    while len(lines) < count:
        readable, _, _ = select.select([child.stdout], [], [], 60)
        line = child.stdout.readline() if readable else ""
        if not line:
            break
        lines.append(line)
    return lines


def drain(child: subprocess.Popen, into: list[str]) -> threading.Thread:
    """Read the child's lines as they come, so a full pipe never stalls its typing."""
    reader = threading.Thread(target=lambda: into.extend(child.stdout), daemon=True)
    reader.start()
    return reader


def parse_typed(lines: list[str]) -> tuple[list[float], list[str]]:
    """(when each character was in the editor, what the editor held after it)."""
    typed_at, states = [], []
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3:
            continue  # the line the kill cut short
        try:
            state = json.loads(fields[2])
        except json.JSONDecodeError:
            continue
        typed_at.append(float(fields[0]))
        states.append(state)
    return typed_at, states


def check_states(states: list[str], stand_in: bool) -> None:
    """The reported states are real typing: each key changed the text and is in it, in order.

    In the window, Enter may also end a list (on an item left empty) instead of adding a
    line, so only the keys other than Enter must all be there.
    """
    for index, state in enumerate(states):
        keys = TYPED_TEXT[: index + 1]
        if stand_in:  # a plain QPlainTextEdit adds nothing of its own
            assert state == keys, (index, state)
        else:
            assert is_subsequence(keys.replace("\n", ""), state), (index, state)
            assert index == 0 or state != states[index - 1], (index, state)


def run_trial(
    mode: str, root: Path, delay_s: float, original: str = ORIGINAL, typed_first: int = 0
) -> Trial:
    site = root / "site"
    post = site / "_posts" / "2023-09-29-digital-transformation.md"
    post.parent.mkdir(parents=True)
    (site / "_config.yml").write_text("title: Crash trials\n", encoding="utf-8")
    post.write_text(original, encoding="utf-8")
    child = start_child(mode, root, post)
    wait_for_ready(child, root)
    lines = read_typed_lines(child, typed_first)
    reader = drain(child, lines)
    time.sleep(delay_s)
    kill_time = time.monotonic()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    assert child.returncode == -signal.SIGKILL
    typed_at, states = parse_typed(lines)
    check_states(states, mode == "stand-in")
    assert post.read_text(encoding="utf-8") == original  # the post itself is never touched
    if mode == "window":  # its settings went to the private config folder, not the real one
        assert (root / "config" / "post-editor" / "post-editor.conf").is_file()
    recovered = recovered_chars(root / "data", post, mode == "stand-in", states, original)
    return Trial(delay_s, typed_at, kill_time, recovered)


def run_trials(mode: str, tmp_path: Path) -> None:
    seed = int(os.environ.get("CRASH_TRIAL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    trials = [
        run_trial(mode, tmp_path / f"trial{index:02d}", rng.uniform(1.1, 2.1))
        for index in range(TRIALS)
    ]
    check_trials(mode, seed, trials)


def check_trials(mode: str, seed: int, trials: list[Trial]) -> None:
    report = "\n".join(
        f"trial {i:2d}: kill {t.kill_after_ready_s:.2f}s after start, typed {len(t.typed_at)}, "
        f"required {t.required_chars}, recovered {t.recovered_chars}, "
        f"lost window {t.lost_window_s:.3f}s {'ok' if t.ok else 'FAIL'}"
        for i, t in enumerate(trials)
    )
    worst = max(trial.lost_window_s for trial in trials)
    print(f"\n{mode}: seed {seed}; worst lost window {worst:.3f}s\n{report}")
    assert all(len(trial.typed_at) > 30 for trial in trials), report  # it really typed
    assert all(trial.required_chars > 0 for trial in trials), report  # and it was tested
    assert all(trial.ok for trial in trials), report
    assert worst < LOSS_LIMIT_S, report


@pytest.mark.slow
@pytest.mark.webengine
@pytest.mark.timeout(400)
def test_sigkill_real_window_loses_at_most_the_last_second(tmp_path: Path) -> None:
    """The issue's test: 20 trials against the real window (about 50 s)."""
    run_trials("window", tmp_path)


@pytest.mark.slow
@pytest.mark.webengine
@pytest.mark.timeout(200)
def test_sigkill_with_a_500_kb_post_loses_at_most_the_last_second(tmp_path: Path) -> None:
    """A 500 KB post: its preview render must not hold up the autosave timer."""
    original = big_post()
    assert len(original.encode("utf-8")) >= 500_000
    trials = [
        # Opening 500 KB (highlighting, first render) delays the first keystrokes on a loaded
        # machine: the kill clock starts once 20 characters are typed, so each trial tests.
        run_trial("window", tmp_path / f"big{index}", delay, original, typed_first=20)
        for index, delay in enumerate((1.5, 2.5))
    ]
    check_trials("window, 500 KB post", 0, trials)


def test_kill_before_the_first_copy_leaves_nothing_required(tmp_path: Path) -> None:
    """A kill in the first moments may lose those moments, but never offers garbage."""
    trial = run_trial("stand-in", tmp_path, 0.3)
    assert trial.required_chars == 0 and trial.ok
