"""Ingesting into a bank that is being studied, and articles that give nothing.

tests/fixtures/banks/studied.yaml was made by an earlier reader and maker and is
never regenerated: re-ingesting its articles with the code of the day must keep
every question and its review history, and add no near-duplicate of any of them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import quizcli.making.questions.candidate as candidate
import quizcli.reading.facts as reader
from quizcli.bankfile import load_bank, save_bank
from quizcli.catalog import Folder, discover
from quizcli.making.identity import KnownQuestions, blank_span, identity_key, same_answer
from quizcli.making.ingest import ingest
from quizcli.model import Question, QuestionType
from quizcli.question_kinds import question_kind
from quizcli.review.library import sync_catalog
from quizcli.review.schedule import Rating
from quizcli.review.store import Store
from quizcli.text import compared
from quizcli.ui.app import app

FIXTURE = Path(__file__).parent / "fixtures" / "banks"
BANK_ID = "studied"
BUDGET = 500
"""The budget the fixture was made with: every question that passed the gate is in it."""
NOW = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 12, 20)

HINDI = """# गाँवों के लिए नई जल योजना

राजधानी में आज राज्यों के मंत्रियों की एक बैठक हुई। मंत्री ने कहा कि नई योजना से गाँवों के
किसानों को साफ़ पानी मिलेगा।

सरकार अगले महीने इस योजना की समीक्षा करेगी। बैठक में कई ज़िलों के अधिकारी भी शामिल हुए।
"""


@pytest.fixture
def library(tmp_path) -> tuple[Path, list[Path]]:
    """A banks folder holding a copy of the fixture bank, and the articles it was made from,
    kept elsewhere as a user keeps them."""
    banks = tmp_path / "banks"
    shutil.copytree(FIXTURE, banks, ignore=shutil.ignore_patterns("README.md"))
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURE / "sources", articles)
    return banks, sorted(articles.iterdir())


def _sync(store: Store, banks: Path) -> None:
    assert sync_catalog(store, discover([Folder("user", banks)])) == []


def _study(banks: Path, home: Path) -> dict[str, tuple]:
    """Answer every third question of the bank over some days; returns each studied
    question's log and card."""
    bank = load_bank(banks / f"{BANK_ID}.yaml")
    studied = bank.questions[::3]
    with Store.open(home) as store:
        _sync(store, banks)
        for day, question in enumerate(studied):
            store.record(question.id, Rating.GOOD, NOW + dt.timedelta(days=day))
            second = Rating.AGAIN if day % 2 else Rating.EASY
            store.record(question.id, second, NOW + dt.timedelta(days=day + 3))
        return {q.id: (store.log(q.id), store.card(q.id)) for q in studied}


def _assert_kept(before: list[Question], banks: Path) -> list[Question]:
    """Every question of `before` is in the bank as it was; no two questions of the bank
    are the same question. Returns the bank's questions."""
    after = load_bank(banks / f"{BANK_ID}.yaml").questions
    by_id = {q.id: q for q in after}
    for question in before:
        assert by_id.get(question.id) == question, question.id
    repeated = [key for key, n in Counter(identity_key(q) for q in after).items() if n > 1]
    assert repeated == []
    known = KnownQuestions()
    for question in after:
        assert not known.holds(question), identity_key(question)
        known.add(question)
    prompts = Counter(compared(q.prompt) for q in after)
    assert [p for p, n in prompts.items() if n > 1] == []
    return list(after)


def _rekey(monkeypatch) -> list[str]:
    """Make the reader and maker give every fact and question a new id, as a rewritten
    reader would; returns the question ids made from then on."""
    made: list[str] = []
    real_question_id = candidate.question_id

    def question_id(*parts: str) -> str:
        made.append(real_question_id("reader-v2", *parts))
        return made[-1]

    for name, module in list(sys.modules.items()):
        if name.startswith("quizcli.making.") and getattr(
                module, "question_id", None) is real_question_id:
            monkeypatch.setattr(module, "question_id", question_id)
    if hasattr(reader, "fact_id"):
        real_fact_id = reader.fact_id
        monkeypatch.setattr(reader, "fact_id",
                            lambda *args, **kwargs: real_fact_id(*args, **kwargs) + "2")
    return made


