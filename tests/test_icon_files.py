"""The application icon files in resources/icons: every PNG size, the Windows .ico and the
macOS .icns hold what they claim (read from their headers), show the product's colours on a
transparent ground, and are what scripts/render_icons.sh makes from the SVGs."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor.resources import ICON_SIZES, icon_png_paths, icon_svg_path, icons_dir

REPO = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TISTORY_RED = (0xEE, 0x23, 0x23)
TISTORY_BLUE = (0x1A, 0x54, 0x90)
ICO_SIZES = {16, 32, 48, 64, 128, 256}  # an .ico entry holds at most 256 px
ICNS_PNG_TYPES = {  # type -> pixels (Apple's 1x and @2x PNG entries)
    b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic11": 32, b"ic12": 64, b"ic13": 256,
    b"ic14": 512,
}  # fmt: skip
ICNS_CLASSIC_TYPES = {b"is32": (b"s8mk", 16), b"il32": (b"l8mk", 32), b"ih32": (b"h8mk", 48)}


def png_header(data: bytes) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from a PNG's IHDR chunk."""
    assert data[:8] == PNG_SIGNATURE, data[:8]
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


def rgba_pixels(path_or_data) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """Decoded with QImage (no QApplication needed): width, height, RGBA row by row."""
    from PySide6.QtGui import QImage

    image = QImage()
    if isinstance(path_or_data, Path):
        assert image.load(str(path_or_data)), path_or_data
    else:
        assert image.loadFromData(path_or_data), "undecodable image data"
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = bytes(image.constBits())[: image.sizeInBytes()]
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = [
        tuple(raw[y * stride + 4 * x : y * stride + 4 * x + 4])
        for y in range(height)
        for x in range(width)
    ]
    return width, height, pixels


# ----------------------------------------------------------------- PNG


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_has_its_size_and_an_alpha_channel(size: int) -> None:
    path = icon_png_paths()[size]
    assert path == REPO / "resources" / "icons" / f"post-editor-{size}.png"
    width, height, depth, colour = png_header(path.read_bytes())
    assert (width, height) == (size, size)
    assert (depth, colour) == (8, 6)  # 8-bit RGBA


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_shows_tistory_red_and_blue_on_a_transparent_ground(size: int) -> None:
    _w, _h, pixels = rgba_pixels(icon_png_paths()[size])
    opaque = [pixel[:3] for pixel in pixels if pixel[3] == 255]
    # the red span and the blue lines are drawn pixel-exact at every size
    assert opaque.count(TISTORY_RED) >= size // 4, opaque.count(TISTORY_RED)
    assert opaque.count(TISTORY_BLUE) >= size, opaque.count(TISTORY_BLUE)
    corners = [pixels[0], pixels[size - 1], pixels[-size]]
    assert all(pixel[3] == 0 for pixel in corners), corners
    visible = sum(pixel[3] > 0 for pixel in pixels) / len(pixels)
    assert 0.5 < visible < 0.9, visible  # a page shape, not a blank or a filled square


def test_the_16_px_png_is_drawn_on_whole_pixels() -> None:
    """The 16 px icon comes from its own pixel drawing: no blurred, half-covered pixels."""
    _w, _h, pixels = rgba_pixels(icon_png_paths()[16])
    assert {pixel[3] for pixel in pixels} == {0, 255}


def test_the_large_pngs_match_the_svg_drawn_by_qt() -> None:
    """A stale PNG (an SVG edited without re-running render_icons.sh) differs a lot; Qt's
    and librsvg's antialiasing differ only a little."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(icon_svg_path()))
    assert renderer.isValid()
    for size in (64, 256):
        drawn = QImage(size, size, QImage.Format.Format_RGBA8888)
        drawn.fill(Qt.GlobalColor.transparent)
        painter = QPainter(drawn)
        renderer.render(painter)
        painter.end()
        buffer = bytes(drawn.constBits())[: drawn.sizeInBytes()]
        _w, _h, committed = rgba_pixels(icon_png_paths()[size])
        qt = [tuple(buffer[i : i + 4]) for i in range(0, len(buffer), 4)]
        far = sum(max(abs(a - b) for a, b in zip(p, q, strict=True)) > 64 for p, q in zip(
            committed, qt, strict=True))  # fmt: skip
        assert far / len(qt) < 0.005, f"{size} px: {far} pixels differ from the SVG"


def test_the_svgs_are_hand_sized_and_use_the_product_colours() -> None:
    for path, view_box in ((icon_svg_path(), "0 0 64 64"), (icons_dir() / "post-editor-16.svg",
                                                             "0 0 16 16")):  # fmt: skip
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.get("viewBox") == view_box
        text = path.read_text(encoding="utf-8").lower()
        assert "#ee2323" in text and "#1a5490" in text
        assert "<image" not in text and "base64" not in text  # drawn, not an embedded bitmap


# ----------------------------------------------------------------- Windows .ico


def ico_entries(data: bytes) -> dict[int, bytes]:
    """{pixels: image data} from an ICONDIR (a width byte of 0 means 256)."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)  # 1 = icon (2 would be a cursor)
    entries = {}
    for index in range(count):
        width, height, _c, _r, _planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == height and bits == 32
        assert offset + size <= len(data)
        entries[width or 256] = data[offset : offset + size]
    return entries


