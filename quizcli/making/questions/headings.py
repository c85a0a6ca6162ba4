"""What a heading says its section is about: "What is the Ocean Council?" is about the
Ocean Council, "What are the Key Highlights of the Report?" about the report."""

from __future__ import annotations

import re

_SUBJECT_HEADING = re.compile(
    r"^(?:what\s+(?:is|are|was|were)|who\s+(?:is|are)|about|understanding|know\s+about)"
    r"\s+(?P<subject>.+?)\s*[?:]?$", re.I)
_ASPECT = re.compile(r"(?i:(?:the\s+)?(?:key\s+|main\s+|major\s+|salient\s+)?(?:highlights|features"
                     r"|provisions|objectives|aims|significance|challenges|components|benefits"
                     r"|findings|outcomes))(?:\s+of\s+(?P<of>.+))?$")
"""What a heading names an aspect of: "the Key Highlights of the Report" is the report's."""
# A species' entry headed by its two names: 'Snow Leopard (Panthera uncia)'.
_SPECIES_HEADING = re.compile(r"(?P<subject>[A-Z][^()?:]{2,60}?\s\([A-Z][a-z]+\s[a-z]+\))$")


def section_subject(heading: str | None) -> str | None:
    """What a section is about when its heading says so: 'What is the Ocean Council?' →
    'the Ocean Council', 'About Snow Leopard' → 'Snow Leopard'."""
    if not heading:
        return None
    match = _SUBJECT_HEADING.match(heading.strip()) or _SPECIES_HEADING.match(heading.strip())
    if not match or len(match.group("subject").split()) > 8:
        return None
    subject = match.group("subject")
    aspect = _ASPECT.match(subject)
    if aspect:  # "What are the Key Highlights of the Report?": it is about the report
        return aspect.group("of") or None
    return subject


_SUBTITLE = re.compile(r"\s*(?::|\s[–—-]\s|\().*$")
"""What follows a title's name: ': Supporting Artisans', ' (GS Paper 3)'."""
_NAME_WORD = re.compile(r"(?:[A-Z][\w’'.&-]*|\d[\w-]*|of|for|and|on|the|in|v|vs\.?)")
_CONNECTING = frozenset({"of", "for", "and", "on", "the", "in", "v", "vs", "vs."})
_ASKING = frozenset("What Why How Who When Where Which Is Are Can Will Should".split())
_ASPECT_AFTER = re.compile(r"\s(?:Highlights|Features|Provisions|Findings|Explained)$")


def explainer_subject(title: str) -> str | None:
    """What an explainer is named for, where its title is a name and no headline: 'PM
    Awas Scheme: Homes for All' is about the PM Awas Scheme, 'COASTAL RED CRAB' about the
    Coastal Red Crab; 'Rains Lash Coast' or 'India ranks 12th in the Index' is news."""
    name = _SUBTITLE.sub("", title.strip())
    if name.isupper():  # "COASTAL RED CRAB": an initialism stays as it is
        name = " ".join("-".join(map(_unshouted, w.split("-"))) for w in name.split())
    name = _ASPECT_AFTER.sub("", name)
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0] in _CONNECTING or words[-1] in _CONNECTING or (
            words[0] in _ASKING):
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    return name


def _unshouted(word: str) -> str:
    """A word of a title in capitals as a name writes it: 'CRAB' is 'Crab', 'RED' 'Red',
    and an initialism of three letters stays ('SLB’S' is 'SLB’s')."""
    from quizcli.reading.gazetteer import gazetteer

    stem, mark, rest = word.partition("’") if "’" in word else word.partition("'")
    if len(stem) > 3 or stem.casefold() in gazetteer().common_words:
        stem = stem.capitalize()
    return stem + mark + rest.lower()
