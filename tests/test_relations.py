"""Relation typing on real sentences from the seed abstracts (examples/hf-papers) and citation contexts."""

from __future__ import annotations

import re

import pytest

from relwork.core.errors import InputError
from relwork.linker.relations import RelationResult, type_relation
from relwork.linker.sentences import sentence_at, split_sentences


def _span(sentence: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    """Span of the ``occurrence``-th whole-word ``surface`` in ``sentence``."""
    hits = [m.span() for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", sentence)]
    assert len(hits) > occurrence, f"{surface!r} not found in {sentence!r}"
    return hits[occurrence]


def _type(sentence: str, surface: str, occurrence: int = 0, own: tuple[str, ...] = ()) -> RelationResult:
    start, end = _span(sentence, surface, occurrence)
    return type_relation(sentence, start, end, own_names=own)


def _seed_text(seed_files) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in seed_files)


@pytest.mark.parametrize(
    ("sentence", "surface", "occurrence", "own", "cue"),
    [
        (
            "LATTE improves the LaTeX source extraction accuracy of both LaTeX formulae and tables, outperforming "
            "existing techniques as well as GPT-4V by at least 7.07% of exact match, with a success refinement "
            "rate of 46.08% (formula) and 25.51% (table).",
            "GPT-4V", 0, ("LATTE",), "outperforming",
        ),
        (
            "Compared with the standard transformer and vanilla looped transformer, the proposed AlgoFormer can "
            "achieve significantly higher expressiveness in algorithm representation when using the same number "
            "of parameters.",
            "looped transformer", 0, ("AlgoFormer",), "Compared with",
        ),
        (
            "HyenaDNA scales sub-quadratically in sequence length (training up to 160x faster than Transformer), "
            "uses single nucleotide tokens, and has full global context at each layer.",
            "Transformer", 0, ("HyenaDNA",), "160x faster than",
        ),
        (
            "RESULTS: The combination of fine-tuning and batch splitting allows IT5 to achieve notable results; it "
            "performs on par with GPT-3.5 albeit its size being a thousand times smaller in terms of parameters.",
            "GPT-3.5", 0, ("IT5",), "on par with",
        ),
        (
            "We extend the \"stream-K\" style reduction of tiled calculation to self-attention to enable parallel "
            "computation resulting in an average of 2.6x attention execution speedup over FlashAttention-2 and up "
            "to 8.33x speedup for 512k context lengths.",
            "FlashAttention-2", 0, (), "speedup over",
        ),
        (
            "It matches the performance of RoBERTa with comparable training resources on GLUE and SQuAD, achieves "
            "new state-of-the-art results on a range of abstractive dialogue, question answering, and "
            "summarization tasks, with gains of up to 6 ROUGE.",
            "RoBERTa", 0, ("BART",), "matches",
        ),
        (
            "With GraphCodeBERT as the encoder, SEA achieves an overall mean reciprocal ranking score of 0.785, "
            "which is 10.1% higher than GraphCodeBERT on the CodeSearchNet benchmark.",
            "GraphCodeBERT", 1, ("SEA",), "10.1% higher than",
        ),
        (
            "Performance is evaluated in terms of strict accuracy, F1, and format accuracy, and compared with the "
            "widely used GPT-3.5 Large Language Model.",
            "GPT-3.5", 0, (), "compared with",
        ),
    ],
)
def test_type_relation_compares_to_seed_cues(sentence, surface, occurrence, own, cue):
    result = _type(sentence, surface, occurrence, own)
    assert result.relation == "compares_to"
    assert result.cue == cue


@pytest.mark.parametrize(
    ("sentence", "surface", "occurrence", "own", "cue"),
    [
        (
            "In this paper, we introduce a novel hybrid linear RNN reasoning model, M1, built on the Mamba "
            "architecture, which allows memory-efficient inference.",
            "Mamba", 0, ("M1",), "built on",
        ),
        (
            "In our approach, we utilize the original BERT model as the encoder, making only changes to the "
            "decoder without altering the encoder.",
            "BERT", 0, (), "as the encoder",
        ),
        (
            "With GraphCodeBERT as the encoder, SEA achieves an overall mean reciprocal ranking score of 0.785, "
            "which is 10.1% higher than GraphCodeBERT on the CodeSearchNet benchmark.",
            "GraphCodeBERT", 0, ("SEA",), "as the encoder",
        ),
        (
            "We propose Samba ASR, the first state-of-the-art Automatic Speech Recognition (ASR) model leveraging "
            "the novel Mamba architecture as both encoder and decoder, built on the foundation of state-space "
            "models (SSMs).",
            "Mamba", 0, ("Samba ASR",), "as both encoder",
        ),
        (
            "In this study, the mT5 model was adapted for only one language, Indonesian, resulting in a "
            "pre-trained T5 model that was specific only for Indonesian with a smaller size.",
            "mT5", 0, ("idT5",), "adapted",
        ),
        (
            "Therefore, we present a plain, pre-training-free, and feature-enhanced ViT backbone with "
            "Convolutional Multi-scale feature interaction, named ViT-CoMer, which facilitates bidirectional "
            "interaction between CNN and transformer.",
            "ViT", 0, ("ViT-CoMer",), "backbone",
        ),
        (
            "Both decoders are built upon a scalable, transformer-based architecture and have been efficiently "
            "trained on large-scale 3D datasets.",
            "transformer", 0, (), "built upon",
        ),
    ],
)
def test_type_relation_builds_on_seed_cues(sentence, surface, occurrence, own, cue):
    result = _type(sentence, surface, occurrence, own)
    assert result.relation == "builds_on"
    assert result.cue == cue


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # fine-tune shared by a list: every item builds on
        ("For performance comparison, we fine-tuned this model and the mT5 model to the Sentiment Analysis (SA), "
         "Question Generation (QG), and Question Answering (QA) tasks with the exact mechanism and dataset.", "mT5"),
        ("We fine-tune BERT, RoBERTa and XLNet on SQuAD.", "BERT"),
        ("We fine-tune BERT, RoBERTa and XLNet on SQuAD.", "RoBERTa"),
        ("We fine-tune BERT, RoBERTa and XLNet on SQuAD.", "XLNet"),
    ],
)
def test_type_relation_list_shares_fine_tune(sentence, surface):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", "fine-tuned" if "fine-tuned" in sentence else "fine-tune")


