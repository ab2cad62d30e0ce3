"""Prior methods no catalog knows yet ("Titans", "Monarch Mixer", "PVTv2"), linked at lower confidence.

A name is linked as kind ``uncatalogued`` only when both hold:

* it is name-like: CamelCase ("DeepTransformers", "MiniLMv2"), a family suffix ("-former", "-BERT",
  "-Net", "-GPT", "-Mamba", "-LSTM", "-ViT", "-T5"), or letters with digits ("PVTv2", "S3D"); generic
  families (CNN, LLM, SSM, MoE ...), software and organisations (PyTorch, OpenAI) never are;
* it is used as a prior method: the object of a comparison or usage cue ("outperforms X", "compared with
  X", "X and Y as baselines", "based on X", "built on X", "fine-tune X", "methods like X"), including a list
  after the cue ("outperforms PVTv2, ResMLP and DeiT") and a method noun in apposition ("compared with the
  latest method SSCNet"), the head of "the (state-of-the-art) X model / architecture / baseline", an item of
  a list that holds a catalogued method ("for Inception-V3, GNMT, and BigLSTM"), or the word a citation
  follows ("a variant of FusionNet [12]", "ADEM (Lowe et al. 2017)").

A name the abstract defines ("Inception Recurrent Residual Convolutional Neural Network (IRRCNN)") needs
less: any acronym of 3+ characters, when the long form ends in a method noun (network, model, GAN ...) or
the short form is name-like, and the definition stands in a use or comparison context ("using ...",
"inspired by ...", "compared with ...", "(X) model is used for ..."), without 'our' or 'the proposed'.

Names the paper introduces and spans the exact stage already resolved are skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Container

import ahocorasick_rs

from relwork.linker.catalog import alias_key
from relwork.linker.introduced import DATASET_WORDS, GENERIC, Definition, _matches_in, find_definitions
from relwork.linker.matcher import Mention, normalize

CONFIDENCE = 0.5

NOT_METHODS = frozenset(
    alias_key(w)
    for w in """
    PyTorch TensorFlow JAX Keras HuggingFace GitHub OpenAI DeepMind Google Microsoft Meta NVIDIA YouTube LaTeX
    ArXiv Wikipedia PubMed WordNet ImageNet ChatGPT-like MATLAB OpenCV SciPy NumPy CUDA cuDNN LinkedIn
    iPhone iOS MacOS PowerPoint JavaScript TypeScript PostgreSQL MongoDB McDonald DeepSpeed Megatron
    SoTA SOTA LLaMA-like GPUs TPUs Internet Ethernet Cabinet Planet Magnet LiDAR WeChat MySQL NoSQL MXNet
    ReID CIDEr METEOR SPICE PhD MSc BSc ImageNet-like Seq2Seq seq2seq Encoder-Decoder JavaScript GitLab
    ODE ODEs PDE PDEs SDE SDEs fMRI EEG MRI spaCy NLTK CoreNLP Stanza scikit-learn Gensim Weka
    RoI ConvNet ConvNets LfD DoF kNN BoW AutoML OpenIE coNP NP-hard NP-complete eXtreme JPEG PNG MPEG HEVC GIF MP3 HTML XML JSON SQL
    OpenMP OpenCL OpenGL OpenBLAS OpenStreetMap WebGL WebAssembly LabVIEW Simulink ArcGIS TensorRT ARKit ARCore
    CRFSuite LIBSVM LIBLINEAR MFCC MFCCs WiFi Wi-Fi Bluetooth RGB-D RGBD RGB-T
    """.split()
)
ELEMENTS = frozenset(
    """H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr
    Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W
    Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu""".split()
)
_CHEMICAL = re.compile(r"(?:[A-Z][a-z]?(?:\d+(?:\.\d+)?)?)+")
# token shapes (precompiled: is_method_like and friends run for every candidate token; no re cache lookups)
_ELEMENT_SYMBOL = re.compile(r"[A-Z][a-z]?")
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]+")
_CAPITAL_PLURAL_END = re.compile(r"[A-Z]s$")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_SPELLED_CAPS = re.compile(r"[A-Z]{2}[a-z]{3,}")
_PLAIN_ACRONYM = re.compile(r"[A-Z]+s?")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_LETTER_DIGIT = re.compile(r"[A-Za-z]\d|\d[A-Za-z]")
_CAPITAL = re.compile(r"[A-Z]")
_ACRONYM_NUMBER = re.compile(r"[A-Z]+-?\d+[A-Z]?")
_LONG_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{3,}")
_JOINED_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+")


def is_chemical(token: str) -> bool:
    """'AlGaN', 'ZnO', 'Ga2O3', 'In0.17Al0.83N': a formula of element symbols, not a model."""
    if not _CHEMICAL.fullmatch(token):
        return False
    return all(sym in ELEMENTS for sym in _ELEMENT_SYMBOL.findall(token))

# generic parts of compounds ('CNN-LSTM', 'Bi-RNN', 'BiLSTM-CRF'): the catalog links the families themselves
_GENERIC_PARTS = frozenset("encoder decoder seq2seq crf svm hmm lstm gru bi bilstm blstm".split())
# classic model families the annotation guidelines count as generic (like GAN or VAE), which abstracts define and
# compare with ('compared to a Gaussian mixture model (GMM) based system'): 6 such links in the 19k arXiv abstracts
_GENERIC_FAMILIES = frozenset("gmm gmms mrf mrfs mcmc smbo".split())
_GENERIC_ALL = GENERIC | _GENERIC_PARTS | _GENERIC_FAMILIES
# list cues ('such as', 'including') introduce methods only when the words before say so
_LIST_CUES = ("such", "including", "like", "e.g.")
# a lower-case word after an acronym makes it a modifier ('SRAM operations', 'RGBT trackers'), not a name
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:on|in|by|with|for|at|across|while|when|which|that|and|or|as|under|to|respectively|in|from)\b)[a-z]"
)
_COMPARE_CUES = ("outperform", "surpass", "beat", "compared", "comparison", "compare", "than", "versus", "vs", "against")
_METHOD_NOUNS = re.compile(
    r"\b(?:models?|methods?|architectures?|baselines?|networks?|approaches|algorithms?|detectors?|backbones?|"
    r"encoders?|frameworks?|systems?|techniques?|variants?|competitors?)\b[^.;]{0,30}$"
)
_SUFFIX = re.compile(
    r"(?:former|formers|bert|net|nets|gpt|mamba|lstm|vit|t5|llama|gan|vae|diffusion|rnn|cnn|mixer|coder|"
    r"attention|transformer|xl|rec|seg|det|clip|sam|dino|nerf|gnn)$",
    re.I,
)
_NAME = r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
_APPOSED_NOUN = r"(?:methods?|models?|networks?|detectors?|trackers?|architectures?|frameworks?|algorithms?|approach(?:es)?|baselines?|backbones?)"
_CUE = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|(?:compared|comparison|comparable)\s+"
    r"(?:with|to|against)|compare\s+(?:\w+\s+){0,3}?(?:with|to|against)|than|versus|vs\.?|against|over|"
    r"baselines?(?:\s+(?:such\s+as|including|like))?|(?:such\s+as|including|like|e\.g\.,?)|based\s+on|built\s+(?:on|upon)|"
    r"on\s+top\s+of|extends?|extending|fine-?tun(?:e|es|ed|ing)|initiali[sz]ed\s+(?:from|with)|"
    r"distill(?:ed|ing)?\s+from)\s+"
    r"(?:(?:the|a|an|strong|state-of-the-art|sota|existing|previous|recent|popular|prior|competitive|"
    r"several|various|many|other|both|standard|vanilla|original|pretrained|pre-trained)\s+)*"
)
# a method noun in apposition after the cue: 'compared with the latest method SSCNet', 'the popular detector YOLOv3'
_APPOSED = re.compile(r"(?:(?!proposed\b|novel\b|new\b|our\b)[a-z][a-z-]*\s+){0,2}" + _APPOSED_NOUN + r"\s+(?=[A-Z])")
_PRIOR_APPOSITION = re.compile(
    r"\b(?:previous|prior|earlier|recent|existing|concurrent)\s+(?:study|work|method|approach|model|framework|system)"
    r"\s*,\s*(?:called\s+|named\s+|namely\s+|i\.e\.,?\s+)?(?P<name>" + _NAME + r")(?=\s*[,(])",
    re.I,
)
# 'we build ADMM-NN-S by extending ADMM-NN, a recently proposed joint weight pruning framework': a name in
# apposition with 'a recently / previously proposed ...' or 'proposed by / in ...' is prior work
_PROPOSED_APPOSITION = re.compile(
    r"(?P<name>" + _NAME + r")\s*,\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:recently|previously)\s+(?:proposed|introduced|developed|published)"
    r"|(?:recently\s+|previously\s+|originally\s+)?(?:proposed|introduced)\s+(?:by|in)\s)"
)
_PROPOSED_TAIL = re.compile(_PROPOSED_APPOSITION.pattern.split(r"\s*", 1)[1])  # from the comma on
_PRIOR_WORDS = ("previous", "prior", "earlier", "recent", "existing", "concurrent")
_PRIOR_NOUNS = ("study", "work", "method", "approach", "model", "framework", "system")
# the only characters that match an ASCII letter under re.I without lower-casing to it ('ſ' is 's')
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f]")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _name_before(text: str, j: int) -> tuple[int, int]:
    """(start, end) of the name-like word that ends at ``j`` once spaces before ``j`` are skipped; start ==
    end when there is none. Read backwards by hand: a regex anchored there would be tried at every character."""
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and text[k - 1] in _NAME_CHARS:
        k -= 1
    while k < j and not text[k].isalpha():
        k += 1
    return k, j


def _prior_appositions(
    text: str, norm: str | None = None, starts: list[tuple[int, int]] | None = None
) -> list[re.Match]:
    """``_PRIOR_APPOSITION.finditer(text)``, tried only where one of its first words starts.

    The pattern opens with a case-insensitive alternation that the regex engine tries at every
    character (~37 us an abstract); ``starts`` are where the cue automaton found those words ((start, length)
    in ``norm``, the lower-cased text), and the pattern is matched only there, left to right and without
    overlaps, as ``finditer`` does, when the word is followed by one of its nouns."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):  # (isascii is a flag: free; the search is not)
        return list(_PRIOR_APPOSITION.finditer(text))
    if norm is None:
        norm = normalize(text)
    if starts is None:
        hits = _AUTOMATON.find_matches_as_indexes(" " + norm)
        starts = [(start, end - start - 1) for index, start, end in hits if index >= _N_HEADS]
    windows: list[tuple[int, int | None]] = []
    for start, length in starts:
        j = start + length
        if text[j : j + 1].isspace():
            while text[j : j + 1].isspace():
                j += 1
            if norm.startswith(_PRIOR_NOUNS, j):
                windows.append((start, None))
    return _matches_in(_PRIOR_APPOSITION, text, windows)


