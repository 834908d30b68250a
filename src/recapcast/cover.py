"""The show's cover art: the configured image, or a generated default (owns Pillow)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from recapcast.errors import ConfigError

__all__ = ["COVER_SIZE", "default_cover", "load_cover"]

COVER_SIZE = 3000


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
    image.save(out, format="JPEG", quality=88)
    return out.getvalue()


def load_cover(path: Path) -> tuple[bytes, str]:
    """Read a cover image as (JPEG or PNG bytes, MIME type), converting what Apple refuses."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            fmt = image.format
            if image.width != image.height:
                raise ConfigError(f"cover {path} is {image.width}x{image.height}, not square",
                                  "use a square image of 1400 to 3000 px")
            if fmt in ("JPEG", "PNG") and image.mode == "RGB" and 1400 <= image.width <= 3000:
                return path.read_bytes(), f"image/{fmt.lower()}"
            converted = image.convert("RGB")
            if converted.width > 3000:
                converted = converted.resize((3000, 3000), Image.LANCZOS)
            elif converted.width < 1400:
                converted = converted.resize((1400, 1400), Image.LANCZOS)
            out = io.BytesIO()
            converted.save(out, format="JPEG", quality=90)
            return out.getvalue(), "image/jpeg"
    except FileNotFoundError:
        raise ConfigError(f"cover {path} not found", "fix [show] cover in recapcast.toml") from None
    except Image.DecompressionBombError:
        raise ConfigError(f"cover {path} is too large to open safely",
                          "use a square image of 1400 to 3000 px") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise ConfigError(f"cover {path} is not a readable image: {exc}") from None
