"""The reports of `quizcli stats` and `quizcli plan`."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from quizcli.ui.views.charts import forecast_chart, heatmap


def _rate(r) -> str:
    return f"{r.rate:.0%} of {r.total}" if r.total else "-"


def stats_view(stats) -> Group:
    """Everything `quizcli stats` draws."""
    reviews = sum(n for _, n in stats.heatmap)
    parts: list[Text | Table] = [
        Text(f"Reviews, last {len(stats.heatmap)} days", style="bold"),
        heatmap(stats.heatmap),
        Text(f"{reviews} reviews · current streak {stats.current_streak} "
             f"day{'s' if stats.current_streak != 1 else ''} · longest "
             f"{stats.longest_streak} day{'s' if stats.longest_streak != 1 else ''}\n"),
        _retention(stats), Text(""),
    ]
    kinds = [(g[5:], a) for g, a in stats.retention.items() if g.startswith("kind:")]
    if kinds:
        parts += [_by_kind(kinds), Text("")]
    parts += [Text("Due in the next 30 days", style="bold"), forecast_chart(stats.forecast)]
    for title, rows in (("Leeches", stats.leeches), ("Hardest to recall now", stats.weakest)):
        if rows:
            parts.append(_hardest(title, rows))
    if stats.exam is not None:
        parts.append(_exam(stats.exam, stats.desired_retention))
    return Group(*parts)


def _retention(stats) -> Table:
    table = Table(title=f"True retention (target {stats.desired_retention:.0%})",
                  title_justify="left")
    table.add_column("Bank")
    table.add_column("Young cards", justify="right")
    table.add_column("Mature cards", justify="right")
    banks = [(g[5:], a) for g, a in stats.retention.items() if g.startswith("bank:")]
    if "all" in stats.retention:
        every = stats.retention["all"]
        table.add_row("All banks", _rate(every["young"]), _rate(every["mature"]),
                      end_section=True)
    for bank, ages in banks:
        table.add_row(bank, _rate(ages["young"]), _rate(ages["mature"]))
    if not stats.retention:
        table.add_row("No reviews of learned cards yet", "-", "-")
    return table


def _by_kind(kinds: list) -> Table:
    """Totals over every bank above, so a table of their own: under the last bank
    they would read as that bank's."""
    from quizcli.review.stats import KIND_NAMES

    by_kind = Table(title="By kind, all banks above",
                    title_justify="left")
    by_kind.add_column("Kind of question")
    by_kind.add_column("Young cards", justify="right")
    by_kind.add_column("Mature cards", justify="right")
    for kind, ages in sorted(kinds, key=lambda k: KIND_NAMES.get(k[0], k[0])):
        by_kind.add_row(KIND_NAMES.get(kind, kind), _rate(ages["young"]),
                        _rate(ages["mature"]))
    return by_kind


def _hardest(title: str, rows: list) -> Table:
    hard = Table(title=title, title_justify="left", expand=True)
    hard.add_column("Question", ratio=3)
    hard.add_column("Lapses", justify="right")
    hard.add_column("Recall", justify="right")
    hard.add_column("Evidence", ratio=4, style="dim")
    for h in rows:
        hard.add_row(Text(h.prompt), str(h.lapses), f"{h.recall:.0%}", Text(h.evidence))
    return hard


def _exam(exam, desired_retention: float) -> Text:
    lines = Text(f"Exam on {exam.date.isoformat()}, in {exam.days_left} days\n",
                 style="bold")
    for bank, recall in exam.recall.items():
        lines.append(f"  {bank}: predicted recall {recall:.0%}\n")
    per_day = exam.reviews_per_day
    lines.append(f"  {exam.below_target} studied cards would be below "
                 f"{desired_retention:.0%} on the day; reviewing about {per_day} "
                 f"a day until then brings each of them back up.\n")
    return lines


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
