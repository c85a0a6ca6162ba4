"""The article's own words, read for making questions: lists, abbreviations, names,
and a sentence cut to what a question shows."""

from __future__ import annotations

import functools
import re

from quizcli.making.figures import unhedged
from quizcli.making.questions.candidate import PRONOUN_START
from quizcli.model import BLANK
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.names import named_kind
from quizcli.reading.rules.numbers import number_value
from quizcli.reading.sentences import ABBREVIATIONS


def other_spellings(answer: str, sentence: str = "") -> tuple[str, ...]:
    """Answers a reader may type for the same words: the two halves of 'X and Y' the
    other way round (unless the sentence pairs them with figures "respectively", or the
    whole is one name: by its head word, "Wetlands and Lakes Authority", or by the "of"
    that opens what it is of, "Institute of Hill Ecology and Forestry"), and American
    spellings of '-isation' and '-ise'."""
    out = []
    pair = _PAIR.fullmatch(answer) if " and " in answer else None
    if pair and not _RESPECTIVELY.search(sentence) and named_kind(answer) is None \
            and not _OF_FOR_ON.search(pair.group(1)):
        out.append(f"{pair.group(2)} and {pair.group(1)}")
    american = _ISATION.sub("ization", _ISE.sub(_american, answer)) if "is" in answer else answer
    if american != answer:
        out.append(american)
    return tuple(dict.fromkeys(f for f in (*out, *_plainer(answer)) if f != answer))


_ROMAN = {"II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6", "VII": "7", "VIII": "8",
          "IX": "9", "X": "10"}


def _plainer(answer: str) -> list[str]:
    """The same name as a reader may write it more plainly: 'and' for '&', the number
    for a Roman numeral at its end ('Surya-5' for 'Surya-V'), a financial year in full
    ('2024-2025' for "2024-’25"), without an honorific
    ("President" for "Hon'ble President") or without the country a body is of
    ("Audit Board" for "Audit Board of Bhutan"; a state or a city stays), an ordinal in
    figures ("106th Amendment" for "One Hundred and Sixth Amendment"), a hedged figure
    in other words (`unhedged`)."""
    out = unhedged(answer)
    if " & " in answer:
        out.append(answer.replace(" & ", " and "))
    numeral = re.fullmatch(r"(.+?[- ])([IVX]{1,4})", answer)
    if numeral and numeral.group(2) in _ROMAN:
        out.append(numeral.group(1) + _ROMAN[numeral.group(2)])
    honoured = re.fullmatch(r"Hon['’]ble\s+(.+)", answer)
    if honoured:
        out.append(honoured.group(1))
    span = re.fullmatch(r"((?:FY\s?)?)((?:19|20)\d\d)\s?[-–]\s?['’]?(\d\d)", answer)
    if span:  # "2024-’25" is also written "2024-25" and "2024-2025"
        start, end = span.group(2), span.group(3)
        out += [f"{span.group(1)}{start}-{end}", f"{span.group(1)}{start}-{start[:2]}{end}"]
    of_country = re.fullmatch(r"(.+\s.+?) of (?:the )?(.+)", answer)
    if of_country and of_country.group(2) in gazetteer().countries:
        out.append(of_country.group(1))
    spelled = _SPELLED_ORDINAL.search(answer)
    if spelled and (number := _ordinal_value(spelled.group())):
        out.append(answer[:spelled.start()] + number + answer[spelled.end():])
    return out


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
                  "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
                  "eighteenth nineteenth").split()
_SPELLED_ORDINAL = re.compile(
    r"(?i)\b(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+tieth|hundredth)\b")


def _ordinal_value(words: str) -> str | None:
    """'One Hundred and Sixth' → '106th', 'Tenth' → '10th'; None for what is no ordinal."""
    parts = re.findall(r"[a-z]+", words.lower().replace("-", " "))
    value = 0
    for word in parts:
        if word in _UNITS:
            value += _UNITS.index(word)
        elif word in _TENS:
            value += 10 * _TENS.index(word)
        elif word == "hundred":
            value *= 100
        elif word in _UNIT_ORDINALS:
            value += _UNIT_ORDINALS.index(word)
        elif word.endswith("tieth") and word[:-5] + "ty" in _TENS:
            value += 10 * _TENS.index(word[:-5] + "ty")
        elif word == "hundredth":
            value = value * 100 or 100
        elif word != "and":
            return None
    if value == 0:
        return None
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_PAIR = re.compile(r"([A-Za-z][^,]*?) and ([A-Za-z][^,]*)")
_RESPECTIVELY = re.compile(r"\brespectively\b")
_OF_FOR_ON = re.compile(r"\s(?:of|for|on)\s")
_ISE = re.compile(r"[a-z]*ise\b")
_ISATION = re.compile(r"isation\b")


