"""Links qa9 found wrong (Q5): a dataset written as one token ('CommonsenseQA', 'fastMRI', 'AudioSet') is not its
spelling in lower-case words ('commonsense QA benchmarks', 'fast MRI acquisition', 'new audio sets'). The seed paper
and sentences from 2019 arXiv abstracts; the name written as the catalog writes it still links."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper


def _linked(linker, title: str, abstract: str) -> set[str]:
    return {link.method for link in linker.link(Paper.create(title, abstract)).links}


def test_seed_paper_with_commonsense_qa_benchmarks_does_not_link_commonsenseqa(linker, seed_abstract):
    title = "Higher Layers Need More LoRA Experts"
    assert "commonsense QA benchmarks" in seed_abstract(title)
    assert "CommonsenseQA" not in _linked(linker, title, seed_abstract(title))


@pytest.mark.parametrize("sentence, dataset", [
    ("Conventional MRI reconstruction methods for fast MRI acquisition mostly relied on different regularizers.",
     "fastMRI"),
    ("From this, we obtain new audio sets.", "AudioSet"),
])
def test_one_token_dataset_spelled_as_lower_case_words_does_not_link(linker, sentence, dataset):
    assert dataset not in _linked(linker, "A study", sentence)


@pytest.mark.parametrize("sentence, dataset", [
    ("We report accuracy on CommonsenseQA and on the fastMRI knee data.", "CommonsenseQA"),
    ("We report accuracy on CommonsenseQA and on the fastMRI knee data.", "fastMRI"),
    ("Results on mini-ImageNet and tieredImageNet benchmarks improve by 5%.", "miniImageNet"),
])
def test_dataset_written_as_its_name_still_links(linker, sentence, dataset):
    assert dataset in _linked(linker, "A study", sentence)
