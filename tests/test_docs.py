"""The documentation shows what really works."""

from __future__ import annotations

import re

from conftest import REPO

from quizcli.bankfile import parse_bank
from quizcli.ui.app import app


def code_blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_the_bank_format_example_is_a_valid_complete_bank():
    [example] = code_blocks((REPO / "docs" / "bank-format.md").read_text(encoding="utf-8"), "yaml")
    bank = parse_bank(example, "docs/bank-format.md")
    assert {q.type.value for q in bank.questions} == {"mcq", "short", "cloze", "truefalse"}
    assert bank.sources and bank.facts
    documented = (REPO / "docs" / "bank-format.md").read_text(encoding="utf-8")
    for field in ["publisher", "url", "accept", "tags", "parties", "people", "description"]:
        assert f"`{field}`" in documented


def test_readme_opens_with_the_two_set_up_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install_and_run, install_and_test = code_blocks(readme, "sh")[:2]
    before = readme.split("```sh", 1)[0]
    assert "git clone" in before and "cd quizcli" in before  # the commands run in the clone
    assert "pip install ." in install_and_run and "quizcli" in install_and_run
    assert "pytest" in install_and_test
    assert install_and_test.strip() in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        assert f"`quizcli {command.name or command.callback.__name__}" in readme


def test_the_making_doc_gives_every_score_the_ranker_uses():
    from quizcli.making.scores import SCORES

    text = (REPO / "docs" / "making.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([\w:-]+)` \| ([\d.]+) \|$", text, flags=re.M))
    assert {kind: float(value) for kind, value in rows.items()} == SCORES


def test_the_banks_example_counts_the_questions_of_the_shipped_bank():
    from conftest import SHIPPED_BANKS

    from quizcli.bankfile import load_bank

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [shown] = re.findall(r"^korea-summits +(\d+) ", readme, flags=re.M)
    assert int(shown) == len(load_bank(SHIPPED_BANKS / "korea-summits.yaml").questions)
