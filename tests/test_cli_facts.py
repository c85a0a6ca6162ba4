from __future__ import annotations

import json

from test_article import SEED_0, SEED_1

from quizcli.ui.app import app


def test_facts_json_for_scripts(runner):
    result = runner.invoke(app, ["facts", str(SEED_0), str(SEED_1), "--json"])

    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert {f["source"] for f in facts} == {SEED_0.name, SEED_1.name}
    for fact in facts:
        assert {"id", "kind", "answer", "evidence", "parties", "date", "source"} <= fact.keys()
    bolton = next(f for f in facts if f["answer"] == "John Bolton" and f["kind"] == "quote")
    assert bolton["parties"] == ["North Korea"]
    dated = [f for f in facts if f["kind"] == "date"]
    assert all(f["date"] == f["answer"] for f in dated)


def test_facts_views(runner):
    kinds = runner.invoke(app, ["facts", str(SEED_1)], env={"COLUMNS": "160"})
    assert kinds.exit_code == 0
    for title in ("Dates (6)", "Who said it (9)", "Offices and their holders (7)", "Positions (2)"):
        assert title in kinds.stdout

    positions = runner.invoke(app, ["facts", str(SEED_0), "--view", "positions"],
                              env={"COLUMNS": "200"})
    header = next(line for line in positions.stdout.splitlines() if "United States" in line)
    assert "North Korea" in header and "South Korea" in header

    timeline = runner.invoke(app, ["facts", str(SEED_1), "--view", "timeline"],
                             env={"COLUMNS": "160"})
    dates = [line.split()[1] for line in timeline.stdout.splitlines()
             if line.startswith("│ 20")]
    assert dates == sorted(dates) and dates[0] == "2018-06" and dates[-1] == "2021"


def test_the_date_option_places_relative_dates(runner, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# A title here\n\nThe minister said on Monday that talks would resume.\n")
    result = runner.invoke(app, ["facts", str(article), "--json", "--date", "2018-09-11"])
    assert [f["date"] for f in json.loads(result.stdout) if f["kind"] == "date"] == ["2018-09-10"]
    bad = runner.invoke(app, ["facts", str(article), "--date", "11/09/2018"])
    assert bad.exit_code == 2
    assert "is not a date such as 2018-09-11" in bad.output


def test_bad_files_are_named_and_the_others_still_read(runner, tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9".encode("latin-1"))
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()

    result = runner.invoke(app, ["facts", str(latin1), str(binary), str(SEED_1), str(empty),
                                 str(folder), "--json"])

    assert result.exit_code == 2
    assert {f["source"] for f in json.loads(result.stdout)} == {SEED_1.name}
    assert result.stderr.splitlines() == [
        f"{latin1}:1: is not UTF-8 text (byte 3); save the article as UTF-8",
        f"{binary}: is a binary file, not an article; give a .txt, .md, .html or .pdf file",
        f"{empty}: is empty; nothing to read",
        f"{folder}: is a folder; name the article files in it",
    ]


DATED_ARTICLE = ("# The council meets again\n\nPublished: March 3, 2024 10:15 IST\n\n"
                 "The council said on Monday that the talks would resume next month.\n\n"
                 "Its 15 members agreed to a budget of Rs 400 crore for the year.\n")


def test_the_date_option_overrides_the_articles_own_date(runner, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(DATED_ARTICLE)

    def dates(*options):
        result = runner.invoke(app, ["facts", str(article), "--json", *options])
        assert result.exit_code == 0, result.output
        return [f["date"] for f in json.loads(result.stdout) if f["kind"] == "date"]

    assert dates() == ["2024-02-26", "2024-04"]
    assert dates("--date", "2018-09-11") == ["2018-09-10", "2018-10"]


def test_ingest_records_the_date_option_over_the_articles_own(runner, tmp_path):
    from quizcli.bankfile import load_bank

    article = tmp_path / "a.md"
    article.write_text(DATED_ARTICLE)
    out = tmp_path / "banks"
    result = runner.invoke(app, ["ingest", str(article), "--bank", "council", "--out", str(out),
                                 "--date", "2018-09-11"])
    assert result.exit_code == 0, result.output
    [source] = load_bank(out / "council.yaml").sources
    assert source.date == "2018-09-11"
