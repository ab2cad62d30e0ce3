"""Names a paper uses are not names it introduces (linker/used_names.py): editions of catalogued datasets and
the hardware it runs on, and another paper's coinage is not linked where a paper writes it as a robot.

Real titles and sentences from arXiv abstracts (arxiv-amds123, outside the gold sets; ASVspoof 2019 is a
silver-2 tuning paper).
"""

import pytest

from relwork.core.records import Paper
from relwork.graph.build import build_graph
from relwork.linker.pipeline import link_corpus
from relwork.linker.used_names import DatasetEditions


def _paper(arxiv_id: str, title: str, abstract: str, year: int = 2019) -> Paper:
    return Paper(id=arxiv_id, title=title, abstract=abstract, year=year, arxiv_id=arxiv_id)


def _names(linker, paper):
    return [i.name for i in linker.introduced(paper)]


def _citations(G) -> set[tuple[str, str, str]]:
    """(citing arXiv id, cited arXiv id, name) of the graph's paper-to-paper edges."""
    papers = {n for n, d in G.nodes(data=True) if d.get("label") == "Paper"}
    return {(G.nodes[u]["arxiv_id"], G.nodes[v]["arxiv_id"], d["via"])
            for u, v, d in G.edges(data=True) if u in papers and v in papers}


@pytest.mark.parametrize(
    "name, dataset",
    [
        ("Pascal VOC 2012", "Pascal VOC"),
        ("SemEval 2019", "SemEval"),
        ("ISIC-2017", "ISIC"),
        ("iWildCam 2019", "iWildCam"),
        ("DCASE 2019 challenge", "DCASE"),
        ("SemEval-2019 Task 6", None),  # a task of the edition is a name of its own
        ("MobileNetV2", None),  # a version of a method is a new method
        ("BigEarthNet", None),
    ],
)
def test_edition_of_reads_a_catalogued_dataset_plus_a_year(catalog, name, dataset):
    entry = DatasetEditions(catalog).edition_of(name, _paper("1901.00001", "A Paper", ""))
    assert (entry.name if entry else None) == dataset


def test_dataset_edition_a_paper_evaluates_on_is_not_introduced_and_links_the_dataset(linker):
    # arXiv 1505.01173: 'namely ... Pascal VOC 2012' names the benchmarks it reports on
    paper = _paper(
        "1505.01173",
        "Deep Learning for Object Saliency Detection and Image Segmentation",
        "In this paper, we propose several novel deep learning methods for object saliency detection based on the "
        "powerful convolutional neural networks. Experimental results on two benchmark tasks, namely Microsoft COCO "
        "and Pascal VOC 2012, have shown that our proposed methods can generate high-quality salience maps, clearly "
        "outperforming many existing methods.",
        year=2015,
    )
    assert "Pascal VOC 2012" not in _names(linker, paper)
    assert "Pascal VOC" in {link.method for link in linker.link(paper).links}


def test_edition_in_a_participants_title_prefix_is_not_introduced(linker):
    # arXiv 1906.04591: a technical report of one DCASE 2019 entry
    paper = _paper(
        "1906.04591",
        "DCASE 2019: CNN depth analysis with different channel inputs for Acoustic Scene Classification",
        "The objective of this technical report is to describe the framework used in Task 1, Acoustic scene "
        "classification (ASC), of the DCASE 2019 challenge. The presented approach is based on Log-Mel spectrogram "
        "representations and VGG-based Convolutional Neural Networks (CNNs).",
    )
    assert "DCASE 2019" not in _names(linker, paper)


def test_edition_of_the_organisers_paper_stays_introduced(linker):
    # arXiv 1904.05441 (silver 2, tuning): the title names the edition, the abstract reports who took part
    paper = _paper(
        "1904.05441",
        "ASVspoof 2019: Future Horizons in Spoofed and Fake Audio Detection",
        "ASVspoof, now in its third edition, is a series of community-led challenges which promote the development "
        "of countermeasures to protect automatic speaker verification (ASV) from the threat of spoofing. ASVspoof "
        "2019 attracted the participation of 63 research teams, with more than half of these reporting systems that "
        "improve upon the performance of two baseline spoofing countermeasures. This paper describes the 2019 "
        "database, protocols and challenge results.",
    )
    assert "ASVspoof 2019" in _names(linker, paper)


def test_task_of_an_edition_stays_introduced_by_its_task_paper(linker):
    # arXiv 1903.00665: the task organisers' paper
    paper = _paper(
        "1903.00665",
        "SemEval-2019 Task 6: Identifying and Categorizing Offensive Language in Social Media (OffensEval)",
        "We present the results and the main findings of SemEval-2019 Task 6 on Identifying and Categorizing "
        "Offensive Language in Social Media (OffensEval).",
    )
    assert "SemEval-2019 Task 6" in _names(linker, paper)


