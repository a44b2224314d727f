"""Demo illustrations, recordings and videos, drawn and encoded locally (nothing is downloaded)."""

import contextlib
import io
import math
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from core.fonts import source_font_path

CARD_SIZE = (1200, 675)
VIDEO_SIZE = (640, 360)
WHITE = (255, 255, 255)


def _font(size: int, weight: int = 400) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(source_font_path()), size=size, layout_engine=ImageFont.Layout.RAQM)
    # A FreeType built without variation support still draws the default (regular) instance.
    with contextlib.suppress(OSError):
        font.set_variation_by_axes([weight, 100])  # axes: weight, width
    return font


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _symbol(draw: ImageDraw.ImageDraw, name: str, cx: int, cy: int, r: int, fill) -> None:
    """Simple flat pictograms from primitives; enough to tell the cards apart at a glance."""
    w = max(6, r // 8)
    if name == "shield":
        draw.polygon(
            [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy), (cx, cy + r * 1.2), (cx - r, cy)],
            outline=fill,
            width=w,
        )
        draw.line([(cx - r // 2, cy), (cx - r // 8, cy + r // 3), (cx + r // 2, cy - r // 3)], fill=fill, width=w)
    elif name == "house":
        draw.polygon([(cx - r, cy), (cx, cy - r), (cx + r, cy)], outline=fill, width=w)
        draw.rectangle([cx - r * 0.75, cy, cx + r * 0.75, cy + r], outline=fill, width=w)
        draw.ellipse([cx - r // 5, cy + r // 4, cx + r // 5, cy + r * 0.65], fill=fill)
    elif name == "people":
        for dx, scale in ((-r * 0.55, 1.0), (r * 0.55, 0.75)):
            hr = r * 0.28 * scale
            x = cx + dx
            base = cy + r
            draw.ellipse([x - hr, base - r * 1.5 * scale - hr, x + hr, base - r * 1.5 * scale + hr], fill=fill)
            draw.pieslice(
                [x - r * 0.5 * scale, base - r * 1.1 * scale, x + r * 0.5 * scale, base + r * 0.1],
                180,
                360,
                fill=fill,
            )
    elif name == "chat":
        draw.rounded_rectangle([cx - r, cy - r * 0.8, cx + r * 0.5, cy + r * 0.2], radius=r // 4, outline=fill, width=w)
        draw.rounded_rectangle([cx - r * 0.4, cy - r * 0.1, cx + r, cy + r * 0.9], radius=r // 4, fill=fill)
    elif name == "phone":
        draw.rounded_rectangle([cx - r * 0.5, cy - r, cx + r * 0.5, cy + r], radius=r // 5, outline=fill, width=w)
        draw.ellipse([cx - r // 10, cy + r * 0.7, cx + r // 10, cy + r * 0.9], fill=fill)
    elif name == "scales":
        draw.line([(cx, cy - r), (cx, cy + r)], fill=fill, width=w)
        draw.line([(cx - r, cy - r * 0.6), (cx + r, cy - r * 0.6)], fill=fill, width=w)
        for x in (cx - r, cx + r):
            draw.pieslice([x - r * 0.4, cy - r * 0.4, x + r * 0.4, cy + r * 0.3], 0, 180, fill=fill)
        draw.line([(cx - r * 0.5, cy + r), (cx + r * 0.5, cy + r)], fill=fill, width=w)
    elif name == "map":
        points = [
            (cx - r, cy - r * 0.7),
            (cx - r * 0.3, cy - r),
            (cx + r * 0.3, cy - r * 0.7),
            (cx + r, cy - r),
        ]
        points += [
            (cx + r, cy + r * 0.7),
            (cx + r * 0.3, cy + r),
            (cx - r * 0.3, cy + r * 0.7),
            (cx - r, cy + r),
        ]
        draw.polygon(points, outline=fill, width=w)
        draw.ellipse([cx - r // 5, cy - r // 5, cx + r // 5, cy + r // 5], fill=fill)
    elif name == "checklist":
        for i in range(3):
            y = cy - r * 0.7 + i * r * 0.7
            draw.rectangle([cx - r, y - r * 0.2, cx - r * 0.6, y + r * 0.2], outline=fill, width=w // 2 + 2)
            draw.line([(cx - r * 0.4, y), (cx + r, y)], fill=fill, width=w)
    elif name == "heart":
        draw.ellipse([cx - r, cy - r * 0.8, cx, cy + r * 0.2], fill=fill)
        draw.ellipse([cx, cy - r * 0.8, cx + r, cy + r * 0.2], fill=fill)
        draw.polygon([(cx - r * 0.97, cy - r * 0.15), (cx + r * 0.97, cy - r * 0.15), (cx, cy + r)], fill=fill)
    else:  # "book" and anything unknown
        draw.polygon(
            [(cx - r, cy - r * 0.7), (cx, cy - r * 0.5), (cx, cy + r * 0.8), (cx - r, cy + r * 0.6)],
            outline=fill,
            width=w,
        )
        draw.polygon(
            [(cx + r, cy - r * 0.7), (cx, cy - r * 0.5), (cx, cy + r * 0.8), (cx + r, cy + r * 0.6)],
            outline=fill,
            width=w,
        )


def _centred(draw: ImageDraw.ImageDraw, text: str, y: int, font, width: int, fill=WHITE) -> None:
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (box[2] - box[0])) / 2, y), text, font=font, fill=fill)


def draw_card(*, title_km: str, title_en: str, symbol: str, colour: str) -> bytes:
    """A PNG illustration card: pictogram and a bilingual caption, Khmer shaped by Raqm/HarfBuzz."""
    image = Image.new("RGB", CARD_SIZE, _hex(colour))
    draw = ImageDraw.Draw(image)
    width, height = CARD_SIZE
    base = _hex(colour)
    halo = tuple(min(255, c + 28) for c in base)
    draw.ellipse([width / 2 - 190, 70, width / 2 + 190, 450], fill=halo, outline=WHITE, width=6)
    _symbol(draw, symbol, width // 2, 260, 120, WHITE)
    _centred(draw, title_km, 480, _font(54, 700), width)
    _centred(draw, title_en, 580, _font(40), width, fill=(235, 240, 245))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def make_recording(*, seconds: float = 6.0, rate: int = 16000) -> bytes:
    """A short synthetic AAC recording (a soft chime): a stand-in for a trainer's narrated reading of the transcript."""
    notes = [523.25, 659.25, 783.99, 659.25]
    frames = bytearray()
    total = int(seconds * rate)
    for i in range(total):
        t = i / rate
        note = notes[int(t / seconds * len(notes)) % len(notes)]
        local = (t % (seconds / len(notes))) / (seconds / len(notes))
        envelope = math.exp(-4 * local)
        frames += struct.pack("<h", int(9000 * envelope * math.sin(2 * math.pi * note * t)))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "tone.wav"
        with wave.open(str(source), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(bytes(frames))
        target = Path(tmp) / "recording.m4a"
        _ffmpeg(["-i", str(source), "-c:a", "aac", "-b:a", "32k", str(target)])
        return target.read_bytes()


def _ffmpeg(arguments: list[str]) -> None:
    import imageio_ffmpeg

    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", *arguments]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed arguments, no shell


def make_slideshow(*, slides: list[tuple[str, str]], colour: str, seconds_per_slide: int = 3) -> bytes:
    """An MP4 (H.264) slideshow of bilingual text slides, encoded by the ffmpeg that imageio-ffmpeg ships."""
    width, height = VIDEO_SIZE
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for index, (km, en) in enumerate(slides):
            image = Image.new("RGB", VIDEO_SIZE, _hex(colour))
            draw = ImageDraw.Draw(image)
            draw.text((24, 18), f"{index + 1}/{len(slides)}", font=_font(22), fill=(220, 230, 240))
            _centred(draw, km, height // 2 - 70, _font(40, 700), width)
            _centred(draw, en, height // 2 + 20, _font(30), width, fill=(235, 240, 245))
            image.save(folder / f"slide{index:02d}.png")
        target = folder / "video.mp4"
        _ffmpeg([
            "-framerate", f"1/{seconds_per_slide}", "-i", str(folder / "slide%02d.png"),
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", "10", "-movflags", "+faststart", str(target),
        ])  # fmt: skip
        return target.read_bytes()
