"""Making exam questions from facts: kinds of question, distractors, the quality gate,
and ingesting articles into a bank. Nothing here knows about the terminal."""
