"""Who and what a sentence names: parties, people, offices, and pronouns. A short name
("Verma", "Mr. Menon") means the one full name in the article that begins or ends with
it, and nothing when there are two."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from quizcli.datafiles import load_data
from quizcli.reading.dates import MONTHS, WEEKDAYS
from quizcli.reading.gazetteer import common_word, gazetteer
from quizcli.reading.titles import may_name_an_office, office_spans, surnames_kept
from quizcli.reading.wordsearch import NameFinder, trie_pattern
from quizcli.text import name_key

_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_NAME_TOKEN = (rf"[A-Z\u00c0-\u00d6\u00d8-\u00de](?:['’][A-Z])?[{_LOWER}]+(?:[A-Z][{_LOWER}]+)?"
               rf"(?:-[A-Za-z][{_LOWER}]+)*")
# Initials with or without full stops ("J.S. Khehar", "RK Menon", "J M Rao",
# "Anil S Verma") and a regnal number ("Charles III") belong to the name.
_INITIALS = r"(?:(?:[A-Z]\.\s?){1,4}|(?:[A-Z]{1,2}\s){1,2})"
# `(?<![\w(#.]){_INITIALS}?{_NAME_TOKEN}...`, written to open with the class of capitals
# (the initials' and the token's first letters, checked after it), so that the search
# skips to a capital.
_INITIALS_REST = r"(?:\.\s?(?:[A-Z]\.\s?){0,3}|[A-Z]?\s(?:[A-Z]{1,2}\s)?)"
_NAME_TOKEN_REST = rf"(?:['’][A-Z])?[{_LOWER}]+(?:[A-Z][{_LOWER}]+)?(?:-[A-Za-z][{_LOWER}]+)*"
# The small words inside a family name: "Otto von Bismarck", "Vasco da Gama".
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|dos|das|del|bin|ibn)"
_ROLE = r"(?:director|actor|actress|singer|writer|author|filmmaker|producer|artist|player|coach)"
_NAME_OPENS_BEFORE = re.compile(rf"\b(?:{_PARTICLE}|{_ROLE})\s$")
_NAME_OPENER = re.compile(rf"\s(?:{_PARTICLE}|{_ROLE})\s")
"""What makes the place after it a name: "von Bismarck", "director Madison Lee"."""
_NAME = re.compile(
    rf"[A-Z\u00c0-\u00de](?<![\w(#.].)(?:(?<=[A-Z]){_INITIALS_REST}{_NAME_TOKEN}"
    rf"|(?<=[A-Z\u00c0-\u00d6\u00d8-\u00de]){_NAME_TOKEN_REST})"
    rf"(?:\s+(?:{_PARTICLE}\s+){{0,2}}(?:[A-Z]\.?\s)?{_NAME_TOKEN}){{0,3}}"
    rf"(?:\s(?:II|III|IV|VI|VII|VIII)\b)?(?!\w)"
)
_WORD = re.compile(r"\S+")
_PRONOUN = re.compile(r"\b(?:he|she|it|they|He|She|It|They)\b")
_POSSESSIVE = re.compile(r"^\s*(?:['’]s\s+|\s+)$")
# Between a party and its office: "Chinese foreign ministry spokesperson".
_QUALIFIER_GAP = re.compile(r"^(?:['’]s)?\s+(?:[a-z]+\s+){0,3}$")
PREPOSITIONS = frozenset(
    "with to from by of between and for against about on at in into among than "
    "like including toward towards upon via".split()
)


@functools.cache
def _name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("names.yaml")
    not_names = frozenset(data["not_names"]) | frozenset(MONTHS) | frozenset(WEEKDAYS)
    heads = frozenset(w for words in load_data("heads.yaml").values() for w in words)
    return (not_names, frozenset(data["honorifics"]), frozenset(data["not_name_words"]) | heads,
            frozenset(data["joining_words"]))


_ADJECTIVE = re.compile(r"[a-z](?:ical|ous|ive|ional|ural)$")  # no given name ends so
_LABEL_AFTER = re.compile(r"\s?(?:\([^)]{1,40}\))?\s?:")


@functools.cache
def _speaks_next() -> re.Pattern[str]:
    """A speech verb of `quizcli/data/verbs.yaml` right after a name: "Tshering said"."""
    return re.compile(r"\s(?:" + trie_pattern(sorted(load_data("verbs.yaml")["speech"]))
                      + r")\b")


_RUN_ON = re.compile(r"(?:\s(?:of\s|and\s|for\s)?[A-Z][\w’'-]*)+")
"""The capitalised words a name runs on into, past what a person's name can be."""
_LED = re.compile(r"-(?:led|based|backed|ruled|run|born|owned)$")
_JOINS = frozenset(("of", "for", "on", "and"))


