"""pyproject's PySide6 requirements keep out the one broken pair: PySide6 6.12.0 on Python 3.11
("Fatal Python error: none_dealloc"); every other pairing stays installable."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def pyside_allows(version: str, python: str) -> bool:
    """Would pip accept PySide6 `version` on Python `python` under our dependency list?"""
    dependencies = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["dependencies"]
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    active = [
        requirement
        for requirement in map(Requirement, dependencies)
        if requirement.name.lower() == "pyside6"
        and (requirement.marker is None or requirement.marker.evaluate(environment))
    ]
    assert active, f"no PySide6 requirement applies on Python {python}"
    return all(requirement.specifier.contains(version) for requirement in active)


def test_broken_pair_is_refused_on_311() -> None:
    assert not pyside_allows("6.12.0", "3.11")


@pytest.mark.parametrize(
    ("version", "python"),
    [("6.11.3", "3.11"), ("6.12.0", "3.12"), ("6.12.0", "3.13"), ("6.11.3", "3.12")],
)
def test_good_pairs_stay_installable(version: str, python: str) -> None:
    assert pyside_allows(version, python)