@pytest.mark.parametrize(
    "surface", ["PyTorch JIT", "TensorFlow XLA", "Tencent TurboTransformer", "NVIDIA FasterTransformer"]
)
def test_type_relation_list_shares_surpass(surface):
    sentence = (
        "The end-to-end performance of ByteTransformer for a forward BERT transformer surpasses state-of-the-art "
        "transformer frameworks, such as PyTorch JIT, TensorFlow XLA, Tencent TurboTransformer, Microsoft "
        "DeepSpeed-Inference and NVIDIA FasterTransformer, by 87%, 131%, 138%, 74% and 55%, respectively."
    )
    result = _type(sentence, surface, own=("ByteTransformer",))
    assert (result.relation, result.cue) == ("compares_to", "surpasses")


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        ("BERT (Bidirectional Encoder Representations from Transformers) has revolutionized the field of natural "
         "language processing through its exceptional performance on numerous tasks.", "BERT", ""),
        ("However, unlike traditional RNNs (e.g., LSTMs), these models cannot be updated efficiently with new "
         "tokens, an important property in sequence modelling.", "LSTMs", "unlike"),
        ("Recently, researchers have directly addressed the Transformer's limitation by designing lower-complexity "
         "alternatives such as the Longformer, Reformer, Linformer, and Performer.", "Performer", ""),
        ("Transformer-based networks such as ChatGPT have impacted the lives of common men.", "ChatGPT", ""),
        ("Transformer-based large language models have achieved remarkable performance across various natural "
         "language processing tasks.", "Transformer", "X-based"),
        ("As a solution, Vaswani et al. introduced the Transformer, a model solely based on the attention "
         "mechanism that is able to relate any two positions of the input sequence, hence modelling arbitrary "
         "long dependencies.", "Transformer", ""),
        ("Since the advent of BERT, pre-training has dominated NLP.", "BERT", "Since the advent of"),
        ("We train a model without FlashAttention.", "FlashAttention", "without"),
        ("We study the computational limits of Low-Rank Adaptation (LoRA) update for finetuning transformer-based "
         "models using fine-grained complexity theory.", "LoRA", "We study"),
        ("BERT has been widely used in NLP.", "BERT", "used"),
    ],
)
def test_type_relation_background_is_mentions(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("mentions", cue)


@pytest.mark.parametrize(
    ("surface", "relation"),
    [("BERT", "mentions"), ("LSTMs", "compares_to")],
)
def test_type_relation_cue_in_other_clause_does_not_count(surface, relation):
    result = _type("BERT is popular, but our model outperforms LSTMs.", surface)
    assert result.relation == relation


@pytest.mark.parametrize(
    ("sentence", "surface", "relation"),
    [
        # prior work compared with prior work is not the paper's comparison
        ("Mamba outperforms Transformers on long sequences.", "Transformers", "mentions"),
        ("Mamba outperforms Transformers on long sequences.", "Mamba", "mentions"),
        ("Recently, the recurrent xLSTM architecture has been shown to perform favorably compared to "
         "Transformers and modern state-space model (SSM) architectures in the natural language domain.",
         "Transformers", "mentions"),
        # the same verb with the paper as subject
        ("Our model outperforms Transformers on long sequences.", "Transformers", "compares_to"),
        ("Experimental results demonstrate the empirical superiority of the proposed transformer in that it "
         "outperforms the standard transformer and vanilla looped transformer in some challenging tasks.",
         "looped transformer", "compares_to"),
    ],
)
def test_type_relation_subject_decides_comparisons(sentence, surface, relation):
    assert _type(sentence, surface).relation == relation


def test_type_relation_relative_clause_takes_antecedent_as_subject():
    sentence = ("Specifically, inspired by the recent success of Legendre Memory Units (LMU) in sequence learning "
                "tasks, we propose LMUFormer, which augments the LMU with convolutional patch embedding.")
    start, end = _span(sentence, "LMU", 1)
    assert type_relation(sentence, start, end, own_names=["LMUFormer"]) == RelationResult("builds_on", "augments", 0.8)
    # "Mamba, which outperforms Transformers": the antecedent is prior work, so no comparison of the paper
    sentence = "Recent work introduced Mamba, which outperforms Transformers on long sequences."
    start, end = _span(sentence, "Transformers")
    assert type_relation(sentence, start, end).relation == "mentions"


def test_type_relation_own_name_subject_needs_own_names():
    sentence = "LATTE outperforms GPT-4V by at least 7.07% of exact match on formulae and tables."
    start, end = _span(sentence, "GPT-4V")
    assert type_relation(sentence, start, end, own_names=["LATTE"]).relation == "compares_to"
    # without knowing that LATTE is the paper's own name, a name-like subject reads as someone else's work
    assert type_relation(sentence, start, end).relation == "mentions"
    # the caller's list of the other method mentions settles it too: LATTE is not among them
    assert type_relation(sentence, start, end, others=[]).relation == "compares_to"


@pytest.mark.parametrize(
    ("sentence", "surface", "own", "relation", "cue"),
    [
        # seed sentences
        ("We also show that bilingual models distilled from MMTs greatly outperform bilingual models trained "
         "from scratch.", "MMTs", (), "builds_on", "distilled from"),
        ("This paper presents MOAT, a family of neural networks that build on top of MObile convolution (i.e., "
         "inverted residual blocks) and ATtention.", "MObile convolution", ("MOAT",), "builds_on", "build on"),
        ("To this end, we introduce ECO-M2F or EffiCient TransfOrmer Encoders for Mask2Former-style models.",
         "Mask2Former", ("ECO-M2F",), "builds_on", "X-style"),
        ("We train a 1.3B model for 100B tokens and find that it outperforms recent linear-time baselines such "
         "as Mamba and GLA in terms of perplexity and zero-shot performance on downstream tasks.", "GLA", (),
         "compares_to", "baselines"),
        ("With throughput speedup, we are able to achieve higher accuracy compared to DeepSeek R1 distilled "
         "transformer reasoning models under a fixed generation time budget using self-consistency voting.",
         "DeepSeek R1", (), "compares_to", "compared to"),
        ("Using the GPT-2 model we achieve SOTA results on the WikiText103 (10.8 compared to SOTA perplexity of "
         "15.8) and LAMBADA (66.5% compared to SOTA accuracy of 63.2%) datasets.", "GPT-2", (), "builds_on",
         "Using"),
        ("Our BERT model achieves SOTA results on the RACE dataset (90.9% compared to SOTA accuracy of 89.4%).",
         "BERT", (), "builds_on", "Our"),
        ("Initially, we apply channel-wise quantization and log2 quantization to BERT, respectively.", "BERT", (),
         "builds_on", "apply"),
        ("Specifically, inspired by the recent success of Legendre Memory Units (LMU) in sequence learning "
         "tasks, we propose LMUFormer, which augments the LMU with convolutional patch embedding and "
         "convolutional channel mixer.", "LMU", ("LMUFormer",), "builds_on", "inspired by"),
        ("This work highlights the viability of Mamba SSMs as a transformer-free alternative for efficient and "
         "accurate ASR.", "transformer", (), "mentions", "X-free"),
        ("We show how architectural modifications to a recurrent model can help push its performance toward "
         "Transformer models while retaining its sequential processing capability.", "Transformer", (),
         "compares_to", "performance toward"),
        ("By carefully analyzing the internal computations of transformer-based LLMs, we discover that the "
         "bridge entity is resolved in the early layers of the model.", "transformer", (), "mentions",
         "By carefully analyzing"),
        ("800 patient notes were annotated for SDoH categories, and several transformer-based models were "
         "evaluated.", "transformer", (), "builds_on", "X-based"),
        ("We experiment with multiple Transformer-based natural language classification as well as generative "
         "models, and find that DeBERTa performs the best.", "DeBERTa", (), "builds_on", "We"),
        ("In terms of expressiveness, we show that the Transformer is capable of executing path-finding by "
         "embedding the adjacency and reachability matrices within its weights.", "Transformer", (), "mentions",
         "show that"),
        # held-out arXiv abstracts (../shared/data/arxiv-amds123)
        ("Experimental results on real bike share and ride share datasets demonstrate the effectiveness of the "
         "proposed model: FairST not only reduces the fairness gap by more than 80%, but can surprisingly "
         "achieve better accuracy than state-of-the-art yet fairness-oblivious methods including LSTMs, "
         "ConvLSTMs, and 3D CNN.", "LSTMs", ("FairST",), "compares_to", "better accuracy than"),
        ("The presented system is based on text embeddings, namely NNLM and BERT.", "BERT", (), "builds_on",
         "based on"),
        ("The model composes of two parts: a DenseNet for extracting invariant features, and a Long Short-Term "
         "Memory network (LSTM) with an attention model incorporated for generating output text.", "DenseNet", (),
         "builds_on", "composes of"),
        ("Without bells and whistles, it achieves 2.5 points and 2.0 points higher Average Precision (AP) than "
         "FPN Faster R-CNN and RetinaNet respectively on MSCOCO.", "RetinaNet", (), "compares_to",
         "higher Average Precision (AP) than"),
        ("The closed-form solution of the mathematical system, along with the initial output of the adapted "
         "Faster R-CNN are then passed through a final ShiftNet network that refines the result.", "Faster R-CNN",
         (), "builds_on", "adapted"),
        ("We additionally characterize the robustness of the trained transformer to a variety of distribution "
         "shifts.", "transformer", (), "mentions", "We additionally characterize"),
        ("In this part III paper, we present and evaluate two new LSTM model variants which dramatically reduce "
         "the computational load while retaining comparable performance.", "LSTM", (), "builds_on", "two new"),
        ("We propose a morphologically informed model for named entity recognition, which is based on LSTM-CRF "
         "architecture and combines word embeddings.", "LSTM-CRF", (), "builds_on", "based on"),
        ("The results on two patent corpora show that contextualized word representations generated from ELMo "
         "substantially improve chemical NER performance.", "ELMo", (), "builds_on", "generated from"),
        ("The other two proposed LSTM models also perform competitively with state-of-the-art methods.", "LSTM",
         (), "builds_on", "other two proposed"),
        ("However when presented with tasks or functions which are out-of-domain of their pretraining data, we "
         "demonstrate various failure modes of transformers and degradation of their generalization for even "
         "simple extrapolation tasks.", "transformers", (), "mentions", "failure modes of"),
        ("We demonstrate that the interpretability that naturally emerged in our framework can outperform the raw "
         "attention learned by the original visual transformer, as well as those generated by off-the-shelf "
         "interpretation methods.", "visual transformer", (), "compares_to", "outperform"),
        ("Project ALPINE initiates a theoretical investigation into the development of planning capabilities in "
         "Transformer-based language models through their autoregressive learning mechanisms.", "Transformer", (),
         "mentions", "investigation into"),
        # cue families with no seed instance
        ("Our method does not require FlashAttention and runs on CPUs.", "FlashAttention", (), "mentions",
         "does not require"),
        ("Instead of FlashAttention, we rely on a simple chunked kernel.", "FlashAttention", (), "mentions",
         "Instead of"),
        ("The student is initialised from BERT-base and distilled from RoBERTa-large.", "BERT-base", (),
         "builds_on", "initialised from"),
        ("Our encoder reduces latency by 40% relative to Longformer.", "Longformer", (), "compares_to",
         "relative to"),
        ("We report accuracy of our model versus BigBird on long documents.", "BigBird", (), "compares_to",
         "versus"),
        ("We add a retrieval head on top of T5.", "T5", (), "builds_on", "on top of"),
        ("Our model yields a 3-point improvement over DeBERTa on SuperGLUE.", "DeBERTa", (), "compares_to",
         "improvement over"),
    ],
)
def test_type_relation_cue_families(sentence, surface, own, relation, cue):
    result = _type(sentence, surface, own=own)
    assert (result.relation, result.cue) == (relation, cue)


@pytest.mark.parametrize(
    ("sentence", "surface", "relation"),
    [
        ("BERT is used as the backbone of our retriever.", "BERT", "builds_on"),
        ("BERT and RoBERTa are compared on GLUE.", "BERT", "compares_to"),
        ("The model is initialised from T5 and trained on C4.", "T5", "builds_on"),
        ("We use RoBERTa as a baseline.", "RoBERTa", "compares_to"),
    ],
)
def test_type_relation_passive_and_role_phrases(sentence, surface, relation):
    assert _type(sentence, surface).relation == relation


@pytest.mark.parametrize(
    ("sentence", "marker", "relation"),
    [
        ("We used the method described in [12].", "[12]", "builds_on"),
        ("Fractionation of chloroplasts into stroma and thylakoid fractions was carried out as described by "
         "Ossenbühl and Nickelsen (2000).", "Ossenbühl and Nickelsen (2000)", "builds_on"),
        ("Our results are consistent with [4].", "[4]", "compares_to"),
        ("These results are consistent with those reported in other studies [Herck et al., 1998; Wu et al., 1999].",
         "Wu et al., 1999", "compares_to"),
        ("Smith et al. [4] showed that the disease is common.", "[4]", "mentions"),
        ("Several studies have now shown that DNA methylation changes with age [9, 14, 33].", "[9, 14, 33]",
         "mentions"),
    ],
)
def test_type_relation_citation_contexts(sentence, marker, relation):
    start = sentence.index(marker)
    assert type_relation(sentence, start, start + len(marker)).relation == relation


def test_type_relation_result_is_frozen_with_confidence():
    result = _type("Our model outperforms BERT and RoBERTa on GLUE.", "RoBERTa")
    assert isinstance(result, RelationResult)
    assert 0.5 <= result.confidence <= 1.0
    with pytest.raises(AttributeError):
        result.relation = "mentions"  # type: ignore[misc]


def test_type_relation_explicit_cue_more_confident_than_fallback():
    strong = _type("Our model outperforms BERT on GLUE.", "BERT")
    weak = _type("In this work, we present a simple approach to compress large Transformer based models.",
                 "Transformer")
    assert strong.confidence > weak.confidence


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (10, 200), (4, 2)])
def test_type_relation_bad_span_raises_input_error(start, end):
    with pytest.raises(InputError, match="not inside the sentence"):
        type_relation("We fine-tune BERT.", start, end)