def _american(word: re.Match[str]) -> str:
    """A word in '-ise' spelt '-ize', where that is a spelling of it: 'organise', not 'rise',
    'precise', 'advise' or 'promise' (words of their own, with no '-ize' form)."""
    british = word.group()
    american, words = british[:-3] + "ize", gazetteer().common_words
    if len(british) < 7 or british[-4] in "chwuv" or (
            british.lower() in words and american.lower() not in words):
        return british
    return american


_DEMONYM = re.compile(r"(?:i|ese|an|ian|ish|ic)s?$")


def demonym(name: str) -> bool:
    """Whether a name is another name of a party that is not the party's own: the
    adjective 'Omani', 'Chinese', or its people, 'Bhutanese', 'Costa Ricans'."""
    table = gazetteer()
    canon = table.party_of.get(name)
    return canon is not None and canon != name and (" " not in name or canon.count(" ") == (
        name.count(" "))) and bool(_DEMONYM.search(name))


_ITEM_BEFORE = re.compile(r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)*,\s$")
_LAST_ITEM = re.compile(r",\s[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)*,?\s(?:and|or)\s$")
_ITEM_AFTER = re.compile(r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)[A-Z]")


def ends_before_space(text: str, endings: tuple[str, ...]) -> bool:
    r"""Whether `text` ends with one of `endings` and a space (at its very end, or before
    a line break that ends it): what a pattern that ends `(?:endings)\s$` needs, so that
    it is only searched for, all along the text, where it may match."""
    if text[-1:].isspace() and text[:-1].endswith(endings):
        return True
    return text.endswith("\n") and text[-2:-1].isspace() and text[:-2].endswith(endings)


def in_list(sentence: str, name: str) -> bool:
    """Whether `name` is one item of a list of names: 'Delhi, Mumbai, Chennai and ...',
    where any other name of the list would fill its blank as well. Two names apart by
    one comma ('Meanwhile, Norway', 'NIV, Pune') are no list."""
    at = sentence.find(name)
    before, after = sentence[:at], sentence[at + len(name):]
    if ends_before_space(before, ("and", "or")) and _LAST_ITEM.search(before):
        return True  # "A, B and name"
    item_before = _ITEM_BEFORE.search(before) if ends_before_space(before, (",",)) else None
    if item_before and before[:item_before.start()].rstrip().endswith(","):
        return True  # "A, B, name"
    item_after = _ITEM_AFTER.match(after)
    if item_before and item_after:
        first = item_before.group().split()[0]
        return first not in _NOT_ITEMS  # "A, name, B" / "A, name and B"
    return bool(item_after and after.startswith(",") and _ITEM_AFTER.search(
        after, item_after.end()))  # "name, B and C"


_NOT_ITEMS = frozenset("Meanwhile However Moreover Also Further Furthermore Thus Hence "
                       "Therefore Besides Instead Still Yet Now Today Earlier Later".split())


_MINOR_WORDS = frozenset("of and the for in on to a an at by with".split())


_INITIAL_WORD = re.compile(r"[A-Za-z][\w’']*")


@functools.lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """The letters an abbreviation of `name` is made of: 'Tariff Review Committee' → 'TRC'.
    Kept, as the same names are asked of again and again."""
    words = [w for w in _INITIAL_WORD.findall(name) if w.lower() not in _MINOR_WORDS]
    return "".join(w[0] for w in words).upper()


