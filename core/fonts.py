"""The self-hosted Khmer fallback font, cut at install time from the pinned Noto Sans Khmer package.

Most phones never download it: the stylesheet asks for the device's own Khmer font first.
"""

from pathlib import Path

import fontpkg_noto_sans_khmer
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

SOURCE = fontpkg_noto_sans_khmer.ROOT / "files" / "NotoSansKhmer[wdth,wght].ttf"
WEB_FONT_NAME = "noto-sans-khmer-subset.woff2"
# Change when the cut below changes, so machines that built the font before rebuild it.
BUILD_VERSION = "wdth100-wght400-700-khmer-1"
# Khmer, Khmer symbols, zero-width space/joiners (used to mark word breaks) and the dotted circle.
KHMER_UNICODES = [*range(0x1780, 0x1800), *range(0x19E0, 0x1A00), 0x200B, 0x200C, 0x200D, 0x25CC, 0x20]


def source_font_path() -> Path:
    """The full variable font, for renderers (PDF) that must not depend on the machine's fonts."""
    return SOURCE


def build_web_font(target_dir: Path) -> Path:
    """Write the Khmer-only woff2 (regular to bold on one variable axis) into target_dir; return its path."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / WEB_FONT_NAME
    font = TTFont(SOURCE)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Khmer shaping needs every GSUB/GPOS feature
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=KHMER_UNICODES)
    subsetter.subset(font)
    # One width and the weights pages use (regular to bold) are enough on a phone: 31 KB instead of 45.
    font = instancer.instantiateVariableFont(font, {"wdth": 100, "wght": (400, 700)})
    tmp = target.with_suffix(".tmp")
    font.flavor = "woff2"
    font.save(tmp)
    tmp.replace(target)
    stamp_path(target_dir).write_text(BUILD_VERSION)
    return target


def stamp_path(target_dir: Path) -> Path:
    return target_dir / "build-version.txt"


def is_current(target_dir: Path) -> bool:
    target = target_dir / WEB_FONT_NAME
    stamp = stamp_path(target_dir)
    return (
        target.exists()
        and stamp.exists()
        and stamp.read_text() == BUILD_VERSION
        and target.stat().st_mtime >= SOURCE.stat().st_mtime
    )