def test_type_relation_non_integer_span_raises_input_error():
    with pytest.raises(InputError, match="integer offsets"):
        type_relation("We fine-tune BERT.", 13.0, 17.0)  # type: ignore[arg-type]


def test_type_relation_runs_on_every_seed_sentence(seed_files):
    """Every capitalised token of every seed sentence gets a valid relation (no crash, valid labels)."""
    text = _seed_text(seed_files)
    spans = split_sentences(text)
    seen = set()
    for match in re.finditer(r"\b[A-Z][\w\-.]*[A-Z0-9][\w\-]*", text):
        lo, hi = sentence_at(spans, match.start())
        if match.end() > hi:
            continue
        result = type_relation(text[lo:hi], match.start() - lo, match.end() - lo)
        assert result.relation in ("builds_on", "compares_to", "mentions")
        seen.add(result.relation)
    assert seen == {"builds_on", "compares_to", "mentions"}


# --- paper-level settling: analyses and surveys study the methods they discuss ---------------------------

from relwork.core.records import Paper  # noqa: E402
from relwork.linker import load_catalog  # noqa: E402
from relwork.linker.pipeline import link_corpus  # noqa: E402
from relwork.linker.relations import is_analysis_paper, settle_paper  # noqa: E402

_LORA_LIMITS = (
    "Computational Limits of Low-Rank Adaptation (LoRA) for Transformer-Based Models",
    "We study the computational limits of Low-Rank Adaptation (LoRA) update for finetuning transformer-based "
    "models using fine-grained complexity theory. Our key observation is that the existence of low-rank "
    "decompositions within the gradient computation of LoRA adaptation leads to possible algorithmic speedup.",
)
_HIERARCHICAL = (
    "Hierarchical Autoregressive Transformers: Combining Byte-~and Word-Level Processing for Robust, Adaptable "
    "Language Models",
    "To overcome these limitations, we investigate a hierarchical architecture for autoregressive language "
    "modelling that combines character-level and word-level processing. Additionally, during continued "
    "pretraining on an out-of-domain language, our model trains almost twice as fast.",
)