def test_the_ico_holds_every_size_up_to_256_in_32_bit_colour() -> None:
    entries = ico_entries((icons_dir() / "post-editor.ico").read_bytes())
    assert set(entries) == ICO_SIZES
    for size, blob in entries.items():
        if blob.startswith(PNG_SIGNATURE):
            assert png_header(blob)[:2] == (size, size)
        else:  # BITMAPINFOHEADER: height counts the colour rows and the mask rows
            header, width, height = struct.unpack("<Iii", blob[:12])
            assert (header, width, height) == (40, size, 2 * size)


def test_the_ico_images_are_the_pngs() -> None:
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(icons_dir() / "post-editor.ico"))
    found = {}
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        found[image.width()] = image.convertToFormat(image.Format.Format_RGBA8888)
    assert set(found) == ICO_SIZES
    for size in (16, 48, 256):
        _w, _h, expected = rgba_pixels(icon_png_paths()[size])
        image = found[size]
        raw = bytes(image.constBits())[: image.sizeInBytes()]
        got = [tuple(raw[i : i + 4]) for i in range(0, len(raw), 4)]
        assert [pixel[3] for pixel in got] == [pixel[3] for pixel in expected], size
        # Qt's ICO reader goes through premultiplied alpha: faint edge pixels round by a step
        colour_off = [
            (g, e) for g, e in zip(got, expected, strict=True)
            if max(abs(a - b) for a, b in zip(g[:3], e[:3], strict=True)) > (e[3] < 128) * 4
        ]  # fmt: skip
        assert colour_off == [], (size, colour_off[:5])


# ----------------------------------------------------------------- macOS .icns


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    magic, total = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and total == len(data)
    entries, offset = {}, 8
    while offset < total:
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        assert length >= 8 and offset + length <= total, (kind, length)
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    return entries


def unpack_icns_rle(data: bytes, pixels: int) -> bytes:
    """Apple's per-channel RLE: n < 0x80 -> n + 1 literal bytes; else next byte n - 125 times."""
    out, index = bytearray(), 0
    while index < len(data):
        lead = data[index]
        if lead < 0x80:
            out += data[index + 1 : index + 2 + lead]
            index += 2 + lead
        else:
            out += bytes([data[index + 1]]) * (lead - 0x80 + 3)
            index += 2
    assert len(out) == 3 * pixels
    return bytes(out)


def test_the_icns_holds_png_entries_of_the_right_sizes() -> None:
    entries = icns_entries((icons_dir() / "post-editor.icns").read_bytes())
    assert set(entries) == set(ICNS_PNG_TYPES) | {
        kind for pair in ICNS_CLASSIC_TYPES.items() for kind in (pair[0], pair[1][0])
    }
    for kind, size in ICNS_PNG_TYPES.items():
        assert png_header(entries[kind])[:2] == (size, size), kind
        assert entries[kind] == icon_png_paths()[size].read_bytes()


def test_the_icns_small_sizes_are_the_pngs_pixels() -> None:
    entries = icns_entries((icons_dir() / "post-editor.icns").read_bytes())
    for kind, (mask_kind, size) in ICNS_CLASSIC_TYPES.items():
        rgb = unpack_icns_rle(entries[kind], size * size)
        channels = [rgb[i * size * size : (i + 1) * size * size] for i in range(3)]
        _w, _h, expected = rgba_pixels(icon_png_paths()[size])
        assert entries[mask_kind] == bytes(pixel[3] for pixel in expected), kind
        for channel in range(3):  # colour matters only where the mask shows it
            got = [value for value, pixel in zip(channels[channel], expected, strict=True)
                   if pixel[3]]  # fmt: skip
            assert got == [pixel[channel] for pixel in expected if pixel[3]], (kind, channel)


# ----------------------------------------------------------------- the render script


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg2-bin not installed")
def test_render_icons_recreates_the_committed_files(tmp_path) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "render_icons.sh", tmp_path / "scripts")
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    for svg in icons_dir().glob("*.svg"):
        shutil.copy(svg, tmp_path / "resources" / "icons")
    result = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "render_icons.sh")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in (tmp_path / "resources" / "icons").iterdir())
    committed = sorted(p.name for p in icons_dir().iterdir())
    assert made == committed
    for name in made:
        fresh = (tmp_path / "resources" / "icons" / name).read_bytes()
        assert fresh == (icons_dir() / name).read_bytes(), f"{name} is stale: run the script"


def test_qts_icns_reader_decodes_every_entry() -> None:
    """A second, independent reader (Qt's icns plugin), as macOS itself is not at hand."""
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(icons_dir() / "post-editor.icns"))
    widths = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull() and image.width() == image.height(), index
        widths.append(image.width())
    assert sorted(widths) == sorted([16, 32, 48, *ICNS_PNG_TYPES.values()])
