"""Random snippets rendered by real kramdown and by render_body must agree (fixed seeds)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "kramdown_fuzz", Path(__file__).resolve().parent / "kramdown_fuzz.py"
)
kramdown_fuzz = importlib.util.module_from_spec(_spec)
sys.modules["kramdown_fuzz"] = kramdown_fuzz
_spec.loader.exec_module(kramdown_fuzz)

# Reached on 2026-11-27. Plain snippets: other seeds show ~0.1% differences; with whole block
# constructs and attribute lists ~0.5-0.7%, all pathological mixes (see
# `python -m tests.fidelity.kramdown_fuzz SEED N --blocks`). Lower these, never raise them.
# (seed, with whole block constructs) -> differing snippets allowed of 1,500
ALLOWED = {(1, False): 0, (3, False): 0, (14, True): 7}


@pytest.mark.jekyll
@pytest.mark.parametrize(("seed", "blocks"), sorted(ALLOWED))
def test_random_snippets_render_as_kramdown_does(seed: int, blocks: bool):
    if not kramdown_fuzz.kramdown_available():
        pytest.skip("ruby with kramdown and kramdown-parser-gfm is not installed")
    diffs = kramdown_fuzz.differing(seed, 1500, blocks)
    shown = "\n".join(f"{t!r}\n  kramdown: {w!r}\n  ours:     {g!r}" for t, w, g in diffs[:5])
    assert len(diffs) <= ALLOWED[seed, blocks], f"{len(diffs)} snippets differ:\n{shown}"
