"""Paper-level relation rules (relations.settle_paper) on whole seed papers, linked by the real pipeline."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker.pipeline import link_corpus
from relwork.linker.relations import settle_paper


def _relations(linked, method: str) -> set[str]:
    return {l.relation for l in linked.links if l.method == method}


def _seed_paper(seed_papers, title: str) -> Paper:
    return next(p for p in seed_papers if p.title == title)


def test_settle_paper_group_members_build_on_when_the_group_is_used(seed_papers, catalog):
    # dev seed: 'Massively multilingual Transformers (MMTs), such as mBERT and XLM-R, are widely used ...' is
    # background, but 'We thus propose to extract compressed, language-specific models from MMTs' uses the group
    paper = _seed_paper(seed_papers, "Distilling Efficient Language-Specific Models for Cross-Lingual Transfer")
    (linked,) = link_corpus([paper], catalog)
    for method in ("mBERT", "XLM-R", "Transformer"):
        assert _relations(linked, method) == {"builds_on"}, method
    cues = {l.cue for l in linked.links if l.method in ("mBERT", "XLM-R")}
    assert all("(via MMT)" in cue for cue in cues)
    again = [(l.relation, l.cue) for l in linked.links]
    settle_paper(linked)
    assert [(l.relation, l.cue) for l in linked.links] == again  # idempotent


def test_settle_paper_group_needs_a_later_use_of_the_group(catalog):
    paper = Paper.create(
        "A note on cross-lingual transfer",
        "Massively multilingual Transformers (MMTs), such as mBERT and XLM-R, are widely used for cross-lingual "
        "transfer learning. MMTs are expensive to deploy. We study the history of the field.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "mBERT") == {"mentions"}


def test_settle_paper_a_methods_own_acronym_is_no_group(catalog):
    paper = Paper.create(
        "Untitled",
        "Vision Transformer (ViT) has achieved significant success. We then use a ViT backbone for detection.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert not any("(via" in l.cue for l in linked.links)


def test_settle_paper_variants_compared_build_on_the_method(catalog):
    # 'compared to ELMo and BERT-base, BERT-large is better': BERT-base and BERT-large are both run by the paper
    paper = Paper.create(
        "BERT for coreference resolution",
        "We apply BERT to coreference resolution, achieving strong improvements on the OntoNotes benchmark. "
        "A qualitative analysis of model predictions indicates that, compared to ELMo and BERT-base, BERT-large "
        "is particularly better at distinguishing between related but distinct entities.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "BERT") == {"builds_on", "mentions"}
    assert _relations(linked, "ELMo") == {"compares_to"}
    assert any(l.cue == "compared to (variants compared)" for l in linked.links if l.method == "BERT")


def test_settle_paper_analysis_keeps_methods_run_side_by_side(catalog):
    # an analysis paper that runs several methods as its tools ('we compared three architectures: ...')
    paper = Paper.create(
        "Understanding segmentation across datasets",
        "We investigate how segmentation networks generalise across datasets. Especially, we compared three "
        "CNN-based architectures: SegNet, U-Net, and pix2pix.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "U-Net") == {"builds_on"}
    assert all(l.cue.endswith("(among)") for l in linked.links if l.method == "U-Net")


_FORMER_ABSTRACT = (
    "Transformer models have achieved strong results on long documents, but full attention is quadratic in the "
    "sequence length. The Linformer approximates self-attention with a low-rank projection. {intro}"
)


def test_named_after_former_name_credits_the_former_it_carries_not_transformer(catalog):
    # 'EffiLinformer' carries 'Linformer', so its '-former' ending comes from Linformer: the background
    # sentence about Transformer models stays a mention
    paper = Paper.create(
        "EffiLinformer: Efficient Long-Document Classification",
        _FORMER_ABSTRACT.format(intro="We propose EffiLinformer, which extends the Linformer with sparse global tokens."),
    )
    (linked,) = link_corpus([paper], catalog)
    assert "builds_on" in _relations(linked, "Linformer")
    assert "builds_on" not in _relations(linked, "Transformer")


def test_named_after_plain_former_name_still_credits_transformer(catalog):
    # 'EcoDocformer' carries no other linked method: a '-former' name builds on the Transformer
    paper = Paper.create(
        "EcoDocformer: Efficient Long-Document Classification",
        _FORMER_ABSTRACT.format(intro="We propose EcoDocformer, an efficient model for long-document classification."),
    )
    (linked,) = link_corpus([paper], catalog)
    assert "builds_on" in _relations(linked, "Transformer")


def test_named_after_nested_name_credits_the_longer_method_it_carries(catalog):
    # 'Smooth Grad-CAM++' carries Grad-CAM, and CAM only inside it: the background list of earlier methods keeps
    # CAM a mention while Grad-CAM, the method the new name extends, is built on
    paper = Paper.create(
        "Smooth Grad-CAM++: An Enhanced Visualization Technique for Deep Convolutional Neural Network Models",
        "Several methods have been proposed such as class activation map (CAM) and Gradient based Class Activation "
        "Maps (Grad-CAM). These methods underperform on multiple objects. We propose Smooth Grad-CAM++, a technique "
        "that combines gradient smoothing with saliency maps.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert {l.method for l in linked.links} >= {"CAM", "Grad-CAM"}
    assert "builds_on" in _relations(linked, "Grad-CAM")
    assert "builds_on" not in _relations(linked, "CAM")


@pytest.mark.parametrize(
    ("title", "method", "relation"),
    [
        # the dev gold's reading of title mentions: a paper presenting its own work builds on the method its
        # title names; an analysis title leaves it a mention
        ("M1: Towards Scalable Test-Time Compute with Mamba Reasoning Models", "Mamba", "builds_on"),
        ("Small-scale proxies for large-scale Transformer training instabilities", "Transformer", "mentions"),
    ],
)
def test_title_mentions_follow_the_gold_reading_of_own_work_and_analysis_titles(seed_papers, catalog, title, method, relation):
    (linked,) = link_corpus([_seed_paper(seed_papers, title)], catalog)
    assert {relation} == ({"builds_on"} & _relations(linked, method) or {"mentions"})


# --- analysis papers: the means a title names are the paper's tools, not the object of a study -------------

from relwork.linker.relations import is_analysis_paper  # noqa: E402


@pytest.mark.parametrize(
    "title, abstract, expected",
    [
        # arXiv 1906.01661: 'We analyze the tagger's ability ...' studies the paper's own tool, named in the title
        ("Detecting Syntactic Change Using a Neural Part-of-Speech Tagger",
         "We train a diachronic long short-term memory (LSTM) part-of-speech tagger on a large corpus of American "
         "English. We analyze the tagger's ability to implicitly learn temporal structure between years.", False),
        # arXiv 1906.00662: an application title ('GANs for ...') with 'We conduct a comparative study'
        ("Generative Adversarial Networks for Operational Scenario Planning of Renewable Energy Farms",
         "We conduct a comparative study of two GANs.", False),
        # arXiv 1808.07528: 'Rethinking X with Y' announces Y, the paper's new means
        ("Rethinking Monocular Depth Estimation with Adversarial Training", "", False),
        ("Rethinking ImageNet Pre-training", "", True),
        # arXiv 1712.02505: an empirical study is an analysis whatever its title names
        ("Semi-Supervised Learning with IPM-based GANs: an Empirical Study", "", True),
        # arXiv 1903.03260: no means or application in the title; the abstract frames a study
        ("Neural Language Models as Psycholinguistic Subjects: Representations of Syntactic State",
         "To do so, we examine model behavior on artificial sentences.", True),
        # 'X: A Study ...' is an analysis (arXiv 1909.01380), unless the title names an application or its means
        # before it (arXiv 1906.00662, 1907.05905)
        ("The Bottom-up Evolution of Representations in the Transformer: A Study with Machine Translation and Language "
         "Modeling Objectives", "", True),
        ("Generative Adversarial Networks for Operational Scenario Planning of Renewable Energy Farms: A Study on Wind "
         "and Photovoltaic", "", False),
        ("Voice Pathology Detection Using Deep Learning: a Preliminary Study", "", False),
        # an analysis title keeps its analysis even when it names a means (arXiv 1901.03438)
        ("Grammatical Analysis of Pretrained Sentence Encoders with Acceptability Judgments", "", True),
    ],
)
def test_is_analysis_paper_title_naming_means_or_application(title, abstract, expected):
    assert is_analysis_paper(title, abstract, False) is expected


def test_tool_uses_in_a_paper_whose_title_names_its_means_build_on(catalog):
    # arXiv 1906.01661 (opening sentences): the LSTM tagger is the tool of the study, so builds_on
    paper = Paper.create(
        "Detecting Syntactic Change Using a Neural Part-of-Speech Tagger",
        "We train a diachronic long short-term memory (LSTM) part-of-speech tagger on a large corpus of American "
        "English from the 19th, 20th, and 21st centuries. We analyze the tagger's ability to implicitly learn "
        "temporal structure between years, and the extent to which this knowledge can be transferred to date new "
        "sentences.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert "builds_on" in _relations(linked, "LSTM")


def test_analysis_paper_keeps_the_tool_its_title_names(catalog):
    # arXiv 1902.06242: the study compares feature selection methods; the SVM named after 'Using' is its tool,
    # while the methods it compares are studied
    paper = Paper.create(
        "A Comparative Study of Feature Selection Methods for Dialectal Arabic Sentiment Classification Using "
        "Support Vector Machine",
        "This work investigated the effect of feature selection methods on sentiment classification of dialectal "
        "Arabic. The best accuracy was obtained with a Support Vector Machine classifier.",
    )
    assert is_analysis_paper(paper.title, paper.abstract, False)
    (linked,) = link_corpus([paper], catalog)
    assert "builds_on" in _relations(linked, "SVM")
    assert not any(l.cue.startswith("analysis") for l in linked.links if l.method == "SVM")


def test_undecided_back_reference_lets_a_later_one_decide(catalog):
    # arXiv 1902.08691: 'how to integrate these representations' has no subject (undecided); the next
    # back-reference, 'utilizing these new models', is the study's use of the listed ELMo and BERT
    paper = Paper.create(
        "Enhancing Clinical Concept Extraction with Contextual Embedding",
        "Recently, however, more advanced embedding methods and representations (e.g., ELMo, BERT) have further "
        "pushed the state-of-the-art in NLP. While these certainly improve clinical concept extraction as well, there "
        "are no commonly agreed upon best practices for how to integrate these representations for extracting "
        "concepts. The purpose of this study, then, is to explore the space of possible options in utilizing these "
        "new models, including comparing these to more traditional word embedding methods (word2vec, GloVe, "
        "fastText).",
    )
    (linked,) = link_corpus([paper], catalog)
    for method in ("ELMo", "BERT"):
        assert _relations(linked, method) == {"builds_on"}, method
        assert all("via 'these new models'" in l.cue for l in linked.links if l.method == method)


def test_analysis_paper_keeps_a_use_whose_purpose_is_the_study(catalog):
    # arXiv 1909.01380: CCA is the tool of the study ('we use ... to study'); the Transformer is what it studies
    paper = Paper.create(
        "The Bottom-up Evolution of Representations in the Transformer: A Study with Machine Translation and Language "
        "Modeling Objectives",
        "In this work, we use canonical correlation analysis and mutual information estimators to study how "
        "information flows across Transformer layers and how this process depends on the choice of learning "
        "objective. We focus on the Transformers for our analysis as they have been shown effective on various tasks.",
    )
    assert is_analysis_paper(paper.title, paper.abstract, False)
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "CCA") == {"builds_on"}
    assert _relations(linked, "Transformer") == {"mentions"}


@pytest.mark.parametrize(
    "title, method",
    [
        ("Robust Anomaly Detection in Images using Adversarial Autoencoders", "AAE"),  # arXiv 1901.06355
        ("Object detection on aerial imagery using CenterNet", "CenterNet"),  # arXiv 1908.08244
        ("LSTM based Similarity Measurement with Spectral Clustering for Speaker Diarization", "LSTM"),  # 1907.10393
    ],
)
def test_title_naming_the_papers_means_builds_on_them(catalog, title, method):
    # the title speaks for the paper: 'using X' / 'X based' there is its own use, even when the abstract (here
    # empty) never repeats the method
    (linked,) = link_corpus([Paper.create(title, "")], catalog)
    assert _relations(linked, method) == {"builds_on"}
    assert all(l.cue.endswith("(title)") for l in linked.links if l.method == method)


def test_title_use_in_an_analysis_paper_stays_studied(catalog):
    # arXiv 1907.07672: 'Analysis of Word Embeddings using Fuzzy Clustering' studies the embeddings; the title
    # rule only speaks for papers that are no analysis
    (linked,) = link_corpus([Paper.create("Analysis of Word Embeddings using Fuzzy Clustering",
                                          "We use GloVe embeddings in this analysis.")], catalog)
    assert "builds_on" not in _relations(linked, "GloVe")


@pytest.mark.parametrize(
    "title, method, relation",
    [
        # arXiv 1810.05291: a statement title, 'is' asks nothing; the paper's own algorithm is signSGD
        ("signSGD with Majority Vote is Communication Efficient And Fault Tolerant", "signSGD", "builds_on"),
        # a yes/no question opening the title keeps the method studied (seed 'Is Mamba Effective ...?')
        ("Is Mamba Effective for Time Series Forecasting?", "Mamba", "mentions"),
    ],
)
def test_title_verbs_ask_a_question_only_where_one_opens(catalog, title, method, relation):
    (linked,) = link_corpus([Paper.create(title, "")], catalog)
    assert _relations(linked, method) == {relation}


def test_settle_paper_a_benchmark_score_compared_is_evaluated_on_not_compared_against(seed_papers, catalog):
    # seed: 'As a consequence, MossFormer significantly outperforms the previous models and achieves the
    # state-of-the-art results on WSJ0-2/3mix and WHAM!/WHAMR! benchmarks.'
    paper = next(p for p in seed_papers if p.title.startswith("MossFormer: Pushing the Performance Limit"))
    (linked,) = link_corpus([paper], catalog)
    wham = [l for l in linked.links if l.method == "WHAM!"]
    assert wham and {l.relation for l in wham} == {"builds_on"}
    assert all(l.cue.endswith("(evaluated on)") for l in wham if "outperforms" in l.cue)
    assert not any(l.kind == "dataset" and l.relation == "compares_to" for l in linked.links)


def test_settle_paper_a_dataset_paper_may_compare_datasets(catalog):
    paper = Paper.create(
        "A large benchmark for person re-identification",
        "We introduce a new dataset, called BigReID, for person re-identification. BigReID is 20 times larger than "
        "ImageNet and more diverse.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert [(i.name, i.kind) for i in linked.introduces] == [("BigReID", "dataset")]
    assert {l.relation for l in linked.links if l.method == "ImageNet"} == {"compares_to"}
