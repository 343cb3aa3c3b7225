"""The slug mode remembered per site, in a JSON file whose path tests inject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.publish.prefs import remember_slug_mode, remembered_slug_mode


def test_roundtrip_per_site(tmp_path: Path) -> None:
    store = tmp_path / "cfg" / "publish.json"
    one, two = tmp_path / "one", tmp_path / "two"
    assert remembered_slug_mode(one, store) is None
    remember_slug_mode(one, "number", store)
    remember_slug_mode(two, "romanized", store)
    remember_slug_mode(one, "title", store)
    assert remembered_slug_mode(one, store) == "title"
    assert remembered_slug_mode(two, store) == "romanized"
    assert [p.name for p in store.parent.iterdir()] == ["publish.json"]


def test_damaged_file_is_treated_as_empty_and_repaired(tmp_path: Path) -> None:
    store = tmp_path / "publish.json"
    store.write_text("{not json")
    assert remembered_slug_mode(tmp_path, store) is None
    remember_slug_mode(tmp_path, "number", store)
    assert remembered_slug_mode(tmp_path, store) == "number"
    store.write_text(json.dumps({str(tmp_path): {"slug_mode": "../../evil"}}))
    assert remembered_slug_mode(tmp_path, store) is None


def test_unknown_mode_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown slug mode"):
        remember_slug_mode(tmp_path, "sideways", tmp_path / "p.json")
