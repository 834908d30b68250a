"""Cover art against Apple's rules: square, 1400 to 3000 px, RGB, JPEG or PNG."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from conftest import make_show, run_cli
from recapcast.errors import ConfigError
from recapcast.release.cover import default_cover, load_cover


def _save(path: Path, mode: str, size: tuple[int, int], fmt: str, color=None) -> Path:
    Image.new(mode, size, color if color is not None else 128).save(path, format=fmt)
    return path


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_default_cover_is_a_3000px_rgb_jpeg():
    image = _open(default_cover("Recapcast: Jessica Jones", "The recapcast team"))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (3000, 3000))


def test_a_conforming_cover_is_used_as_it_is(tmp_path: Path):
    path = _save(tmp_path / "c.jpg", "RGB", (1400, 1400), "JPEG", (10, 20, 30))
    assert load_cover(path) == (path.read_bytes(), "image/jpeg")


@pytest.mark.parametrize(("mode", "size", "fmt", "want"), [
    ("RGBA", (2000, 2000), "PNG", ("PNG", (2000, 2000), "image/png")),
    ("P", (1500, 1500), "PNG", ("PNG", (1500, 1500), "image/png")),
    ("CMYK", (3500, 3500), "JPEG", ("JPEG", (3000, 3000), "image/jpeg")),
    ("L", (1600, 1600), "JPEG", ("JPEG", (1600, 1600), "image/jpeg")),
    ("RGB", (1800, 1800), "WEBP", ("JPEG", (1800, 1800), "image/jpeg")),
    ("RGB", (1800, 1800), "BMP", ("JPEG", (1800, 1800), "image/jpeg")),
])
def test_fixable_covers_are_converted(tmp_path: Path, mode, size, fmt, want):
    path = _save(tmp_path / f"cover.{fmt.lower()}", mode, size, fmt)
    data, mime = load_cover(path)
    image = _open(data)
    assert (image.format, image.size, mime) == want
    assert image.mode == "RGB"


def test_transparency_is_flattened_onto_white(tmp_path: Path):
    path = _save(tmp_path / "c.png", "RGBA", (1400, 1400), "PNG", (0, 0, 0, 0))
    image = _open(load_cover(path)[0])
    assert image.getpixel((0, 0)) == (255, 255, 255)


@pytest.mark.parametrize(("size", "needle"), [((2000, 1500), "not square"),
                                              ((1000, 1000), "under Apple's 1400x1400")])
def test_unfixable_covers_are_refused_with_a_hint(tmp_path: Path, size, needle):
    path = _save(tmp_path / "c.jpg", "RGB", size, "JPEG")
    with pytest.raises(ConfigError) as caught:
        load_cover(path)
    assert needle in caught.value.message and caught.value.hint


def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path):
    path = tmp_path / "c.jpg"
    path.write_text("not an image")
    with pytest.raises(ConfigError, match="not a readable image"):
        load_cover(path)


def test_configured_cover_is_converted_published_and_embedded(tmp_path: Path):
    show = make_show(tmp_path / "show")
    _save(show / "art.png", "RGBA", (3200, 3200), "PNG", (200, 30, 30, 255))
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace(
        'owner_email = "tests@example.com"',
        'owner_email = "tests@example.com"\ncover = "art.png"'))
    report = json.loads(run_cli("build", "ep3", "--json", cwd=show, check=True).stdout)
    cover = Path(report["cover"])
    assert cover == show / "feed" / "cover.png"
    with Image.open(cover) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGB", (3000, 3000))
    from mutagen.id3 import ID3

    apic = ID3(report["audio"]).getall("APIC")[0]
    assert apic.mime == "image/png" and apic.data == cover.read_bytes()
    assert 'href="http://127.0.0.1:8000/feed/cover.png"' in (show / "feed" / "feed.xml").read_text()


def test_a_non_square_configured_cover_stops_the_build(tmp_path: Path):
    show = make_show(tmp_path / "show")
    _save(show / "art.jpg", "RGB", (1600, 1400), "JPEG")
    config = show / "recapcast.toml"
    config.write_text(config.read_text().replace(
        'owner_email = "tests@example.com"',
        'owner_email = "tests@example.com"\ncover = "art.jpg"'))
    result = run_cli("build", "ep3", cwd=show)
    assert result.returncode == 1
    assert "not square" in result.stderr and "hint:" in result.stderr
