"""Aliases of a gated ambiguous entry that cannot mean anything else need no context words (match8): an empty
``alias_context`` list frees them ('PNASNet' of PNAS, 'Multimodal Compact Bilinear pooling' of MCB), while the
ambiguous short name stays gated. Prior methods that several unlabelled abstracts name unlinked are catalogued.
A catalog word that is a name only in a list of linked methods (GoogLeNet's "Inception") links only there.
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


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 1711.07767, 1901.01660, 1805.04176: bare 'Inception' as an item of a list of linked backbones
        ("Current top-performing object detectors depend on deep CNN backbones, such as ResNet-101 and Inception, "
         "benefiting from their powerful feature representations but suffering from high computational costs.",
         {"ResNet", "GoogLeNet"}),
        ("We observe that direct replacement of backbones with existing powerful architectures, such as ResNet [14] "
         "and Inception [33], does not bring improvements.", {"ResNet", "GoogLeNet"}),
        ("Several CNN based methods such as Inception and ResNet have shown outstanding performance for image "
         "classification problem.", {"ResNet", "GoogLeNet"}),
        # 1906.04659, 1901.08508: the Inception Score, listed with a metric or alone
        ("When applied to the discriminator of GANs (called SRN-GAN) it improves Inception, FID, and Neural "
         "divergence scores on the CIFAR 10/100 and CelebA datasets.", {"FID", "CelebA", "CIFAR-10"}),
        ("We find that the resulting approach produces sharp samples while covering the modes well, leading to high "
         "Inception and Frechet scores.", set()),
        # blocks and modules are parts, not the network (an invented sentence)
        ("We stack Inception modules and ResNet blocks.", {"ResNet"}),
    ],
)
def test_listed_word_links_only_in_a_list_of_linked_methods(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


def test_listed_must_be_a_list_of_strings(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"name": "XNet", "listed": "X"}\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"mine.jsonl:1: XNet: 'listed' must be a list of non-empty strings"):
        load_catalog(path)
