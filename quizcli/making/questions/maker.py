"""What every kind of question needs of its story: its names, its people, the
sentence before, and the making of a scored candidate."""

from __future__ import annotations

import datetime as dt
import functools
import re

from quizcli.making.distractors import Pools, stable_order
from quizcli.making.questions.candidate import (
    MAX_WORDS,
    Candidate,
    question_id,
)
from quizcli.making.questions.context import context_for
from quizcli.making.questions.figure import RANKED_AMONG
from quizcli.making.questions.headings import explainer_subject, section_subject
from quizcli.making.questions.wording import (
    aliases,
    balanced,
    count_words,
    crop,
    initials,
)
from quizcli.making.questions.worth import not_worth_asking
from quizcli.making.scores import NOT_WORTH_ASKING, score
from quizcli.model import BLANK, EXAM_FORMATS, Fact, FactKind, Question, QuestionType
from quizcli.reading.gazetteer import PlaceKind, gazetteer
from quizcli.text import stands_alone

_LABEL_TERMS = frozenset({"provision", "abbreviation", "title", "case", "defined",
                          "definition"})
"""Terms that may be asked where they stand in a label: 'Annual Review (Article 12):'."""
_LABEL = re.compile(r"^[^:.;]{2,60}?:\s")
"""The label that opens a bullet: 'Financing Gap: In 2024, only $5.9 billion ...'."""


MAIN_ACTOR = 4
"""How often a story names its main actors."""


