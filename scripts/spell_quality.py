"""How well Korean spell checking does over the corpus: false underlines and typos let through.

    .venv/bin/python scripts/spell_quality.py [--typos N] [--seed S] [--json FILE]

Two numbers, each for plain hunspell-ko and for hunspell-ko with compound acceptance
(editor.core.spell: a rejected Hangul word made of 2-4 parts hunspell accepts):

- flagged share: of all Korean prose words of the corpus posts (front matter and fenced code
  left out, as the editor does), how many are underlined. Most are correct words;
- typo acceptance: take distinct corpus words of 3 syllables or more that hunspell accepts,
  change one syllable's vowel or final consonant (Unicode Hangul arithmetic) into a string
  hunspell rejects, and count how many of those typos are accepted.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from editor.core.spell import SpellChecker, prose_words  # noqa: E402

CORPUS = REPO / "tests/data/corpus"
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
VOWELS, FINALS = 21, 28  # jungseong and jongseong counts (final 0: none)


def body_lines(text: str) -> Iterator[str]:
    """The lines of a post the editor checks: no front matter, no fenced code."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        start = end + 1
    fence = ""
    for line in lines[start:]:
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~"):
            fence = "" if fence == marker else (fence or marker)
            continue
        if not fence:
            yield line


def corpus_korean_words(corpus: Path = CORPUS) -> Counter[str]:
    """Every Korean prose word of the corpus posts, with how often it occurs."""
    words: Counter[str] = Counter()
    for path in sorted(corpus.glob("*/_posts/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in body_lines(text):
            if "white-space: pre" in line or "white-space:pre" in line:
                continue  # a pasted code table: the checker skips it too
            words.update(w.text for w in prose_words(line) if w.korean)
    return words


def syllable_typos(word: str) -> list[str]:
    """Every string that differs from ``word`` in one syllable's vowel or final consonant."""
    typos = []
    for index, char in enumerate(word):
        code = ord(char) - HANGUL_FIRST
        if not 0 <= code <= HANGUL_LAST - HANGUL_FIRST:
            continue
        initial, vowel, final = code // (VOWELS * FINALS), code // FINALS % VOWELS, code % FINALS
        changed = [(initial, v, final) for v in range(VOWELS) if v != vowel]
        changed += [(initial, vowel, f) for f in range(FINALS) if f != final]
        for i, v, f in changed:
            syllable = chr(HANGUL_FIRST + (i * VOWELS + v) * FINALS + f)
            typos.append(word[:index] + syllable + word[index + 1 :])
    return typos


def sample_typos(words: list[str], plain: SpellChecker, count: int, seed: int) -> list[str]:
    """``count`` typos of correct words (>= 3 syllables) that plain hunspell rejects."""
    rng = random.Random(seed)
    sources = sorted(w for w in words if len(w) >= 3 and plain.is_correct(w))
    typos: list[str] = []
    while len(typos) < count and sources:
        typo = rng.choice(syllable_typos(rng.choice(sources)))
        if not plain.is_correct(typo) and typo not in typos:
            typos.append(typo)
    return typos


def flagged_share(words: Counter[str], checker: SpellChecker) -> tuple[int, int]:
    """(underlined word occurrences, all Korean word occurrences)."""
    flagged = sum(n for word, n in words.items() if not checker.is_correct(word))
    return flagged, sum(words.values())


def measure(typo_count: int = 2000, seed: int = 7) -> dict:
    loaded = SpellChecker.load(languages=("ko",))
    plain = SpellChecker(loaded.korean, None, korean_compounds=False)
    compounds = SpellChecker(loaded.korean, None, korean_compounds=True)
    words = corpus_korean_words()
    typos = sample_typos(list(words), plain, typo_count, seed)
    result = {"korean_words": sum(words.values()), "distinct_words": len(words)}
    for name, checker in (("plain", plain), ("compounds", compounds)):
        started = time.perf_counter()
        flagged, total = flagged_share(words, checker)
        accepted = sum(checker.is_correct(typo) for typo in typos)
        result[name] = {
            "flagged": flagged,
            "flagged_share": round(flagged / total, 4),
            "typos": len(typos),
            "typos_accepted": accepted,
            "typo_acceptance": round(accepted / len(typos), 4) if typos else 0.0,
            "seconds": round(time.perf_counter() - started, 2),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typos", type=int, default=2000, help="typos to try (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    result = measure(args.typos, args.seed)
    print(f"Korean prose words in the corpus: {result['korean_words']:,} ")
    print(f"({result['distinct_words']:,} distinct)")
    print(f"{'':22}{'flagged':>18}{'typos accepted':>22}")
    for name in ("plain", "compounds"):
        row = result[name]
        flagged = f"{row['flagged']:,} ({row['flagged_share']:.1%})"
        typos = f"{row['typos_accepted']:,}/{row['typos']:,} ({row['typo_acceptance']:.1%})"
        label = "hunspell-ko" if name == "plain" else "+ compound acceptance"
        print(f"{label:22}{flagged:>18}{typos:>22}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
