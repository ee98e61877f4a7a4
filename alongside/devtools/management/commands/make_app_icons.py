"""Draw the installed app's PNG icons from the favicon's shapes (two circles side by side).

The PNGs are committed under static/img/; run this again only when the design changes:
`python manage.py make_app_icons`. Plain Python (zlib), so it needs no imaging library.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

Colour = tuple[int, int, int]

PAPER: Colour = (0xFB, 0xF8, 0xF4)
BRAND: Colour = (0x2F, 0x5D, 0x62)
WARM: Colour = (0xD9, 0x8E, 0x73)
WHITE: Colour = (0xFF, 0xFF, 0xFF)
# The favicon's circles on its 32-unit grid: (centre x, centre y, radius, colour, opacity).
CIRCLES = [(11.0, 16.0, 8.0, BRAND, 1.0), (21.0, 16.0, 8.0, WARM, 0.85)]
# Both circles reach 13 units from the centre; a maskable icon keeps its content within a
# circle of 40% of its size (the rest may be cropped by the phone's mask).
REACH = 13.0
SAMPLES = 4  # per axis, for smooth edges


def _blend(under: Colour, over: Colour, alpha: float) -> Colour:
    return (
        round(under[0] + (over[0] - under[0]) * alpha),
        round(under[1] + (over[1] - under[1]) * alpha),
        round(under[2] + (over[2] - under[2]) * alpha),
    )


def draw(size: int, *, badge: bool = False) -> bytes:
    """RGBA pixels. The badge (Android's small status-bar icon) is a white silhouette on
    transparent; the others are the coloured circles on paper."""
    scale = 0.38 * size / REACH
    offset = size / 2 - 16 * scale
    rows = []
    step = 1 / SAMPLES
    for y in range(size):
        row = bytearray()
        for x in range(size):
            colour, covered = PAPER, 0
            total = [0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    ux = (x + (sx + 0.5) * step - offset) / scale
                    uy = (y + (sy + 0.5) * step - offset) / scale
                    colour = PAPER
                    inside = False
                    for cx, cy, r, fill, opacity in CIRCLES:
                        if (ux - cx) ** 2 + (uy - cy) ** 2 <= r * r:
                            colour = _blend(colour, fill, opacity)
                            inside = True
                    covered += inside
                    for i in range(3):
                        total[i] += colour[i]
            n = SAMPLES * SAMPLES
            if badge:
                row += bytes((*WHITE, round(255 * covered / n)))
            else:
                row += bytes((*(round(c / n) for c in total), 255))
        rows.append(bytes(row))
    return b"".join(b"\x00" + row for row in rows)


def png(size: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 9))
        + chunk(b"IEND", b"")
    )


ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "apple-touch-icon.png": (180, False),
    "badge-96.png": (96, True),
}


class Command(BaseCommand):
    help = "Draw the installed app's PNG icons into alongside/static/img/."

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(settings.BASE_DIR) / "alongside" / "static" / "img"
        for name, (size, badge) in ICONS.items():
            (folder / name).write_bytes(png(size, draw(size, badge=badge)))
            self.stdout.write(f"Wrote {folder / name}")
