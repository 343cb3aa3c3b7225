"""The user guide: its pictures exist, are small, and are all made by scripts/guide_screenshots.py;
its links resolve; the script's throwaway workspace is a real git site with a bare remote."""

from __future__ import annotations

import importlib.util
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "user-guide.md"
IMAGES = REPO / "docs" / "images"
SCRIPT = REPO / "scripts" / "guide_screenshots.py"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def load_script():
    spec = importlib.util.spec_from_file_location("guide_screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def guide_images() -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(images/([^)]+)\)", GUIDE.read_text("utf-8"))


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def github_anchor(heading: str) -> str:
    """GitHub's heading id: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_every_picture_exists_is_small_and_not_too_wide():
    names = guide_images()
    assert len(names) >= 8
    for name in names:
        path = IMAGES / name
        assert path.is_file(), f"missing {path}"
        width, _height = png_size(path)
        assert path.stat().st_size <= 300_000, f"{name} is {path.stat().st_size} bytes"
        assert width <= 1400, f"{name} is {width} px wide"


def test_every_committed_picture_is_used_and_made_by_the_script():
    used = set(guide_images())
    on_disk = {path.name for path in IMAGES.glob("*.png")}
    assert on_disk == used
    shot_names = set(re.findall(r'shot\(\s*"([^"]+\.png)"', SCRIPT.read_text("utf-8")))
    assert shot_names == used


def test_internal_links_point_at_headings_and_readme_links_the_guide():
    text = GUIDE.read_text("utf-8")
    anchors = {github_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    for link in links:
        assert link in anchors, f"#{link} matches no heading"
    assert "](docs/user-guide.md)" in (REPO / "README.md").read_text("utf-8")


def test_the_phrases_the_script_selects_are_in_its_demo_post():
    script = load_script()
    for phrase in (script.RED_PHRASE, script.HIGHLIGHT_PHRASE, script.HEADING_LINE):
        assert phrase in script.DEMO_POST


def test_workspace_is_a_git_site_with_a_bare_remote_and_a_clean_demo_post(tmp_path: Path):
    script = load_script()
    script.make_workspace(tmp_path)
    site = tmp_path / "blog"
    assert (site / "_config.yml").is_file()
    remote_head = subprocess.run(
        ["git", "--git-dir", str(tmp_path / "remote.git"), "rev-parse", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    local_head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=site, capture_output=True, text=True, check=True
    ).stdout
    assert remote_head == local_head  # pushed, so the guide's push step has a remote to follow
    demo = tmp_path / "글감" / "책상-정리.md"
    checked = subprocess.run(
        [sys.executable, "-m", "editor", "check", str(demo)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_workspace_refuses_a_folder_it_did_not_make(tmp_path: Path, monkeypatch):
    script = load_script()
    monkeypatch.setattr(script.tempfile, "gettempdir", lambda: str(tmp_path))
    foreign = tmp_path / "post-editor-guide"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("someone else's")
    with pytest.raises(SystemExit):
        script.fresh_workspace()
    assert (foreign / "keep.txt").is_file()
    (foreign / "keep.txt").unlink()
    (foreign / script.WORKSPACE_MARK).write_text("")
    assert script.fresh_workspace() == foreign  # its own: emptied and made again


LANGUAGE_PROBE = """
import importlib.util, sys
from PySide6.QtCore import QCoreApplication
spec = importlib.util.spec_from_file_location("guide_screenshots", sys.argv[1])
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)
app = QCoreApplication([])
script.save_language(sys.argv[2])
from editor.ui.i18n import install_translators
from editor.ui.settings import AppSettings
print(install_translators(app, AppSettings().load_preferences().language or None))
print(QCoreApplication.translate("MainWindow", "&File"))
"""


@pytest.mark.parametrize(("lang", "menu"), [("ko", "파일(&F)"), ("en", "&File")])
def test_lang_flag_saves_the_ui_language_the_app_then_uses(tmp_path: Path, lang, menu):
    # An English system locale: only the saved preference can make the app Korean.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    probe = [sys.executable, "-c", LANGUAGE_PROBE, str(SCRIPT), lang]
    result = subprocess.run(
        probe, cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [lang, menu]
    assert list(tmp_path.rglob("*.conf")), "the preference was not written under XDG_CONFIG_HOME"