def _proposed_appositions(text: str) -> list[re.Match]:
    """``_PROPOSED_APPOSITION.finditer(text)``, tried only before a comma that its tail (', a recently
    proposed ...', ', introduced by ...') follows.

    The pattern opens with a name, which the engine tries at every character (~250 us an abstract). Its
    tail holds no comma, so each match ends at the first such tail after its name; the name is a run of
    name characters ending just before the comma, where the pattern is then matched."""
    windows = []
    for tail in _PROPOSED_TAIL.finditer(text):
        j = tail.start()
        while j > 0 and text[j - 1].isspace():
            j -= 1
        while j > 0 and text[j - 1] in _NAME_CHARS:
            j -= 1
        windows.append((j, tail.end()))
    return _matches_in(_PROPOSED_APPOSITION, text, windows)


# 'using Collaborative Generative Adversarial Networks (CollaGAN)', 'inspired by ... Global Convolution
# Networks (GCNet)', 'compared to the Recurrent Residual U-Net (R2U-Net)': a defined name used or compared with
_USE_WORDS = frozenset(
    """use uses used using utilize utilizes utilized utilizing utilise utilises utilised utilising employ employs
    employed employing adopt adopts adopted adopting apply applies applied applying leverage leverages leveraged
    leveraging extend extends extended extending fine-tune fine-tunes fine-tuned fine-tuning finetune finetuned
    finetuning outperform outperforms outperformed outperforming surpass surpasses surpassed surpassing than
    versus vs vs. against e.g. e.g., including modify modifies modified modifying improve improves improving
    incorporate incorporates incorporated incorporating integrate integrates integrating reimplement
    reimplemented re-implement re-implemented revisit revisits revisited""".split()
)
_USE_PAIRS = frozenset(
    tuple(p.split())
    for p in """based on|based upon|built on|built upon|top of|inspired by|inspired from|such as|compared with|
    compared to|compared against|compare with|compare to|comparison with|comparison to|comparable to|
    comparable with|competitive with|competitive to|build on|builds on|building on|build upon|builds upon|
    building upon|study of|variant of|extension of|version of|modification of""".replace("\n", "").split("|")
)
# words that may stand between the cue and the long form ('using the recently proposed ...')
_USE_MODIFIERS = frozenset(
    """the a an state-of-the-art popular well-known existing previous prior recent recently previously proposed
    introduced developed pretrained pre-trained standard original classic classical conventional modified
    improved strong powerful famous""".split()
)
_WORD = re.compile(r"\S+")


