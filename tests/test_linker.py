"""The linking pipeline on seed papers: typed links, introduced names, corpus names, fallbacks, batches."""

from __future__ import annotations

import io
import json
import pickle

import pytest

from relwork.core.records import LinkedPaper, Paper
from relwork.linker import Linker, link_batch, link_corpus, link_papers
from relwork.linker.fuzzy import FuzzyIndex
from relwork.linker.pipeline import corpus_linkable, linked_dict
from relwork.linker.uncatalogued import find_uncatalogued, is_method_like

from conftest import SEED_FILES


@pytest.fixture(scope="module")
def linked_seeds(seeds, catalog):
    return {p.paper.title: p for p in link_corpus(seeds, catalog)}


def by_title(linked_seeds, prefix: str) -> LinkedPaper:
    return next(p for title, p in linked_seeds.items() if title.startswith(prefix))


def relations(paper: LinkedPaper) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for link in paper.links:
        out.setdefault(link.method, set()).add(link.relation)
    return out


def test_link_colbert_paper(linked_seeds):
    paper = by_title(linked_seeds, "ColBERT: Efficient")
    assert [i.name for i in paper.introduces] == ["ColBERT"]
    rel = relations(paper)
    assert "ColBERT" not in rel  # a paper never links to what it introduces
    assert "builds_on" in rel["BERT"]


def test_link_fields_offsets_evidence(linked_seeds):
    paper = by_title(linked_seeds, "ColBERT: Efficient")
    for link in paper.links:
        text = paper.paper.title if link.field == "title" else paper.paper.abstract
        assert text[link.start : link.end] == link.surface
        assert link.surface in link.evidence
        assert link.relation in ("builds_on", "compares_to", "mentions")
        assert 0 < link.confidence <= 1


def test_link_fuzzy_misspelling_in_bart_abstract(linked_seeds):
    paper = by_title(linked_seeds, "BART: Denoising")
    fuzzy = [link for link in paper.links if link.surface == "Tranformer"]
    assert [(link.method, link.field) for link in fuzzy] == [("Transformer", "abstract")]
    assert fuzzy[0].confidence < 1


@pytest.mark.parametrize(
    "word, name",
    [("Tranformer", "Transformer"), ("Longfromer", None), ("Longfomer", "Longformer"), ("transformed", None),
     ("informed", None), ("performers", None), ("DistilmBERT", None)],
)
def test_fuzzy_guards(catalog, word, name):
    hit = FuzzyIndex(catalog).lookup(word) if word[1:].islower() else None
    assert (hit[0] if hit else None) == name


def test_fuzzy_skips_words_of_web_addresses(catalog):
    # the seeds' misspelling 'Tranformer' is found in prose, never inside a repository path
    index = FuzzyIndex(catalog)
    assert [m.name for m in index.find("We build on the Tranformer model.", [])] == ["Transformer"]
    assert index.find("Code is at https://github.com/foo/Tranformer today.", []) == []


def test_fuzzy_never_for_acronyms(catalog):
    index = FuzzyIndex(catalog)
    assert not index.eligible("BERT") and not index.eligible("GPT-4") and index.eligible("Transformer")
    assert index.find("We fine-tune BART and BERT.", []) == []


def test_link_corpus_introduced_names_link_across_papers(seeds, catalog):
    introducing = Paper.create(
        "IC-Mamba: Forecasting Social Media Engagement",
        "We present IC-Mamba, a novel state space model that forecasts social media engagement.",
    )
    citing = Paper.create(
        "A study of engagement models",
        "Our approach outperforms IC-Mamba on three datasets.",
    )
    first, second = link_corpus([introducing, citing], catalog)
    assert [i.name for i in first.introduces] == ["IC-Mamba"]
    assert all(link.method != "IC-Mamba" for link in first.links)
    assert [(l.method, l.relation) for l in second.links if l.method == "IC-Mamba"] == [("IC-Mamba", "compares_to")]


@pytest.mark.parametrize(
    "name, ok",
    [("ColBERT", True), ("IC-Mamba", True), ("M2-BERT", True), ("BT^2", True), ("ATLAS", False), ("SLAM", False),
     ("Flow", False), ("Informer", False), ("Policy Belief Learning", False), ("6-DOF", False), ("LiDAR", False),
     ("on GitHub", False), ("mBERT", True)],
)
def test_corpus_linkable(name, ok):
    assert corpus_linkable(name) is ok


