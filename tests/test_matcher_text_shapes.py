"""Names hidden by TeX and HTML markup ('$\\beta$-VAE', 'Na\\"ive Bayes', 'C&amp;W') are matched in the text as it
reads and reported at the text as written. Sentences are from arXiv abstracts (shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog
from relwork.linker.matcher import Matcher, markup_view


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_catalog())


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def found(matcher, text):
    return [(m.surface, m.name) for m in matcher.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (r"We compare the Entropy-Based Exploration (EBE) with the widely used $\epsilon$-greedy exploration strategy",
         [(r"$\epsilon$-greedy", "epsilon-greedy")]),
        (r"We analyze the robustness of three popular bandit algorithms: UCB, $\varepsilon$-Greedy, and Thompson Sampling.",
         [("UCB", "UCB"), (r"$\varepsilon$-Greedy", "epsilon-greedy"), ("Thompson Sampling", "Thompson Sampling")]),
        (r"the proposed trajectory generator outperforms $\beta$-VAE and InfoGAN in terms of traffic rationality",
         [(r"$\beta$-VAE", "beta-VAE"), ("InfoGAN", "InfoGAN")]),
        (r"TiK-means: $K$-means clustering for skewed groups", [(r"$K$-means clustering", "k-means")]),
        (r"namely $k$-nearest neighbors ($k$-NN), support vector machines (SVM)",
         [(r"$k$-nearest neighbors", "k-NN"), (r"$k$-NN", "k-NN"), ("support vector machines", "SVM"), ("SVM", "SVM")]),
        (r"Focusing on $Q$-learning, we show that $Q$-learning algorithms converge",
         [(r"$Q$-learning", "Q-learning"), (r"$Q$-learning", "Q-learning")]),
        (r"First, a TD($\lambda$)-like source learning algorithm is proposed", [(r"TD($\lambda$", "TD(λ)")]),
    ],
)
def test_tex_math_symbols_read_as_the_letter(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (r"a classification study was performed on this vector space by Decision Trees, Na\"ive Bayes and Support Vector "
         r"Machines classification algorithms", [(r"Na\"ive Bayes", "Naive Bayes")]),
        (r"We show how this problem can be solved using the Nystr\"om method", [(r"Nystr\"om method", "Nystrom method")]),
        (r"a new metric that uses Fr\'echet Inception Distance (FID) to encourage similarity",
         [(r"Fr\'echet Inception Distance", "FID"), ("FID", "FID")]),
        (r"methods proposed in the literature, including FGSM, PGD, DeepFool and C&amp;W attacks.",
         [("C&amp;W attacks", "C&W attack")]),
    ],
)
def test_tex_accents_and_html_entities_are_resolved(matcher, text, expected):
    mentions = found(matcher, text)
    assert all(pair in mentions for pair in expected)


@pytest.mark.parametrize(
    "text, absent",
    [
        # a resolved accent ends a word: the city of Vitória is no ViT, WebProtégé no 'WebProt'
        (r"evaluated on five test cases (routes) in the city of Vit\'oria, each case being", "ViT"),
        # a resolved symbol joins the word it is glued to: ePCA is another name than PCA
        (r"Our procedure, steerable $e$PCA, combines in a novel way two recently introduced innovations.", "PCA"),
    ],
)
def test_resolved_markup_keeps_word_boundaries(matcher, text, absent):
    assert absent not in [name for _, name in found(matcher, text)]


def test_markup_view_maps_every_character_back_to_the_original():
    text = r"We use $\beta$-VAE, Fr\'echet distances, {\"o}, H&amp;E and $\cdot$ products."
    shown, starts, ends = markup_view(text)
    assert shown == r"We use β-VAE, Fréchet distances, ö, H&E and $\cdot$ products."
    assert len(shown) == len(starts) == len(ends)
    assert text[starts[7] : ends[7]] == r"$\beta$"
    assert all(text[starts[i] : ends[i]] == shown[i] for i in range(len(shown)) if ends[i] - starts[i] == 1)


@pytest.mark.parametrize("text", ["plain text without markup", r"a cost $c(x)$ and $x+y$ are no symbols; R&D, \cite{x}"])
def test_markup_view_is_none_when_nothing_resolves(text):
    assert markup_view(text) is None


def test_markup_view_reads_tex_escapes_and_an_escaped_dollar_opens_no_math():
    shown, _, _ = markup_view(r"prices in \$k\$ units, the C\&W attack and H\&amp;E staining")
    assert shown == "prices in $k$ units, the C&W attack and H&E staining"


def test_links_keep_the_surface_as_written_in_the_abstract(linker):
    abstract = (r"We then propose variants of the $\epsilon$-greedy and LinUCB contextual bandit algorithms to "
                r"minimize cumulative regret within the multi-armed bandit framework.")
    linked = linker.link(Paper.create("Contextual bandits with delayed feedback", abstract))
    by_method = {link.method: link for link in linked.links}
    link = by_method["epsilon-greedy"]
    assert link.surface == r"$\epsilon$-greedy" == abstract[link.start : link.end]


@pytest.mark.parametrize(
    "text", ["with epsilon-greedy exploration", "the ε-greedy policy", "an ϵ-greedy policy", "epsilon-Greedy and random"]
)
def test_epsilon_greedy_spellings_reach_one_entry(matcher, text):
    assert [name for _, name in found(matcher, text)] == ["epsilon-greedy"]


def test_unversioned_inception_written_as_a_model_is_googlenet(matcher):
    text = ("We compare the performance of the networks VGG16, several ResNets, Inception architectures, the recent "
            "DenseNets, and MobileNet.")
    assert ("Inception architectures", "GoogLeNet") in found(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        # lower case: another design that borrows the word
        "propose novel graph inception networks to represent 3D points in each voxel of a CNN pipeline",
        # a versioned Inception is its own entry; a block of it is no model
        "we have used a pretrained Inception-V3 model to take advantage of its Inception modules on images",
    ],
)
def test_inception_as_a_word_or_a_version_is_not_googlenet(matcher, text):
    assert "GoogLeNet" not in [name for _, name in found(matcher, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("than if we were to train just the final layer of VGG16, ResNet18, and DenseNet40 with random weights.",
         [("VGG16", "VGG"), ("ResNet18", "ResNet"), ("DenseNet40", "DenseNet")]),
        ("a family of decoders which fit into a small run-time budget using VGG10 as efficient encoder.",
         [("VGG10", "VGG")]),
        ("further using the powerful SENet154 armed with feature pyramid module", [("SENet154", "SENet")]),
        ("We construct an efficient architecture using a small resnet10 like encoder", [("resnet10", "ResNet")]),
    ],
)
def test_depth_glued_to_a_method_name_is_that_method(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Results on the PETS2015 challenge sequences", "PETS"),  # four digits: a year
        ("We train GPT2 and T5 models", "GPT"),  # one digit: a version, catalogued as its own entry
    ],
)
def test_glued_number_that_is_no_depth_keeps_its_reading(matcher, text, absent):
    assert absent not in [name for _, name in found(matcher, text)]
