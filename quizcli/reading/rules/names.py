"""Named things an exam asks about, and the terms an explainer defines.

- an abbreviation with its expansion: "Deep Ocean Survey Vehicle (DOSV)",
  "LCR, or Liquidity Coverage Ratio";
- a capitalised name ending in a head word that says what it is (Council, Scheme,
  Report, Act ... from `quizcli/data/heads.yaml`);
- a provision or a case: "Article 356 (1)", "Rule 8", "State of X v Y";
- a term in quotation marks, and a title after "titled";
- a species: "R. kalakadensis", "caused by Fusaria sikkimensis";
- what a definition defines: "The bank rate is the rate at which ...",
  "... is termed as revenue deficit", "Measles is a contagious disease";
- any other proper name, as the last resort.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from quizcli.datafiles import load_data
from quizcli.reading.gazetteer import common_word
from quizcli.reading.rules.definitions import definitions
from quizcli.reading.rules.listed import comma_named
from quizcli.reading.rules.numbered import numbered_names
from quizcli.reading.rules.powers import bare_offices
from quizcli.reading.rules.terms import Found, Term

# A capitalised word: its letters, with a full stop or an apostrophe inside it ("U.S",
# "O'Neil") but not a possessive's; `(?:[\w&]|\.(?=\w)|[’'](?!s\b))*` written as a run of
# letters between the marks, which the engine reads in one step.
_WORD_INSIDE = r"[\w&]*(?:(?:\.(?=\w)|[’'](?!s\b))[\w&]*)*"
_CAP = rf"(?:(?:[A-Z]\.){{2,}}|[A-Z]{_WORD_INSIDE}(?:-[\w]+)*)"
_CAP_OPENING = rf"[A-Z](?:\.(?:[A-Z]\.)+|{_WORD_INSIDE}(?:-[\w]+)*)"
"""`_CAP` with its capital taken out in front: a pattern that opens with it opens with a
character class, so that the search skips to a capital."""
_JOIN = r"(?:\s(?:of|and|for|the|de|&)\s|\s)"
_RUN = re.compile(rf"{_CAP_OPENING}(?:(?:{_JOIN}|\s\([^()]{{1,60}}\)\s){_CAP})*")
_STOP = frozenset("of and for on the in to de &".split())


@functools.cache
def _heads() -> dict[str, str]:
    data = load_data("heads.yaml")
    kinds = {"bodies": "body", "laws": "law", "schemes": "scheme", "reports": "report",
             "things": "thing"}
    return {word: kinds[group] for group, words in data.items() for word in words}


def named_kind(name: str) -> str | None:
    """What a capitalised name names by its head word, its last ("body", "law",
    "scheme", "report", "thing"), or None: "Wetlands and Lakes Authority" is one body."""
    words = name.split()
    return _heads().get(words[-1]) if words else None


@functools.cache
def _place_nouns() -> frozenset[str]:
    return frozenset(load_data("names.yaml")["place_nouns"])


@functools.cache
def _not_names() -> frozenset[str]:
    data = load_data("names.yaml")
    return frozenset(data["not_names"])


_ABBR = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&-]{1,9})\)")
_OR_ABBR = re.compile(r"(?P<abbr>\b[A-Z]{2,6}),\s+or\s+(?P<long>[A-Z][\w-]*(?:[\s-][\w-]+){1,7}),")
_LONG_OR = re.compile(r"(?P<long>\b[a-z][\w-]*(?:\s[\w-]+){1,5}),\s+or\s+(?P<abbr>[A-Z]{2,6})\b")
_PROVISION = re.compile(
    r"\b(?:Article|Section|Rule|Schedule|Clause|Part|article|section|rule)s?\s\d{1,3}"
    r"(?:[A-Z]{1,2}|\s[A-Z](?=[\s,.;:)]|$)(?<!\sI))?(?:\s?\(\d{1,2}\))?"
    r"(?:\s?\([a-z]\))?(?:\s(?:or|and|to)\s\d{1,3}[A-Z]{0,2})?"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s(?:Constitution(?:al)?\s)?Amendment(?:\sAct|\sBill)?\b"
)
_CASE = re.compile(
    rf"(?=[A-Z])\b{_CAP}(?:\s(?:of|and|&)?\s?{_CAP}){{0,6}}(?:\s(?:and\s)?Ors\.?)?\s(?:v|vs|v/s)\.?\s"
    rf"{_CAP}(?:\s(?:of|and|&)?\s?{_CAP}){{0,6}}(?:\s(?:and\s)?Ors\.)?"
)
_CASE_CUE = re.compile(r"v(?<=\sv)(?:s|/s)?\.?\s")
# Opening with the class of the opening marks, the search skips to one.
_QUOTED = re.compile(r"[“‘'\"](?:(?<=“)(?P<q>[^“”]{2,90})”"
                     r"|(?<=[‘'])(?<!\w.)(?P<s>[^‘’'\"]{2,90})[’'](?!\w)"
                     r"|(?<=\")(?P<d>[^\"“”]{2,90})\")")
_TITLED = re.compile(r"\b(?:titled|entitled|named|called|dubbed|christened)\s*,?\s*$")
_SPECIES = re.compile(
    r"(?=[A-Z])(?<![\w.])(?:[A-Z]\.|[A-Z][a-z]{3,})\s[a-z]{3,}(?:ensis|ii|ae|i|us|um|is|a|ata|oides)\b"
)
_SPECIES_CUE = re.compile(r"species|genus|caused by|bacteri|virus|parasit|fung|pathogen")
"""Words by which a capital and a Latin word name an organism: "caused by Fusaria sikkimensis"."""
# Who made a report, a scheme, a test: "released by RBI", "jointly released by X and Y".
_AGENT = re.compile(
    rf"\b(?:released|published|launched|conducted|prepared|issued|developed|organised|"
    rf"organized|hosted|led|headed|chaired|set up|established|founded|compiled|"
    rf"administered|implemented|funded)(?:\s(?!by\b)[\w,]+){{0,4}}?\s(?:jointly\s)?by\s(?:the\s)?"
    rf"(?P<agent>{_CAP}(?:{_JOIN}{_CAP})*)"
)
# What a count of things names: "four key areas including health, education and ...".
_LIST = re.compile(
    r"\b(?:including|namely|such as|viz\.?)\s(?:through\s)?(?P<items>[\w’'-]+(?:\s[\w’'-]+){0,3}"
    r"(?:,\s[\w’'-]+(?:\s[\w’'-]+){0,3})*,?\s(?:and|or)\s[\w’'-]+(?:\s[\w’'-]+){0,3}?)"
    r"(?=[.;,)]|\s[-–—]|$)"
)


def _initials(words: list[str]) -> str:
    letters = []
    for word in words:
        for part in word.split("-"):
            if part and part[0].isalpha():
                letters.append(part[0].upper())
    return "".join(letters)


def _fits(abbr: str, initials: str) -> bool:
    """Whether the initials spell the abbreviation, allowing a skipped word or two ("MoLRHA")."""
    letters = [c for c in re.sub(r"^([A-Z])o(?=[A-Z])", r"\1", abbr).upper() if c.isalpha()]
    if not letters or not initials or initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    if len(initials) > len(letters) + 1:
        return False
    it = iter(initials)
    return all(c in it for c in letters)


def _expansion(sentence: str, paren: re.Match[str]) -> Term | None:
    """The words before '(ABBR)' that the abbreviation stands for."""
    abbr = paren.group("abbr")
    if sum(c.isupper() for c in abbr) < 2:
        return None
    before = sentence[:paren.start()].rstrip()
    before = re.sub(r"['’]s$", "", before)
    words = list(re.finditer(r"[\w’'&-]+", before))[-12:]
    content: list[re.Match[str]] = []
    for word in reversed(words):
        text = word.group()
        if text.lower() in _STOP:
            continue
        content.insert(0, word)
        if _fits(abbr, _initials([w.group() for w in content])):
            start = word.start()
            earlier = [w for w in words[:words.index(word)] if w.group().lower() not in _STOP]
            if earlier and _fits(abbr, _initials([earlier[-1].group()] +
                                                 [w.group() for w in content])):
                start = earlier[-1].start()  # "pandemic prevention, preparedness and ..."

            # "Ministry of Rural Roads and Bridges (MRRB)": the body it names.
            lead = re.search(rf"(?:{_CAP}\s)+(?:of|for|on)\s$", sentence[:start])
            if lead and lead.group().split()[0] in _heads():
                start = lead.start()
            end = len(before)
            text = sentence[start:end]
            if "\n" in text or len(text.split()) < 2:
                return None
            return Term(start, end, text, "abbreviation", abbr)
        if len(content) > len(abbr) + 2:
            return None
    return None


def _runs(sentence: str) -> list[tuple[int, int, str]]:
    """Capitalised runs, with 'of', 'and' and the like inside them."""
    out = []
    not_names = _not_names()
    for match in _RUN.finditer(sentence):
        words = match.group().split()
        start, end = match.start(), match.end()
        while words and (words[0] in not_names or words[0].lower() in _STOP):
            start = sentence.index(words[1], start) if len(words) > 1 else end
            words.pop(0)
        while words and words[-1].lower() in _STOP:
            words.pop()
            end = sentence.rindex(words[-1], start, end) + len(words[-1]) if words else start
        if words:
            text = sentence[start:end]
            owner = _OWNER_END.search(text) if "’ " in text or "' " in text else None
            if owner:  # "the Academy of Sciences’ FAST committee": the owner's name ends
                end = start + owner.start()
                text = sentence[start:end]
            out.append((start, end, text))
    return comma_named(sentence, out)


_OWNER_END = re.compile(r"(?<=s)[’']\s(?=[A-Z]{2,}\b)")
"""A possessive before an abbreviation ends a name: "the Academy of Sciences’ FAST";
"Farmers’ Welfare" stays one name."""

def _headed(runs: list[tuple[int, int, str]]) -> list[Term]:
    heads = _heads()
    found = []
    for start, _end, text in runs:
        words = text.split()
        if len(words) < 2:
            continue
        at = next((i for i in range(len(words) - 1, -1, -1) if words[i].strip(",.") in heads),
                  None)
        if at is None:
            continue
        kind = heads[words[at].strip(",.")]
        if 0 < at < len(words) - 1 and words[at + 1] not in ("of", "for", "on"):
            words = words[:at + 1]  # "Tariff Board approved": the name ends at its head
        text = " ".join(words)
        found.append(Term(start, start + len(text), text, kind))
    return found


_INITIAL_DOT = re.compile(r"\.(?<=\b[A-Z]\.)\s[a-z]{3}")
"""`\\b[A-Z]\\.\\s[a-z]{3}` ("R. kalakadensis"), opening with its full stop to skip to one."""
_LIST_WORDS = ("including", "namely", "such as", "viz")
_LIST_CUE = re.compile(r"\b(?:" + "|".join(_LIST_WORDS) + r")\b")
_PROVISION_WORDS = ("Article", "article", "Section", "section", "Rule", "rule", "Schedule",
                    "Clause", "Part", "Amendment")
_NEXT_WORD = re.compile(r"\s([a-z]+)")


def _opens_clause(sentence: str, start: int) -> bool:
    """Whether a word at `start` opens the sentence or a clause (after a colon, a
    semicolon, a comma or a dash), perhaps after an opening quotation mark or bracket."""
    at = start
    while at and sentence[at - 1] in " \"“‘(":
        at -= 1
    if sentence[at - 1:at] == ",":
        # "…highlights , Healthy balance sheets …": a capital after a comma opens a clause
        # when a common noun follows it; "…the journal, Herpeta recently" names a thing.
        following = re.match(r"[\w’'-]+\s([a-z]+)", sentence[start:start + 40])
        return following is not None and not following.group(1).endswith("ly")
    return at == 0 or sentence[at - 1] in ":;–—" or sentence[at - 2:at] == " -"


def find_terms(sentence: str, taken: list[tuple[int, int]],
               people: Sequence[tuple[int, int]] = (), known: frozenset[str] = frozenset()
               ) -> list[Term]:
    """The named things and defined terms of a sentence, never overlapping `taken` or
    each other; the more telling rule wins where two find the same words. A case name
    or a quoted title may hold `people` ("State of X v Some Person"); no other term does. A word of
    `known` (places, parties) is a name even where it opens the sentence."""
    found = Found(taken)
    for match in _CASE.finditer(sentence) if _CASE_CUE.search(sentence) else ():
        found.add(Term(match.start(), match.end(), match.group().strip(), "case"), blank=True)
    for term in definitions(sentence):  # a quoted term that is defined is asked as such
        found.add(term)
    if "“" in sentence or "‘" in sentence or "'" in sentence or '"' in sentence:
        for term in _quoted(sentence):
            found.add(term, blank=True)
    found.spans += people
    for term in _abbreviations(sentence):
        found.add(term)
    species = _SPECIES_CUE.search(sentence) or _INITIAL_DOT.search(sentence)
    for match in _SPECIES.finditer(sentence) if species else ():
        if not common_word(match.group().rsplit(" ", 1)[1]):  # "Gangtok virus" is no binomial
            found.add(Term(match.start(), match.end(), match.group(), "species"))
    runs = _runs(sentence)
    for term in _agents(sentence, runs) if " by " in sentence else ():
        found.add(term)
    for term in [*numbered_names(sentence), *_headed(runs)]:
        found.add(term)
    listed = any(word in sentence for word in _LIST_WORDS) and _LIST_CUE.search(sentence)
    for match in _LIST.finditer(sentence) if listed else ():
        found.add(Term(match.start("items"), match.end("items"), match.group("items"), "list"))
    provisions = any(word in sentence for word in _PROVISION_WORDS)
    for match in _PROVISION.finditer(sentence) if provisions else ():
        found.add(Term(match.start(), match.end(), match.group().strip(), "provision"))
    for term in [*bare_offices(sentence), *_names(sentence, runs, known)]:
        found.add(term)
    found.terms.sort()
    return found.terms


_SAID_AFTER = re.compile(r"[,.!?]?\s*[\"”’']?\s*(?:said|says|added|told|he said|she said)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added)[,:]?\s*$")


_SPOKEN = re.compile(r"[?!]$|\b(?:I|I’m|I'm|you|you’ve|you've|we|we’re|we're|my|our|your)\b")
"""What only someone's words hold: a question, an exclamation, a speaker's "I" or "you"."""


def _quoted(sentence: str) -> list[Term]:
    """A short term in quotation marks, and a title after "titled", but no one's words."""
    found = []
    for match in _QUOTED.finditer(sentence):
        group = next(g for g in ("q", "s", "d") if match.group(g) is not None)
        words = len(match.group(group).split())
        titled = _TITLED.search(sentence[:match.start()]) is not None
        text = match.group(group).strip(" ,.")
        said = _SAID_AFTER.match(sentence[match.end(group):])
        if said or _SAID_BEFORE.search(sentence[:match.start()]) or (
                not titled and _SPOKEN.search(text)):
            continue  # a short quotation of someone's words: nothing to blank in it
        if words <= 6 or (titled and words <= 14):
            start = match.start(group) + match.group(group).index(text)
            found.append(Term(start, start + len(text), text, "title" if titled else "quoted"))
    return found