_TITLE_WORDS = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")
"""One or two words written as a name's: "Global", "National Wetland"."""
_CAPITALS = re.compile(r"[A-Z][A-Z.]{1,7}")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s")
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s(?:of|and|for|the|on|in)?\s?[A-Z][\w’'-]*)+")
_ABBREVIATION = re.compile(r"[A-Z]{2,6}s?")
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
_NAME_PARTS = re.compile(r"[\s-]+")
_PREPOSITION = re.compile(r"(?i)(on|last|next|this)\s+(.*)")


@functools.lru_cache(maxsize=4096)
def _untitled(title: str) -> str:
    """A title as looked for in a sentence: lower case, without a leading 'the'."""
    return re.sub(r"^(?:the\s+)", "", title.casefold())


_KNOWN_BY_INITIALS = frozenset(
    "Organisation Organization Agency Institute Institution Authority Commission Corporation"
    " Bureau Fund Directorate Secretariat Laboratory Observatory Board Council Committee"
    " Foundation Forum Bank".split())
"""Head words of bodies that go by their initials, which a reader may type though the
story never writes them; a court, a college, a law or a report does not ("KHC")."""


class Maker:
    """Makes the candidate questions of one article."""

    def __init__(self, facts: list[Fact], pools: Pools, bank: str, *, sentences: list[str],
                 article_date: dt.date | None, title: str | None = None,
                 blocks: list[int] | None = None, dated: bool = False):
        self.facts = facts
        self.pools = pools
        self.bank = bank
        self.sentences = sentences
        self.article_date = article_date
        self.dated = dated
        """Whether the article's text gives its date, so that "on Tuesday" can be dated."""
        self.title = title or ""
        self.blocks = blocks or []
        """The paragraph or bullet each sentence belongs to, in the order of `sentences`."""
        self.text = " ".join(sentences)
        self._short: dict[str, tuple[str, ...]] = {}
        self._abbreviations: dict[str, set[str]] | None = None
        self._short_forms: dict[str, tuple[str, ...]] = {}
        self._in_text: dict[str, int] = {}
        self._in_title: dict[str, int] = {}

    def in_text(self, phrase: str) -> int:
        """How often the story names `phrase` as whole words (`count_words`); kept, as each
        kind of question asks it of the same answers."""
        count = self._in_text.get(phrase)
        if count is None:
            count = self._in_text[phrase] = count_words(self.text, phrase)
        return count

    def party_named(self, party: str) -> int:
        """How often the story names a party under any of its names ("Thimphu", "Bhutan")."""
        return sum(self.in_text(name) for name in aliases(party))

    def in_title(self, phrase: str) -> int:
        """How often the story's title names `phrase` as whole words; kept."""
        count = self._in_title.get(phrase)
        if count is None:
            count = self._in_title[phrase] = count_words(self.title, phrase)
        return count

    def short_names(self, full: str) -> tuple[str, ...]:
        """The shorter names the article itself uses for a person: 'Verma', 'Menon'."""
        if full not in self._short:
            text = self.text
            whole = self.in_text(full)
            self._short[full] = tuple(
                part for part in dict.fromkeys(full.split()) if part != full and len(part) > 2
                and count_words(text, part, "-") > whole
            )
        return self._short[full]

    def name_forms(self, person: str) -> tuple[str, ...]:
        """What a reader may type for a person: the shorter names the story uses, and the
        story's fuller name for a name it also gives short ("Asha Verma" for "Verma"),
        and the surname of a name with initials ("Verma" for "A K Verma"), which an
        exported card shows too. No other surname is guessed: in "Xi Jinping" it
        comes first."""
        initialled = re.fullmatch(r"(?:[A-Z]{1,3}\.?\s?)+\s([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)",
                                  person)
        forms = [*self.short_names(person),
                 *(full for full in self.pools.people if full.endswith(f" {person}")),
                 *([initialled.group(1)] if initialled else [])]
        return tuple(dict.fromkeys(f for f in forms if f != person))

    def other_names(self, name: str, place: bool = False) -> tuple[str, ...]:
        """Other names the story or the world gives the same thing, which a reader may
        type for it: 'Pacific Islands Forum' for 'PIF', 'Bhutan' for 'Thimphu'
        where the capital stands for its government; not where it is a `place`: talks
        "in _____" are held in a city, not in its country."""
        if self._abbreviations is None:
            pairs: dict[str, set[str]] = {}
            named = {f.answer for f in self.facts if f.kind is FactKind.FACT}
            for fact in self.facts:
                short = fact.detail.get("short")
                if not short and initials(fact.answer) in named and " " in fact.answer:
                    short = initials(fact.answer)  # "HLA" of "Hill Lakes Authority"
                if short and fact.kind is FactKind.FACT:
                    pairs.setdefault(short, set()).add(fact.answer)
                    pairs.setdefault(fact.answer, set()).add(short)
            self._abbreviations = pairs
        names = set(self._abbreviations.get(name, ()))
        table = gazetteer()
        if name in table.party_of and not (
                place and table.place_kind.get(name) not in (None, PlaceKind.COUNTRY)):
            # The party's own name and its abbreviations: not its capital or a metonym,
            # which fill another blank ("found in New Delhi" is not "found in India").
            # A body's other names are names of it alone ("Upper House" for the house).
            canon = table.party_of[name]
            body = canon not in table.countries
            names.update(a for a in aliases(name)
                         if body or a == canon or _CAPITALS.fullmatch(a))
        names.discard(name)
        return tuple(sorted(names))[:8]

    @functools.cached_property
    def by_sentence(self) -> dict[str, list[Fact]]:
        """The facts each sentence gives, by its text."""
        found: dict[str, list[Fact]] = {}
        for fact in self.facts:
            found.setdefault(fact.evidence, []).append(fact)
        return found

    @functools.cached_property
    def index_of(self) -> dict[str, int]:
        """Where each sentence first stands in the story."""
        return {sentence: at for at, sentence in reversed(list(enumerate(self.sentences)))}

    @functools.cached_property
    def voices(self) -> frozenset[str]:
        """The people the story quotes or shows taking a side."""
        return frozenset(f.answer for f in self.facts
                         if f.kind in (FactKind.QUOTE, FactKind.POSITION))

    @functools.cached_property
    def _runs(self) -> list[str]:
        """The story's capitalised names of two words or more ('Pacific Islands Forum'),
        in its title, sentences and headings ('Tariff Review Committee (TRC)')."""
        headings = dict.fromkeys(section_subject(h) or h for h in (
            f.detail.get("section") or "" for f in self.facts))  # "About X:" names X
        return list(dict.fromkeys(_LEADING_ARTICLE.sub("", run) for run in _NAME_RUN.findall(
            " | ".join([self.title, self.text, *headings]))))

    def short_forms(self, name: str) -> tuple[str, ...]:
        """The shorter forms the story writes a long name in, in its title or its text:
        'ZSI' or 'ZS Council' for 'Zoological Survey Council'."""
        if name not in self._short_forms:
            words = name.split()
            forms = (initials(name), f"{initials(' '.join(words[:-1]))} {words[-1]}") \
                if len(words) >= 3 else ()
            self._short_forms[name] = tuple(f for f in forms if len(f) > 2 and (
                self.in_title(f) or self.in_text(f)))
        return self._short_forms[name]

    @functools.cached_property
    def longer_names(self) -> dict[str, tuple[str, ...]]:
        """The story's names of things a word or two longer at the front than another
        name, by that name: 'Global Wetland Index' under 'Wetland Index'."""
        found: dict[str, tuple[str, ...]] = {}
        for fact in self.facts:
            words = fact.answer.split()
            if fact.kind is not FactKind.FACT or len(words) < 3:
                continue
            for cut in (1, 2):
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                if len(words) - cut >= 2 and _TITLE_WORDS.fullmatch(head):
                    found[tail] = tuple(dict.fromkeys((*found.get(tail, ()), fact.answer)))
        return found

    def other_forms(self, name: str) -> tuple[str, ...]:
        """The story's other form of an abbreviation or of what it abbreviates, which a
        reader may type as well: 'Pacific Islands Forum' for 'PIF', and 'TRC' for 'Tariff
        Review Committee'."""
        if _ABBREVIATION.fullmatch(name):
            letters = name.rstrip("s")
            return tuple(run for run in self._runs if initials(run) == letters)[:2]
        letters = initials(name)
        # The initials are capitals, so a word boundary either side is what stands_alone
        # looks for.
        if len(name.split()) >= 2 and len(letters) >= 2 and stands_alone(self.text, letters):
            return (letters,)
        if len(letters) >= 3 and name.split()[-1] in _KNOWN_BY_INITIALS and " and " not in name:
            return (letters,)  # "Himalayan Wildlife Research Organisation": HWRO
        return ()

    def mentioned(self, text: str) -> list[str]:
        """The story's people named in `text`, in full, by any part of their name, or by
        the office the story gives them ('the US president')."""
        lower = text.casefold()
        by_office = {who for title, who in self.pools.titles
                     if title and _untitled(title) in lower}
        return [p for p, parts in self._people_parts
                if p in by_office
                or any(part in text and count_words(text, part, "-") for part in parts)]

    @functools.cached_property
    def _people_parts(self) -> list[tuple[str, tuple[str, ...]]]:
        """The story's people, each with the parts of their name longer than two letters."""
        return [(p, tuple(part for part in p.split() if len(part) > 2))
                for p in self.pools.people]

    def context_for(self, fact: Fact, asked: str | None = None) -> str | None:
        """What a sentence that opens with a pronoun needs shown before it
        (`quizcli.making.questions.context`)."""
        return context_for(self, fact, asked)

    @functools.cached_property
    def explains(self) -> str | None:
        """What the article explains: it has headings, and its title is a name ('PM Awas
        Scheme: Homes for All'), not a headline."""
        headed = any(f.detail.get("section") for f in self.facts)
        return explainer_subject(self.title) if headed else None

    @functools.cached_property
    def section_of(self) -> dict[str, str | None]:
        """The heading each sentence that gives a fact stands under."""
        return {f.evidence: f.detail.get("section") for f in self.facts}

    @functools.cached_property
    def speakers(self) -> int:
        """How many speak in the story: with one, "who said it?" is not asked."""
        return len({f.answer for f in self.facts if f.kind is FactKind.QUOTE})

    @functools.cached_property
    def party_of_person(self) -> dict[str, str]:
        """The party each person of the story speaks for, where the story says."""
        found: dict[str, str] = {}
        for fact in self.facts:
            party = fact.detail.get("party")
            if party and fact.kind in (FactKind.ROLE, FactKind.QUOTE):
                found.setdefault(fact.answer, party)
        return found

    def spoken_of(self, words: str, speaker: str) -> list[str]:
        """The story's people whose own party the words speak of, as a side apart from the
        speaker's: no Iranian says "the sanctions placed on Iran", and no French
        official asks "for a meeting with the French president"."""
        own = self.party_of_person.get(speaker)
        named = {p for p in set(self.party_of_person.values())
                 if p != own and any(count_words(words, a) for a in [p, *aliases(p)])}
        return [who for who, party in self.party_of_person.items() if party in named]

    @functools.cached_property
    def ranked_among(self) -> float | None:
        """How many countries the story ranks, where it says: 'out of 146 countries'."""
        found = [float(m.group(1).replace(",", "")) for m in RANKED_AMONG.finditer(self.text)]
        return max(found) if found else None

    def main_actor(self, person: str) -> bool:
        """Whether the story is about a person: its title names them, or it names them
        so often (by any part of the name) that no reader needs it to say who holds the
        office."""
        parts = [p for p in _NAME_PARTS.split(person) if len(p) > 2] or [person]
        return any(self.in_title(p) for p in parts) or max(
            self.in_text(p) for p in parts) >= MAIN_ACTOR

    def mcq(self, fact: Fact, variant: str, prompt: str, answer: str, wrong: list[str], *,
            score: float, why: list[str], accept: tuple[str, ...] = (),
            kind: str | None = None, extra: tuple[Fact, ...] = (),
            evidence: str | None = None, group: str | None = None,
            context: str | None = None, typed: bool = False) -> Candidate | None:
        """A multiple-choice question, or with `typed` a question answered by typing
        when the story has too few wrong answers of the answer's kind to offer."""
        if len(wrong) < 2:
            if not typed:
                return None
            qtype = QuestionType.CLOZE if BLANK in prompt else QuestionType.SHORT
            return self.candidate(fact, question_id(fact.id, variant), qtype, prompt, answer,
                                  score=score, why=why, accept=accept, kind=kind, extra=extra,
                                  evidence=evidence, group=group, context=context)
        qid = question_id(fact.id, variant)
        choices = tuple(stable_order([answer, *wrong], qid))
        if len(wrong) == 3:
            score, why = score + 0.5, [*why, "four choices +0.5"]
        return self.candidate(fact, qid, QuestionType.MCQ, prompt, answer,
                              score=score, why=why,
                              choices=choices, accept=accept, kind=kind, extra=extra,
                              evidence=evidence, group=group, context=context)

    def candidate(self, fact: Fact, qid: str, qtype: QuestionType, prompt: str, answer: str,
                  *, score: float, why: list[str], choices: tuple[str, ...] = (),
                  accept: tuple[str, ...] = (), kind: str | None = None,
                  extra: tuple[Fact, ...] = (), evidence: str | None = None,
                  context: str | None = None, group: str | None = None) -> Candidate:
        if len(prompt.split(None, MAX_WORDS)) > MAX_WORDS:  # more than MAX_WORDS words
            score, why = score - 1, [*why, f"over {MAX_WORDS} words -1"]
        unasked = not_worth_asking(self, fact, prompt, answer, why[0]) if not extra else None
        if unasked:
            score, why = score + NOT_WORTH_ASKING, [*why, f"{unasked} {NOT_WORTH_ASKING:g}"]
        facts = (fact, *extra)
        parties = list(dict.fromkeys(p for f in facts for p in f.parties))
        tags: dict[str, tuple[str, ...]] = {"topic": (self.bank,)}
        if kind in EXAM_FORMATS:  # a question on several facts: their kind, and its format
            tags |= {"kind": (EXAM_FORMATS[kind].value,), "format": (kind,)}
        else:
            tags["kind"] = (kind or fact.kind.value,)
        if parties:
            tags["party"] = tuple(parties)
        question = Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            answer=answer,
            evidence=evidence or fact.evidence,
            source=fact.source,
            fact=fact.id,
            choices=choices,
            accept=tuple(a for a in dict.fromkeys(accept) if a and a != answer),
            tags=tags,
        )
        return Candidate(question, round(score, 2), tuple(why), facts, context, group)

    # --- one fact, one or more questions -------------------------------------

    def blanked(self, fact: Fact, written: str, keep_preposition: bool = True) -> str | None:
        """The evidence with `written` replaced by a blank, or None if it is not there once."""
        if keep_preposition:
            match = _PREPOSITION.match(written)
            if match and match.group(1).lower() == "on":
                written = match.group(2)
        if fact.evidence.count(written) != 1 or fact.evidence.rstrip("”\"’' ").endswith("?"):
            return None  # not there once, or a question, which states nothing
        label = _LABEL.match(fact.evidence)
        if label and fact.evidence.find(written) < label.end() and fact.detail.get(
                "term", "name") not in _LABEL_TERMS and fact.kind is not FactKind.DATE:
            return None  # "Threats to _____: …": a name in the bullet's own label
        return balanced(crop(fact.evidence.replace(written, BLANK, 1)))

    def scored(self, kind: str, fact: Fact) -> tuple[float, list[str]]:
        """The base score of a kind of question, less where its answer is named so often
        in the article that the blank gives itself away."""
        base = score(kind)
        why = [f"{kind} +{base:g}"]
        answer = fact.answer
        if kind in ("term:definition", "term:defined"):
            return base, why  # asking a term from its definition is the point of it
        named = self.in_text(answer)
        if kind == "where" and answer in gazetteer().party_of:
            named = self.party_named(answer)
        acronym = _ACRONYM.fullmatch(answer) is not None and (
            answer not in gazetteer().party_of)  # "GDP", "TB": not "UAE", a place to ask
        if len(answer) > 1 and (kind.startswith("term:") and (named >= 3 or acronym and named >= 2)
                                or kind == "where" and named >= 6):
            base -= 1
            why.append("answer named often in the article -1")
        in_title = bool(self.title) and self.in_title(answer) > 0
        if in_title and (kind in ("term:name", "where") or kind.startswith("term:")
                         and named >= 2):
            base -= 1
            why.append("the article's own subject -1")
        return base, why