def test_reingesting_keeps_every_studied_question_and_its_history(library, quizcli_home):
    banks, articles = library
    path = banks / f"{BANK_ID}.yaml"
    before = load_bank(path).questions
    history = _study(banks, quizcli_home)
    text, stamp = path.read_bytes(), path.stat().st_mtime_ns

    result = ingest(articles, banks, TODAY, bank_id=BANK_ID, budget=BUDGET)

    _assert_kept(list(before), banks)
    assert all(r.error is None and r.yielded for r in result.reports)
    if not any(r.added for r in result.reports):
        assert not result.changed
        assert (path.read_bytes(), path.stat().st_mtime_ns) == (text, stamp)
    with Store.open(quizcli_home) as store:
        _sync(store, banks)
        for question_id, (log, card) in history.items():
            assert store.log(question_id) == log
            assert store.card(question_id) == card
            assert store.flags(question_id) == (False, False, False)


def test_a_reader_that_gives_every_question_a_new_id_adds_no_near_duplicate(
        library, quizcli_home, monkeypatch):
    banks, articles = library
    before = load_bank(banks / f"{BANK_ID}.yaml").questions
    history = _study(banks, quizcli_home)
    made = _rekey(monkeypatch)

    result = ingest(articles, banks, TODAY, bank_id=BANK_ID, budget=BUDGET)

    _assert_kept(list(before), banks)
    assert made and not set(made) & {q.id for q in before}  # no id can match any more
    assert all(r.already > 0 for r in result.reports)  # so these matched by identity
    with Store.open(quizcli_home) as store:
        _sync(store, banks)
        assert {qid: (store.log(qid), store.card(qid)) for qid in history} == history


def test_questions_edited_by_hand_still_match_by_evidence_and_answer(library, monkeypatch):
    banks, articles = library
    path = banks / f"{BANK_ID}.yaml"
    bank = load_bank(path)
    kinds = {(q.type, question_kind(q)): q for q in bank.questions}
    mcq, cloze = kinds[QuestionType.MCQ, "quote"], kinds[QuestionType.CLOZE, "fact"]
    statements = kinds[QuestionType.MCQ, "statements"]
    edited = {
        mcq.id: replace(mcq, prompt="Whose words are these, in the article? " + mcq.prompt,
                        choices=tuple(reversed(mcq.choices))),
        cloze.id: replace(cloze, answer=f"The {cloze.answer.upper()}.", accept=()),
        statements.id: replace(statements, prompt=statements.prompt.replace(
            "Consider the following statements", "Read these statements")),
    }
    save_bank(replace(bank, questions=tuple(edited.get(q.id, q) for q in bank.questions)),
              path)
    before = load_bank(path).questions
    _rekey(monkeypatch)

    ingest(articles, banks, TODAY, bank_id=BANK_ID, budget=BUDGET)

    after = _assert_kept(list(before), banks)
    for question in edited.values():
        same = [q for q in after if identity_key(q) == identity_key(question)]
        assert [q.id for q in same] == [question.id]


def _question(**changes) -> Question:
    question = Question(
        id="q-1", type=QuestionType.MCQ, prompt="Who said: “The talks will go on”?",
        answer="Dewi Lestari", evidence="“The talks will go on,” Dewi Lestari said.",
        source="talks", fact="f-1", choices=("Dewi Lestari", "Arjun Rao", "Li Wen"),
        accept=("Lestari",), tags={"topic": ("talks",), "kind": ("quote",)})
    return replace(question, **changes)


def test_what_makes_two_questions_the_same():
    key = identity_key(_question())
    for same in (_question(id="q-2", fact="f-2", prompt="Whose words: “The talks will go on”?",
                           choices=("Li Wen", "Dewi Lestari", "Sam Ode"), accept=()),
                 _question(answer="dewi lestari.", tags={"kind": ("quote",)}),
                 _question(evidence="\u201cThe talks will go on\u201d, Dewi Lestari said")):
        assert identity_key(same) == key
    for other in (_question(answer="Arjun Rao"),  # an answer edited by hand is another question
                  _question(evidence="Dewi Lestari said the talks would go on."),
                  _question(source="other-story"),
                  _question(tags={"kind": ("role",)}),
                  _question(type=QuestionType.SHORT)):
        assert identity_key(other) != key


