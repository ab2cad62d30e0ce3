"""The kind of an introduced name (issue 3, qa9 Q2): the head noun of the name's own phrase decides before a
dataset word elsewhere in its clause. 'ArabianGPT, a series of transformer-based models within the ArabianLLM
suite' is a model; 'THuman, a 3D real-world human model dataset' is data (a compound's head is its last noun).

Seed papers through the linker, and sentences from 2017-2019 arXiv abstracts (quoted in part).
"""

from __future__ import annotations

import pytest

from relwork.linker.introduced import _head_kind, _kind


def _seed_kinds(seed_abstract, linker, title: str) -> dict[str, str]:
    from relwork.core.records import Paper

    return {i.name: i.kind for i in linker.introduced(Paper.create(title, seed_abstract(title)))}


@pytest.mark.parametrize("title, name", [
    ("ArabianGPT: Native Arabic GPT-based Large Language Model", "ArabianGPT"),
    ("Bio-xLSTM: Generative modeling, representation and in-context learning of biological and chemical sequences",
     "Bio-xLSTM"),
    ("Greenformers: Improving Computation and Memory Efficiency in Transformer Models via Low-Rank Approximation",
     "Greenformers"),
])
def test_seed_models_named_next_to_suite_or_collection_are_methods(seed_abstract, linker, title, name):
    assert _seed_kinds(seed_abstract, linker, title)[name] == "method"


def test_seed_datasets_keep_their_kind(seed_abstract, linker):
    title = "Annotating the Tweebank Corpus on Named Entity Recognition and Building NLP Models for Social Media Analysis"
    kinds = _seed_kinds(seed_abstract, linker, title)
    assert kinds["Tweebank-NER"] == "dataset"  # 'Tweebank-NER, an English NER corpus'
    assert kinds.get("Twitter-Stanza", "method") == "method"  # the pipeline trained on it


@pytest.mark.parametrize("name, clause", [
    ("ArabianGPT", "this paper proposes ArabianGPT, a series of transformer-based models within the ArabianLLM suite"),
    ("Bio-xLSTM", "we propose a suite of architectural variants called Bio-xLSTM"),
    ("TEASER", "We validate the proposed algorithm, named TEASER (Truncated least squares Estimation And SEmidefinite "
               "Relaxation), in standard registration benchmarks showing that the algorithm outperforms RANSAC"),
    ("PlatonicGAN", "We introduce PlatonicGAN to discover the 3D structure of an object class from an unstructured "
                    "collection of 2D images"),
    ("UniDual", "UniDual: A Unified Model for Image and Video Understanding"),
    ("LogicENN", "LogicENN: A Neural Based Knowledge Graphs Embedding Model with Logical Rules"),
    ("SPICE", "propose a new automated caption evaluation metric defined over scene graphs coined SPICE"),
    ("MSDC-Net", "we propose a novel deep learning architecture for detectingthe disparity map from a rectified pair of "
                 "stereo images, called MSDC-Net"),
    ("BOAH", "BOAH: A Tool Suite for Multi-Fidelity Bayesian Optimization & Analysis of Hyperparameters"),
    # 'which we call X' names the phrase before it (1908.10763; 'dataset bias' is no head)
    ("DRiFt", "We formalize the concept of dataset bias under the framework of distribution shift and present a simple "
              "debiasing algorithm based on residual fitting, which we call DRiFt"),
])
def test_head_noun_of_the_names_phrase_makes_a_method(name, clause):
    assert _kind(name, clause) == "method"


@pytest.mark.parametrize("name, clause", [
    ("THuman", "We also contribute THuman, a 3D real-world human model dataset containing approximately 7000 models"),
    ("ABC", "ABC: A Big CAD Model Dataset For Geometric Deep Learning"),
    ("WINOGRANDE", "We introduce WINOGRANDE, a new collection of WSC problems that are adversarially constructed"),
    ("CS563-QA", "CS563-QA: A Collection for Evaluating Question Answering Systems"),
    ("Qulac", "we propose an offline evaluation methodology for the task and collect a dataset, called Qulac, through "
              "crowdsourcing"),
    ("UltraSuite", "UltraSuite: A Repository of Ultrasound and Acoustic Data from Child Speech Therapy Sessions"),
    ("NAS-Bench-101", "by introducing NAS-Bench-101, the first public architecture dataset for NAS research"),
    ("PCFG SET", "we instantiate these five tests on a highly compositional data set which we dub PCFG SET and apply "
                 "the resulting tests to three popular sequence-to-sequence models"),  # 1908.08351
])
def test_head_noun_of_the_names_phrase_makes_a_dataset(name, clause):
    assert _kind(name, clause) == "dataset"


def test_dataset_word_outside_the_names_phrase_still_decides_without_a_head_noun():
    assert _kind("Foggy Driving", "For evaluation, we present Foggy Driving with 101 real-world images and a "
                                  "new benchmark") == "dataset"


@pytest.mark.parametrize("name, clause", [
    # 1901.06322: every data word is data the method is tested on, down a list ('..., Facade and Aerial Maps dataset')
    ("SPAP", "In experiments, the proposed SPAP is tested in GANs on the Celeba-HQ-128 dataset~\\cite{karras2017progressive}, "
             "and tested in CycleGANs on the Image-to-Image translation datasets including the Cityscape "
             "dataset~\\cite{cordts2016cityscapes}, Facade and Aerial Maps dataset~\\cite{zhu2017unpaired}, both "
             "obtaining better performance"),
    # 1908.10917: what the interface works on
    ("SpatialNLI", "SpatialNLI: A Spatial Domain Natural Language Interface to Databases Using Spatial Comprehension"),
])
def test_data_the_named_thing_is_tested_on_or_works_on_does_not_make_a_dataset(name, clause):
    assert _kind(name, clause) == "method"


def test_to_before_a_verb_keeps_the_dataset_of_the_clause():
    # 1902.06197: 'To train' is no data the clause works on
    assert _kind("DeepPCB", "To train the deep model, a dataset is established, namely DeepPCB") == "dataset"


def test_head_noun_right_before_the_name_is_its_head():
    # seed 'ASDF: Assembly State Detection ...' (its abstract also says 'our ASDF dataset', which still wins the merge)
    assert _head_kind("ASDF", "To address the challenges of 6D pose estimation in combination with assembly state "
                              "detection, our approach ASDF builds upon the strengths of YOLOv8") == "method"