_SHORT_NAME = re.compile(r"[A-Z][A-Za-z&]{1,9}")
_NAME_WORD = r"\(?[A-Z][\w&'’-]*\)?"
_KNOWN_AS = re.compile(rf"((?:{_NAME_WORD}\s)*{_NAME_WORD})(?:\s\d{{4}})?[\s,(–—-]*(?:(?:also\s|"
                       r"popularly\s)?(?:known|called|referred to)\sas|or)\s$")
_BRACKETED_AFTER = re.compile(r"(?:['’]s)?\s?[(\[]([^)\]]{4,80})[)\]]")
_BRACKETED_BEFORE = re.compile(r"\(([^)]{4,80})\)\s?$")


def spelled_beside(before: str, after: str, answer: str) -> bool:
    """Whether the prompt holds the answer's abbreviation, or the answer is one whose
    expansion stands right beside the blank: 'of _____ (GVA)', 'TRC [_____]'."""
    letters = initials(answer)
    if len(letters) >= 2 and len(answer.split()) >= 2 and letters in before + after and re.search(
            rf"\b{letters}s?\b", f"{before} {after}"):
        return True
    if _SHORT_NAME.fullmatch(answer):
        named = _KNOWN_AS.search(before) if ends_before_space(before, ("as", "or")) else None
        if named and initials(named.group(1)) == answer.upper().rstrip("S"):
            return True  # "the Coastal Wetlands (Protection) Act 2019 -- known as _____"
        # The brackets before the blank end the text: at most 84 characters from its end.
        beside = _BRACKETED_AFTER.match(after) or _BRACKETED_BEFORE.search(
            before, max(0, len(before) - 85))
        return bool(beside and initials(beside.group(1)) == answer.upper().rstrip("S"))
    return False


_PLURAL = re.compile(r"(?:ies|es|s)$")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _PLURAL.sub("", word.casefold())


_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def echoed(rest: str, answer: str) -> bool:
    """Whether most of the answer's words stand in the rest of its sentence: "'Coastal
    land' is defined to mean _____" for "land along the coast"."""
    words = {_stem(w) for w in _LONG_WORD.findall(answer)}
    if len(words) < 2:
        return False
    there = {_stem(w) for w in _LONG_WORD.findall(rest)}
    return len(words & there) * 3 >= len(words) * 2


def echoed_word(rest: str, answer: str) -> bool:
    """Whether a word of a name stands in the rest of its sentence, which gives the name
    away: "the Mayor nominates ... if both _____ are absent" for "Mayor and Deputy Mayor".
    A number is not a name: "from 15 lakh to less than _____" asks a figure."""
    words = {_stem(w) for w in _LETTERS.findall(answer)} - _JOINING_WORDS
    if not words or not words & {_stem(w) for w in _LETTERS.findall(rest)}:
        return False
    return number_value(answer) is None


_LETTERS = re.compile(r"[A-Za-z]{2,}")
_JOINING_WORDS = frozenset({"the", "and", "of", "in", "for", "to", "on", "a", "an"})


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z&-]{1,9}")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def abbreviates(sentence: str, name: str) -> bool:
    """Whether `name` is an abbreviation that the sentence spells out beside it, or
    whose words it names elsewhere ('NC' where 'National Council' stands)."""
    if not _ABBREVIATION.fullmatch(name):
        return False
    if f"({name})" in sentence or f"{name}, or " in sentence or f", or {name}" in sentence:
        return True
    # The first letters of some run of the sentence's capitalised words spell the name:
    # the name stands in the string of all their first letters.
    return len(name) >= 2 and name.upper() in _first_letters(sentence)


@functools.lru_cache(maxsize=4096)
def _first_letters(sentence: str) -> str:
    """The first letters of the sentence's capitalised words, in order: each fact of the
    sentence asks of them."""
    return "".join(w[0] for w in _CAPITALISED.findall(sentence))