def test_link_corpus_all_capitals_names_stay_local(catalog):
    introducing = Paper.create("ATLAS: Learning to Optimally Memorize the Context at Test Time",
                               "To enhance all these three aspects, we present ATLAS, a long-term memory module.")
    other = Paper.create("Particle physics", "We calibrate the ATLAS detector at the LHC.")
    first, second = link_corpus([introducing, other], catalog)
    assert [i.name for i in first.introduces] == ["ATLAS"]
    assert all(link.method != "ATLAS" for link in second.links)


def test_link_taught_alias_from_definition(catalog):
    paper = Paper.create(
        "A study",
        "We study Low-Rank Adaptation (LRA) for vision models. LRA is then applied to detection.",
    )
    # in the catalog LRA is the Long Range Arena; this paper's definition makes it LoRA here
    linked = Linker(catalog).link(paper)
    assert [l.method for l in linked.links if l.surface == "LRA"] == ["LoRA", "LoRA"]
    other = Linker(catalog).link(Paper.create("A study", "We evaluate on LRA and report accuracy."))
    assert [l.method for l in other.links] == ["Long Range Arena"]


@pytest.mark.parametrize(
    "abstract, expected",
    [
        # arXiv astro-ph (arxiv-kaggle-head200): the paper defines LAMDA as something else
        ("A computer program uses the Leiden Atomic and Molecular Database (LAMDA). LAMDA files are read.", []),
        ("We use Rotary Positional Encodings (RoPE) in every layer.",  # constructed, a variant long form
         [("RoPE", "Rotary Positional Encodings"), ("RoPE", "RoPE")]),
    ],
)
def test_link_paper_definitions_decide_acronyms(linker, abstract, expected):
    assert [(l.method, l.surface) for l in linker.link(Paper.create("A study", abstract)).links] == expected


def test_link_paper_definition_sharing_only_a_word_opening_is_foreign(linker):
    """arXiv 1905.10954: 'Transcribing' only opens like 'Transformer' (no shared stem), so the paper's own
    'Spotlight Transcribing Network (STN)' is not the catalog's Spatial Transformer Network."""
    paper = Paper.create(
        "Transcribing Content from Structural Images with Spotlight Mechanism",
        (
        'Transcribing content from structural images, e.g., writing notes from music scores, is a challenging'
        ' task as not only the content objects should be recognized, but the internal structure should also '
        'be preserved. Existing image recognition methods mainly work on images with simple content (e.g., '
        'text lines with characters), but are not capable to identify ones with more complex content (e.g., '
        'structured symbols), which often follow a fine-grained grammar. To this end, in this paper, we '
        'propose a hierarchical Spotlight Transcribing Network (STN) framework followed by a two-stage '
        '"where-to-what" solution. Specifically, we first decide "where-to-look" through a novel spotlight '
        'mechanism to focus on different areas of the original image following its structure. Then, we decide'
        ' "what-to-write" by developing a GRU based network with the spotlight areas for transcribing the '
        'content accordingly. Moreover, we propose two implementations on the basis of STN, i.e., STNM and '
        'STNR, where the spotlight movement follows the Markov property and Recurrent modeling, respectively.'
        ' We also design a reinforcement method to refine the framework by self-improving the spotlight '
        'mechanism. We conduct extensive experiments on many structural image datasets, where the results '
        'clearly demonstrate the effectiveness of STN framework.'
        ),
        arxiv_id="1905.10954",
        year=2019,
    )
    linked = linker.link(paper)
    assert [l.method for l in linked.links] == ["GRU"]
    assert "STN" in [i.name for i in linked.introduces]


@pytest.mark.parametrize(
    "arxiv_id, year, linked",
    [("1807.09956", None, False), (None, 2018, False), (None, 2024, True), (None, None, True)],
)
def test_link_drops_catalog_methods_younger_than_the_paper(linker, arxiv_id, year, linked):
    # arXiv 1807.09956: its own 'Pythia v0.1' (2018) is not the Pythia suite of 2023
    paper = Paper.create("Pythia v0.1: the Winning Entry to the VQA Challenge 2018",
                         "This document describes Pythia v0.1, the winning entry from Facebook AI Research (FAIR)'s "
                         "A-STAR team to the VQA Challenge 2018.", arxiv_id=arxiv_id, year=year)
    assert ("Pythia" in {link.method for link in linker.link(paper).links}) is linked


