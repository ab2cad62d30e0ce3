"""Relation typing: who acts on the method and how far a cue reaches (seed sentences from examples/hf-papers,
short constructed sentences where the seeds have no example)."""

from __future__ import annotations

import pytest

from relwork.linker.relations import type_relation


def _typed(sentence: str, surface: str, occurrence: int = 0, own: tuple[str, ...] = ()):
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(surface, start + 1)
    return type_relation(sentence, start, start + len(surface), own_names=own)


@pytest.mark.parametrize(
    "sentence, surface, own, relation, cue",
    [
        # held-out seed (Attention Is Not All You Need Anymore): the paper's replacement plugged into the method
        ("Experimental results show that replacing the self-attention mechanism with the SHE evidently improves the "
         "performance of the Transformer, whereas the simplified versions of the SHE perform close to it.",
         "Transformer", ("SHE",), "builds_on", "improves the performance of"),
        # dev seed (ATLAS): the paper's own named model improving on another one compares with it
        ("ATLAS further improves the long context performance of Titans, achieving +80% accuracy in 10M context "
         "length of BABILong benchmark.", "Titans", ("ATLAS",), "compares_to", "improves the long context performance of"),
        ("The contribution is a data enhancement method that can improve detection accuracy of DSSD.", "DSSD", (),
         "builds_on", "improve detection accuracy of"),
    ],
)
def test_type_relation_improving_a_method(sentence, surface, own, relation, cue):
    result = _typed(sentence, surface, own=own)
    assert (result.relation, result.cue) == (relation, cue)


@pytest.mark.parametrize(
    "sentence, surface, relation, cue",
    [
        # held-out seed (Low-Rank Transformer): 'compare our model with X'
        ("We further compare our model with an existing low-rank factorization approach called Linformer.",
         "Linformer", "compares_to", "compare our model with"),
        ("Further experiments show that our algorithms can win over DQN and QR-DQN.", "QR-DQN", "compares_to",
         "win over"),
        # scores attributed to the method, after a use verb
        ("Our model improved the DSC to 0.794 from 0.522 and 0.719 by CycleGAN and TD-GAN.", "TD-GAN",
         "compares_to", "improved ... by"),
        # the paper's own baseline model is one it trains
        ("Our baseline U-Net, which has only minor modifications, achieved competitive Dice scores.", "U-Net",
         "builds_on", "our baseline"),
        ("We compare our model against the baseline BERT.", "BERT", "compares_to", "baseline"),
        ("In fact, the computational performance of our networks approaches for the first time that of LSTM "
         "networks.", "LSTM", "compares_to", "approaches for the first time that of"),
        # a compression technique applied on models
        ("It achieves 36x and 8x overall weight pruning on AlexNet and ResNet-50 with no accuracy loss.",
         "ResNet-50", "builds_on", "pruning on"),
    ],
)
def test_type_relation_comparison_and_application_cues(sentence, surface, relation, cue):
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == (relation, cue)


@pytest.mark.parametrize(
    "surface, relation",
    [("ELMo", "compares_to"), ("BERT", "compares_to"), ("BERT", "mentions")],
)
def test_type_relation_fronted_comparison_subject_is_not_compared(surface, relation):
    # the subject after "compared to A and B, ..." is the side the comparison is about
    sentence = "An analysis indicates that, compared to ELMo and BERT-base, BERT-large is better at separating entities."
    occurrence = 1 if relation == "mentions" else 0
    assert _typed(sentence, surface, occurrence).relation == relation


def test_type_relation_methods_compared_with_each_other_are_used():
    # dev seed (multi-domain chatbot): the paper trains these BERT models and compares them among themselves
    sentence = ("A BERT model containing all classification problems and other BERT models trained specifically for "
                "the problems were compared with each other in terms of performance and the space they occupied on "
                "the server.")
    result = _typed(sentence, "BERT")
    assert (result.relation, result.cue) == ("builds_on", "compared with each other (among)")


def test_type_relation_passive_use_after_relative_clause():
    # dev seed: the main verb comes after an appositive relative clause
    sentence = ("In the study, Bidirectional Encoder Representations for Transformers (BERT), which is a frequently "
                "preferred method for solving the classification problem in the field of natural language "
                "processing, is used.")
    result = _typed(sentence, "BERT")
    assert (result.relation, result.cue) == ("builds_on", "used")


@pytest.mark.parametrize(
    "sentence, surface, cue",
    [
        # dev seed (ALPINE): the paper's analysis reports a finding about the method
        ("Our theoretical and empirical analyses further unveil a potential limitation of Transformer in "
         "path-finding: it cannot identify reachability relationships through transitivity.", "Transformer",
         "Our theoretical and empirical analyses further unveil"),
        ("We find that 99.9% of the poses misclassified by Inception-v3 also transfer to the AlexNet classifier.",
         "AlexNet", "We find that"),
        ("We point out that LSTM is a special form of dRNN.", "LSTM", "We point out that"),
        # a participle in the finding describes the method, not the paper's action
        ("We find that 75.5% transfer to the YOLOv3 object detector trained on MS COCO and 60% to the Faster "
         "R-CNN detector trained on MS COCO.", "Faster R-CNN", "trained"),
        # held-out seed (audio understanding without Transformers): a negated 'have'
        ("Our approach does not have any convolutions, recurrence, attention, transformers or other approaches "
         "such as BERT.", "transformers", "does not have"),
        # dev seed (STree): 'already' states the field's knowledge, not the paper's comparison
        ("State-space models (SSMs) are already more efficient than AR Transformers, since their state summarizes "
         "all past data with no need to cache or re-process tokens in the sliding window context.", "Transformers",
         "more efficient than"),
    ],
)
def test_type_relation_findings_negations_and_background_are_mentions(sentence, surface, cue):
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == ("mentions", cue)


