"""Long-tail named algorithms found by listing the names several unlabelled arXiv abstracts use that the linker
did not link (SAT solving, statistical-relational and latent-variable models, multichannel speech enhancement,
texture and motion descriptors), the compounds of a named method with a generic family ('CNN-LSTM'), and the
collisions these additions must not make. All sentences are quoted from the 19k arXiv abstracts
(../shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker


def _linked(linker: Linker, sentence: str, title: str = "") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We use these concepts to describe the main algorithm of SAT-solvers and SMT-solvers: DPLL.", {"DPLL"}),
        ("We also analyze how this structure evolves by the effects of the execution of a CDCL SAT solver.",
         {"CDCL"}),
        ("A principled logic rule-based approach is the Markov Logic Network (MLN), which is able to leverage "
         "domain knowledge with first-order logic.", {"Markov Logic Network"}),
        ("While sum-product networks (SPNs) offer attractive inference capabilities, obtaining structures large "
         "enough to fit complex, high-dimensional data has proven challenging.", {"Sum-Product Network"}),
        ("We propose to extract dialog structures using a modified VRNN model with discrete latent vectors.",
         {"VRNN"}),
        ("State-of-the-art approaches to partially observable planning like POMCP are based on stochastic tree "
         "search.", {"POMCP"}),
        ("The application of dereverberation based on a weighted prediction error (WPE) method followed by "
         "denoising based on a minimum variance distortionless response (MVDR) beamformer has been shown.",
         {"WPE", "MVDR"}),
        ("ILRMA is one of the state-of-the-art techniques of blind source separation (BSS) and is based on a "
         "rank-1 spatial model.", {"ILRMA"}),
        ("We extract Histogram of Oriented Optical Flow (HOOF) features to encode the temporal changes in "
         "selected face regions.", {"HOOF"}),
        ("Recently, label consistent k-svd(LC-KSVD) algorithm has been successfully applied in image "
         "classification.", {"LC-KSVD"}),
        ("Moreover, we do not need other complicated post-processing methods such as Seq-NMS or Tubelet "
         "rescoring as in previous works.", {"Seq-NMS"}),
        ("Our proposed network is able to produce image quality comparable to the benchmark Ordered Subsets "
         "Expectation Maximization (OSEM) algorithm.", {"OSEM"}),
        ("We present an extensive evaluation of three LVQ models: Generalized LVQ, Generalized Matrix LVQ and "
         "Generalized Tangent LVQ.", {"LVQ", "GLVQ"}),
        ("Here, we propose a method based on Stein's unbiased risk estimator (SURE) for training DNN denoisers "
         "based only on the use of noisy images in the training data.", {"SURE"}),
        ("In the case of $\\ell_0$-norm bounded noise, we prove recovery guarantees for Iterative Hard Thresholding "
         "(IHT) and Basis Pursuit (BP).", {"IHT"}),
        ("One of the most successful examples of this approach is multichannel nonnegative matrix factorization "
         "(MNMF) based on a full-rank spatial model.", {"MNMF"}),
        ("Functional Segmentation through Dynamic Mode Decomposition: Automatic Quantification of Kidney Function "
         "in DCE-MRI Images", {"Dynamic Mode Decomposition"}),
        ("In particular, we adopt Riemannian Motion Policies (RMPs), a recently proposed controller structure in "
         "robotics, and, RMPflow, its associated computational framework.", {"Riemannian Motion Policies", "RMPflow"}),
        ("As a vehicle controller, the Intelligent Driver Model (IDM) is implemented, and different sets of IDM "
         "parameters are assigned to the following vehicles.", {"IDM"}),
        ("Neural source-filter (NSF) models are deep neural networks that produce waveforms given input acoustic "
         "features.", {"Neural Source-Filter"}),
        ("During slow oscillations, spike-timing-dependent-plasticity (STDP) produces a differential homeostatic "
         "process.", {"STDP"}),
        # a named variant of a model family, parent of the family's entry
        ("The recently introduced Deep Echo State Network (DeepESN) model opened the way to an extremely "
         "efficient approach for designing deep neural networks for temporal data.", {"DeepESN"}),
        # a size variant written with a capitalised size word is the base model
        ("As another bonus, the deep model is 1.6X smaller in size and 3X faster in training than "
         "Transformer-Big.", {"Transformer"}),
        # LeNet named by its layer widths is LeNet
        ("Our method achieves state-of-the-art compression on VGG-16, LeNet300-100 and several ResNet "
         "architectures.", {"VGG", "LeNet", "ResNet"}),
    ],
)
def test_long_tail_named_algorithms_link(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the named half of a compound with a generic family is a mention (the golds link LSTM in 'CNN-LSTM')
        ("We propose a joint CNN-LSTM network for face anti-spoofing, focusing on the motion cues across video "
         "frames.", {"LSTM"}),
        ("In this paper, the LSTM-RNN is trained in a weakly supervised manner on user click-through data.",
         {"LSTM"}),
        ("Amongst the two deep learning models, we find CNN-GRU to slightly outperform CNN-LSTM.", {"LSTM", "GRU"}),
        # ... but 'CNN-CRF' models are the family of CNNs with a CRF on top
        ("Much like commonly used convolutional neural network -- conditional Markov random field (CNN-CRF) "
         "models, the proposed method is able to enforce higher-order consistency.", set()),
        # a generic compound without a named half stays unlinked
        ("The method is based on a CNN-RNN, trained as a multi-task classifier.", set()),
    ],
)
def test_generic_family_compound_keeps_named_half(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the bare acronyms of the new entries mean other things in other papers
        "We use the normalized delivery time (NDT) to capture the per-bit latency for the worst-case file request.",
        "In this paper, we adapt multilayer network (MLN) analysis, a nontraditional approach, to model the "
        "Facebook data.",
        "The experimental results show that the proposed RED-WGAN achieves performance superior to several "
        "state-of-the-art methods.",
        "relation extraction on two under-explored story narrative datasets: Richer Event Description (RED) and "
        "Causal and Temporal Relation Scheme (CaTeRS).",
        # 'deep ESN' in lower case describes any stacked echo state network, not DeepESN
        "In particular, two deep ESN architectures are studied.",
    ],
)
def test_long_tail_acronyms_do_not_collide(linker, sentence):
    assert not _linked(linker, sentence) & {"NDT", "Markov Logic Network", "Regularization by Denoising",
                                            "WGAN", "DeepESN"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("To show the consistency of the method the model is tested with 3 different datasets, LIVE IQA, TID2013 "
         "and CSIQ.", {"LIVE IQA", "TID2013", "CSIQ"}),
        ("We evaluate our method on large scale re-ID datasets, including Market-1501, DukeMTMC-reID and MARS.",
         {"Market-1501", "DukeMTMC-reID", "MARS (re-identification)"}),
        ("The effectiveness of the proposed method is validated on the existing VEDAI, DLR-3K, DOTA and Combined "
         "dataset.", {"VEDAI", "DLR-3K"}),  # DOTA needs its context words
        ("On the HICO-Det dataset our method achieves a gain of over 7% absolute points in mean average precision.",
         {"HICO-DET"}),
        # a word-like dataset name needs its field: 'LIVE' outside image quality is a word
        ("We evaluated our method on three large-scale popular benchmark databases used by most of the current IQA "
         "researchers (TID2008, CSIQ~and LIVE).", {"TID2008", "CSIQ", "LIVE IQA"}),
        ("We test the agent on LIVE and recorded sessions of the game.", set()),
    ],
)
def test_datasets_several_abstracts_name_link(linker, sentence, expected):
    assert {link.method for link in linker.link(Paper(id="x", title="", abstract=sentence)).links
            if link.kind == "dataset"} == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a technique the catalog names with a capital first word and a lower-case tail is named as written
        ("Then, a combination of 3D Kalman filter and Hungarian algorithm is used for state estimation and data "
         "association.", {"Kalman filter", "Hungarian algorithm"}),
        ("Probabilistic progressive Hough transform has been used for the detection of band edges.",
         {"Hough transform"}),
        ("The edges themselves were found using the Canny edge detector and the classified edges can be used with "
         "simple image processing techniques.", {"Canny edge detector"}),
        ("To solve the on-manifold least squares problem, a Riemannian Gauss-Newton method using the exponential "
         "retraction is applied.", {"Gauss-Newton"}),
        # ... but not all lower case, and not a generic technique whose canonical name is capitalised
        ("a greedy hungarian algorithm assigns the tracks", set()),
        ("Chain-of-thought prompting elicits reasoning in large language models.", set()),
    ],
)
def test_named_technique_written_as_the_catalog_names_it(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # generic model families and sensing modalities are no uncatalogued competitors
        "The proposed DNN system is compared to a Gaussian mixture model (GMM) based system that employs interaural "
        "time differences (ITDs) and ILDs as localisation features.",
        "The efficiency of diverse visual input of the network were compared, including RGB, RGB-D and RGB-Points.",
        "To reduce interference to existing WiGig data links while doing BF, a novel location based BF mechanism is "
        "also proposed based on WiFi fingerprinting.",
    ],
)
def test_generic_families_and_modalities_are_no_uncatalogued_links(linker, sentence):
    assert not [link for link in linker.link(Paper(id="x", title="", abstract=sentence)).links
                if link.kind == "uncatalogued"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # prior methods that one 19k abstract introduces and others use: the catalog links them in papers that
        # arrive without their introducing paper
        ("With the intention to create an enhanced visual explanation, Grad-CAM++ was proposed.", {"Grad-CAM++"}),
        ("NAS-FPN improves mobile detection accuracy by 2 AP compared to state-of-the-art SSDLite with MobileNetV2 "
         "model.", {"NAS-FPN", "SSDLite", "MobileNetV2"}),
        ("In this paper, we present an extension to LaserNet, an efficient and state-of-the-art LiDAR based 3D "
         "object detector.", {"LaserNet"}),
        ("Our method has an image captioning module based on m-RNN with several improvements.", {"m-RNN"}),
        # 'HyperNet' alone is a hypernetwork unless the paper is about region proposals
        ("We propose a technique to accelerate architecture selection by learning an auxiliary HyperNet that "
         "generates the weights of a main model.", set()),
    ],
)
def test_prior_methods_introduced_in_the_corpus_link_without_their_paper(linker, sentence, expected):
    assert _linked(linker, sentence) == expected
