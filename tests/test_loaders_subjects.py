"""Zotero keeps an arXiv paper's subjects as keywords ('Computer Science - Computation and Language'): the loaders
read them as arXiv classes ('cs.CL') into ``categories``, from BibTeX ``keywords``, RIS ``KW`` and the CSV / JSON
``Manual Tags`` / ``keywords`` / ``tags`` (left8 item 4). Other keywords (a user's own tags) are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from relwork.loaders import load_papers
from relwork.loaders.base import arxiv_subjects

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Zotero's own BibTeX export of arXiv 1904.10509 (Sparse Transformers) and of 1712.05690 (Sockeye): the subjects
# are joined with ', ', and a class name holds commas itself
ZOTERO_BIB = """@misc{child_generating_2019,
\ttitle = {Generating {Long} {Sequences} with {Sparse} {Transformers}},
\turl = {http://arxiv.org/abs/1904.10509},
\tabstract = {Transformers are powerful sequence models, but require time and memory that grows quadratically with the sequence length. In this paper we introduce sparse factorizations of the attention matrix which reduce this to O(n sqrt(n)).},
\tpublisher = {arXiv},
\tauthor = {Child, Rewon and Gray, Scott and Radford, Alec and Sutskever, Ilya},
\tyear = {2019},
\tnote = {arXiv:1904.10509 [cs, stat]},
\tkeywords = {Computer Science - Machine Learning, Statistics - Machine Learning, to read},
}

@misc{hieber_sockeye_2017,
\ttitle = {Sockeye: {A} {Toolkit} for {Neural} {Machine} {Translation}},
\turl = {http://arxiv.org/abs/1712.05690},
\tabstract = {We describe Sockeye (version 1.12), an open-source sequence-to-sequence toolkit for Neural Machine Translation (NMT).},
\tauthor = {Hieber, Felix and Domhan, Tobias},
\tyear = {2017},
\tkeywords = {Computer Science - Computational Engineering, Finance, and Science, Computer Science - Computation and Language, Statistics - Machine Learning},
}
"""


@pytest.mark.parametrize("keywords, classes", [
    ("Computer Science - Computation and Language", ["cs.CL"]),
    ("Computer Science - Computational Engineering, Finance, and Science, Computer Science - Machine Learning",
     ["cs.CE", "cs.LG"]),
    ("Computer Science - Computer Vision and Pattern Recognition; Electrical Engineering and Systems Science - Image "
     "and Video Processing", ["cs.CV", "eess.IV"]),
    (["Physics - Data Analysis, Statistics and Probability", {"tag": "Quantum Physics", "type": 1}, "deep learning"],
     ["physics.data-an", "quant-ph"]),
    ("computer science -  machine   learning", ["cs.LG"]),  # case and spacing as a hand-edited export has them
    ("machine learning, to read, Mathematics - Nonexistent Class", []),
    ("Computer Science - Machine Learningx", []),
])
def test_arxiv_subjects_reads_zotero_keywords_as_arxiv_classes(keywords, classes):
    assert arxiv_subjects(keywords) == classes


def test_zotero_bibtex_keywords_become_categories_after_primary_class(tmp_path):
    path = tmp_path / "zotero.bib"
    path.write_text(ZOTERO_BIB, encoding="utf-8")
    papers = {p.arxiv_id: p.categories for p in load_papers([path]).papers}
    assert papers == {"1904.10509": ["cs.LG", "stat.ML"], "1712.05690": ["cs.CE", "cs.CL", "stat.ML"]}


def test_zotero_ris_kw_lines_become_categories():
    papers = load_papers([FIXTURES / "ris" / "zotero.ris"]).papers
    assert [(p.arxiv_id, p.categories) for p in papers][:2] == [("2407.09941", ["cs.LG", "cs.AI"]), ("2403.11144", ["cs.LG"])]


def test_zotero_csv_manual_tags_become_categories():
    [first, *_] = load_papers([FIXTURES / "loaders" / "zotero.csv"]).papers
    assert first.arxiv_id == "1904.10509" and first.categories == ["cs.LG"]


def test_keywords_add_to_the_categories_a_record_gives(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"arxiv_id": "1904.10509", "title": "Generating Long Sequences with Sparse Transformers", '
                    '"abstract": "Transformers are powerful sequence models.", "fieldsOfStudy": ["Computer Science"], '
                    '"keywords": ["Statistics - Machine Learning", "Computer Science - Machine Learning", "sparse"]}\n',
                    encoding="utf-8")
    assert load_papers([path], format="json").papers[0].categories == ["Computer Science", "stat.ML", "cs.LG"]
