"""Questions on several facts of one story: statements, match the pairs, chronology."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.ids import digest
from quizcli.making.distractors import stable_order
from quizcli.making.figures import figure_choices, hedged_before
from quizcli.making.questions.candidate import (
    HEAD_OF_STATE,
    PRONOUN_START,
    Candidate,
    question_id,
    word_count,
)
from quizcli.making.questions.figure import bound
from quizcli.making.scores import score
from quizcli.model import Fact, FactKind
from quizcli.text import in_brackets

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker


def statements(maker: Maker, skip: int = 0) -> Candidate | None:
    """'Which of the statements given above is/are correct?' on the figures of two or
    three sentences of the story, some of them changed to a near figure; with `skip`,
    on the sentences after the first `skip` that serve (a second set of statements).

    A figure's sentence is shown as the article wrote it, so a true statement is
    true by the article's own words and a false one differs in its figure alone.
    """
    lines = _statement_lines(maker.facts)[skip:skip + 3]
    if len(lines) < 2:
        return None
    first = lines[0][0]
    qid = question_id(*(f.id for f, _ in lines), "statements")
    flags = int(digest(qid), 16)
    shown: list[str] = []
    truths: list[bool] = []
    for i, (fact, text) in enumerate(lines):
        true = bool(flags >> i & 1) or (i == len(lines) - 1 and not any(truths))
        if i == len(lines) - 1 and all(truths) and true:
            true = False  # one statement at least is changed: copied ones alone test nothing
        if not true:
            swap = figure_choices(fact.answer, qid + str(i), n=1,
                                  ceiling=bound(fact.evidence, fact.answer))
            if swap:
                text = text.replace(fact.answer, swap[0], 1)
            else:
                true = True
        shown.append(text)
        truths.append(true)
    numbers = [str(i + 1) for i, t in enumerate(truths) if t]
    if len(lines) == 2:
        options = ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"]
        answer = ("Neither 1 nor 2" if not numbers else
                  f"{numbers[0]} only" if len(numbers) == 1 else "Both 1 and 2")
    else:
        answer = ("1, 2 and 3" if len(numbers) == 3 else
                  f"{numbers[0]} and {numbers[1]} only" if len(numbers) == 2 else
                  f"{numbers[0]} only")
        # Three of the other six answers, as the exam mixes them: one of one statement and
        # one of two at least, so that the choices do not tell how many are true.
        others = stable_order([o for o in _OF_THREE if o != answer], qid)
        single = next(o for o in others if o.endswith(" only") and " and " not in o)
        double = next(o for o in others if o.endswith(" only") and " and " in o)
        options = [answer, single, double,
                   next(o for o in others if o not in (single, double))]
    body = "\n".join(f"{i + 1}. {text}" for i, text in enumerate(shown))
    prompt = ("Consider the following statements:\n" + body +
              "\nWhich of the statements given above is/are correct?")
    wrong = [o for o in options if o != answer]
    evidence = "\n".join(dict.fromkeys(f.evidence for f, _ in lines))
    return maker.mcq(first, "statements:" + qid, prompt, answer, wrong,
                     score=score("statements"), why=["statements"], kind="statements",
                    extra=tuple(f for f, _ in lines[1:]), evidence=evidence)

_REFERS_BACK = re.compile(r"\b(?:to|of|on|in|about|for|with|from)\s(?:it|them)\b")
"""A pronoun that stands for something of another sentence: "changes to it"."""

_OF_THREE = ("1 only", "2 only", "3 only", "1 and 2 only", "2 and 3 only", "1 and 3 only",
             "1, 2 and 3")
"""The answers to three statements, in the order the exam lists them."""


def _statement_lines(facts: list[Fact]) -> list[tuple[Fact, str]]:
    """The figures whose sentences read as statements alone, one figure a sentence; none
    in brackets (a statement false in an aside alone tests nothing worth learning) nor
    after a hedge ("over 48%" changed to "over 38%" is still true)."""
    lines: list[tuple[Fact, str]] = []
    sentences: set[str] = set()
    for fact in facts:
        unit = fact.detail.get("unit", "")
        evidence = _unlabelled(fact.evidence)
        if (fact.kind is not FactKind.NUMBER or unit in ("count", "value", "ordinal")
                or evidence in sentences or not 8 <= word_count(evidence) <= 30
                or PRONOUN_START.match(evidence) or re.search(r"[\"“”]", evidence)
                or evidence.count(fact.answer) != 1 or ":" in evidence[:40]
                or not evidence.endswith((".", "!", "?")) or _REFERS_BACK.search(evidence)
                or in_brackets(evidence, evidence.find(fact.answer))
                or hedged_before(evidence, evidence.find(fact.answer))):
            continue
        sentences.add(evidence)
        lines.append((fact, evidence))
    return lines


def _unlabelled(sentence: str) -> str:
    """A bullet's sentence without the short label that opens it, as a statement reads:
    'Funding Gap: In 2024, only $5.9 billion ...' is 'In 2024, only $5.9 billion ...'."""
    label = re.match(r"[A-Z][^:.;]{1,40}?:\s(?=[A-Z])", sentence)
    return sentence[label.end():] if label and word_count(label.group()) <= 4 else sentence


def more_statements(maker: Maker) -> Candidate | None:
    """A second set of statements, on the figures the first set leaves."""
    return statements(maker, skip=3)




def match_pairs(maker: Maker) -> Candidate | None:
    """Match each person with the office the story gives them, leaving out the heads of
    states and governments, whom every reader knows."""
    pairs: list[tuple[Fact, str, str]] = []
    for fact in maker.facts:
        title = fact.detail.get("title", "")
        if fact.kind is not FactKind.ROLE or not title[:1].isupper() or word_count(title) < 2 \
                or HEAD_OF_STATE.search(title):
            continue
        if any(p == fact.answer or t == title for _, p, t in pairs):
            continue
        pairs.append((fact, fact.answer, title))
        if len(pairs) == 4:
            break
    if len(pairs) < 3:
        return None
    qid = question_id(*(f.id for f, _, _ in pairs), "match")
    letters = "ABCD"[:len(pairs)]
    titles = stable_order([t for _, _, t in pairs], qid)
    code = ", ".join(f"{letters[i]}-{titles.index(t) + 1}" for i, (_, _, t) in
                     enumerate(pairs))
    # Each wrong code swaps two pairs of the right one and keeps the rest, so that
    # knowing one pair rules out one choice, not all three.
    right = [titles.index(t) + 1 for _, _, t in pairs]
    wrong = []
    for a, b in ((0, 1), (len(pairs) - 2, len(pairs) - 1), (0, len(pairs) - 1), (1, 2)):
        swapped = list(right)
        swapped[a], swapped[b] = swapped[b], swapped[a]
        text = ", ".join(f"{letters[i]}-{n}" for i, n in enumerate(swapped))
        if text != code and text not in wrong:
            wrong.append(text)
    list_one = "\n".join(f"{letters[i]}. {p}" for i, (_, p, _) in enumerate(pairs))
    list_two = "\n".join(f"{i + 1}. {t}" for i, t in enumerate(titles))
    prompt = ("Match List I (person) with List II (office held, as the article gives it):\n"
              f"List I\n{list_one}\nList II\n{list_two}\nSelect the correct answer:")
    evidence = "\n".join(dict.fromkeys(f.evidence for f, _, _ in pairs))
    return maker.mcq(pairs[0][0], "match:" + qid, prompt, code, wrong[:3],
                     score=score("match"), why=["match"], kind="match",
                    extra=tuple(f for f, _, _ in pairs[1:]), evidence=evidence)

_ASIDE = re.compile(r",\s(?:something|which|who|whom|whose|where)\b")
"""An aside after the sentence's own event: a date in it dates the aside."""
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def order(maker: Maker) -> Candidate | None:
    """Put three or four dated events of the story in order."""
    events: list[tuple[Fact, str]] = []
    seen_dates: set[str] = set()
    seen_sentences: set[str] = set()
    latest = maker.article_date.isoformat() if maker.article_date else "0"
    for fact in sorted((f for f in maker.facts if f.kind is FactKind.DATE and f.date
                        and f.date.count("-") >= 1 and f.date <= latest),
                       key=lambda f: f.date or ""):
        # Only what has happened by the article's date: "to meet again in May" is a plan.
        if fact.date in seen_dates or fact.evidence in seen_sentences:
            continue
        written = fact.detail.get("written", "")
        if not _YEAR.search(written):
            continue  # "in April", "on Friday": no reader can order what has no year
        if fact.evidence.count(written) != 1 or _ASIDE.search(
                fact.evidence, 0, fact.evidence.find(written)):
            continue  # "…, something she had refused to do last October": not its event's date
        text = re.sub(rf"{re.escape(written)}['’]s\b", "the", fact.evidence, count=1)
        if text == fact.evidence:  # "in Saturday's election" is "in the election"
            text = re.sub(rf"(?:\b(?i:on|in|since|by|during)\s+)?{re.escape(written)}", "",
                          fact.evidence, count=1)
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"\s+([,.])", r"\1", text).strip()
        text = re.sub(r"^[,;:\s]+", "", text)
        text = text[:1].upper() + text[1:]
        if word_count(text) > 35:
            continue
        seen_dates.add(fact.date or "")
        seen_sentences.add(fact.evidence)
        events.append((fact, text))
    if len(events) < 3:
        return None
    events = events[:4]
    qid = question_id(*(f.id for f, _ in events), "order")
    shown = stable_order([t for _, t in events], qid)
    correct = [shown.index(t) + 1 for _, t in events]
    answer = "-".join(map(str, correct))
    wrong = []
    for shift in range(1, len(events)):
        perm = correct[shift:] + correct[:shift]
        wrong.append("-".join(map(str, perm)))
    wrong.append("-".join(map(str, reversed(correct))))
    wrong = [w for w in dict.fromkeys(wrong) if w != answer][:3]
    body = "\n".join(f"{i + 1}. {t}" for i, t in enumerate(shown))
    prompt = ("Arrange these events of the story in the order in which they happened:\n"
              f"{body}\nSelect the correct order:")
    evidence = "\n".join(dict.fromkeys(f.evidence for f, _ in events))
    return maker.mcq(events[0][0], "order:" + qid, prompt, answer, wrong, score=2.5,
                     why=["chronology +2.5"], kind="order",
                    extra=tuple(f for f, _ in events[1:]), evidence=evidence)


