"""Recall shapes of introduced names, second wave (issue 3), each counted on 19,115 unlabelled arXiv abstracts: an
uncatalogued name reported as outperforming others, 'call the resulting <noun> X', and a CamelCase 'Nets' plural
that the abstract also writes singular. Each comes with the near misses that must stay out.

Sentences are from arXiv abstracts (quoted in part).
"""

from __future__ import annotations

from relwork.core.records import Paper


def names(linker, title: str, abstract: str) -> dict[str, list[str]]:
    """Introduced names of a paper (the linker's detection, used-name drops included) with their aliases."""
    return {i.name: i.aliases for i in linker.introduced(Paper.create(title, abstract))}


def test_uncatalogued_name_that_outperforms_others_is_the_papers_own(linker):
    found = names(linker, "Relative Afferent Pupillary Defect Screening through Transfer Learning", (
        "We train a deep network on pupil videos recorded with a smartphone. Evaluated on 40 subjects, RAPDNet "
        "outperforms all other algorithms in every performance metric."))
    assert "RAPDNet" in found
    found = names(linker, "Regularized Evolution for Image Classifier Architecture Search", (
        "We evolve an image classifier. Matching size, AmoebaNet-A has comparable accuracy to current "
        "state-of-the-art ImageNet models discovered with more complex architecture-search methods. Scaled to "
        "larger size, AmoebaNet-A sets a new state-of-the-art 83.9% top-1 ImageNet accuracy."))
    assert "AmoebaNet-A" in found


def test_outperforming_hardware_or_earlier_work_is_not_introduced(linker):
    # an undefined capitals acronym is a device; 'Recently, ...' is earlier work; a catalogued name is someone else's
    found = names(linker, "Comparing Energy Efficiency of CPU, GPU and FPGA Implementations", (
        "We compare three platforms on the same network. Measured at the board, the FPGA outperforms the others "
        "with energy/frame reduction."))
    assert "FPGA" not in found
    found = names(linker, "Learning to Segment", (
        "Recently, PolyNetX outperforms earlier segmenters. We study why it works."))
    assert "PolyNetX" not in found
    assert "ResNet" not in names(linker, "A Study of Depth", "In our experiments, ResNet outperforms VGG on CIFAR-10.")


def test_call_the_resulting_noun_names_the_papers_method(linker):
    found = names(linker, "Variational Bayesian Reinforcement Learning with Regret Bounds", (
        "We consider the exploration-exploitation trade-off in reinforcement learning. We call the resulting "
        "algorithm K-learning and we show that the K-values that the agent maintains are optimistic."))
    assert "K-learning" in found


def test_nets_plural_written_singular_too_is_one_network(linker):
    found = names(linker, "Learning Deep Compositional Grammatical Architectures for Visual Recognition", (
        "We utilize AND-OR Grammars (AOG) in this paper and call the resulting networks AOGNets. An AOGNet "
        "consists of a number of stages each of which is composed of a number of AOG building blocks."))
    assert found.get("AOGNet") == ["AOGNets"]


def test_nets_plural_never_written_singular_stays_as_written(linker):
    # the 's' of a name may be its own ('FlexNets' as a family): singular only when the abstract says so
    plural_only = names(linker, "Learning compact networks", (
        "In this paper we call the resulting networks FlexNets. FlexNets are small."))
    assert plural_only == {"FlexNets": []}
    assert names(linker, "Learning compact networks", (
        "In this paper we call the resulting networks FlexNets. A FlexNet is small.")) == {"FlexNet": ["FlexNets"]}
