"""Sentence splitting on real seed abstracts (abbreviations, decimals, URLs) and offset look-up."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES

from relwork.core.errors import InputError
from relwork.linker.sentences import sentence_at, sentence_index, split_sentences
from relwork.loaders import iter_papers


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


# Real abstract from examples/hf-papers (MiniLM), with "e.g.", "et al.," and "i.e." inside sentences.
MINILM = (
    "Pre-trained language models (e.g., BERT (Devlin et al., 2018) and its variants) have achieved remarkable "
    "success in varieties of NLP tasks. However, these models usually consist of hundreds of millions of "
    "parameters which brings challenges for fine-tuning and online serving in real-life applications due to "
    "latency and capacity constraints. In this work, we present a simple and effective approach to compress "
    "large Transformer (Vaswani et al., 2017) based pre-trained models, termed as deep self-attention "
    "distillation. Furthermore, we introduce the scaled dot-product between values in the self-attention "
    "module as the new deep self-attention knowledge, in addition to the attention distributions (i.e., the "
    "scaled dot-product of queries and keys) that have been used in existing works."
)


def test_split_sentences_real_abstract_with_abbreviations():
    sentences = _sentences(MINILM)
    assert len(sentences) == 4
    assert sentences[0].startswith("Pre-trained language models (e.g., BERT (Devlin et al., 2018)")
    assert sentences[0].endswith("NLP tasks.")
    assert sentences[2].endswith("termed as deep self-attention distillation.")
    assert "(i.e., the scaled dot-product" in sentences[3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seed: "Vaswani et al. introduced" is one sentence
        ("Recurrent neural networks are effective models to process sequences. As a solution, Vaswani et al. "
         "introduced the Transformer, a model solely based on the attention mechanism.",
         ["Recurrent neural networks are effective models to process sequences.",
          "As a solution, Vaswani et al. introduced the Transformer, a model solely based on the attention "
          "mechanism."]),
        # seed: decimals with a unit ("2.6x", "8.33x") and a version with a hyphen ("FlashAttention-2")
        ("We extend the stream-K style reduction to self-attention, resulting in an average of 2.6x attention "
         "execution speedup over FlashAttention-2 and up to 8.33x speedup for 512k context lengths. Our "
         "kernel is open source.",
         ["We extend the stream-K style reduction to self-attention, resulting in an average of 2.6x attention "
          "execution speedup over FlashAttention-2 and up to 8.33x speedup for 512k context lengths.",
          "Our kernel is open source."]),
        # seed: a URL ends the abstract, its dots never split
        ("Results show the approach is effective. Code is available at https://github.com/rayleizhu/BiFormer.",
         ["Results show the approach is effective.",
          "Code is available at https://github.com/rayleizhu/BiFormer."]),
        # seed: "e.g." followed by a lower-case word, and "etc." inside parentheses
        ("The output is not degenerate (e.g. empty, repetitive, etc.). We also introduce two techniques.",
         ["The output is not degenerate (e.g. empty, repetitive, etc.).", "We also introduce two techniques."]),
        # seed: a period glued to the next sentence ("adoption.In this paper")
        ("This stark disparity raise concerns and hinder their widespread adoption.In this paper, we focus on "
         "integer multiplication.",
         ["This stark disparity raise concerns and hinder their widespread adoption.",
          "In this paper, we focus on integer multiplication."]),
        # version numbers, GPT-3.5, Llama 2.7B, Fig., vs., No. and initials
        ("We compare GPT-3.5 vs. Llama 2.7B (see Fig. 3 and Tab. 2) using toolkit v2.1. J. Smith helped. "
         "It runs 3.5x faster than No. 4.",
         ["We compare GPT-3.5 vs. Llama 2.7B (see Fig. 3 and Tab. 2) using toolkit v2.1.", "J. Smith helped.",
          "It runs 3.5x faster than No. 4."]),
        # question and exclamation marks, closing quotes
        ('Can transformers count? We test "GPT-4." It fails! Results follow.',
         ["Can transformers count?", 'We test "GPT-4."', "It fails!", "Results follow."]),
        # arXiv 1908.10425: "Mt." is an abbreviation (the sentence had started at "St. Helens,")
        ("We took a custom camera rig to Igloo Cave at Mt. St. Helens to test our theory. We extracted features "
         "from short video clips taken inside Igloo Cave at Mt. St. Helens, using three popular feature extractors "
         "(FAST, SIFT, and SURF).",
         ["We took a custom camera rig to Igloo Cave at Mt. St. Helens to test our theory.",
          "We extracted features from short video clips taken inside Igloo Cave at Mt. St. Helens, using three "
          "popular feature extractors (FAST, SIFT, and SURF)."]),
        # arXiv 1904.08771: an abbreviation written in capitals is an acronym ending a sentence ("in MS.")
        ("The model uses established conventional and advanced MRI markers in MS. We conclude that LRP and the "
         "proposed framework have the capability to make diagnostic decisions.",
         ["The model uses established conventional and advanced MRI markers in MS.",
          "We conclude that LRP and the proposed framework have the capability to make diagnostic decisions."]),
        # arXiv 1904.02877: a list number after a sentence end starts the item; "as high as 4." ends one
        ("It is up to 5,000x faster compared to prior work. 2. Hardware-efficient ImageNet classification: "
         "Single-Path NAS achieves 74.96% top-1 accuracy on ImageNet. The ratio is as high as 4. Furthermore, "
         "it is open source.",
         ["It is up to 5,000x faster compared to prior work.",
          "2. Hardware-efficient ImageNet classification: Single-Path NAS achieves 74.96% top-1 accuracy on "
          "ImageNet.", "The ratio is as high as 4.", "Furthermore, it is open source."]),
        # "i.e." and "U.S." are not ends; a blank line always is
        ("Models trained in the U.S. and elsewhere, i.e. Europe, agree\n\nA new paragraph starts here.",
         ["Models trained in the U.S. and elsewhere, i.e. Europe, agree", "A new paragraph starts here."]),
    ],
)
def test_split_sentences_boundaries(text, expected):
    assert _sentences(text) == expected


def test_split_sentences_spans_cover_text_without_whitespace(seed_files):
    text = seed_files[0].read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert spans == sorted(spans)
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(not text[start].isspace() and not text[end - 1].isspace() for start, end in spans)


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_split_sentences_empty_text(text):
    assert split_sentences(text) == []


def test_split_sentences_rejects_non_string():
    with pytest.raises(InputError, match="expects a string"):
        split_sentences(None)  # type: ignore[arg-type]


def test_sentence_at_maps_offsets_to_sentences():
    spans = split_sentences(MINILM)
    offset = MINILM.index("Vaswani")
    start, end = sentence_at(spans, offset)
    assert MINILM[start:end].startswith("In this work, we present")
    # whitespace between two sentences belongs to the sentence before it
    gap = MINILM.index(" However,")
    assert sentence_index(spans, gap) == 0
    assert sentence_index(spans, 0) == 0
    assert sentence_index(spans, len(MINILM)) == len(spans) - 1


@pytest.mark.parametrize(("spans", "offset"), [([], 0), ([(5, 10)], 2), ([(0, 10)], 11)])
def test_sentence_index_out_of_range_raises_input_error(spans, offset):
    with pytest.raises(InputError):
        sentence_index(spans, offset)


@pytest.mark.parametrize(
    "text",
    [
        MINILM,
        "Works well. Really? Yes! \"Quoted.\" (Bracketed.) Next.",
        "adoption.In this paper, see arxiv.org/abs.X and www.site.com.Then more. U.S. Army. Fig. 3 shows it.",
        "Dots... Many. a.. B. x.'.' Y. etc. We go. v2.1 and GPT-3.5. Done.",
        "",
        ".",
        "No period at all",
    ],
)
def test_matches_at_periods_equals_full_scan(text):
    from relwork.linker.sentences import _BOUNDARY, _GLUED, _matches_at_periods

    for pattern in (_BOUNDARY, _GLUED):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches_at_periods(pattern, text, every="!" in text or "?" in text)] == expected
        assert [m.span() for m in _matches_at_periods(pattern, text, every=True)] == expected


def test_split_sentences_until_gives_the_leading_sentences_of_the_full_split():
    """``until`` stops at the first sentence end after that offset: the spans are the full split's first ones,
    up to and including the sentence holding the offset, on every seed abstract and at every offset."""
    abstracts = [p.abstract for path in SEED_FILES for p in iter_papers(path)] + [MINILM]
    for text in abstracts:
        full = split_sentences(text)
        for offset in range(0, len(text), 3):
            part = split_sentences(text, until=offset)
            assert part == full[: len(part)]
            if text[offset].strip():
                assert sentence_index(full, offset) < len(part)
    assert split_sentences(MINILM, until=0) == split_sentences(MINILM)[:1]


def test_split_sentences_cuts_an_endless_sentence_into_bounded_pieces():
    """A 'sentence' of thousands of names (hostile or broken input) is cut at spaces into pieces of at most
    MAX_SENTENCE characters, so that typing each mention against its sentence stays linear; every character
    is still covered once."""
    from relwork.linker.sentences import MAX_SENTENCE

    text = "We compare " + "BERT, " * 3000 + "and GPT-2. Our model outperforms them."
    spans = split_sentences(text)
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    covered = "".join(text[s:e] for s, e in spans).replace(" ", "")
    assert covered == text.replace(" ", "")
    assert text[spans[-1][0]:spans[-1][1]] == "Our model outperforms them."
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    assert split_sentences(text, until=20) == spans[:-1]  # the pieces of the first sentence


def test_link_of_a_sentence_with_thousands_of_mentions_types_every_mention():
    """The pieces still type their mentions: each of 3,000 'BERT' mentions of one endless sentence is linked."""
    from relwork.core.records import Paper
    from relwork.linker import Linker, load_catalog

    abstract = "We compare " + "BERT, " * 3000 + "and GPT-2."
    linked = Linker(load_catalog()).link(Paper.create(title="A list", abstract=abstract))
    bert = [link for link in linked.links if link.method == "BERT"]
    assert len(bert) == 3000
    assert all(abstract[link.start:link.end] == "BERT" for link in bert)


# Sentences of three arXiv abstracts (1905.08957, 1908.10678, 1808.09648) that name "Yahoo! Answers"
YAHOO = [
    ("The questions were asked by real users in a community question answering service, i.e., Yahoo! Answers. "
     "Relevance judgments for all the answers to each question were collected through crowdsourcing.",
     "The questions were asked by real users in a community question answering service, i.e., Yahoo! Answers."),
    ("As a medium to relieve this burden, online communities in social media websites such as Twitter, Reddit, "
     "and Yahoo! Answers provide potential venues for caregivers to search relevant questions and answers. "
     "However, there are often a limited number of relevant answers.",
     "As a medium to relieve this burden, online communities in social media websites such as Twitter, Reddit, "
     "and Yahoo! Answers provide potential venues for caregivers to search relevant questions and answers."),
    ("Our model significantly outperforms the text-only and VQA model baselines for both tasks on real-world CQA "
     "data from Yahoo! Chiebukuro, a Japanese counterpart of Yahoo! Answers.",
     "Chiebukuro, a Japanese counterpart of Yahoo! Answers."),  # "Yahoo! Chiebukuro" is not catalogued: a cut
]


def test_split_sentences_never_ends_a_sentence_inside_an_unbroken_span():
    """A cut that falls strictly inside an ``unbroken`` span is dropped (also for ``until``); without the span the
    splitter still ends a sentence after "Yahoo!"."""
    text = YAHOO[0][0]
    at = text.index("Yahoo! Answers")
    name = [(at, at + len("Yahoo! Answers"))]
    assert text[slice(*split_sentences(text)[0])].endswith("i.e., Yahoo!")
    spans = split_sentences(text, unbroken=name)
    assert [text[s:e] for s, e in spans] == [YAHOO[0][1], text[len(YAHOO[0][1]) + 1:]]
    assert split_sentences(text, until=at, unbroken=name) == spans[:1]


@pytest.mark.parametrize("abstract, sentence", YAHOO)
def test_link_evidence_of_a_catalogued_name_with_an_exclamation_mark_holds_the_name(abstract, sentence, seed_catalog):
    """The linker never ends a sentence inside a catalogued surface: the evidence of "Yahoo! Answers" is its
    whole sentence, which contains the surface, and the relation is typed from that sentence."""
    from relwork.core.records import Paper
    from relwork.linker import Linker

    linked = Linker(seed_catalog).link(Paper.create(title="A study", abstract=abstract))
    yahoo = [link for link in linked.links if link.surface == "Yahoo! Answers"]
    assert yahoo and all(link.evidence == sentence for link in yahoo)
    assert all(link.surface in link.evidence for link in linked.links)