def _abbreviations(sentence: str) -> list[Term]:
    """An abbreviation with its expansion: "Deep Ocean Survey Vehicle (DOSV)", "LCR, or
    Liquidity Coverage Ratio", "liquidity coverage ratio, or LCR"."""
    found: list[Term | None] = []
    if "(" in sentence:
        found += [_expansion(sentence, match) for match in _ABBR.finditer(sentence)]
    if ", or " not in sentence:
        return [term for term in found if term is not None]
    for match in _OR_ABBR.finditer(sentence):
        found.append(Term(match.start("abbr"), match.end("abbr"), match.group("abbr"),
                          "abbreviation", match.group("long")))
    for match in _LONG_OR.finditer(sentence):
        tokens = list(re.finditer(r"[\w-]+", match.group("long")))
        for i in range(len(tokens)):
            tail = [w.group() for w in tokens[i:] if w.group().lower() not in _STOP]
            if _fits(match.group("abbr"), _initials(tail)):
                start = match.start("long") + tokens[i].start()
                found.append(Term(start, match.end("long"), sentence[start:match.end("long")],
                                  "abbreviation", match.group("abbr")))
                break
    return [term for term in found if term is not None]


_NOT_AGENT = re.compile(r"\s(?!(?:and|or|in|on|at|of|for|to|with|that|which|from|as|under|"
                        r"since)\b)[a-z]")


