"""The Linux desktop entry (resources/post-editor.desktop) and scripts/install_desktop.sh,
which installs it and the icons under $XDG_DATA_HOME for one user, with Exec made absolute."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from editor.app import APP_NAME
from editor.resources import ICON_SIZES

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "resources" / "post-editor.desktop"
SCRIPT = REPO / "scripts" / "install_desktop.sh"
VALIDATE = shutil.which("desktop-file-validate")
needs_validator = pytest.mark.skipif(
    VALIDATE is None, reason="desktop-file-validate missing (apt-get install desktop-file-utils)"
)


def entry_keys(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def unescape_string(value: str) -> str:
    """The Desktop Entry spec's string escapes (\\s \\n \\t \\r \\\\)."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(following, following))
        else:
            out.append(char)
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """Split an Exec value the way a launcher does: string escapes, then the spec's quoting
    (inside double quotes a backslash escapes " ` $ and \\), then %% -> % (field codes such
    as a lone %f are left for the caller)."""
    text, args, index = unescape_string(value), [], 0
    while index < len(text):
        if text[index] == " ":
            index += 1
            continue
        if text[index] == '"':
            arg, index = [], index + 1
            while text[index] != '"':
                if text[index] == "\\":
                    assert text[index + 1] in '"`$\\', text[index + 1]
                    index += 1
                arg.append(text[index])
                index += 1
            args.append("".join(arg))
            index += 1
        else:
            end = text.find(" ", index)
            end = len(text) if end < 0 else end
            args.append(text[index:end])
            index = end
    return [arg if arg == "%f" else arg.replace("%%", "%") for arg in args]


def install(data_home: Path, *args: str, script: Path = SCRIPT, path: str | None = None):
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["bash", str(script), *args], capture_output=True, text=True, env=env, timeout=60
    )


def fake_executable(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / "post-editor"
    executable.write_text("#!/bin/sh\nexit 0\n")
    executable.chmod(0o755)
    return executable


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# ----------------------------------------------------------------- the entry itself


def test_the_entry_names_the_app_its_icon_and_one_file_argument() -> None:
    keys = entry_keys(DESKTOP)
    assert keys["Type"] == "Application" and keys["Name"] == "Post Editor"
    assert keys["Icon"] == APP_NAME  # the hicolor name install_desktop.sh installs
    assert DESKTOP.stem == APP_NAME  # = QGuiApplication.desktopFileName() (Wayland's app id)
    assert exec_arguments(keys["Exec"]) == ["post-editor", "%f"]  # the CLI takes one post
    assert "text/markdown" in keys["MimeType"].split(";")
    assert keys["Terminal"] == "false"
    assert "Name[ko]" in keys and "Comment[ko]" in keys


@needs_validator
def test_the_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run([VALIDATE, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


# ----------------------------------------------------------------- install_desktop.sh


def test_install_puts_the_entry_and_every_icon_under_xdg_data_home(tmp_path) -> None:
    executable = fake_executable(tmp_path / 'odd "dir" with $HOME, `tick` & back\\slash %f')
    data = tmp_path / "share"
    result = install(data, str(executable))
    assert result.returncode == 0, result.stderr
    installed = data / "applications" / "post-editor.desktop"
    keys = entry_keys(installed)
    assert exec_arguments(keys["Exec"]) == [str(executable), "%f"]
    assert unescape_string(keys["TryExec"]) == str(executable)
    assert keys["Icon"] == "post-editor"
    for size in ICON_SIZES:
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "post-editor.png"
        assert png_size(png) == (size, size)
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / "post-editor.svg"
    assert svg.read_bytes() == (REPO / "resources" / "icons" / "post-editor.svg").read_bytes()
    if VALIDATE:
        check = subprocess.run([VALIDATE, str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


def test_uninstall_removes_what_install_put(tmp_path) -> None:
    data = tmp_path / "share"
    assert install(data, str(fake_executable(tmp_path / "bin"))).returncode == 0
    result = install(data, "--uninstall")
    assert result.returncode == 0, result.stderr
    left = [p for p in data.rglob("*") if p.is_file() and "post-editor" in p.name]
    assert left == []


def test_from_inside_a_build_the_builds_executable_is_found(tmp_path) -> None:
    """post-editor/_internal/scripts/install_desktop.sh -> post-editor/post-editor."""
    build = tmp_path / "dist" / "post-editor"
    executable = fake_executable(build)
    internal = build / "_internal"
    (internal / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, internal / "scripts")
    shutil.copytree(REPO / "resources" / "icons", internal / "resources" / "icons")
    shutil.copy(DESKTOP, internal / "resources")
    data = tmp_path / "share"
    result = install(data, script=internal / "scripts" / "install_desktop.sh")
    assert result.returncode == 0, result.stderr
    keys = entry_keys(data / "applications" / "post-editor.desktop")
    assert exec_arguments(keys["Exec"]) == [str(executable), "%f"]


def test_without_an_executable_it_says_so_and_writes_nothing(tmp_path) -> None:
    lonely = tmp_path / "lonely"
    (lonely / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, lonely / "scripts")
    data = tmp_path / "share"
    result = install(data, script=lonely / "scripts" / "install_desktop.sh", path="/usr/bin:/bin")
    assert result.returncode == 1
    assert "no post-editor executable found; pass its path" in result.stderr
    assert not data.exists()
