"""Where bundled resources live, from source and from a PyInstaller build (no Qt here)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, in _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_site_dir() -> Path:
    """The small Jekyll site opened when the writer has configured none."""
    return resource_path("sample_site")


# The application icon: PNGs rendered from resources/icons/post-editor.svg by
# scripts/render_icons.sh, plus post-editor.ico (Windows) and post-editor.icns (macOS).
ICON_NAME = "post-editor"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def icons_dir() -> Path:
    return resource_path("icons")


def icon_png_paths() -> dict[int, Path]:
    """{size in pixels: PNG path} for every size in ICON_SIZES (the files may be missing)."""
    return {size: icons_dir() / f"{ICON_NAME}-{size}.png" for size in ICON_SIZES}


def icon_svg_path() -> Path:
    return icons_dir() / f"{ICON_NAME}.svg"


def sample_post_path() -> Path:
    return next(iter(sorted((sample_site_dir() / "_posts").glob("*.md"))))