def _use_cue(before: str) -> int | None:
    """Where the use or comparison cue that ``before`` ends with (modifiers aside) starts, or None.

    Reads the last words backwards instead of matching a regex that ends in '$' (which the engine would try
    at every character of the window)."""
    words = _WORD.findall(before)[-8:]
    starts = []
    pos = len(before)
    for w in reversed(words):
        pos = before.rfind(w, 0, pos)
        starts.append(pos)
    words = [w.lower().lstrip("(") for w in reversed(words)]  # last word first; '(e.g., BERT and ...'
    for i, word in enumerate(words):
        if word in _USE_WORDS:
            return starts[i]
        if i + 1 < len(words) and (words[i + 1], word) in _USE_PAIRS:
            return starts[i + 1]
        if word not in _USE_MODIFIERS:
            break
    return None


_USE_AFTER = re.compile(
    r"\)?\s*(?:(?:models?|networks?|architectures?|algorithms?|methods?)\s+)?(?:is|are|was|were|has\s+been|"
    r"have\s+been|had\s+been)\s+(?:(?!widely|commonly|often|extensively|frequently|generally|usually|typically)"
    r"\w+ly\s+)?(?:used|adopted|employed|applied|utili[sz]ed|leveraged|fine-?tuned|chosen|selected)\b"
)
_METHOD_HEADS = frozenset(
    """network net model machine gan transformer autoencoder encoder algorithm architecture classifier
    regressor detector tracker filter forest optimizer optimization policy critic estimator sampler cnn rnn
    convnet lstm""".split()
)
# words a family's long form is made of ('deep convolutional spiking neural network', 'Genetic Algorithm',
# 'Agent Based Model'); a long form with no other word names no one method
_FAMILY_WORDS = frozenset(
    """deep convolutional convolution neural network networks net nets recurrent spiking generative adversarial
    autoencoder autoencoders auto encoder encoders decoder decoders variational denoising binarized binary graph
    language model models fully connected feed forward feedforward artificial genetic evolutionary algorithm
    algorithms probabilistic graphical machine machines learning multi layer layers multilayer perceptron
    perceptrons long short term memory dimensional bi directional bidirectional agent discriminator generator
    residual attention transformer transformers 1d 2d 3d dense sparse bayesian hierarchical sequence sequential
    recursive capsule spatial temporal hybrid simple linear nonlinear support vector logistic regression random
    decision tree trees forest forests large pre trained pretrained based end to and of the a an with for""".split()
)
_NOUN_AFTER_DEFINITION = re.compile(
    r"\)?\s*(?:(?!to\b|and\b|or\b|of\b)[a-z]+\s+)?(?:models?|networks?|architectures?|algorithms?)\b"
)
_NEXT_ITEM = re.compile(r"\)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+|a\s+|an\s+)?")
_COMMONLY = re.compile(r"\b(?:widely|commonly|often|frequently|extensively|generally|usually|typically)\s+$", re.I)
# the sentence that proposes the paper's method ('we propose', 'this paper presents', 'our method is based on')
_OWN_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his\s+(?:paper|work|study|article|letter))\b")
# 'we modify a recently proposed ...' names a prior method, not the paper's proposal
_PROPOSAL = re.compile(
    r"(?<!recently )(?<!previously )\b(?:propos|present|introduc|develop|design|devis|formulat)(?:e|es|ed|ing|s)?\b", re.I
)
_OUR_METHOD = re.compile(
    r"\b[Oo]ur\s+(?:\w+\s+)?(?:method|approach|model|framework|system|network|architecture|algorithm)\b"
)
_TITLE_WORD = r"(?:[A-Z0-9][\w'-]*|of|for|and|with|based|on|in|the|to|-)"
_TITLE_CASE = re.compile(_TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r")*")
_OWN_PROPOSED = re.compile(r"(?<!recently )(?<!previously )\b(?:proposed|introduced|developed)\b", re.I)


