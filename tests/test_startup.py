"""Start-up stays fast: the CLI module must not pull in heavy libraries."""

from __future__ import annotations

import subprocess
import sys

from conftest import EVERY_COMMAND

HEAVY = ["rich", "yaml", "sqlite3", "fsrs", "genanki", "quizcli.model", "quizcli.bankfile",
         "trafilatura", "lxml", "pypdfium2"]


def python(code: str, home=None) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter, with its own QUIZCLI_HOME if `home` is given."""
    env = {"QUIZCLI_HOME": str(home), "PATH": ""} if home else None
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)


def test_importing_the_cli_loads_no_heavy_module():
    code = EVERY_COMMAND + f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    assert python(code).stdout.split() == []


def test_a_command_imports_its_own_area_alone(tmp_path):
    code = (
        "import sys\n"
        "from quizcli.ui.app import main\n"
        "sys.argv = ['quizcli', 'banks', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('quizcli.ui.commands.'))),"
        " file=sys.stderr)\n"
    )
    assert python(code, tmp_path).stderr.split() == ["quizcli.ui.commands.banks"]


def test_listing_banks_from_the_cache_does_not_parse_yaml(tmp_path):
    from bankgen import MINIMAL

    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")  # a user's bank
    code = (
        "import sys\n"
        "from quizcli.catalog import discover\n"
        "discover()\n"
        "print('yaml' in sys.modules)\n"
    )
    first = python(code, tmp_path).stdout.strip()
    second = python(code, tmp_path).stdout.strip()
    assert (first, second) == ("True", "False")


def test_reading_a_text_article_loads_no_page_or_pdf_library(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council met in Delhi on 3 March 2025 to review GST.\n",
                       encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quizcli.reading.article import load_article\n"
        f"load_article(Path({str(article)!r}))\n"
        "print(' '.join(m for m in ('trafilatura', 'lxml', 'pypdfium2') if m in sys.modules))\n"
    )
    assert python(code).stdout.split() == []


def test_listing_the_shipped_banks_parses_no_yaml_even_with_no_cache(tmp_path):
    code = (
        "import sys\n"
        "from quizcli.catalog import discover\n"
        "print(len(discover().entries), 'yaml' in sys.modules)\n"
    )
    assert python(code, tmp_path).stdout.split() == ["1", "False"]


def test_the_shipped_summaries_are_those_of_the_shipped_banks():
    from quizcli import paths
    from quizcli.catalog import SHIPPED_SUMMARIES, shipped_summaries

    folder = paths.shipped_banks_dir()
    assert (folder / SHIPPED_SUMMARIES).read_text(encoding="utf-8") == shipped_summaries(folder)
