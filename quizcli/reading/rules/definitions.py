"""Terms an explainer defines: "The bank rate is the rate at which ...", "... is termed
as revenue deficit", "Measles is a contagious disease"."""

from __future__ import annotations

import re

from quizcli.reading.rules.terms import Term

_DEFINED_AS = re.compile(
    r"(?:\b(?:is|are|was|were|be)|(?<=\w)[’']s)\s(?:also\s)?(?:termed|known|referred to|"
    r"described|defined|recognised|recognized|regarded)\sas\s|\b(?:is|are|was|were|be)\scalled\s"
    r"|\bso-called\s"
    r"|\b(?:is|are)\sdefined\sto\smean\s|\balso\sknown\sas\s|\bknown\sas\s"
)
_MEANS = re.compile(r"(?<=[a-z’'”] )(?<!\bby )(?:will\s(?:now\s)?mean|now\smeans|means|"
                    r"refers\sto|denotes)\s(?!that\b|to\b|a\slot\b)")
"""What a law or an explainer defines a term by: "'Wetland' means", "will now mean",
"refers to", "denotes"."""
_COPULA = re.compile(
    r"\s(?:is|are|was|were|will be|remains)\s(?:considered\s|regarded as\s|only\s|also\s)?"
    r"(?P<det>a|an|the|one of the)\s"
)
_NP_END = re.compile(
    r"[,;:()“”\"]|\s(?:that|which|who|whose|where|when|while|because|with|by|for|from|to|"
    r"in|on|at|of|as|and|but|launched|used|set|made|based|found|native|known|meant|"
    r"designed|aimed|located|established|developed|named|described|formed|standing|"
    r"representing)\b|\s[a-z]+ed\b|\s[-–—]|\.$"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s", re.I)
_DEFINED_WORDS = ("termed", "known", "referred", "described", "defined", "recogni", "called",
                  "regarded")
"""One of them is in every match of `_DEFINED_AS`."""


_QUOTE_OPENERS = "\"“‘'("
_NO_SUBJECT = frozenset("it this they these those he she we you i there here that its "
                        "if so such how what when while as it’s it's that’s that's "
                        "following below above given listed".split())
"""First words of what no definition is said of: a pronoun ("They were a little bit
astonished"), a word that turns the sentence round ("So popular is the variety"), or one
that points to a list ("Following are the highlights")."""


_OPINION = re.compile(r"(?:great|good|bad|welcome|huge|big|major|key|crucial|vital|important|"
                      r"significant|remarkable|positive|negative|serious|real|upset|surprise|"
                      r"better|best|worse|worst)\s")
"""What opens a judgement, not a class: "a great first step", "an upset winner"."""
_EVENT = re.compile(r"(?:first|second|third|fourth|fifth|last|latest)\s(?:since|time|such)\b")
"""What tells of an event, not a class: "The census is the first since the floods"."""


def _meant(sentence: str, means: re.Match[str]) -> list[Term]:
    """The term a "means" defines, from the clause before it ("petroleum will now mean
    …"), unless a pronoun opens it ("This means …": a consequence, not a definition)."""
    clause = re.split(r"[,;:]\s", sentence[:means.start()])[-1]
    term = _LEADING_ARTICLE.sub("", clause.strip(" ‘’'\"“”"))
    words = term.split()
    quoted = clause.strip()[:1] in "‘'\"“"
    if not 1 <= len(words) <= 4 or words[0].lower() in _NO_SUBJECT or not quoted and (
            re.search(r"\s(?:of|in|on|for|with|by|at)\s", term)):
        return []  # "A rise in prices means higher costs": a consequence
    start = sentence.rfind(term, 0, means.start())
    return [Term(start, start + len(term), term, "definition")]


_GLOSSED = re.compile(
    r"([A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,3})\s\((?:which|that)\s[^()]{3,80}\):\s")
"""A bullet's term with what it stands for in brackets: "Lake Shrinking (which reflects
lost water): calculated by …"."""


def definitions(sentence: str) -> list[Term]:
    """What a definition defines ("is termed as revenue deficit"), what it is said of
    ("Measles is a contagious disease") and, after "is a", the class it names."""
    glossed = _GLOSSED.match(sentence) if "(" in sentence else None
    found = [Term(0, glossed.end(1), glossed.group(1), "definition")] if glossed else []
    defines = any(word in sentence for word in _DEFINED_WORDS)
    for match in _DEFINED_AS.finditer(sentence) if defines else ():
        rest = sentence[match.end():]
        rest = _LEADING_ARTICLE.sub("", rest)
        offset = len(sentence) - len(rest)
        # "is defined to mean personal data in digital form": the whole of what it means
        end = (re.search(r"[,;:(]|\.$|\s(?:which|that|and)\b", rest) if "mean" in match.group()
               else _NP_END.search(rest))
        phrase = rest[:end.start() if end else len(rest)].strip(" .")
        if 1 <= len(phrase.split()) <= 6:
            found.append(Term(offset, offset + len(phrase), phrase, "defined"))
    means = _MEANS.search(sentence) if (
        " mean" in sentence or " refers to " in sentence or " denotes " in sentence) else None
    if means:
        found += _meant(sentence, means)
    copula = _COPULA.search(sentence)
    if copula and (copula.group("det") in ("a", "an") or "considered" in copula.group()
                   or "regarded" in copula.group() or re.match(
            r"[\w\s-]{3,40}?\s(?:at|by|in|through)?\s?(?:which|that|of)\b",
            sentence[copula.end():])):
        if copula.group("det") == "the" and _EVENT.match(sentence, copula.end()):
            return found
        subject = sentence[:copula.start()]
        plain = _LEADING_ARTICLE.sub("", subject)
        if not plain.strip() or plain[0] in _QUOTE_OPENERS or (
                plain.split()[0].lower() in _NO_SUBJECT):
            return found  # "“It is a difficult grape,” he says": an opinion, not a definition
        if 1 <= len(plain.split()) <= 4 and not re.search(r"[,;:]|\sof\s", plain):
            offset = len(subject) - len(plain)
            found.append(Term(offset, len(subject), plain, "definition"))
        rest = sentence[copula.end():]
        end = _NP_END.search(rest)
        phrase = rest[:end.start() if end else len(rest)].strip(" .")
        # One word after "is a" has many fits ("an assessment", "a measure"); two or more
        # name a class: "a zoonotic virus", "a Centrally Sponsored scheme".
        if 2 <= len(phrase.split()) <= 4 and copula.group("det") in ("a", "an") and not (
                _OPINION.match(phrase)):
            found.append(Term(copula.end(), copula.end() + len(phrase), phrase, "defined"))
    return found
