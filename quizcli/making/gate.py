"""The quality gate: a bad question is worse than a missing one.

Drops a question that gives its answer away, reads as a fragment, hangs on a
pronoun with nothing before it, repeats another, or has broken choices. The
rest are ranked by their score (`Candidate.why` says how it was reached) and
each article keeps its best `budget`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizcli.making.figures import unhedged
from quizcli.making.identity import Keyed, KnownQuestions
from quizcli.making.questions import BLANK, PRONOUN_START, Candidate, aliases
from quizcli.model import FactKind, QuestionType
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.numbers import number_value
from quizcli.text import compared

DEFAULT_BUDGET = 40
"""Questions kept per article."""
PER_SENTENCE = 4
"""Questions kept from one sentence: a fifth would ask the same sentence again."""
PER_ANSWER = 2
"""Questions of one article with the same answer: a third asks a known fact again."""
PER_ANSWER_OF_KIND = 1
"""Questions of one article with the same number or date for answer: a second
"six" or a second "2030" asks again what the first did, while a place, a speaker, an
office holder or a named thing is the answer to several facts."""
_ONE_FACT_ONE_ANSWER = frozenset({FactKind.NUMBER, FactKind.DATE})
MIN_SCORE = 1.5
"""Below this a question is not worth an aspirant's time, even with room in the budget."""

_DANGLING = re.compile(r"\b(?:and|or|but|that|the|of|to|a|an|with|by)\W*$", re.I)
_PAIRS = [("“", "”"), ("(", ")"), ("[", "]")]
_INITIALS = re.compile(r"[A-Z]{2,6}")
_MORE = re.compile(r"\b(?:more|another|further|additional)\s")
_AFTER_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th) " + re.escape(BLANK))
"""'The 14th _____': the number is the fact; of what, a dozen words would do."""
_AFTER_COUNT = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,]* " + re.escape(BLANK))
"""'up to 12 _____': what a count counts is the count's fact, asked by the figure."""
_BEFORE_KIND = re.compile(re.escape(BLANK) + r" (?:government|administration|post|tweet|handle"
                          r"|account|page|video)\b")
"""'The _____ government' (Central? Union?), 'in a _____ post': one word, no place, before
the kind of thing it is, is one of many that would do."""


@functools.lru_cache(maxsize=65536)
def answer_key(answer: str) -> str:
    """An answer as compared for asking it again: '6.50%' is '6.5%', '10.0' is '10'."""
    trimmed = re.sub(r"(?<=\d)\.(\d*?)0+(?!\d)", lambda m: f".{m.group(1)}" if m.group(1)
                     else "", answer)
    return compared(trimmed)


def _contains(haystack: str, needle: str) -> bool:
    """Whether `needle` stands in `haystack` as whole words, once both are normalised."""
    needle = compared(needle)
    if len(needle) <= 2:
        return False
    haystack = compared(haystack)
    at = haystack.find(needle)
    while at != -1:
        end = at + len(needle)
        if (at == 0 or not haystack[at - 1].isalnum()) and (
                end == len(haystack) or not haystack[end].isalnum()):
            return True
        at = haystack.find(needle, at + 1)
    return False


