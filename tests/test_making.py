from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import GOLD, SHIPPED_BANKS, coverage_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_article import FIXTURES, SEED_0, SEED_1

from quizcli.bankfile import load_bank
from quizcli.export.records import question_records
from quizcli.making.distractors import (
    Pools,
    _alike,
    date_choices,
    party_choices,
    person_choices,
)
from quizcli.making.gate import gate, reject_reason
from quizcli.making.ingest import ingest, pools_for
from quizcli.making.questions import make_candidates
from quizcli.model import QuestionType
from quizcli.reading.article import read_article
from quizcli.reading.facts import extract_facts
from quizcli.reading.gazetteer import gazetteer
from quizcli.text import compared
from quizcli.ui.app import app

SEEDS = [SEED_0, SEED_1]
FIXTURE_ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.name != "README.md")
TODAY = dt.date(2026, 11, 22)


def test_the_shipped_bank_is_what_ingest_makes_of_the_seed_articles(tmp_path):
    shipped_path = SHIPPED_BANKS / "korea-summits.yaml"
    shipped = load_bank(shipped_path)
    result = ingest(SEEDS, tmp_path, dt.date.fromisoformat(shipped.created),
                    bank_id=shipped.id, title=shipped.title)
    assert result.path.read_text(encoding="utf-8") == shipped_path.read_text(encoding="utf-8")


def test_ingesting_again_changes_nothing(tmp_path):
    first = ingest(SEEDS, tmp_path, TODAY, bank_id="korea")
    before = first.path.read_bytes(), first.path.stat().st_mtime_ns
    again = ingest(SEEDS, tmp_path, TODAY + dt.timedelta(days=3), bank_id="korea")
    assert not again.changed
    assert (again.path.read_bytes(), again.path.stat().st_mtime_ns) == before
    assert all(r.added == [] and r.already > 0 for r in again.reports)


