"""Cross-paper links of acronyms introduced in the corpus: only where the long forms agree (arXiv excerpts)."""

import pytest

from relwork.core.records import Paper
from relwork.linker.introduced import detect_introduced, find_definitions, long_forms_agree
from relwork.linker.pipeline import link_corpus

# arXiv 1812.08350 (title and first sentences of the abstract)
PLUG_AND_PLAY = Paper(
    id="1812.08350",
    title="Plug-and-Play: Improve Depth Estimation via Sparse Data Propagation",
    abstract="We propose a novel plug-and-play (PnP) module for improving depth prediction with taking arbitrary "
    "patterns of sparse depths as input. Given any pre-trained depth prediction model, our PnP module updates the "
    "intermediate feature map such that the model outputs new depths consistent with the given sparse depths.",
    year=2019,
)
# arXiv 1904.12735 (excerpt): PnP is Perspective-n-Point here
PERSPECTIVE_N_POINT = Paper(
    id="1904.12735",
    title="DeepHMap++: Combined Projection Grouping and Correspondence Learning for Full DoF Pose Estimation",
    abstract="Instead of directly feeding 2D-3D correspondences to the perspective-n-point (PnP) algorithm, multiple "
    "correspondence hypotheses are sampled. We compare our pipeline with PnP on the LINEMOD dataset.",
    year=2019,
)
# arXiv 1905.05406 (excerpt): a bare mention
BARE_PNP = Paper(
    id="1905.05406",
    title="Plug-and-Play Methods Provably Converge with Properly Trained Denoisers",
    abstract="Although PnP has been recently studied extensively with great empirical success, theoretical analysis "
    "addressing even the most basic question of convergence has been insufficient.",
    year=2019,
)


def _linked(catalog, *papers):
    return {lp.paper.id: lp for lp in link_corpus(list(papers), catalog)}


@pytest.mark.parametrize(
    "a, b, agree",
    [
        ("learning-to-rank", "Learning to Rank", True),
        ("Network-on-Chip", "networks-on-chip", True),
        ("quasi-periodic WaveNet", "Quasi-Periodic WaveNet Vocoder", True),
        ("hierarchical recurrent encoder-decoder network", "Hierarchical Recurrent Encoder-Decoder", True),
        ("learning-to-rank", "left-to-right", False),
        ("Classical Tsetlin Machine", "Convolutional Tsetlin Machine", False),
        ("perspective-n-point", "plug-and-play", False),
    ],
)
def test_long_forms_agree_up_to_case_hyphens_plurals_and_trailing_words(a, b, agree):
    assert long_forms_agree(a, b) is agree


def test_find_definitions_reads_an_inner_2_as_to():
    found = find_definitions("We achieve this by using a real-time online learning-to-rank (L2R) algorithm that ...")
    assert [(d.short, d.long) for d in found] == [("L2R", "learning-to-rank")]
    found = find_definitions("we enable the left-to-right (L2R) and right-to-left (R2L) generation")
    assert [(d.short, d.long) for d in found] == [("L2R", "left-to-right"), ("R2L", "right-to-left")]


def test_corpus_acronym_does_not_link_from_a_paper_defining_it_otherwise(catalog):
    linked = _linked(catalog, PLUG_AND_PLAY, PERSPECTIVE_N_POINT, BARE_PNP)
    assert "PnP" in [i.name for i in linked["1812.08350"].introduces]
    # 'perspective-n-point (PnP)' is not the plug-and-play module, spelled out or not
    assert not [link for link in linked["1904.12735"].links if link.method == "PnP"]
    # a bare mention still links to the one paper introducing it
    assert [link.surface for link in linked["1905.05406"].links if link.method == "PnP"] == ["PnP"]


def test_corpus_acronym_links_from_a_paper_defining_it_the_same_way(catalog):
    citing = Paper(
        id="x1",
        title="Sparse depth completion",
        abstract="We plug the Plug-and-Play (PnP) module into a monocular depth network and compare it with "
        "two depth completion methods.",
        year=2019,
    )
    linked = _linked(catalog, PLUG_AND_PLAY, citing)
    assert "PnP" in [link.method for link in linked["x1"].links]


def test_acronym_introduced_with_conflicting_long_forms_links_from_no_other_paper(catalog):
    # arXiv 1908.03850 and 1901.01569 (excerpts): two different SGGANs
    self_growing = Paper(
        id="1908.03850",
        title="Semi-Supervised Self-Growing Generative Adversarial Networks for Image Recognition",
        abstract="In this paper, we propose a semi-supervised and generative approach, namely the semi-supervised "
        "self-growing generative adversarial network (SGGAN).",
        year=2019,
    )
    segmentation_guided = Paper(
        id="1901.01569",
        title="Segmentation Guided Image-to-Image Translation with Adversarial Networks",
        abstract="To address these challenge, we propose a novel Segmentation Guided Generative Adversarial Networks "
        "(SGGAN), which leverages semantic segmentation to further boost the generation performance.",
        year=2019,
    )
    citing = Paper(
        id="x2",
        title="Image translation",
        abstract="Our model outperforms SGGAN and StarGAN on the CelebA dataset.",
        year=2019,
    )
    linked = _linked(catalog, self_growing, segmentation_guided, citing)
    assert all("SGGAN" in [i.name for i in linked[p].introduces] for p in ("1908.03850", "1901.01569"))
    assert not [link for link in linked["x2"].links if link.method.startswith("SGGAN")]