_INNER_BOUNDARY = re.compile(r"(?<=[.?!])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


def quoted(sentence: str) -> str:
    """The sentence in quotation marks, with its own quotations in single ones, as a
    quotation within a quotation is written: “He called it ‘historic’.”"""
    inner = re.sub(r'"([^"]*)"', r"‘\1’", sentence.replace("“", "‘").replace("”", "’"))
    if inner.startswith("‘") and inner.endswith(("’", "’.")) and inner.count("‘") == 1:
        inner = inner[1:-2] + "." if inner.endswith("’.") else inner[1:-1]
    return f"“{inner}”"


_MIXED_QUOTE = re.compile(r'"([^"“”]{1,80})”')


def balanced(sentence: str) -> str:
    """The sentence with each quotation closed: one that runs on past the sentence is
    closed where the sentence ends ('Rao said, “The lake is dry.' ends 'dry.”'), one that
    began a sentence earlier opens where it starts, and marks that pair with nothing are
    left out. A straight mark closed by a curly one, '"rules” and "laws”', is a pair of
    curly ones."""
    sentence = _MIXED_QUOTE.sub(r"“\1”", sentence).strip()
    sentence = _closed(sentence, "“", "”")
    if sentence.count("“") != sentence.count("”"):
        sentence = sentence.replace("“", "").replace("”", "")
    if sentence.count('"') % 2:
        last, first = sentence.rfind('"'), sentence.find('"')
        if sentence[last + 1:last + 2].isalnum() and re.search(r"[.!?]$", sentence):
            sentence += '"'  # 'Rao said, "The lake is dry.': its quotation runs on
        elif first and not sentence[first - 1].isspace() and sentence.count('"') == 1:
            sentence = '"' + sentence  # 'the lakes are dry." He said': it began earlier
        else:
            sentence = sentence.replace('"', "")
    return sentence.strip()


def _closed(sentence: str, opening: str, closing: str) -> str:
    """A quotation cut by the sentence's end or start given its other mark: 'Rao said,
    “The lake is dry.' ends “…dry.”; 'However, it is dry.” He left.' opens with “."""
    opened, closed = sentence.count(opening), sentence.count(closing)
    if opened == closed + 1 and sentence.rfind(opening) > sentence.rfind(closing) and re.search(
            r"[.!?]$", sentence):
        return sentence + closing
    if closed == opened + 1 and (not opened or sentence.find(closing) < sentence.find(opening)):
        return opening + sentence
    return sentence


def crop(sentence: str) -> str:
    """The one sentence around the blank, where a long quotation ran several together."""
    if len(sentence.split()) <= 40:
        return sentence
    parts: list[str] = []
    for piece in _INNER_BOUNDARY.split(sentence):
        last = re.search(r"(\S+)\.[\"”’]?$", parts[-1]) if parts else None
        if last and (last.group(1).lower() in ABBREVIATIONS or len(last.group(1)) == 1):
            parts[-1] = f"{parts[-1]} {piece}"  # "Dr. Deepak": no sentence ends at "Dr."
        else:
            parts.append(piece)
    for at, part in enumerate(parts):
        if BLANK in part and len(part.split()) >= 6:
            if PRONOUN_START.match(part.strip()) and at:
                part = f"{parts[at - 1]} {part}"  # "They are ...": with the noun it stands for
            return balanced(part)
    return sentence


def _article(noun_phrase: str) -> str:
    return ("an " if noun_phrase[:1].lower() in "aeiou" else "a ") + noun_phrase


@functools.cache
def aliases(party: str) -> list[str]:
    table = gazetteer()
    canon = table.party_of.get(party, party)
    return [canon, *table.aliases_of(canon)]


def count_words(text: str, phrase: str, joiners: str = "") -> int:
    """How often `phrase` stands in `text` as whole words (no letter or digit, nor one
    of `joiners`, on either side): str.find is far cheaper than a regex per phrase."""
    if not phrase:
        return 0
    count, at = 0, text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or before in joiners) and not (
                after.isalnum() or after == "_" or after in joiners):
            count += 1
        at = text.find(phrase, at + 1)
    return count


@functools.cache
def _party_patterns(party: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for alias in sorted(aliases(party), key=len, reverse=True):
        escaped = re.escape(alias)
        out.append((re.compile(rf"(?<![\w.])(?:the\s+)?{escaped}['’]s\b"),
                    re.compile(rf"(?<![\w.])(?:the\s+)?{escaped}(?![\w])")))
    return tuple(out)


def without_party(text: str, party: str) -> str:
    """The text with the party's names turned into 'it' and 'its', so it does not answer."""
    for possessive, plain in _party_patterns(party):
        text = possessive.sub("its", text)
        text = plain.sub("it", text)
    return text

