#!/usr/bin/env python3
"""Draws the explorer's app icons as PNG (three bars on NHS blue) with only the
standard library, so no image tool is needed. Run once after changing the
design: python3 scripts/make-icons.py"""
import struct
import zlib
from pathlib import Path

BLUE = (0x00, 0x5E, 0xB8, 255)
WHITE = (255, 255, 255, 255)
YELLOW = (0xFF, 0xBF, 0x47, 255)
CLEAR = (0, 0, 0, 0)


def png(width, height, pixel):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def icon(size, maskable):
    # Bars as fractions of the 64-unit design in public/icon.svg; a maskable
    # icon fills the square and keeps the bars inside the central safe zone.
    scale = size / 64
    inset = 0.1 if maskable else 0.0
    bars = [(12, 34, 9, 18, WHITE), (27.5, 22, 9, 30, WHITE), (43, 12, 9, 40, YELLOW)]
    radius = 0 if maskable else 12 * scale

    def inside_rounded(x, y):
        if radius == 0:
            return True
        cx = min(max(x, radius), size - radius)
        cy = min(max(y, radius), size - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2

    def pixel(x, y):
        px, py = x + 0.5, y + 0.5
        if not inside_rounded(px, py):
            return CLEAR
        # Map into the design's coordinates, shrunk towards the centre for maskable.
        u = (px / scale - 32) / (1 - 2 * inset) + 32
        v = (py / scale - 32) / (1 - 2 * inset) + 32
        for bx, by, bw, bh, colour in bars:
            if bx <= u <= bx + bw and by <= v <= by + bh:
                return colour
        return BLUE

    return png(size, size, pixel)


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    (out / f"icon-{size}.png").write_bytes(icon(size, maskable=False))
(out / "icon-maskable-512.png").write_bytes(icon(512, maskable=True))
print("icons written to", out)