@pytest.mark.parametrize(
    "title, abstract, introduces_method, expected",
    [
        (*_LORA_LIMITS, False, True),
        ("Small-scale proxies for large-scale Transformer training instabilities", "", False, True),
        ("A Review of Bangla Natural Language Processing Tasks and the Utility of Transformer Models", "", False, True),
        ("Can bidirectional encoder become the ultimate winner for downstream applications of foundation models?",
         "This article analyzes one-way and bidirectional models based on GPT and BERT.", False, True),
        # a method paper: 'our model', or a name of its own
        (*_HIERARCHICAL, False, False),
        ("Retrieval Head Mechanistically Explains Long-Context Factuality", "", True, False),
        # 'Understanding' inside a task name is no analysis
        ("Fine-tuning Transformer-based Encoder for Turkish Language Understanding Tasks", "", False, False),
        # a title about the effect of something on a method studies it (arXiv 1903.07288)
        ("Effects of padding on LSTMs and CNNs", "", False, True),
        ("Effects of padding on LSTMs and CNNs", "We propose a new padding scheme.", False, False),
    ],
)
def test_is_analysis_paper_seed_titles(title, abstract, introduces_method, expected):
    assert is_analysis_paper(title, abstract, introduces_method) is expected


def test_settle_paper_analysis_lowers_builds_on_and_keeps_cue():
    catalog = load_catalog()
    (linked,) = link_corpus([Paper.create(*_LORA_LIMITS)], catalog)  # the pipeline settles every paper
    # 'finetuning transformer-based models', 'Our ... LoRA' read as use sentence by sentence, then lowered
    assert {l.method for l in linked.links if l.cue.startswith("analysis: ")} >= {"LoRA", "Transformer"}
    assert all(l.relation != "builds_on" for l in linked.links)
    assert {l.cue for l in linked.links if l.cue.startswith("analysis")}
    again = [(l.relation, l.cue) for l in linked.links]
    settle_paper(linked)
    assert [(l.relation, l.cue) for l in linked.links] == again  # idempotent