@pytest.mark.parametrize("arxiv_id, methods", [("1905.01634", {"LSTM"}), (None, {"xLSTM"})])
def test_a_name_too_young_for_the_paper_leaves_the_older_name_inside_it(linker, arxiv_id, methods):
    """arXiv 1905.01634 (2019): 'extended Long Short-Term Memory (LSTM)' is the 2024 xLSTM's long form, a homonym
    for this paper; dropped before overlaps are resolved, it leaves the LSTM inside it to link (as the tuning gold
    has it). An undated paper keeps the longer name."""
    paper = Paper.create(
        "Learning by Inertia: Self-supervised Monocular Visual Odometry for Road Vehicles",
        "Based on the recurrent convolutional neural network (RCNN) architecture, our method implicitly models the "
        "dynamics of road vehicles and the temporal consecutiveness by the extended Long Short-Term Memory (LSTM) "
        "block.",
        arxiv_id=arxiv_id,
    )
    assert {link.method for link in linker.link(paper).links} & {"LSTM", "xLSTM"} == methods


def test_link_uncatalogued_comparison(linker, monkeypatch):
    from relwork.linker import calibration

    monkeypatch.setattr(calibration, "ENABLED", False)  # the rule confidence, which an uncatalogued name halves
    paper = Paper.create(
        "Metric learning",
        "Our method outperforms PVTv2-B0, ResMLP and MegaNetX on ImageNet, and compares favourably with CNNs.",
    )
    links = linker.link(paper).links
    unc = [(l.method, l.kind) for l in links if l.kind == "uncatalogued"]
    assert ("MegaNetX", "uncatalogued") in unc
    assert all(l.method not in ("CNNs", "CNN") for l in links)
    assert all(l.confidence <= 0.5 for l in links if l.kind == "uncatalogued")


@pytest.mark.parametrize(
    "token, ok",
    [("MegaNetX", True), ("DeepTransformers", True), ("PVTv2", True), ("CNN", False), ("LLMs", False),
     ("PyTorch", False), ("MObile", False), ("Titans", False), ("MoE", False)],
)
def test_uncatalogued_name_shape(token, ok):
    assert is_method_like(token) is ok


@pytest.mark.parametrize(
    "text, names",
    [
        # seed abstract (VLMT): an acronym counts inside a list of models
        ("On WebQA, it attains a QA score of 47.6, surpassing prior models such as PERQA by +3.2", ["PERQA"]),
        ("We report metrics such as BLEU and ROUGE.", []),
        ("Our method, used with SuperNetX as a baseline, is faster.", ["SuperNetX"]),  # constructed
        ("Spin orbit coupling compared with AlGaN and ZnO layers", []),  # chemical formulas
    ],
)
def test_uncatalogued_contexts(text, names):
    assert [m.name for m in find_uncatalogued(text, [], set())] == names


def test_uncatalogued_skips_introduced_and_taken():
    text = "SlimFit outperforms MegaNetX and FooFormer."
    found = find_uncatalogued(text, [(31, 40)], {"slimfit", "megafoo"})
    assert [m.name for m in found] == ["MegaNetX"]


def test_link_papers_streams_same_as_batch_and_workers(seeds, catalog):
    sample = seeds[:40]
    serial = [linked_dict(p) for p in link_papers(sample, catalog)]
    batched = [linked_dict(p) for p in link_batch(catalog, sample)]
    parallel = [linked_dict(p) for p in link_papers(sample, catalog, workers=2, batch_size=7)]
    assert serial == batched == parallel


def test_iter_corpus_yields_link_corpus_records_lazily_in_order(seeds, catalog):
    from relwork.linker import iter_corpus

    sample = seeds[:60]
    expected = [linked_dict(p) for p in link_corpus(sample, catalog)]
    stream = iter_corpus(sample, catalog, workers=2)
    first = next(stream)  # a generator: records come out before the whole corpus is linked
    assert [linked_dict(first)] + [linked_dict(p) for p in stream] == expected
    assert [linked_dict(p) for p in iter_corpus(sample, catalog)] == expected


def _link_files_text(paths, catalog, **options):
    from relwork.linker.pipeline import link_files

    out = io.StringIO()
    summary = link_files(paths, out, catalog=catalog, **options)
    return out.getvalue(), summary.to_dict()


