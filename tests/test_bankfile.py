from __future__ import annotations

import os
from pathlib import Path

import pytest
from bankgen import MINIMAL, banks
from conftest import SHIPPED_BANKS
from hypothesis import given
from hypothesis import strategies as st

from quizcli.bankfile import dump_bank, load_bank, parse_bank, save_bank
from quizcli.errors import BankError
from quizcli.model import QuestionType


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(BankError) as caught:
        parse_bank(text, "b.yaml")
    return [(p.line, p.message) for p in caught.value.problems]


def test_minimal_bank_loads():
    bank = parse_bank(MINIMAL)
    assert bank.id == "tiny"
    assert bank.created == "2026-11-22"
    (question,) = bank.questions
    assert question.type is QuestionType.MCQ
    assert question.choices == ("Vietnam", "Singapore", "China")
    assert question.fact == "f1"


def test_shipped_bank_is_written_in_the_canonical_layout():
    """Writing a shipped bank back gives the same text, so re-saves make no noise in git."""
    for path in SHIPPED_BANKS.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert dump_bank(parse_bank(text, path)) == text


def test_three_errors_are_reported_at_their_lines():
    text = (
        MINIMAL.replace("title: A tiny bank", "title: [A, list]")
        .replace("  choices: [Vietnam, Singapore, China]\n  answer: Vietnam",
                 "  choices: [Vietnam, Singapore, China]\n  answer: Hanoi")
        .replace("  fact: f1\n", "  fact: f1\n  promt: typo\n")
    )
    assert problems(text) == [
        (3, "bank: 'title' must be text, not a list"),
        (20, "question q1: the answer 'Hanoi' is not one of its choices; it must be exactly "
             "one of them"),
        (24, "question q1: unknown field 'promt'; did you mean 'prompt'?"),
    ]


def test_missing_field_points_at_its_record():
    text = MINIMAL.replace("  evidence: The meeting will take place in Vietnam.\n  source: s1\n"
                           "  fact: f1\n", "  source: s1\n  fact: f1\n")
    assert problems(text) == [(16, "question q1: 'evidence' is missing")]


def test_invalid_yaml_names_the_line():
    [(line, message)] = problems(MINIMAL.replace("choices: [Vietnam,", "choices: [Vietnam"
                                                 "\n  bad: {"))
    assert line == 20
    assert message.startswith("invalid YAML")


def test_duplicate_ids_and_keys():
    text = MINIMAL + MINIMAL[MINIMAL.index("- id: q1"):].replace("  type: mcq\n",
                                                                   "  type: mcq\n  type: mcq\n")
    found = problems(text)
    assert (24, "question q1: the id is used again (first by question #1); give each question "
                "its own id") in found
    assert (26, "'type' is given twice in the same mapping; keep one") in found


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("[Vietnam, Singapore, China]", "[Vietnam, Singapore, Vietnam]"),
         "the answer 'Vietnam' appears 2 times among its choices"),
        (("[Vietnam, Singapore, China]", "[Vietnam]"), "needs at least 2 choices"),
        (("[Vietnam, Singapore, China]", "[Vietnam, China, China]"),
         "the choice 'China' is listed twice"),
        (("type: mcq", "type: essay"), "'type' must be one of mcq, cloze, short, truefalse"),
        (("kind: place", "kind: weather"), "'kind' must be one of date, quote"),
        (("  fact: f1\n", "  fact: f9\n"), "no fact has the id 'f9'"),
        (("  source: s1\n  fact", "  source: s2\n  fact"), "no source has the id 's2'"),
        (("quizcli_bank: 1", "quizcli_bank: 7"), "this quizcli reads bank format 1"),
        (("id: tiny", "id: Tiny Bank"), "is not a usable bank id"),
        (("id: q1", "id: q 1"), "is not a usable id"),
        (("created: 2026-11-22", "created: 2026-02-30"), "invalid value"),
        (("created: 2026-11-22", "created: yesterday"), "must be a day such as 2026-11-22"),
        (("China]\n  answer: Vietnam", "China]\n  answer: yes"), "yes/no value"),
    ],
)
def test_each_rule(change: tuple[str, str], expected: str):
    old, new = change
    assert MINIMAL.count(old) == 1
    found = problems(MINIMAL.replace(old, new))
    assert any(expected in message for _, message in found), found


def test_question_kinds_have_their_own_rules():
    cloze = MINIMAL.replace("  type: mcq\n  prompt: Where will the meeting take place?\n"
                            "  choices: [Vietnam, Singapore, China]\n",
                            "  type: cloze\n  prompt: The meeting will take place in Hanoi.\n")
    assert problems(cloze) == [(18, "question q1: a fill-in-the-blank prompt must mark the gap "
                                    "with _____")]
    assert parse_bank(cloze.replace("in Hanoi.", "in _____.")).questions[0].answer == "Vietnam"
    true_false = MINIMAL.replace("  type: mcq\n", "  type: truefalse\n").replace(
        "  choices: [Vietnam, Singapore, China]\n  answer: Vietnam\n", "  answer: false\n")
    assert parse_bank(true_false).questions[0].answer == "False"
    short_with_choices = MINIMAL.replace("  type: mcq\n", "  type: short\n")
    assert "only multiple-choice questions have choices" in problems(short_with_choices)[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("id: x\n", "'quizcli_bank: 1' is missing"),
        ("quizcli_bank: 1\n", "'id' is missing"),
        ("a: b\n---\nc: d\n", "invalid YAML"),
        ("x: !!python/object:os.system ls\n", "invalid YAML"),
        ("[" * 5000, "invalid YAML"),
    ],
)
def test_not_a_bank(text: str, expected: str):
    assert any(expected in message for _, message in problems(text))


