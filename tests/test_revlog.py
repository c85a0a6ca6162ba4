"""The review log, exported as the CSV other FSRS tools read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

import pytest
from conftest import SHARED, SHIPPED_BANKS, not_beside

from quizcli.bankfile import load_bank
from quizcli.export.revlog import card_number
from quizcli.review.schedule import Rating
from quizcli.review.store import Store
from quizcli.ui.app import app

UTC = dt.timezone.utc
START = dt.datetime(2026, 3, 2, 6, 0, 0, 250_000, tzinfo=UTC)
BANK = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
FIRST, SECOND, THIRD = BANK.questions[:3]
JOSH = SHARED / "revlogs" / "josh_revlog.csv"


@pytest.fixture
def history(runner, quizcli_home):
    """Seven answers on three cards over three days, and a reset of the first card."""
    assert runner.invoke(app, ["status"]).exit_code == 0
    day = dt.timedelta(days=1)
    with Store.open(quizcli_home) as store:
        store.record(FIRST.id, Rating.AGAIN, START, duration_ms=8000)
        store.record(SECOND.id, Rating.GOOD, START + dt.timedelta(seconds=30))
        store.record(FIRST.id, Rating.GOOD, START + dt.timedelta(minutes=5), duration_ms=3000)
        store.record(THIRD.id, Rating.EASY, START + day, duration_ms=1200)
        store.record(SECOND.id, Rating.HARD, START + day + dt.timedelta(hours=1),
                     duration_ms=9100)
        store.reset(FIRST.id, START + 2 * day)
        store.record(FIRST.id, Rating.GOOD, START + 2 * day + dt.timedelta(minutes=1),
                     duration_ms=2500)
        store.record(THIRD.id, Rating.GOOD, START + 3 * day, duration_ms=4000)
    return quizcli_home


def exported(runner, tmp_path, *args: str) -> tuple[str, list[dict]]:
    path = tmp_path / "revlog.csv"
    result = runner.invoke(app, ["export", "--format", "revlog", "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    text = path.read_bytes().decode("utf-8")
    return result.stderr, list(csv.DictReader(io.StringIO(text, newline="")))


def read_like_josh(text: str) -> list:
    """How py-fsrs's own test data is read: each row one ReviewLog."""
    from fsrs import Rating as FsrsRating
    from fsrs import ReviewLog

    return [ReviewLog(card_id=int(row["card_id"]), rating=FsrsRating(int(row["review_rating"])),
                      review_datetime=dt.datetime.fromisoformat(row["review_time"]),
                      review_duration=int(row["review_duration"]) if row["review_duration"]
                      else None)
            for row in csv.DictReader(io.StringIO(text, newline=""))]


def test_the_review_log_has_the_columns_and_shape_of_an_anki_review_log(runner, history,
                                                                       tmp_path):
    said, rows = exported(runner, tmp_path)
    assert "Wrote 7 answers on 3 cards to" in said
    raw = (tmp_path / "revlog.csv").read_bytes()
    header = raw.split(b"\n")[0]
    if JOSH.is_file():
        assert header == JOSH.read_bytes().split(b"\n")[0]
    assert header == b"card_id,review_rating,review_time,review_duration"
    assert b"\r" not in raw and raw.endswith(b"\n")
    assert [(r["review_rating"], r["review_time"], r["review_duration"]) for r in rows] == [
        ("1", "2026-03-02T06:00:00.250000+00:00", "8000"),
        ("3", "2026-03-02T06:00:30.250000+00:00", ""),
        ("3", "2026-03-02T06:05:00.250000+00:00", "3000"),
        ("4", "2026-03-03T06:00:00.250000+00:00", "1200"),
        ("2", "2026-03-03T07:00:00.250000+00:00", "9100"),
        ("3", "2026-03-04T06:01:00.250000+00:00", "2500"),
        ("3", "2026-03-05T06:00:00.250000+00:00", "4000"),
    ]
    ids = [int(r["card_id"]) for r in rows]
    first, second, third = card_number(FIRST.id), card_number(SECOND.id), card_number(THIRD.id)
    after_reset = card_number(FIRST.id, 1)
    assert ids == [first, second, first, third, second, after_reset, third]
    assert len({first, second, third, after_reset}) == 4
    logs = read_like_josh(raw.decode("utf-8"))
    assert [log.review_datetime for log in logs] == sorted(log.review_datetime for log in logs)
    assert logs[0].review_datetime == START and logs[1].review_duration is None


@pytest.mark.skipif(not JOSH.is_file(), reason=not_beside("revlogs"))
def test_the_reader_of_a_real_anki_review_log_reads_ours():
    real = read_like_josh(JOSH.read_text(encoding="utf-8"))
    assert len(real) == 12_580


def test_the_same_log_gives_the_same_file_and_banks_filter_it(runner, history, tmp_path,
                                                              quizcli_home):
    _, rows = exported(runner, tmp_path)
    _, again = exported(runner, tmp_path)
    assert rows == again
    _, only = exported(runner, tmp_path, "--bank", "korea-summits")
    assert only == rows
    unknown = runner.invoke(app, ["export", "--format", "revlog", "--bank", "nope", "-o",
                                  str(tmp_path / "x.csv")])
    assert unknown.exit_code == 1 and "no bank named 'nope'" in unknown.stderr
    assert not (tmp_path / "x.csv").exists()
    out = runner.invoke(app, ["export", "--format", "revlog", "-o", "-"])
    assert out.exit_code == 0 and out.stdout == (tmp_path / "revlog.csv").read_text()


def test_an_empty_log_is_a_header(runner, tmp_path):
    said, rows = exported(runner, tmp_path)
    assert rows == [] and "Wrote 0 answers on 0 cards" in said
    assert (tmp_path / "revlog.csv").read_text() == (
        "card_id,review_rating,review_time,review_duration\n")


def test_the_revlog_export_is_listed_and_kept_to_regular_files(runner, history, tmp_path,
                                                               monkeypatch):
    help_text = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).stdout
    assert "revlog" in help_text and "FSRS tools" in help_text
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "elsewhere.csv")
    for target, what in ((folder, "a folder"), (link, "a link")):
        result = runner.invoke(app, ["export", "--format", "revlog", "-o", str(target)])
        assert result.exit_code == 2 and f"is {what}, not a file" in result.stderr
    assert not (tmp_path / "elsewhere.csv").exists()
    progress = runner.invoke(app, ["export", "--format", "revlog", "--with-progress", "-o",
                                   str(tmp_path / "p.csv")])
    assert progress.exit_code == 2 and "only JSON carries progress" in progress.output

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    runner.invoke(app, ["export", "--format", "revlog", "-o", str(tmp_path / "cut.csv")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "link.csv"]
