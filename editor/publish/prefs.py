"""Per-site publishing choices (the slug mode), kept in a small JSON file in the config dir.

Qt-free so the CLI and the dialog share it. The file maps a site's absolute path to its
choices; an unreadable or damaged file is treated as empty rather than stopping a publish.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from editor.publish.slug import SLUG_MODES


def default_prefs_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "post-editor" / "publish.json"


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _site_key(site_root: Path) -> str:
    return os.path.realpath(site_root)


def remembered_slug_mode(site_root: Path, path: Path | None = None) -> str | None:
    """The slug mode last chosen for this site, or None."""
    entry = _load(path or default_prefs_path()).get(_site_key(site_root))
    mode = entry.get("slug_mode") if isinstance(entry, dict) else None
    return mode if mode in SLUG_MODES and mode != "auto" else None


def remember_slug_mode(site_root: Path, mode: str, path: Path | None = None) -> None:
    """Store the slug mode for this site (atomically, so a crash never leaves half a file)."""
    if mode not in SLUG_MODES:
        raise ValueError(f"unknown slug mode {mode!r}; choose one of {', '.join(SLUG_MODES)}")
    path = path or default_prefs_path()
    data = _load(path)
    entry = data.get(_site_key(site_root))
    entry = entry if isinstance(entry, dict) else {}
    entry["slug_mode"] = mode
    data[_site_key(site_root)] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
