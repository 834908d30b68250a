"""The show's cover art: the configured image, or a generated default (owns Pillow)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from recapcast.errors import ConfigError

__all__ = ["COVER_SIZE", "MIN_SIZE", "DPI", "default_cover", "load_cover", "cover_dpi"]

COVER_SIZE = 3000
"""The largest cover Apple accepts, and the size of the generated one."""
MIN_SIZE = 1400
DPI = 72
"""The pixel density Apple asks a cover to declare (JPEG JFIF or PNG pHYs)."""


def default_cover(title: str, subtitle: str = "", size: int = COVER_SIZE) -> bytes:
    """A JPEG of ``size`` square: the show title on a two-tone designed background."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), (24, 22, 48))
    draw = ImageDraw.Draw(image)
    # Diagonal bands give the cover depth without any borrowed artwork.
    for i in range(12):
        shade = (40 + i * 12, 30 + i * 4, 90 + i * 8)
        offset = i * size // 10
        draw.polygon([(offset, size), (size, offset), (size, size)], fill=shade)
    draw.rectangle([size // 12, size // 12, size - size // 12, size - size // 12],
                   outline=(250, 196, 70), width=max(4, size // 100))
    font = ImageFont.load_default(size=size // 11)
    small = ImageFont.load_default(size=size // 24)
    lines = textwrap.wrap(title, width=14) or [title]
    y = size // 4
    for line in lines[:5]:
        draw.text((size // 2, y), line, font=font, fill=(255, 255, 255), anchor="mt")
        y += int(size / 11 * 1.15)
    if subtitle:
        draw.text((size // 2, size - size // 5), subtitle, font=small, fill=(250, 196, 70),
                  anchor="mt")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88, dpi=(DPI, DPI))
    return out.getvalue()


def load_cover(path: Path) -> tuple[bytes, str]:
    """Read a cover image as (JPEG or PNG bytes, MIME type) that meets Apple's rules.

    Apple wants a square RGB JPEG or PNG of 1400 to 3000 px. A square image in another
    format or colour mode, or larger than 3000 px, is converted (to JPEG, or PNG when it
    was a PNG); one that is not square or is under 1400 px cannot be fixed without
    distorting or blurring it, so it is refused with a hint.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            opened.load()
            fmt = opened.format
            rotated = opened.getexif().get(0x0112, 1) != 1
            image = ImageOps.exif_transpose(opened)
    except FileNotFoundError:
        raise ConfigError(f"cover {path} not found", "fix [show] cover in recapcast.toml") from None
    except Image.DecompressionBombError:
        raise ConfigError(f"cover {path} is too large to open safely",
                          "use a square image of 1400 to 3000 px") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise ConfigError(f"cover {path} is not a readable image: {exc}",
                          "use a square JPEG or PNG of 1400 to 3000 px") from None
    if image.width != image.height:
        raise ConfigError(f"cover {path} is {image.width}x{image.height}, not square",
                          "crop it to a square of 1400 to 3000 px")
    if image.width < MIN_SIZE:
        raise ConfigError(f"cover {path} is {image.width}x{image.height}, under Apple's "
                          f"{MIN_SIZE}x{MIN_SIZE} minimum",
                          f"use an image of {MIN_SIZE} to {COVER_SIZE} px (upscaling blurs it)")
    if fmt in ("JPEG", "PNG") and image.mode == "RGB" and image.width <= COVER_SIZE \
            and not rotated:
        return path.read_bytes(), f"image/{fmt.lower()}"
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in
                                              image.info):
        # Transparency shows as black in some apps: flatten onto white.
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, (255, 255, 255))
        image.paste(rgba, mask=rgba.getchannel("A"))
    else:
        image = image.convert("RGB")
    if image.width > COVER_SIZE:
        image = image.resize((COVER_SIZE, COVER_SIZE), Image.LANCZOS)
    out = io.BytesIO()
    if fmt == "PNG":
        image.save(out, format="PNG", optimize=True, dpi=(DPI, DPI))
        return out.getvalue(), "image/png"
    image.save(out, format="JPEG", quality=90, dpi=(DPI, DPI))
    return out.getvalue(), "image/jpeg"


def cover_dpi(data: bytes) -> tuple[float, float] | None:
    """The density an image declares, in dots per inch, or None when it declares none.

    JPEG: the JFIF header (or, without one, the EXIF resolution); PNG: its pHYs chunk.
    A JFIF header that gives only an aspect ratio declares no density.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            dpi = image.info.get("dpi")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None
    if not dpi or not all(dpi):
        return None
    return float(dpi[0]), float(dpi[1])
