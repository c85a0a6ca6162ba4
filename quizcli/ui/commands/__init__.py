"""The commands, a module per area, each with its own Typer: banks (banks, validate),
making (facts, ingest), export (export, import-reviews), study, review (status, plan,
stats, optimize) and cards (cards, suspend, unsuspend, reset). `quizcli.ui.app.COMMANDS`
names each command's module."""
