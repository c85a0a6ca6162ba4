"""Facts read from an article: dates, quotes, offices, positions, places, numbers, terms.

Every fact keeps the exact sentence it was read from as its evidence. The rules
are deliberately plain: a fact is only made where the sentence says it in a
form the rule recognises, because a wrong fact makes a wrong question.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizcli.model import Fact, FactKind
from quizcli.reading.article import Article, Sentence
from quizcli.reading.dates import find_dates
from quizcli.reading.entities import Mention, People, is_object, read_mentions
from quizcli.reading.gazetteer import _load, gazetteer
from quizcli.reading.rules.names import find_terms
from quizcli.reading.rules.numbers import find_periods, find_quantities

_QUOTE = re.compile(r"“([^”]{1,2000})”|\"([^\"]{1,2000})\"")
def _verbs() -> dict:
    return _load("verbs.yaml")


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SPEECH = re.compile(
    rf"\b(?:(?:{_alternation(_verbs()['ruling'])})(?= that\b)|{_alternation(_verbs()['speech'])})\b"
)
_POSITION = re.compile(rf"\b(?:{_alternation(_verbs()['position'])})\b")
# What may stand between a subject and its verb: "Mr. Kim too reinforced".
_SUBJECT_GAP = re.compile(
    r"^\s*(?:\([A-Z]{2,10}\))?\s*(?:,\s*(?:which|who)\s+)?"
    r"(?:(?:has|have|had|is|was|will|would|also|too|further|now|still|strongly|"
    r"repeatedly|reportedly|firmly|been|only|again|clearly|openly|once|today|yesterday|"
    r"earlier|on\s+\w+day|in a statement|last week|this week)\s+)*$"
)
# A relative clause between a subject and its verb: "The Philippines, which faces ..., welcomed".
_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,\s*$")
# A clause that is no subject: an apposition ("a fellow at ..."), a relative clause, or a
# participle ("writing for himself and Justice Misra").
_APPOSITIVE = re.compile(r"^\s*(?:(?:a|an|the|who|whose|which)\b\s*[a-z]|[a-z]+ing\b)")
_APPOSITIVE_ROLE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?P<phrase>[^,;:\"“”]{3,90}?)(?=\s+and\s|\s*[,;:]|\s+said\b|\s*\.$|$)"
)
# A title in apposition with no article: "said Asha Rao, WMO Secretary."
_APPOSITIVE_TITLE = re.compile(
    r"^,\s+(?P<phrase>(?:[A-Z][\w&.’'-]*\s){0,4}[A-Z][\w’'-]*)(?=\s*[,;.]|\s+(?:and|said)\b|$)"
)
_CASE_NAME = re.compile(r"^\s*(?:\(Retd\.?\)\s*)?vs?\.?\s")
_EVENT = re.compile(
    r"\b(?:meet|meets|meeting|met|summit|talks|held|hosted|hosts|visit|visited|visits|"
    r"conference|place|signed|dialogue|negotiations|election|elections|attack|blast|"
    r"protest|protests|launch|launched|exercise|exercises|war|conflict|deal|treaty|"
    r"agreement|accord|ceremony|session|forum|games)\b"
)
"""Matched against the lower-cased sentence: a case-folding pattern is slower."""
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|near|inside|outside|visit|visited|visiting|hosted by|held in)\s+"
    r"(?:the\s+)?$"
)
_DURATION = re.compile(
    r"\b(?:for|over|within|after|in)\s+(?P<n>(?:(?:more|less|fewer) than|over|nearly|almost|"
    r"about|around|at least|just|only|some)?\s*(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|\d{1,4})\s+(?:years?|months?|"
    r"weeks?|days?|decades?|hours?|centuries|century))\b"
)
_QUANTITY = re.compile(
    r"(?:(?:Rs\.?|INR|₹|US\$|\$|€|£)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:lakh|crore|million|billion|"
    r"trillion|bn|mn))*(?:\s?crore)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:per cent|percent|%)"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:lakh|crore|million|billion|trillion)(?:\s[a-z]+)?"
    r"|\b(?:(?:more|less|fewer) than\s|over\s|nearly\s|about\s|around\s|at least\s|up to\s)?"
    r"\d[\d,]*\s(?:[A-Za-z]+\s){0,2}?(?:people|persons|soldiers|troops|judges|members|seats|"
    r"votes|states|countries|nations|km|kilometres|kilometers|metres|meters|tonnes|MW|GW|"
    r"villages|districts|deaths|boats|ships|vessels|satellites|missiles)\b)"
)
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fifteen|twenty|\d{1,3})")
_BENCH = re.compile(
    rf"\b(?P<n>{_NUMBER_WORD})-judge\s+(?:Constitution\s+)?[Bb]ench\b"
)
_ORDINAL = re.compile(
    r"\bthe\s+(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,3}(?:st|nd|rd|th))\s+(?:[a-z]+\s+)?(?:country|nation|state|mission|city|"
    r"woman|man|person|team|spacecraft|Indian|Asian)\s+to\s+[a-z]"
)
_NAME_WORD = r"[A-Z][\w'’-]*"
_LEGAL = re.compile(
    r"\b(?:Article|Section|Schedule|Clause)\s+\d{1,3}[A-Z]{0,2}(?:\(\d{1,2}\))*(?:\([a-z]\))?"
    rf"|\b{_NAME_WORD}\s+(?:(?:(?:of|and|for|the|to|on|in|from)\s+)?{_NAME_WORD}\s+){{0,8}}"
    r"(?:\([^()]{1,160}\)\s+)?Act\b(?:,\s+\d{4})?"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?:Constitutional\s+)?Amendment\b"
)
_KEY_TERMS = [
    re.compile(r"\bwithout\s+(?:indicating|specifying|setting|giving|offering|providing|"
               r"mentioning|naming|fixing)\s+(?P<term>(?:a|an|the|any)\s+[a-z][a-z-]+)"),
    re.compile(r"\b(?:need|demand|call|push|plea|quest)\s+for\s+(?P<term>[a-z][a-z-]+"
               r"(?:\s+[a-z][a-z-]+)?)(?=\s*[.,;]|\s+(?:and|or|to|in|from)\b|$)"),
]
_KEY_TERM_CUES = ("without ", " for ")
"""A word each of `_KEY_TERMS` needs, so that it only runs where it may match."""
_MEDIATION = re.compile(r"\b(?:mediation|intervention|involvement|pressure|facilitation)\s+by\s+$")

# A verb in a clause that opens with one of these ends its stance at the first comma.
_SUBORDINATE = re.compile(r"^\s*(?:Although|Though|While|As|Since|If|When|Because)\s+(?:the\s+)?$")

MAX_SENTENCE = 1_500
"""Longer 'sentences' are walls of text with no full stops (a scraped menu, a table):
no rule reads them well, so no fact is taken from them."""

_SUBJECT_RANK = {"person": 0, "office": 1, "party": 2, "pronoun": 3}


@dataclass
class _Context:
    """What the sentences before the current one said, for resolving pronouns."""

    subjects: list[Mention]
    """The subjects of the previous sentence's quotes and positions."""
    people: tuple[str, ...]
    """The people the previous sentence names as subjects (not after a preposition)."""