def _defined_priors(text: str, taken: list[tuple[int, int]], exclude: Container[str]) -> list[Definition]:
    """Definitions 'Long Form (SHORT)' / 'SHORT (long form)' of a method the abstract uses or compares with.

    The long form must end in a method noun (or a name-like short form be followed by one: '(CPoLS) model')
    and hold a word beyond a family's vocabulary; the text before it must end in a use or comparison cue
    ('using', 'inspired by', 'compared to the'; not 'commonly used'), continue a list of such definitions,
    or a Title Case definition be followed by 'is used / adopted / employed'. The paper's own method is
    kept out: 'the proposed ...' after the cue, a long form holding one of the paper's names ('stacked
    CA-GANs (SCA-GAN)'), and, in a sentence where the paper proposes its method ('we propose a ... framework
    based on a 3D Feature Pyramid Network (3DFPN)'), anything but a Title Case long form of a name-like
    short form without 'a'/'an'. A long form one catalog mention covers is that entry's.
    """
    out: list[Definition] = []
    for d in _candidate_definitions(text, exclude):
        words = [w.lower() for w in _ALNUM_WORD.findall(d.long)]
        if not words or all(w in _FAMILY_WORDS or w.isdigit() for w in words):
            continue  # 'deep convolutional spiking neural network (DCSNN)', 'Genetic Algorithm (GenAlg)': a family
        first, last = min(d.long_span[0], d.short_span[0]), max(d.long_span[1], d.short_span[1])
        noun_after = _NOUN_AFTER_DEFINITION.match(text, last)
        if _singular(words[-1]) not in _METHOD_HEADS and not (
            noun_after and (is_method_like(d.short) or not noun_after.group().endswith("s"))
        ):
            continue  # 'inverse tone mapping (iTM)', 'machine reading comprehension (MRC) models'
        if any(ts <= d.long_span[0] and d.long_span[1] <= te for ts, te in taken):
            continue
        if any(alias_key(w) in exclude or alias_key(w).rstrip("s") in exclude for w in d.long.split()):
            continue
        title_case = _TITLE_CASE.fullmatch(d.long) is not None
        before = text[max(0, first - 80) : first]
        cue = _use_cue(before)
        if cue is not None and (_OWN_PROPOSED.search(before, cue) or _COMMONLY.search(before, 0, cue)):
            continue  # 'using the proposed Deep Foo Network (DFN)'; 'commonly used ... (CNN-CRF) models'
        # '... compared with the Classical Tsetlin Machine (CTM) and the Multiclass Tsetlin Machine (MTM)'
        listed = bool(out) and _NEXT_ITEM.fullmatch(text, max(out[-1].long_span[1], out[-1].short_span[1]), first)
        used = (title_case or is_method_like(d.short)) and _USE_AFTER.match(text, last)
        if cue is None and not listed and not used:
            continue
        if _proposes_own(text[text.rfind(". ", 0, first) + 1 : first], d, title_case):
            continue
        out.append(d)
    return out


_SHORT_IN_PAREN = re.compile(r"\(\s*([A-Za-z0-9][A-Za-z0-9-]*)\s*\)")
_SHORT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def _short_before_paren(text: str, pos: int) -> str:
    """The word before the parenthesis at ``pos`` ('SHORT (long form)'), within 40 characters, or ''.

    The same as searching ``([A-Za-z0-9][A-Za-z0-9-]*)\\s+\\($`` in the 40 characters before, read backwards
    by hand (the search would start at every one of them)."""
    low = max(0, pos - 40)
    j = pos
    while j > low and text[j - 1].isspace():
        j -= 1
    if j == pos:
        return ""
    k = j
    while k > low and text[k - 1] in _SHORT_CHARS:
        k -= 1
    while k < j and text[k] == "-":
        k += 1
    return text[k:j]


def _candidate_definitions(text: str, exclude: Container[str]) -> list[Definition]:
    """``find_definitions(text)`` restricted to short forms that :func:`_definable` accepts and ``exclude``
    lacks, computed only around the parentheses that hold or follow one (the long-form search is the
    costly part, and most parentheses hold numbers, citations, generic or the paper's own acronyms)."""
    out = []
    pos = text.find("(")
    while pos != -1:
        inner = _SHORT_IN_PAREN.match(text, pos)
        short = inner.group(1) if inner else _short_before_paren(text, pos)
        if short and _definable(short) and alias_key(short) not in exclude:
            base = max(0, pos - 200)
            close = text.find(")", pos, pos + 122)
            # a parenthesis before ``pos`` in the window defines nothing that reaches ``pos``: skipped
            for d in find_definitions(text[base : close + 1 if close != -1 else pos + 1], pos - base):
                if d.short == short and max(d.short_span[1], d.long_span[1]) > pos - base:
                    shift = lambda span: (span[0] + base, span[1] + base)  # noqa: E731
                    out.append(Definition(d.short, d.long, shift(d.short_span), shift(d.long_span)))
        pos = text.find("(", pos + 1)
    return out