@pytest.mark.parametrize(
    "abstract",
    [
        # arXiv 1810.03679, 1908.03440, 1905.04423 (excerpts)
        "We model this problem in a multi-agent environment and propose a Deep Reinforcement Learning (DRL) based solution.",
        "In this paper, we propose a deep reinforcement learning (DRL) solution to the grasping problem using 2.5D "
        "images as the only source of information.",
        "Experimental results show that, compared with conventional mesh, the proposed deep reinforcement learning "
        "(DRL) routerless design achieves a 3.25x increase in throughput.",
    ],
)
def test_generic_technique_acronym_qualifying_a_noun_is_not_introduced(abstract):
    paper = Paper(id="x", title="Load balancing for ultra-dense networks", abstract=abstract)
    assert "DRL" not in [i.name for i in detect_introduced(paper)]


@pytest.mark.parametrize(
    "abstract, name",
    [
        # arXiv 1908.08526, 1907.06725 (excerpts): coined long forms stay introduced
        ("We develop a new estimator based on cross-fold estimation of q-functions and marginalized density ratios, "
         "which we term double reinforcement learning (DRL).", "DRL"),
        ("In this paper we demonstrate the application and effectiveness of a new approach called mutual "
         "reinforcement learning (MRL), where both humans and autonomous agents act as reinforcement learners in a "
         "skill transfer scenario.", "MRL"),
    ],
)
def test_coined_acronym_is_still_introduced(abstract, name):
    paper = Paper(id="x", title="Estimation and recognition", abstract=abstract)
    assert name in [i.name for i in detect_introduced(paper)]


def test_uncatalogued_acronym_defined_otherwise_is_renamed_by_its_own_long_form(catalog):
    # arXiv 1904.08364 introduces ACE; arXiv 1906.11818 (excerpt) uses another ACE
    aggregation = Paper(
        id="1904.08364",
        title="Aggregation Cross-Entropy for Sequence Recognition",
        abstract="In this paper, we propose a novel method, aggregation cross-entropy (ACE), for sequence recognition "
        "from a brand new perspective. The ACE loss function exhibits competitive performance to CTC.",
        year=2019,
    )
    citing = Paper(
        id="1906.11818",
        title="More chemical detection through less sampling",
        abstract="Each of these datasets contains the release of a chemical simulant, such as glacial acetic acid, "
        "triethyl phospate, and sulfur hexafluoride, and in all cases we use the adaptive coherence estimator (ACE) "
        "to detect a target signal in the hyperspectral data cube.",
        year=2019,
    )
    alone = _linked(catalog, citing)["1906.11818"]
    assert "ACE" in [link.method for link in alone.links]  # an uncatalogued mention on its own
    linked = _linked(catalog, aggregation, citing)["1906.11818"]
    assert [(link.method, link.surface) for link in linked.links if "ACE" in link.method] == [
        ("ACE (adaptive coherence estimator)", "ACE")
    ]


def test_generic_long_form_the_title_is_stays_introduced():
    # arXiv 1903.07003 (excerpt)
    paper = Paper(
        id="1903.07003",
        title="Model-Based Task Transfer Learning",
        abstract="A model-based task transfer learning (MBTTL) method is presented.",
    )
    assert "MBTTL" in [i.name for i in detect_introduced(paper)]


