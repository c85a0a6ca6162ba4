"""Questions made from facts, each with a score that says why it ranks where it does.

Every question quotes its evidence sentence and names its source. The wording
comes from the article itself wherever it can: a question that blanks out a
word of a real sentence is harder to get wrong than one a template invents.
Each kind of question is a row of `kinds.KINDS`.
"""

from quizcli.making.questions.candidate import PRONOUN_START, Candidate
from quizcli.making.questions.kinds import KINDS, QuestionKind, make_candidates
from quizcli.making.questions.wording import aliases
from quizcli.model import BLANK

__all__ = ["BLANK", "KINDS", "PRONOUN_START", "Candidate", "QuestionKind", "aliases",
           "make_candidates"]
