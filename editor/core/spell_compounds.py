"""Korean compound acceptance: a Hangul word hunspell rejects, made of words it accepts (no Qt).

Koreans write compound nouns together (국제표준, 생산공정, 성공사례를) and hunspell-ko rejects
most of them. :func:`is_compound` accepts such a word when it splits into 2 to 4 parts the
dictionary accepts, each of two syllables or more. Over the corpus this halves the share of
Korean words underlined (11.4 % -> 6.2 %) and lets 2.8 % of one-syllable typos through
(``scripts/spell_quality.py``).
"""

from __future__ import annotations

from collections.abc import Callable

MIN_SYLLABLES = 2  # per part: one-syllable parts would let almost any typo through
MAX_PARTS = 4
MAX_SYLLABLES = 16  # longer runs (pasted text without spaces) would cost ms per keystroke
# The last part may carry a particle (사례를), but what the particle follows must be two
# syllables or a common one-syllable suffix (소방청은, 생성자의, 정상회의): 기가재의, a typo of
# 기자재의, is not 기가 + 재의. The suffixes were read off the corpus's compounds.
PARTICLES = sorted(
    ["의", "를", "을", "은", "는", "이", "가", "에", "와", "과", "도", "만", "로"]
    + ["으로", "에서", "에게", "까지", "부터", "처럼", "보다", "라는", "이라는"],
    key=len,
    reverse=True,
)
SUFFIXES = frozenset(
    "부자도원적법인명회청가국값제금처량문집식실성차수상단망견당"
    "방체화장액전권직관계소사비료력률율품형급증표용층받"
)


def is_compound(word: str, known: Callable[[str], bool]) -> bool:
    """Whether ``word`` splits into 2 to MAX_PARTS parts that ``known`` accepts.

    ``known`` is the dictionary's check (cache it: parts repeat). Every part has at least
    MIN_SYLLABLES syllables; the last may carry particles, which hunspell knows (성공사례를 =
    성공 + 사례를). Words longer than MAX_SYLLABLES are not split.
    """
    return len(word) <= MAX_SYLLABLES and _splits(word, known, parts=1)


def _splits(word: str, known: Callable[[str], bool], parts: int) -> bool:
    """``word`` as a known head + a known (last) part or a rest that splits again."""
    if parts >= MAX_PARTS:
        return False
    for split in range(MIN_SYLLABLES, len(word) - MIN_SYLLABLES + 1):
        head, rest = word[:split], word[split:]
        if known(head) and (
            (_is_last_part_shape(rest) and known(rest)) or _splits(rest, known, parts + 1)
        ):
            return True
    return False


def _is_last_part_shape(part: str) -> bool:
    """Whether ``part`` may end a compound: two syllables or a suffix before its particle."""
    for particle in PARTICLES:
        if len(part) > len(particle) and part.endswith(particle):
            stem = part[: -len(particle)]
            return len(stem) >= MIN_SYLLABLES or stem in SUFFIXES
    return True