def test_dumps_writes_the_linked_dict_record_byte_for_byte(catalog):
    """``_dumps`` hands the Link / Introduced / Source records to orjson as they are: the bytes equal those of
    ``linked_dict``'s plain copies (same keys, same order) on the seed papers, introduced aliases included."""
    import orjson

    from relwork.linker.pipeline import _dumps
    from relwork.loaders import iter_papers

    papers = [p for path in SEED_FILES for p in iter_papers(path)]
    linked = link_corpus(papers, catalog)
    assert any(l.links for l in linked) and any(i.aliases for l in linked for i in l.introduces)
    for record in linked:
        assert _dumps(record) == orjson.dumps(linked_dict(record))


def test_link_files_same_output_for_workers_and_batches(catalog):
    """The spooled two-pass run equals linking the same papers in memory, for any workers / batch size."""
    from relwork.linker.pipeline import _dumps
    from relwork.loaders import iter_papers

    papers = [p for path in SEED_FILES for p in iter_papers(path)]
    expected = "".join(_dumps(linked).decode() + "\n" for linked in link_corpus(papers, catalog))
    serial, summary = _link_files_text(SEED_FILES, catalog)
    assert serial == expected
    assert summary["papers"] == len(papers) == 231 and summary["corpus_names"] > 0
    # 231 papers: with 5 a batch the last batch holds one paper, and the last two batches go to the two
    # workers in halves (one of them empty)
    for options in ({"batch_size": 3}, {"workers": 2, "batch_size": 7}, {"workers": 2, "batch_size": 5}):
        assert _link_files_text(SEED_FILES, catalog, **options) == (serial, summary)


def test_link_files_json_array_same_for_workers_and_batches(catalog):
    """Batches come back from the workers as one joined string each: the array's separators between
    batches must be those within them."""
    array, _ = _link_files_text(SEED_FILES, catalog, output_format="json")
    for options in ({"batch_size": 3}, {"workers": 2, "batch_size": 7}, {"workers": 2, "batch_size": 5}):
        assert _link_files_text(SEED_FILES, catalog, output_format="json", **options)[0] == array
    lines, _ = _link_files_text(SEED_FILES, catalog, batch_size=5)
    assert json.loads(array) == [json.loads(line) for line in lines.splitlines()]


def test_link_files_workers_report_skipped_records(tmp_path, catalog):
    path = tmp_path / "papers.jsonl"
    good = {"title": "ColBERT: Efficient Passage Search", "abstract": "We adapt BERT to retrieval."}
    path.write_text(json.dumps(good) + "\n" + "{oops\n" + json.dumps({"id": 3}) + "\n" + json.dumps(good) + "\n")
    one = _link_files_text([path], catalog)
    two = _link_files_text([path], catalog, workers=2, batch_size=1)
    assert one == two
    text, summary = two
    assert summary["papers"] == 2 and len(text.splitlines()) == 2
    assert [s.split(":")[1] for s in summary["skipped"]] == ["2", "3"]


def test_ordered_map_keeps_order_and_bounds_reading_ahead():
    import multiprocessing

    from relwork.core.workers import worker_pool
    from relwork.linker.pipeline import _ordered_map

    pulled = []

    def batches():
        for i in range(20):
            pulled.append(i)
            yield [0] * i

    with worker_pool(2, multiprocessing.get_context()) as pool:
        results = []
        for result in _ordered_map(pool, len, batches(), 3):
            assert len(pulled) - len(results) <= 3  # never more than the window ahead of the consumer
            results.append(result)
    assert results == list(range(20))


def test_linked_dict_equals_contract(linked_seeds):
    for paper in list(linked_seeds.values())[:20]:
        assert linked_dict(paper) == paper.to_dict()


def test_linker_pickles(linker, seeds):
    clone = pickle.loads(pickle.dumps(linker))
    assert linked_dict(clone.link(seeds[3])) == linked_dict(linker.link(seeds[3]))


def test_link_no_generic_terms(linked_seeds):
    generic = {"CNN", "RNN", "LLM", "SSM", "MoE", "attention", "self-attention", "GNN", "MLP"}
    for paper in linked_seeds.values():
        assert not generic & {l.method for l in paper.links}


def test_link_corpus_with_workers_equals_one_process(seeds, catalog, linked_seeds):
    parallel = link_corpus(seeds, catalog, workers=2)
    assert [lp.to_dict() for lp in parallel] == [linked_seeds[p.title].to_dict() for p in seeds]
