"""Introduced names written with a TeX superscript inside the word ('RE$^3$QA') are found whole, never cut at '$'."""
from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker.introduced import _scripts_read, detect_introduced

# real arXiv sentences (from the 19k unlabelled abstracts)
RE3QA = ("In this work, we present RE$^3$QA, a unified question answering model that combines context retrieving, "
         "reading comprehension, and answer reranking to predict the final answer.")
WR2L = ("This paper proposes WR$^{2}$L; a robust reinforcement learning algorithm with significant robust "
        "performance on low and high-dimensional control tasks.")
D2CITY = ("We propose D$^2$-City, a large-scale comprehensive collection of dashcam videos collected by vehicles "
          "on DiDi's platform.")


def _names(title: str, abstract: str) -> list[tuple[str, list[str]]]:
    paper = Paper(id="x", title=title, abstract=abstract)
    return [(i.name, i.aliases) for i in detect_introduced(paper)]


@pytest.mark.parametrize("title, abstract, written, read", [
    ("Retrieve, Read, Rerank: Towards End-to-End Multi-Document Reading Comprehension", RE3QA, "RE$^3$QA", "RE3QA"),
    ("Wasserstein Robust Reinforcement Learning", WR2L, "WR$^{2}$L", "WR2L"),
    ("D$^2$-City: A Large-Scale Dashcam Video Dataset of Diverse Traffic Scenarios", D2CITY, "D$^2$-City", "D2-City"),
])
def test_superscript_name_is_introduced_as_written_with_its_plain_reading(title, abstract, written, read):
    names = _names(title, abstract)
    assert (written, [read]) in names
    cut = written.split("$")[0]
    assert all(name != cut for name, _ in names)  # never the piece before '$' ('RE', 'WR')


def test_units_charges_and_powers_stay_as_written():
    paper = Paper(id="x", title="A Detector", abstract="a flux of 10$^{19}$ m$^{-2}$ s$^{-1}$ and e$^+$ pairs")
    assert _scripts_read(paper) == (paper, {})
