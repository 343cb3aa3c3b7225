"""Does switching Korean spelling off give its memory back? Prints the process's RSS.

    .venv/bin/python scripts/spell_memory_probe.py [--json]

Loads an English-only checker (what the editor starts with), then the Korean dictionary
(turning 맞춤법 검사 on), checks a post's lines with it, then releases it (turning it off:
editor.core.spell.SpellChecker.release frees the enchant dictionary and calls malloc_trim),
and loads it once more. VmRSS is read from /proc/self/status (Linux only).
"""

from __future__ import annotations

import argparse
import json
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    numbers = probe()
    if args.json:
        print(json.dumps(numbers))
    else:
        for key, value in numbers.items():
            print(f"{key:20} {value:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
