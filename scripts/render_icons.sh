#!/usr/bin/env bash
# Re-create the application icon files in resources/icons/ from the hand-written SVGs:
#   post-editor-{16,32,48,64,128,256,512}.png   16 px from post-editor-16.svg (drawn for
#                                               16 px), the rest from post-editor.svg
#   post-editor.ico                             Windows, 16-256 px in one file
#   post-editor.icns                            macOS, 16-512 px (and @2x)
# The rendered files are committed, so neither the app nor the build needs these tools;
# run this only after editing an SVG. Needs rsvg-convert (apt-get install librsvg2-bin;
# ImageMagick's own SVG renderer draws too coarsely) and ImageMagick's convert for the .ico.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"

for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "render_icons: $tool is missing" >&2; exit 1; }
done

sizes=(16 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  source_svg=post-editor.svg
  ((size == 16)) && source_svg=post-editor-16.svg
  rsvg-convert --width "$size" --height "$size" "$source_svg" --output "post-editor-$size.png"
done

# ICO keeps at most 256 px; -define png:exclude-chunks keeps ImageMagick's time stamps out.
convert post-editor-{16,32,48,64,128,256}.png -define png:exclude-chunks=date,time \
  post-editor.ico

# ICNS: a big-endian "icns" header, then (type, length, data) entries. 16/32/48 px use the
# classic RGB + 8-bit mask types every macOS reads; 128 px and up (and the @2x sizes) are PNG
# entries, as Apple's iconutil writes them (macOS 10.7+). No icnsutils needed.
for size in 16 32 48; do
  convert "post-editor-$size.png" -depth 8 "rgba:post-editor-$size.rgba"
done
python3 - <<'PYTHON'
import struct
from pathlib import Path

CLASSIC = [(b"is32", b"s8mk", 16), (b"il32", b"l8mk", 32), (b"ih32", b"h8mk", 48)]
PNG_TYPES = [  # (type, PNG size in pixels): 1x 128-512, then @2x of 16-256 points
    (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
]


def entry(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack(">I", 8 + len(data)) + data


def literal_runs(channel: bytes) -> bytes:
    """Apple's RLE with literal runs only (lead byte n < 0x80: n + 1 bytes follow)."""
    return b"".join(
        bytes([len(channel[i : i + 128]) - 1]) + channel[i : i + 128]
        for i in range(0, len(channel), 128)
    )


body = b""
for kind, mask_kind, size in CLASSIC:
    rgba_file = Path(f"post-editor-{size}.rgba")
    rgba = rgba_file.read_bytes()
    rgba_file.unlink()
    assert len(rgba) == size * size * 4, (size, len(rgba))
    rgb = b"".join(literal_runs(rgba[channel::4]) for channel in range(3))
    body += entry(kind, rgb) + entry(mask_kind, rgba[3::4])
for kind, size in PNG_TYPES:
    body += entry(kind, Path(f"post-editor-{size}.png").read_bytes())
Path("post-editor.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PYTHON

ls -l post-editor*
