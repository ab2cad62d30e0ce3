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


def test_bare_caret_in_a_paper_that_writes_tex_is_read_the_same():
    title = "M$^3$RL: Mind-aware Multi-agent Management Reinforcement Learning"
    abstract = ("we propose Mind-aware Multi-agent Management Reinforcement Learning (M^3RL), which consists of "
                "agent modeling and policy learning.")
    names = [name for name, _ in _names(title, abstract)]
    assert names[0] in ("M$^3$RL", "M^3RL") and "M" not in names


def test_another_paper_links_the_plain_reading_and_never_the_cut_piece():
    from relwork.linker import link_corpus, load_catalog

    citing = Paper(id="b", title="A study of readers", year=2020,
                   abstract="Our model outperforms RE3QA on TriviaQA. The RE module is trained jointly.")
    own = Paper(id="a", title="Retrieve, Read, Rerank: Towards End-to-End Multi-Document Reading Comprehension",
                abstract=RE3QA, year=2019)
    linked = link_corpus([own, citing], load_catalog())
    links = {link.surface: link.method for link in linked[1].links}
    assert links.get("RE3QA") == "RE$^3$QA"
    assert "RE" not in links


def test_another_paper_writing_the_name_in_tex_links_it_too():
    """The matcher reads a superscript inside a word as its characters (``markup_view``), so 'RE$^3$QA' in a
    citing paper meets the introduced name; the surface stays what that paper wrote."""
    from relwork.linker import link_corpus, load_catalog

    citing = Paper(id="b", title="A study of readers", year=2020,
                   abstract="We build on RE$^3$QA and fine-tune it on TriviaQA.")
    own = Paper(id="a", title="Retrieve, Read, Rerank: Towards End-to-End Multi-Document Reading Comprehension",
                abstract=RE3QA, year=2019)
    linked = link_corpus([own, citing], load_catalog())
    links = [(link.surface, link.method) for link in linked[1].links]
    assert ("RE$^3$QA", "RE$^3$QA") in links
