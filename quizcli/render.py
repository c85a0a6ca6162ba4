"""Showing facts in the terminal with rich: tables by kind, positions side by side,
and a timeline. Only the CLI imports this module.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group
from rich.table import Table
from rich.text import Text

from quizcli.model import Fact, FactKind

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
    stances: dict[str, list[str]] = defaultdict(list)
    for fact in facts:
        if fact.kind is FactKind.POSITION:
            holder = fact.detail.get("holder")
            stance = fact.detail.get("stance", fact.evidence)
            stances[fact.answer].append(f"{holder}: {stance}" if holder else stance)
        elif fact.kind is FactKind.QUOTE and fact.detail.get("party"):
            said = fact.detail.get("quote", fact.evidence)
            stances[fact.detail["party"]].append(f"{fact.answer} said: {said}")
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


def show(renderable, width: int | None = None) -> None:
    from quizcli.output import console

    console(width=width).print(renderable)


SHADES = " ░▒▓█"
BARS = " ▁▂▃▄▅▆▇█"


def heatmap(days: list) -> Text:
    """Reviews per day as a contributions graph: a column per week, a row per weekday,
    darker for more reviews (relative to the busiest day)."""
    if not days:
        return Text("")
    offset = days[0][0].weekday()
    columns = (offset + len(days) + 6) // 7
    highest = max((n for _, n in days), default=0)
    cells: list[list[tuple[str, str | None]]] = [[(" ", None)] * columns for _ in range(7)]
    months = [" "] * (columns + 3)
    free_from = 0
    for i, (day, count) in enumerate(days):
        column, row = divmod(offset + i, 7)
        if count == 0:
            cells[row][column] = ("·", "grey35")
        else:
            level = max(1, min(4, -(-4 * count // highest)))
            cells[row][column] = (SHADES[level], "green")
        if (day.day == 1 or i == 0) and column >= free_from:
            label = day.strftime("%b")
            months[column:column + 3] = list(label)
            free_from = column + 4
    out = Text("    " + "".join(months).rstrip() + "\n")
    names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
    for row in range(7):
        out.append(f"{names[row]:<4}")
        for ch, style in cells[row]:
            out.append(ch, style=style)
        out.append("\n")
    out.append("    ")
    out.append("·", style="grey35")
    if not highest:
        out.append(" no reviews\n")
        return out
    out.append(" none")
    for level, (low, high) in enumerate(heat_levels(highest), 1):
        if low <= high:
            out.append("  ")
            out.append(SHADES[level], style="green")
            out.append(f" {low}" if low == high else f" {low}-{high}")
    out.append(" reviews a day\n")
    return out


def heat_levels(highest: int) -> list[tuple[int, int]]:
    """The reviews a day each shade of the heatmap stands for, lightest first: shade L
    holds the days of more than (L-1)/4 and at most L/4 of the busiest day's count.
    A shade no whole count falls in has a range whose low end is above its high end."""
    return [((level - 1) * highest // 4 + 1, level * highest // 4) for level in range(1, 5)]


def forecast_chart(days: list, height: int = 6) -> Text:
    """Cards due on each of the coming days, as vertical bars."""
    highest = max((n for _, n in days), default=0)
    out = Text()
    for level in range(height, 0, -1):
        label = f"{highest:>5} " if level == height else "      "
        out.append(label)
        for _, count in days:
            eighths = round(count / highest * height * 8) if highest else 0
            fill = max(0, min(8, eighths - (level - 1) * 8))
            out.append((BARS[fill] if fill else " ") * 2, style="cyan")
        out.append("\n")
    out.append("      " + "".join(f"{d.day:<2}" if i % 5 == 0 else "  "
                                  for i, (d, _) in enumerate(days)).rstrip() + "\n")
    return out


def _rate(r) -> str:
    return f"{r.rate:.0%} of {r.total}" if r.total else "-"


def stats_view(stats) -> Group:
    """Everything `quizcli stats` draws."""
    from quizcli.review.stats import KIND_NAMES

    reviews = sum(n for _, n in stats.heatmap)
    parts: list[Text | Table] = [
        Text(f"Reviews, last {len(stats.heatmap)} days", style="bold"),
        heatmap(stats.heatmap),
        Text(f"{reviews} reviews · current streak {stats.current_streak} "
             f"day{'s' if stats.current_streak != 1 else ''} · longest "
             f"{stats.longest_streak} day{'s' if stats.longest_streak != 1 else ''}\n"),
    ]
    table = Table(title=f"True retention (target {stats.desired_retention:.0%})",
                  title_justify="left")
    table.add_column("Bank")
    table.add_column("Young cards", justify="right")
    table.add_column("Mature cards", justify="right")
    banks = [(g[5:], a) for g, a in stats.retention.items() if g.startswith("bank:")]
    kinds = [(g[5:], a) for g, a in stats.retention.items() if g.startswith("kind:")]
    if "all" in stats.retention:
        every = stats.retention["all"]
        table.add_row("All banks", _rate(every["young"]), _rate(every["mature"]),
                      end_section=True)
    for bank, ages in banks:
        table.add_row(bank, _rate(ages["young"]), _rate(ages["mature"]))
    if not stats.retention:
        table.add_row("No reviews of learned cards yet", "-", "-")
    parts += [table, Text("")]
    if kinds:
        # Totals over every bank above, so a table of their own: under the last bank
        # they would read as that bank's.
        by_kind = Table(title="By kind, all banks above",
                        title_justify="left")
        by_kind.add_column("Kind of question")
        by_kind.add_column("Young cards", justify="right")
        by_kind.add_column("Mature cards", justify="right")
        for kind, ages in sorted(kinds, key=lambda k: KIND_NAMES.get(k[0], k[0])):
            by_kind.add_row(KIND_NAMES.get(kind, kind), _rate(ages["young"]),
                            _rate(ages["mature"]))
        parts += [by_kind, Text("")]
    parts += [Text("Due in the next 30 days", style="bold"), forecast_chart(stats.forecast)]
    for title, rows in (("Leeches", stats.leeches), ("Hardest to recall now", stats.weakest)):
        if not rows:
            continue
        hard = Table(title=title, title_justify="left", expand=True)
        hard.add_column("Question", ratio=3)
        hard.add_column("Lapses", justify="right")
        hard.add_column("Recall", justify="right")
        hard.add_column("Evidence", ratio=4, style="dim")
        for h in rows:
            hard.add_row(Text(h.prompt), str(h.lapses), f"{h.recall:.0%}", Text(h.evidence))
        parts.append(hard)
    if stats.exam is not None:
        exam = stats.exam
        lines = Text(f"Exam on {exam.date.isoformat()}, in {exam.days_left} days\n",
                     style="bold")
        for bank, recall in exam.recall.items():
            lines.append(f"  {bank}: predicted recall {recall:.0%}\n")
        per_day = exam.reviews_per_day
        lines.append(f"  {exam.below_target} studied cards would be below "
                     f"{stats.desired_retention:.0%} on the day; reviewing about {per_day} "
                     f"a day until then brings each of them back up.\n")
        parts.append(lines)
    return Group(*parts)


def stats_png(stats, path) -> None:
    """The heatmap and the forecast as one image (matplotlib, an optional extra)."""
    figure = stats_figure(stats)
    figure.savefig(path, dpi=120)
    import matplotlib.pyplot as plt

    plt.close(figure)


def stats_figure(stats):
    """The heatmap, with its months, and the forecast, in whole cards, as a figure."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        from quizcli.errors import QuizcliError

        raise QuizcliError("--png needs matplotlib: pip install 'quizcli[png]'") from None
    days = stats.heatmap
    offset = days[0][0].weekday() if days else 0
    columns = (offset + len(days) + 6) // 7
    grid = [[float("nan")] * columns for _ in range(7)]
    for i, (_, count) in enumerate(days):
        column, row = divmod(offset + i, 7)
        grid[row][column] = count
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(12, 5.5),
                                         gridspec_kw={"height_ratios": [1, 1.2]})
    top.imshow(grid, aspect="auto", cmap="Greens", interpolation="nearest")
    top.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    starts = [((offset + i) // 7, day.strftime("%b")) for i, (day, _) in enumerate(days)
              if day.day == 1 or i == 0]
    if len(starts) > 1 and starts[1][0] - starts[0][0] < 2:
        starts = starts[1:]  # the first days of the window, too close to the next month
    top.set_xticks([column for column, _ in starts], [label for _, label in starts])
    top.tick_params(axis="x", length=0, labelsize=8)
    top.set_title(f"Reviews per day, last {len(days)} days (streak {stats.current_streak}, "
                  f"longest {stats.longest_streak})")
    bottom.bar([d.isoformat()[5:] for d, _ in stats.forecast], [n for _, n in stats.forecast],
               color="#3a7")
    bottom.set_title("Cards due in the next 30 days")
    bottom.tick_params(axis="x", labelrotation=90, labelsize=7)
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_ylabel("cards")
    figure.tight_layout()
    return figure


def plan_lines(plan) -> list[str]:
    """`quizcli plan` in plain lines."""
    def share(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    target = share(plan.target)
    keep, follow = plan.keeping_limits, plan.following_plan
    days = plan.days_left
    lines = [f"Exam on {plan.exam.isoformat()}: {days} study day{'s' if days != 1 else ''} "
             f"left, today included. {plan.studied} cards studied, {plan.new} new."]
    if days == 0:
        return lines + ["No study day is left before the exam."]
    later = follow.daily[1:]
    spread = (f"; {follow.daily[0]} today and {round(sum(later) / len(later))} a day on "
              "average after" if later else "")
    def recall(o) -> str:
        studied = (f"{share(o.recall_studied)} of the studied cards, "
                   if o.recall_studied is not None else "")
        return f"{studied}{share(o.recall_all)} of all; {share(o.under_target)} of all cards"

    lines += [
        f"Keeping to your limits: expected recall on exam day {recall(keep)} under {target}.",
        f"To have every card at {target} on exam day: {plan.new_per_day} new cards a day and "
        f"at most {plan.reviews_per_day} reviews a day{spread} (set them as new_per_day and "
        "reviews_per_day in config.yaml).",
        f"Following that: expected recall {recall(follow)} under {target}.",
        "Assumed: one session a day up to the day before the exam, every card offered is "
        "answered, and your memory follows your FSRS parameters (run quizcli optimize). "
        "docs/exam-plan.md has the method.",
    ]
    return lines