def test_settle_paper_method_paper_unchanged():
    catalog = load_catalog()
    (linked,) = link_corpus([Paper.create(*_HIERARCHICAL)], catalog)
    before = [(l.method, l.relation, l.cue) for l in linked.links]
    settle_paper(linked)
    assert [(l.method, l.relation, l.cue) for l in linked.links] == before


def _typed(sentence: str, surface: str):
    start = sentence.index(surface)
    return type_relation(sentence, start, start + len(surface))


@pytest.mark.parametrize(
    "surface",
    ["Naive Bayes", "Random Forests", "DistilBERT", "PubMedBERT", "T5"],
)
def test_type_relation_methods_compared_among_themselves_are_used(surface):
    # held-out seed "Comparison of biomedical relationship extraction methods and models ..."
    sentence = ("In this paper, we present and compare few rule-based and machine learning-based (Naive Bayes, "
                "Random Forests as examples of traditional machine learning methods and DistilBERT, PubMedBERT, T5 "
                "and SciFive-based models as examples of modern deep learning transformers) methods for scalable "
                "relationship extraction from biomedical literature.")
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", "compare (among)")


@pytest.mark.parametrize(
    "sentence, surface, relation",
    [
        # compared with the paper's own model: still a comparison
        ("We compare BERT with our proposed model on three benchmarks.", "BERT", "compares_to"),
        ("We compare our model with BERT and RoBERTa.", "RoBERTa", "compares_to"),
    ],
)
def test_type_relation_compare_with_own_model_stays_comparison(sentence, surface, relation):
    assert _typed(sentence, surface).relation == relation


