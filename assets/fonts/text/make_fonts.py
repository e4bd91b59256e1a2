"""Builds SmileBackSans-Regular.ttf and SmileBackSans-Bold.ttf: one font file per weight
that draws Latin (all accents), Greek, Cyrillic, Chinese, Japanese and Korean.

Run once, by hand; its output is committed and the app never runs it:

    .venv/bin/python assets/fonts/text/make_fonts.py    # needs apt-get and dpkg-deb (Debian)

Why one merged file: Kivy's SDL2 text provider draws a Label with a single font file and
has no fallback chain, so every script a name or a note may use must be in that file.

Sources:
- Latin with every accent (Vietnamese too), Greek, Cyrillic, punctuation: Roboto Regular
  2.001101 and Bold 2.001150 as shipped in the kivy 2.3.1 wheel (kivy/data/fonts; Apache License 2.0,
  see LICENSE-Apache-2.0.txt), kept whole with its hinting and kerning. It is the font the app
  always drew with, so every screen keeps its look, widths and line heights.
- Chinese, Japanese, Korean: Debian 12 "bookworm" package fonts-noto-cjk
  1:20220127+repack1-1 (SIL Open Font License 1.1, see OFL.txt):
  NotoSansCJK-Regular.ttc / -Bold.ttc, face
  "Noto Sans CJK SC" (2.004), cut down to the common characters:
  GB 2312 (6,763 hanzi + symbols), JIS X 0208 level 1 kanji and its kana and symbols rows,
  KS X 1001 Hangul (2,350 syllables + jamo), all kana, CJK punctuation, full/half-width forms.
  A Han character outside those sets (a rare name character, most traditional-only forms)
  draws as the missing-glyph box. The SC face gives Chinese shapes to characters shared with
  Japanese; one file can hold only one shape per character.

Emoji: there is no monochrome emoji font to take, so the code points of the emoji and symbol
blocks the font lacks draw the font's white square (U+25A1), and the invisible parts of an
emoji (joiners, variation selectors, skin-tone modifiers, the keycap mark, tag characters)
draw nothing, so an emoji shows as one neat square in the app and the PDF, and is copied as itself.

What is changed in the CJK part: the outlines are converted from cubic (CFF) to quadratic
(TrueType) curves, as one file holds one kind, and scaled to Roboto's 2048 units per em; its
hinting and OpenType layout tables are dropped (Kivy's SDL2_ttf and fpdf2 do not use them
for these scripts). The line height is Roboto's, which the CJK glyphs fit within. The merged
font is named "SmileBack Sans", as the OFL asks of modified versions, and is under the OFL.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.tables._g_l_y_f import Glyph

HERE = Path(__file__).resolve().parent
PACKAGES = ("fonts-noto-cjk=1:20220127+repack1-1",)
KIVY_FONTS = Path(importlib.util.find_spec("kivy").origin).parent / "data" / "fonts"  # not imported: no window
LATIN = "Roboto-{weight}.ttf"
LATIN_VERSIONS = {"Regular": "Version 2.001101", "Bold": "Version 2.001150"}
CJK = "usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
CJK_FACE = "Noto Sans CJK SC"
FAMILY = "SmileBack Sans"
WEIGHTS = ("Regular", "Bold")
SQUARE = 0x25A1
SKIN_TONES = range(0x1F3FB, 0x1F400)
EMOJI_BLOCKS = (range(0x2100, 0x2200), range(0x2300, 0x2400), range(0x2600, 0x27C0), range(0x2B00, 0x2C00),
                range(0x1F000, 0x1FB00))
INVISIBLE = (range(0x200B, 0x2010), range(0x2060, 0x2065), range(0xFEFF, 0xFF00),  # joiners, marks, BOM
             range(0xFE00, 0xFE10), range(0x20E3, 0x20E4), SKIN_TONES, range(0xE0020, 0xE0080))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _unpack_packages(root)
        for weight in WEIGHTS:
            out = HERE / f"SmileBackSans-{weight}.ttf"
            build(KIVY_FONTS / LATIN.format(weight=weight), root / CJK.format(weight=weight), weight, out)
            print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB")


def _unpack_packages(root: Path) -> None:
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=root, check=True)
    for deb in root.glob("*.deb"):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)


def build(latin_path: Path, cjk_path: Path, weight: str, out: Path) -> None:
    latin = TTFont(latin_path)
    assert latin["name"].getDebugName(5).startswith(LATIN_VERSIONS[weight]), latin["name"].getDebugName(5)
    for tag in ("DSIG", "hdmx"):  # a signature the merge breaks; pixel widths listed for Roboto's glyphs only
        if tag in latin:
            del latin[tag]
    cjk = next(f for f in TTCollection(cjk_path).fonts if f["name"].getDebugName(4).startswith(CJK_FACE))
    # Characters Roboto has (Latin, Greek, Cyrillic, punctuation) keep Roboto's shapes and widths.
    wanted = cjk_characters() - set(latin.getBestCmap())
    cjk = _to_quadratic(_strip(cjk, unicodes=sorted(wanted)))
    scale_upem(cjk, latin["head"].unitsPerEm)
    with tempfile.TemporaryDirectory() as tmp:
        parts = [Path(tmp) / "latin.ttf", Path(tmp) / "cjk.ttf"]
        latin.save(parts[0])
        cjk.save(parts[1])
        merged = Merger().merge([str(p) for p in parts])
    _copy_vertical_metrics(TTFont(latin_path), merged)
    _add_emoji_placeholders(merged)
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
    subsetter.populate(unicodes=unicodes)
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
    maxp = newTable("maxp")  # the outline counts are recalculated when it is compiled
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
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


def _add_emoji_placeholders(font: TTFont) -> None:
    mapping = dict(font.getBestCmap())
    square = mapping[SQUARE]
    for block in EMOJI_BLOCKS:
        mapping.update({c: square for c in block if c not in mapping and c not in SKIN_TONES})
    font.setGlyphOrder([*font.getGlyphOrder(), "invisible"])
    font["glyf"].glyphOrder = font.getGlyphOrder()
    font["glyf"].glyphs["invisible"] = Glyph()
    font["hmtx"]["invisible"] = (0, 0)
    for block in INVISIBLE:
        mapping.update({c: "invisible" for c in block})
    tables = []
    for fmt, platform, encoding, chars in ((4, 3, 1, {c: g for c, g in mapping.items() if c <= 0xFFFF}),
                                            (12, 3, 10, mapping)):
        table = CmapSubtable.newSubtable(fmt)
        table.platformID, table.platEncID, table.language, table.cmap = platform, encoding, 0, chars
        tables.append(table)
    font["cmap"].tables = tables


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
    for name_id, value in ((1, FAMILY), (2, weight), (3, f"{full}; Roboto + Noto Sans CJK SC subset"),
                           (4, full), (6, full.replace(" ", "")), (5, "Version 1.0")):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)


if __name__ == "__main__":
    sys.exit(main())
