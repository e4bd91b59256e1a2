"""Rebuild materialdesignicons-subset.ttf: only the glyphs screens/icons.py names.

Needs the @mdi/font package's TTF (npm pack @mdi/font; fonts/materialdesignicons-webfont.ttf)
and fontTools (installed with fpdf2). Run: python assets/fonts/make_icon_font.py PATH_TO_TTF
"""
import sys
from pathlib import Path

from fontTools import subset

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
from screens.icons import CODEPOINTS  # noqa: E402


def main(source: str) -> None:
    options = subset.Options()
    options.drop_tables += ["GSUB", "GPOS"]
    options.name_IDs = ["*"]  # keep the font's own name and licence records
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(CODEPOINTS.values()))
    subsetter.subset(font)
    subset.save_font(font, str(HERE / "materialdesignicons-subset.ttf"), options)


if __name__ == "__main__":
    main(sys.argv[1])
