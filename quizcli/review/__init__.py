"""The review engine: FSRS scheduling, the SQLite store of cards and answers, and
settings. Time is always passed in; nothing here reads the clock."""