def _proposes_own(sentence: str, d: Definition, title_case: bool) -> bool:
    """Whether a definition, in the sentence (up to it) where the paper proposes its method, is that method:
    'we propose a ... framework based on a 3D Feature Pyramid Network (3DFPN)', 'This paper proposes a ...
    method by using the Variational Autoencoder based on Transformer (VAET)', 'we introduce an MRI denoising
    method based on the residual encoder-decoder Wasserstein generative adversarial network (RED-WGAN)'.
    'we present a systematic approach using Collaborative Generative Adversarial Networks (CollaGAN)' is
    not."""
    indefinite = re.search(r"\b(?:a|an)\s+$", sentence) is not None
    if _OWN_VOICE.search(sentence) and _PROPOSAL.search(sentence):
        based = re.search(r"\b(?:based|built)\s+(?:up)?on\s+(?:the\s+)?$", sentence) is not None
        return indefinite or not is_method_like(d.short) or (based and not title_case)
    return indefinite and _OUR_METHOD.search(sentence) is not None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _METHOD_HEADS else word


# bounded caches (here and below): their hits are repeats within a paper or a few papers apart, so 4,096
# entries keep the hits of 16,384 (66.9% and 69.7% of the calls on 20,000 bench abstracts, either size) at a
# quarter of the memory (~0.9 MB instead of ~3.6 MB once a long run fills them: the link run's memory must not
# grow with the corpus)
@lru_cache(maxsize=1 << 12)
def _definable(short: str) -> bool:
    """A short form that can name a prior method once defined: name-like, or an acronym of 3+ characters
    that is no generic family, software, metric or organisation."""
    key = alias_key(short)
    if key in GENERIC or key.rstrip("s") in GENERIC or key in NOT_METHODS or key in _METRICS or key in _GENERIC_ALL:
        return False
    if is_chemical(short) or _CAPITAL_PLURAL_END.search(short):
        return False  # a plural ('BCNNs', 'PGMs') names a class of models
    if all(alias_key(p).rstrip("s") in _GENERIC_ALL for p in short.split("-")):
        return False  # 'CNN-CRF' 
    return is_method_like(short) or (_TWO_CAPITALS.fullmatch(short) is not None
                                     and len(key) >= 3)


_DATA_PARTS = re.compile(r"\b(?:subsets?|splits?|challenge|task|shared\s+task|data)\b", re.I)
# 'the hredGAN model', 'the state-of-the-art hredGAN architecture', 'the recent FMNet architecture'
_HEAD = re.compile(
    r"\b(?:the|a|an|our|their|its)\s+(?:(?:state-of-the-art|recent|popular|well-known|classic|classical|"
    r"original|existing|standard|conventional|famous)\s+){0,2}(?P<name>" + _NAME + r")\s+$"
)
_AS_BASELINE = re.compile(r"(?P<name>" + _NAME + r")\s+(?:as|is|are)\s+(?:a\s+|the\s+|our\s+)?$")

# cue words located by one automaton pass over the normalised text; regexes then run anchored at them
_CUE_WORDS = (
    "outperform surpass beat compared comparison comparable compare than versus vs against over baseline "
    "baselines such as including based on built on built upon on top of extend extends extending fine tune "
    "fine tunes fine tuned fine tuning finetune finetunes finetuned finetuning initialized initialised "
    "distilled distilling distill"
).split(" ")
_CUE_KEYS = ["outperform", "surpass", "beat", "compared", "comparison", "comparable", "compare", "than", "versus",
             "vs", "against", "over", "baseline", "such as", "including", "e g", "based on", "built on", "built upon",
             "on top of", "extend", "fine tun", "finetun", "initiali", "distill", "like"]
_HEAD_KEYS = ["model", "architecture", "network", "baseline", "backbone"]
# 'the DiffAI system', 'the SafeRTS algorithm': heads that also follow software, tasks and sensors ('the
# reCAPTCHA system', 'the rPPG algorithm'), so the name before them must open with a capital
_CAPITAL_HEAD_KEYS = ["system", "algorithm", "detector", "tracker"]
_AUTOMATON = ahocorasick_rs.AhoCorasick(
    [" " + k for k in _CUE_KEYS + _HEAD_KEYS + _CAPITAL_HEAD_KEYS + list(_PRIOR_WORDS)]
)
_N_CUES = len(_CUE_KEYS)
_N_PLAIN_HEADS = _N_CUES + len(_HEAD_KEYS)  # keys from here on need a capitalised name before them
_N_HEADS = _N_PLAIN_HEADS + len(_CAPITAL_HEAD_KEYS)  # keys from here on are the first words of _PRIOR_APPOSITION
_SIZE_SUFFIX = re.compile(r"-(?:[BSLHTG]\d*|Base|Large|Small|Tiny|XL|\d+[BMK])$", re.I)
_LIST_ITEM = re.compile(r"(?P<name>" + _NAME + r")(?:\s*\[[\d,\s]+\])?(?:\s*\([^()]{0,40}\))?")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/)")


