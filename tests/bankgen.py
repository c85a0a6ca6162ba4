"""Bank texts and hypothesis strategies shared by the tests."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from quizcli.model import DETAIL_KEYS, Bank, Fact, FactKind, Question, QuestionType, Source


def one_source_bank(bank_id: str, title: str, body: str) -> str:
    """The text of a bank with one source, `s1`: its header, then `body` (its facts and
    questions)."""
    return (f"quizcli_bank: 1\nid: {bank_id}\ntitle: {title}\ncreated: 2026-11-22\n"
            f"updated: 2026-11-22\nsources:\n- id: s1\n  title: An article\n{body}")


MINIMAL = one_source_bank("tiny", "A tiny bank", """\
facts:
- id: f1
  source: s1
  kind: place
  answer: Vietnam
  evidence: The meeting will take place in Vietnam.
questions:
- id: q1
  type: mcq
  prompt: Where will the meeting take place?
  choices: [Vietnam, Singapore, China]
  answer: Vietnam
  evidence: The meeting will take place in Vietnam.
  source: s1
  fact: f1
""")

SCREENS = """\
quizcli_bank: 1
id: river-commission-and-harbour-board-practice-questions
title: The river commission and the harbour board
created: 2026-11-22
updated: 2026-11-22
sources:
- id: s1
  title: The river commission meets
  publisher: The Daily Example
facts:
- id: f1
  source: s1
  kind: place
  answer: Lakeshore
  evidence: The commission will meet in Lakeshore next month.
- id: f2
  source: s1
  kind: role
  answer: Asha Verma
  evidence: Commission chair Asha Verma opened the meeting.
- id: f3
  source: s1
  kind: number
  answer: "14"
  evidence: The commission has 14 members.
questions:
- id: q1
  type: mcq
  prompt: Where will the river commission meet next month?
  choices: [Lakeshore, Hillcrest, Riverside, Eastport]
  answer: Lakeshore
  evidence: The commission will meet in Lakeshore next month.
  source: s1
  fact: f1
- id: q2
  type: mcq
  prompt: |-
    Match List I (person) with List II (office held, as the article gives it):
    List I
    A. Asha Verma
    B. Ravi Menon
    C. Lena Ortiz
    D. Tomas Berg
    List II
    1. Commission chair
    2. Harbour board secretary
    3. Port authority director
    4. Deputy mayor of Eastport
    Select the correct answer:
  choices:
  - A-1, B-2, C-3, D-4
  - A-2, B-1, C-3, D-4
  - A-1, B-2, C-4, D-3
  - A-4, B-2, C-3, D-1
  answer: A-1, B-2, C-3, D-4
  evidence: |-
    Commission chair Asha Verma opened the meeting.
    Harbour board secretary Ravi Menon read the minutes.
    Port authority director Lena Ortiz spoke next.
    Deputy mayor of Eastport Tomas Berg closed it.
  source: s1
  fact: f2
  tags:
    kind: [match]
- id: q3
  type: short
  prompt: How many members does the river commission have?
  answer: "14"
  evidence: The commission has 14 members.
  source: s1
  fact: f3
"""
"""A bank with a long id and one card of each kind a screen draws: a multiple-choice card,
a match-the-pairs card and a recall card, in that order, each on a fact of its own."""

# Text a person might put in a bank: any printable character, never blank.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t'\":#-?[]{}&*!|>%@`"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
_tags = _text.map(lambda s: s.replace("\n", " ").replace("\t", " ")).filter(
    lambda s: s.strip() != "")
"""A tag is one line: a tab or newline would make another field in Anki's import."""
_ids = st.text(
    alphabet=string.ascii_letters + string.digits + "-_.:", min_size=1, max_size=12
).filter(lambda s: s[0].isalnum())
_dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}").filter(
    lambda s: s[0] != "0"
)
_partial_dates = st.one_of(
    st.none(), _dates, _dates.map(lambda s: s[:7]), _dates.map(lambda s: s[:4])
)


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    """Any valid bank."""
    source_ids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    sources = tuple(
        Source(
            id=sid,
            title=draw(_text),
            publisher=draw(st.none() | _text),
            date=draw(_partial_dates),
            path=draw(st.none() | _ids.map(lambda name: f"sources/{name}.txt")),
            url=draw(st.none() | _text),
        )
        for sid in source_ids
    )
    fact_ids = draw(st.lists(_ids, max_size=3, unique=True))
    kinds = {fid: draw(st.sampled_from(FactKind)) for fid in fact_ids}
    facts = tuple(
        Fact(
            id=fid,
            source=draw(st.sampled_from(source_ids)),
            kind=kinds[fid],
            answer=draw(_text),
            evidence=draw(_text),
            parties=tuple(draw(st.lists(_text, max_size=3))),
            people=tuple(draw(st.lists(_text, max_size=3))),
            date=draw(_partial_dates),
            detail=draw(st.dictionaries(st.sampled_from(sorted(DETAIL_KEYS[kinds[fid]])),
                                        _text, max_size=3)),
            by=draw(st.none() | st.just("rules")),
        )
        for fid in fact_ids
    )
    questions = []
    for qid in draw(st.lists(_ids, max_size=4, unique=True)):
        qtype = draw(st.sampled_from(QuestionType))
        answer = draw(_text)
        choices: tuple[str, ...] = ()
        prompt = draw(_text)
        if qtype is QuestionType.MCQ:
            others = draw(st.lists(_text.filter(answer.__ne__), min_size=1, max_size=4,
                                   unique=True))
            choices = tuple(draw(st.permutations([answer, *others])))
        elif qtype is QuestionType.TRUE_FALSE:
            answer = draw(st.sampled_from(["True", "False"]))
        elif qtype is QuestionType.CLOZE:
            prompt = prompt + " _____"
        questions.append(Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            answer=answer,
            evidence=draw(_text),
            source=draw(st.sampled_from(source_ids)),
            fact=draw(st.none() | st.sampled_from(fact_ids)) if fact_ids else None,
            choices=choices,
            accept=tuple(draw(st.lists(_text, max_size=2))),
            tags=draw(st.dictionaries(_ids, st.lists(_tags, max_size=2).map(tuple), max_size=3)),
        ))
    return Bank(
        id=draw(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)),
        title=draw(_text),
        created=draw(_dates),
        updated=draw(_dates),
        description=draw(st.none() | _text),
        sources=sources,
        facts=facts,
        questions=tuple(questions),
    )
