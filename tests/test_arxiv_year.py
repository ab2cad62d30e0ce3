"""A record that gives no year takes the year of its arXiv id (first submission), so the linker's date rules and
the year-ordered answers work on bare arXiv records ({"id", "title", "abstract"}), as on full snapshots."""

from __future__ import annotations

import json

import pytest

from relwork.core.records import Paper, arxiv_year
from relwork.linker.catalog import load_catalog
from relwork.linker.pipeline import link_corpus
from relwork.loaders import load_papers

# A real 2019 arXiv record (1901.02081) that uses two catalogued embeddings in passing.
TITLE = "Team EP at TAC 2018: Automating data extraction in systematic reviews of environmental agents"
ABSTRACT = ("We describe our entry for the Systematic Review Information Extraction track of the 2018 Text "
            "Analysis Conference. We also make extensive use of pre-trained word embeddings, namely GloVe and ELMo.")


@pytest.mark.parametrize("arxiv_id, year", [
    ("1901.02081", 2019), ("1810.04805", 2018), ("cs/9901001", 1999), ("hep-th/0603001", 2006), ("2312.00752", 2023),
])
def test_arxiv_year_is_the_first_submission_year(arxiv_id, year):
    assert arxiv_year(arxiv_id) == year


def test_arxiv_year_of_other_ids_is_none():
    assert arxiv_year(None) is None
    assert arxiv_year("doi:10.1000/x") is None


def _load(tmp_path, record: dict) -> Paper:
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return load_papers([path]).papers[0]


def test_bare_arxiv_record_takes_the_ids_year(tmp_path):
    assert _load(tmp_path, {"id": "1901.02081", "title": TITLE, "abstract": ABSTRACT}).year == 2019


def test_the_earlier_of_the_given_and_the_ids_year_wins(tmp_path):
    """A later year is a later version's or the journal's (qa5 J9); an earlier one (a paper posted after it was
    published) is the paper's first appearance."""
    paper = _load(tmp_path, {"id": "1901.02081", "title": TITLE, "abstract": ABSTRACT, "year": 2020})
    assert paper.year == 2019
    paper = _load(tmp_path, {"id": "1901.02081", "title": TITLE, "abstract": ABSTRACT, "year": 2018})
    assert paper.year == 2018


def test_record_without_arxiv_id_stays_undated(tmp_path):
    assert _load(tmp_path, {"title": TITLE, "abstract": ABSTRACT}).year is None


def test_paper_create_takes_the_ids_year_too():
    assert Paper.create(TITLE, ABSTRACT, arxiv_id="arXiv:1901.02081v2").year == 2019
    assert Paper.create(TITLE, ABSTRACT, arxiv_id="1901.02081", year=2018).year == 2018


def test_dated_bare_record_does_not_claim_catalogued_embeddings(tmp_path):
    """'namely GloVe and ELMo' in a 2019 paper names methods the catalog dates to 2014 and 2018: links, not the
    paper's own names (undated, the record had claimed both as introduced)."""
    linked = link_corpus([_load(tmp_path, {"id": "1901.02081", "title": TITLE, "abstract": ABSTRACT})],
                         load_catalog())[0]
    assert linked.introduces == []
    assert {"GloVe", "ELMo"} <= {link.method for link in linked.links}
