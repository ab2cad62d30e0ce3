"""Introduced names: shapes found with the second silver set (bench/gold/silver-intro-arxiv-2.jsonl) and
checked for precision on unlabelled arXiv abstracts.

Sentences are short quotes from arXiv abstracts (arxiv-amds123, 2017-2019); each test names its arXiv id.
None is in the seeds' test half or the held-out arXiv gold.
"""

from __future__ import annotations

from functools import lru_cache

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.catalog import alias_key
from relwork.linker.introduced import detect_introduced, title_prefix_name, title_spelled_out_name


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(alias_key(s) for entry in load_catalog() for s in entry.surfaces)


def introduced(title: str, abstract: str) -> dict[str, list[str]]:
    return {i.name: i.aliases for i in detect_introduced(Paper.create(title, abstract), set(_known()))}


def test_parts_listed_after_modules_and_a_colon_are_the_methods_own():
    # arXiv 1901.01766
    abstract = (
        "The proposed CAE-RLSM is composed of two newly proposed modules: one-to-many incremental line segment "
        "merging (OTM-ILSM) and multi-processing global map adjustment (MP-GMA). Different from offline approaches, "
        "the proposed CAE-RLSM can achieve real-time mapping performance."
    )
    found = introduced("CAE-RLSM: Consistent and Efficient Redundant Line Segment Merging for Online Feature Map Building", abstract)
    assert found["OTM-ILSM"] == ["one-to-many incremental line segment merging"]
    assert found["MP-GMA"] == ["multi-processing global map adjustment"]


def test_parts_listed_after_a_dash_are_the_methods_own():
    # arXiv 1904.06827
    abstract = (
        "We introduce an approach to model surface properties governing bounces in everyday scenes. Our model, "
        "Bounce and Learn, comprises two modules -- a Physics Inference Module (PIM) and a Visual Inference Module "
        "(VIM). PIM learns to model physical interactions."
    )
    assert introduced("Bounce and Learn: Modeling Scene Dynamics with Real-World Bounces", abstract)["PIM"] == [
        "Physics Inference Module"]


def test_a_second_verb_of_the_own_subject_proposes_the_name():
    # arXiv 1807.09601
    abstract = (
        "In this paper, we first re-visit the implementation of HED. Hinted by this, we formalize a Linear Span "
        "framework, and propose Linear Span Network (LSN) modified by Linear Span Units (LSUs), which minimize the "
        "reconstruction error of convolutional network."
    )
    assert "LSN" in introduced("Linear Span Network for Object Skeleton Detection", abstract)


def test_a_coordinated_construct_verb_does_not_make_a_used_thing_own():
    # arXiv 1905.07718
    abstract = (
        "We utilized a commercial motion capture system to collect gold-standard estimates of pose and construct "
        "accurate geometric 3D CAD models of the scene itself."
    )
    assert "CAD" not in introduced("Geometric Pose Affordance: 3D Human Pose with Scene Constraints", abstract)


def test_a_token_before_based_is_no_proposal_object():
    # arXiv 1908.03266
    abstract = (
        "In this paper, we investigate the intermediate results of convolutional layers and present a novel "
        "pivoted QR factorization based channel pruning technique that can prune any specified number of input channels."
    )
    assert "QR" not in introduced("Efficient Inference of CNNs via Channel Pruning", abstract)


def test_a_technique_defined_before_the_proposal_is_not_the_proposed_name():
    # arXiv 1908.01454
    abstract = (
        "This paper presents a new voice impersonation attack using voice conversion (VC). We name this the "
        "verification-to-synthesis (V2S) attack and propose VC training with the ASV and pre-trained automatic "
        "speech recognition (ASR) models."
    )
    assert "VC" not in introduced("V2S attack: building DNN-based voice conversion from automatic speaker verification", abstract)


