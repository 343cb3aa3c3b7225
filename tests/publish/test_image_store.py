"""editor.core.image_store: safe names, content de-duplication, symlinks refused."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from editor.core.image_store import (
    UnsafePathError,
    choose_image_target,
    numbered_image_name,
    safe_image_name,
    store_image,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPG = b"\xff\xd8\xff\xe0" + b"jpegdata"


def make_site(tmp_path: Path) -> SimpleNamespace:
    root = tmp_path / "site"
    root.mkdir()
    return SimpleNamespace(root=root, image_dir=root / "assets" / "img")


@pytest.mark.parametrize(
    ("hint", "data", "expected"),
    [
        ("photo.PNG", PNG, "photo.png"),
        ("../../etc/passwd.png", PNG, "passwd.png"),
        ("C:\\Users\\me\\shot.jpg", JPG, "shot.jpg"),
        ("/abs/path/pic.jpeg", JPG, "pic.jpeg"),
        ("noext", JPG, "noext.jpg"),
        ("evil.exe", PNG, "evil.png"),
        ("CON.png", PNG, "img-CON.png"),
        ("nul", PNG, "img-nul.png"),
        ("a b\x00c.gif", b"GIF89a", "a-bc.gif"),
        ("café.png", PNG, "cafe.png"),
        ("..", PNG, None),
        ("照片.png", PNG, None),
        # Korean names are romanised (the corpus's image names are all ASCII), spaces -> '-'
        ("스크린샷.png", PNG, "seukeurinsyat.png"),
        ("가을 사진 (1).png", PNG, "gaeul-sajin-1.png"),
        ("Photo 가을_2024.JPG", JPG, "Photo-gaeul_2024.jpg"),
        ("디지털 전환!?.png", PNG, "dijiteol-jeonhwan.png"),
        ("\u1100\u1161\u110b\u1173\u11af.png", PNG, "gaeul.png"),  # macOS's NFD 가을
    ],
)
def test_safe_image_name(hint: str, data: bytes, expected: str | None) -> None:
    name = safe_image_name(hint, data)
    assert name.isascii() and "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".")
    if expected is None:
        assert name.startswith("image-") and name.endswith(".png")
    else:
        assert name == expected


def test_safe_image_name_caps_length() -> None:
    name = safe_image_name("x" * 300 + ".png", PNG)
    assert len(name) <= 90 and name.endswith(".png")


def test_store_creates_folder_and_returns_url(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    url = store_image(site, PNG, "shot.png")
    assert url == "/assets/img/shot.png"
    assert (site.image_dir / "shot.png").read_bytes() == PNG


def test_identical_content_reused_under_any_name(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    first = store_image(site, PNG, "one.png")
    again = store_image(site, PNG, "two.png")
    assert first == again == "/assets/img/one.png"
    assert sorted(p.name for p in site.image_dir.iterdir()) == ["one.png"]


def test_name_clash_with_other_content_adds_hash(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    store_image(site, PNG, "shot.png")
    other = PNG + b"different"
    url = store_image(site, other, "shot.png")
    assert url.startswith("/assets/img/shot-") and url.endswith(".png")
    assert (site.root / url.lstrip("/")).read_bytes() == other
    assert (site.image_dir / "shot.png").read_bytes() == PNG


def test_pending_targets_do_not_collide(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    first, _, _ = choose_image_target(site, PNG, "a.png")
    second, _, reuse = choose_image_target(site, PNG + b"x", "a.png", {first: PNG})
    assert second != first and not reuse
    same, _, reuse = choose_image_target(site, PNG, "b.png", {first: PNG})
    assert same == first and reuse


def test_symlinked_image_folder_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (site.root / "assets").mkdir()
    os.symlink(outside, site.image_dir)
    with pytest.raises(UnsafePathError):
        store_image(site, PNG, "x.png")
    assert list(outside.iterdir()) == []


def test_symlinked_parent_folder_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    outside = tmp_path / "outside"
    (outside / "img").mkdir(parents=True)
    os.symlink(outside, site.root / "assets")
    with pytest.raises(UnsafePathError):
        store_image(site, PNG, "x.png")
    assert list((outside / "img").iterdir()) == []


def test_symlinked_target_file_refused_not_overwritten(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    site.image_dir.mkdir(parents=True)
    victim = tmp_path / "victim.png"
    victim.write_bytes(b"keep me")
    os.symlink(victim, site.image_dir / "x.png")
    with pytest.raises(UnsafePathError):
        store_image(site, PNG, "x.png")
    assert victim.read_bytes() == b"keep me"


def test_image_dir_outside_site_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    site.image_dir = site.root / ".." / "elsewhere"
    with pytest.raises(UnsafePathError):
        store_image(site, PNG, "x.png")
    assert not (tmp_path / "elsewhere").exists()


def test_numbered_image_name_takes_the_next_free_number(tmp_path: Path) -> None:
    folder = tmp_path / "img"
    assert numbered_image_name(folder, "2023-09-29-digital-transformation") == (
        "2023-09-29-digital-transformation-1.png"
    )
    folder.mkdir()
    (folder / "2023-09-29-digital-transformation-1.png").write_bytes(PNG)
    (folder / "2023-09-29-digital-transformation-2.jpg").write_bytes(JPG)
    assert numbered_image_name(folder, "2023-09-29-digital-transformation", ".png") == (
        "2023-09-29-digital-transformation-2.png"
    )
    assert numbered_image_name(folder, "2024-01-02-가을 여행") == "2024-01-02-gaeul-yeohaeng-1.png"
    assert numbered_image_name(folder, "照片") == "image-1.png"
