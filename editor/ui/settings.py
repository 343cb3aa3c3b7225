"""Settings in one place: user preferences apart from window state.

Preferences (theme, font, zoom, site folder, recent files) are what the writer chose;
window state (geometry, splitter sizes, raw-YAML toggle) is what the window last looked
like. Both live in one QSettings store under separate groups, read once at start and
pushed into the widgets by setters, never read by widgets on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings

APP_NAME = "post-editor"  # ~/.config/post-editor/post-editor.conf on Linux
THEMES = ("system", "light", "dark")
LANGUAGES = ("ko", "en")
DEFAULT_FONT_SIZE = 12
MIN_FONT_SIZE = 6
MAX_FONT_SIZE = 48
MAX_RECENT = 10


@dataclass
class Preferences:
    theme: str = "system"
    font_family: str = ""  # empty: the platform's fixed-width font
    font_size: int = DEFAULT_FONT_SIZE
    preview_zoom: float = 1.0
    site_dir: str = ""  # empty: no site chosen, the bundled sample site is used
    recent_files: list[str] = field(default_factory=list)
    spell_check: bool = True  # English, as you type: on by default (a small dictionary)
    # Korean (맞춤법 검사): off by default, its dictionary holds ~50 MB; a new key, so an
    # older settings file with spell_check=true leaves it off.
    spell_check_korean: bool = False
    history_keep: int = 20  # saved versions kept per post (local history)
    history_days: int = 30  # and for how long; 0 keeps them at any age
    language: str = ""  # "ko" or "en"; empty follows the system (editor.ui.i18n)


@dataclass
class WindowState:
    geometry: QByteArray | None = None
    state: QByteArray | None = None
    splitter: QByteArray | None = None
    raw_yaml: bool = False


def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _as_float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _as_list(value: object) -> list[str]:
    # QSettings gives a str for a one-item list and None for an empty one in INI files.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value]  # type: ignore[union-attr]


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _as_language(value: object) -> str:
    return value if value in LANGUAGES else ""


class AppSettings:
    """Typed access to one QSettings store (pass a file-backed one in tests)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(APP_NAME, APP_NAME)

    def load_preferences(self) -> Preferences:
        s = self.store
        theme = str(s.value("preferences/theme", "system"))
        size = _as_int(s.value("preferences/font_size"), DEFAULT_FONT_SIZE)
        return Preferences(
            theme=theme if theme in THEMES else "system",
            font_family=str(s.value("preferences/font_family", "") or ""),
            font_size=min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size)),
            preview_zoom=_as_float(s.value("preferences/preview_zoom"), 1.0),
            site_dir=str(s.value("preferences/site_dir", "") or ""),
            recent_files=_as_list(s.value("preferences/recent_files"))[:MAX_RECENT],
            spell_check=_as_bool(s.value("preferences/spell_check", True)),
            spell_check_korean=_as_bool(s.value("preferences/spell_check_korean", False)),
            history_keep=max(1, _as_int(s.value("preferences/history_keep"), 20)),
            history_days=max(0, _as_int(s.value("preferences/history_days"), 30)),
            language=_as_language(s.value("preferences/language", "")),
        )

    def save_preferences(self, prefs: Preferences) -> None:
        s = self.store
        s.setValue("preferences/theme", prefs.theme)
        s.setValue("preferences/font_family", prefs.font_family)
        s.setValue("preferences/font_size", prefs.font_size)
        s.setValue("preferences/preview_zoom", prefs.preview_zoom)
        s.setValue("preferences/site_dir", prefs.site_dir)
        s.setValue("preferences/recent_files", list(prefs.recent_files))
        s.setValue("preferences/spell_check", prefs.spell_check)
        s.setValue("preferences/spell_check_korean", prefs.spell_check_korean)
        s.setValue("preferences/history_keep", prefs.history_keep)
        s.setValue("preferences/history_days", prefs.history_days)
        s.setValue("preferences/language", prefs.language)
        s.sync()

    def load_window_state(self) -> WindowState:
        s = self.store

        def blob(key: str) -> QByteArray | None:
            value = s.value(f"window/{key}")
            return value if isinstance(value, QByteArray) and not value.isEmpty() else None

        return WindowState(
            geometry=blob("geometry"),
            state=blob("state"),
            splitter=blob("splitter"),
            raw_yaml=_as_bool(s.value("window/raw_yaml", False)),
        )

    def save_window_state(self, state: WindowState) -> None:
        s = self.store
        for key in ("geometry", "state", "splitter"):
            value = getattr(state, key)
            if value is not None:
                s.setValue(f"window/{key}", value)
        s.setValue("window/raw_yaml", state.raw_yaml)
        s.sync()
