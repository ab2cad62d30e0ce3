"""Answers from the seventh user test (qa7: a researcher with their own library): BertSum's origin paper (L8),
`build --update` keeps the graph's own catalog (L4), a paper filter that keeps no paper says so (L5), method
names with a generic head noun (L9), and the HTML page's links and accent-blind search (L15, L16; browser
tests: CI=true with chromium)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.graph.build import build_from_files
from relwork.graph.schema import method_node, paper_node

runner = CliRunner()
AMDS = Path("/work/shared/data/arxiv-amds123")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _write_jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------
# L8: BERTSUM was coined by 1903.10318; 1908.08345 introduces BertSumExt / BertSumAbs

BERTSUM_PAPERS = [
    {"id": "1903.10318", "title": "Fine-tune BERT for Extractive Summarization", "year": 2019,
     "abstract": "BERT, a pre-trained Transformer model, has achieved ground-breaking performance on multiple NLP "
                 "tasks. In this paper, we describe BERTSUM, a simple variant of BERT, for extractive summarization. "
                 "Our system is the state of the art on the CNN/Dailymail dataset, outperforming the previous "
                 "best-performed system by 1.65 on ROUGE-L. The codes to reproduce our results are available at "
                 "https://github.com/nlpyang/BertSum"},
    # 2004.08795 (MatchSum), abstract's sentence naming its baseline
    {"id": "2004.08795", "title": "Extractive Summarization as Text Matching", "year": 2020,
     "abstract": "We compare our matching framework with BertSumExt and BertSumAbs, and our BERT-based model builds "
                 "on BERTSUM."},
]


def test_bertsum_is_introduced_by_the_paper_that_coined_it(tmp_path, catalog):
    assert catalog.get("BertSum").paper["arxiv"] == "1903.10318"
    assert {catalog.get(n).paper["arxiv"] for n in ("BertSumExt", "BertSumAbs")} == {"1908.08345"}
    assert catalog.get("BertSumExt").parents == catalog.get("BertSumAbs").parents == ["BertSum"]
    G = build_from_files(_write_jsonl(tmp_path / "p.jsonl", *BERTSUM_PAPERS)).graph
    intro = [u for u, _, k in G.in_edges(method_node("BertSum"), keys=True) if k == "INTRODUCES"]
    assert intro == [paper_node("1903.10318")]
    assert not any("BERTSUM" in n for n in G)  # no homonym node of the paper's own name
    later = {u for name in ("BertSumExt", "BertSumAbs")
             for u, _, k in G.in_edges(method_node(name), keys=True) if k == "INTRODUCES"}
    assert later == {paper_node("1908.08345")}
