"""Per-site publishing choices (the slug mode) and where each source file was published,
kept in a small JSON file in the config dir.

Qt-free so the CLI and the dialog share it. The file maps a site's absolute path to its
choices; an unreadable or damaged file is treated as empty rather than stopping a publish.
The record of publications (source file -> the post file it became) lets publishing the
same post again update that file instead of adding a copy (editor.publish.earlier).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from editor.publish.slug import SLUG_MODES

MAX_PUBLICATIONS = 2000  # per site and folder; the oldest records go first


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
    _update(site_root, path, lambda entry: entry.__setitem__("slug_mode", mode))


def _publication_key(draft: bool) -> str:
    return "drafts" if draft else "posts"


def remembered_publication(
    site_root: Path, source: Path | None, draft: bool = False, path: Path | None = None
) -> Path | None:
    """The file ``source`` was last published to in this site (in _drafts when ``draft``), as
    recorded; None if never. The planner checks that the file is still a post there."""
    if source is None:
        return None
    entry = _load(path or default_prefs_path()).get(_site_key(site_root))
    table = entry.get(_publication_key(draft)) if isinstance(entry, dict) else None
    relative = table.get(os.path.realpath(source)) if isinstance(table, dict) else None
    if not isinstance(relative, str) or os.path.isabs(relative) or ".." in Path(relative).parts:
        return None  # a damaged or edited file: never a path out of the site
    return Path(os.path.abspath(site_root)) / relative


def remember_publication(
    site_root: Path, source: Path | None, target: Path, draft: bool, path: Path | None = None
) -> None:
    """Record that ``source`` was published to ``target`` (a path inside the site)."""
    if source is None:
        return
    inside = Path(os.path.relpath(os.path.realpath(target), os.path.realpath(site_root)))
    if inside.parts[:1] == ("..",):
        raise ValueError(f"{target} is not inside the site {site_root}")
    relative = inside.as_posix()

    def record(entry: dict) -> None:
        table = entry.get(_publication_key(draft))
        table = table if isinstance(table, dict) else {}
        table.pop(os.path.realpath(source), None)  # re-inserted last: newest at the end
        table[os.path.realpath(source)] = relative
        for old in list(table)[:-MAX_PUBLICATIONS]:
            del table[old]
        entry[_publication_key(draft)] = table

    _update(site_root, path, record)


def record_publication(plan, result, path: Path | None = None) -> bool:
    """After ``apply_plan``: record where ``plan``'s source went, if the post file was put in
    place (even when git failed afterwards), so publishing the same source again updates
    that file (editor.publish.earlier). True if recorded. Raises OSError or ValueError."""
    if plan.source is None or plan.target is None or plan.target not in result.written:
        return False
    remember_publication(plan.site_root, plan.source, plan.target, plan.draft, path)
    return True


def _update(site_root: Path, path: Path | None, change) -> None:
    """Apply ``change(entry)`` to this site's entry and write the file atomically."""
    path = path or default_prefs_path()
    data = _load(path)
    entry = data.get(_site_key(site_root))
    entry = entry if isinstance(entry, dict) else {}
    change(entry)
    data[_site_key(site_root)] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
