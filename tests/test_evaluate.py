"""The evaluator: scoring definitions on constructed predictions, the linker on a small gold fixture
written for these tests, bad gold input, and (when present) the shared development gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.core.errors import InputError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, normalize_title
from relwork.linker import link_corpus
from relwork.linker.evaluate import by_confidence, evaluate, intervals, parse_gold, read_gold, read_linked, relation_set
from relwork.loaders import load_papers

from conftest import FIXTURES, SEED_FILES

GOLD = FIXTURES / "linker" / "gold_small.jsonl"
DEV_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_gold.jsonl"


def link(method: str, relation: str, kind: str = "method") -> Link:
    return Link(method, kind, relation, method, "abstract", 0, len(method), "evidence", "", 1.0)


def paper(title: str, links: list[Link], introduces: list[Introduced] = ()) -> LinkedPaper:
    return LinkedPaper(Paper.create(title, "abstract"), list(introduces), links)


def test_evaluate_counts_on_constructed_predictions(catalog):
    gold = read_gold(GOLD)
    predictions = [
        paper(gold[0].title, [
            link("Transformer", "builds_on"), link("Transformer", "mentions"),  # set {builds_on}: correct
            link("BERT", "compares_to"),                                     # relation error
            link("RoBERTa", "compares_to"),
            link("GLUE", "mentions", kind="dataset"),                        # datasets are not scored
            link("XLNet", "mentions"),                                       # spurious
        ], [Introduced("BART")]),
        paper("GottBERT: a pure German Language Model",  # same title after normalisation
              [link("Bidirectional Encoder Representations from Transformers", "compares_to")],
              [Introduced("Gott-BERT", aliases=["GottBERT model"])]),
    ]
    report = evaluate(gold, predictions, catalog)
    assert (report.links.tp, report.links.fp, report.links.fn) == (4, 1, 3)  # GPT, RoBERTa (GottBERT), ViT missed
    assert (report.relation_correct, report.relation_total) == (3, 4)
    assert report.confusion["mentions"] == {"compares_to": 1}
    assert (report.introduced.tp, report.introduced.fp, report.introduced.fn) == (2, 0, 1)
    assert report.missing_papers == ["A paper that is not in the input"]
    kinds = sorted(e["type"] for e in report.errors)
    assert kinds.count("spurious") == 1 and kinds.count("relation") == 1 and kinds.count("missed") == 3
    assert report.to_dict()["links"]["precision"] == 0.8


@pytest.mark.parametrize(
    "relations, expected",
    [(["mentions", "builds_on"], ("builds_on",)), (["compares_to", "builds_on"], ("builds_on", "compares_to")),
     (["mentions"], ("mentions",)), ([], ("mentions",))],
)
def test_relation_set(relations, expected):
    assert relation_set(relations) == expected


def test_evaluate_linker_on_fixture(catalog):
    papers = [p for p in load_papers(SEED_FILES).papers if p.title.startswith(("BART: Denoising", "GottBERT"))]
    report = evaluate(read_gold(GOLD), link_corpus(papers, catalog), catalog)
    assert report.missing_papers == ["A paper that is not in the input"]
    # at most the catalogued technique 'back-translation' (this gold leaves it out) is extra
    assert [e["method"] for e in report.errors if e["type"] == "spurious"] in ([], ["Back-Translation"])
    assert report.links.tp == 6 and report.links.fn == 1  # only the absent paper's ViT is missed
    assert report.introduced.tp == 2
    assert report.relation_total == 6


@pytest.mark.parametrize(
    "line, message",
    [
        ("{oops", r"gold.jsonl:1: invalid JSON"),
        ('{"pid": 1}', r"gold.jsonl:1: a gold record needs a 'title' string"),
        ('{"title": "T", "links": [{"method": "BERT", "relations": ["uses"]}]}',
         r"gold.jsonl:1: unknown relation\(s\) uses \(choose from builds_on, compares_to, mentions\)"),
        ('{"title": "T", "introduces": "BERT"}', r"'introduces' must be a list"),
        ('{"title": "T", "links": [{"method": "BERT", "relations": 3}]}', r"gold.jsonl:1: a gold link's 'relations' must be a list"),
        ('[{"title": "T", "links": []}]', r"gold.jsonl:1: gold must be JSON Lines .*not one JSON array"),
        ('[', r"gold.jsonl:1: gold must be JSON Lines"),
        ("", r"gold.jsonl: no gold record in the file"),
    ],
)
def test_parse_gold_errors(line, message):
    with pytest.raises(InputError, match=message):
        parse_gold([line], "gold.jsonl")


def test_parse_gold_reads_a_relations_string_as_one_relation():
    line = '{"title": "T", "links": [{"method": "BERT", "relations": "builds_on", "surfaces": "BERT"}]}'
    (gold,) = parse_gold([line], "gold.jsonl")
    assert gold.links[0].relations == ["builds_on"] and gold.links[0].surfaces == ["BERT"]


def test_parse_gold_accepts_the_relation_spellings_the_queries_accept():
    """'builds-on', 'Compares To': the spellings ``papers_for_method`` and the cookbook take are the same gold."""
    line = '{"title": "T", "links": [{"method": "BERT", "relations": ["builds-on", "Compares To"]}], "introduces": []}'
    (gold,) = parse_gold([line], "gold.jsonl")
    assert gold.links[0].relations == ["builds_on", "compares_to"] and gold.warning == ""


def test_parse_gold_warns_about_a_record_without_links_naming_its_line_and_keys(seed_linked, catalog):
    """A typo ('link') would make every predicted link of the paper spurious without a word: the report carries
    a warning naming file, line and the keys the record has."""
    bart = next(p for p in seed_linked if p.paper.title.startswith("BART: Denoising"))
    gold = parse_gold(['{"title": "GottBERT: a pure German Language Model", "links": [], "introduces": []}',
                       '{"title": %s, "link": [{"method": "Transformer"}], "introduces": []}' % json.dumps(bart.paper.title)],
                      "gold.jsonl")
    assert [g.warning for g in gold] == ["", (
        "gold.jsonl:2: gold record without 'links' (its keys: title, link, introduces); scored as a paper with no "
        "gold methods, so each one predicted counts as spurious (write [] when the paper has none)")]
    report = evaluate(gold[1:], seed_linked, catalog)
    assert report.warnings == [gold[1].warning] and report.to_dict()["warnings"] == report.warnings
    assert report.links.fp == len({l.method for l in bart.links if l.kind != "dataset"}) > 0


def test_spurious_error_names_the_predicted_relation_cue_and_evidence(seed_linked, catalog):
    """A spurious link shows what the linker said about it, like a relation error: the predicted relation set,
    the deciding cue and that link's sentence."""
    report = evaluate(read_gold(GOLD), seed_linked, catalog)
    (spurious,) = [e for e in report.errors if e["type"] == "spurious"]
    bart = next(p for p in seed_linked if p.paper.title.startswith("BART: Denoising"))
    link = next(l for l in bart.links if l.method == spurious["method"])
    assert spurious["predicted"] == [link.relation] and spurious["cue"] == link.cue
    assert spurious["evidence"] == link.evidence and link.surface in link.evidence