def _joined_to(before: str) -> str | None:
    """The word that 'of', 'for', 'on' or 'and' joins to what follows `before`, as
    `(\\S+)\\s+(?:of|for|on|and)\\s+$` finds it: 'Ministry' in 'the Ministry of '."""
    if not before[-1:].isspace():
        return None
    words = before.split()
    return words[-2] if len(words) >= 2 and words[-1] in _JOINS else None


def _tokens(name: str, at: int) -> list[tuple[int, str]]:
    """The words of a name found at `at`, each with where it starts."""
    tokens = []
    end = 0
    for word in name.split():
        end = name.index(word, end)
        tokens.append((at + end, word))
        end += len(word)
    return tokens


@functools.cache
def _place_nouns() -> frozenset[str]:
    """Lower-case nouns after a name that make it a place's or a thing's, not a person's."""
    data = load_data("names.yaml")
    schemes = frozenset(w.lower() for w in load_data("heads.yaml")["schemes"])
    return frozenset(data["place_nouns"]) | frozenset(data["thing_nouns"]) | schemes


class Mention(NamedTuple):
    start: int
    end: int
    kind: str
    """party, person, office or pronoun."""
    text: str
    """As written."""
    value: str
    """The canonical party, the full name, the title as written, or the pronoun."""
    party: str | None = None
    """The party a person or office belongs to, where known."""
    title_start: int | None = None
    """Where the title before a person's name starts: 'Bhutan's Prime Minister Asha Verma'."""
    office: str | None = None
    """The office in that title, as written: 'President'."""


@dataclass
class People:
    """The people an article names, and what is known of each."""

    full_names: dict[str, str] = field(default_factory=dict)
    """name_key → the first spelling of each full name."""
    parties: dict[str, str] = field(default_factory=dict)
    """full name → the party their title names."""
    by_part: dict[str, set[str]] = field(default_factory=dict)
    """The key of a first or last name → the full names it begins or ends."""

    def add(self, name: str) -> None:
        key = name_key(name)
        if key in self.full_names:
            return
        self.full_names[key] = name
        parts = name.split()
        for part in {name_key(parts[0]), name_key(parts[-1])}:
            self.by_part.setdefault(part, set()).add(name)

    def resolve(self, name: str) -> str | None:
        """The full name `name` stands for, if exactly one fits."""
        key = name_key(name)
        if key in self.full_names:
            return self.full_names[key]
        if " " in name.strip():
            return None
        matches = self.by_part.get(key, ())
        return next(iter(matches)) if len(matches) == 1 else None


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&.-]*(?:\s(?:of|for)\s|\s))$")


def _inside_a_name(sentence: str, start: int) -> bool:
    """Whether a party's name at `start` ends a longer name, so is not the party:
    'India' in 'Acme India' or 'Bank of India'. A name that opens the sentence is the
    only capital before it that proves nothing ('Indian Prime Minister')."""
    before = _NAME_BEFORE.search(sentence, max(0, start - 40), start)
    if not before:
        return False
    word = sentence[before.start():start].split()[0]
    return word.rstrip(".,") not in _name_words()[0]  # "Although North Korea" is no name


