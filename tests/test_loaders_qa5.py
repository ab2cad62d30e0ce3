"""Loader fixes from the fifth user test (qa5 J1-J4, J9) on real records: HTML entities in author strings and
abstracts of a blog-republished arXiv corpus (amds123), arXiv ``authors_parsed`` rows with affiliations, a
``doi`` field with two DOIs, TeX accents in arXiv titles, and the year of a later version.

Fixtures: ``qa5-amds123.jsonl`` (8 records of /work/shared/data/arxiv-amds123, as published) and
``qa5-kaggle-arxiv.json`` (8 lines of the Kaggle arXiv metadata snapshot, byte for byte).
"""

from __future__ import annotations

import json
from pathlib import Path

from relwork.core.records import Paper
from relwork.graph.build import build_graph
from relwork.graph.cypher_script import cypher_literal
from relwork.linker.catalog import load_catalog
from relwork.linker.pipeline import link_corpus
from relwork.loaders import iter_papers, load_papers
from relwork.loaders.arxiv import decode_accents
from relwork.loaders.base import first_doi, parse_authors, unescape_entities
from relwork.viz import generate_html

FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"
AMDS = FIX / "qa5-amds123.jsonl"
KAGGLE = FIX / "qa5-kaggle-arxiv.json"


def by_id(path: Path) -> dict[str, Paper]:
    problems: list = []
    papers = {paper.id: paper for paper in iter_papers(path, problems=problems)}
    assert not problems
    return papers


def write_records(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------
# J1: entities and affiliations in author strings, entities in abstracts


def test_author_entities_are_decoded_before_the_string_is_split():
    papers = by_id(AMDS)
    assert papers["1609.01882"].authors == ["Matthijs Douze", "Hervé Jégou", "Florent Perronnin"]
    assert papers["1901.11384"].authors == ["Isabela Albuquerque", "João Monteiro", "Tiago H. Falk"]
    assert papers["1902.06835"].authors == ["Michael Zollhöfer"]


def test_affiliation_markers_and_affiliations_never_split_or_join_a_name():
    authors = by_id(AMDS)["astro-ph/0007068"].authors
    assert authors[:2] == ["Wolfgang Tschager", "Richard T. Schilizzi"]
    assert not any("(" in name or ")" in name or name.isdigit() for name in authors)
    # the Kaggle snapshot's 'authors' string, arXiv's 'Name (1 and 2) ... ((1) Place, (2) Place)' convention
    raw = ("A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, Japan Science and Technology Agency, "
           "(2) Russian Research Centre ``Kurchatov Institute'', (3) The University of Tokyo)")
    assert parse_authors(raw) == ["A. S. Mishchenko", "N. Nagaosa"]
    assert parse_authors("Matthias Scheffler (Fritz-Haber-Institut der Max-Planck-Gesellschaft, BERLIN, Germany)") == [
        "Matthias Scheffler"
    ]


def test_abstract_entities_are_decoded_in_generic_records():
    papers = by_id(AMDS)
    abstract = papers["1906.04649"].abstract
    assert "`Project & Excite' (PE) modules" in abstract and "&amp;" not in abstract
    assert "Chinese->English and WMT'14 English->German" in papers["1906.02448"].abstract


def test_only_complete_printable_references_are_decoded():
    assert unescape_entities("AT&T and R&D; S&P 500, &amp without a semicolon") == (
        "AT&T and R&D; S&P 500, &amp without a semicolon"
    )
    assert unescape_entities("&lt;b&gt; &#233;t&#xe9; &quot;x&quot; &unknownname;") == '<b> été "x" &unknownname;'
    assert unescape_entities("red&#27;[31m") == "red&#27;[31m"  # a control character stays a reference


def test_atom_text_is_not_decoded_twice(tmp_path):
    """XML parsing decodes an Atom feed's entities once; a literal '&lt;' the author wrote stays."""
    feed = write_records(tmp_path)  # the name only
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1906.04649v1</id>'
        "<title>Project &amp; Excite</title><summary>HTML writes a less-than sign as &amp;lt;.</summary>"
        "</entry></feed>\n",
        encoding="utf-8",
    )
    (paper,) = iter_papers(feed, format="arxiv-atom")
    assert paper.title == "Project & Excite" and paper.abstract == "HTML writes a less-than sign as &lt;."


def test_a_hostile_entity_title_is_plain_text_in_the_html_view_and_cypher(tmp_path):
    """A decoded '<script>' is data: the HTML view escapes it and the Cypher script quotes it."""
    path = write_records(tmp_path, {
        "id": "1906.04649",
        "title": "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Excite",
        "abstract": "We propose modules that base upon the ideas of SE and integrate them in 3D U-Net.",
    })
    (paper,) = load_papers([path]).papers
    assert paper.title == "<script>alert(1)</script> & Excite"
    graph = build_graph(link_corpus([paper], load_catalog()), load_catalog())
    page = generate_html(graph, focus="paper:1906.04649")
    assert "<script>alert(1)" not in page and "alert(1)" in page
    assert cypher_literal(paper.title) == "'<script>alert(1)<\\u002fscript> & Excite'"


