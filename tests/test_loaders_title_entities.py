"""BibTeX and RIS titles decode HTML entities as their author names (and the JSON/CSV/S2/OpenAlex loaders) do:
a web page exported to Zotero gives 'Wide \\&amp; Deep' in BibTeX and 'Wide &amp; Deep' in RIS. Before, the title
kept '&amp;', so the copy in a JSON file was another paper (its normalised title had an extra 'amp'), and the
graph and HTML view showed the entity. The decoded text is plain text: the HTML view still escapes it."""

from __future__ import annotations

import json

import pytest

from relwork.graph.build import build_graph
from relwork.linker import link_corpus
from relwork.loaders import iter_papers, load_papers
from relwork.viz import generate_html

ABSTRACT = ("Generalized linear models with nonlinear feature transformations are widely used for large-scale "
            "regression and classification problems with sparse inputs; we build on BERT and the Transformer.")
WEB_TITLE = "Wide &amp; Deep Learning: &lt;i&gt;Don&#x27;t&lt;/i&gt; Memorise AT&T or R&D; Data"
TITLE = "Wide & Deep Learning: <i>Don't</i> Memorise AT&T or R&D; Data"
BIB = f"""@article{{cheng2016wide,
  title = {{{WEB_TITLE.replace("&", chr(92) + "&")}}},
  author = {{Cheng, Heng-Tze}},
  year = {{2016}},
  abstract = {{{ABSTRACT}}}
}}
"""
RIS = f"TY  - JOUR\nTI  - {WEB_TITLE}\nAU  - Cheng, Heng-Tze\nPY  - 2016\nAB  - {ABSTRACT}\nER  - \n"


@pytest.fixture()
def exports(tmp_path):
    (tmp_path / "zotero.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "zotero.ris").write_text(RIS, encoding="utf-8")
    (tmp_path / "s2.jsonl").write_text(json.dumps({"title": WEB_TITLE, "abstract": ABSTRACT, "year": 2016}) + "\n",
                                       encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["zotero.bib", "zotero.ris"])
def test_bibtex_and_ris_titles_decode_entities_but_not_literal_ampersands(exports, name):
    (paper,) = iter_papers(exports / name)
    assert paper.title == TITLE  # 'AT&T' and 'R&D;' are no complete references: they stay
    assert "&amp;" not in paper.title


def test_bibtex_ris_and_json_copies_of_one_web_title_merge(exports):
    result = load_papers([exports / "zotero.bib", exports / "zotero.ris", exports / "s2.jsonl"])
    assert len(result.papers) == 1  # 2 before: the BibTeX and RIS copies kept '&amp;' in the title key
    assert len(result.papers[0].sources) == 3 and result.papers[0].title == TITLE


def test_decoded_title_is_escaped_in_the_html_view(exports, seed_catalog):
    papers = load_papers([exports / "zotero.bib"]).papers
    page = generate_html(build_graph(link_corpus(papers, seed_catalog), seed_catalog))
    assert "<i>Don" not in page  # the decoded '<i>' is text, never a tag
    assert "Wide \\u0026 Deep Learning: \\u003ci\\u003eDon't\\u003c/i\\u003e Memorise" in page