def _agents(sentence: str, runs: list[tuple[int, int, str]]) -> list[Term]:
    """Who made a report, a scheme, a test: "released by RBI"; a ministry named with
    commas whole, as its run has it."""
    found = []
    for match in _AGENT.finditer(sentence):
        follows = sentence[match.end("agent"):]
        if match.group("agent").endswith("-based") or _NOT_AGENT.match(follows):
            continue  # "led by Pune-based geologist ...": an adjective, not the agent
        start, end = match.start("agent"), match.end("agent")
        end = max([end] + [e for s, e, text in runs if s == start and ", " in text])
        found.append(Term(start, end, sentence[start:end], "agent"))
    return found


_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|ic)$")


def _names(sentence: str, runs: list[tuple[int, int, str]], known: frozenset[str]
           ) -> list[Term]:
    """The capitalised runs left as names, the last resort; or as places, where a noun
    of place follows one word ("Lohit district", "the Beas river")."""
    places = _place_nouns()
    found = []
    for start, end, text in runs:
        next_word = _NEXT_WORD.match(sentence, end)
        if next_word and next_word.group(1) in places and " " not in text and not (
                _DEMONYM_END.search(text)):  # "Lohit district", not "Arabian peninsula"
            found.append(Term(start, end, text, "place"))
            continue
        if sentence[max(0, start - 1):start] in "-‑–" and start or sentence[end:end + 1] in (
                "-", "‑", "–") and end < len(sentence):
            continue  # half of a hyphened compound: "Indo-Pacific"
        if text not in known and _opens_clause(sentence, start) and (
                " " not in text or _COMMON_OPENING.match(text)
                and common_word(text.split(None, 1)[0])):
            continue  # a capital that only opens the sentence or a clause ("Funding for malaria")
        if " the " in text and text.split(None, 2)[1:2] == ["the"] and _opens_clause(
                sentence, start):
            continue  # "Mirror the HC model": a verb and what it acts on open the clause
        found.append(Term(start, end, text, "name"))
    return found


_COMMON_OPENING = re.compile(r"[A-Z][a-z]+ (?:for|of|in|on|to|with) ")
"""A word capitalised only because it opens the clause, joined to the rest by a
preposition: "Funding for malaria", not a name."""