@lru_cache(maxsize=1 << 12)
def is_method_like(token: str) -> bool:
    """Name-like enough to be an uncatalogued method (see module docstring)."""
    if len(token) < 3:
        return False
    key = alias_key(token)
    if key in GENERIC or key.rstrip("s") in GENERIC or key in NOT_METHODS:
        return False
    if is_chemical(token):
        return False
    parts = token.split("-")
    if len(parts) > 1 and (parts[-1].islower() or all(alias_key(p).rstrip("s") in _GENERIC_ALL for p in parts)):
        return False  # 'GaAs-based', 'CNN-RNN', 'LSTM-RNNs': compounds of a word or of generic parts
    if _SPELLED_CAPS.fullmatch(token):
        return False  # 'MObile', 'ATtention': letters capitalised to spell an acronym
    if _PLAIN_ACRONYM.fullmatch(token):
        return False  # plain acronyms (NER, LLMs) are too often generic
    if _CAPITALISED_WORD.fullmatch(token):
        return bool(_SUFFIX.search(token)) and len(token) > 6  # 'Longformer'-like single words
    if _CAMEL.search(token):
        return True  # CamelCase: 'DeepSeek', 'ResMLP', 'BERTweet'
    if _LETTER_DIGIT.search(token) and _CAPITAL.search(token):
        return not _ACRONYM_NUMBER.fullmatch(token) or bool(_SUFFIX.search(token.split("-")[0]))
    return bool(_SUFFIX.search(token)) and any(c.isupper() for c in token)


def _is_model_acronym(token: str) -> bool:
    """An all-capitals name of 4+ letters that is no generic term ('PERQA', 'ADMM-NN', not 'LLMS', 'BLEU' or
    'CNN-RNN')."""
    key = alias_key(token)
    return (
        (_LONG_ACRONYM.fullmatch(token) is not None
         or (_JOINED_ACRONYM.fullmatch(token) is not None and len(key) >= 4
             and not all(alias_key(p).rstrip("s") in _GENERIC_ALL for p in token.split("-"))))
        and key not in GENERIC
        and key not in NOT_METHODS
        and key not in _METRICS
    )


_METRICS = frozenset("bleu rouge meteor cider spice bertscore wer cer mrr ndcg psnr ssim lpips fid auroc auprc".split())

# 'for Inception-V3, GNMT, and BigLSTM', 'trackers: SRDCF and ECO', '(VoxResNet and 3D-U-Net)': a coordinated
# list that holds a catalogued method lists methods; its other name-like items are prior methods too
_ANCHOR_SEP = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)")
_LIST_HEAD_OTHER = re.compile(
    r"\s+(?:features?|descriptors?|scores?|metrics?|measures?|data|libraries|library|toolkits?|tools?|packages?|"
    r"languages?|sensors?|cameras?|files?|formats?|tasks?|challenges?|competitions?|images?|videos?|"
    r"datasets?|databases?|benchmarks?|corpus|corpora)\b"
)
# words before a list or a citation that say it names no method ('lexicon based tools including VADER, Empath,
# LIWC', 'the declarative planning language, such as STRIPS or PDDL', 'knowledge graphs: ATOMIC (Sap et al.)')
_RESOURCE_WORDS = re.compile(
    r"\b(?:knowledge\s+(?:graphs?|bases?)|lexicons?|ontolog(?:y|ies)|tools?|toolkits?|librar(?:y|ies)|"
    r"software|packages?|languages?|platforms?)\b",
    re.I,
)
_BEFORE_SEPARATORS = (",", " and", " or", "/")
_BEFORE_WORDS = (", ", ",", " and ", " or ", "/")
_AFTER_SEPARATORS = (",", "/")
_AFTER_WORDS = (" and ", " or ", " (", " /")
# the parts of the paper's own method: 'which consists of two parts i.e. Multipath DenseNet and SE-ConvNet',
# 'combines two custom deep networks, ChArUcoNet and RefineNet', 'OpenPose and skeletonRetriever are proposed'
_OWN_PARTS = re.compile(r"\b(?:consists?\s+of|composed\s+of|compris|custom|(?:is|are)\s+proposed)", re.I)
_CAPITAL_AFTER = re.compile(r" [A-Z]")


def _item_before(text: str, pos: int) -> tuple[str, int] | None:
    """The list item that a separator (', ', ' and ', ', or ', '/') before ``pos`` follows, as (name, start).

    Read backwards by hand: a regex anchored at ``pos`` would be tried at every character before it."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    for sep in _BEFORE_SEPARATORS:
        if text.endswith(sep, 0, j):
            j -= len(sep)
            break
    else:
        return None
    if text.endswith(",", 0, j):  # 'A, B, and C'
        j -= 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j > 0 and text[j - 1] == ")":  # 'MobileNet-SSD (v1 & v2), SqueezeDet'
        open_ = text.rfind("(", max(0, j - 42), j)
        if open_ == -1:
            return None
        j = open_
    k, j = _name_before(text, j)
    name = text[k:j].rstrip(".")
    return (name, k) if name else None


def _listed_with_methods(text: str, methods: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Name-like items of a list that holds a catalogued method (``methods`` spans), as (name, start).

    A list that holds something else the linker resolved (a dataset), follows dataset words ('datasets such
    as GAP, DPR, WNLI and WinoGender') or ends in a noun other than a method's ('LBP and LoG features') is
    not a list of methods."""
    out: list[tuple[str, int]] = []
    seen: set[int] = set()
    method_starts = {s for s, _ in methods}
    others: list[tuple[int, int]] | None = None  # the resolved spans that are no catalogued method
    for ms, me in methods:
        if ms in seen:
            continue
        after = text[me : me + 1]
        if not (
            after in _AFTER_SEPARATORS
            or (after == " " and text.startswith(_AFTER_WORDS, me))
            or text.endswith(_BEFORE_WORDS, 0, ms)
        ):
            continue  # (checked by hand first: most catalogued mentions stand in no list)
        items = [(text[ms:me], ms)]
        walked = 1
        pos = me
        for _ in range(6):  # forward: ', GNMT, and BigLSTM'
            sep = _ANCHOR_SEP.match(text, pos)
            item = sep and _LIST_ITEM.match(text, sep.end())
            if not item:
                break
            walked += 1
            if not _CAPITAL_AFTER.match(text, item.end()) and not text.startswith("+", item.end()):
                # not 'FAST' of 'FAST QA', not 'LIWC' of 'LIWC+SVM'
                items.append((item.group("name"), item.start("name")))
            pos = item.end()
        end = pos
        pos = ms
        for _ in range(6):  # backward: 'Inception-V3, GNMT, and '
            before = _item_before(text, pos)
            if before is None:
                break
            items.insert(0, before)
            walked += 1
            pos = before[1]
        if walked == 1 or (walked == 2 and "," in text[items[0][1] : items[-1][1]]):
            continue  # two items joined by a comma are two clauses: 'for any SDoH, and Flan-T5 XXL
        seen.update(s for _, s in items)
        named = [(n, s) for n, s in items if s not in method_starts and (is_method_like(n) or _is_model_acronym(n))]
        if not named:
            continue
        first = items[0][1]
        if others is None:
            spans = set(methods)
            others = [span for span in taken if span not in spans]
        resolved_other = any(ts < s + len(n) and s < te for n, s in items for ts, te in others)
        before = text[max(0, first - 60) : first]
        if (
            resolved_other
            or DATASET_WORDS.search(before)
            or _RESOURCE_WORDS.search(before)
            or _LIST_HEAD_OTHER.match(text, end)
        ):
            continue
        token = text.rfind(" ", 0, first) + 1
        if "://" in text[token:end] or "www." in text[token:end]:
            continue  # 'https://github.com/PaddlePaddle/ERNIE'
        if _OWN_PARTS.search(text, max(0, first - 100), end + 20):
            continue
        out += named
    return out


