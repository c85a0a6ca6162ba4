"""How well the banks made from real articles cover what an exam setter would ask.

Ingests every article of the development corpus (`../shared/corpus/articles/`, one bank
each, in a fresh QUIZCLI_HOME, with `--date` from `articles.yaml` where the article does
not state its date) and the two seed articles, exports each bank as JSON and scores it
with `../shared/gold/coverage.py`. Prints, per article, the questions made, the gold
facts covered and the structural defects, then the totals.

    python benchmarks/quality.py [--show] [--questions] [--only PATTERN] [--corpus DIR]

`--show` lists the facts each article misses; `--questions` prints every question;
`--corpus` scores another set laid out like the development corpus (a held-out one).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


@dataclass
class Score:
    article: str
    questions: int
    covered: int
    facts: int
    defects: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    bank: list[dict] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.facts if self.facts else 0.0


def _coverage_module():
    spec = importlib.util.spec_from_file_location("gold_coverage", GOLD / "coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(corpus: Path = CORPUS) -> list[tuple[str, Path, str | None, Path]]:
    """(name, path, --date or None, gold file) for the corpus articles, and for the
    development corpus the seeds as well."""
    import yaml

    listed = yaml.safe_load((corpus / "articles.yaml").read_text(encoding="utf-8"))
    found = [
        (a["file"], corpus / "articles" / a["file"],
         None if a["date_in_text"] else str(a["date"]), corpus / "gold.yaml")
        for a in listed
    ]
    if corpus == CORPUS:
        found += [(p.name, p, None, GOLD / "seed-facts.yaml")
                  for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return found


def score_all(only: str | None = None, corpus: Path = CORPUS) -> list[Score]:
    """Ingest and score every article, each into a bank of its own, in one fresh home."""
    from typer.testing import CliRunner

    from quizcli.ui.app import app

    coverage = _coverage_module()
    runner = CliRunner()
    scores = []
    with tempfile.TemporaryDirectory() as home:
        saved = {k: os.environ.get(k) for k in ("QUIZCLI_HOME", "QUIZCLI_BANKS")}
        os.environ["QUIZCLI_HOME"] = home
        os.environ.pop("QUIZCLI_BANKS", None)
        try:
            for name, path, date, gold in articles(corpus):
                if only and not re.search(only, name):
                    continue
                bank = "b" + re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower())
                args = ["ingest", str(path), "--bank", bank]
                if date:
                    args += ["--date", date]
                result = runner.invoke(app, args)
                out = Path(home, f"{bank}.json")
                if result.exit_code == 1 and "nothing was added" in result.stderr:
                    out.write_text("[]", encoding="utf-8")  # no question: it covers nothing
                elif result.exit_code != 0:
                    raise SystemExit(f"{name}: ingest failed:\n{result.output}")
                else:
                    result = runner.invoke(app, ["export", "--bank", bank, "--format", "json",
                                                 "-o", str(out)])
                    if result.exit_code != 0:
                        raise SystemExit(f"{name}: export failed:\n{result.output}")
                printed = io.StringIO()
                with contextlib.redirect_stdout(printed):
                    coverage.main(["coverage.py", str(gold), name, str(out)])
                lines = printed.getvalue().splitlines()
                summary = re.search(r"coverage: (\d+)/(\d+).*defects: (\d+)/(\d+)", lines[-1])
                data = json.loads(out.read_text(encoding="utf-8"))
                questions = data["questions"] if isinstance(data, dict) else data
                scores.append(Score(
                    article=name,
                    questions=int(summary.group(4)),
                    covered=int(summary.group(1)),
                    facts=int(summary.group(2)),
                    defects=[x[len("defect: "):] for x in lines if x.startswith("defect:")],
                    missed=[x[len("MISSED  "):] for x in lines if x.startswith("MISSED")],
                    bank=questions,
                ))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return scores


def corpus_total(scores: list[Score]) -> tuple[int, int]:
    """Covered and total gold facts of the development corpus (the seeds left out)."""
    corpus = [s for s in scores if not s.article[:3].isdigit() or s.article[2] == "_"]
    return sum(s.covered for s in corpus), sum(s.facts for s in corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the missed facts")
    parser.add_argument("--questions", action="store_true", help="print every question")
    parser.add_argument("--only", help="only articles whose file name matches this regex")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="another corpus laid out as ../shared/corpus is (articles/, "
                             "articles.yaml, gold.yaml), such as a held-out set")
    args = parser.parse_args()
    if not (args.corpus / "articles.yaml").is_file():
        sys.exit(f"{args.corpus}: no articles.yaml there; the development corpus is "
                 f"../shared/corpus beside this checkout")

    start = time.perf_counter()
    scores = score_all(args.only, args.corpus)
    took = time.perf_counter() - start
    print(f"{'article':<48} {'questions':>9} {'covered':>9} {'defects':>7}")
    for s in scores:
        print(f"{s.article:<48} {s.questions:>9} {s.covered:>4}/{s.facts:<4} "
              f"{len(s.defects):>7}   {s.percent:3.0f}%")
        if args.show:
            for line in s.missed:
                print(f"    missed {line}")
            for line in s.defects:
                print(f"    defect {line}")
        if args.questions:
            for q in s.bank:
                choices = f"  [{' | '.join(q.get('choices') or [])}]" if q.get("choices") else ""
                print(f"    Q {q['prompt']!r}{choices}\n      = {q['answer']!r}")
    corpus = [s for s in scores if s.article[2] == "_"]
    seeds = [s for s in scores if s.article[2] != "_"]
    for label, group in (("corpus", corpus), ("seeds", seeds)):
        if not group:
            continue
        covered, facts = sum(s.covered for s in group), sum(s.facts for s in group)
        print(f"{label}: {covered}/{facts} facts = {100.0 * covered / facts:.1f}%, "
              f"{sum(s.questions for s in group)} questions, "
              f"{sum(len(s.defects) for s in group)} defects, "
              f"lowest article {min(s.percent for s in group):.0f}%")
    print(f"time: {took:.1f}s")


if __name__ == "__main__":
    main()
