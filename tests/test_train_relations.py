"""The learned relation decision experiment (bench/train_relations.py): lemmas, richer features, growing gold files.

No model ships (bench/RESULTS.md, "A learned decision on top of the rules?"); these tests keep the experiment script
runnable and its features honest so it can be re-run when the gold grows.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import train_relations as T  # noqa: E402

from relwork.linker import load_catalog  # noqa: E402
from relwork.linker.pipeline import link_corpus  # noqa: E402
from relwork.loaders import load_papers  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "hf-papers"
# a seed abstract sentence (examples/hf-papers/002_*.txt): the paper uses a pre-trained VLM
SENTENCE = ("Specifically, we employ a pre-trained VLM to transform relevant visual information from entities and "
            "their neighbors into textual sequences.")


def test_lemma_maps_inflected_verbs_to_the_verb_class_words():
    assert [T.lemma(w) for w in ("uses", "used", "using", "based", "studies", "applied", "built", "mapped")] == \
        ["use", "use", "use", "base", "study", "apply", "build", "map"]
    assert T.lemma("outperforms") == "outperform" and T.lemma("networks") == "network" and T.lemma("class") == "class"


def test_rich_features_name_the_verb_between_the_papers_voice_and_the_mention():
    at = SENTENCE.index("VLM")
    feats = T._rich(SENTENCE[:at], SENTENCE[at + 3:], "builds_on")
    assert {"btw:employ", "btw:pre-train", "vbtw:use", "rel=builds_on|vbtw:use"} <= set(feats)
    assert not any(f.startswith("vbtw:compare") for f in feats)


def test_rich_features_mark_a_mention_far_from_the_papers_voice():
    sentence = "We train a small classifier on the outputs of a large frozen language model such as GPT-2."
    at = sentence.index("GPT-2")
    assert "btw:<far>" in T._rich(sentence[:at], sentence[at + 5:], "mentions")


def test_growing_gold_file_is_read_up_to_its_last_complete_line(tmp_path):
    record = {"pid": "1", "title": "A paper", "introduces": [], "links": [
        {"method": "BERT", "surfaces": ["BERT"], "relations": ["builds_on"], "evidence": "we fine-tune BERT"}]}
    path = tmp_path / "part-1.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(record)[:40], encoding="utf-8")
    gold = T._complete_gold(path)
    assert [g.title for g in gold] == ["A paper"]


def test_features_of_a_linked_seed_paper_carry_the_rules_verdict_and_position():
    T.RICH = True
    try:
        papers = load_papers([sorted(SEEDS.glob("002_*.txt"))[0]]).papers
        linked = [p for p in link_corpus(papers, load_catalog()) if SENTENCE in (p.paper.abstract or "")]
        assert linked and linked[0].links
        paper = linked[0]
        ctx = T.paper_context(paper)
        for link in paper.links:
            feats = T.features(link, ctx)
            assert f"rel={link.relation}" in feats and "bias" in feats
    finally:
        T.RICH = False
