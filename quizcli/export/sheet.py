"""A Markdown revision sheet: for each article, the positions of each party, a timeline
of its dates, and every question with its answer and evidence."""

from __future__ import annotations

import re
from collections import defaultdict

from quizcli.model import Bank, FactKind, party_positions

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Text that Markdown shows as written."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    return re.sub(r"^([#+\-]|\d+\.)", r"\\\1", text)


def build(banks: list[Bank]) -> str:
    out: list[str] = []
    for bank in banks:
        out += [f"# {md(bank.title)}", "",
                f"_{len(bank.questions)} questions from {len(bank.sources)} articles; "
                f"bank `{bank.id}`, updated {bank.updated}._", ""]
        facts_by_source = defaultdict(list)
        for fact in bank.facts:
            facts_by_source[fact.source].append(fact)
        questions_by_source = defaultdict(list)
        for q in bank.questions:
            questions_by_source[q.source].append(q)
        for source in bank.sources:
            about = ", ".join(md(p) for p in (source.publisher, source.date) if p)
            out += [f"## {md(source.title)}" + (f" ({about})" if about else ""), ""]
            facts = facts_by_source[source.id]
            stances = party_positions(facts)
            if stances:
                out += ["### Positions of each party", ""]
                for party, said in stances.items():
                    out.append(f"- **{md(party)}**")
                    out += [f"  - {md(s)}" for s in said]
                out.append("")
            dated = sorted((f for f in facts if f.kind is FactKind.DATE and f.date),
                           key=lambda f: f.date or "")
            if dated:
                out += ["### Timeline", ""]
                out += [f"- **{f.date}**: {md(f.evidence)}" for f in dated]
                out.append("")
            questions = questions_by_source[source.id]
            if questions:
                out += ["### Questions", ""]
                for number, q in enumerate(questions, 1):
                    out.append(f"{number}. {md(q.prompt)}")
                    for letter, choice in zip("ABCDEFGH", q.choices, strict=False):
                        out.append(f"   - ({letter}) {md(choice)}")
                    out.append(f"   - Answer: **{md(q.answer)}**")
                    out.append(f"   - Evidence: _{md(q.evidence)}_")
                out.append("")
    return "\n".join(out).rstrip() + "\n"
