from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from bankgen import MINIMAL
from conftest import SHIPPED_BANKS

from quizcli import paths
from quizcli.bankfile import load_bank
from quizcli.catalog import discover
from quizcli.errors import QuizcliError
from quizcli.ui.app import app


def write_bank(folder: Path, name: str, bank_id: str, title: str = "A tiny bank") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(MINIMAL.replace("id: tiny", f"id: {bank_id}").replace("A tiny bank", title),
                    encoding="utf-8")
    return path


def test_banks_come_from_user_shared_and_shipped_folders(tmp_path, quizcli_home, monkeypatch):
    write_bank(quizcli_home / "banks", "mine.yaml", "mine")
    group_a, group_b = tmp_path / "group-a", tmp_path / "group-b"
    write_bank(group_a / "polity", "articles.yml", "polity")
    write_bank(group_b, "economy.yaml", "economy")
    monkeypatch.setenv("QUIZCLI_BANKS", os.pathsep.join([str(group_a), str(group_b)]))

    catalog = discover()

    assert [(e.id, e.origin) for e in catalog.entries] == [
        ("mine", "user"), ("polity", "shared"), ("economy", "shared"), ("korea-summits", "shipped"),
    ]
    assert not catalog.errors
    assert catalog.get("polity").summary.questions == 1


def test_an_earlier_folder_hides_a_bank_with_the_same_id(quizcli_home):
    mine = write_bank(quizcli_home / "banks", "korea.yaml", "korea-summits", "My corrected copy")

    catalog = discover()

    visible = catalog.get("korea-summits")
    assert (visible.path, visible.summary.title) == (mine, "My corrected copy")
    [hidden] = [e for e in catalog.entries if e.shadowed_by]
    assert hidden.origin == "shipped" and hidden.shadowed_by == mine


def test_a_broken_bank_is_reported_and_the_others_still_listed(quizcli_home, runner):
    broken = quizcli_home / "banks" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text(MINIMAL.replace("title: A tiny bank", "title:"), encoding="utf-8")

    result = runner.invoke(app, ["banks"])

    assert result.exit_code == 2
    assert "korea-summits" in result.stdout
    assert f"{broken}:3: bank: 'title' must be text, not empty" in result.stderr


def test_an_edited_bank_is_read_again(quizcli_home, runner):
    path = write_bank(quizcli_home / "banks", "mine.yaml", "mine", "First title")
    assert discover().get("mine").summary.title == "First title"
    assert (quizcli_home / "cache" / "banks.marshal").is_file()

    path.write_text(path.read_text(encoding="utf-8").replace("First title", "Second"),
                    encoding="utf-8")
    assert discover().get("mine").summary.title == "Second"

    path.write_text(path.read_text(encoding="utf-8").replace("answer: Vietnam\n  evidence: "
                    "The meeting will take place in Vietnam.\n  source: s1\n  fact",
                    "answer: Hanoi\n  evidence: x\n  source: s1\n  fact"), encoding="utf-8")
    for _ in range(2):  # a bank that fails its check is never served from the cache
        catalog = discover()
        assert [e.id for e in catalog.entries] == ["korea-summits"]
        assert "'Hanoi' is not one of its choices" in str(catalog.errors[0])


def test_a_damaged_cache_is_rebuilt(quizcli_home):
    import marshal

    from quizcli.catalog import _SummaryCache

    cache = quizcli_home / "cache" / "banks.marshal"
    cache.parent.mkdir()
    for damage in [b"not marshal", marshal.dumps((_SummaryCache.KEY, {"x": 1})),
                   marshal.dumps([]), marshal.dumps((_SummaryCache.KEY, {"x": {"stamp": 1}}))]:
        cache.write_bytes(damage)
        assert [e.id for e in discover().entries] == ["korea-summits"]


def test_unknown_bank_name_lists_the_known_ones():
    with pytest.raises(QuizcliError, match="no bank named 'nope'; banks available: korea-summits"):
        discover().get("nope")


def test_banks_json_for_scripts(runner, quizcli_home):
    result = runner.invoke(app, ["banks", "--json"])

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [bank] = data["banks"]
    shipped = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    assert bank == {
        "id": "korea-summits",
        "title": "The Trump–Kim summits and North Korea's denuclearisation",
        "questions": len(shipped.questions),
        "facts": len(shipped.facts),
        "sources": 2,
        "origin": "shipped",
        "path": str(SHIPPED_BANKS / "korea-summits.yaml"),
        "shadowed_by": None,
    }
    assert [f["origin"] for f in data["folders"]] == ["user", "shipped"]
    assert data["invalid"] == []


def test_no_banks_at_all_says_where_it_looked(runner, monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "shipped_banks_dir", lambda: tmp_path / "nothing")

    result = runner.invoke(app, ["banks"])

    assert result.exit_code == 0
    assert "No banks found. Searched:" in result.stderr
    assert str(tmp_path / "nothing") in result.stderr