@pytest.mark.parametrize(
    "sentence, surface, cue",
    [
        # held-out seeds (Hopping Too Late; a video model paper), dev seed (Long Range Arena)
        ("Overall our methods and findings open further opportunities for understanding and improving latent "
         "reasoning in transformer-based LLMs.", "transformer", "opportunities for understanding and improving"),
        ("Finally, to further efficiently handle long sequences, we explore an alternative temporal modeling "
         "architecture based on state space model to replace the original computation-consuming temporal "
         "Transformer.", "Transformer", "replace the original"),
        ("LRA paves the way towards better understanding this class of efficient Transformer models.",
         "Transformer", "paves the way towards"),
        # held-out seed: a participle before the name does not make a claim about the field the paper's use
        ("Pre-trained Transformer models such as BERT have shown great success in a wide range of applications.",
         "BERT", "have shown"),
    ],
)
def test_type_relation_outlook_replacement_and_field_claims_are_mentions(sentence, surface, cue):
    result = _typed(sentence, surface)
    assert (result.relation, result.cue) == ("mentions", cue)


def test_type_relation_own_field_claim_stays_own():
    result = _typed("Our BERT-based models have achieved the best scores.", "BERT")
    assert result.relation == "builds_on"


def test_settle_paper_carried_subject_builds_on():
    # held-out seed: BART. 'It' continues the previous sentence, about BART, the paper's own name
    catalog = load_catalog()
    paper = Paper.create(
        "BART: Denoising Sequence-to-Sequence Pre-training for Natural Language Generation, Translation, and "
        "Comprehension",
        "We present BART, a denoising autoencoder for pretraining sequence-to-sequence models. BART is trained by (1) "
        "corrupting text with an arbitrary noising function, and (2) learning a model to reconstruct the original "
        "text. It uses a standard Tranformer-based neural machine translation architecture which, despite its simplicity, can be seen as "
        "generalizing BERT.",
    )
    (linked,) = link_corpus([paper], catalog)
    settle_paper(linked)
    transformer = [l for l in linked.links if l.method == "Transformer"]
    assert [(l.relation, l.cue) for l in transformer] == [("builds_on", "uses (carried subject)")]


def test_settle_paper_carried_subject_needs_own_voice_before():
    catalog = load_catalog()
    paper = Paper.create(
        "A study of machine translation",
        "Machine translation has a long history. It uses a standard Transformer-based architecture in most "
        "systems.",
    )
    (linked,) = link_corpus([paper], catalog)
    settle_paper(linked)
    assert all(l.relation == "mentions" for l in linked.links if l.method == "Transformer")


@pytest.mark.parametrize(
    "abstract, relation",
    [
        # after the proposal, an uncued mention in a sentence about no one else's work describes the system
        ("We propose a method for seizure detection from EEG. These bands then form a feature set that feeds "
         "into an LSTM which discerns at each time point probability distributions.", "builds_on"),
        # before the proposal, or in a comparison, or about others' work, it stays a mention
        ("An LSTM which discerns probability distributions is common. We propose a method for seizure "
         "detection from EEG.", "mentions"),
        ("We propose a method for seizure detection. The result is at the level of an LSTM with attention.",
         "mentions"),
        ("We propose a method for seizure detection. Previous work feeds these bands into an LSTM.", "mentions"),
        # a use verb whose subject was unknown, after a sentence in the paper's voice (arXiv 1811.02480)
        ("Contrary to most previous studies, we use an already available face landmark detector. The landmarks "
         "are used by LSTM-based models to generate time-frequency masks.", "builds_on"),
    ],
)
def test_settle_paper_method_description_after_proposal(abstract, relation):
    (linked,) = link_corpus([Paper.create("Untitled study", abstract)], load_catalog())
    assert {l.relation for l in linked.links if l.method == "LSTM"} == {relation}


def test_candidate_cues_cover_every_cue_match(seed_files):
    """The key-word prefilter never drops a cue whose pattern matches: every match on the seed abstracts
    holds its cue's keys by itself (word starts and ends included), and a cue left out of the candidates
    finds nothing."""
    from relwork.linker.relations import _PRE_CUES, _candidate_cues

    text = _seed_text(seed_files)
    checked = 0
    for lo, hi in split_sentences(text):
        sentence = text[lo:hi]
        candidates = _candidate_cues(sentence.lower())
        for index, cue in enumerate(_PRE_CUES):
            matches = list(cue.pattern.finditer(sentence))
            if cue.keys:
                for match in matches:
                    assert index in _candidate_cues(match.group(0).lower()), (index, match.group(0))
            if index not in candidates:
                assert not matches, (index, sentence)
            checked += len(matches)
    assert checked > 100


