"""Bringing back months of Anki answers: `quizcli import-reviews` on a real review log.

The log is ../shared/revlogs/josh_revlog.csv (12,580 answers on 1,205 cards) when it
is beside the repository, else a made-up one of that size. A bank of as many questions
as the log has cards is made (the shipped bank's, copied with new ids) and exported as
an apkg; the log is written into the package's collection as Anki's revlog, each Anki
card given to one question. Times the first import and a second one, which adds nothing,
then the export of the review log, and checks that it holds the answers read.

    python benchmarks/import_reviews.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from quizcli.bankfile import load_bank, save_bank
from quizcli.ui.app import app

REPO = Path(__file__).resolve().parent.parent
JOSH = REPO.parent / "shared" / "revlogs" / "josh_revlog.csv"


def log() -> list[tuple[int, int, int, int]]:
    """(Anki card id, ease, answered at ms, ms taken) of every answer, in time order."""
    if JOSH.is_file():
        with JOSH.open(encoding="utf-8") as handle:
            return [(int(r["card_id"]), int(r["review_rating"]),
                     round(dt.datetime.fromisoformat(r["review_time"]).timestamp() * 1000),
                     int(r["review_duration"])) for r in csv.DictReader(handle)]
    rng = random.Random(7)
    start = 1_700_000_000_000
    return [(rng.randrange(1205), rng.choice([1, 3, 3, 3, 4]), start + i * 1_200_000,
             rng.randrange(2000, 20000)) for i in range(12_580)]


def collection_with(answers, apkg: bytes, target: Path) -> None:
    """The apkg's collection, with `answers` as its revlog (learning first, then review)."""
    target.write_bytes(zipfile.ZipFile(io.BytesIO(apkg)).read("collection.anki2"))
    db = sqlite3.connect(target)
    cards = [row[0] for row in db.execute("SELECT id FROM cards ORDER BY id")]
    which: dict[int, int] = {}
    seen: set[int] = set()
    rows = []
    for anki_card, ease, at, taken in answers:
        card = cards[which.setdefault(anki_card, len(which))]
        kind = 1 if card in seen else 0
        seen.add(card)
        rows.append((at, card, ease, kind, 2500, taken))
    db.executemany("INSERT OR IGNORE INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, "
                   "time, type) VALUES (?, ?, -1, ?, 0, 0, ?, ?, ?)",
                   [(at, card, ease, factor, taken, kind)
                    for at, card, ease, kind, factor, taken in rows])
    db.commit()
    db.close()


def main() -> None:
    answers = log()
    needed = len({a[0] for a in answers})
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp, "home")
        os.environ["QUIZCLI_HOME"] = str(home)
        shipped = load_bank(REPO / "banks" / "korea-summits.yaml")
        questions = tuple(replace(q, id=f"{q.id}-{i}")
                          for i in range(needed // len(shipped.questions) + 1)
                          for q in shipped.questions)[:needed]
        save_bank(replace(shipped, id="bench", questions=questions),
                  home / "banks" / "bench.yaml")
        runner = CliRunner()
        apkg = Path(tmp, "bench.apkg")
        assert runner.invoke(app, ["export", "--format", "apkg", "--bank", "bench", "-o",
                                   str(apkg)]).exit_code == 0
        collection = Path(tmp, "collection.anki2")
        collection_with(answers, apkg.read_bytes(), collection)
        assert runner.invoke(app, ["status"]).exit_code == 0  # the cards, made beforehand
        for run in ("first", "second"):
            start = time.perf_counter()
            result = runner.invoke(app, ["import-reviews", str(collection)])
            took = time.perf_counter() - start
            assert result.exit_code == 0, result.output
            print(f"{run:6} import: {took:.2f}s  {result.stdout.splitlines()[0]}")
        written = Path(tmp, "revlog.csv")
        start = time.perf_counter()
        result = runner.invoke(app, ["export", "--format", "revlog", "-o", str(written)])
        print(f"export --format revlog: {time.perf_counter() - start:.2f}s  "
              f"{result.stderr.strip()}")
        with written.open(encoding="utf-8") as handle:
            back = sorted((int(r["review_rating"]), round(dt.datetime.fromisoformat(
                r["review_time"]).timestamp() * 1000), int(r["review_duration"]))
                for r in csv.DictReader(handle))
        same = back == sorted((ease, at, taken) for _, ease, at, taken in answers)
        print(f"the exported log holds the same answers (rating, time, duration): {same}")


if __name__ == "__main__":
    main()
