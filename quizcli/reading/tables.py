"""Tables that a saved page flattened into one short line per cell, read back as one
line per row."""

from __future__ import annotations

import re

_CELL = re.compile(r"^[^.!?;:]{1,40}$")


def tables_as_lines(lines: list[str]) -> list[str]:
    """A two-column table a page flattened into one short line per cell (a header pair,
    then a label and its figure per row) as one line per row: 'Zone', 'Annual
    Rainfall', 'Uplands', '900 mm or more' → 'Annual Rainfall for Uplands: 900 mm or
    more.'"""
    out: list[str] = []
    run: list[str] = []  # a stretch of short lines and blank ones

    def flush() -> None:
        cells = [line.strip() for line in run if line.strip()]
        if len(cells) >= 6 and len(cells) % 2 == 0 and _is_table(cells):
            out.extend(f"{cells[1]} for {key}: {value}." for key, value in
                       zip(cells[2::2], cells[3::2], strict=True))
            out.append("")
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        bare = line.strip()
        if not bare or (len(bare) <= 40 and _CELL.match(bare) and len(bare.split()) <= 6):
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out


def _is_table(cells: list[str]) -> bool:
    """Whether cells read as a header pair, then rows of a label without a figure and a
    value with one."""
    keys, values = cells[2::2], cells[3::2]
    return (not any(re.search(r"\d", c) for c in cells[:2] + keys)
            and all(re.search(r"\d", v) for v in values))