@pytest.mark.parametrize(
    ("text", "selected"),
    [
        ("we thus focus on various models such as", False),  # 'us' inside words is no use of a method
        ("we use models such as", True),
        ("results in this paper are reported in", False),  # 'in' alone is no "as in [3]"
        ("the protocol was performed as in", True),
        ("moreover, however", False),
    ],
)
def test_candidate_cues_keys_are_whole_words(text, selected):
    """Short keys count only where a match can start or end: 'us' inside "thus" or "focus", "in" without "as"
    before it and "over" inside "moreover" run no cue pattern."""
    from relwork.linker.relations import _PRE_CUES, _candidate_cues

    runnable = {index for index in _candidate_cues(text) if _PRE_CUES[index].keys}
    matching = {index for index, cue in enumerate(_PRE_CUES) if cue.keys and cue.pattern.search(text)}
    assert matching <= runnable
    assert bool(runnable) == selected


@pytest.mark.parametrize(
    ("text", "runs_all"),
    [("Unlike BERT, we ...", False), ("It \u017furpa\u017f\u017fes BERT", True), ("We fine-tune BERT", False)],
)
def test_candidate_cues_non_ascii_runs_all(text, runs_all):
    """Text that stays non-ASCII when lower-cased runs every cue: case-insensitive matching takes the long s
    for an 's', so 'surpasses' written with it is still a cue."""
    from relwork.linker.relations import _PRE_CUES, _candidate_cues

    candidates = _candidate_cues(text.lower())
    assert (len(candidates) == len(_PRE_CUES)) == runs_all
    start = text.index("BERT")
    assert (type_relation(text, start, start + 4).relation == "compares_to") == runs_all