def test_unreadable_files(tmp_path: Path):
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(MINIMAL.replace("A tiny bank", "Caf\xe9").encode("latin-1"))
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(bytes(range(256)))
    for path, expected in [
        (latin1, ":3: is not UTF-8 text"),
        (binary, "is not UTF-8 text"),
        (tmp_path, "is a folder, not a bank file"),
        (tmp_path / "missing.yaml", "no such file"),
    ]:
        with pytest.raises(BankError) as caught:
            load_bank(path)
        assert expected in str(caught.value)
        assert str(caught.value).startswith(str(path))


@given(banks())
def test_dump_then_load_gives_back_the_same_bank(bank):
    assert parse_bank(dump_bank(bank)) == bank


@given(banks())
def test_the_short_ways_through_yaml_give_what_the_general_ways_give(bank):
    import yaml

    from quizcli import bankfile, yamlfast

    text = dump_bank(bank)
    data = bankfile._layout(bank.to_dict())
    assert text == bankfile.HEADER + yaml.dump(data, Dumper=bankfile._Dumper,
                                               **bankfile._DUMP_OPTIONS)
    loader = bankfile._Loader(text)
    try:
        assert yamlfast.built(loader.get_single_node(), loader) == yaml.load(
            text, Loader=yaml.SafeLoader)
    finally:
        loader.dispose()


_TRICKY = st.lists(st.sampled_from(
    list(" \n:#-?,[]{}'\"!&*|>%@`.a1é’\u00a0\u2028\ufeff\t\x85yn~=<+e\U0001F600")
    + ["true", "null", "1.5", "2026-01-01", "---", "...", "0x1F", "No"]), max_size=8).map("".join)


@given(_TRICKY, _TRICKY)
def test_text_written_straight_is_what_the_emitter_writes(value, key):
    """Written straight or left to the emitter (Unusual), text comes out as libyaml
    writes it: plain, quoted or a literal block, as a value, a key, in a list."""
    import yaml

    from quizcli import bankfile, yamlfast

    data = {"quizcli_bank": 1, key or "k": value, "list": [value, "x"],
            "flow": bankfile._Flow([value, "y"]), "nested": {"id": value, "n": None}}
    try:
        text = yamlfast.written(data, bankfile._Flow, yamlfast.Resolver())
    except yamlfast.Unusual:
        return
    assert text == yaml.dump(data, Dumper=bankfile._Dumper, **bankfile._DUMP_OPTIONS)


def test_what_the_short_way_does_not_build_the_general_way_does():
    """An unquoted date, a key given twice: the general loader builds them, and the checks
    report them."""
    dated = MINIMAL.replace("created: 2026-11-22", "created: 2026-11-22\ndescription: 2026-11-23")
    with pytest.raises(BankError, match="must be text, not a date"):
        parse_bank(dated)
    with pytest.raises(BankError, match="given twice"):
        parse_bank(MINIMAL.replace("title: A tiny bank", "title: A tiny bank\ntitle: Again"))


@given(st.text(max_size=2000))
def test_any_text_is_a_bank_or_a_bank_error(text: str):
    try:
        parse_bank(text)
    except BankError as exc:
        assert exc.problems
        assert all(p.message for p in exc.problems)


@given(st.binary(max_size=500))
def test_any_bytes_are_a_bank_or_a_bank_error(tmp_path_factory, data: bytes):
    path = tmp_path_factory.mktemp("bytes") / "bank.yaml"
    path.write_bytes(data)
    try:
        load_bank(path)
    except BankError as exc:
        assert exc.problems


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    bank = parse_bank(MINIMAL)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_bank(bank, path)
    assert path.read_text(encoding="utf-8") == MINIMAL
    assert os.listdir(tmp_path) == ["tiny.yaml"]
    monkeypatch.undo()
    save_bank(bank, path)
    assert load_bank(path) == bank


def test_a_bank_that_named_its_exam_format_as_the_kind_reads_it_as_the_format():
    from quizcli.model import Question
    from quizcli.question_kinds import question_kind

    old = Question.from_dict({
        "id": "q-1", "type": "mcq", "prompt": "Consider the following statements: ...",
        "choices": ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"],
        "answer": "1 only", "evidence": "One.\nTwo.", "source": "s", "fact": "f-1",
        "tags": {"topic": ["wetlands"], "kind": ["statements"], "party": ["Nepal"]}})
    assert old.tags == {"topic": ("wetlands",), "kind": ("number",),
                        "format": ("statements",), "party": ("Nepal",)}
    assert question_kind(old) == "statements"
    assert Question.from_dict(old.to_dict()) == old
