"""What the commands show: tables of facts and what an ingest did (`fact_tables`), the
heatmap and forecast charts (`charts`), the stats and plan reports (`reports`), and the
plain listings of banks, cards and counts (`listings`)."""

from __future__ import annotations


def show(renderable, width: int | None = None) -> None:
    """Draw a rich renderable on the terminal, through the safe console."""
    from quizcli.ui.output import console

    console(width=width).print(renderable)