def _spans(pattern: re.Pattern[str] | NameFinder, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span overwritten by '#', so no name is read across it."""
    pieces, at = [], 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        start = max(start, at)
        pieces += [text[at:start], "#" * (end - start)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


_CASE_BEFORE = re.compile(r"\s(?:v|vs|versus)\.?\s$")
_CASE_AFTER = re.compile(r"(?:\sand\s(?:Ors|Others)\.?)?\s(?:v|vs|versus)\.?\s")


_INITIAL_ONLY = re.compile(r"[A-Z]{1,2}")
_SIZE_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|"
               "fifty|hundred|thousand|million")
_NUMBER_WORD = re.compile(rf"(?i)(?:{_SIZE_WORDS})(?![a-z])")
"""A cue: the candidate may hold a size in words."""
_NUMBER_PART = re.compile(rf"(?i:{_SIZE_WORDS})$")


def _name_candidates(text: str, masked: str) -> list[tuple[int, int, str, bool]]:
    """Capitalised phrases that may be names: (start, end, name, after_honorific)."""
    not_names, honorifics, not_name_words, joining = _name_words()
    place_nouns, honorific_re = _place_nouns(), _honorific_re()
    found = []
    for match in _NAME.finditer(masked):
        tokens = _tokens(match.group(), match.start())
        at = match.start()
        while at and masked[at - 1] == " ":
            at -= 1
        after_title = at > 0 and masked[at - 1] == "#"
        while tokens and tokens[0][1].rstrip(".") in not_names and not (
                after_title and len(tokens) > 1 and _INITIAL_ONLY.fullmatch(tokens[0][1])):
            tokens.pop(0)  # "A" opens a sentence; after a title it is an initial: "A Lata
        while tokens and tokens[-1][1] in not_names:
            tokens.pop()
        if not tokens or any(t in not_name_words for _, t in tokens) or any(
                t in joining for _, t in tokens[1:-1]):
            continue  # "Rivers Without Walls": a preposition joins no one's names
        if len(tokens) > 1 and common_word(tokens[-1][1]) and all(
                common_word(t) or _ADJECTIVE.search(t) for _, t in tokens[:-1]):
            continue  # "Annual Review", "Classical Physics": words, not a name
        if _NUMBER_WORD.search(match.group()) and any(
                _NUMBER_PART.match(part) for _, t in tokens for part in t.split("-")):
            continue  # "Five-hundred-meter Aperture": a size, not a name
        if "-" in tokens[-1][1]:  # "Asha Rao-led government": Asha Rao
            last = _LED.sub("", tokens[-1][1])
            tokens[-1] = (tokens[-1][0], last)
        start = tokens[0][0]
        end = tokens[-1][0] + len(tokens[-1][1])
        # Part of an institution's name: "Institute of Maritime Affairs", "... Protection Act".
        if _LABEL_AFTER.match(text, end):
            continue  # "Annual Review (Article 12): …": a label, not a person
        next_word = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if next_word and (next_word.group().strip(",.;:") in not_name_words
                          or next_word.group().strip(",.;:") in place_nouns):
            continue
        if _joined_to(text[max(0, start - 40):start]) in not_name_words:
            continue
        run_on = _RUN_ON.match(text, end)
        if run_on and run_on.group().split()[-1] in not_name_words:
            continue  # "National Red Panda Elimination Mission": a mission's long name
        if _CASE_BEFORE.search(text, max(0, start - 10), start) or _CASE_AFTER.match(text, end):
            continue  # "State of Sikkim v Ravi Menon": a case's name, not a person's
        before = text[max(0, start - 10):start]
        honorific = honorific_re.search(before) is not None
        found.append((start, end, text[start:end], honorific))
    return found


@functools.cache
def _honorific_re() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(_name_words()[1]) + r")\.?\s+$")


def read_mentions(sentences: list[str]) -> tuple[People, list[list[Mention]]]:
    """The people of an article, and what each of its sentences names: a first pass learns
    the full names ("Verma" is Asha Verma wherever named), and a person's party from any
    title the article gives them ("US Secretary of State")."""
    people = People()
    scans = [_scan(sentence) for sentence in sentences]
    alone: list[str] = []
    for sentence, scan in zip(sentences, scans, strict=True):
        for start, _end, name, honorific in scan.candidates:
            if " " in name and sentence[max(0, start - 1):start] != "(":
                people.add(name)
            elif honorific:
                alone.append(name)
    for name in alone:  # "Sheikh Hasina", no fuller name for her: Hasina, wherever named
        if name_key(name) not in people.by_part:
            people.add(name)
    found = [_mentions(sentence, people, scan=scan)
             for sentence, scan in zip(sentences, scans, strict=True)]
    for sentence_mentions in found:
        for mention in sentence_mentions:
            if mention.kind == "person" and mention.party:
                people.parties.setdefault(mention.value, mention.party)
    found = [
        [m._replace(party=people.parties.get(m.value)) if m.kind == "person" and not m.party
         else m for m in sentence_mentions]
        for sentence_mentions in found
    ]
    return people, found


class _Scan(NamedTuple):
    """What a sentence names that does not depend on the rest of the article."""

    parties: list[Mention]
    offices: list[tuple[int, int]]
    candidates: list[tuple[int, int, str, bool]]


_SMALL_WORDS = r"(?:of|in|the|a|an|and|on|for|to|with|at|by|from|upon|or)"
_QUOTED_TITLE = re.compile(
    rf"(?:(?<=“)|(?<=‘)|(?<=\")|(?<=[\s(]'))"  # a quotation mark opens it
    rf"[A-Z][\w’'-]*(?:\s(?:{_SMALL_WORDS}\s)*(?:[A-Z0-9][\w’'-]*)){{1,9}}"
    rf"(?=[,.]?[”’\"'])")
"""A title in quotation marks, every word of it capitalised but the small ones: the
'Once Upon A Time in Hollywood' of a film or a report is no one's name."""


def _scan(sentence: str) -> _Scan:
    table = gazetteer()
    parties = [
        Mention(m.start(), m.end(), "party", m.group(), table.party_of[m.group()])
        for m in table.party_re.finditer(sentence)
        if not _inside_a_name(sentence, m.start())
    ]
    party_spans = [(m.start, m.end) for m in parties]
    offices = office_spans(sentence, table.office_re, party_spans) if may_name_an_office(
        sentence) else []
    places = _spans(table.place_re, sentence)
    if places and _NAME_OPENER.search(sentence):
        places = [(start, end) for start, end in places
                  if not _NAME_OPENS_BEFORE.search(sentence, max(0, start - 10), start)]
    if places and offices:
        places = surnames_kept(sentence, offices, places)
    titles = _spans(_QUOTED_TITLE, sentence) if (
        "“" in sentence or "‘" in sentence or '"' in sentence or "'" in sentence) else []
    masked = _mask(sentence, party_spans + offices + places + titles)
    return _Scan(parties, offices, _name_candidates(sentence, masked))


def _mentions(sentence: str, people: People, first_pass: bool = False,
              scan: _Scan | None = None) -> list[Mention]:
    parties, offices, candidates = scan or _scan(sentence)
    found: list[Mention] = list(parties)
    office_ends = {end: start for start, end in offices}
    party_by_end = {m.end: m for m in parties}
    used_offices: set[int] = set()

    def title_before(start: int) -> tuple[int | None, str | None, str | None]:
        """The title (its start, its party, its office) that ends just before `start`."""
        gap_end = start
        while gap_end > 0 and sentence[gap_end - 1] == " ":
            gap_end -= 1
        if gap_end == start or gap_end not in office_ends:
            return None, None, None
        office_start = office_ends[gap_end]
        used_offices.add(office_start)
        title_start, party = office_start, None
        for end, party_mention in party_by_end.items():
            if end <= office_start and _QUALIFIER_GAP.match(sentence[end:office_start]):
                title_start, party = party_mention.start, party_mention.value
        if sentence[max(0, title_start - 4):title_start].lower() == "the ":
            title_start -= 4
        return title_start, party, sentence[office_start:gap_end]

    for start, end, name, honorific in candidates:
        if sentence[max(0, start - 1):start] == "(":
            continue
        title_start, party, office = title_before(start)
        full: str | None
        if " " in name:
            full = name if first_pass else (people.resolve(name) or name)
        else:
            full = None if first_pass else people.resolve(name)
            if full is None and (honorific or title_start is not None or (
                    _speaks_next().match(sentence, end) and not common_word(name))):
                full = name  # "Mr Abe", "Premier Abe", or "Abe said": a person by one name
            if full is None:
                continue
        found.append(Mention(start, end, "person", name, full, party, title_start, office))

    for start, end in offices:
        if start in used_offices:
            continue
        qualifier = next((p for p in parties
                          if p.end <= start and _POSSESSIVE.match(sentence[p.end:start])), None)
        text = sentence[qualifier.start if qualifier else start:end]
        if qualifier or text[0].isupper():
            found.append(Mention(qualifier.start if qualifier else start, end, "office", text,
                                 text, qualifier.value if qualifier else None,
                                 office=sentence[start:end]))
    found += [Mention(m.start(), m.end(), "pronoun", m.group(), m.group().lower())
              for m in _PRONOUN.finditer(sentence)]
    found.sort()
    return _drop_nested(found)


def _drop_nested(found: list[Mention]) -> list[Mention]:
    """A party inside an office title ('U.S. Vice President') is part of that mention."""
    offices = [m for m in found if m.kind == "office"]
    if not offices:
        return found
    return [mention for mention in found if mention.kind != "party" or not any(
        office.start <= mention.start and mention.end <= office.end for office in offices)]


_LETTERS = re.compile(r"[A-Za-z]+")


def is_object(sentence: str, mention: Mention) -> bool:
    """Whether the mention follows a preposition ('with Xi Jinping'), so is not a subject."""
    start = mention.title_start if mention.title_start is not None else mention.start
    words = _LETTERS.findall(sentence[max(0, start - 30):start])
    while words and words[-1] in ("the", "Mr", "Mrs", "Ms", "Dr", "a", "an"):
        words.pop()
    return bool(words) and words[-1].lower() in PREPOSITIONS
