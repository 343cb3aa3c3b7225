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


def sample_post_path() -> Path:
    return next(iter(sorted((sample_site_dir() / "_posts").glob("*.md"))))