def test_an_acronym_before_a_noun_is_own_when_the_abstract_uses_it_bare():
    # arXiv 1907.06584
    abstract = (
        "In this paper, by treating the hidden confounder as a hidden policy, we propose a deconfounded multi-agent "
        "environment reconstruction (DEMER) approach in order to learn the environment together with the hidden "
        "confounder. DEMER adopts a multi-agent generative adversarial imitation learning framework. We then apply "
        "DEMER in an application of driver program recommendation."
    )
    found = introduced("Environment Reconstruction with Hidden Confounders for Reinforcement Learning based Recommendation", abstract)
    assert found["DEMER"] == ["deconfounded multi-agent environment reconstruction"]


def test_an_acronym_repeated_only_before_nouns_stays_a_technique():
    # arXiv 1807.07501
    abstract = (
        "In this study, we propose a novel noise adaptive speech enhancement (SE) system, which employs a domain "
        "adversarial training (DAT) approach. Such a mismatch is a critical problem in deep-learning-based SE "
        "systems. A large mismatch may cause a serious performance degradation to the SE performance."
    )
    assert "SE" not in introduced("Noise Adaptive Speech Enhancement using Domain Adversarial Training", abstract)


def test_a_definition_opening_a_passive_proposal_sentence_is_own():
    # arXiv 1705.02145 (unlabelled precision sample)
    abstract = (
        "Specifically, Part-based Deep Hashing (PDH) is proposed, in which batches of triplet samples are employed "
        "as the input of the deep hashing architecture."
    )
    assert introduced("Part-based Deep Hashing for Large-scale Person Re-identification", abstract)["PDH"] == [
        "Part-based Deep Hashing"]


def test_a_plural_family_opening_a_passive_sentence_is_not_introduced():
    abstract = "Memory-augmented neural networks (MANNs) are designed for question-answering tasks."
    assert introduced("Energy-Efficient Inference Accelerator for Memory-Augmented Neural Networks", abstract) == {}


def test_a_task_like_title_prefix_named_a_new_method_by_the_rest_is_a_name():
    # arXiv 1809.05262, 1906.03223
    assert title_prefix_name("Network Recasting: A Universal Method for Network Architecture Transformation") == "Network Recasting"
    assert title_prefix_name("Homotopic Convex Transformation: A New Method to Smooth the Landscape of the Traveling "
                             "Salesman Problem") == "Homotopic Convex Transformation"
    assert title_prefix_name("Onset detection: A new approach to QBH system") is None


def test_a_title_determiner_is_not_part_of_the_name():
    # arXiv 1810.03196
    assert title_prefix_name("The Phoenix Drone: An Open-Source Dual-Rotor Tail-Sitter Platform for Research and "
                             "Education") == "Phoenix Drone"


def test_a_short_form_that_the_title_spells_out_is_introduced():
    # arXiv 1803.05629
    assert title_spelled_out_name("Self-Modifying Morphology Experiments with DyRET: Dynamic Robot for Embodied Testing") == (
        "DyRET", "Dynamic Robot for Embodied Testing")
    assert title_spelled_out_name("Inconsistency Proofs for ASP: The ASP-DRUPE Format") is None


def test_the_proposed_acronym_the_abstract_defined_is_introduced_even_bare():
    # arXiv 1903.05134 (unlabelled precision sample)
    abstract = (
        "In this work, we propose a systematic approach to train universally slimmable networks (US-Nets), extending "
        "slimmable networks to execute at arbitrary width. We also evaluate the proposed US-Nets and improved training "
        "techniques on tasks of image super-resolution."
    )
    assert "US-Nets" in introduced("Universally Slimmable Networks and Improved Training Techniques", abstract)


def test_our_model_with_a_joined_title_case_name_between_commas():
    # arXiv 1904.06827
    abstract = ("We introduce an approach to model surface properties governing bounces. Our model, Bounce and Learn, "
                "comprises two modules.")
    assert "Bounce and Learn" in introduced("Modeling Scene Dynamics with Real-World Bounces", abstract)


def test_the_obtained_or_proposed_title_case_dataset_is_introduced():
    # arXiv 1904.03378, 1811.12772 (unlabelled precision sample)
    found = introduced("Camera Lens Super-Resolution", "Based on the obtained City100 dataset, we quantitatively analyze "
                       "the performance of commonly-used synthetic degradation models.")
    assert found.get("City100") == []
    found = introduced("From Known to the Unknown", "Our approach shows significant improvements over state-of-the-art VQA "
                       "models on the proposed Open-World VQA dataset and standard VQA datasets.")
    assert "Open-World VQA" in found


