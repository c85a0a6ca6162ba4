"""Facts in the terminal with rich: tables by kind, positions side by side, and a
timeline; and what an ingest added, article by article."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from quizcli.model import Fact, FactKind, party_positions

_KIND_TITLES = {
    FactKind.DATE: "Dates",
    FactKind.QUOTE: "Who said it",
    FactKind.ROLE: "Offices and their holders",
    FactKind.POSITION: "Positions",
    FactKind.PLACE: "Places",
    FactKind.NUMBER: "Numbers",
    FactKind.FACT: "Key terms",
}
# The one detail that says most about a fact of each kind, and its column title.
_DETAIL = {
    FactKind.DATE: ("written", "As written"),
    FactKind.QUOTE: ("quote", "What was said"),
    FactKind.ROLE: ("title", "Office"),
    FactKind.POSITION: ("stance", "Stance"),
}


def _parties(fact: Fact) -> str:
    return ", ".join(fact.parties)


def facts_by_kind(facts: list[Fact]) -> Group:
    """One table per kind of fact, in a fixed order."""
    tables = []
    for kind, title in _KIND_TITLES.items():
        rows = [f for f in facts if f.kind is kind]
        if not rows:
            continue
        table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=True,
                      show_lines=True)
        table.add_column("Answer", style="bold", ratio=2)
        detail = _DETAIL.get(kind)
        if detail:
            table.add_column(detail[1], ratio=4)
        if kind is FactKind.DATE:
            rows.sort(key=lambda f: f.date or "")
        table.add_column("Parties", ratio=2)
        table.add_column("Evidence", ratio=6, style="dim")
        for fact in rows:
            cells = [Text(fact.answer)]
            if detail:
                cells.append(Text(fact.detail.get(detail[0], "")))
            cells += [Text(_parties(fact)), Text(fact.evidence)]
            table.add_row(*cells)
        tables.append(table)
    return Group(*tables)


def positions(facts: list[Fact]) -> Table:
    """Each party's stances in a column of its own: what it insists on, seeks or
    rejects, and what its people said."""
    stances = party_positions(facts)
    table = Table(title="Positions of each party", title_justify="left", expand=True,
                  show_lines=True)
    for party in stances:
        table.add_column(party, ratio=1)
    if stances:
        depth = max(len(v) for v in stances.values())
        for i in range(depth):
            table.add_row(*[Text("• " + v[i] if i < len(v) else "") for v in stances.values()])
    return table


def timeline(facts: list[Fact]) -> Table:
    """Dated facts in order of their date."""
    table = Table(title="Timeline", title_justify="left", expand=True, show_lines=True)
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("What happened", ratio=6)
    table.add_column("Source", ratio=1, style="dim")
    seen = set()
    for fact in sorted((f for f in facts if f.kind is FactKind.DATE), key=lambda f: f.date or ""):
        if (fact.date, fact.evidence) in seen:
            continue
        seen.add((fact.date, fact.evidence))
        table.add_row(fact.date or "", Text(fact.evidence), fact.source)
    return table


def ingest_report(result) -> Group:
    """What an ingest added, article by article, and why it left questions out."""
    table = Table(title=f"Bank {result.bank.id}: {result.path}", title_justify="left",
                  expand=True)
    table.add_column("Article", ratio=4)
    table.add_column("Facts", justify="right")
    table.add_column("Added", justify="right")
    table.add_column("Already there", justify="right")
    table.add_column("Left out", ratio=3)
    for report in result.reports:
        if report.error:
            table.add_row(Text(report.path.name), "", "", "", Text("cannot be read",
                                                                     style="red"))
            continue
        left_out = ", ".join(f"{n} {why}" for why, n in report.dropped.most_common())
        table.add_row(Text(report.title), str(report.facts), str(len(report.added)),
                      str(report.already), Text(left_out))
    added = [c for r in result.reports for c in r.added]
    summary = Text(f"{len(added)} questions added; the bank now holds "
                   f"{len(result.bank.questions)}." if result.changed else
                   "Nothing new: the bank already holds every question these articles give.")
    best = Table(title="Added, best first", title_justify="left", expand=True)
    best.add_column("Score", justify="right")
    best.add_column("Why", ratio=2)
    best.add_column("Question", ratio=6)
    for candidate in sorted(added, key=lambda c: -c.score)[:10]:
        best.add_row(f"{candidate.score:.1f}", Text(", ".join(candidate.why)),
                     Text(candidate.question.prompt))
    parts: list[Text | Table] = [table, summary]
    if added:
        parts.append(best)
    return Group(*parts)


def fruitless(report) -> str:
    """Why an article gave no question."""
    found = (f"{report.facts} fact{'s' if report.facts > 1 else ''} found, but none made "
             "a question that passed the checks" if report.facts
             else "no facts found in this article")
    return f"{report.path}: {found}; nothing was added"
