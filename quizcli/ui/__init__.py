"""The user interface: the command line (`app`, `commands`), the study screen (`screen`,
`layout`), the key reader (`keys`), the views of facts, charts and reports (`views`), and
the one way out to the terminal (`output`).

It uses the core (reading, making, review, export, the catalog); the core never imports
it. Heavy modules (rich, yaml, the core itself) are imported inside the functions that
need them, so that `quizcli --help` and quick commands start fast.
"""
