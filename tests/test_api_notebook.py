"""The Python API as a notebook uses it (qa8): a rerun cell never empties an earlier result, the link output keeps
what the input said (categories, the user's own record ids), mistakes name the record or value at fault, and
the objects print short. Runs the real loaders, linker and graph builder on the seed corpus."""

from __future__ import annotations

import json

import pytest

from relwork import GraphError, InputError, NothingLinkedError, Paper
from relwork.core.records import LinkedPaper
from relwork.graph import queries
from relwork.linker import iter_corpus, link_corpus, link_files, link_papers, load_catalog
from relwork.loaders import load_papers

from conftest import FIXTURES, SEED_FILES

LOADERS = FIXTURES / "loaders"


# --- N1: link_files never replaces an output path when no paper was linked -----------------------------------

def _no_abstracts(tmp_path):
    path = tmp_path / "titles-only.jsonl"
    path.write_text('{"title": "Mamba: Linear-Time Sequence Modeling"}\n', encoding="utf-8")
    return path, "record has no abstract"


def _missing(tmp_path):
    return tmp_path / "typo-path.jsonl", "file not found"


@pytest.mark.parametrize("make_input", [_missing, _no_abstracts])
@pytest.mark.parametrize("corpus", [True, False])
def test_link_files_leaves_an_existing_output_unchanged_and_names_the_problems_when_no_paper_is_linked(
    catalog, tmp_path, make_input, corpus
):
    earlier = tmp_path / "keep.jsonl"
    earlier.write_text('{"precious": 1}\n', encoding="utf-8")
    source, reason = make_input(tmp_path)
    with pytest.raises(NothingLinkedError, match=rf"^no paper could be linked; {earlier} was left unchanged "
                                                 rf"\({source}(:1)?: {reason}\)$") as raised:
        link_files([source], earlier, catalog=catalog, corpus=corpus)
    assert isinstance(raised.value, InputError) and raised.value.exit_code == 2
    assert [str(p) for p in raised.value.problems][0].startswith(str(source))
    assert earlier.read_text(encoding="utf-8") == '{"precious": 1}\n'
    assert not list(tmp_path.glob(".keep.jsonl*"))  # no partial file left behind


def test_link_files_creates_no_output_file_when_no_paper_is_linked(catalog, tmp_path):
    target = tmp_path / "new.jsonl"
    with pytest.raises(NothingLinkedError):
        link_files([tmp_path / "missing.jsonl"], target, catalog=catalog)
    assert list(tmp_path.iterdir()) == []


def test_link_files_names_five_problems_and_counts_the_rest_when_no_paper_is_linked(catalog, tmp_path):
    missing = [tmp_path / f"missing-{i}.jsonl" for i in range(7)]
    with pytest.raises(NothingLinkedError, match=r"missing-4\.jsonl: file not found; and 2 more\)$") as raised:
        link_files(missing, tmp_path / "out.jsonl", catalog=catalog)
    assert len(raised.value.problems) == 7


# --- N2: the link output keeps categories and a non-arXiv record id ----------------------------------------

def test_link_output_keeps_categories_after_the_older_keys_and_the_records_own_id_in_sources(seeds, catalog, tmp_path):
    """A generic record's own id ('lab-17') is no paper id (that is derived from the title); it stays in its
    source, next to file and line, so the output joins back to the user's data. An arXiv id is the paper id."""
    first, second = seeds[0], seeds[1]
    records = tmp_path / "mine.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in (
        {"id": "lab-17", "title": first.title, "abstract": first.abstract, "categories": "cs.CL cs.LG"},
        {"id": "2312.00752", "title": second.title, "abstract": second.abstract},
    )) + "\n", encoding="utf-8")
    out = tmp_path / "linked.jsonl"
    link_files([records], out, catalog=catalog)
    own, arxiv = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(own)[-2:] == ["sources", "categories"]
    assert own["categories"] == ["cs.CL", "cs.LG"] and arxiv["categories"] == []
    assert own["id"].startswith("title:")
    assert own["sources"] == [{"file": str(records), "line": 1, "format": "json", "record_id": "lab-17"}]
    assert arxiv["id"] == "2312.00752" and arxiv["sources"][0]["record_id"] is None


def test_linked_paper_to_dict_is_the_written_record_and_reads_back_with_its_categories(catalog):
    papers = load_papers([LOADERS / "arxiv-categories.jsonl"]).papers[:3]
    linked = link_corpus(papers, catalog)
    for record in linked:
        data = record.to_dict()
        assert data["categories"] == record.paper.categories != []
        assert LinkedPaper.from_dict(json.loads(json.dumps(data))) == record


@pytest.mark.parametrize("name, first_id", [
    ("s2_page.json", "204e3073870fae3d05bcbc2f6a8e263d9b72e776"),  # Semantic Scholar's paperId
    ("openalex_works.jsonl", "https://openalex.org/W3030163527"),  # OpenAlex's work id
])
def test_semantic_scholar_and_openalex_records_keep_their_own_id_in_the_source(name, first_id):
    paper = load_papers([LOADERS / name]).papers[0]
    assert paper.sources[0].record_id == first_id


# --- N6: the linking functions name the record or value at fault ---------------------------------------------

def _through(function):
    return {
        "link_corpus": lambda papers, catalog: link_corpus(papers, catalog),
        "iter_corpus": lambda papers, catalog: list(iter_corpus(papers, catalog)),
        "link_papers": lambda papers, catalog: list(link_papers(papers, catalog)),
    }[function]


