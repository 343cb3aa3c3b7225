"""Fixtures the window tests share."""

from __future__ import annotations

import pytest

from editor.ui import i18n


@pytest.fixture
def korean(qapp):
    """The real Korean catalogs (the committed .qm and Qt's own), English again afterwards."""
    assert i18n.install_translators(qapp, "ko") == "ko"
    yield qapp
    i18n.install_translators(qapp, "en")


@pytest.fixture
def english(qapp):
    """The English UI (no catalogs), whatever an earlier test installed."""
    i18n.install_translators(qapp, "en")
    return qapp