# a name right before a citation is prior work: 'an efficient variant of FusionNet [12]', 'ADEM (Lowe et al.
# 2017) formulated ...'; not a dataset it is evaluated on ('results on DAWNBench [5]', 'dataset, ProPara (...)')
_CITATION = re.compile(
    r"\s*(?:\((?:[A-Z][\w'-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][\w'-]+))?,?\s+(?:19|20)\d\d[a-z]?)(?:;[^()]{0,60})?\)"
    r"|\[\d+(?:\s*[,\u2013-]\s*\d+)*\])"
)
_CITE_STARTS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # an author's name opens '(Lowe et al. 2017)'
_EVALUATED_ON = re.compile(r"\b(?:results?|evaluat\w*|experiments?|tested|trained|accuracy|performance)\s+on\s+(?:the\s+)?$")


def _cited_names(text: str) -> list[tuple[str, int]]:
    """Name-like words that a citation ('[12]', '(Lowe et al., 2017)') follows, as (name, start)."""
    out = []
    for opener in ("[", "("):
        i = text.find(opener)
        while i != -1:
            k, j = _name_before(text, i)
            if (
                k < j
                and text[j - 1] != "."  # 'framework NCNN. [31]' cites the sentence
                and (opener == "[" or text.startswith(_CITE_STARTS, i + 1))
                and _CITATION.match(text, j)
            ):
                before = text[max(0, k - 60) : k]
                if not (
                    DATASET_WORDS.search(before)
                    or _RESOURCE_WORDS.search(before)
                    or _EVALUATED_ON.search(before)
                    or _OWN_PARTS.search(text, k, j + 40)
                ):
                    out.append((text[k:j], k))
            i = text.find(opener, i + 1)
    return out


# words that make a family's spelled-out form no more specific: 'standard GAN', 'multi-class CNN'
_PLAIN_MODIFIERS = frozenset(
    "standard vanilla plain basic conventional traditional classical classic original single class label".split()
)


def _long_form(text: str, acronym: str) -> list[str] | None:
    """The lower-cased words of the long form the abstract spells ``acronym`` out with ('long form (ACR)'), or
    None when it gives none."""
    i = text.find("(" + acronym + ")")
    if i == -1:
        return None
    base = max(0, i - 200)
    for d in find_definitions(text[base : i + len(acronym) + 2], i - base):
        if d.short == acronym:
            return [w.lower() for w in _ALNUM_WORD.findall(d.long)]
    return None


def _defined_as_family(text: str, acronym: str) -> bool:
    """Whether the abstract spells the acronym out as a plain family: 'standard generative adversarial network
    (SGAN)' names GANs, and 'multi-class CNN (MC-CNN)' a plain CNN classifier, not one prior method."""
    words = _long_form(text, acronym)
    return words is not None and all(w in _FAMILY_WORDS or w in _PLAIN_MODIFIERS or w in GENERIC for w in words)


def _defined_as_no_method(text: str, name: str) -> bool:
    """Whether the abstract spells ``name`` out as something other than a method: 'query-by-example (QbE)',
    'Internet of Drones (IoD)' (the long form ends in no method noun)."""
    words = _long_form(text, name)
    return bool(words) and _singular(words[-1]) not in _METHOD_HEADS


