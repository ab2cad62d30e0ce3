"""Every format keeps the user's own key for a record (BibTeX citation key, PMID, Web of Science UT, RIS ID/AN) as
the source's ``record_id``, and the graph keeps it through a build, a save and a load: the key an output record
joins back to the user's library on."""

from __future__ import annotations

import json

import pytest

from relwork.graph import build_graph, load_graph, save_graph
from relwork.linker import link_files, link_papers
from relwork.loaders import iter_papers, load_papers

from conftest import FIXTURES

LOADERS = FIXTURES / "loaders"


@pytest.mark.parametrize("path, first_id", [
    (LOADERS / "zotero.bib", "gu_efficiently_2022"),  # the citation key
    (FIXTURES / "medline" / "pubmed.nbib", "PMID:39012345"),
    (FIXTURES / "wos" / "savedrecs.txt", "WOS:001234567800001"),
])
def test_bibtex_medline_and_wos_records_keep_their_own_key_in_the_source(path, first_id):
    paper = load_papers([path]).papers[0]
    assert paper.sources[0].record_id == first_id


def test_ris_keeps_its_id_or_accession_number_but_not_an_arxiv_id_or_doi(tmp_path, seeds):
    """EndNote's ``ID`` is a record number; Web of Science and Scopus write the accession number as ``AN``. An id
    that is an arXiv id or a DOI is the paper id already."""
    seed = seeds[0]
    records = [("ID  - 17", "17"), ("AN  - WOS:000123456700001", "WOS:000123456700001"),
               ("ID  - 2405.10480", None), ("AN  - 10.48550/arXiv.2405.10480", None), ("", None)]
    body = "".join(f"TY  - JOUR\nTI  - {seed.title} {i}\nAB  - {seed.abstract}\n{tag}\nER  - \n\n"
                   for i, (tag, _) in enumerate(records))
    path = tmp_path / "refs.ris"
    path.write_text(body, encoding="utf-8")
    papers = list(iter_papers(path))
    assert [p.sources[0].record_id for p in papers] == [want for _, want in records]


def test_link_output_and_the_graph_keep_the_bibtex_key_through_save_and_load(catalog, tmp_path):
    out = tmp_path / "linked.jsonl"
    link_files([LOADERS / "zotero.bib"], out, catalog=catalog)
    keys = [s["record_id"] for line in out.read_text(encoding="utf-8").splitlines() for s in json.loads(line)["sources"]]
    assert "gu_efficiently_2022" in keys and "Dao2022" in keys
    papers = load_papers([LOADERS / "zotero.bib"]).papers
    graph = build_graph(link_papers(papers, catalog), catalog)
    path = tmp_path / "g.json"
    save_graph(graph, path)
    for G in (graph, load_graph(path)):
        sources = [s for _, d in G.nodes(data=True) if d.get("label") == "Paper" for s in d.get("sources") or []]
        assert {s.get("record_id") for s in sources} >= {"gu_efficiently_2022", "Dao2022"}
        assert all(set(s) in ({"file", "line", "format"}, {"file", "line", "format", "record_id"}) for s in sources)


def test_a_graph_source_without_a_record_id_has_no_record_id_key(seed_graph):
    """Formats with no own key (the Hugging Face listings) keep the three keys an older graph file has."""
    sources = [s for _, d in seed_graph.nodes(data=True) if d.get("label") == "Paper" for s in d.get("sources") or []]
    assert sources and all(set(s) == {"file", "line", "format"} for s in sources)
