"""Reading news articles into facts: the article reader, dates, names, and the extractors.

Nothing here knows about banks, questions or the terminal.
"""
