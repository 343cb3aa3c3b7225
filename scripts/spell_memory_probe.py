"""Does switching Korean spelling off give its memory back? Prints the process's RSS.

    .venv/bin/python scripts/spell_memory_probe.py [--ui] [--json]

Loads an English-only checker (what the editor starts with), then the Korean dictionary
(turning 맞춤법 검사 on), checks a post's lines with it, then releases it (turning it off:
editor.core.spell.SpellChecker.release frees the enchant dictionary and calls malloc_trim),
and loads it once more. With --ui the same through a real editor widget (offscreen Qt,
the reference post, the Edit menu's actions). VmRSS is read from /proc/self/status (Linux).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from editor.core.spell import ENGLISH, KOREAN, SpellChecker, open_dictionary  # noqa: E402

REFERENCE = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"


def rss_mb() -> float:
    """This process's resident set size in MB (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def check_post(checker: SpellChecker) -> int:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return sum(len(checker.misspelled_ranges(line)) for line in lines)


def probe() -> dict[str, float]:
    checker = SpellChecker.load(languages=(ENGLISH,))
    check_post(checker)
    numbers = {"english_only": rss_mb()}
    checker.attach(KOREAN, open_dictionary(KOREAN))
    check_post(checker)
    numbers["korean_loaded"] = rss_mb()
    checker.release(KOREAN)
    numbers["korean_released"] = rss_mb()
    checker.attach(KOREAN, open_dictionary(KOREAN))
    numbers["korean_loaded_again"] = rss_mb()
    numbers["flagged_again"] = check_post(checker)
    return {key: round(value, 1) for key, value in numbers.items()}


def probe_editor() -> dict[str, float]:
    """The same through MarkdownEdit's two actions, as the writer switches them."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.ui.markdown_edit import MarkdownEdit

    app = QApplication.instance() or QApplication([])
    editor = MarkdownEdit()
    editor.resize(800, 600)
    editor.show()
    editor.setPlainText(REFERENCE.read_text(encoding="utf-8"))

    from editor.ui.spell_loader import shared_loader

    def settle(languages: set[str]) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
            editor.spell.languages != languages or shared_loader().busy
        ):
            app.processEvents()
            time.sleep(0.01)
        for _ in range(20):  # let the highlighter's passes finish
            app.processEvents()
            time.sleep(0.01)

    editor.set_spell_check_enabled(True)
    settle({ENGLISH})
    numbers = {"english_only": rss_mb()}
    editor.set_korean_spell_check_enabled(True)
    settle({ENGLISH, KOREAN})
    numbers["korean_loaded"] = rss_mb()
    editor.set_korean_spell_check_enabled(False)
    settle({ENGLISH})
    numbers["korean_released"] = rss_mb()
    editor.set_korean_spell_check_enabled(True)
    settle({ENGLISH, KOREAN})
    numbers["korean_loaded_again"] = rss_mb()
    return {key: round(value, 1) for key, value in numbers.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ui", action="store_true", help="through a real editor widget")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    numbers = probe_editor() if args.ui else probe()
    if args.json:
        print(json.dumps(numbers))
    else:
        for key, value in numbers.items():
            print(f"{key:20} {value:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
