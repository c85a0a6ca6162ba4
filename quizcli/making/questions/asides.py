"""Blanks beside the fact, not the fact: what frames a figure (a stock "top 10", what a
share is of), the others counted, where a change started, an aside in brackets, one place
of a list, a state after its town, a word that only qualifies the noun after it. Such a
blank is no fact to ask."""

from __future__ import annotations

import re

from quizcli.model import BLANK
from quizcli.reading.gazetteer import PlaceKind, gazetteer
from quizcli.reading.rules.numbers import ORDINAL_WORDS
from quizcli.text import in_brackets

CURRENCY = r"(?:[$₹€£]|\b(?:USD|INR|Rs\.?)\s)"
_TOP = re.compile(r"\btop\s$")
_NAME_OF = re.compile(r"\b[A-Z][a-z]+\sof\s$")
_SHARE_OF = re.compile(r"(?:per\s?cent|%)\sof\s(?:the\s)?$")
_OTHERS = re.compile(r"\sothers?\b")
_LISTED_AFTER = re.compile(r"\s[a-z]+(?:\s[a-z]+)?:\s[A-Z]")
_FROM = re.compile(r"\bfrom\s$")
_TIME_SPAN = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?)$")
_WINDOW = re.compile(r"\b(?:in|over|during)\s(?:the\s)?(?:last|past|previous)\s$")
_GAP_AFTER = re.compile(r"\s(?:after|before)\s(?:the|a|an|his|her|its|their)\s")
_NOUN_AFTER = re.compile(r"\s([a-z]+)\b")
_PUBLISHED = frozenset("report reports index survey study ranking rankings".split())
_POSSESSIVE = re.compile(r"['’]s\b")
_BRACKETED_FIGURE = re.compile(r"\(\d[^()]{0,20}\)")
_BRACKET_END = re.compile(r"(?:\s[a-z]+){0,2}\)")
_TO_FIGURE = re.compile(r"[^.;]{0,40}?\bto\s(?:(?:over|under|about|nearly|almost|around|just|"
                        rf"less|more|than)\s){{0,2}}(?:{CURRENCY}\s?)?"
                        r"(?:\d|one\b|two\b|half\b)")
"""A figure a change started from: "from _____ (2010) to 14 per 1,000 (2020)"."""

_NAME = r"(?:the\s)?([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2})"
_LIST_AFTER = re.compile(rf",\s{_NAME},\s(?:and\s)?{_NAME}")
_LIST_BEFORE = re.compile(rf"{_NAME},\s{_NAME},\s(?:and\s)?(?:the\s)?$")
_ONE_BEFORE = re.compile(rf"{_NAME},\s(?:the\s)?$")
_ONE_AFTER = re.compile(rf"(?:,|\s(?:and|or))\s{_NAME}")
"""Two more places listed beside a blank: "_____, Nepal, the Maldives and Myanmar …"."""
_PLACE_BEFORE = re.compile(r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}),\s$")


def _one_of_a_list(before: str, after: str) -> bool:
    """Whether the blank is one of three places or more listed together."""
    table = gazetteer()
    start = max(0, len(before) - 80)
    listed = _LIST_AFTER.match(after) or _LIST_BEFORE.search(before, start)
    names = list(listed.groups()) if listed else []
    if not names:
        one_before, one_after = _ONE_BEFORE.search(before, start), _ONE_AFTER.match(after)
        names = [one_before.group(1), one_after.group(1)] if one_before and one_after else []
    return bool(names) and all(name in table.party_of or name in table.places for name in names)


def _country_of_the_place_before(before: str, answer: str) -> bool:
    """Whether the answer is the country of the town or state named just before it, or
    a state after a town: "Headquarters: Gangtok, _____" is its address."""
    place = _PLACE_BEFORE.search(before, max(0, len(before) - 40))
    table = gazetteer()
    canon = table.party_of.get(answer)
    if place is not None and table.place_kind.get(place.group(1)) is PlaceKind.CITY and (
            table.place_kind.get(answer) is PlaceKind.SUBDIVISION):
        return True
    return place is not None and canon in table.countries and canon in (
        table.place_country.get(place.group(1), ()))


def figures_frame(before: str, answer: str, kind: str) -> str | None:
    """Whether the blank is what frames a figure, not the figure: a stock "top 10", the
    number of a name, what a share is of, what a rate is per."""
    if answer.casefold() in ("10", "ten", "100") and _TOP.search(before):
        return "a stock 'top 10'"  # "among the top _____ killers": anyone says 10
    if kind.startswith("figure") and _NAME_OF.search(before, max(0, len(before) - 20)):
        return "the number of a name"  # "the Group of _____ nations": the G77
    if _SHARE_OF.search(before, max(0, len(before) - 20)):
        return "what a share is of"  # "5.1 per cent of _____": the figure is the fact
    if kind.startswith("figure") and before.endswith(" per "):
        return "what a rate is per"  # "12 paise per _____ deposit": Rs 100
    return None