def test_an_answer_that_a_better_reader_widened_or_trimmed_is_the_same_answer():
    assert same_answer("wulandari", "ratna wulandari")
    assert same_answer("data protection act 2023", "data protection act")
    assert not same_answer("indonesia", "indonesian foreign minister")
    assert not same_answer("nine", "nine-judge bench")
    assert not same_answer("2021", "6 september 2021")
    assert not same_answer("", "anything") and same_answer("", "")
    known = KnownQuestions([_question()])
    assert known.holds(_question(id="q-2", answer="Lestari"))
    assert not known.holds(_question(id="q-2", answer="Arjun Rao"))
    assert not known.holds(_question(id="q-2", answer="Lestari", source="other-story"))


def test_a_cloze_and_a_multiple_choice_on_one_blank_are_one_question():
    sentence = "Patrol ships detained 12 fishing boats last year, the navy said."
    cloze = _question(type=QuestionType.CLOZE, choices=(), accept=(), evidence=sentence,
                      prompt="Patrol ships detained _____ last year, the navy said.",
                      answer="12 fishing boats", tags={"kind": ("number",)})
    choice = _question(id="q-2", evidence=sentence, answer="12", choices=("10", "12", "15"),
                       prompt="Which number completes the sentence? “Patrol ships detained "
                              "_____ fishing boats last year, the navy said.”",
                       tags={"kind": ("number",)})
    assert (blank_span(cloze), blank_span(choice)) == ((3, 6), (3, 4))
    assert KnownQuestions([cloze]).holds(choice) and KnownQuestions([choice]).holds(cloze)
    reworded = replace(choice, prompt="How many fishing boats did patrol ships detain?")
    assert blank_span(reworded) is None
    assert KnownQuestions([reworded]).holds(choice)  # still the same multiple choice
    navy = replace(choice, answer="navy", choices=("navy", "army", "police"), prompt=(
        "Which completes the sentence? “Patrol ships detained 12 fishing boats last year, "
        "the _____ said.”"))
    assert not KnownQuestions([cloze, choice]).holds(navy)


def test_two_blanks_of_one_sentence_are_two_questions_whatever_their_answers():
    sentence = "Officials said on September 6 that the plan would be ready by 2021."
    day = _question(evidence=sentence, answer="6 September 2021", tags={"kind": ("date",)},
                    prompt="Which date completes the sentence? “Officials said on _____ that "
                           "the plan would be ready by 2021.”")
    year = replace(day, id="q-2", answer="2021", prompt=(
        "Which date completes the sentence? “Officials said on September 6 that the plan "
        "would be ready by _____.”"))
    assert not KnownQuestions([day]).holds(year) and not KnownQuestions([year]).holds(day)


def test_true_false_and_multi_fact_questions_are_keyed_by_their_sentences():
    statement = _question(type=QuestionType.TRUE_FALSE, answer="True", choices=(),
                          tags={"kind": ("quote",)})
    assert identity_key(replace(statement, answer="False", prompt="Altered")) == identity_key(
        statement)  # whether it is shown true or altered follows the id, not the article
    lines = "First sentence of the story.\nSecond sentence of the story."
    match = _question(evidence=lines, answer="A-1, B-2, C-3", tags={"kind": ("match",)})
    assert identity_key(replace(match, answer="A-2, B-1, C-3",
                                evidence="\n".join(reversed(lines.split("\n"))))
                        ) == identity_key(match)
    assert identity_key(replace(match, evidence=lines + "\nA third one.")) != identity_key(match)
    assert identity_key(replace(match, tags={"kind": ("order",)})) != identity_key(match)
    cloze = _question(type=QuestionType.CLOZE, choices=(), tags={"kind": ("number",)})
    assert identity_key(replace(cloze, tags={"kind": ("fact",)})) == identity_key(cloze)