def _dangles(text: str) -> bool:
    """Whether the text ends on a word that leaves it hanging ("... and", "... of the").
    What `_DANGLING` matches is the text's last run of word characters and what follows
    it, so the search starts there, not at each word of a long prompt."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return _DANGLING.search(text, start) is not None


_SHOWN = re.compile(r"[?:] “(.*)”$", flags=re.S)


def _shown_sentence(candidate: Candidate) -> str:
    """The article sentence a question shows, where it shows one."""
    prompt = candidate.question.prompt
    # The pattern ends with a closing quotation mark ($: at the end, or before a line
    # break that ends the prompt).
    quoted = _SHOWN.search(prompt) if prompt.endswith(("”", "”\n")) else None
    if quoted and not prompt.startswith("Who said"):
        return quoted.group(1)
    if candidate.question.type is QuestionType.CLOZE:
        return prompt
    return ""


def reject_reason(candidate: Candidate) -> str | None:
    """Why the gate drops this question, or None if it passes."""
    q = candidate.question
    answers = [q.answer, *q.accept]
    table = gazetteer()
    if table.party_of.get(q.answer) == q.answer:  # "Thimphu" gives away "Bhutan"
        answers += aliases(q.answer)
    if any(_contains(q.prompt, a) for a in answers if a not in ("True", "False")):
        return "gives the answer away"
    if q.type is QuestionType.TRUE_FALSE and (_contains(q.prompt, "true")
                                              or _contains(q.prompt, "false")):
        return "gives the answer away"
    if len(q.prompt.split(None, 5)) < 5 or q.prompt[:1].islower():
        return "a fragment"
    if any(q.prompt.count(a) != q.prompt.count(b) for a, b in _PAIRS):
        return "a fragment"
    if q.prompt.count(BLANK) > 1 or (q.type is QuestionType.CLOZE and BLANK not in q.prompt):
        return "a fragment"
    if " , " in q.prompt or _dangles(q.prompt.rstrip("?”\" ")):
        return "a fragment"
    if q.type is QuestionType.CLOZE and _AFTER_COUNT.search(q.prompt):
        return "asks what a count counts"
    if _AFTER_ORDINAL.search(q.prompt) or (_BEFORE_KIND.search(q.prompt) and " " not in q.answer
                                           and candidate.facts[0].kind is not FactKind.PLACE
                                           and q.answer not in table.party_of):
        return "a blank many words complete"
    shown = _shown_sentence(candidate)
    if shown and PRONOUN_START.match(shown) and not candidate.context:
        return "hangs on a pronoun"
    if shown and len(f"{candidate.context or ''} {shown}".replace(BLANK, " ").split()) < 5:
        return "a fragment"  # a table cell or a label: "_____ or higher"
    if q.type is QuestionType.MCQ:
        choices = [compared(c) for c in q.choices]
        if len(choices) < 3 or len(set(choices)) != len(choices):
            return "too few or repeated choices"
        if choices.count(compared(q.answer)) != 1:
            return "the answer is not exactly one choice"
    return None


RETESTING = ("statements", "order", "match")
"""Formats on several facts that teach nothing when their facts are asked on their own:
'Consider the following statements' of figures asked one by one, or a match of people and
offices whose holders are asked one by one ("Foreign Secretary _____")."""


def _without_retests(passed: list[Candidate], dropped: list[tuple[Candidate, str]],
                     seen: set[str], asked: set[str]) -> list[Candidate]:
    """The passed questions but those on several facts of which two or more are asked
    alone by another question, of this article or already in the bank: 'Consider the
    following statements' then only tests again what the card before it did."""
    alone = {c.facts[0].id for c in passed if len(c.facts) == 1} | asked
    kept = []
    for candidate in passed:
        formats = candidate.question.tags.get("format", ())
        if any(f in RETESTING for f in formats) and sum(
                f.id in alone for f in candidate.facts) >= 2:
            dropped.append((candidate, "asks again what single questions ask"))
            seen.discard(compared(candidate.question.prompt))
            continue
        kept.append(candidate)
    return kept


def answer_keys(answer: str, kind: FactKind, evidence: str) -> tuple[str, ...]:
    """The keys a question's answer is counted under in its article: the answer; for the
    kinds `_ONE_FACT_ONE_ANSWER` the answer within its kind of fact; last, the answer
    within its sentence, which one question asks."""
    key = answer_key(answer)
    in_sentence = f"{key}\0{evidence}"
    if kind not in _ONE_FACT_ONE_ANSWER:
        return key, in_sentence
    if kind is FactKind.NUMBER:  # "six more months" is "six months", "over 500" is "500"
        core = (unhedged(answer) or [answer])[-1]
        of_kind = f"{kind.value}\0{answer_key(_MORE.sub('', core))}"
        span = _range_of(answer, evidence)
        if span is not None:  # "five to seven days": either end asks the one range
            return key, of_kind, f"range\0{span}\0{evidence}"
        return key, of_kind, in_sentence
    return key, f"{kind.value}\0{key}", in_sentence


_RANGE_AFTER = re.compile(r"\s?(?:to|–|-)\s?([\w.,]+)")
_RANGE_BEFORE = re.compile(r"([\w.,]+)\s?(?:to|–|-)\s?$")


def _by_initials(candidate: Candidate) -> bool:
    """Whether a question asks a body by its initials ('HLA'), not a country ('UK'), whose
    initials name it in other facts than its full name does."""
    answer = candidate.question.answer
    return candidate.facts[0].kind is FactKind.FACT and _INITIALS.fullmatch(answer) is not None \
        and answer not in gazetteer().party_of


def _range_of(answer: str, evidence: str) -> int | None:
    """Where the range a figure is an end of starts in its sentence ('training of five to
    seven days'), or None where it is none."""
    at = evidence.find(answer)
    if at < 0:
        return None
    after = _RANGE_AFTER.match(evidence, at + len(answer))
    if after and number_value(after.group(1).rstrip(".,")) is not None:
        return at
    before = _RANGE_BEFORE.search(evidence, max(0, at - 30), at)
    if before and number_value(before.group(1)) is not None:
        return before.start(1)
    return None


_Counted = tuple[list[str], list[str], str]


