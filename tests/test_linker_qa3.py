"""Wrong answers users saw (QA round 3), pinned on the seed papers of examples/hf-papers: a descriptive catalog
name that a Title Case title writes around its parent is the paper's subject, not the parent; comparison
titles; the compared object of a sentence whose subject carries a method's name."""

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
# 1. the longer catalogued name wins over the parent it contains when the paper names it in its title


@pytest.mark.parametrize("title_start", ["The Devil in Linear Transformer", "Parallelizing Linear Transformers"])
def test_title_subject_descriptive_name_beats_its_parent(linker, seed_papers, title_start):
    linked = linker.link(_seed(seed_papers, title_start))
    title = _relations(linked, "title")
    assert title.get("Linear Transformer") == {"builds_on"}
    assert "Transformer" not in title  # the head word no longer stands in for the longer name
    # the abstract's lower-case 'linear transformers' are the same method; 'vanilla transformers' stay Transformer
    abstract = [(l.method, l.surface.lower()) for l in linked.links if l.field == "abstract"]
    assert all(m == "Linear Transformer" for m, s in abstract if s.startswith("linear transformer"))
    assert any(m == "Transformer" for m, s in abstract if s.startswith("transformer"))


def test_title_subject_keeps_the_compared_parent(linker, seed_papers):
    # '... our new linear transformer model, transNormer, ... surpassing vanilla transformer ...'
    relations = _relations(linker.link(_seed(seed_papers, "The Devil in Linear Transformer")))
    assert "builds_on" in relations["Linear Transformer"]
    assert relations["Transformer"] == {"mentions", "compares_to"}


def test_title_subject_needs_the_abstract_to_name_it_again(linker):
    # a Title Case title alone cannot tell the name from a description: the matcher's rule stands
    linked = linker.link(Paper(id="x", title="The Devil in Linear Transformer",
                               abstract="We study the attention of Transformer models on long inputs."))
    assert "Linear Transformer" not in _relations(linked)


def test_descriptive_name_in_lower_case_stays_generic_without_a_title(linker):
    # DeepSpeed Inference (seed): 'dense and sparse transformer models' describes models, no Sparse Transformer
    linked = linker.link(Paper(id="x", title="Serving large models",
                               abstract="We present a system for inference of dense and sparse transformer models."))
    assert "Sparse Transformer" not in _relations(linked)


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