def test_parse_gold_refuses_a_paper_listed_twice_naming_both_lines():
    first = '{"title": "Mamba: Linear-Time Sequence Modeling", "links": []}'
    again = '{"title": "mamba:  linear-time sequence modeling", "links": []}'  # the same after normalisation
    with pytest.raises(InputError, match=r"gold.jsonl:3: the gold paper of line 1 again"):
        parse_gold([first, "", again], "gold.jsonl")


def test_cli_evaluate_empty_gold_file_is_exit_2(tmp_path):
    from typer.testing import CliRunner

    from relwork.cli import app

    empty = tmp_path / "gold.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(empty), *map(str, SEED_FILES)])
    assert result.exit_code == 2
    assert "no gold record in the file" in result.output


def test_by_confidence_counts_only_the_gold_papers_links(seed_linked, seed_catalog):
    gold = read_gold(GOLD)
    titles = {normalize_title(g.title) for g in gold}
    gold_links = sum(len(p.links) for p in seed_linked if normalize_title(p.paper.title) in titles)
    all_links = sum(len(p.links) for p in seed_linked)
    assert by_confidence(gold, seed_linked, seed_catalog)[0]["links"] == gold_links < all_links


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="the shared development gold set is not on this machine")
def test_evaluate_dev_gold(catalog):
    report = evaluate(read_gold(DEV_GOLD), link_corpus(load_papers(SEED_FILES).papers, catalog), catalog)
    assert report.missing_papers == []
    assert report.links.precision >= 0.9 and report.links.recall >= 0.9
    assert report.introduced.f1 >= 0.85


@pytest.mark.parametrize("content,message", [
    (b'{"id": "x", "title": "caf\xe9"}\n', "not UTF-8 text"),
    (b'{"nodes": [], "links": []}\n', r":1: not a 'relwork link' record \(needs 'id' and 'title'\)"),
    (b'{\n  "format": "relwork-graph"\n}\n', r":1: not a 'relwork link' record"),
])
def test_read_linked_names_the_file_and_line_of_bad_input(tmp_path, content, message):
    path = tmp_path / "linked.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_linked(path)


HELDOUT_SEEDS = Path(__file__).resolve().parents[1] / "bench" / "gold" / "heldout-seeds.jsonl"


def test_bootstrap_intervals_bracket_the_scores_of_the_seed_gold(seed_linked, catalog):
    """On the 108 held-out seed papers every interval holds its point estimate, the measures with errors get
    a real width, and a fixed seed gives the same intervals again."""
    gold = read_gold(HELDOUT_SEEDS)
    report = evaluate(gold, seed_linked, catalog)
    bounds = intervals(gold, seed_linked, catalog, rounds=300)
    points = {"link precision": report.links.precision, "link recall": report.links.recall,
              "relation accuracy": report.relation_accuracy, "introduced F1": report.introduced.f1}
    for measure, value in points.items():
        low, high = bounds[measure]
        assert low <= value <= high, measure
    assert bounds["link recall"][1] - bounds["link recall"][0] > 0.02
    assert bounds["relation accuracy"][1] - bounds["relation accuracy"][0] > 0.05
    assert intervals(gold, seed_linked, catalog, rounds=300) == bounds


def test_bootstrap_intervals_of_a_perfect_prediction_are_points(catalog):
    gold = read_gold(GOLD)[:1]
    predicted = [paper(gold[0].title, [link(g.method, g.relations[0]) for g in gold[0].links],
                       [Introduced(i["name"]) for i in gold[0].introduces])]
    assert evaluate(gold, predicted, catalog).links.f1 == 1.0
    bounds = intervals(gold, predicted, catalog, rounds=50)
    assert bounds["link F1"] == (1.0, 1.0) and bounds["introduced F1"] == (1.0, 1.0)


def test_bootstrap_needs_at_least_one_round(catalog):
    with pytest.raises(InputError, match="bootstrap rounds must be at least 1"):
        intervals(read_gold(GOLD), [], catalog, rounds=0)