@pytest.mark.parametrize("function", ["link_corpus", "iter_corpus", "link_papers"])
@pytest.mark.parametrize("papers, message", [
    ([Paper(id="x", title="BERT rocks", abstract=None)],
     r": papers\[0\] \(id 'x', title 'BERT rocks'\): abstract must be a string, got None; give '' for a paper "),
    ([Paper(id="x", title=None, abstract="We use BERT.")],
     r": papers\[0\] \(id 'x', title None\): title must be a string"),
    ([{"title": "x", "abstract": "We use BERT."}],
     r": papers\[0\] is a dict, not a Paper \(make one with relwork.Paper.create\(title, abstract, ...\)\)"),
    ("examples/hf-papers", r" takes Paper records, got the str 'examples/hf-papers': load files first"),
    ({"title": "x", "abstract": "We use BERT."}, r" takes a list of Paper records, got one dict; pass \[paper\]"),
])
def test_linking_functions_name_the_record_or_value_that_is_not_a_paper(catalog, function, papers, message):
    with pytest.raises(InputError, match=f"^{function}{message}"):
        _through(function)(papers, catalog)


@pytest.mark.parametrize("function", ["link_corpus", "iter_corpus", "link_papers"])
def test_linking_functions_name_a_catalog_that_is_not_a_catalog(function, seeds):
    with pytest.raises(InputError, match=f"^{function} takes a Catalog \\(load_catalog\\(\\)\\), got str"):
        _through(function)(seeds[:1], "catalog.jsonl")


def test_link_corpus_links_every_paper_of_a_generator_as_of_a_list(catalog, seeds):
    """Both passes see every paper: a generator is read once into a list, not used up by the first pass."""
    listed = link_corpus(seeds[:12], catalog)
    generated = link_corpus((paper for paper in seeds[:12]), catalog)
    assert [r.to_dict() for r in generated] == [r.to_dict() for r in listed] and len(listed) == 12


def test_iter_corpus_names_a_bad_record_when_called_before_any_paper_is_linked(catalog, seeds):
    papers = [*seeds[:3], Paper(id="late", title="Late", abstract=None)]
    with pytest.raises(InputError, match=r"^iter_corpus: papers\[3\] \(id 'late'"):
        iter_corpus(papers, catalog)  # no next(): the check runs at the call


@pytest.mark.parametrize("call, got", [
    (lambda: queries.bridge(None, "BERT", "LSTM"), "NoneType"),
    (lambda: queries.papers_for_method("graph.json", "BERT"), "the str 'graph.json'; load it with load_graph"),
    (lambda: queries.graph_stats([]), "list"),
])
def test_queries_name_themselves_and_what_they_got_instead_of_a_graph(call, got):
    with pytest.raises(GraphError, match=r"^\w+ takes a graph \(build_graph\(...\) or load_graph\(path\)\) as its "
                                         rf"first argument, got {got}"):
        call()


# --- N10: short reprs --------------------------------------------------------------------------------------

def test_catalog_repr_gives_counts_and_files_not_the_entries(tmp_path):
    mine = tmp_path / "mycat.jsonl"
    mine.write_text('{"name": "FooNet", "kind": "method"}\n', encoding="utf-8")
    builtin, extended = load_catalog(), load_catalog(mine)
    methods = sum(entry.kind == "method" for entry in builtin)
    datasets = sum(entry.kind == "dataset" for entry in builtin)
    assert repr(builtin) == f"Catalog({len(builtin)} entries: {methods} methods, {datasets} datasets; files: built-in)"
    assert repr(extended) == (f"Catalog({len(builtin) + 1} entries: {methods + 1} methods, {datasets} datasets; "
                              "files: built-in, mycat.jsonl)")


def test_linked_paper_repr_gives_id_title_and_counts_not_the_abstract(seed_linked):
    record = max(seed_linked, key=lambda r: len(r.links))
    text = repr(record)
    assert text == (f"LinkedPaper(id={record.paper.id!r}, title={record.paper.title!r}, {len(record.links)} links, "
                    f"{len(record.introduces)} introduced)")
    assert record.paper.abstract[:40] not in text
    single = next(r for r in seed_linked if len(r.links) == 1)
    assert repr(single).endswith(f", 1 link, {len(single.introduces)} introduced)")


# --- N14: the README's Python lines ------------------------------------------------------------------------

def test_relwork_graph_gives_save_graph_and_load_graph_for_a_round_trip(seed_graph, tmp_path):
    from relwork.graph import load_graph, save_graph

    path = save_graph(seed_graph, tmp_path / "g.json")
    again = load_graph(path)
    assert (again.number_of_nodes(), again.number_of_edges()) == (seed_graph.number_of_nodes(),
                                                                  seed_graph.number_of_edges())


def test_readme_python_lines_for_evaluate_and_build_update_run(seed_linked, tmp_path):
    """'The same from Python' under 'Measuring the linker' and 'Saving, loading, exporting'."""
    from relwork.graph.build import build_from_files
    from relwork.linker.evaluate import evaluate, read_gold

    report = evaluate(read_gold(FIXTURES / "linker" / "gold_small.jsonl"), seed_linked, load_catalog())
    assert report.papers > 0 and 0 < report.links.precision <= 1
    from relwork.graph import save_graph

    first = build_from_files(SEED_FILES[:1])
    save_graph(first.graph, tmp_path / "g.json")
    updated = build_from_files(SEED_FILES[1:2], update=tmp_path / "g.json")
    assert updated.after["papers"] > updated.before["papers"] == first.after["papers"]
    assert updated.graph.number_of_nodes() == build_from_files(SEED_FILES[:2]).graph.number_of_nodes()
