"""Introduction shapes beyond 'we propose X': past tense, 'our X method', definite articles, part lists,
'or ACR' short forms, title prefixes of other shapes, and names that must not become links.

Sentences are from the seed abstracts (examples/hf-papers) and from 2017-2019 arXiv abstracts of
shared/data/arxiv-amds123 (quoted in part).
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker
from relwork.linker.introduced import detect_introduced, title_introducing_name, title_prefix_name


@pytest.fixture(scope="module")
def known(catalog):
    return Linker(catalog).catalog_known


def names(title: str, abstract: str, known: set[str] | None = None, year: int | None = None) -> dict[str, list[str]]:
    paper = Paper.create(title, abstract, year=year) if year else Paper.create(title, abstract)
    return {i.name: i.aliases for i in detect_introduced(paper, known)}


@pytest.mark.parametrize(
    "abstract, name, aliases",
    [
        # past tense of a proposal verb (seed abstract)
        ("To address this gap, we developed TransDis, a scoring system using transformer-based language models.",
         "TransDis", []),
        # 'our X method' / 'our ResNet-50 based X achieves', the name written more than once
        ("Experiments demonstrate the effectiveness of our MEAL method. On ImageNet, our ResNet-50 based MEAL "
         "achieves top-1/5 21.79%/5.99% val error.", "MEAL", []),
        # an apposition with a head noun after the name
        ("In this paper, we propose a new DL architecture, the NABLA-N network, with better feature fusion.",
         "NABLA-N", []),
        # a digit-led short form before a head noun; its long form starts with a number word
        ("Therefore, we develop a two-layer convolutional long short-term memory (2C-LSTM) network in our method.",
         "2C-LSTM", ["two-layer convolutional long short-term memory"]),
        # a lower-case long form that is the whole object of the proposal verb
        ("Specifically, we establish a large-scale eye-tracking database of videos (LEDOV), which provides data.",
         "LEDOV", ["large-scale eye-tracking database of videos"]),
        # a pronoun object, then the coined name
        ("These regions are obtained by zooming out from the pixel, and hence we call these zoom-out features.",
         "zoom-out feature", ["zoom-out features"]),
        # 'We call' at a sentence start, 'it the ...'
        ("We call it the Tensor Product Generation Network (TPGN). The key ideas of TPGN are simple.",
         "TPGN", ["Tensor Product Generation Network"]),
        # 'Our Long Form (ACR)'
        ("Our Knowledge-Augmented Language Model (KALM) continues this line of work.",
         "KALM", ["Knowledge-Augmented Language Model"]),
        # ', or ACR' after a naming word
        ("We propose a novel approach, called Cross-Entropy Guided Policies, or CGP, that draws inspiration "
         "from both classes of techniques.", "CGP", ["Cross-Entropy Guided Policies"]),
        # 'i.e., Long Form (ACR)' restating the object
        ("In this work, we develop an easy-to-implement capsule network, i.e., 1D-convolution capsule network "
         "(1D-ConvCapsNet).", "1D-ConvCapsNet", ["1D-convolution capsule network"]),
        # a step of the paper's method, introduced in the passive after an ordinal
        ("Firstly, multiple description generator network (MDGN) is designed to produce multiple descriptions.",
         "MDGN", ["multiple description generator network"]),
        # the definite article makes a token before a head noun one named system
        ("This paper describes the LIAAD system that was ranked second place in the challenge.", "LIAAD", []),
        ("As a second contribution, we introduce the French CASS dataset, composed of judgments.", "CASS", []),
        # a parenthesised name (not an abbreviation) of something new (seed abstract)
        ("We evaluated the framework with six prompt datasets, including a newly created one in this work "
         "(SOEval).", "SOEval", []),
        # 'multi-task' is not the word 'task'
        ("We therefore propose a novel large margin multi-modal multi-task feature extraction (LM3FE) framework.",
         "LM3FE", []),
        # the name closes a 'we call the ... the X' sentence
        ("Such a layer is Macaron-like, and thus we call the network with this new architecture the Macaron Net.",
         "Macaron Net", []),
        # a hyphenated name after a strong naming word
        ("In order to overcome this problem, we construct a challenging dataset, named JD-landmark.",
         "JD-landmark", []),
        # HTML entities of arXiv listings
        ("Consequently, we call our approach Look, Read, Reason &amp; Answer (LoRRA).",
         "LoRRA", ["Look, Read, Reason & Answer"]),
        # nested LaTeX font commands
        (r"We propose a hashing method, named \textbf{\underline{A}}symmetric \textbf{\underline{D}}eep "
         r"\textbf{\underline{S}}emantic \textbf{\underline{Q}}uantization (\textbf{ADSQ}).",
         "ADSQ", ["Asymmetric Deep Semantic Quantization"]),
    ],
)
def test_detect_introduced_shapes(abstract, name, aliases):
    found = names("An untitled study", abstract)
    assert name in found, found
    assert found[name] == aliases


def test_detect_introduced_coinage_extending_a_catalogued_name(known):
    abstract = "We also introduce a new compact model for French FrALBERT which proves to be competitive."
    assert "FrALBERT" in names("On the Usability of Transformers-based models", abstract, known)


def test_detect_introduced_parts_listed_after_composed_of(known):
    abstract = ("This paper introduces a novel method, named SGIFormer, for 3D instance segmentation, which is "
                "composed of the Semantic-guided Mix Query (SMQ) initialization and the Geometric-enhanced "
                "Interleaving Transformer (GIT) decoder.")
    found = names("SGIFormer: Semantic-guided and Geometric-enhanced Interleaving Transformer", abstract, known)
    assert found["SMQ"] == ["Semantic-guided Mix Query"]
    assert found["GIT"] == ["Geometric-enhanced Interleaving Transformer"]


def test_detect_introduced_variant_family_of_the_own_name():
    abstract = ("This paper presents MOAT, a family of neural networks. Finally, the tiny-MOAT family, obtained "
                "by simply reducing the channel sizes, also outperforms mobile models.")
    assert set(names("MOAT: Alternating Mobile Convolution and Attention", abstract)) == {"MOAT", "tiny-MOAT"}


@pytest.mark.parametrize(
    "abstract",
    [
        "Here we build upon a recent state-of-the-art classification network (SE-ResNeXt-50) for our task.",
        "Can we automatically design a Convolutional Network (ConvNet) with the highest accuracy?",
        "We have created a new robotic data set comprising LEGO Mindstorms moving along trajectories.",
        "In our experiments lattice-free MMI comes on par with its lattice-based counterpart.",
        "Memory-augmented neural networks (MANNs) are designed for question-answering tasks.",
        "Recently, Query Embedding (QE) methods are proposed to solve CLQA by multi-hop reasoning.",
        "We call this problem Unifying Heterogeneous Classifiers (UHC), where we learn a global model.",
        "Channel coding uses error correction coding (ECC). We propose ECC schemes that optimize this metric.",
        "The storage ratios of the proposed beam search decoding algorithm are 29.49 (ASR) and 17.95 (STR).",
        "Our SMT-based approach, called SMT-CBS, reformulates the Conflict-based Search (CBS) algorithm.",
    ],
)
def test_detect_introduced_not_a_new_name(abstract):
    found = names("An untitled study", abstract)
    assert not {"SE-ResNeXt-50", "ConvNet", "LEGO", "MMI", "MANN", "QE", "UHC", "ECC", "STR", "CBS"} & set(found)


@pytest.mark.parametrize(
    "title, name",
    [
        ("Projectron -- A Shallow and Interpretable Network for Classifying Medical Images", "Projectron"),
        ("Hindi Visual Genome: A Dataset for Multimodal English-to-Hindi Machine Translation", "Hindi Visual Genome"),
        ("Merge and Label: A novel neural network architecture for nested NER", "Merge and Label"),
        ("3DSRnet: Video Super-resolution using 3D Convolutional Neural Networks", "3DSRnet"),
        ("Bridging the Gap: A Deep Learning Framework for Visual Reasoning", None),
        ("Dialog State Tracking: A Neural Reading Comprehension Approach", None),
        ("SemEval 2019 Task 6: An exploration of state-of-the-art methods for offensive language detection", None),
        ("Deep Learning: A Framework for Everything", None),
    ],
)
def test_title_prefix_name_other_shapes(title, name):
    assert title_prefix_name(title) == name


@pytest.mark.parametrize(
    "title, name",
    [
        ("Introducing Neural Bag of Whole-Words with ColBERTer: Contextualized Late Interactions using Enhanced "
         "Reduction", "Neural Bag of Whole-Words"),
        ("Introducing MathQA -- A Math-Aware Question Answering System", "MathQA"),
        ("Introducing a Generative Adversarial Network Model for Lagrangian Trajectory Simulation", None),
    ],
)
def test_title_introducing_name(title, name):
    assert title_introducing_name(title) == name


def test_detect_introduced_title_prefix_abbreviated_in_abstract():
    title = "Unsupervised Temperature Scaling: Post-Processing Unsupervised Calibration of Deep Models Decisions"
    abstract = "We propose Unsupervised Temperature Scaling (UTS) as a calibration method that needs no labels."
    assert names(title, abstract)["UTS"] == ["Unsupervised Temperature Scaling"]


def test_detect_introduced_survey_title_prefix_is_not_a_new_name():
    abstract = "The Deep Echo State Network (DeepESN) model has been studied widely."
    assert "DeepESN" not in names("Deep Echo State Network : A Brief Survey", abstract)


def test_link_no_link_inside_an_introduced_name(catalog):
    """'two-layer convolutional long short-term memory (2C-LSTM)' is the paper's own network: neither its
    long form in the abstract nor its title spelling 'Two-layer Convolutional LSTM' links LSTM or ConvLSTM."""
    paper = Paper.create(
        "Predicting Video Saliency with Object-to-Motion CNN and Two-layer Convolutional LSTM",
        "Accordingly, we propose an object-to-motion convolutional neural network (OM-CNN) to learn features. "
        "Therefore, we develop a two-layer convolutional long short-term memory (2C-LSTM) network in our "
        "DNN-based method, using the extracted features of OM-CNN as the input.",
    )
    linked = Linker(catalog).link(paper)
    found = {i.name: i.aliases for i in linked.introduces}
    assert "Two-layer Convolutional LSTM" in found["2C-LSTM"]
    assert "Object-to-Motion CNN" in found["OM-CNN"]
    assert not {link.method for link in linked.links} & {"LSTM", "ConvLSTM"}