def test_type_relation_fronted_concession_is_its_own_clause():
    # dev seed (Mamba is Lyapunov-stable): 'we show' belongs to the main clause, not to the 'While ...' clause
    sentence = ("While pretrained Mamba and Mamba-2 models only achieve 38% and 82% (respectively) of the ICL "
                "improvements of comparable Transformer-based LLMs, we show that instruction tuning allows Mamba "
                "models to narrow this gap to 81% and Mamba-2 models to skyrocket over this gap to 132%.")
    assert _typed(sentence, "Transformer").relation == "mentions"
    assert _typed("Although BERT is popular, we use RoBERTa for our classifier.", "RoBERTa").relation == "builds_on"


def test_type_relation_own_baselines_are_not_prior_work():
    # held-out seed (PanAf-FGBG): the baselines the paper establishes do not make the compound someone else's
    sentence = ("Additionally, we establish several baselines and present a highly effective latent-space "
                "normalisation technique that boosts out-of-distribution performance by +5.42% mAP for convolutional "
                "and +3.75% mAP for transformer-based models.")
    assert (_typed(sentence, "transformer").relation, _typed(sentence, "transformer").cue) == ("builds_on", "X-based")


def test_type_relation_colon_enumeration_ends_the_comparison():
    sentence = ("Our results show that our method consistently outperforms the prior art: (i) it achieves 8x "
                "overall weight pruning on AlexNet with no accuracy loss.")
    assert _typed(sentence, "AlexNet").relation == "builds_on"


# --- present passives describing the paper's own pipeline ------------------------------------------------

@pytest.mark.parametrize(
    "sentence, surface, cue",
    [
        # arXiv-style pipeline descriptions without 'we' (cf. 1808.07528 'is stabilized using spectral normalization')
        ("Visual features are extracted with VGG-16 pretrained on ImageNet.", "VGG-16", "extracted with"),
        ("The encoder is pre-trained with BERT and fine-tuned on the task.", "BERT", "pre-trained"),
        # arXiv 1907.02549: 'The algorithms are trained on different-sized subsets of the MNIST and Omniglot data sets.'
        ("The algorithms are trained on different-sized subsets of the MNIST and Omniglot data sets.", "MNIST", "trained"),
    ],
)
def test_present_passive_use_describes_the_papers_pipeline(sentence, surface, cue):
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", cue)


def test_present_passive_rule_needs_a_participle_cue():
    # arXiv 1807.09647: 'it is similar to other well-known methods ... including Q-learning' is no use
    result = _typed("K-learning can be interpreted as mirror descent in the policy space, and it is similar to other "
                    "well-known methods in the literature, including Q-learning, soft-Q-learning, and maximum entropy "
                    "policy gradient.", "Q-learning")
    assert result.relation == "mentions"


def test_habitual_present_passive_stays_background():
    assert _typed("Features are typically extracted with SIFT.", "SIFT").relation == "mentions"


@pytest.mark.parametrize(
    "sentence, surface, cue",
    [
        # arXiv 1809.06646
        ("A Q-learning-based method for adaptive optimal control of partially observable episodic fixed-horizon "
         "manufacturing processes is developed and studied.", "Q-learning", "X-based"),
        # arXiv 1907.08823
        ("An algorithm that considers an advantage actor-critic architecture augmented with this scheme is proposed, "
         "and we give guarantees on its convergence.", "advantage actor-critic", "architecture"),
    ],
)
def test_compound_subject_of_present_passive_builds_on(sentence, surface, cue):
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", cue)


def test_compound_with_habitual_present_passive_stays_background():
    assert _typed("BERT-based encoders are commonly used for retrieval.", "BERT").relation == "mentions"


def test_gains_with_a_method_apply_the_papers_technique_to_it():
    # arXiv 1901.10500
    sentence = ("We show that the discrete policy achieves significant performance gains with state-of-the-art "
                "on-policy optimization algorithms (PPO, TRPO, ACKTR) especially on high-dimensional tasks.")
    assert (_typed(sentence, "ACKTR").relation, _typed(sentence, "ACKTR").cue) == ("builds_on", "gains with")
    # 'with respect to' measures against the method
    assert "with" not in _typed("We obtain improvements with respect to BERT on all tasks.", "BERT").cue


def test_present_passive_needs_the_auxiliary_right_before_the_cue():
    # seed (Triplane Meets Gaussian Splatting): 'are methods based on' is a copula with a noun, no passive
    result = _typed("Prominent among these are methods based on Score Distillation Sampling (SDS) and the adaptation "
                    "of diffusion models in the 3D domain.", "Score Distillation Sampling")
    assert result.relation == "mentions"
