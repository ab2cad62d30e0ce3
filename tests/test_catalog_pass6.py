"""Catalog breadth by area (sixth matching helper's pass): standard baselines and building blocks of each area link
on real abstract sentences, and the collisions found while reading the new names' firings on 18,795 unlabelled
arXiv abstracts stay fixed (every sentence is quoted from those abstracts)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _linked(linker: Linker, sentence: str, title: str = "", arxiv_id: str | None = None) -> set[str]:
    paper = Paper(id=arxiv_id or "x", title=title, abstract=sentence, arxiv_id=arxiv_id)
    return {link.method for link in linker.link(paper).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # robotics and RL: imitation and value-based baselines, planners
        ("We show that the state-of-the-art methods such as GAIL and behavior cloning, due to their choice of loss "
         "function, often incorrectly interpolate between such modes.", {"GAIL", "Behavior Cloning"}),
        ("In this work, a classical and an approximate reinforcement learning (Neural Fitted Q Iteration) methods "
         "are used to model time-extended decisions of pilots with 2D and 3D maneuvers.",
         {"Neural Fitted Q Iteration"}),
        ("Further, by using the velocity obstacle, we devise a smooth projection that guarantees collision free "
         "trajectories for all robots with respect to their neighbors and obstacles.", {"Velocity Obstacle"}),
        ("Meanwhile, the proposed VAR-POMDP model is also tractable, as we show that it can be effectively learned "
         "from data and we can extend point-based value iteration (PBVI) to VAR-POMDP planning.", {"PBVI"}),
        # AI: planners, logic programming, rule mining, program induction
        ("We compare the joint plan generated with the consideration of this measure using the fast forward "
         "planner (FF) with the plan created by FF without such consideration.", {"FF planner"}),
        ("We show how existing inference and learning techniques of the underlying probabilistic logic programming "
         "language ProbLog can be adapted for the new language.", {"ProbLog"}),
        ("We also evaluate the efficiency of rule learning and quality of rules from IterE compared with AMIE+, "
         "showing that IterE is capable of generating high quality rules more efficiently.", {"AMIE"}),
        ("We propose a novel reinforcement learning algorithm, AlphaNPI, that incorporates the strengths of Neural "
         "Programmer-Interpreters (NPI) and AlphaZero.", {"Neural Programmer-Interpreter", "AlphaZero"}),
        # sound and music
        ("Through adversarial learning, we achieve a consistent improvement in both frame-level and note-level "
         "metrics over Onsets and Frames, a state-of-the-art music transcription model.", {"Onsets and Frames"}),
        ("Both WaveNet and WaveGlow achieve better subjective and objective quality scores than the source "
         "separation model Chimera++.", {"WaveNet", "WaveGlow", "Chimera network"}),
        # vision, graphs, classic ML
        ("Finally, we demonstrate improved bounding-box recall compared to Multiscale Combinatorial Grouping with "
         "less proposals on the Microsoft-COCO data set.", {"MCG"}),
        ("Our experiments on several real-world social networks show that COIN can quickly detect communities more "
         "accurately than existing prominent algorithms such as Edge betweenness, Fast greedy modularity, and "
         "Infomap.", {"Infomap"}),
        ("These similarity spaces are typically obtained through multidimensional scaling (MDS), which converts "
         "human dissimilarity ratings for a fixed set of stimuli into a spatial representation.",
         {"Multidimensional Scaling"}),
    ],
)
def test_catalog_pass6_added_names_link(linker, sentence, expected):
    assert expected <= _linked(linker, sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # 'LSTM network' is the generic phrase, not the LSTMN of Cheng et al.
        ("Our model consists of a deep LSTM network with 8 encoder and 8 decoder layers using attention and "
         "residual connections.", "LSTMN"),
        # exact-case names: a plural, a surname and a phrase
        ("In this paper we consider simple games (Noughts-and-Crosses and Hexapawn) in which minimax regret can be "
         "efficiently evaluated.", "CrossE"),
        ("We further the correspondence between Dung's four argumentation semantics and solution concepts in "
         "cooperative game theory by showing that complete extensions correspond to Roth's subsolutions.", "AttH"),
        ("Quality Amplification of Error Prone Navigation for Swarms of Micro Aerial Vehicles", "ProNE"),
        ("While current deep MVS methods achieve impressive results, they crucially rely on ground-truth 3D "
         "training data.", "DeepMVS"),
        ("Open Sesame: Getting Inside BERT's Linguistic Knowledge", "Open-SESAME"),
        # harmonic-percussive source separation is a task, not a catalogued method
        ("In this paper we propose an efficient deep learning encoder-decoder network for performing "
         "Harmonic-Percussive Source Separation (HPSS).", "HPSS"),
    ],
)
def test_catalog_pass6_collisions_stay_unlinked(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)


def test_catalog_pass6_context_word_may_stand_in_the_title(linker):
    """BUC (re-identification) needs a context word; here only the title has one."""
    sentence = ("The Bottom-up Clustering (BUC) approach based on hierarchical clustering serves as one promising "
                "unsupervised clustering method.")
    assert "BUC" not in _linked(linker, sentence)
    assert "BUC" in _linked(linker, sentence, title="Energy Clustering for Unsupervised Person Re-identification")


def test_catalog_pass6_point_based_value_iteration_is_not_value_iteration(linker):
    """The longer catalogued name wins: 'Point-Based Value Iteration' is PBVI, not Value Iteration."""
    sentence = ("The first major innovation is the derivation of closed-form variational Bayes GM approximations of "
                "Point-Based Value Iteration Bellman policy backups.")
    assert _linked(linker, sentence) == {"PBVI"}


def test_catalog_pass6_introducing_paper_is_no_link(linker):
    """BIT*'s own paper (arXiv 1707.01888) introduces it: its mentions there are no link to a prior method."""
    sentence = ("This paper unifies and extends these two approaches to develop Batch Informed Trees (BIT*), an "
                "informed, anytime sampling-based planner.")
    assert "BIT*" in _linked(linker, sentence)
    assert "BIT*" not in _linked(linker, sentence, arxiv_id="1707.01888")