# arXiv 1903.03943 (title and excerpt): detection credits it with SfM, a field term
DIFFERENTIAL_SFM = Paper(
    id="1903.03943",
    title="Rolling-Shutter-Aware Differential SfM and Image Rectification",
    abstract="In this paper, we develop a modified differential Structure from Motion (SfM) algorithm that can "
    "estimate relative pose from two consecutive frames despite of Rolling Shutter (RS) artifacts. Experiments on "
    "both synthetic and real RS images show that our RS-aware differential SfM algorithm produces more accurate "
    "results on relative pose estimation and 3D reconstruction from images distorted by RS effect compared to "
    "standard SfM algorithms that assume a GS camera model.",
    year=2019,
)
# arXiv 1901.03916 and 1902.10733 (excerpts): other papers spelling SfM out the same way
LIGHT_FIELD_FEATURES = Paper(
    id="1901.03916",
    title="LiFF: Light Field Features in Scale and Depth",
    abstract="This is particularly useful for structure from motion (SfM) and other tasks that match features "
    "across viewpoints of a scene. We demonstrate significantly improved 3D reconstructions via SfM when using "
    "LiFF instead of the leading 2D or 4D features.",
    year=2019,
)
BATHYMETRY = Paper(
    id="1902.10733",
    title="Shallow Water Bathymetry Mapping from UAV Imagery based on Machine Learning",
    abstract="UAV imagery processed with Structure from Motion (SfM) and Multi View Stereo (MVS) techniques can "
    "provide a low-cost alternative to established shallow seabed mapping techniques offering as well the "
    "important visual information.",
    year=2019,
)
# arXiv 1903.00820 (excerpt): PnP is Perspective-n-Point here too
RELATIVE_POSE = Paper(
    id="1903.00820",
    title="Robot-to-Robot Relative Pose Estimation using Humans as Markers",
    abstract="Afterwards, the follower robots match the corresponding 2D projections on their respective "
    "calibrated cameras and find their relative poses by solving the perspective-n-point (PnP) problem.",
    year=2019,
)


def _linked_to(linked, name):
    return {lp.paper.id for lp in linked if any(link.method == name for link in lp.links)}


def test_acronym_two_other_papers_spell_out_alike_is_a_field_term_linking_from_no_paper(catalog):
    linked = link_corpus([DIFFERENTIAL_SFM, LIGHT_FIELD_FEATURES, BATHYMETRY], catalog)
    assert _linked_to(linked, "SfM") == set()
    assert [i.name for i in linked[0].introduces] == ["SfM"]  # the paper's own output keeps what it says


def test_acronym_one_other_paper_spells_out_still_links_to_its_introducer(catalog):
    linked = link_corpus([DIFFERENTIAL_SFM, LIGHT_FIELD_FEATURES], catalog)
    assert _linked_to(linked, "SfM") == {LIGHT_FIELD_FEATURES.id}


def test_other_papers_spelling_an_acronym_otherwise_do_not_make_it_a_field_term(catalog):
    linked = link_corpus([PLUG_AND_PLAY, PERSPECTIVE_N_POINT, RELATIVE_POSE, BARE_PNP], catalog)
    assert _linked_to(linked, "PnP") == {BARE_PNP.id}


def test_field_terms_are_the_same_with_one_or_two_workers(catalog):
    papers = [DIFFERENTIAL_SFM, LIGHT_FIELD_FEATURES, BATHYMETRY, PLUG_AND_PLAY, BARE_PNP]
    one = [lp.to_dict() for lp in link_corpus(papers, catalog)]
    assert [lp.to_dict() for lp in link_corpus(papers, catalog, workers=2)] == one


def test_relwork_link_files_drop_field_terms_too(catalog, tmp_path):
    import io
    import json

    from relwork.linker.pipeline import link_files

    path = tmp_path / "papers.jsonl"
    papers = [DIFFERENTIAL_SFM, LIGHT_FIELD_FEATURES, BATHYMETRY]
    path.write_text("".join(json.dumps({"id": p.id, "title": p.title, "abstract": p.abstract}) + "\n" for p in papers))
    out = io.StringIO()
    link_files([path], out, catalog=catalog)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records if any(link["method"] == "SfM" for link in r["links"])] == []
    assert [i["name"] for i in records[0]["introduces"]] == ["SfM"]


def test_multiword_corpus_names_link_from_another_paper_with_a_compiled_linker(catalog):
    """arXiv 1712.02505 names the GANs two other papers of the corpus introduce ('Fisher GAN', 'Sobolev GAN');
    a Linker built from those corpus names (the matcher reads them once, as a generator) links both."""
    from relwork.linker.pipeline import Linker, collect_introduced

    fisher = Paper.create("Fisher GAN", "We introduce Fisher GAN which fits within the Integral Probability "
                          "Metrics (IPM) framework for training GANs.", arxiv_id="1705.09675", year=2017)
    sobolev = Paper.create("Sobolev GAN", "We propose a new Integral Probability Metric (IPM) between "
                           "distributions: the Sobolev IPM. We call the resulting GAN Sobolev GAN.",
                           arxiv_id="1711.04894", year=2017)
    user = Paper.create("Semi-Supervised Learning with IPM-based GANs: an Empirical Study",
                        "IPM-based GANs like Wasserstein GAN, Fisher GAN and Sobolev GAN have desirable properties "
                        "in terms of theoretical understanding, training stability.", arxiv_id="1712.02505", year=2017)
    names = collect_introduced([fisher, sobolev, user], catalog)
    assert {"Fisher GAN", "Sobolev GAN"} <= {n.name for n in names}
    linked = Linker(catalog, corpus_names=names).link(user)
    assert {"Fisher GAN", "Sobolev GAN"} <= {l.method for l in linked.links}
