"""Time to ingest one saved web page and one 20-page PDF compilation, through the CLI.

The page is the largest of ../shared/pages; the PDF is made of corpus articles with
reportlab (one column, running header and footer, page numbers), as tests/pdfmaker.py
lays it out. Prints the wall time of each ingest into a fresh bank, best of three.

    python benchmarks/formats.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "tests"))


def _ingest(path: Path, runs: int = 3) -> tuple[float, int]:
    from typer.testing import CliRunner

    from quizcli.ui.app import app

    best, questions = float("inf"), 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            os.environ["QUIZCLI_HOME"] = home
            start = time.perf_counter()
            result = CliRunner().invoke(app, ["ingest", str(path), "--bank", "b"])
            best = min(best, time.perf_counter() - start)
            if result.exit_code != 0:
                raise SystemExit(result.output)
            questions = Path(home, "banks", "b.yaml").read_text(encoding="utf-8").count(
                "\n- id: q-")
    return best, questions


def main() -> None:
    from pdfmaker import make_pdf

    from quizcli.reading.formats import read_file

    os.environ.pop("QUIZCLI_BANKS", None)
    page = max((SHARED / "pages").glob("*.html"), key=lambda p: p.stat().st_size)
    articles = sorted((SHARED / "corpus" / "articles").glob("*.txt")) + sorted(
        (REPO / "banks" / "sources").glob("*.txt")) + sorted(
        p for p in (REPO / "tests" / "fixtures" / "articles").iterdir()
        if p.suffix in (".md", ".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp, "compilation.pdf")
        texts = [a.read_text(encoding="utf-8") for a in articles]
        make_pdf(pdf, texts, cover="Current Affairs Monthly", columns=1)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))
        start = time.perf_counter()
        found = read_file(pdf)
        read = time.perf_counter() - start
        page_time, page_questions = _ingest(page)
        pdf_time, pdf_questions = _ingest(pdf)
    print(f"saved page {page.name} ({page.stat().st_size // 1024} KB): "
          f"ingest {page_time:.2f}s, {page_questions} questions")
    print(f"PDF of {len(articles)} articles, {pages} pages: read {read:.2f}s "
          f"({len(found)} articles found), ingest {pdf_time:.2f}s, {pdf_questions} questions")


if __name__ == "__main__":
    main()
