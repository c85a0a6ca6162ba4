"""quizcli: exam question banks from news articles, studied with spaced repetition."""

__version__ = "0.1.0"
