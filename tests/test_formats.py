"""What aspirants save: web pages, PDFs, pasted text and addresses, each read as the
same article a clean text file would give."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from conftest import SHARED
from pdfmaker import make_pdf

from quizcli.reading.article import ArticleError, load_article
from quizcli.reading.formats import read_file
from quizcli.ui.app import app

PAGES = SHARED / "pages"
CORPUS = SHARED / "corpus" / "articles"

# Each saved page: its title and date as the page states them, and how its article's
# body begins and ends, read off the page.
SAVED_PAGES = [
    ("dw.com.colonial.html", "Berlin confronts Germany's colonial past with new initiative",
     "2020-01-19", "The German capital has launched a five-year project",
     "gates to a period of intense imperialist activity."),
    ("dw.com.uncork.html", "Uncork the mystery of Germany's Frühburgunder", "2013-06-10",
     "One of Germany's smallest wine regions", "I most certainly have."),
    ("nature.com.telescope.html", "Gigantic Chinese telescope opens to astronomers worldwide",
     "2019-09-24", "The world’s largest single-dish radio observatory",
     "“A successful review will definitely help,” he says."),
    ("phys.org.tool.html", "Flint flake tool partially covered by birch tar adds to evidence "
     "of Neanderthal complex thinking", "2019-10-22", "A team of researchers affiliated",
     "at the bottom of the North Sea for most of its existence."),
    ("reuters.com.parasite.html",
     "'Parasite' scores historic upset at SAG awards, boosting Oscar chances", "2020-01-19",
     "South Korean thriller “Parasite” was the upset winner",
     "It’s been the most beautiful dream,” Waller-Bridge said."),
    ("salon.com.emissions.html", "Despite everything, U.S. emissions dipped in 2019",
     "2020-01-10", "Just a week into the new year",
     "in emissions from factories, cars, and buildings."),
    ("scmp.com.playbook.html", "Taiwanese President Tsai Ing-wen’s political playbook should "
     "be essential reading for Hong Kong leader Carrie Lam", "2020-01-20",
     "Taiwanese President Tsai Ing-wen’s spectacular re-election was no easy feat.",
     "Asia Pacific Media Network at UCLA"),
    ("theguardian.com.academics.html",
     "Thousands of UK academics 'treated as second-class citizens'", "2020-01-20",
     "Thousands of academic staff at British universities",
     "strikes across British higher education on the cards later this year."),
]
FURNITURE = ("cookie", "subscribe", "newsletter", "sign up", "share this", "share on",
             "advertisement", "permalink", "related", "our standards", "reporting by",
             "editing by", "©", "all rights reserved", "follow us", "read more",
             "more information", "citation:", "doi:", "comments", "click here", "menu",
             "skip to", "log in", "privacy policy", "terms of use")


@pytest.mark.parametrize(("name", "title", "date", "first", "last"), SAVED_PAGES,
                         ids=[p[0] for p in SAVED_PAGES])
def test_a_saved_page_gives_its_article_with_the_pages_own_title_and_date(
        name, title, date, first, last):
    [article] = read_file(PAGES / name)
    assert article.title == title
    assert article.date == dt.date.fromisoformat(date)
    assert article.sentences[0].text.startswith(first)
    assert article.sentences[-1].text.endswith(last)
    assert article.format == "html" and article.extractor.startswith("trafilatura ")


def test_no_question_from_a_saved_page_quotes_its_furniture(runner, quizcli_home, tmp_path):
    result = runner.invoke(app, ["ingest", *map(str, sorted(PAGES.glob("*.html"))),
                                 "--bank", "pages"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "pages.json"
    assert runner.invoke(app, ["export", "--bank", "pages", "--format", "json",
                               "-o", str(out)]).exit_code == 0
    questions = json.loads(out.read_text(encoding="utf-8"))
    questions = questions["questions"] if isinstance(questions, dict) else questions
    assert len(questions) >= 8 * 8
    for question in questions:
        shown = f"{question['prompt']} {question['evidence']}".casefold()
        assert not [word for word in FURNITURE if word in shown], question["prompt"]


def test_the_bank_says_what_each_source_was(runner, quizcli_home):
    page = PAGES / "nature.com.telescope.html"
    assert runner.invoke(app, ["ingest", str(page), "--bank", "web"]).exit_code == 0
    text = (quizcli_home / "banks" / "web.yaml").read_text(encoding="utf-8")
    assert "format: html" in text and "extractor: trafilatura" in text
    assert "url: https://www.nature.com/articles/d41586-019-02790-3" in text
    assert (quizcli_home / "banks" / "sources" / page.name).read_bytes() == page.read_bytes()
    before = text
    again = runner.invoke(app, ["ingest", str(page), "--bank", "web"])
    assert again.exit_code == 0
    assert (quizcli_home / "banks" / "web.yaml").read_text(encoding="utf-8") == before


COMPILED = ["13_paraminews_polity-constitution.txt", "17_indiatvnews_schemes-bills-acts.txt",
            "21_devdiscourse_intl-orgs-reports.txt", "23_sakshipost_defence-security.txt",
            "09_wionews_science-space-tech.txt"]


@pytest.fixture(scope="module")
def compilation(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "current-affairs-march.pdf"
    return make_pdf(path, [(CORPUS / name).read_text(encoding="utf-8") for name in COMPILED],
                    cover="Current Affairs Monthly: March")


def test_a_compilation_is_split_into_its_articles_with_their_titles(compilation):
    articles = read_file(compilation)
    assert [a.title for a in articles] == [load_article(CORPUS / n).title for n in COMPILED]
    for article, name in zip(articles, COMPILED, strict=True):
        text = load_article(CORPUS / name)
        assert article.date == text.date
        assert abs(article.words - text.words) <= text.words * 0.05, name
        shown = " ".join(s.text for s in article.sentences)
        assert "Page " not in shown and "Current Affairs Monthly" not in shown
        assert "www.example-coaching.in" not in shown and ".........." not in shown


def _coverage(runner, paths: list[Path], bank: str, tmp_path: Path, coverage) -> float:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--bank", bank])
    assert result.exit_code == 0, result.output
    out = tmp_path / f"{bank}.json"
    assert runner.invoke(app, ["export", "--bank", bank, "--format", "json",
                               "-o", str(out)]).exit_code == 0
    import contextlib
    import io

    covered = total = 0
    for name in COMPILED:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            coverage.main(["coverage.py", str(SHARED / "corpus" / "gold.yaml"), name, str(out)])
        summary = printed.getvalue().splitlines()[-1].split()[1].split("/")
        covered, total = covered + int(summary[0]), total + int(summary[1])
    return covered / total


def test_a_compilation_covers_its_gold_facts_as_its_text_files_do(
        runner, quizcli_home, tmp_path, compilation):
    from conftest import coverage_module

    coverage = coverage_module()
    from_text = _coverage(runner, [CORPUS / n for n in COMPILED], "text", tmp_path, coverage)
    from_pdf = _coverage(runner, [compilation], "pdf", tmp_path, coverage)
    assert from_pdf >= from_text - 0.05, (from_pdf, from_text)
    bank = (quizcli_home / "banks" / "pdf.yaml").read_text(encoding="utf-8")
    assert bank.count("format: pdf") == len(COMPILED)
    assert bank.count("path: sources/current-affairs-march.pdf") == len(COMPILED)
    again = runner.invoke(app, ["ingest", str(compilation), "--bank", "pdf"])
    assert again.exit_code == 0
    assert (quizcli_home / "banks" / "pdf.yaml").read_text(encoding="utf-8") == bank


def test_a_scanned_pdf_is_named_as_one(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)  # a page that is a picture: no text in it
    page.save()
    with pytest.raises(ArticleError, match="no text layer"):
        read_file(path)


def test_pasted_text_is_read_from_standard_input(runner, quizcli_home):
    text = (CORPUS / "13_paraminews_polity-constitution.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["ingest", "-", "--bank", "today", "--title", "Polls bill"],
                           input=text)
    assert result.exit_code == 0, result.output
    bank = (quizcli_home / "banks" / "today.yaml").read_text(encoding="utf-8")
    assert "title: Polls bill" in bank
    [kept] = list((quizcli_home / "banks" / "sources").glob("pasted-*.txt"))
    assert kept.read_text(encoding="utf-8") == text
    again = runner.invoke(app, ["ingest", "-", "--bank", "today", "--title", "Polls bill"],
                          input=text)
    assert again.exit_code == 0
    assert (quizcli_home / "banks" / "today.yaml").read_text(encoding="utf-8") == bank


@pytest.fixture
def server():
    """The saved pages, served on 127.0.0.1: never the internet."""
    handler = functools.partial(_Quiet, directory=str(PAGES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_an_address_is_fetched_and_the_page_kept_as_fetched(runner, quizcli_home, server):
    url = f"{server}/theguardian.com.academics.html"
    result = runner.invoke(app, ["ingest", url, "--bank", "web"])
    assert result.exit_code == 0, result.output
    bank = (quizcli_home / "banks" / "web.yaml").read_text(encoding="utf-8")
    assert f"url: {url}" in bank and "format: html" in bank
    [kept] = list((quizcli_home / "banks" / "sources").glob("*academics*"))
    assert kept.read_bytes() == (PAGES / "theguardian.com.academics.html").read_bytes()
    again = runner.invoke(app, ["ingest", url, "--bank", "web"])
    assert again.exit_code == 0, again.output
    assert (quizcli_home / "banks" / "web.yaml").read_text(encoding="utf-8") == bank


@pytest.mark.parametrize("where", ["missing", "offline"])
def test_an_address_that_gives_no_page_is_one_line_and_exit_2(runner, quizcli_home, server,
                                                              where):
    url = f"{server}/no-such-page.html" if where == "missing" else "http://127.0.0.1:9/x.html"
    result = runner.invoke(app, ["ingest", url, "--bank", "web"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert url in result.stderr and ("404" in result.stderr or "cannot be fetched"
                                      in result.stderr)
    assert not (quizcli_home / "banks" / "web.yaml").exists()
