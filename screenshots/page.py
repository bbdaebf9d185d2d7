#!/usr/bin/env python3
"""Wraps aha's HTML of one tmux pane into a page that Chromium draws cell for cell.

usage: page.py COLUMNS ROWS < pane.aha.html > pane.html

aha turns the pane's SGR colours into <span>s; this adds the terminal around them: a
monospace font for Latin and box drawing (DejaVu Sans Mono, one cell each) and a CJK font
for Chinese, each wide character in a box of exactly two cells, so columns line up as
they do in the terminal. The page around the terminal is magenta, which make.sh trims off.
"""
import re
import sys
import unicodedata

WIDE = re.compile(r"[^\x00-\x7f]")

# aha --black writes the 8 ANSI colours as these CSS values; these are the Tango terminal's.
PALETTE = {
    "dimgray": "#000000", "black": "#000000", "red": "#cc0000", "lime": "#4e9a06", "yellow": "#c4a000",
    "#3333FF": "#3465a4", "fuchsia": "#75507b", "aqua": "#06989a", "white": "#d3d7cf",
}


def recolour(html: str) -> str:
    return re.sub(r"(color:)(%s);" % "|".join(map(re.escape, PALETTE)), lambda m: m.group(1) + PALETTE[m.group(2)] + ";", html)


def wrap_wide(html: str) -> str:
    """Puts every non-ASCII character (outside tags) into a box of one cell, or of two for
    double-width ones, so a glyph from a fallback font cannot shift the rest of the line."""
    def cell(match: re.Match) -> str:
        ch = match.group(0)
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        box = " b" if "\u2500" <= ch <= "\u257f" else ""
        return '<span class="%s%s">%s</span>' % ("w" if wide else "n", box, ch)

    parts = re.split(r"(<[^>]*>)", html)
    return "".join(p if p.startswith("<") else WIDE.sub(cell, p) for p in parts)


def main() -> None:
    columns, rows = int(sys.argv[1]), int(sys.argv[2])
    body = sys.stdin.read()
    # Drop the newline after the last row, then pad the text to ROWS lines.
    lines = body.rstrip("\n").split("\n")
    lines += [""] * (rows - len(lines))
    body = recolour(wrap_wide("\n".join(lines[:rows])))
    sys.stdout.write(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; padding: 0; background: #ff00ff; }}
.term {{
  display: inline-block; margin: 0; padding: 8px 10px;
  background: #000000; color: #d3d7cf;
  font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
  font-size: 16px; line-height: 20px; white-space: pre;
  font-variant-ligatures: none; -webkit-font-smoothing: antialiased;
}}
.rows {{ width: {columns}ch; height: {rows * 20}px; overflow: hidden; }}
.w, .n {{ display: inline-block; text-align: center; vertical-align: top; height: 20px; overflow: visible; }}
.w {{ width: 2ch; }}
.n {{ width: 1ch; }}
.b {{ transform: scaleY(1.35); }}
</style></head><body><div class="term"><div class="rows">{body}</div></div></body></html>
""")


if __name__ == "__main__":
    main()