def side_figure_or_place(before: str, after: str, answer: str, kind: str) -> str | None:
    """Whether the blank is a figure or a place beside the fact, not the fact: the others
    counted, a count of the list after it, where a change started, the time between two
    events, a party in the possessive, one of a list of places."""
    # "Lake Day (_____)", "Sikkim (_____ sites)": the bracket holds the fact, not an aside
    whole = before.endswith("(") and _BRACKET_END.match(after) is not None
    if kind.startswith(("figure", "when", "who-holds", "where")) and not whole and (
            in_brackets(before + BLANK + after, len(before))):
        return "an aside in brackets"  # "The 2020 report (published in _____) covers …"
    if whole and kind.startswith("figure") and len(_BRACKETED_FIGURE.findall(
            f"{before}0{after}")) >= 3:
        return "one figure of a list"  # "iron ore (_____), rice (92.4%), tea (43.9%) …"
    if kind.startswith("figure") and _TIME_SPAN.search(answer) and _GAP_AFTER.match(after):
        return "the time between two events"  # "around _____ after the summit": two weeks
    if kind.startswith("figure") and _TIME_SPAN.search(answer) and _WINDOW.search(before):
        return "the window a figure is counted over"  # "in the last _____, they rose 12 times"
    if kind == "figure:count" and _OTHERS.match(after):
        return "a count of the others"  # "killed nine and injured _____ others"
    if kind == "figure:count" and _LISTED_AFTER.match(after):
        return "a count the story lists"  # "targeting _____ states: Goa, Bihar, …"
    if kind.startswith("figure") and _FROM.search(before, max(0, len(before) - 6)) and (
            _TO_FIGURE.match(after)):
        return "where a change started"  # "from _____ (2010) to 14 per 1,000 (2020)"
    if kind == "where" and _POSSESSIVE.match(after):
        return "a party's possessive, not a place"  # "_____'s claim": who, not where
    if (kind == "where" or kind == "term:name" and answer in gazetteer().party_of) and (
            _one_of_a_list(before, after)):
        return "one place of a list"  # "_____, Nepal, the Maldives and …"
    if kind == "where" and _country_of_the_place_before(before, answer):
        return "the country of the place before it"  # "in Bonn, _____": Germany
    return None


_AFTER_LIST = re.compile(r"\s[\w-]+(?:\s[\w-]+)?,?\s(?:after|behind|following)\s(?:the\s)?"
                         r"(?P<list>[^.;:]+?)(?=,\s(?:to|in|with)\s|[.;:]|$)")


_AFTER_ONE = re.compile(r"(?:\s[\w-]+){1,8}\s(?:after|behind|following)\s(?:the\s)?[A-Z]")


_AFTER_THE_FIRST = re.compile(r"\b(?:[Aa]fter|[Ss]ince|[Ff]ollowing)\s(?:the|its|their|last)\s"
                             r"(?:\w+\s){0,3}(?:summit|meeting|meet|visit|session|round|edition"
                             r"|launch|test)\b")


def counted_after(after: str, answer: str, before: str = "") -> bool:
    """Whether the words after an ordinal list the ones before it, so that counting
    them gives it: "fourth state, after Goa, Kerala, and Punjab"; or a second follows
    the first its sentence names ("after the historic summit …, a _____ meet")."""
    place = ORDINAL_WORDS.get(answer.lower())
    if place == 2 and (_AFTER_ONE.match(after) or _AFTER_THE_FIRST.search(before)):
        return True  # "the _____ bloc to join as a member after the Arctic Council": second
    listed = _AFTER_LIST.match(after)
    if not place or not listed:
        return False
    items = [i for i in re.split(r",\s(?:and\s)?|\sand\s", listed.group("list")) if i.strip()]
    return len(items) == place - 1


def describes_noun(answer: str, after: str) -> bool:
    """Whether the answer is one plain word (a common word, a people's name, a short
    abbreviation) standing before a common noun: "a _____ post" (Facebook), "the
    _____ government" (Central), "_____ students". A setter blanks the noun phrase or
    the name, not the word that qualifies it; a name before its noun ("the _____
    judgment" for a case's name) is still asked."""
    table = gazetteer()
    noun = _NOUN_AFTER.match(after)
    if noun is None or " " in answer or any(ch.isdigit() for ch in answer):
        return False
    word = noun.group(1)
    singular = {word, word[:-1], word[:-3] + "y"} if word.endswith("s") else {word}
    if not singular & table.common_words or (answer.isupper() and word in _PUBLISHED):
        return False  # "a _____ report": who publishes it is the fact
    return len(answer) <= 3 and answer.isupper() or "&" in answer or all(
        part.casefold() in table.common_words or part in table.party_of or (
            _ADJECTIVAL.search(part) and part not in table.places)
        for part in answer.split("-"))


_ADJECTIVAL = re.compile(r"[a-z]{3}(?:al|ive|ous|ary|ory)$")
"""A word made to qualify a noun ('Constitutional', 'Executive'): not a name of its own."""
