"""Shared test setup: Qt runs offscreen, QtWebEngine without its sandbox as root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.qt_env import prepare_webengine_environment  # noqa: E402

prepare_webengine_environment()

TESTS = Path(__file__).parent
REPO = TESTS.parent
DATA = TESTS / "data"
SAMPLE_SITE = REPO / "resources" / "sample_site"


@pytest.fixture
def sample_site() -> Path:
    return SAMPLE_SITE


@pytest.fixture
def reference_post() -> Path:
    return next((SAMPLE_SITE / "_posts").glob("*.md"))