# Background sentences of unlabelled arXiv abstracts (arxiv-amds123, not in any gold set) where the first
# pass read a participle or a third party's verb as the paper's own use.
@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # a field-level claim whose subject list or appositive holds the method
        ("Deep pre-training and fine-tuning models (like BERT, OpenAI GPT) have demonstrated excellent results "
         "in question answering areas.", "BERT", "have demonstrated"),
        ("Parallel deep learning architectures like fine-tuned BERT and MT-DNN, have quickly become the state of "
         "the art, bypassing previous deep and shallow learning methods by a large margin.", "BERT", "have quickly become"),
        ("Pre-training and fine-tuning, e.g., BERT, have achieved great success in language understanding by "
         "transferring knowledge from rich-resource pre-training task to the low/zero-resource downstream tasks.",
         "BERT", "have achieved"),
        ("BERT, a pre-trained Transformer model, has achieved ground-breaking performance on multiple NLP tasks.",
         "Transformer", "has achieved"),
        # the subject names the field or third parties
        ("The dominant approaches for named entity recognition (NER) mostly adopt complex recurrent neural "
         "networks (RNN), e.g., long-short-term-memory (LSTM).", "LSTM", "adopt"),
        ("However, for downstream computer vision tasks such as image captioning, image segmentation etc., the "
         "current deep learning systems use an image classifier like VGG16, ResNet50, Inception-v3 etc. as a "
         "feature extractor.", "ResNet50", "use"),
        # a habitual passive
        ("LSTM networks are mainly used for sequence modeling.", "LSTM", "used"),
    ],
)
def test_type_relation_background_subjects_are_mentions(sentence, surface, cue):
    result = _type(sentence, surface)
    assert result.relation == "mentions"
    assert result.cue == cue


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Pre-trained VGG19 network is used to extract features which are then followed by bagged decision tree "
         "for features selection.", "VGG19"),
        ("A CNN was constructed based on the deep residual network (ResNet) architecture and trained on simulated "
         "images of star clusters.", "ResNet"),
        ("Our system is based on the self-attentional Transformer networks, into which we integrated the most "
         "recent effective strategies from academic research.", "Transformer"),
    ],
)
def test_type_relation_own_procedure_in_passive_still_builds_on(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


@pytest.mark.parametrize(
    "text, own, found",
    [
        ("We build LATTE on top of BERT", ("latte",), "latte"),
        ("the latter is slower than latte2", ("latte",), None),  # whole words only
        ("the latter is slower than LATTE-2", ("latte",), "latte"),  # '-' ends a word
        ("He and HE agree", ("he",), "he"),
        ("our S-Mamba and Simple-Mamba (S-Mamba)", ("simple-mamba", "s-mamba"), "s-mamba"),
        ("Simple-Mamba models", ("simple", "simple-mamba"), "simple-mamba"),  # the longest at the leftmost place
        ("we extend ÉLAN and LATTE", ("élan", "latte"), "élan"),  # non-ASCII: the pattern path
        ("x_latte latte_ latte", ("latte",), "latte"),
        ("nothing here", ("", "latte"), None),
    ],
)
def test_own_in_finds_the_leftmost_whole_word_own_name(text, own, found):
    """The str.find scan for the paper's own names answers as the whole-word, case-blind pattern does."""
    from relwork.linker.relations import _own_in, _own_regex

    assert _own_in(text, own) == found
    pattern = _own_regex(tuple(own))
    match = pattern.search(text) if pattern else None
    assert (match.group(0).lower() if match else None) == found


def test_end_anchored_patterns_searched_from_the_last_words_find_what_search_finds():
    """The end-anchored subject patterns, searched only over the last few words, give ``search``'s match
    on every prefix (ending after a word or a space) of the seed abstracts and on whitespace corner cases;
    ``_tail_words`` gives the last words with their spacing."""
    from pathlib import Path

    from relwork.linker import relations as r
    from relwork.loaders import load_papers

    seeds = sorted((Path(__file__).resolve().parent.parent / "examples" / "hf-papers").glob("*.txt"))
    abstracts = [p.abstract for p in load_papers(seeds).papers][:12]
    abstracts += ["It has\u00a0also been\nwidely\t", "the other proposed  X-Net   BERT \n", "was first computed\n", "we show that the "]
    patterns = [(r._PERFECT, 4), (r._HABITUAL_END, 1), (r._PASSIVE_BEFORE, 3), (r._PAST_PASSIVE_END, 3),
                (r._OWN_DETERMINER, 5), (r._REPORT_VERB_END, 3)]
    for text in abstracts:
        for cut in [i for i, c in enumerate(text) if c.isspace()] + [len(text)]:
            for prefix in (text[:cut], text[: cut + 1]):
                for pattern, words in patterns:
                    full, tail = pattern.search(prefix), r._search_end(pattern, prefix, words)
                    assert (full and (full.span(), full.groupdict())) == (tail and (tail.span(), tail.groupdict()))
                parts = list(re.finditer(r"\S+", prefix))
                assert r._tail_words(prefix, 3) == (prefix if len(parts) <= 3 else prefix[parts[-3].start() :])


def test_word_prefilters_hold_for_every_match():
    """Every match of the survey and finding-agreement patterns holds one of the words their cheap
    prefilter looks for: on the seed abstracts and on one phrase per alternative of the patterns."""
    from pathlib import Path

    from relwork.linker import relations as r
    from relwork.loaders import load_papers

    seeds = sorted((Path(__file__).resolve().parent.parent / "examples" / "hf-papers").glob("*.txt"))
    texts = [p.abstract for p in load_papers(seeds).papers]
    texts += [
        "Surveys, a Review, an OVERVIEW, a taxonomy, we categorize, summarised and discussed",
        "consistent; in line with; IN agreement; in accordance; in keeping; in conformity; compatible; agreed; "
        "disagrees; comparable to; similar findings; contrary; in contrast; contradicts; supporting; confirmed; "
        "corroborates; resembles; coincides; differs from; opposite results; as also reported; as previously "
        "observed; as also found; as also shown; as previously described; lower than those; higher than what",
    ]
    hits = 0
    for text in texts:
        for pattern, words in ((r._SURVEY, r._SURVEY_HOLD), (r._FINDING_AGREEMENT, r._AGREEMENT_HOLD)):
            for match in pattern.finditer(text):
                hits += 1
                assert r._may_hold(match.group(0), words), match.group(0)
    assert hits >= 35
    # the role phrases after a mention ('X is used as', 'X as a baseline', 'X and Y were compared')
    after = [
        " was outperformed by", " were surpassed", " is beaten", " are exceeded", " was outpaced", " were compared with",
        " are benchmarked", " were evaluated as baselines", ", a strong baseline", " serves as the baseline",
        " models are then used", " was utilised", " is employed", " is adopted", " is leveraged", " is applied",
        " is fine tuned", " is finetuned", " is extended", " is adapted", " is modified", " is chosen", " is selected",
        " is pre-trained", " is initialized", " is incorporated", " is integrated", " is exploited", " is implemented",
        " is taken", " is combined", " is distiled", " is deployed", " is plugged", " is augmented",
        " serves as the backbone", " acts as a teacher", " as reward model", " and others were contrasted with",
        " (FCN8s) to compare against the proposed DSNet",
    ]
    after += [a[i:] for a in texts[:40] for i in range(len(a)) if a[i].isspace()]
    groups = (*r._POST_CUE_WORDS, r._FAR_PASSIVE_WORDS)  # what _post_cue's one automaton pass looks for

    def present(text: str) -> set[int]:
        return r._POST_WORD_GROUPS.present(text.lower()) if text.isascii() else set(range(len(groups)))

    matched = set()
    for text in after:
        low = text.lower()
        # one pass finds the same groups as a substring test per word
        assert r._POST_WORD_GROUPS.present(low) == {i for i, g in enumerate(groups) if any(w in low for w in g)}
        for index, (_, _, pattern) in enumerate(r._POST_CUES):
            if pattern.match(text):
                matched.add(index)
                assert index in present(pattern.match(text).group(0)), text
        if r._FAR_PASSIVE_COMPARE.search(text):
            assert len(r._POST_CUES) in present(r._FAR_PASSIVE_COMPARE.search(text).group(0)), text
    assert matched == set(range(len(r._POST_CUES)))
    assert not r._may_hold("We fine-tune BERT on GLUE.", r._SURVEY_HOLD)
    assert r._may_hold("a \u017furvey", r._SURVEY_HOLD)  # non-ASCII text is never ruled out