def test_a_new_modality_dataset_is_not_a_name():
    assert introduced("Depth Completion", "We collect a new RGB-D dataset of indoor scenes.") == {}


def test_a_definition_of_the_models_name_the_title_opens_with_is_introduced():
    # arXiv 1802.05792 (unlabelled precision sample)
    abstract = (
        "In this work, we explore the ConditionaL Neural Network (CLNN) and the Masked ConditionaL Neural Network "
        "(MCLNN) for multi-dimensional temporal signal recognition. The CLNN considers the inter-frame relationship."
    )
    assert introduced("Masked Conditional Neural Networks for Automatic Sound Events Recognition", abstract)["MCLNN"] == [
        "Masked ConditionaL Neural Network"]


def test_a_title_model_that_has_already_shown_results_is_someone_elses():
    # arXiv 1802.09194 (unlabelled precision sample)
    abstract = (
        "Meanwhile, Deep Feed-forward Sequential Memory Networks (DFSMN) has shown its consistent out-performance over "
        "BLSTM in both word error rate (WER) and the runtime computation cost in speech recognition tasks."
    )
    assert "DFSMN" not in introduced("Deep Feed-forward Sequential Memory Networks for Speech Synthesis", abstract)


def test_backtick_quoted_names_after_a_novel_loss_or_method_are_introduced():
    # arXiv 1909.00632 (unlabelled precision sample)
    abstract = ("We introduce a searched network architecture `Efficient PolyFace' based on the Flops constraint, a novel "
                "loss function `ArcNegFace', a novel frame aggregation method `QAN++', together with a bag of useful tricks.")
    found = introduced("Towards Flops-constrained Face Recognition", abstract)
    assert "ArcNegFace" in found and "QAN++" in found


def test_denoted_by_names_the_proposed_method():
    # arXiv 1907.12342 (unlabelled precision sample)
    abstract = ("In this paper, we propose a meta learning method for performing task-driven video summarization, denoted "
                "by MetaL-TDVS, to explicitly explore the video summarization mechanism.")
    assert "MetaL-TDVS" in introduced("Meta Learning for Task-Driven Video Summarization", abstract)


def test_a_net_named_token_in_front_of_architecture_is_a_name():
    # arXiv 1904.02675 (unlabelled precision sample)
    abstract = ("We present a UU-Net architecture inspired by U-net bridging the encoder and the decoder, UU-Net composed by "
                "two U-Net liked modules.")
    assert "UU-Net" in introduced("UU-Nets Connecting Discriminator and Generator for Image to Image Translation", abstract)


def test_the_new_corpus_the_paper_presents_is_introduced():
    # arXiv 1901.07786 (unlabelled precision sample)
    abstract = "We also present the new RIA corpus and reach ROUGE-L F1-score 36.81 on it."
    found = detect_introduced(Paper.create("Self-Attentive Model for Headline Generation", abstract), set(_known()))
    assert [(i.name, i.kind) for i in found] == [("RIA", "dataset")]


def test_a_capitalised_dataset_noun_closes_a_title_case_dataset_name():
    # arXiv 1904.06827
    abstract = "To achieve our results, we introduce the Bounce Dataset comprising 5K RGB-D videos of bouncing trajectories."
    found = detect_introduced(Paper.create("Modeling Scene Dynamics with Real-World Bounces", abstract), set(_known()))
    assert [(i.name, i.kind, i.aliases) for i in found] == [("Bounce", "dataset", ["Bounce Dataset"])]


def test_a_dataset_word_is_not_merged_into_the_method_name_it_opens():
    # arXiv 1904.06827
    abstract = ("Our model, Bounce and Learn, comprises two modules. To achieve our results, we introduce the Bounce Dataset "
                "comprising 5K RGB-D videos of bouncing trajectories.")
    found = {i.name: i.kind for i in detect_introduced(Paper.create("Modeling Scene Dynamics", abstract), set(_known()))}
    assert found == {"Bounce": "dataset", "Bounce and Learn": "method"}
