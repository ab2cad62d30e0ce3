"""Answers users questioned (QA round 3), pinned on the seed papers of examples/hf-papers: 'linear transformers'
as a family (the dev gold's convention); comparison titles; the compared object of a sentence whose subject
carries a method's name."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _seed(seed_papers, title_start: str) -> Paper:
    return next(p for p in seed_papers if p.title.startswith(title_start))


def _relations(linked, field: str | None = None) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for link in linked.links:
        if field is None or link.field == field:
            found.setdefault(link.method, set()).add(link.relation)
    return found


# ------------------------------------------------------------------------------------------------------
# 1. 'linear transformers' as a family: the user's dev gold links Transformer, not the Linear Transformer of
#    Katharopoulos et al. ("used as a family of efficient Transformer variants ... not annotated separately")


@pytest.mark.parametrize("title_start", ["The Devil in Linear Transformer", "Parallelizing Linear Transformers"])
def test_linear_transformers_as_a_family_link_transformer_as_the_dev_gold_does(linker, seed_papers, title_start):
    relations = _relations(linker.link(_seed(seed_papers, title_start)))
    assert "builds_on" in relations["Transformer"]
    assert "Linear Transformer" not in relations


# ------------------------------------------------------------------------------------------------------
# 2. a title that sets methods side by side does not say the paper builds on them


def test_comparison_title_lists_are_not_built_on(linker, seed_papers):
    # 'Facing Off World Model Backbones: RNNs, Transformers, and S4': the title links stay mentions, the abstract's
    # sentences decide ('S4WM outperforms Transformer-based world models')
    linked = linker.link(_seed(seed_papers, "Facing Off World Model Backbones"))
    assert _relations(linked, "title") == {"Transformer": {"mentions"}, "S4": {"mentions"}}
    assert "compares_to" in _relations(linked)["Transformer"]


@pytest.mark.parametrize(
    "title",
    [
        "LSTM vs. GRU vs. Bidirectional RNN for script generation",  # arXiv 1908.04332 (tune7)
        "Model Backbones: LSTM, GRU, and Transformer",
    ],
)
def test_comparison_title_shapes_keep_title_mentions(linker, title):
    linked = linker.link(Paper(id="x", title=title, abstract="We present experiments on script generation."))
    assert all(link.relation == "mentions" for link in linked.links if link.field == "title")


def test_own_work_title_with_a_list_of_uses_still_builds_on(linker):
    # an item longer than three words is no side-by-side list: '... and T5 for Low-Resource Tasks'
    linked = linker.link(Paper(id="x", title="Simple Recipes: Adapting BERT, RoBERTa, and T5 for Low-Resource Tasks",
                               abstract="We present a recipe for low-resource tasks."))
    assert _relations(linked, "title").get("BERT") == {"builds_on"}


# ------------------------------------------------------------------------------------------------------
# 3. a comparison's object ends where a later clause about something else begins


def test_comparison_object_ends_before_a_later_and_clause(linker, seed_papers):
    # Mamba Retriever (seed): '... compared to Transformer-based retrieval models, and the effectiveness grows with
    # the size of the Mamba model': Transformer is compared, Mamba is not
    linked = linker.link(_seed(seed_papers, "Mamba Retriever"))
    compared = {l.method for l in linked.links if l.relation == "compares_to"}
    assert compared == {"Transformer"}


def test_comparison_list_goes_on_after_its_and():
    from relwork.linker.relations import type_relation

    # arXiv 1905.03304: the last item of the compared list keeps the comparison
    sentence = ("We train our model end-to-end on the ModelNet40 dataset and show in several settings that it performs "
                "better than ICP, its variants (e.g., Go-ICP, FGR), and the recently-proposed learning-based method PointNetLK.")
    spans = [(sentence.find(n), sentence.find(n) + len(n)) for n in ("ICP", "Go-ICP", "FGR", "PointNetLK")]
    start, end = spans[-1]
    assert type_relation(sentence, start, end, others=spans).relation == "compares_to"