def fact_id(kind: str, answer: str, evidence: str) -> str:
    """A fact's id, stable for as long as its kind, answer and sentence are."""
    digest = hashlib.sha1(f"{kind}\x1f{answer}\x1f{evidence}".encode()).hexdigest()
    return f"f-{digest[:10]}"


def _unique(values: Iterator[str] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1) or m.group(2)) for m in _QUOTE.finditer(text)]


def _inside(spans: list[tuple[int, int, str]], position: int) -> bool:
    return any(start < position < end for start, end, _ in spans)


class _Reader:
    """Reads the facts of one article, sentence by sentence."""

    def __init__(self, article: Article, source: str, by: str | None = None):
        self.article = article
        self.source = source
        self.by = by
        self.sentences = [s for s in article.sentences if len(s.text) <= MAX_SENTENCE]
        self.people: People
        self.people, self.mentions = read_mentions([s.text for s in self.sentences])
        self.facts: list[Fact] = []
        self.seen_roles: set[tuple[str, str]] = set()
        self.context = _Context([], ())
        self.resolved: dict[int, Mention] = {}
        self._named_key: tuple | None = None
        self._named: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        """The pronouns of the current sentence, by position, as who they stand for."""

    def add(self, sentence: Sentence, kind: FactKind, answer: str, found: list[Mention],
            date: str | None = None, **detail: str | None) -> None:
        answer = answer.strip()
        if not answer:
            return
        key = (id(found), tuple(self.resolved))
        if self._named_key != key:  # the same for every fact of a sentence, mostly
            everyone = found + list(self.resolved.values())
            self._named = (
                _unique([m.value for m in everyone if m.kind == "party"]
                        + [m.party for m in everyone if m.kind in ("person", "office")
                           and m.party]),
                _unique([m.value for m in everyone if m.kind == "person"]))
            self._named_key = key
        parties, people = self._named
        detail = {k: v.strip() for k, v in detail.items() if v and v.strip()}
        if sentence.section:
            detail["section"] = sentence.section
        self.facts.append(Fact(
            id=fact_id(kind.value, answer, sentence.text),
            source=self.source,
            kind=kind,
            answer=answer,
            evidence=sentence.text,
            parties=parties,
            people=people,
            date=date,
            detail=detail,
            by=self.by,
        ))

    def read(self) -> list[Fact]:
        section: str | None = None
        for sentence, found in zip(self.sentences, self.mentions, strict=True):
            if sentence.section != section:
                section, self.context = sentence.section, _Context([], ())
            self.read_sentence(sentence, found)
        unique: dict[str, Fact] = {}
        for fact in self.facts:
            unique.setdefault(fact.id, fact)
        return list(unique.values())

    def read_sentence(self, sentence: Sentence, found: list[Mention]) -> None:
        text = sentence.text
        quotes = _quote_spans(text)
        self.resolved = {}
        subjects: list[Mention] = []
        periods = find_periods(text)
        dates = [d for d in find_dates(text, self.article.date)
                 if not any(d.start < p.end and p.start < d.end for p in periods)]
        for date in dates:
            self.add(sentence, FactKind.DATE, date.iso, found, date=date.iso,
                     written=date.text, precision=date.precision)
        self.roles(sentence, found)
        subjects += self.quotes(sentence, found, quotes)
        subjects += self.positions(sentence, found, quotes)
        self.places(sentence, found)
        taken = [(d.start, d.end) for d in dates]
        taken += self.numbers(sentence, found, taken, periods)
        self.terms(sentence, found, taken)
        self.context = _Context(
            subjects,
            _unique(m.value for m in found if m.kind == "person" and not is_object(text, m)),
        )

    # --- who is who -------------------------------------------------------

    def resolve(self, mention: Mention) -> Mention | None:
        """A pronoun as the person or party it stands for, if that is unambiguous."""
        if mention.kind != "pronoun":
            return mention
        context = self.context
        if mention.value in ("he", "she"):
            people = [s for s in context.subjects if s.kind == "person"]
            names = _unique(s.value for s in people) or context.people
            if len(names) == 1:
                party = self.people.parties.get(names[0])
                resolved = mention._replace(kind="person", value=names[0], party=party)
                self.resolved[mention.start] = resolved
                return resolved
            return None
        parties = _unique(s.party if s.kind != "party" else s.value for s in context.subjects
                          if s.kind == "party" or (mention.value == "they" and s.party))
        if len(parties) == 1:
            resolved = mention._replace(kind="party", value=parties[0])
            self.resolved[mention.start] = resolved
            return resolved
        return None

    @staticmethod
    def speaker_name(mention: Mention) -> str:
        """How a question names the speaker: 'White House' as written, a person in full."""
        if mention.kind == "party" and mention.text.lower() not in ("it", "they"):
            written = re.sub(r"^the\s+", "", mention.text, flags=re.I)
            if " " not in written and re.search(r"(?:i|ese|an|ian|ish|ic)$", written):
                return mention.value  # "the Omani host" said it: the party, not its adjective
            return written
        return mention.value

    # --- the extractors -----------------------------------------------------

    def roles(self, sentence: Sentence, found: list[Mention]) -> None:
        text = sentence.text
        table = gazetteer()
        for mention in found:
            if mention.kind != "person":
                continue
            if _CASE_NAME.match(text[mention.end:]):
                continue  # "Justice K.S. Puttaswamy (Retd.) v. Union of India" names a case
            office, title = None, None
            if mention.office:
                office = mention.office
                title = text[mention.title_start:mention.start].strip()
                title = re.sub(r"^the\s+", "", title, flags=re.I)
            else:
                apposition = (_APPOSITIVE_ROLE.match(text[mention.end:])
                              or _APPOSITIVE_TITLE.match(text[mention.end:]))
                if apposition and table.office_re.search(apposition.group("phrase")):
                    office = title = apposition.group("phrase")
            if not office:
                continue
            key = (mention.value, office.lower())
            if key in self.seen_roles:
                continue
            self.seen_roles.add(key)
            self.add(sentence, FactKind.ROLE, mention.value, found, office=office, title=title,
                     party=mention.party,
                     named=mention.text if mention.text != mention.value else None)

    def speaker_before(self, text: str, verb: int, found: list[Mention],
                       quotes: list[tuple[int, int, str]]) -> Mention | None:
        """Who is doing the saying: the subject just before the verb, past any apposition."""
        start = max([end for _, end, _ in quotes if end <= verb] + [0])
        for match in _SPEECH.finditer(text, 0, verb):
            start = max(start, match.end())
        bounds = [start] + [i + 1 for i in range(start, verb) if text[i] in ",;"] + [verb]
        for seg_start, seg_end in reversed(list(zip(bounds, bounds[1:], strict=False))):
            segment = text[seg_start:seg_end]
            if not segment.strip() or (_APPOSITIVE.match(segment) and seg_start != start):
                continue
            inside = [m for m in found if seg_start <= m.start and m.end <= seg_end]
            if not inside:
                return None
            best = min(inside, key=lambda m: (_SUBJECT_RANK[m.kind], -m.start))
            return self.resolve(best)
        return None

    def quotes(self, sentence: Sentence, found: list[Mention],
               quotes: list[tuple[int, int, str]]) -> list[Mention]:
        text = sentence.text
        speakers = []
        for verb in _SPEECH.finditer(text):
            if _inside(quotes, verb.start()):
                continue
            speaker = self.speaker_before(text, verb.start(), found, quotes)
            if speaker is None:
                after = [m for m in found if m.start >= verb.end() and
                         text[verb.end():m.start].strip() in ("", "by")]
                speaker = self.resolve(after[0]) if after else None
            if speaker is None:
                continue
            following = _SPEECH.search(text, verb.end())
            limit = len(text)
            if following:  # a later attribution ends this clause: '..." Carlin said'
                limit = max([end for _, end, _ in quotes if end <= following.start()] + [0])
                limit = limit if limit > verb.end() else len(text)
            said = self.what_was_said(text[:limit], verb, speaker, quotes)
            if not said:
                continue
            speakers.append(speaker)
            self.add(sentence, FactKind.QUOTE, self.speaker_name(speaker), found, quote=said,
                     verb=verb.group(), speaker=speaker.text, party=speaker.party
                     if speaker.kind != "party" else speaker.value)
        return speakers

    @staticmethod
    def what_was_said(text: str, verb: re.Match[str], speaker: Mention,
                      quotes: list[tuple[int, int, str]]) -> str | None:
        long_quotes = [q for q in quotes if len(q[2].split()) >= 4]
        named_at = speaker.title_start if speaker.title_start is not None else speaker.start
        for start, end, quote in long_quotes:
            if end <= min(named_at, verb.start()) and (
                not text[end:named_at].strip(" ,") or not text[end:verb.start()].strip(" ,")
            ):
                return quote.strip(" ,")
            if start >= verb.end() and not text[verb.end():start].strip(" ,:"):
                return quote.strip(" ,")
        rest = text[verb.end():]
        if verb.group() in ("told", "tells"):  # "told the House that ...": past the listener
            listener = re.match(r"\s*(?:the\s+)?[\w’' ]{1,40}?\s+that\s+", rest)
            if not listener:
                return None
            rest = rest[listener.end():]
        clause = re.match(r"\s*(?:on \w+\s+|in a statement\s+)?(?:that\s+)?(?P<c>.+)", rest)
        if clause and len(clause.group("c").split()) >= 4:
            return re.sub(r"[\s,.]*([\"”]?)\s*$", r"\1", clause.group("c"))
        before = text[:min(speaker.start, verb.start())]
        before = re.sub(r"[\s,]*(?:\bthe\s*)?$", "", before)
        if len(before.split()) >= 4 and not _inside(quotes, speaker.start):
            return before
        return None

    def positions(self, sentence: Sentence, found: list[Mention],
                  quotes: list[tuple[int, int, str]]) -> list[Mention]:
        text = sentence.text
        subjects = []
        for verb in _POSITION.finditer(text):
            if _inside(quotes, verb.start()):
                continue
            head_end = verb.start()
            relative = _RELATIVE.search(text, 0, head_end)
            if relative:
                head_end = relative.start()
            before = [m for m in found if m.end <= head_end
                      and _SUBJECT_GAP.match(text[m.end:head_end])]
            if not before:
                continue
            subject = self.resolve(before[-1])
            if subject is None:
                continue
            party = subject.value if subject.kind == "party" else subject.party
            holder = subject.value if subject.kind != "party" else None
            stance = text[verb.start():].rstrip(" .")
            if _SUBORDINATE.search(text[:before[-1].start]):
                stance = stance.split(",")[0]
            if len(stance.split()) < 3:
                continue
            subjects.append(subject)
            self.add(sentence, FactKind.POSITION, party or holder, found, stance=stance,
                     verb=verb.group(), holder=holder)
        return subjects

    def places(self, sentence: Sentence, found: list[Mention]) -> None:
        text = sentence.text
        if not _EVENT.search(text.lower()):
            return
        seen = set()
        for match in gazetteer().place_re.finditer(text):
            if match.group() in seen or not _PLACE_BEFORE.search(
                    text, max(0, match.start() - 30), match.start()):
                continue
            seen.add(match.group())
            self.add(sentence, FactKind.PLACE, match.group(), found)

    def numbers(self, sentence: Sentence, found: list[Mention], taken: list[tuple[int, int]],
                periods: list) -> list[tuple[int, int]]:
        """Quantities, counts and periods; returns the spans they take."""
        text = sentence.text
        spans = []
        for period in periods:
            if any(period.start < e and s < period.end for s, e in taken):
                continue
            spans.append((period.start, period.end))
            self.add(sentence, FactKind.DATE, period.text, found, written=period.text,
                     precision=period.kind)
        for quantity in find_quantities(text, taken + spans):
            spans.append((quantity.start, quantity.end))
            self.add(sentence, FactKind.NUMBER, quantity.text, found, unit=quantity.kind,
                     written=quantity.text)
        return spans

    def terms(self, sentence: Sentence, found: list[Mention],
              taken: list[tuple[int, int]]) -> None:
        text = sentence.text
        people = [(m.title_start if m.title_start is not None else m.start, m.end)
                  for m in found if m.kind == "person"]
        table = gazetteer()
        places = table.places
        for term in find_terms(text, taken, people, places):
            if term.kind == "place" or term.kind == "name" and term.text in places:
                self.add(sentence, FactKind.PLACE, term.text, found)
                continue
            self.add(sentence, FactKind.FACT, term.text, found, term=term.kind,
                     short=term.short)
        for cue, pattern in zip(_KEY_TERM_CUES, _KEY_TERMS, strict=True):
            for match in pattern.finditer(text) if cue in text else ():
                term = re.sub(r"^(?:a|an|the|any)\s+", "", match.group("term"))
                self.add(sentence, FactKind.FACT, term, found, term="key")
        parties = [m for m in found if m.kind == "party"] if " by " in text else []
        for i, first in enumerate(parties):
            if not _MEDIATION.search(text, 0, first.start):
                continue
            group = [first]
            for nxt in parties[i + 1:]:
                if re.fullmatch(r",\s*|\s*,?\s*and\s+", text[group[-1].end:nxt.start]):
                    group.append(nxt)
            if len(group) >= 2:
                self.add(sentence, FactKind.FACT, text[first.start:group[-1].end], found,
                         term="agents")


def extract_facts(article: Article, source: str | None = None,
                  by: str | None = "rules") -> list[Fact]:
    """Every fact the rules find in the article, in the order of its sentences; `by`
    is recorded on each as the extractor that made it."""
    return _Reader(article, source or article.name, by).read()