def test_questions_edited_by_hand_are_kept_as_edited(tmp_path):
    result = ingest([SEED_1], tmp_path, TODAY, bank_id="korea")
    text = result.path.read_text(encoding="utf-8")
    question = next(q for q in result.bank.questions if f"  prompt: {q.prompt}\n" in text)
    edited = text.replace(f"  prompt: {question.prompt}\n",
                          "  prompt: Who was Trump's Secretary of State in 2018?\n", 1)
    assert edited != text
    result.path.write_text(edited, encoding="utf-8")

    again = ingest([SEED_0, SEED_1], tmp_path, TODAY, bank_id="korea")

    kept = next(q for q in again.bank.questions if q.id == question.id)
    assert kept.prompt == "Who was Trump's Secretary of State in 2018?"
    assert len(again.bank.questions) > len(result.bank.questions)  # SEED_0 was added
    assert [q.id for q in again.bank.questions][:len(result.bank.questions)] == [
        q.id for q in result.bank.questions]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_bank_covers_the_gold_facts_with_no_defects(seed, tmp_path, capsys):
    coverage = coverage_module()
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    exported = tmp_path / "bank.json"
    exported.write_text(json.dumps(question_records([bank])), encoding="utf-8")
    coverage.main(["coverage.py", str(GOLD / "seed-facts.yaml"), seed.name, str(exported)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    covered, total = map(int, summary.split()[1].split("/"))
    assert covered / total >= 0.9, summary
    assert summary.endswith(f"defects: 0/{len(bank.questions)}"), summary


def test_fixture_questions_have_no_defects(tmp_path):
    coverage = coverage_module()
    result = ingest(FIXTURE_ARTICLES, tmp_path, TODAY, bank_id="fixtures")
    assert coverage.defects(question_records([result.bank])) == []
    assert len(result.bank.questions) >= 40


def test_every_question_quotes_its_evidence_and_names_its_source(tmp_path):
    result = ingest(SEEDS + FIXTURE_ARTICLES, tmp_path, TODAY, bank_id="all")
    sentences = {}
    for path in SEEDS + FIXTURE_ARTICLES:
        source = next(s for s in result.bank.sources if s.path.endswith(path.name))
        sentences[source.id] = {s.text for s in
                                read_article(path.read_text(encoding="utf-8")).sentences}
    for question in result.bank.questions:
        for line in question.evidence.split("\n"):
            assert line in sentences[question.source], (question.id, line)


def test_distractors_are_of_the_answers_kind():
    pools = Pools(parties=("North Korea", "United States", "Vietnam", "ASEAN"),
                  people=("Kim Jong-Un", "Kim Jong-un", "John Bolton", "Mike Pompeo"))
    choices = party_choices("North Korea", pools, "seed")
    assert choices[:2] == ["United States", "Vietnam"]  # the story's countries first
    # then a country near the answer, from the gazetteer: never the story's body, ASEAN
    assert choices[2] in _alike("North Korea") and choices[2] not in pools.parties
    assert party_choices("North Korea", pools, "seed") == choices  # fixed by the seed
    choices = party_choices("Pyongyang", pools, "seed", n=10)
    assert not set(choices) & {"North Korea", "DPRK", "ASEAN"}
    table = gazetteer()
    assert all(table.party_of[c] in table.countries for c in choices)
    assert person_choices("Kim Jong-Un", pools, "seed") == ["John Bolton", "Mike Pompeo"]


def test_date_distractors_differ_in_their_month_and_never_repeat_the_day():
    choices = date_choices("2018-09-10", Pools(dates=("2018-09-06", "2018-07-08")), "s")
    assert "6 September 2018" not in choices and "8 July 2018" in choices
    assert all(" October " not in c for c in choices)  # month 10 could read as the 10th
    assert date_choices("2018-06", Pools(), "s") == ["May 2018", "July 2018", "April 2018"]
    assert date_choices("2021", Pools(dates=("2018",)), "s") == ["2018", "2020", "2022"]


def _candidates(text: str, date: dt.date | None = None):
    article = read_article(text, date=date)
    facts = extract_facts(article)
    return make_candidates(facts, pools_for(facts, []), "test", article)


def _made(prompt: str, answer: str, qtype=QuestionType.MCQ, choices=(), context=None):
    from quizcli.making.questions import Candidate
    from quizcli.model import Fact, FactKind, Question

    fact = Fact("f-1", "s", FactKind.FACT, answer, "Evidence sentence here.")
    question = Question("q-1", qtype, prompt, answer, fact.evidence, "s", "f-1",
                        choices=tuple(choices))
    return Candidate(question, 1.0, (), (fact,), context)


@pytest.mark.parametrize(
    ("candidate", "reason"),
    [
        (_made("Which party, North Korea or another, insists on it?", "North Korea",
               choices=("North Korea", "China", "Japan")), "gives the answer away"),
        (_made("Which party insists on this, Pyongyang or another?", "North Korea",
               choices=("North Korea", "China", "Japan")), "gives the answer away"),
        (_made("It has not tested any missile for _____.", "a year", QuestionType.CLOZE),
         "hangs on a pronoun"),
        (_made("But he emphasised the need for _____.", "guarantees", QuestionType.CLOZE),
         "hangs on a pronoun"),
        (_made("Which party insists that the talks include the?", "China",
               choices=("China", "Japan", "India")), "a fragment"),
        (_made("Which party insists that “the talks must go on?", "China",
               choices=("China", "Japan", "India")), "a fragment"),
        (_made("Which party insists that the talks must go on?", "China",
               choices=("China", "Japan", "china")), "too few or repeated choices"),
        (_made("Which party insists that the talks must go on?", "China",
               choices=("India", "Japan", "Nepal")), "the answer is not exactly one choice"),
        (_made("Is this statement correct? “The report is true and complete.”", "True",
               QuestionType.TRUE_FALSE), "gives the answer away"),
    ],
)
def test_the_gate_says_why_it_drops_a_question(candidate, reason):
    assert reject_reason(candidate) == reason


def test_a_pronoun_with_its_sentence_before_passes_the_gate():
    candidate = _made("North Korea stopped. It has not tested any missile for _____.", "a year",
                      QuestionType.CLOZE, context="North Korea stopped.")
    assert reject_reason(candidate) is None


def test_the_gate_keeps_the_best_within_the_budget():
    text = SEED_1.read_text(encoding="utf-8")
    candidates = _candidates(text)
    gated = gate(candidates, budget=5)
    assert len(gated.kept) == 5
    assert [c.score for c in gated.kept] == sorted((c.score for c in gated.kept), reverse=True)
    assert min(c.score for c in gated.kept) >= max(
        c.score for c, why in gated.dropped if why == "over the article's budget")


_PHRASES = st.sampled_from([
    "Pyongyang insists that the talks must include the U.S.",
    "The U.S. sought an inventory of weapons.",
    "US Secretary of State Mike Pompeo on July 8 said that sanctions would stay.",
    "National Security Adviser John Bolton said that North Korea must act first.",
    "\"We will not wait for ever on this matter,\" Bolton said Monday.",
    "China favours dialogue between the two Koreas and Japan.",
    "A summit is soon to take place in Vietnam, after the meet in Singapore.",
    "South Korea's President Moon Jae-in favours rapprochement with the North.",
    "It contends that Seoul will gain from the deal in 2021.",
    "The talks came without indicating a timetable for the process.",
    "India rejected the claim made by Beijing in June.",
])


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(_PHRASES, min_size=1, max_size=12), st.booleans())
def test_every_question_keeps_its_invariants(sentences, dated):
    text = "A title for the story\n\n" + "\n\n".join(sentences)
    article = read_article(text, date=dt.date(2018, 9, 11) if dated else None)
    facts = extract_facts(article)
    candidates = make_candidates(facts, pools_for(facts, []), "prop", article)
    table = gazetteer()
    shown = {s.text for s in article.sentences}
    for candidate in gate(candidates).kept:
        q = candidate.question
        assert all(line in shown for line in q.evidence.split("\n"))
        if q.type is not QuestionType.MCQ:
            continue
        assert q.choices.count(q.answer) == 1
        assert len({compared(c) for c in q.choices}) == len(q.choices)
        canon = table.party_of.get(q.answer)
        if canon:
            assert not any(table.party_of.get(c) == canon for c in q.choices if c != q.answer)
        if any(q.answer in f.people for f in candidate.facts):
            assert len(q.choices) == 4  # a person among four, or typed


def test_ingest_command(runner, tmp_path, quizcli_home):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = runner.invoke(app, ["ingest", str(SEED_1), str(bad), "--bank", "korea",
                                 "--title", "Korea"], env={"COLUMNS": "120"})
    assert result.exit_code == 2
    assert f"{bad}: is a binary file" in result.stderr
    written = quizcli_home / "banks" / "korea.yaml"
    assert load_bank(written).title == "Korea"
    assert (quizcli_home / "banks" / "sources" / SEED_1.name).read_bytes() == SEED_1.read_bytes()
    assert "questions added; the bank now holds" in result.stdout

    again = runner.invoke(app, ["ingest", str(SEED_1), "--bank", "korea"])
    assert again.exit_code == 0
    assert "Nothing new" in again.stdout


def test_ingest_shows_progress_and_names_a_bank_by_its_first_title(runner, quizcli_home,
                                                                    monkeypatch):
    from rich.progress import Progress

    steps: list[str] = []
    add_task, advance = Progress.add_task, Progress.advance

    def adding(self, description, **options):
        steps.append(description)
        return add_task(self, description, **options)

    def advancing(self, task, advance_by=1):
        steps.append("advance")
        return advance(self, task, advance_by)

    monkeypatch.setattr(Progress, "add_task", adding)
    monkeypatch.setattr(Progress, "advance", advancing)
    files = [*FIXTURE_ARTICLES, SEED_0, SEED_1]
    assert len(files) > 3  # fewer are read too fast to need a bar
    result = runner.invoke(app, ["ingest", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert steps == ["Reading articles"] + ["advance"] * len(files)  # one step an article
    assert (quizcli_home / "banks" / "chandrayaan-3-india-on-the-moon.yaml").is_file()


def test_export_json(runner, tmp_path):
    out = tmp_path / "deck" / "korea.json"
    result = runner.invoke(app, ["export", "--bank", "korea-summits", "--format", "json",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text(encoding="utf-8"))
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    assert len(records) == len(bank.questions)
    for record in records:
        assert {"id", "type", "prompt", "answer", "choices", "evidence", "source", "fact",
                "tags"} <= record.keys()
        assert record["source_title"]
    assert not [p for p in out.parent.iterdir() if p.name != "korea.json"]

    to_stdout = runner.invoke(app, ["export", "--bank", "korea-summits", "-o", "-"])
    assert json.loads(to_stdout.stdout) == records

    unknown = runner.invoke(app, ["export", "--bank", "nope", "-o", str(out)])
    assert unknown.exit_code == 1
    assert "no bank named 'nope'" in unknown.stderr
