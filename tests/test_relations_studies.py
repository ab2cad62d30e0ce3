"""Paper-level relation rules of the second relation pass: which papers are studies of existing methods (their
methods are studied, ``mentions``) and when a comparison with a method's baseline form also builds on it. Titles and
abstracts are real arXiv papers (ids in the comments)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.pipeline import link_corpus
from relwork.linker.relations import is_analysis_paper, settle_paper

# 1905.05704
_FORMS_TITLE = "Using syntactical and logical forms to evaluate textual inference competence"
_FORMS = (
    "In the light of recent breakthroughs in transfer learning for Natural Language Processing, much progress was "
    "achieved on Natural Language Inference. We propose a new set of tasks that require specific capacities over "
    "linguistic logical forms such as: i) Boolean coordination, ii) quantifiers, iii) definitive description, and "
    "iv) counting operators. By evaluating a model on our stratified dataset, we can better pinpoint the specific "
    "inferential difficulties of a model in each kind of textual structure. We evaluate two kinds of neural models "
    "that implicitly exploit language structure: recurrent models and the Transformer network BERT. We show that "
    "although BERT is clearly more efficient to generalize over most logical forms, there is space for improvement "
    "when dealing with counting operators."
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize(
    ("title", "abstract", "analysis"),
    [
        # proposing tasks to test models on is no method of the paper's own; the title's purpose is an evaluation
        (_FORMS_TITLE, _FORMS, True),
        # 1905.02850: 'we design simple graph reasoning tasks that allow us to study attention'
        ("Understanding attention in graph neural networks",
         "We aim to better understand attention over nodes in graph neural networks and identify factors influencing "
         "its effectiveness. Motivated by insights from the work on Graph Isomorphism Networks (Xu et al., 2019), we "
         "design simple graph reasoning tasks that allow us to study attention in a controlled environment. We find "
         "that under typical conditions the effect of attention is negligible or even harmful.", True),
        # 1901.03006: 'We present a preliminary evaluation of ...' frames the abstract as a study
        ("Extending Adversarial Attacks and Defenses to Deep 3D Point Cloud Classifiers",
         "3D object classification and segmentation using deep neural networks has been extremely successful. We "
         "present a preliminary evaluation of adversarial attacks on deep 3D point cloud classifiers, namely PointNet "
         "and PointNet++, by evaluating both white-box and black-box adversarial attacks that were proposed for 2D "
         "images. Overall, we find that networks that process 3D point cloud data are weak to adversarial attacks.",
         True),
        # a paper that also proposes a model of its own stays a method paper
        (_FORMS_TITLE, _FORMS + " We also propose a novel attention model that closes this gap.", False),
        # 'Learning to Evaluate ...' learns an evaluator: no study title
        ("Learning to Evaluate Image Captioning",
         "Evaluation metrics for image captioning face two challenges. We evaluate whether a learned critic "
         "agrees with human judgments better than rule-based metrics.", False),
    ],
)
def test_is_analysis_paper_study_framing_and_tasks(title, abstract, analysis):
    assert is_analysis_paper(title, abstract, False) is analysis


def test_study_paper_with_proposed_tasks_mentions_evaluated_models(catalog):
    (linked,) = link_corpus([Paper.create(_FORMS_TITLE, _FORMS)], catalog)
    relations = {link.method: set() for link in linked.links}
    for link in linked.links:
        relations[link.method].add(link.relation)
    assert relations["BERT"] == {"mentions"}


# 1906.02780
_SYNST_TITLE = "Syntactically Supervised Transformers for Faster Neural Machine Translation"
_SYNST = (
    "Standard decoders for neural machine translation autoregressively generate a single target token per time step, "
    "which slows inference especially for long outputs. In this work, we propose the syntactically supervised "
    "Transformer (SynST), which first autoregressively predicts a chunked parse tree before generating all of the "
    "target tokens in one shot conditioned on the predicted parse. A series of controlled experiments demonstrates "
    "that SynST decodes sentences ~ 5x faster than the baseline autoregressive Transformer while achieving higher "
    "BLEU scores than most competing methods on En-De and En-Fr datasets."
)
# 1903.00621
_FSAF_TITLE = "Feature Selective Anchor-Free Module for Single-Shot Object Detection"
_FSAF = (
    "We motivate and present feature selective anchor-free (FSAF) module, a simple and effective building block for "
    "single-shot object detectors. It can be plugged into single-shot detectors with feature pyramid structure. "
    "When working jointly with anchor-based branches, the FSAF module robustly improves the baseline RetinaNet by a "
    "large margin under various settings, while introducing nearly free inference overhead."
)


def _relations(linked, method: str) -> set[str]:
    return {link.relation for link in linked.links if link.method == method}


@pytest.mark.parametrize(
    ("title", "abstract", "surface", "method"),
    [
        (_SYNST_TITLE, _SYNST, "baseline autoregressive Transformer", "Transformer"),
        (_FSAF_TITLE, _FSAF, "baseline RetinaNet", "RetinaNet"),
    ],
)
def test_comparison_with_baseline_form_builds_on_and_compares_to(catalog, title, abstract, surface, method):
    (linked,) = link_corpus([Paper.create(title, abstract)], catalog)
    assert _relations(linked, method) == {"builds_on", "compares_to"}
    copy = next(link for link in linked.links if link.method == method and link.relation == "builds_on")
    assert copy.cue.endswith("(base compared)") and surface in copy.evidence


def test_base_comparison_is_idempotent(catalog):
    (linked,) = link_corpus([Paper.create(_SYNST_TITLE, _SYNST)], catalog)
    before = [(link.method, link.relation, link.start) for link in linked.links]
    settle_paper(linked)
    assert [(link.method, link.relation, link.start) for link in linked.links] == before


@pytest.mark.parametrize(
    ("title", "abstract", "method"),
    [
        # 1906.09573: a 'conventional' system is a foil
        ("A Neural Vocoder with Hierarchical Generation of Amplitude and Phase Spectra for Statistical Parametric "
         "Speech Synthesis",
         "This paper presents a neural vocoder named HiNet which reconstructs speech waveforms from acoustic features "
         "by predicting amplitude and phase spectra hierarchically. Objective and subjective experimental results "
         "show that our proposed HiNet vocoder achieves better naturalness of reconstructed speech than the "
         "conventional STRAIGHT vocoder and a 16-bit WaveNet vocoder using open source implementation.", "WaveNet"),
        # 1903.02740 (tune3 gold: compares_to only): the 'original' method is no cue that the paper builds on it
        ("CE-Net: Context Encoder Network for 2D Medical Image Segmentation",
         "In this paper, we propose a context encoder network (referred to as CE-Net) to capture more high-level "
         "information and preserve spatial information for 2D medical image segmentation. Comprehensive results show that the "
         "proposed method outperforms the original U-Net method and other state-of-the-art methods for optic disc "
         "segmentation, vessel detection, lung segmentation, cell contour segmentation and retinal optical coherence "
         "tomography layer segmentation.", "U-Net"),
        # 1905.10858: an example of a class of rivals
        ("Integration of Text-maps in Convolutional Neural Networks for Region Detection among Different Textual "
         "Categories",
         "We propose a new technique that combines textual and visual information. The reported results demonstrate "
         "that our approach focused on visual and textual data outperforms state-of-the-art algorithms only based "
         "on appearance, such as plain Faster R-CNN.", "Faster R-CNN"),
    ],
)
def test_comparison_with_foil_only_compares(catalog, title, abstract, method):
    (linked,) = link_corpus([Paper.create(title, abstract)], catalog)
    assert "builds_on" not in _relations(linked, method)
    assert "compares_to" in _relations(linked, method)


def test_comparative_study_with_only_comparisons_mentions_them(catalog):
    # 1901.08422: no builds_on and no uncued mention, only comparisons; the study still lowers them
    title = "Securing Tag-based recommender systems against profile injection attacks: A comparative study."
    abstract = (
        "This work addresses the challenges related to attacks on collaborative tagging systems, which often comes in a "
        "form of malicious annotations or profile injection attacks. In particular, we study various countermeasures "
        "against two types of such attacks for social tagging systems, the Overload attack and the Piggyback attack. "
        "The countermeasure schemes studied here include baseline classifiers such as, Naive Bayes filter and Support "
        "Vector Machine, as well as a Deep Learning approach. Our evaluation performed over synthetic spam data "
        "generated from del.icio.us dataset, shows that in most cases, Deep Learning can outperform the classical "
        "solutions, providing high-level protection against threats."
    )
    (linked,) = link_corpus([Paper.create(title, abstract)], catalog)
    assert _relations(linked, "SVM") == {"mentions"}
    assert all(link.cue.startswith("analysis") for link in linked.links if link.method == "SVM")
