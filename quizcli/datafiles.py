"""The word lists and tables of `quizcli/data/`: what no maintained package knows, each
file saying why. Read safely as YAML when asked for; callers cache what they build."""

from __future__ import annotations

from importlib import resources
from typing import Any


def load_data(name: str) -> Any:
    """The parsed contents of `quizcli/data/<name>`."""
    import yaml

    text = (resources.files("quizcli") / "data" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
