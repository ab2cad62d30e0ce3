"""Calibrated link confidence (``linker/calibration.py``) and the ``--min-confidence`` filter, on the seed papers."""

from __future__ import annotations

import io
import json
import math
import re

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.errors import InputError
from relwork.linker import calibration, link_corpus
from relwork.linker.calibration import Calibration, check_threshold, drop_below, feature_rows, shipped
from relwork.linker.compiled import compiled_catalog
from relwork.linker.evaluate import by_confidence, evaluate, read_gold
from relwork.linker.pipeline import link_files

from conftest import FIXTURES

GOLD = FIXTURES / "linker" / "gold_small.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def raw_and_calibrated(seed_papers, seed_catalog):
    """The first 80 seed papers linked with the rule confidences and with the calibrated ones."""
    papers = seed_papers[:80]
    calibration.ENABLED = False
    try:
        raw = link_corpus(papers, seed_catalog)
    finally:
        calibration.ENABLED = True
    return raw, link_corpus(papers, seed_catalog)


def test_shipped_table_is_probabilities_with_its_provenance():
    data = json.loads((FIXTURES.parent.parent / "linker" / "data" / "calibration.json").read_text(encoding="utf-8"))
    assert data["bins"] == sorted(data["bins"])
    assert all(0.0 <= p <= 1.0 for p in data["table"].values())
    assert data["provenance"]["fit_sets"] and data["provenance"]["links"] == sum(data["provenance"]["links_by_set"].values())
    assert set(data["counts"]) == set(data["table"])


def test_calibration_changes_only_the_confidence_of_links(raw_and_calibrated):
    raw, calibrated = raw_and_calibrated
    for a, b in zip(raw, calibrated):
        assert [(l.method, l.relation, l.field, l.start, l.cue) for l in a.links] == \
            [(l.method, l.relation, l.field, l.start, l.cue) for l in b.links]
        assert a.introduces == b.introduces


def test_calibrated_confidences_follow_the_shipped_table(raw_and_calibrated, seed_catalog):
    raw, calibrated = raw_and_calibrated
    keys, table = compiled_catalog(seed_catalog).keys, shipped()
    seen = 0
    for a, b in zip(raw, calibrated):
        for raw_link, link, row in zip(a.links, b.links, feature_rows(a, keys)):
            assert 0.0 <= link.confidence <= 1.0
            if row is None:  # a dataset link keeps the rule's confidence
                assert link.kind == "dataset" and link.confidence == raw_link.confidence
            else:
                assert link.confidence == round(table.probability(*row), 3)
                seen += 1
    assert seen > 100


def test_mentions_beside_a_stronger_link_scores_below_a_lone_mention():
    table = shipped()
    for match in ("exact", "variant"):
        assert table.probability("mentions-beside", match, 0.5) < table.probability("mentions", match, 0.5)


def test_unseen_feature_combination_falls_back_to_its_coarser_group():
    table = Calibration({"prior": 0.5, "bins": [0.5], "table": {"builds_on": 0.9, "builds_on|exact|1": 0.95}})
    assert table.probability("builds_on", "exact", 0.8) == 0.95
    assert table.probability("builds_on", "exact", 0.2) == 0.9  # bin 0 not in the table
    assert table.probability("compares_to", "exact", 0.8) == 0.5


def test_drop_below_removes_exactly_the_links_below_the_threshold(raw_and_calibrated):
    import copy

    _, calibrated = raw_and_calibrated
    for paper in calibrated:
        kept = [l for l in paper.links if l.confidence >= 0.8]
        clone = copy.copy(paper)
        assert drop_below(clone, 0.8) == len(paper.links) - len(kept)
        assert clone.links == kept and clone.introduces == paper.introduces


def test_link_files_min_confidence_drops_exactly_the_links_below_it(seed_files, seed_catalog):
    runs = {}
    for threshold in (0.0, 0.8):
        out = io.StringIO()
        summary = link_files(seed_files, out, catalog=seed_catalog, min_confidence=threshold)
        runs[threshold] = (summary, [json.loads(line) for line in out.getvalue().splitlines()])
    (full, every), (cut, kept) = runs[0.0], runs[0.8]
    assert full.dropped == 0 and cut.dropped > 0 and cut.links + cut.dropped == full.links
    for a, b in zip(every, kept):
        assert b["links"] == [l for l in a["links"] if l["confidence"] >= 0.8]
        assert b["introduces"] == a["introduces"]


@pytest.mark.parametrize("value", [-1, 2, "abc", float("nan"), None])
def test_check_threshold_rejects_what_is_not_a_number_from_0_to_1(value):
    with pytest.raises(InputError, match="minimum confidence must be a number from 0 to 1"):
        check_threshold(value)


@pytest.mark.parametrize("command", ["link", "build"])
@pytest.mark.parametrize("value,message", [
    ("-1", "greater than or equal to 0"), ("2", "less than or equal to 1"), ("abc", "valid number"),
])
def test_cli_min_confidence_bad_value_is_a_clear_error(seed_files, tmp_path, command, value, message):
    result = runner.invoke(app, [command, str(seed_files[0]), "--min-confidence", value, "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    text = re.sub(r"[\s│╭╮╰╯─]+", " ", result.output)  # the error box, unwrapped
    assert f"Invalid value for '--min-confidence'" in text and message in text
    assert not (tmp_path / "out.json").exists()


def test_cli_link_reports_the_dropped_links(seed_files, tmp_path):
    result = runner.invoke(app, ["link", *map(str, seed_files), "--min-confidence", "0.85", "-o", str(tmp_path / "l.jsonl")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "l.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(l["confidence"] >= 0.85 for r in records for l in r["links"])
    assert "links below --min-confidence 0.85 dropped" in result.stderr


def test_cli_build_min_confidence_leaves_the_links_below_it_out_of_the_graph(seed_files, tmp_path):
    result = runner.invoke(app, ["build", *map(str, seed_files), "--min-confidence", "0.9", "-o", str(tmp_path / "g.json"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["dropped_links"] > 0
    from relwork.graph.io import load_graph

    graph = load_graph(tmp_path / "g.json")
    confidences = [d.get("confidence") for _, _, d in graph.edges(data=True) if d.get("field") in ("title", "abstract")]
    assert confidences and all(c >= 0.9 for c in confidences)


def test_by_confidence_at_zero_is_the_plain_evaluation_and_keeps_fewer_links_as_it_rises(seed_linked, seed_catalog):
    gold = read_gold(GOLD)
    rows = by_confidence(gold, seed_linked, seed_catalog)
    report = evaluate(gold, seed_linked, seed_catalog)
    assert rows[0]["threshold"] == 0.0 and rows[0]["recall"] == round(report.links.recall, 4)
    assert rows[0]["relation_accuracy"] == round(report.relation_accuracy, 4)
    kept = [r["links"] for r in rows]
    assert kept == sorted(kept, reverse=True) and kept[-1] < kept[0]


def test_cli_evaluate_by_confidence(seed_files):
    result = runner.invoke(app, ["evaluate", str(GOLD), *map(str, seed_files), "--by-confidence", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["by_confidence"]
    assert [r["threshold"] for r in rows][:3] == [0.0, 0.3, 0.5]
    assert all(not math.isnan(r["precision"]) for r in rows)