# --- articles that give nothing -------------------------------------------------


@pytest.fixture
def hindi(tmp_path) -> Path:
    path = tmp_path / "articles" / "jal-yojana.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HINDI, encoding="utf-8")
    return path


def test_an_article_with_no_facts_is_reported_and_leaves_no_trace(tmp_path, hindi):
    out = tmp_path / "banks"
    result = ingest([hindi], out, TODAY, bank_id="water")
    assert [(r.path, r.facts) for r in result.fruitless] == [(hindi, 0)]
    assert not result.changed
    assert not out.exists()  # no empty bank, no copy of the article


def test_an_article_with_no_facts_leaves_a_bank_as_it_was(library, hindi):
    banks, _ = library
    path = banks / f"{BANK_ID}.yaml"
    text, stamp = path.read_bytes(), path.stat().st_mtime_ns
    sources = sorted((banks / "sources").iterdir())
    result = ingest([hindi], banks, TODAY, bank_id=BANK_ID)
    assert [r.path for r in result.fruitless] == [hindi]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (text, stamp)
    assert sorted((banks / "sources").iterdir()) == sources


def test_the_ingest_command_names_an_article_that_gave_nothing(runner, tmp_path, hindi):
    out = tmp_path / "banks"
    alone = runner.invoke(app, ["ingest", str(hindi), "--out", str(out)])
    assert alone.exit_code == 1
    assert alone.stderr == f"{hindi}: no facts found in this article; nothing was added\n"
    assert alone.stdout == ""
    assert not out.exists()

    story = shutil.copy(FIXTURE / "sources" / "wire-fisheries-talks.txt", tmp_path / "articles")
    both = runner.invoke(app, ["ingest", str(hindi), str(story), "--out", str(out),
                               "--bank", "talks"], env={"COLUMNS": "120"})
    assert both.exit_code == 0, both.output
    assert f"{hindi}: no facts found in this article; nothing was added" in both.stderr
    assert "questions added; the bank now holds" in both.stdout
    assert sorted(p.name for p in out.iterdir()) == ["sources", "talks.yaml"]
    assert [p.name for p in (out / "sources").iterdir()] == ["wire-fisheries-talks.txt"]
    assert {s.id for s in load_bank(out / "talks.yaml").sources} == {"wire-fisheries-talks"}


def test_the_facts_command_names_a_file_with_no_facts(runner, tmp_path, hindi):
    alone = runner.invoke(app, ["facts", str(hindi)])
    assert alone.exit_code == 1
    assert alone.stderr == f"{hindi}: no facts found in this article\n"
    assert alone.stdout == ""
    as_json = runner.invoke(app, ["facts", str(hindi), "--json"])
    assert (as_json.exit_code, as_json.stdout.strip()) == (1, "[]")

    story = FIXTURE / "sources" / "wire-fisheries-talks.txt"
    both = runner.invoke(app, ["facts", str(hindi), str(story), "--json"])
    assert both.exit_code == 0
    assert both.stderr == f"{hindi}: no facts found in this article\n"
    assert '"source": "wire-fisheries-talks.txt"' in both.stdout


def test_articles_of_one_name_are_kept_apart_beside_the_bank(tmp_path):
    """Copies are written in the background, but named as if one after another: the same
    bytes are kept once, other bytes under the name with their digest."""
    seed = sorted((Path(__file__).parent.parent / "banks" / "sources").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    paths = []
    for folder, body in (("a", text), ("b", text.replace("the", "a")), ("c", text)):
        path = tmp_path / folder / "story.txt"
        path.parent.mkdir()
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    result = ingest(paths, tmp_path / "banks", TODAY, bank_id="one-name")
    copies = sorted(p.name for p in (tmp_path / "banks" / "sources").iterdir())
    assert len(copies) == 2 and "story.txt" in copies
    for source in result.bank.sources:
        kept = (tmp_path / "banks" / source.path).read_text(encoding="utf-8")
        assert kept in (text, text.replace("the", "a"))
    assert not [p for p in (tmp_path / "banks").rglob("*.tmp")]
