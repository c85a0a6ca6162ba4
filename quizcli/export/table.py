"""Comma-separated values, quoted as RFC 4180 says, for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io

from quizcli.export.records import question_records

COLUMNS = ["id", "bank", "type", "prompt", "choices", "answer", "accept", "evidence",
           "source", "source_title", "fact", "tags"]


def rows(records: list[dict]) -> list[list[str]]:
    """Records as CSV rows: lists become lines within their cell."""
    out = []
    for r in records:
        tags = "; ".join(f"{name}: {value}" for name, values in r["tags"].items()
                         for value in values)
        out.append([inert(cell) for cell in (
            r["id"], r["bank"], r["type"], r["prompt"], "\n".join(r["choices"]), r["answer"],
            "\n".join(r["accept"]), r["evidence"], r["source"], r["source_title"] or "",
            r["fact"] or "", tags)])
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A cell no spreadsheet runs as a formula: one that opens with = + - @ (or a tab or
    carriage return) gets a leading apostrophe, which spreadsheets show as text and hide;
    OWASP's advice for CSV injection."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def write_rows(rows: list[list[str]], header: list[str] = COLUMNS) -> str:
    """RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def build(banks) -> str:
    return write_rows(rows(question_records(banks)))
