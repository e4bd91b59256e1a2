"""Builds SmileBackSans-Regular.ttf and SmileBackSans-Bold.ttf: one font file per weight
that draws Latin (all accents), Greek, Cyrillic, Chinese, Japanese and Korean.

Run once, by hand; its output is committed and the app never runs it:

    python assets/fonts/text/make_fonts.py          # needs apt-get and dpkg-deb (Debian)

Why one merged file: Kivy's SDL2 text provider draws a Label with a single font file and
has no fallback chain, so every script a name or a note may use must be in that file.

Sources (both SIL Open Font License 1.1, see OFL.txt), from Debian 12 "bookworm":
- fonts-noto-core 20201225-1: NotoSans-Regular.ttf / NotoSans-Bold.ttf (Noto Sans 2.004),
  kept whole: Latin with every accent, Greek, Cyrillic, punctuation.
- fonts-noto-cjk 1:20220127+repack1-1: NotoSansCJK-Regular.ttc / -Bold.ttc, face
  "Noto Sans CJK SC" (2.004), cut down to the common characters:
  GB 2312 (6,763 hanzi + symbols), JIS X 0208 level 1 kanji and its kana and symbols rows,
  KS X 1001 Hangul (2,350 syllables + jamo), all kana, CJK punctuation, full/half-width forms.
  A Han character outside those sets (a rare name character, most traditional-only forms)
  draws as the missing-glyph box. The SC face gives Chinese shapes to characters shared with
  Japanese; one file can hold only one shape per character.

What is changed: the CJK outlines are converted from cubic (CFF) to quadratic (TrueType)
curves, as one file must hold one kind; hinting and the OpenType layout tables are dropped
(neither Kivy's SDL2_ttf nor fpdf2 use them without HarfBuzz); the line height is Noto
Sans's, so text keeps the height it has in Latin. The family is renamed "SmileBack Sans",
as the OFL asks of modified versions.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
PACKAGES = ("fonts-noto-core=20201225-1", "fonts-noto-cjk=1:20220127+repack1-1")
LATIN = "usr/share/fonts/truetype/noto/NotoSans-{weight}.ttf"
CJK = "usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
CJK_FACE = "Noto Sans CJK SC"
FAMILY = "SmileBack Sans"
WEIGHTS = ("Regular", "Bold")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _unpack_packages(root)
        for weight in WEIGHTS:
            out = HERE / f"SmileBackSans-{weight}.ttf"
            build(root / LATIN.format(weight=weight), root / CJK.format(weight=weight), weight, out)
            print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB")


def _unpack_packages(root: Path) -> None:
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=root, check=True)
    for deb in root.glob("*.deb"):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)


def build(latin_path: Path, cjk_path: Path, weight: str, out: Path) -> None:
    latin = _strip(TTFont(latin_path), unicodes="*")
    cjk = next(f for f in TTCollection(cjk_path).fonts if f["name"].getDebugName(4).startswith(CJK_FACE))
    # Characters the Latin font has keep its shapes: the CJK face's Latin is monospaced-ish.
    wanted = cjk_characters() - set(latin.getBestCmap())
    cjk = _to_quadratic(_strip(cjk, unicodes=sorted(wanted)))
    with tempfile.TemporaryDirectory() as tmp:
        parts = [Path(tmp) / "latin.ttf", Path(tmp) / "cjk.ttf"]
        latin.save(parts[0])
        cjk.save(parts[1])
        merged = Merger().merge([str(p) for p in parts])
    _copy_vertical_metrics(TTFont(latin_path), merged)
    _rename(merged, weight)
    merged.save(out)


def cjk_characters() -> set[int]:
    chars: set[int] = set()
    chars |= _decodable("gb2312", range(0xA1, 0xF8))  # symbols rows 1-9, hanzi rows 16-87
    chars |= _decodable("euc_jp", [*range(0xA1, 0xA9), *range(0xB0, 0xD0)])  # rows 1-8, level 1 kanji
    chars |= _decodable("euc_kr", [*range(0xA1, 0xAD), *range(0xB0, 0xC9)])  # rows 1-12, Hangul
    for first, last in ((0x3000, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3130, 0x318F), (0xFF00, 0xFFEF)):
        chars |= set(range(first, last + 1))
    return chars


def _decodable(codec: str, lead_bytes) -> set[int]:
    chars = set()
    for lead in lead_bytes:
        for trail in range(0xA1, 0xFF):
            try:
                chars.update(ord(c) for c in bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def _strip(font: TTFont, unicodes) -> TTFont:
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(0x110000) if unicodes == "*" else unicodes)
    subsetter.subset(font)
    for tag in ("GSUB", "GPOS", "GDEF", "DSIG", "VORG", "vhea", "vmtx", "BASE"):
        if tag in font:
            del font[tag]
    return font


def _to_quadratic(font: TTFont) -> TTFont:
    """CFF to glyf, as fontTools' otf2ttf snippet does it (max error 1 unit of 1000)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames, post.mapping = [], {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def _copy_vertical_metrics(source: TTFont, font: TTFont) -> None:
    for attr in ("ascent", "descent", "lineGap"):
        setattr(font["hhea"], attr, getattr(source["hhea"], attr))
    for attr in ("sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent"):
        setattr(font["OS/2"], attr, getattr(source["OS/2"], attr))


def _rename(font: TTFont, weight: str) -> None:
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    full = f"{FAMILY} {weight}"
    for name_id, value in ((1, FAMILY), (2, weight), (3, f"{full}; Noto Sans + Noto Sans CJK SC subset"),
                           (4, full), (6, full.replace(" ", "")), (5, "Version 2.004")):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)


if __name__ == "__main__":
    sys.exit(main())