def _counted_as(candidate: Candidate) -> _Counted:
    """The keys a question's answer counts under (`answer_keys`): its names, those the
    question accepts among them ("HLA" and "Hill Lakes Authority" are one answer); the answer
    within its kind; the answer within its sentence."""
    answer, *of_kind, in_sentence = answer_keys(
        candidate.question.answer, candidate.facts[0].kind, candidate.question.evidence)
    names = list(dict.fromkeys([answer, *map(answer_key, candidate.question.accept)]))
    return names, of_kind, in_sentence


def _asked_again(candidate: Candidate, counted: _Counted, per_answer: dict[str, int]
                 ) -> str | None:
    """Why a question asks again an answer the questions kept so far ask, or None."""
    names, of_kind, in_sentence = counted
    if len(candidate.facts) == 1 and (
            any(per_answer.get(name, 0) >= PER_ANSWER for name in names)
            or any(per_answer.get(k, 0) >= PER_ANSWER_OF_KIND for k in of_kind)):
        return "asks the same answer again"
    if _by_initials(candidate) and any(per_answer.get(n, 0) for n in names[1:]):
        return "asks by its initials a name asked"  # "a seat for the _____": HLA, named
    if per_answer.get(in_sentence, 0):
        return "asks the same answer of its sentence again"
    return None


@dataclass(frozen=True)
class Screened:
    """An article's candidates with what the gate and the bank's identities make of each
    alone: worked out where the candidates are made, in a worker of many, it leaves the
    one process that gates them against the bank less to do."""

    candidates: list[Candidate]
    keyed: list[Keyed]
    reasons: list[str | None]
    """`reject_reason` of each candidate."""

    @classmethod
    def of(cls, candidates: list[Candidate]) -> Screened:
        return cls(candidates, [KnownQuestions.keyed(c.question) for c in candidates],
                   [reject_reason(c) for c in candidates])


@dataclass(frozen=True)
class Gated:
    kept: list[Candidate]
    dropped: list[tuple[Candidate, str]]


def gate(candidates: list[Candidate], budget: int = DEFAULT_BUDGET,
         seen_prompts: set[str] | None = None, seen_groups: set[str] | None = None,
         seen_sentences: dict[str, int] | None = None,
         seen_answers: dict[str, int] | None = None, *,
         asked_facts: set[str] | None = None,
         reasons: Sequence[str | None] | None = None) -> Gated:
    """The candidates of one article that pass, best first, at most `budget` of them.

    `seen_prompts` holds the prompts already in the bank, so that no question is
    asked twice; it is updated with the prompts kept. `seen_groups` holds the
    groups of questions already in the bank, so that none is asked again in
    other words. `seen_sentences` and `seen_answers` count the questions the bank
    already asks of each evidence sentence and with each (normalised) answer, so that
    ingesting again adds none past `PER_SENTENCE` or `PER_ANSWER`. `asked_facts` are
    the facts the bank already asks one question each of. `reasons` are the
    `reject_reason` of each candidate, where they were worked out before.
    """
    why = ({id(c): r for c, r in zip(candidates, reasons, strict=True)}
           if reasons is not None else {})
    seen = seen_prompts if seen_prompts is not None else set()
    groups: set[str] = set(seen_groups or ())
    dropped: list[tuple[Candidate, str]] = []
    passed: list[Candidate] = []
    per_sentence: dict[str, int] = dict(seen_sentences or {})
    per_answer: dict[str, int] = dict(seen_answers or {})
    for candidate in sorted(candidates, key=lambda c: -c.score):
        reason = why[id(candidate)] if reasons is not None else reject_reason(candidate)
        key = compared(candidate.question.prompt)
        evidence = candidate.question.evidence
        if reason is None and (key in seen or candidate.group in groups):
            reason = "repeats another question"
        if reason is None and candidate.score < MIN_SCORE:
            reason = "too weak to ask"
        counted = _counted_as(candidate)
        if reason is None:
            reason = _asked_again(candidate, counted, per_answer)
        if reason is None and per_sentence.get(evidence, 0) >= PER_SENTENCE:
            reason = "enough questions from its sentence"
        if reason is None:
            per_sentence[evidence] = per_sentence.get(evidence, 0) + 1
            if len(candidate.facts) == 1:
                for name in (*counted[0], *counted[1], counted[2]):
                    per_answer[name] = per_answer.get(name, 0) + 1
        if candidate.group and reason is None:
            groups.add(candidate.group)
        if reason:
            dropped.append((candidate, reason))
            continue
        seen.add(key)
        passed.append(candidate)
    passed = _without_retests(passed, dropped, seen, asked_facts or set())
    kept = passed[:budget]
    dropped += [(c, "over the article's budget") for c in passed[budget:]]
    for candidate, _ in dropped[len(dropped) - len(passed[budget:]):]:
        seen.discard(compared(candidate.question.prompt))
    return Gated(kept, dropped)