# ---------------------------------------------------------------------------------------------------
# J2-J4: the arXiv snapshot


def test_authors_parsed_affiliations_are_not_part_of_the_name():
    papers = by_id(KAGGLE)
    assert papers["0704.0113"].authors[:2] == ["Xiaolin Li", "Li Zhang"]
    assert not any("Stanford" in name for name in papers["0704.0113"].authors)
    assert papers["0704.0163"].authors == ["Peter Brommer", "Franz Gähler"]
    assert papers["0704.0025"].authors == ["A. S. Mishchenko", "N. Nagaosa"]
    assert parse_authors([["Yuan", "C. -P.", "Jr", "Michigan State"]]) == ["C.-P. Yuan Jr"]


def test_the_first_of_several_dois_is_the_papers():
    assert by_id(KAGGLE)["0704.0033"].doi == "10.1364/josaa.23.002578"  # then the 2015 erratum's
    assert first_doi("10.1016/j.jqsrt.2007.01.034 10.1016/j.jqsrt.2015.11.025") == "10.1016/j.jqsrt.2007.01.034"
    assert first_doi("doi:10.1000/a, doi:10.1000/b") == "10.1000/a"
    assert first_doi("https://doi.org/10.1000/a") == "https://doi.org/10.1000/a"


def test_a_doi_without_a_registrant_code_is_not_invented(tmp_path):
    """'10.1/X' is not a DOI (the registrant code has 4+ digits): the record loads, without one."""
    path = write_records(tmp_path, {"title": "Polysemous codes", "abstract": "Product quantization codes.", "doi": "10.1/X"})
    (paper,) = load_papers([path]).papers
    assert paper.doi is None and paper.id.startswith("title:")


def test_tex_accents_in_arxiv_titles_are_decoded_and_math_is_kept():
    papers = by_id(KAGGLE)
    assert papers["0704.0019"].title.endswith("based on the Gröbner basis")
    assert papers["0704.0073"].title == "A transcendental approach to Kollár's injectivity theorem"
    assert papers["0704.0005"].title == "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$"
    assert papers["0704.0001"].authors[0] == "C. Balázs"


def test_decode_accents_touches_accents_only():
    assert decode_accents("Fran\\c{c}ois Erd\\H{o}s {\\\"U}ber \\'{\\i} \\v Sediv\\'y") == "François Erdős Über í Šedivý"
    for kept in ("50% \\bar x \\cdot y {BERT}", "$\\\"o$ and \\(\\'a\\)", "RE$^3$QA", "\\emph{x}"):
        assert decode_accents(kept) == kept


# ---------------------------------------------------------------------------------------------------
# J9: the year an arXiv paper first appeared


def test_arxiv_paper_year_is_its_first_appearance():
    papers = by_id(AMDS)
    assert papers["1506.01497"].year == 2015  # the record (a post of a later version) says 2016
    assert papers["1901.08013"].year == 2018  # a record year before the id's is kept: it is the earlier
    assert papers["1609.01882"].year == 2016


def test_year_rule_is_the_same_for_paper_create():
    assert Paper.create("Faster R-CNN", "Region proposals.", arxiv_id="1506.01497", year=2016).year == 2015
    assert Paper.create("Faster R-CNN", "Region proposals.", doi="10.1109/tpami.2016.2577031", year=2017).year == 2017


# ---------------------------------------------------------------------------------------------------
# J11: arXiv's hard line wraps after a hyphen


def test_a_line_wrapped_after_a_hyphen_joins_without_a_space():
    """0704.0088's abstract wraps 'long-\\nterm' in the snapshot: the word stays whole."""
    abstract = by_id(KAGGLE)["0704.0088"].abstract
    assert "long-term" in abstract and "long- term" not in abstract


def test_a_method_name_wrapped_at_its_hyphen_still_links(tmp_path):
    """1712.02408's last sentence with arXiv's wrap falling inside 'Mask R-CNN' (as 1 of the 200 snapshot records
    has one inside a word): the paper still compares to RetinaNet and Mask R-CNN."""
    record = {
        "id": "1712.02408", "title": "Deep Regionlets for Object Detection", "authors": "Hongyu Xu",
        "abstract": "  The proposed framework outperforms state-of-the-art algorithms, such as RetinaNet and Mask R-\n"
                    "CNN, even without additional segmentation labels.\n",
        "versions": [{"version": "v1", "created": "Wed, 6 Dec 2017 20:00:00 GMT"}],
    }
    path = tmp_path / "arxiv-metadata-oai-snapshot.json"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (paper,) = iter_papers(path, format="arxiv")
    assert "Mask R-CNN, even" in paper.abstract
    (linked,) = link_corpus([paper], load_catalog())
    assert {(link.method, link.relation) for link in linked.links} >= {("Mask R-CNN", "compares_to"), ("RetinaNet", "compares_to")}
