"""Charts of the review history: the heatmap of reviews per day and the forecast of cards
due, as text for the terminal, and both as an image (matplotlib, an optional extra)."""

from __future__ import annotations

from rich.text import Text

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
