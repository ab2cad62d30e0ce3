"""Aliases of a gated ambiguous entry that cannot mean anything else need no context words (match8): an empty
``alias_context`` list frees them ('PNASNet' of PNAS, 'Multimodal Compact Bilinear pooling' of MCB), while the
ambiguous short name stays gated. Prior methods that several unlabelled abstracts name unlinked are catalogued.
Sentences are quoted from the 20,095 unlabelled arXiv abstracts of arxiv-amds123."""

from __future__ import annotations

import pytest

from relwork.core.errors import CatalogError
from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


def _linked(linker: Linker, sentence: str, title: str = "A study") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.fixture(scope="module")
def linker(catalog):
    return Linker(catalog)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 1703.08084: the long form of the gated MCB, in a paper without MCB's context words
        ("In this paper, we evaluate the more advanced Multimodal Compact Bilinear pooling method, which takes the "
         "outer product of two vectors to combine the attention features for the two modalities.", {"MCB"}),
        # 1907.06571: FID's long form where no GAN or generative word is in the abstract
        ("We evaluate on the related tasks of video synthesis and video prediction, and achieve new state of the art "
         "Frechet Inception Distance on prediction for Kinetics-600.", {"FID", "Kinetics-600"}),
        # the CamelCase network name of PNAS needs no 'architecture search' in the paper
        ("Conversely, when training a PNASNet at resolution 331x331 we obtain a higher accuracy.", {"PNAS"}),
    ],
)
def test_free_alias_of_gated_entry_links_without_context(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the ambiguous short names stay gated: PNAS the journal, MCB without its context
        "The results were published in PNAS and reproduced by two other groups.",
        "The MCB reported the results to the ministry.",
    ],
)
def test_ambiguous_name_of_freed_entry_still_needs_context(linker, sentence):
    assert _linked(linker, sentence) == set()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 1902.03747, 1905.04840, 1904.03742
        ("Bundle adjustment plays a vital role in feature-based monocular SLAM.", {"Bundle Adjustment"}),
        ("Agents' beliefs are represented within Dempster-Shafer theory by mass functions.",
         {"Dempster-Shafer theory"}),
        ("It proposes a centralized Nonlinear Model Predictive Control (NMPC) approach in a leader-follower scheme.",
         {"NMPC"}),
    ],
)
def test_breadth_pass_links_prior_methods_unlabelled_abstracts_name(linker, sentence, expected):
    assert _linked(linker, sentence) >= expected


def test_empty_alias_context_needs_entry_context_words(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"name": "XNet", "aliases": ["YNet"], "alias_context": {"YNet": []}}\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"mine.jsonl:1: XNet: 'alias_context' .*an empty list only in an entry "
                                           r"with 'context' words"):
        load_catalog(path)
