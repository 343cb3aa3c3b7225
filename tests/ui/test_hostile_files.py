"""Hostile and odd files opened in the real window (issue #6): each opens, or is refused
with a plain message while the open post stays; nothing on disk changes; the window keeps
working. The files are the core test's (tests/core/test_core_hostile.py), so both layers
see the same set."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from window_fixtures import POST_NAME, app_settings, site_copy, type_text, window  # noqa: F401

from editor.ui import main_window as main_window_module

pytestmark = pytest.mark.webengine

_CORE_TEST = Path(__file__).resolve().parents[1] / "core" / "test_core_hostile.py"
_spec = importlib.util.spec_from_file_location("core_hostile_files", _CORE_TEST)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
FILES: dict[str, bytes] = _module.FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_file_opens_or_is_refused_plainly(
    window, qtbot, site_copy, tmp_path, monkeypatch, name
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, msg: errors.append(msg))
    path = tmp_path / "hostile" / name
    path.parent.mkdir()
    path.write_bytes(FILES[name])
    opened = window.open_path(path)
    if opened:
        assert errors == [] and window.document.path == path.resolve()
    else:
        [message] = errors
        assert name in message and "Traceback" not in message and len(message) < 400
        assert window.document.path == (site_copy / "_posts" / POST_NAME).resolve()
    assert path.read_bytes() == FILES[name]
    assert sorted(p.name for p in path.parent.iterdir()) == [name]
    type_text(qtbot, window, "still-working ")  # the window keeps running
    assert "still-working" in window.editor.toPlainText()
    assert path.read_bytes() == FILES[name]  # typing alone never writes the file