def test_robot_a_paper_experiments_on_is_not_introduced(linker):
    # arXiv 1901.07517
    paper = _paper(
        "1901.07517",
        "Robust Recovery Controller for a Quadrupedal Robot using Deep Reinforcement Learning",
        "In this paper, we present an approach based on model-free Deep Reinforcement Learning (RL) to control "
        "recovery maneuvers of quadrupedal robots using a hierarchical behavior-based controller. We experimentally "
        "validate our approach on the quadrupedal robot ANYmal, which is a dog-sized quadrupedal system with 12 "
        "degrees of freedom. With our method, ANYmal manifests dynamic and reactive recovery behaviors to recover "
        "from an arbitrary fall configuration within less than 5 seconds.",
    )
    assert "ANYmal" not in _names(linker, paper)


def test_satellite_whose_images_a_dataset_holds_is_not_introduced_but_the_dataset_is(linker):
    # arXiv 1902.06148
    paper = _paper(
        "1902.06148",
        "BigEarthNet: A Large-Scale Benchmark Archive For Remote Sensing Image Understanding",
        "This paper presents a new large-scale multi-label Sentinel-2 benchmark archive, named BigEarthNet. Our "
        "archive consists of 590,326 Sentinel-2 image patches, each of which has 10, 20 and 60 meter image bands "
        "associated to the pixel sizes of 120x120, 60x60 and 20x20, respectively.",
    )
    names = _names(linker, paper)
    assert "BigEarthNet" in names and "Sentinel-2" not in names


def test_platform_named_in_the_title_stays_introduced(linker):
    # arXiv 1906.11747: the paper presents the platform its title names
    paper = _paper(
        "1906.11747",
        "Raven: Open Surgical Robotic Platforms",
        "The Raven I and the Raven II surgical robots, as open research platforms, have been serving the robotic "
        "surgery research community for ten years.",
    )
    assert "Raven" in _names(linker, paper)


# arXiv 1901.09207: PR2 is the paper's own acronym
RECURSIVE_REASONING = _paper(
    "1901.09207",
    "Probabilistic Recursive Reasoning for Multi-Agent Reinforcement Learning",
    "In this paper, we start from level-$1$ recursion and introduce a probabilistic recursive reasoning (PR2) "
    "framework for multi-agent reinforcement learning. Under the PR2 framework, we adopt variational Bayes methods "
    "to approximate the opponents' conditional policy, to which each agent finds the best response and then "
    "improve their own policy.",
)
# arXiv 1904.02111: the PR2 of Willow Garage
ROBOT_DRESSING = _paper(
    "1904.02111",
    "Multidimensional Capacitive Sensing for Robot-Assisted Dressing and Bathing",
    "We demonstrate that a PR2 robot can use this sensing approach to assist with two activities of daily "
    "living-dressing and bathing.",
)
# a later paper building on the reasoning framework (a sentence of arXiv 1901.09207 itself)
REASONING_FOLLOW_UP = _paper(
    "1905.00001",
    "Opponent Modelling in Matrix Games",
    "Under the PR2 framework, we adopt variational Bayes methods to approximate the opponents' conditional policy.",
)


def test_corpus_name_written_as_a_robot_does_not_link_its_introducer(catalog):
    linked = {lp.paper.id: lp for lp in link_corpus([RECURSIVE_REASONING, ROBOT_DRESSING, REASONING_FOLLOW_UP], catalog)}
    assert "PR2" in [i.name for i in linked["1901.09207"].introduces]
    assert "PR2" not in {link.method for link in linked["1904.02111"].links}
    assert "PR2" in {link.method for link in linked["1905.00001"].links}
    assert _citations(build_graph(linked.values(), catalog)) == {("1905.00001", "1901.09207", "PR2")}


# arXiv 1903.02953 and 1906.01515: one SemEval 2019 task's paper and another task's participant
UCCA_TASK = _paper(
    "1903.02953",
    "SemEval 2019 Task 1: Cross-lingual Semantic Parsing with UCCA",
    "We present the SemEval 2019 shared task on UCCA parsing in English, German and French, and discuss the "
    "participating systems and results.",
)
FACT_CHECKING = _paper(
    "1906.01515",
    "TMLab SRPOL at SemEval-2019 Task 8: Fact Checking in Community Question Answering Forums",
    "The article describes our submission to SemEval 2019 Task 8 on Fact-Checking in Community Forums.",
)


def test_edition_mentioned_by_another_tasks_paper_gives_no_citation_edge(catalog):
    linked = list(link_corpus([UCCA_TASK, FACT_CHECKING], catalog))
    assert all("SemEval 2019" not in [i.name for i in lp.introduces] for lp in linked)
    assert not {c for c in _citations(build_graph(linked, catalog)) if c[1] == "1903.02953"}