def find_uncatalogued(
    text: str,
    taken: list[tuple[int, int]],
    exclude: Container[str],
    norm: str | None = None,
    methods: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Uncatalogued prior-method mentions in ``text``.

    ``taken`` are spans already resolved (exact, alias, fuzzy); ``exclude`` holds alias keys that must not
    be linked (the paper's own introduced names, catalogued names). ``norm`` is ``normalize(text)`` if
    the caller has it; ``methods`` are the spans (among ``taken``) of catalogued methods, whose list
    neighbours are prior methods.
    """
    found: dict[int, Mention] = {}

    def consider(name: str, s: int, acronyms: bool = False, defined: bool = False) -> None:
        if name.islower():
            return  # no capital letter: never method-like, definable or an acronym (most list items: 'the')
        name = _SIZE_SUFFIX.sub("", name.rstrip(".-"))
        e = s + len(name)
        if not (is_method_like(name) or (defined and _definable(name))):
            if not (acronyms and _is_model_acronym(name)) or _defined_as_family(text, name):
                return
        elif "(" + name + ")" in text and _defined_as_family(text, name):
            return  # a name-like short form of a family: 'multi-class CNN (MC-CNN)'
        if alias_key(name) in exclude:
            return
        if alias_key(name).rstrip("s") in exclude:
            return
        if any(s < te and ts < e for ts, te in taken):
            return
        found.setdefault(s, Mention(s, e, name, "uncatalogued", name, source="uncatalogued", score=CONFIDENCE))

    if norm is None:
        norm = normalize(text)
    hits = _AUTOMATON.find_matches_as_indexes(" " + norm)
    priors: list[tuple[int, int]] = []
    for index, start, end in hits:
        if index < _N_CUES:
            subject = text
            if text[start].isupper():
                if start > 1 and text[start - 2] not in ".?!":
                    continue  # a capitalised cue only opens a sentence ('Compared with ...'); not 'Against LiDAR-Based'
                subject = text[:start] + text[start].lower() + text[start + 1 :]
            head = subject[start : start + 12]
            if head.startswith("baseline"):
                match = _AS_BASELINE.search(text, max(0, start - 60), start)
                if match:
                    consider(match.group("name"), match.start("name"))
            elif head.startswith("like") and not text[start + 5 : start + 6].isupper():
                continue  # 'methods like GRAPPA, SPIRiT'; 'like' is mostly no cue
            cue = _CUE.match(subject, start)
            if cue is None:
                continue
            listed = head.startswith(_LIST_CUES)
            if listed and (
                not _METHOD_NOUNS.search(text, max(0, start - 60), start)
                or DATASET_WORDS.search(text, max(0, start - 40), start)
            ):
                continue  # 'on various public datasets, including LPW, COCO and MPIIGaze''
            pos = cue.end()
            if text[pos : pos + 1].islower():
                apposed = _APPOSED.match(text, pos)
                pos = apposed.end() if apposed else pos
            # plain acronyms ('PERQA') only in a list of models: 'prior models such as PERQA'
            comparison = head.startswith(_COMPARE_CUES)
            # a three-letter acronym in a list of models that names a catalogued one too: 'state-of-the-art NLU
            # models (e.g., BERT and MAC)'
            short: list[tuple[str, int]] = []
            catalogued = False
            for index in range(8):
                item = _LIST_ITEM.match(text, pos)
                if not item:
                    break
                # a plain acronym after a comparison cue only as a further item of a list of competitors
                # ('outperformed CycleGAN, TD-GAN, and DADR')
                further = comparison and index > 0 and not _NOUN_AFTER.match(text, item.end())
                name, s = item.group("name"), item.start("name")
                consider(name, s, acronyms=listed or further)
                if listed:
                    catalogued = catalogued or any(ts <= s < te for ts, te in taken)
                    if len(name) == 3 and name.isupper() and not _NOUN_AFTER.match(text, item.end()):
                        short.append((name, s))
                sep = _LIST_SEP.match(text, item.end())
                if not sep:
                    break
                pos = sep.end()
            if catalogued:
                for name, s in short:
                    consider(name, s, defined=True)
        elif index >= _N_HEADS:
            priors.append((start, end - start - 1))
        else:
            # 'the X model': look at the word before the head noun first, the regex only if it is name-like
            j = text.rfind(" ", 0, max(0, start - 1)) + 1
            word = text[j : start - 1]
            capital_head = index >= _N_PLAIN_HEADS
            if capital_head and not word[:1].isupper():
                continue
            if not word.islower() and is_method_like(word.strip(".,;:()\"'")):  # lower case: never name-like
                match = _HEAD.search(text, max(0, start - 60), start)
                if match and not (capital_head and _defined_as_no_method(text, match.group("name"))):
                    consider(match.group("name"), match.start("name"))
            elif text.startswith("baseline", start):
                match = _AS_BASELINE.search(text, max(0, start - 60), start)
                if match:
                    consider(match.group("name"), match.start("name"))
    if priors and ("revious" in text or "rior" in text or "xisting" in text or "ecent" in text or "arlier" in text):
        # 'A previous study, RefTeacher, makes the first attempt': prior work named in apposition
        for match in _prior_appositions(text, norm, priors):
            consider(match.group("name"), match.start("name"))
    if "proposed" in text or "introduced" in text or "developed" in text or "published" in text:
        for match in _proposed_appositions(text):
            window = text[max(0, match.start() - 40) : match.end() + 40]
            if not (DATASET_WORDS.search(window) or _DATA_PARTS.search(window)):
                # 'the "complex" subsets of WSC273, introduced by ...' is a dataset
                consider(match.group("name"), match.start("name"), acronyms=True)
    if "(" in text:
        for definition in _defined_priors(text, taken, exclude):
            consider(definition.short, definition.short_span[0], defined=True)
    if methods:
        for name, s in _listed_with_methods(text, methods, taken):
            consider(name, s, acronyms=True)
    if "[" in text or "et al" in text:
        for name, s in _cited_names(text):
            consider(name, s, acronyms=True)
    return sorted(found.values(), key=lambda m: m.start)
