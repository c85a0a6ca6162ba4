"""A study session without a terminal: which card comes next, how an answer is checked
and graded, and what undo, suspend and quitting do. The terminal UI drives it; tests
drive it directly. Time comes from the `clock` it is given.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quizcli.model import QuestionType
from quizcli.review.asking import Asked, StudyMode
from quizcli.review.days import study_day
from quizcli.review.library import Shown, shown
from quizcli.review.names import same_person, without_titles
from quizcli.review.schedule import MATURE_DAYS, CardState, Rating, preview
from quizcli.review.store import Recorded, Store
from quizcli.text import answer_form

SLOW_SECONDS = {Asked.CHOICES: 20.0, Asked.TRUE_FALSE: 15.0, Asked.RECALL: 30.0}
"""A right answer slower than this is graded Hard."""


def check_answer(given: str, answers: list[str]) -> tuple[bool, bool]:
    """(right, near miss): right when it matches an accepted answer once case, accents and
    punctuation are set aside, or is one small typo away from one (a near miss)."""
    typed = answer_form(given)
    if not typed:
        return False, False
    targets = [answer_form(a) for a in answers if answer_form(a)]
    if typed in targets:
        return True, False
    items = _items(given)
    if items and any(items == _items(a) for a in answers):
        return True, False  # "Goa and Sikkim" for "Sikkim and Goa": a list in any order
    if _one_persons_names(targets) and same_person(typed, max(targets, key=_words)):
        return True, False  # "Justice Khehar", "Jagdish Singh Khehar" for "J.S. Khehar"
    for target in targets:
        allowed = 0 if len(target) <= 3 else 1 if len(target) <= 7 else 2
        ratio = difflib.SequenceMatcher(None, typed, target).ratio()
        if allowed and ratio >= 1 - allowed / max(len(target), 1) - 0.05 and ratio >= 0.8:
            return True, True
    return False, False


def _items(text: str) -> frozenset[str] | None:
    """The items of a list ("A, B and C"), as compared, or None for no list. A name with
    "of" in it is one name ("Ministry of Micro, Small and Medium Enterprises")."""
    if re.search(r"\bof\b", text, re.I):
        return None
    items = [answer_form(part) for part in _LIST_JOINS.split(text)]
    return frozenset(items) if len(items) >= 2 and all(items) else None


_LIST_JOINS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def _words(text: str) -> int:
    return len(text.split())


_INITIALS = re.compile(r"(?:[a-z] )+[a-z]{3,}")
"""A name written with initials, once normalised: "j s khehar"."""


def _one_persons_names(targets: list[str]) -> bool:
    """Whether the accepted answers are forms of one person's name: a name with initials,
    or, as the maker gives them for a person, two or more forms ending in the same
    surname ("asha verma", "verma")."""
    surnames = {without_titles(t).split()[-1] for t in targets if without_titles(t)}
    if len(surnames) != 1:
        return False
    return len(targets) >= 2 or _INITIALS.fullmatch(without_titles(targets[0])) is not None


def suggest(right: bool, near_miss: bool, seconds: float, asked: Asked) -> Rating:
    """The grade an answer earns: Again if wrong, Hard if slow or a near miss, else Good."""
    if not right:
        return Rating.AGAIN
    if near_miss or seconds > SLOW_SECONDS.get(asked, 30.0):
        return Rating.HARD
    return Rating.GOOD


@dataclass(frozen=True)
class Prompt:
    """The card in front of the user."""

    question_id: str
    shown: Shown
    asked: Asked
    choices: tuple[str, ...]
    done: int
    remaining: int


@dataclass(frozen=True)
class Outcome:
    """What happened to an answer."""

    right: bool | None
    """None when the user revealed the answer to grade themselves."""
    given: str | None
    grade: Rating | None
    intervals: dict[Rating, dt.timedelta]
    near_miss: bool = False
    leech: bool = False


@dataclass
class SessionSummary:
    answered: int
    right: int
    seconds: float
    next_due: dt.datetime | None
    streak: int
    waiting: dt.datetime | None = None
    """When the next card in learning is due, if the session ended with it still to come."""


@dataclass
class Session:
    store: Store
    cards: list[str]
    clock: Callable[[], dt.datetime]
    tz: dt.tzinfo
    mode: StudyMode = StudyMode.mixed
    cram: bool = False
    limit: int | None = None
    done_before: int = 0
    """Answers given earlier today, counted in the progress a prompt shows."""
    session_id: int | None = None
    started: dt.datetime = field(init=False)
    answered: list[tuple[str, bool | None]] = field(default_factory=list)
    learning: list[tuple[dt.datetime, str]] = field(default_factory=list)
    """(due, question id) of cards in learning to show today once due, soonest first."""
    _current: Prompt | None = None
    _asked_at: dt.datetime | None = None
    _outcome: Outcome | None = None
    _recorded: int | None = None
    """The log id of the answer on screen, once recorded."""
    _suspended: list[tuple[str, bool, list[tuple[dt.datetime, str]]]] = field(
        default_factory=list)
    """(question id, answered, its learning entries) of the cards suspended since the last
    answer, latest last: `undo` takes back a suspension before an answer."""

    def __post_init__(self) -> None:
        self.started = self.clock()
        if not self.cram:
            self.session_id = self.store.start_session(self.started, self.mode.value)

    # --- what to show ----------------------------------------------------------

    def _asked(self, question_id: str, info: Shown) -> Asked:
        q = info.question
        if q.type is QuestionType.TRUE_FALSE:
            return Asked.TRUE_FALSE
        if q.type is not QuestionType.MCQ:
            return Asked.RECALL
        if self.mode is StudyMode.mcq or q.tags.get("format"):  # no code to type
            return Asked.CHOICES
        if self.mode is StudyMode.recall:
            return Asked.RECALL
        card = self.store.card(question_id)
        mature = (card.state is CardState.REVIEW and card.due and card.last_review
                  and (card.due - card.last_review).days >= MATURE_DAYS)
        return Asked.RECALL if mature else Asked.CHOICES

    def current(self) -> Prompt | None:
        """The card to show now, or None when the session is over."""
        if self._current is not None:
            return self._current
        if self.limit is not None and len(self.answered) >= self.limit:
            return None
        now = self.clock()
        while True:
            question_id = self._take(now)
            if question_id is None:
                return None
            info = shown(self.store, question_id)
            if info is not None:  # a card whose question has gone is passed over
                break
        asked = self._asked(question_id, info)
        choices = info.question.choices
        if asked is Asked.TRUE_FALSE:
            choices = ("True", "False")
        elif asked is Asked.RECALL:
            choices = ()
        remaining = len(self.cards) + len(self.learning)
        self._current = Prompt(question_id, info, asked, choices,
                               self.done_before + len(self.answered), remaining)
        self._asked_at = now
        return self._current

    def _take(self, now: dt.datetime) -> str | None:
        """The next card's id: a learning card once it is due, else the next card of the
        queue that is not suspended; when the queue is done, a learning card due within
        the learn-ahead limit, as in Anki. A learning card further off is not shown."""
        self.learning.sort()
        if self.learning and self.learning[0][0] <= now:
            return self.learning.pop(0)[1]
        while self.cards:
            candidate = self.cards.pop(0)
            suspended, _, _ = self.store.flags(candidate)
            if self.cram or not suspended:
                return candidate
        ahead = dt.timedelta(minutes=self.store.settings.learn_ahead_limit)
        if self.learning and self.learning[0][0] <= now + ahead:
            return self.learning.pop(0)[1]
        return None

    # --- answers ---------------------------------------------------------------

    def _answer(self, right: bool | None, given: str | None, near_miss: bool) -> Outcome:
        prompt = self._current
        assert prompt is not None
        now = self.clock()
        seconds = (now - (self._asked_at or now)).total_seconds()
        card = self.store.card(prompt.question_id)
        intervals = preview(card, now, self.store.settings_for(prompt.question_id),
                            tz=self.store.tz)
        grade = None if right is None else suggest(right, near_miss, seconds, prompt.asked)
        leech = False
        if grade is not None and not self.cram:
            leech = self._record(grade, now, given, seconds).leech
        self._outcome = Outcome(right, given, grade, intervals, near_miss, leech)
        return self._outcome

    def _record(self, grade: Rating, now: dt.datetime, given: str | None,
                seconds: float, replacing: int | None = None) -> Recorded:
        prompt = self._current
        assert prompt is not None
        recorded = self.store.record(prompt.question_id, grade, now, answer=given,
                                     duration_ms=round(seconds * 1000), mode=prompt.asked.value,
                                     session=self.session_id, replacing=replacing)
        self._recorded = recorded.review_id
        self._suspended.clear()  # an answer since: undo now takes back the answer
        day_end = study_day(now, self.tz, self.store.settings.day_starts_at).end
        due = recorded.card.due
        if due is not None and due < day_end and not recorded.leech:
            self.learning.append((due, prompt.question_id))
            self.learning.sort()
        return recorded

    def choose(self, index: int) -> Outcome | None:
        """Answer a multiple-choice or true/false question with choice `index` (from 0)."""
        prompt = self._current
        if prompt is None or self._outcome is not None or not 0 <= index < len(prompt.choices):
            return None
        given = prompt.choices[index]
        return self._answer(given == prompt.shown.question.answer, given, False)

    def type_answer(self, text: str) -> Outcome | None:
        """Answer a recall question with typed text, checked tolerantly."""
        prompt = self._current
        if prompt is None or self._outcome is not None:
            return None
        q = prompt.shown.question
        right, near = check_answer(text, [q.answer, *q.accept])
        return self._answer(right, text, near)

    def reveal(self) -> Outcome | None:
        """Show the answer, for the user to grade themselves."""
        if self._current is None or self._outcome is not None:
            return None
        return self._answer(None, None, False)

    def grade(self, rating: Rating) -> None:
        """Set the grade of the answer on screen: record it, or correct the one recorded."""
        outcome, prompt = self._outcome, self._current
        if outcome is None or prompt is None or self.cram:
            return
        replacing = None
        if outcome.grade is not None:
            if outcome.grade == rating:
                return
            replacing = self._recorded  # the suggested grade was recorded; replace it exactly
            self.learning = [(d, q) for d, q in self.learning if q != prompt.question_id]
        now = self.clock()
        seconds = (now - (self._asked_at or now)).total_seconds()
        leech = self._record(rating, now, outcome.given, seconds, replacing).leech
        self._outcome = Outcome(outcome.right, outcome.given, rating, outcome.intervals,
                                outcome.near_miss, leech)

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    def next(self) -> None:
        """Move on from the answer on screen."""
        prompt, outcome = self._current, self._outcome
        if prompt is None or outcome is None:
            return
        if outcome.grade is None and not self.cram:
            self.grade(Rating.GOOD)  # revealed and left ungraded: as if Good
            outcome = self._outcome
        assert outcome is not None
        right = outcome.right if outcome.right is not None else (
            outcome.grade is not None and outcome.grade > Rating.AGAIN)
        self.answered.append((prompt.question_id, right))
        self._current = self._outcome = None

    # --- card actions ----------------------------------------------------------

    def undo(self) -> str | None:
        """Take back the last thing done: a suspension (the card comes back as it was), or
        else the last answer (the card is asked again)."""
        if self._suspended:
            return self._unsuspend()
        if self.cram:
            return None
        if self._outcome is not None and self._outcome.grade is not None:
            question_id = self._current.question_id if self._current else None
            self.store.undo(self.session_id)
            self.learning = [(d, q) for d, q in self.learning if q != question_id]
            self._outcome = None
            self._asked_at = self.clock()
            return question_id
        question_id = self.store.undo(self.session_id)
        if question_id is None:
            return None
        self.learning = [(d, q) for d, q in self.learning if q != question_id]
        if self._current is not None:
            self.cards.insert(0, self._current.question_id)
        if self.answered and self.answered[-1][0] == question_id:
            self.answered.pop()
        self.cards.insert(0, question_id)
        self._current = self._outcome = None
        return question_id

    def suspend(self) -> None:
        """Suspend the card on screen and move on (an answer given stays recorded)."""
        prompt = self._current
        if prompt is None:
            return
        self.store.set_suspended(prompt.question_id, True)
        kept = [(d, q) for d, q in self.learning if q == prompt.question_id]
        self.learning = [(d, q) for d, q in self.learning if q != prompt.question_id]
        answered = self._outcome is not None
        if self._outcome is not None:
            self.answered.append((prompt.question_id, self._outcome.right))
        self._suspended.append((prompt.question_id, answered, kept))
        self._current = self._outcome = None

    def _unsuspend(self) -> str:
        """Take back the latest suspension: a card not yet answered is asked now, one
        answered comes back when its next step is due, as if never suspended."""
        question_id, answered, kept = self._suspended.pop()
        self.store.set_suspended(question_id, False)
        self.learning = sorted(self.learning + kept)
        if not answered:
            if self._current is not None and self._outcome is None:
                self.cards.insert(0, self._current.question_id)  # shown after it, as before
                self._current = None
            self.cards.insert(0, question_id)
        return question_id

    def reload(self) -> None:
        """Show the card on screen as its bank now has it (after an edit)."""
        prompt = self._current
        if prompt is None:
            return
        info = shown(self.store, prompt.question_id)
        if info is None:
            return
        if self._outcome is None:  # not answered yet: ask it afresh, as edited
            self._current = None
            self.cards.insert(0, prompt.question_id)
        else:
            self._current = Prompt(prompt.question_id, info, prompt.asked, prompt.choices,
                                   prompt.done, prompt.remaining)

    def finish(self) -> SessionSummary:
        """End the session: an answer still on screen is saved already and counts."""
        if self._outcome is not None and self._outcome.grade is not None:
            self.next()
        now = self.clock()
        if self.session_id is not None:
            self.store.end_session(self.session_id, now)
        return SessionSummary(
            answered=len(self.answered),
            right=sum(1 for _, right in self.answered if right),
            seconds=(now - self.started).total_seconds(),
            next_due=self.store.next_due(),
            streak=self.store.streak(now, self.tz),
            waiting=self.learning[0][0] if self.learning and not self.cram else None,
        )
