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
