"""Exact mention matching: one Aho-Corasick automaton over normalised text.

Why this design: a regex alternation over thousands of names is hundreds of times too slow for arXiv-sized
corpora (issue 7). Instead every catalog surface is expanded into its spelling variants once, and a single
``ahocorasick_rs`` automaton scans each text.

Normalisation (``normalize``) keeps offsets: the text is lower-cased and every character that is not an
ASCII letter or digit becomes a space, one character for one. Patterns get the same treatment and a leading
space, and the text gets a leading space too, so the automaton reports only matches that start a word
("BERT" is never found inside "DistilBERT", "ColBERT" or "GottBERT").

Rules applied to each candidate, on the original text:

* the match must end a word; a plural "s" is absorbed ("Transformers", "LSTMs"), a possessive is not part
  of the surface ("Mamba's" -> "Mamba"); a following letter or digit rejects it ("BERT4Rec", "BERTweet");
* a hyphenated continuation is allowed only when it qualifies the method rather than naming another one:
  a lower-case word ("BERT-based", "Mamba-like", "BERT-large"), a model size ("ViT-B", "Llama-2-7B"), a
  width multiplier ("MobileNet-0.25") or a number of 10 or more (a depth such as "ResNet-50"). A small
  number is a version ("Mamba-2", "GPT-5") and a capitalised word a different name ("ViT-CoMer"), so both
  reject the match;
* a hyphenated prefix that is itself name-like (capital letter or digit: "S-Mamba", "IC-Mamba",
  "Vision-Mamba", "M2-BERT", "Bio-xLSTM") makes the whole a different name; a lower-case prefix does not
  ("non-Transformer");
* acronym-like names (two or more capitals, such as "BERT", "ViT") keep their capitals: written as in the
  catalog, all upper case or capitalised (never "bert", "Lsun" (solar luminosity) or "GaN" (gallium
  nitride)), or all lower case with a depth or version joined to it as code writes model names ("resnet50",
  "vgg-16", "yolov3");
* descriptive plain-word names ("Layer Normalization", "Sliding Window Attention") need capitals after their
  first word and never match in Title Case titles: in lower case they describe a generic technique;
* ambiguous entries (common words such as "Adam") match only in their exact written case.
* a name inside a web address ("https://github.com/PaddlePaddle/ERNIE") is no mention;
* a depth of 10 to 999 glued to a method name ("ResNet10", "VGG11", "SENet154") names that method, as
  "ResNet-10" does.

Text with TeX or HTML markup ("$\\beta$-VAE", "$k$-means", "Na\\"ive Bayes", "C&amp;W") is matched as it reads
("β-VAE", "k-means", "Naïve Bayes", "C&W"), and every mention is put back on the text as written
(``markup_view``): a surface is always ``text[start:end]`` of the field.

Overlaps are resolved by one rule: longest match first, then leftmost, never two matches over the same
characters ("FlashAttention-2" beats "FlashAttention", "Vision Transformer" beats "Transformer").
"""

from __future__ import annotations

from bisect import bisect_left

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from operator import itemgetter
from typing import Iterable, NamedTuple, Sequence

import ahocorasick_rs

from relwork.core.gctools import gc_paused
from relwork.linker.catalog import Catalog, CatalogEntry, packaged_json

# ------------------------------------------------------------------------------------------------------
# normalisation

_TABLE = {i: " " for i in range(128) if not chr(i).isalnum()}
_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
# the same mapping for bytes: ASCII text goes through bytes.translate, three times faster than str.translate
_ASCII_TABLE = bytes(ord(_TABLE.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))


def normalize(text: str) -> str:
    """Lower-case ASCII letters, every other non-alphanumeric ASCII character -> space; same length.

    Non-ASCII characters are lower-cased one for one (a character whose lower case is longer, such as
    'İ', keeps its first character) and non-letters among them (dashes, quotes) become spaces.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    out = text.translate(_TABLE)
    chars = []
    for ch in out:
        if ch.isascii():
            chars.append(ch)
        elif ch.isalnum():
            chars.append(ch.lower()[0])
        else:
            chars.append(" ")
    return "".join(chars)


_CAMEL = re.compile(
    r"(?<=[a-z])(?=[A-Z][a-z]{2})|(?<=[a-z]{3})(?=[A-Z]{2,}$)|(?<=[A-Za-z]{2})(?=[Vv]\d+$)|(?<=[A-Z0-9])(?=Net$)"
)
_SEP = re.compile(r"[\W_]+")


def surface_tokens(surface: str) -> list[str]:
    """Word pieces of a surface: split at non-alphanumerics, at CamelCase joints ('FlashAttention',
    'CycleGAN' -> 'Cycle', 'GAN', so that 'Cycle-GAN' is CycleGAN too), before a final version
    ('MobileNetV2' -> 'Mobile', 'Net', 'V2', so that 'MobileNet-V2' and 'YOLO v3' match) and before a final
    'Net' after a capital or digit ('PiCANet' -> 'PiCA', 'Net'; 'R3Net': 'PiCA-Net' and 'R3-Net' match)."""
    pieces = []
    for part in _SEP.split(surface):
        if part:
            pieces.extend(p for p in _CAMEL.split(part) if p)
    return pieces


@lru_cache(maxsize=1 << 10)
def variants(surface: str) -> frozenset[str]:
    """Normalised spellings of a surface: its pieces joined by nothing or by a space.

    'FlashAttention' -> {'flashattention', 'flash attention'} (which also covers 'Flash-Attention' because
    hyphens normalise to spaces). Names of more than four pieces get only the two uniform joins.
    Memoised (bounded): the linker asks again for the spellings of a paper's own names (~7 us a paper), a
    few papers apart at most; other papers' names rarely repeat (77% of the calls of a 100,000-paper run
    miss with 4,096 entries). 1,024 entries (~0.25 MB full, not ~1 MB) keep the repeats.
    """
    tokens = [t.lower() for t in surface_tokens(surface)]
    if not tokens:
        return frozenset()
    if len(tokens) > 4:
        found = {" ".join(tokens), "".join(tokens), " ".join(normalize(surface).split())}
    else:
        found = {" ".join(normalize(surface).split())}
        for joins in product(("", " "), repeat=len(tokens) - 1):
            text = tokens[0]
            for join, token in zip(joins, tokens[1:]):
                if not join and len(token) == 1 and token.isalpha():
                    join = " "  # 'Shap-E' must not become the word 'shape'
                text += join + token
            found.add(text)
        if not _single_letter(tokens[-1]) and any(_single_letter(t) for t in tokens[1:-1]):
            found.add("".join(tokens))  # an inner letter may join up when everything does: 'FasterRCNN', 'MaskRCNN'
    if len(tokens) > 1 and _VERSION_TOKEN.fullmatch(tokens[-1]):
        # a final version written apart from its 'v' or spelled out: 'Inception V.3', 'YOLO version 3'
        head, number = " ".join(tokens[:-1]), tokens[-1][1:]
        found.update((f"{head} v {number}", f"{head} version {number}"))
    return frozenset(found)


_VERSION_TOKEN = re.compile(r"v\d+")


def _single_letter(token: str) -> bool:
    return len(token) == 1 and token.isalpha()


_LOWER_RUN = re.compile(r"[a-z]{3}")


def is_descriptive(surface: str) -> bool:
    """Two or more plain words ('Layer Normalization', 'Sliding Window Attention', 'Chain-of-Thought').

    Written all lower case such a phrase describes a technique ("layer normalization", "sparse
    transformer models"), which the annotation guidelines count as generic; capitalised it names the
    method. Entries whose canonical name is coined ('LoRA' for 'low-rank adaptation', 'ViT' for 'vision
    transformer') are not descriptive and match in any case.
    """
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    return len(words) >= 2 and all(w.isalpha() and (w.islower() or (w[0].isupper() and w[1:].islower())) for w in words)


# lower-case function words inside a capitalised name ('Chain-of-Thought', 'Room-to-Room', 'Tree of Thoughts')
NAME_FUNCTION_WORDS = frozenset("of to and the for in on a an with by".split())


_PAREN_SHORT = re.compile(r" ?\(([A-Z][A-Za-z]*[A-Z])s?\)")


def defined_by_initials(text: str, end: int, written: str) -> bool:
    """Whether a lower-case descriptive name is followed by its own acronym in parentheses, spelled by the
    initials of its words ('convolutional pose machine (CPM)', 'stochastic block models (SBMs)'): a paper
    that abbreviates the phrase uses it as a name, so the capitals rule for descriptive names is moot."""
    match = _PAREN_SHORT.match(text, end)
    if match is None:
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", written) if w and w not in NAME_FUNCTION_WORDS)
    capitals = "".join(c for c in match.group(1) if c.isupper())  # 'ToT' for 'tree of thoughts'
    return len(initials) >= 2 and capitals == initials.upper()


def _capitalised_tail(written: str) -> bool:
    """Every word after the first starts with a capital or is a function word, and at least one does
    ('Layer Normalization', 'Tree of Thoughts', 'Chain-of-Thought'; not 'Layer normalization' or
    'Chain-of-thought': a sentence-initial capital says nothing)."""
    words = [w for w in re.split(r"[\s\-]+", written) if w]
    return len(words) > 1 and any(w[:1].isupper() for w in words[1:]) and all(
        w[:1].isupper() or w in NAME_FUNCTION_WORDS for w in words[1:]
    )


def _acronym_case_ok(written: str, surface: str) -> bool:
    """An acronym-like name is written as in the catalog, all upper case, or (mixed-case names only)
    capitalised: 'Resnet' is ResNet, but 'GaN' (gallium nitride) is not GAN, 'Lsun' (solar luminosity) is
    not LSUN and 'bert' is not BERT."""
    w, s = _ALNUM.sub("", written), _ALNUM.sub("", surface)
    if "ersion" in w:
        w = _SPELLED_VERSION.sub("v", w)  # 'YOLO version 3' is written as YOLOv3
    if w == s or w == s.upper():
        return True
    # a coined mixed-case name may lose its inner capitals ('Resnet', 'U-net', 'Roberta'); an all-capitals
    # acronym may not ('Lsun' is not LSUN, 'Bert' is also a first name)
    return not s.isupper() and w == s.capitalize()


_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_SPELLED_VERSION = re.compile(r"[Vv]ersion(?=\d)")
_LOWER_VERSIONED = re.compile(r"[a-z]{3,}-?(?:\d+|v\d+)")
_DASH_VERSION = re.compile(r"[\-\u2010\u2011](?:\d{2,}|v\d+)(?![0-9A-Za-z])")


def lowercase_versioned(written: str, text: str, end: int) -> bool:
    """Whether a name is written all lower case with a depth or version number glued or hyphenated to it,
    as code and model hubs write it ('resnet50', 'vgg-16', 'yolov3', 'resnet-101', 'gpt2'): a spelling of
    the acronym-like name ResNet / VGG / YOLOv3 that the case rule alone would refuse. Three or more
    letters: 's4' or 't5' written so may be anything."""
    if not written.islower():
        return False
    if _LOWER_VERSIONED.fullmatch(written):
        return True
    return written.isalpha() and len(written) >= 3 and _DASH_VERSION.match(text, end) is not None
_ODD_JOINS = re.compile(r"[\^=*\\|<>$]")


def is_acronym(surface: str) -> bool:
    """Two or more capitals and no run of three lower-case letters: 'BERT', 'ViT', 'GPT-4', 'RoBERTa'.

    Such names never match all-lower-case text ('bert', 'vit'); 'Vision Transformer' is no acronym.
    """
    return sum(c.isupper() for c in surface) >= 2 and not _LOWER_RUN.search(surface)


# ------------------------------------------------------------------------------------------------------
# markup view: TeX math, TeX accents and HTML entities that hide names

# TeX's Greek letters as the Unicode letters the catalog writes ('β-VAE', 'TD(λ)'); the variant forms read as
# the plain letter ('$\varepsilon$-greedy' is ε-greedy)
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ",
}
_ACCENTS = {"'": "\u0301", '"': "\u0308", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327"}
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_FONT = r"(?:mathrm|mathit|mathbf|mathcal|mathsf|boldsymbol|bm|text|textrm|textit)"
# a superscript of one or two letters or digits in math ('$^3$', '$^{2}$'; not '$^{19}$', '$^{-2}$'), read as its
# characters where it follows a letter inside a word ('RE$^3$QA'): introduced-name detection reads it the same way
# (introduced._TEX_SCRIPT), so that a name and the mentions of it meet
TEX_SUPERSCRIPT = r"\$\s*\^\s*(?:\{\s*(?P<sup>[0-9A-Za-z]{1,2})\s*\}|(?P<sup1>[0-9A-Za-z]))\s*\$"
_MARKUP = re.compile(
    # every markup starts with one of these: saying so first lets the scan leave other positions at once (the
    # last alternatives start with an optional '\\' and a lookbehind, so the regex compiler finds no first
    # characters itself): ~0.4M instructions an abstract with markup less
    r"(?=[$\\{&])(?:"
    # inline math holding one symbol, bare or in a font command: '$k$', '$\epsilon$', '$\mathcal{G}$'
    r"\$\s*(?:(?P<sym>[A-Za-z]|\\[A-Za-z]+)|\\" + _FONT + r"\{\s*(?P<fsym>[A-Za-z]|\\[A-Za-z]+)\s*\})\s*\$"
    # an accented letter: "\'e", '\"{o}', '{\"o}', '\c{c}'
    r"|\\(?P<acc>['\"`^~=.])(?P<al>[A-Za-z])|\\(?P<bacc>['\"`^~=.c])\{(?P<bl>[A-Za-z])\}"
    r"|\{\\(?P<gacc>['\"`^~=.])(?P<gl>[A-Za-z])\}"
    # an HTML entity left by a scraper, TeX-escaped or not: 'C&amp;W', 'H\&amp;E' (a font command around a word,
    # '\textit{BERT}', needs nothing: its braces already separate the word)
    r"|\\?&(?P<ent>amp|lt|gt|quot|apos);"
    # a character TeX escapes: 'C\&W', 'Q\&A'; an escaped '\$' is a dollar sign, never the start of math
    r"|\\(?P<esc>[&%#_$])"
    # a superscript of one or two letters or digits inside a word: 'RE$^3$QA', 'WR$^{2}$L' (not '10$^{19}$')
    r"|(?<=[A-Za-z])" + TEX_SUPERSCRIPT + r")"
)
_MARKUP_SIGNS = ("$", "\\", "&")
_ACCENT_OF = {"al": "acc", "bl": "bacc", "gl": "gacc"}


def _shown(match: re.Match) -> str | None:
    r"""What one markup match reads as (None: leave it as written, '$\cdot$' is no letter)."""
    group = match.lastgroup
    if group in ("sym", "fsym"):
        symbol = match.group(group)
        return _GREEK.get(symbol[1:]) if symbol[0] == "\\" else symbol
    if group == "ent":
        return _ENTITIES[match.group("ent")]
    if group in ("esc", "sup", "sup1"):
        return match.group(group)
    accent = match.group(_ACCENT_OF[group])  # the accent group of the letter group that matched last
    letter = match.group(group)
    composed = unicodedata.normalize("NFC", letter + _ACCENTS[accent])
    return composed if len(composed) == 1 else letter


def markup_view(text: str) -> tuple[str, list[int], list[int]] | None:
    r"""``text`` as it reads once TeX math symbols, TeX accents and HTML entities are resolved,
    with the original span of every character of it, or None when nothing is resolved.

    arXiv abstracts keep their TeX: '$\beta$-VAE', '$\epsilon$-greedy', '$k$-means', 'TD($\lambda$)',
    'R\'enyi', 'H&amp;E'. Matching the view ('β-VAE', 'ε-greedy', 'k-means') finds these names, and the spans
    (``starts[i]``, ``ends[i]``: where view character i came from) put every mention back on the original
    text, so a surface is what the paper wrote ('$\beta$-VAE'). A resolved symbol spans its whole markup.
    Text without '$', '\' or '&' costs three character scans.
    """
    if not any(sign in text for sign in _MARKUP_SIGNS):
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for match in _MARKUP.finditer(text):
        shown = _shown(match)
        if shown is None:
            continue
        s, e = match.span()
        if s > last:
            parts.append(text[last:s])
            starts.extend(range(last, s))
            ends.extend(range(last + 1, s + 1))
        parts.append(shown)  # each character stands for the whole markup
        starts.extend([s] * len(shown))
        ends.extend([e] * len(shown))
        last = e
    if not parts:
        return None
    parts.append(text[last:])
    starts.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    return "".join(parts), starts, ends


# ------------------------------------------------------------------------------------------------------
# suffix and prefix rules

SIZE_WORDS = frozenset(
    "base big large small tiny mini medium huge giant xl xxl b l h s g t m ti".split()
)
_SIZE = re.compile(r"\d+(?:\.\d+)?[bmk]|x?\d+x\d+|\d+/\d+|[bslhtgm]\d{1,3}")
_SIZE_DECIMALS = re.compile(r"\.\d+[BbMmKk](?![A-Za-z])")
_TOKEN_AFTER = re.compile(r"[0-9A-Za-z]+(?:\.\d+[A-Za-z]*)?")  # 'B', '50', '1.1B' (a size), '3.5' (a version)


def hyphen_suffix_ok(token: str) -> bool:
    """Whether '<name>-<token>' still names <name> ('based', 'large', 'B', '7B', '50', '0.25') or not ('2',
    'CoMer', '3.5')."""
    if token.isdigit():
        return int(token) >= 10
    if token.startswith("0.") and token[2:].isdigit():
        return True  # a width multiplier ('MobileNet-0.25'); no version starts at 0.
    low = token.lower()
    if low in SIZE_WORDS or low in QUALIFIER_WORDS or _SIZE.fullmatch(low):
        return True
    return token.isalpha() and token.islower()


_URL_START = re.compile(r"(?:[a-z]+://|www\.)", re.I)


def in_url(text: str, start: int) -> bool:
    """Whether the word at ``start`` is inside a web address ('https://github.com/x/ERNIE', 'www.x.org/BERT'):
    it follows a path or host character, and everything from the last space before it is one token holding
    '://' or 'www.'. (The character test first: most words pass it and need no search.)"""
    if start < 4 or text[start - 1] not in "/.=_-":
        return False
    token = text[text.rfind(" ", 0, start) + 1 : start]
    return _URL_START.search(token) is not None


# speed and size qualifiers that make a light version of a model, not another name: 'Tiny-YOLO', 'Fast-YOLO',
# 'YOLO-Lite' are YOLO
QUALIFIER_WORDS = frozenset("tiny fast lite light mini small micro nano slim".split())


def hyphen_prefix_ok(text: str, start: int) -> bool:
    """Whether the hyphenated word before ``start`` ('non-', 'Tiny-' ok, 'S-' / 'IC-' / 'Vision-' not) keeps
    the name."""
    i = start - 1  # text[i] == '-'
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    prefix = text[j:i]
    if not prefix:
        return True
    return prefix.isalpha() and (prefix.islower() or prefix.lower() in QUALIFIER_WORDS)


# a depth of 10 to 999 glued to a method name that ends in a letter, as code and tables write it ('ResNet10',
# 'VGG11', 'DenseNet40', 'SENet154'): the name, as 'ResNet-10' is (hyphen_suffix_ok). One digit is a version
# ('GPT2', 'T5' are other names or catalogued as such); four digits a year or a part number ('PETS2015', 'RAD750'
# is three: the rule's known miss).
_GLUED_DEPTH = re.compile(r"[1-9]\d{1,2}(?![0-9A-Za-z])")
_NONZERO = frozenset("123456789")
_TAIL_RUN = re.compile(r"[+#*]+(?![0-9A-Za-z])")
_TAIL = re.compile(r"[+#*]+$")


def _name_tail(surface: str) -> str:
    """The final '+' / '#' / '*' run of a surface ('PointNet++' -> '++', 'RRT*' -> '*', 'BERT' -> '')."""
    match = _TAIL.search(surface.strip())
    return match.group() if match else ""


_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@dataclass(frozen=True, slots=True)
class Target:
    """What one normalised pattern points to: an entry, how it was written there, and its case rules.
    Slotted: a table holds one per surface (~20,000 for the catalog, one more per linkable corpus name), and
    without a ``__dict__`` each takes ~110 bytes instead of ~400."""

    name: str
    kind: str
    surface: str
    exact_case: bool  # ambiguous entry: the text must equal ``surface``
    acronym: bool
    context: tuple[str, ...] = ()
    descriptive: bool = False  # 'Layer Normalization': plain words, never matched all-lower-case
    tail: str = ""  # a final '+' / '#' / '*' run ('PointNet++', 'DeepLabv3+'): the text must end the same way
    parents: tuple[str, ...] = ()
    own_context: bool = False  # ``context`` belongs to this surface only (the entry's ``alias_context``)
    # a descriptive surface the catalog names with a capital first word and a lower-case tail, as its canonical
    # name is ('Hungarian algorithm', 'Hough transform', 'Kalman filter'): written exactly so it is the name
    as_written: bool = False

    def __reduce__(self):
        # the constructor's arguments: unpickling the catalog's ~20,000 targets (the disk cache) this way takes
        # ~25 ms less than the slotted dataclass's field-by-field ``__setstate__``
        return (Target, (self.name, self.kind, self.surface, self.exact_case, self.acronym, self.context,
                         self.descriptive, self.tail, self.parents, self.own_context, self.as_written))


@dataclass
class Mention:
    """A span of text resolved to a method: ``start``/``end`` index the original field text."""

    start: int
    end: int
    name: str
    kind: str
    surface: str
    source: str = "exact"  # exact | alias | fuzzy | uncatalogued
    score: float = 1.0


def _target(name: str, kind: str, surface: str, entry: CatalogEntry | None = None) -> Target:
    """The target of one surface of an entry; without ``entry``, of an exact-case entry without context
    words or parents (an introduced corpus name): such a target is rebuilt from (name, kind, surface)."""
    own = entry.alias_context.get(surface) if entry is not None else None  # an alias with its own context words is exact-case too
    descriptive = is_descriptive(surface) and is_descriptive(name) and surface[:1].isupper()
    return Target(
        name=name,
        kind=kind,
        surface=surface,
        exact_case=entry is None or entry.ambiguous or own is not None,
        acronym=is_acronym(surface),
        # an alias with an empty own list needs no context words ('PNASNet' of the gated PNAS)
        context=tuple(w.lower() for w in (entry.context if own is None else own)) if entry is not None else (),
        own_context=own is not None,
        # a surface the catalog writes lower-case first ('latent Dirichlet allocation') is meant as written
        descriptive=descriptive,
        tail=_name_tail(surface),
        parents=tuple(entry.parents) if entry is not None else (),
        # (an alias so written is meant as written too, 'Thompson sampling' of Thompson Sampling, unless its
        # first word is a hyphenated phrase: 'Chain-of-thought' is how a sentence starts the generic phrase)
        as_written=descriptive and _named_lowercase_tail(surface)
        and (_named_lowercase_tail(name) or "-" not in surface.split()[0]),
    )


def _named_lowercase_tail(surface: str) -> bool:
    """A capitalised first word and a lower-case rest ('Hungarian algorithm', 'Bellman-Ford algorithm', not
    'Layer Normalization' or 'beam search'): how a technique named after a person or place is written."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    return surface[:1].isupper() and len(words) > 1 and not _capitalised_tail(surface) and words[-1].islower()


# A pattern's targets as the matcher holds them: a list of targets, or, for a pattern of one target that
# ``_target`` rebuilds from its name, kind and surface (a corpus name's), only those: the name alone for a
# method written as named, else (name, kind, surface). ~190 bytes less a corpus name (no Target, no list);
# the list is made when the pattern matches, and kept in a bounded cache (``Matcher._hit``).


_EXPANDED_MAX = 1 << 12  # compact patterns ``Matcher._hit`` keeps made into lists (~180 bytes each)


def _compact(targets: "list[Target] | str | tuple[str, str, str]") -> "list[Target] | str | tuple[str, str, str]":
    if targets.__class__ is not list or len(targets) != 1:
        return targets  # compact already (``build_table(compact=True)``), or several targets
    t = targets[0]
    if not t.exact_case or t.context or t.parents or _target(t.name, t.kind, t.surface) != t:
        return targets
    return t.name if t.surface == t.name and t.kind == "method" else (t.name, t.kind, t.surface)


def _expand(compact: "str | tuple[str, str, str]") -> list[Target]:
    return [_target(compact, "method", compact) if type(compact) is str else _target(*compact)]


def _plain(entry: CatalogEntry) -> bool:
    """Whether every target of ``entry`` is one ``_target`` rebuilds from (name, kind, surface): an exact-case
    entry without context words or parents (an introduced corpus name)."""
    return entry.ambiguous and not entry.context and not entry.parents and not entry.alias_context


def _compact_of(name: str, kind: str, surface: str) -> "str | tuple[str, str, str]":
    """The compact form (``_compact``) of the target ``_target(name, kind, surface)``."""
    return name if surface == name and kind == "method" else (name, kind, surface)


def build_table(
    entries: Iterable[CatalogEntry], table: dict[str, list[Target]], shared: dict[str, list[Target]] | None = None,
    *, compact: bool = False,
) -> dict[str, list[Target]]:
    """Add the normalised patterns of ``entries`` (every spelling variant of every surface) to ``table``:
    pattern -> the targets it names, in entry order. ``table`` may start as a shallow copy of ``shared``,
    whose target lists are then copied before one is added to, never changed. With ``compact`` (a matcher's
    own table) a pattern of one target of a ``_plain`` entry holds its compact form (``_compact``), made
    without a ``Target`` or a list: a corpus of millions of papers adds hundreds of thousands of names, and
    a Target and a list each (~180 bytes) were all held at once until the matcher compacted them."""
    for entry in entries:
        plain = compact and _plain(entry)
        for surface in entry.surfaces:
            if plain:  # exact case: the one key of the surface as written
                target = None
                keys = {" ".join(normalize(surface).split())}
            else:
                target = _target(entry.name, entry.kind, surface, entry)
                keys = {" ".join(normalize(surface).split())} if target.exact_case else variants(surface)
                if not target.exact_case and surface[:2].isalpha():
                    keys = _greek_spelled(surface, keys)
                if not target.exact_case:
                    keys = _british_spelled(surface, keys)
            spaced = normalize(surface).strip()
            if "  " in spaced:
                # punctuation between words keeps its width in the text: 'Carlini & Wagner' reads 'carlini   wagner'
                # there, as 'Listen, Attend and Spell' reads 'listen  attend and spell', which no joined key meets
                keys = {*keys, spaced}
            for key in keys:
                if not key.strip():
                    continue
                bucket = table.get(key)
                if bucket is None:
                    # a list of one, not over-allocated by an append; or no list, compact
                    table[key] = _compact_of(entry.name, entry.kind, surface) if plain else [target]
                    continue
                if bucket.__class__ is not list:  # compact: one target, of a plain entry
                    held = (bucket, bucket) if bucket.__class__ is str else (bucket[0], bucket[2])
                    if held == (entry.name, surface):
                        continue
                    table[key] = bucket = _expand(bucket)
                elif any(t.name == entry.name and t.surface == surface for t in bucket):
                    continue
                elif shared is not None and bucket is shared.get(key):
                    table[key] = bucket = list(bucket)
                bucket.append(target or _target(entry.name, entry.kind, surface))
    return table


# -ize/-ise, -ization/-isation, -yze/-yse endings ('Optimization', 'Normalised', 'Analyzer'); not '-wise'
_IZE = re.compile(r"(?<=[a-z]{3})(?<!w)([iy])([sz])(?=(?:ation|ations|e|ed|es|er|ers|ing)$)")


@lru_cache(maxsize=1)
def _our_stems() -> tuple[tuple[str, str], ...]:
    """(British, American) stems of the -our words (``data/spelling.json``): ('neighbour', 'neighbor')."""
    return tuple((w, w[:-2] + "r") for w in packaged_json(SPELLING_FILE)["our"])


SPELLING_FILE = "spelling.json"


def _british_spelled(surface: str, keys: "set[str] | frozenset[str]") -> "set[str] | frozenset[str]":
    """A long form in American spelling also matches in British and the other way round: 'Trust Region Policy
    Optimisation' is TRPO, 'k-Nearest Neighbours' kNN. Only words of a long form change (7+ letters, or any
    word of 5+ letters in a surface of several words), never one written in capitals (an acronym); made when
    the catalog compiles, so the text scan does no extra work."""
    words = {w.lower() for w in _LONG_WORD.findall(surface) if not w.isupper()}
    several = " " in surface.strip() or "-" in surface
    words = {w for w in words if len(w) >= 7 or several}
    if not words:
        return keys
    swapped: dict[str, str] = {}
    for word in words:
        other = _IZE.sub(lambda m: m.group(1) + ("s" if m.group(2) == "z" else "z"), word)
        for british, american in _our_stems():
            if word.startswith(british):
                other = american + other[len(british):]
            elif word.startswith(american) and not word.startswith(british):
                other = british + other[len(american):]
        if other != word:
            swapped[word] = other
    if not swapped:
        return keys
    extra = set()
    for key in keys:
        for word, other in swapped.items():  # in joined keys too: 'layernormalisation'
            key = key.replace(word, other)
        extra.add(key)
    return {*keys, *extra}


_LONG_WORD = re.compile(r"[A-Za-z]{5,}")


_GREEK_WORD = re.compile(r"([A-Za-z]+)(?=[\s\-])")


def _greek_spelled(surface: str, keys: "set[str] | frozenset[str]") -> "set[str] | frozenset[str]":
    """A name that spells out a Greek letter first ('Delta-RNN', 'Pi-model', 'beta-TCVAE') is also written with the
    letter, in TeX ('$\\Delta$-RNN') or Unicode ('Δ-RNN'); the markup view reads both as the letter."""
    match = _GREEK_WORD.match(surface)
    word = match.group(1) if match else ""
    letter = _GREEK.get(word) or _GREEK.get(word.lower())
    if letter is None:
        return keys
    head = normalize(word)
    return {*keys, *(normalize(letter) + k[len(head) :] for k in keys if k.startswith(head))}


def automaton_of(keys: Sequence[str]) -> "ahocorasick_rs.AhoCorasick | None":
    """The automaton of a matcher's pattern keys (pattern i is ``keys[i]``, matched after a space); None
    without keys."""
    return ahocorasick_rs.AhoCorasick(" " + k for k in keys) if keys else None


# Keys added to a shared base table (a corpus's names) go into automata of at most this many patterns each.
# Building an automaton takes ~4x its final size for a moment (its uncompacted form and the pattern strings:
# ~600 bytes a corpus name, ~140 kept): one automaton over every key of a 100,000-paper corpus raised the
# run's peak by ~17 MB there, and by more with every paper. Each automaton is one more scan of each text.
CORPUS_AUTOMATON_SIZE = 32768

_END_START = itemgetter(2, 1)


class Matcher:
    """Compiled exact matcher over a catalog (plus optional extra entries such as introduced names).

    Build once; ``find(text)`` is then an automaton pass (one more per ``CORPUS_AUTOMATON_SIZE`` keys added to
    a shared catalog table) plus a few checks per candidate.
    Picklable: only the pattern table is pickled and the automaton is rebuilt on unpickling.
    """

    def __init__(
        self,
        entries: Iterable[CatalogEntry] | Catalog,
        *,
        base: dict[str, list[Target]] | None = None,
        parts: TableParts | None = None,
        automaton: "ahocorasick_rs.AhoCorasick | None" = None,
    ):
        """``base``: a pattern table already built for other entries (a catalog's: ``compiled.py``), which
        ``entries`` are added to, in a copy; the same table as building from both in that order. ``entries``
        is read once, so a generator need not hold them all (a corpus's names: ``Linker``). ``parts``:
        ``table_parts(base)``, kept with ``base``, for ``entries`` without context words (a corpus's names):
        their targets add none, so only the keys they add or extend are derived again, not the whole table.
        ``automaton``: ``automaton_of(list(base))``, kept with ``base``: only the keys ``entries`` add are
        compiled here, into automata of their own (``CORPUS_AUTOMATON_SIZE``), whose matches join its matches
        in the order one automaton over all keys gives."""
        if parts is not None:
            self._context_cache = parts.context
        with gc_paused():  # tens of thousands of lists and records, all kept: no collection would free any
            if base is None:
                self._compile(build_table(entries, {}, compact=True))
                return
            table = build_table(entries, dict(base), shared=base, compact=True)
            unchanged = len(table) == len(base) and all(table[k] is v for k, v in base.items())
            self._compile(base if unchanged else table, shared=base, parts=parts, automaton=automaton)

    def _compile(
        self, table: dict[str, list[Target]], shared: dict[str, list[Target]] | None = None,
        parts: TableParts | None = None, automaton: "ahocorasick_rs.AhoCorasick | None" = None,
    ) -> None:
        """The aligned key and target lists (automaton pattern i is key i), the automaton and the derived
        lookups. A table built here is not kept: the two lists say the same, and a dict would cost ~40 bytes
        a pattern (``_table`` rebuilds it); ``shared`` is a table kept elsewhere (the compiled catalog's):
        it is kept when it is the whole table, and its target lists are held as they are. The others are
        held compact (``_compact``)."""
        self._shared_table = table if table is shared else None
        self._expanded: dict[int, list[Target]] = {}  # ``_hit``'s cache of compact targets made into lists
        self._keys = list(table)
        if shared is None:
            self._targets = [_compact(targets) for targets in table.values()]
        else:
            self._targets = [targets if targets is shared.get(key) else _compact(targets) for key, targets in table.items()]
        if parts is None or shared is None:
            self._surface_context = _surface_contexts(self._keys, self._targets)
            self._tailed = [_tailed(targets) for targets in self._targets]
        else:  # ``shared``'s keys come first, in order: only the ones whose target list is new are derived
            self._surface_context = parts.surface_context
            self._tailed = parts.tailed if table is shared else list(parts.tailed)
            if table is not shared:
                for i, (targets, own) in enumerate(zip(self._targets, shared.values())):
                    if targets is not own:
                        self._tailed[i] = _tailed(targets)
                self._tailed += [_tailed(targets) for targets in self._targets[len(shared) :]]
        if shared is not None and table is not shared:
            table.clear()  # this matcher's copy (``__init__``'s): its lists are held by ``_targets`` or compacted
        # (first key, automaton) of the keys added to ``shared``, when its own ``automaton`` is given
        self._more: tuple[tuple[int, ahocorasick_rs.AhoCorasick], ...] = ()
        if automaton is None or shared is None:
            self._automaton = automaton_of(self._keys)
            return
        self._automaton = automaton
        if table is not shared:
            keys, size = self._keys, CORPUS_AUTOMATON_SIZE
            self._more = tuple((i, automaton_of(keys[i : i + size])) for i in range(len(shared), len(keys), size))

    def _matches(self, padded: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of every match in ``padded`` (overlapping): by end, then longest first,
        as one automaton over all keys reports them (a span is one key's, so no two matches tie)."""
        hits = self._automaton.find_matches_as_indexes(padded, overlapping=True)
        joined = False
        for first, automaton in self._more:
            found = automaton.find_matches_as_indexes(padded, overlapping=True)
            if found:
                hits.extend([(first + index, start, end) for index, start, end in found])
                joined = True
        if joined:
            hits.sort(key=_END_START)
        return hits

    def _hit(self, index: int) -> list[Target]:
        """The targets of pattern ``index``; a compact one is made into its list on a match and kept in a
        bounded cache, not in ``_targets``: nearly every corpus name matches somewhere (in the paper that
        introduces it, at least), so by the end of a run each would hold a Target and a list again (~180
        bytes a name), and in a forked worker every first match would write to the shared list's pages."""
        targets = self._targets[index]
        if targets.__class__ is list:
            return targets
        expanded = self._expanded
        found = expanded.get(index)
        if found is None:
            if len(expanded) >= _EXPANDED_MAX:
                expanded.clear()
            found = expanded[index] = _expand(targets)
        return found

    @property
    def _table(self) -> dict[str, list[Target]]:
        """Pattern -> targets (the table this matcher was compiled from)."""
        if self._shared_table is not None:
            return self._shared_table
        # compact targets expanded in the copy only: pickling a matcher (a worker without fork) keeps it compact
        return {key: t if t.__class__ is list else _expand(t) for key, t in zip(self._keys, self._targets)}

    def __getstate__(self) -> dict:
        return {"_table": self._table}

    def __setstate__(self, state: dict) -> None:
        self._compile(state["_table"])

    def __len__(self) -> int:
        return len(self._keys)

    def candidates(self, text: str, norm: str | None = None, *, title_case: bool = False) -> list[Mention]:
        """Every acceptable match in ``text`` (overlapping), before overlap resolution.

        ``title_case``: the text is a Title Case title, where capitals say nothing, so descriptive names
        ('Linear Transformers') are not matched in it.
        """
        if self._automaton is None or not text:
            return []
        view = markup_view(text)
        if view is not None:
            # names hidden by TeX or HTML markup ('$\\beta$-VAE') are matched in the text as it reads, and put
            # back on the text as written
            shown, starts, ends = view
            return [
                Mention(starts[m.start], ends[m.end - 1], m.name, m.kind, text[starts[m.start] : ends[m.end - 1]])
                for m in self._scan(shown, normalize(shown), title_case)
            ]
        return self._scan(text, normalize(text) if norm is None else norm, title_case)

    def _scan(self, text: str, norm: str, title_case: bool) -> list[Mention]:
        """``candidates`` of a text without markup to resolve (``norm``: its normalised form)."""
        found: list[Mention] = []
        pending: list[Mention] = []  # method names refused only for a hyphenated neighbour ('MobileNet-SSD')
        shadows: list[tuple[int, int, Target]] = []
        n = len(text)
        for index, start, end in self._matches(" " + norm):
            # offsets in the padded text: the leading space of the pattern sits at ``start``
            s, e = start, end - 1  # into ``text``: the match is text[s:e]
            glued = e  # where the word ends: after a depth glued to the name ('ResNet10'), else at the name's end
            if e < n and norm[e] != " " and text[e] != "s":
                # ends inside a word, as ~3 in 4 automaton hits do: accept_span's first test, inlined
                if text[e] not in _NONZERO or not text[e - 1].isalpha():
                    continue
                depth = _GLUED_DEPTH.match(text, e)
                if depth is None:
                    continue
                glued = depth.end()
            if self._tailed[index] and (e >= n or text[e] not in "+#*"):
                continue  # only names ending in a symbol run here ('A*' is the key 'a') and the text has none
            after = accept_span(text, norm, s, glued)
            compound = False
            if after < 0 and glued != e:
                continue
            if after < 0:
                if not ((s > 0 and text[s - 1] in _DASHES) or (e + 1 < n and text[e + (text[e] == "s")] in _DASHES)):
                    continue
                # refused for a hyphenated neighbour only: kept aside in case that neighbour is a name too
                after = accept_span(text, norm, s, e, hyphens=False)
                if after < 0:
                    continue
                compound = True
            plural = after != glued
            written = text[s:e]
            if _ODD_JOINS.search(written):
                continue  # 'phi^4', 'x+y': a formula, not the name 'Phi-4'
            tail = ""
            targets = self._targets[index]
            if targets.__class__ is not list:
                targets = self._hit(index)
            if after == e and e < n and text[e] in "+#*":
                run = _TAIL_RUN.match(text, e)
                if run:
                    tail = run.group()  # 'PointNet++' is not PointNet, 'LoRA+' is not LoRA
                    if tail[0] == "*" and all(t.tail != tail for t in targets):
                        tail = ""  # a star no catalogued name ends in is a footnote mark ('BERT*')
            versioned = False
            if glued != e:
                versioned = lowercase_versioned(text[s:glued], text, glued)  # 'resnet10' as 'resnet50' is
            elif written[-1].isdigit() or (e + 1 < n and text[e] in _DASHES and text[e + 1] in "0123456789vV"):
                versioned = lowercase_versioned(written, text, e)
            target = self._pick(targets, written, plural, title_case, tail, versioned)
            if glued != e and (target is None or target.kind != "method"):
                continue  # a number glued to a dataset is an edition or a class count ('CIFAR100'), not a depth
            if target is None:
                shadow = next((t for t in targets if t.descriptive and not t.exact_case and t.tail == tail), None)
                if shadow is None:
                    continue
                if not defined_by_initials(text, after + len(tail), written):
                    shadows.append((s, after + len(tail), shadow))
                    continue
                target = shadow  # 'convolutional pose machine (CPM)': the paper names it, lower case or not
            end = after + len(tail)
            if in_url(text, s):
                continue  # 'https://github.com/PaddlePaddle/ERNIE' is an address, not a mention of ERNIE
            if compound:
                if target.kind == "method":
                    pending.append(Mention(s, end, target.name, target.kind, text[s:end]))
                continue
            found.append(Mention(s, end, target.name, target.kind, text[s:end]))
        if pending:
            kept = _compound_parts(text, found, pending)
            found.extend(kept)
            if len(kept) < len(pending):
                found = _outside_refused(found, [m for m in pending if m not in kept])
        if shadows and found:
            found = _unshadowed(found, shadows)
        if found and "(" in text:
            found = self._outside_defined_names(text, found)
        return found

    def _outside_defined_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """Drop method mentions that end a longer name the text abbreviates right after them: 'multimodal LSTM
        (m-LSTM)', 'Spatio-Temporal Graph Convolutional Network (STGCN)', 'dense atrous convolution (DAC)'. The
        words before the method make another method, named by the short form; the inner name is no mention of
        its own (as inside a paper's own name). A short form of the method itself ('Fully Convolutional
        Network (FCN)') keeps it, and so does a plural one, which names a family ('massively multilingual
        Transformers (MMTs)')."""
        from relwork.linker.introduced import find_definitions  # introduced.py imports this module

        dropped: list[tuple[int, int, str]] = []
        for m in found:
            paren = _PAREN_AFTER.match(text, m.end) if m.kind == "method" else None
            if paren is None:
                continue
            close = text.find(")", paren.end())
            definition = next(iter(find_definitions(text[: close + 1], paren.end() - 1)), None) if close != -1 else None
            if definition is not None and _encloses(text, definition.long_span, m) \
                    and not _PLURAL_SHORT.fullmatch(definition.short) and not self._names_whole(definition.short, m.name):
                # the method inside the short form goes too, wherever the text writes it ('m-LSTM'); another name
                # that is the short form stays
                dropped.append((m.start, m.end, m.name))
                short = definition.short
                at = text.find(short)
                while at != -1:
                    dropped.append((at, at + len(short), m.name))
                    at = text.find(short, at + 1)
        if not dropped:
            return found
        return [m for m in found if not any(s <= m.start and m.end <= e and m.name == name for s, e, name in dropped)]

    def _names_whole(self, short: str, name: str) -> bool:
        """Whether ``short`` as a whole is a surface of the entry ``name`` ('FCN'; not 'm-LSTM' of LSTM)."""
        return any(h.name == name and h.start == 0 and h.end == len(short) for h in self.find(short))

    @staticmethod
    def _pick(
        targets: list[Target], written: str, plural: bool, title_case: bool = False, tail: str = "",
        versioned: bool = False,
    ) -> Target | None:
        """The target whose case rules accept ``written``; the one spelled exactly so is preferred. A dataset
        written as one token ('CommonsenseQA', 'AudioSet', 'fastMRI') is not its spelling in lower-case words
        ('commonsense QA', 'audio sets', 'fast MRI'): a proper name joins its words, plain words do not.
        ``tail`` is a '+' / '#' / '*' run ending the written name: only a surface ending in it matches.
        ``versioned``: written all lower case with a depth or version ('resnet50', 'vgg-16'), which an
        acronym-like name may be."""
        best = None
        for target in targets:
            if target.tail != tail:
                continue
            if target.descriptive and (title_case or not _capitalised_tail(written)) \
                    and not (target.as_written and written + tail == target.surface):
                continue
            if target.kind == "dataset" and " " in written and written[:1].islower() and " " not in target.surface \
                    and "-" not in target.surface:
                continue  # a one-token dataset name spelled as lower-case words is those words ('commonsense QA benchmarks')
            if target.exact_case:
                # a plural of a common word ('Adams') is not the name, unless context words vouch for it
                if (written + tail != target.surface and not _hyphen_spelled(written + tail, target.surface)) \
                        or (plural and not target.context):
                    continue
            elif target.acronym and not versioned and not _acronym_case_ok(written, target.surface):
                continue
            if written + tail == target.surface:
                return target
            if best is None:
                best = target
        return best

    def find(
        self, text: str, norm: str | None = None, *, context: str | None = None, title_case: bool = False
    ) -> list[Mention]:
        """Resolved, non-overlapping mentions in ``text`` ordered by position.

        ``context`` is the lower-cased text in which an entry's context words are looked up (the whole
        paper); entries with context words and none present are dropped.
        """
        return resolve_overlaps(self._context_filter(self.candidates(text, norm, title_case=title_case), context))

    def _context_filter(self, mentions: list[Mention], context: str | None) -> list[Mention]:
        """Drop mentions of entries with context words when none of them starts a word of ``context``
        ('rl' is not found inside 'world'; 'forecast' still finds 'forecasting')."""
        if not mentions or context is None:
            return mentions
        padded = None
        kept = []
        for mention in mentions:
            words = self.context_words(mention.name)
            if self._surface_context and mention.name in self._surface_context:
                words = self._surface_context[mention.name].get(" ".join(normalize(mention.surface).split()), words)
            if words:
                if padded is None:
                    padded = " " + normalize(context)
                if not any(w in padded for w in words):
                    continue
            sense = OTHER_SENSES.get(mention.name)
            if sense is not None and mention.surface[:1].islower():
                if padded is None:
                    padded = " " + normalize(context)
                if any(w in padded for w in sense[0]) and not any(w in padded for w in sense[1]):
                    continue
            kept.append(mention)
        return kept

    def context_words(self, name: str) -> tuple[str, ...]:
        """Context words of the entry ``name``, normalised with a leading space (empty when it has none)."""
        cache = self.__dict__.setdefault("_context_cache", None)
        if cache is None:
            cache = self.__dict__["_context_cache"] = context_table(self._targets)
        return cache.get(name, ())


_PAREN_AFTER = re.compile(r"\s?\((?=[^()\s]{2})")
# a plural short form names a family of models, not one method: 'massively multilingual Transformers (MMTs)'
_PLURAL_SHORT = re.compile(r"[A-Z][A-Za-z0-9\-]*[A-Z0-9]s")


def _encloses(text: str, long_span: tuple[int, int], m: Mention) -> bool:
    """Whether a long form ends with the mention and has whole words before it ('multimodal LSTM')."""
    start, end = long_span
    if not (start < m.start and end >= m.end - 1 and text[m.start - 1] in " -"):
        return False
    words = text[start : m.start].split()
    # 'KL divergence with Tversky loss (KLTV)', 'features with Support Vector Machines (BPsvm)': a phrase joined
    # by a function word uses the method, it does not name a variant of it
    return bool(words) and not any(w in NAME_FUNCTION_WORDS for w in words) and "&" not in text[start : m.start]


def _surface_contexts(keys: list[str], tables: list) -> dict[str, dict[str, tuple[str, ...]]]:
    """Name -> normalised alias -> the alias's own context words (``alias_context``: NIC of Show and Tell)."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, targets in zip(keys, tables):
        if targets.__class__ is list:
            for t in targets:
                if t.own_context:
                    found.setdefault(t.name, {})[key] = tuple(" " + " ".join(normalize(w).split()) for w in t.context)
    return found


def _tailed(targets: "list[Target] | str | tuple[str, str, str]") -> bool:
    """Whether all names of a key end in a symbol run ('A*' is the key 'a'): skipped at once without one."""
    if targets.__class__ is list:
        return all(t.tail for t in targets)
    return bool(_name_tail(targets if targets.__class__ is str else targets[2]))


class TableParts(NamedTuple):
    """What a matcher derives from a pattern table besides the automaton, kept with a shared base table (the
    compiled catalog's, cached on disk) instead of derived again by every process that builds a matcher."""

    context: dict[str, tuple[str, ...]]  # ``context_table``
    surface_context: dict[str, dict[str, tuple[str, ...]]]
    tailed: list[bool]


def table_parts(table: dict[str, list[Target]]) -> TableParts:
    keys, tables = list(table), list(table.values())
    return TableParts(context_table(tables), _surface_contexts(keys, tables), [_tailed(t) for t in tables])


def context_table(tables: Iterable[list[Target] | str | tuple[str, str, str]]) -> dict[str, tuple[str, ...]]:
    """Entry name -> its context words (the entry's, not an alias's own), normalised and space-led so that a
    context word must start a word, from a pattern table's target lists (~8 ms for the catalog's)."""
    table: dict[str, tuple[str, ...]] = {}
    for targets in tables:
        for t in targets if targets.__class__ is list else ():  # a compact target has no context words
            if t.context and not t.own_context:
                table[t.name] = tuple(" " + " ".join(normalize(w).split()) for w in t.context)
    return table


# catalog names that are also an everyday noun of another field, written in lower case: (words of that field,
# words of the method's own field), normalised and space-led. The other sense is read when the paper has the
# first and none of the second ('transmission lines and transformers' of a power network, 'a limiting
# transformer' of a grid, are no Transformer models).
OTHER_SENSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Transformer": (
        (" power grid", " power network", " power system", " transmission line", " substation", " grid stability",
         " voltage"),
        (" self attention", " attention mechanism", " attention based", " multi head", " encoder", " decoder",
         " language model", " pre train", " pretrain", " token", " bert"),
    ),
}


def _unshadowed(found: list[Mention], shadows: list[tuple[int, int, Target]]) -> list[Mention]:
    """Drop matches inside a descriptive name that is written generically ('spatial transformer network'
    in lower case is no mention of Spatial Transformer Networks, nor of the Transformer it contains),
    unless the inner method is one the named one derives from ('linear transformers' still mention the
    Transformer)."""
    return [
        m for m in found
        if not any(s <= m.start and m.end <= e and m.end - m.start < e - s and m.name != t.name and m.name not in t.parents
                   for s, e, t in shadows)
    ]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest match first, then leftmost; a mention overlapping an already chosen one is dropped."""
    if len(mentions) < 2:
        return mentions
    # chosen mentions never overlap, so kept sorted by start a new one only needs its two neighbours
    # checked (a paper with thousands of mentions stays O(n log n))
    chosen: list[Mention] = []
    starts: list[int] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        i = bisect_left(starts, mention.start)
        if i > 0 and chosen[i - 1].end > mention.start:
            continue
        if i < len(chosen) and chosen[i].start < mention.end:
            continue
        chosen.insert(i, mention)
        starts.insert(i, mention.start)
    return chosen


def _compound_parts(text: str, found: list[Mention], pending: list[Mention]) -> list[Mention]:
    """The ``pending`` names (refused for a hyphenated neighbour) whose neighbours are method names too: both
    halves of a backbone-detector or encoder-decoder compound ('MobileNet-SSD', 'VGG-SSD', 'CNN-LSTM',
    'ResNet-50-FPN') are mentions, while 'ViT-CoMer' or 'S-Mamba' stay one uncatalogued name. A neighbour
    may carry a depth or size ('ResNet-50-FPN')."""
    methods = [m for m in found if m.kind == "method"] + pending
    starts = {m.start for m in methods}
    ends = set()
    for m in methods:
        ends.add(m.end)
        size = _TOKEN_AFTER.match(text, m.end + 1) if m.end + 1 < len(text) and text[m.end] in _DASHES else None
        if size and hyphen_suffix_ok(size.group()) and not size.group().isalpha():
            ends.add(size.end())  # 'ResNet-50' ends after its depth
    kept = []
    for m in pending:
        before = m.start > 0 and text[m.start - 1] in _DASHES
        after = m.end < len(text) and text[m.end] in _DASHES
        generic_ok = m.name not in _FAMILY_PAIRS
        if (before or after) and (not before or m.start - 1 in ends or (generic_ok and _generic_before(text, m.start - 1))) \
                and (not after or m.end + 1 in starts or (generic_ok and _generic_after(text, m.end + 1))):
            kept.append(m)
    return kept


def _outside_refused(found: list[Mention], refused: list[Mention]) -> list[Mention]:
    """Drop the mentions inside a longer name refused for its name-like hyphenated prefix: in 'R101-Mask R-CNN'
    Mask R-CNN is refused as another name, and the R-CNN inside it is no mention of its own either (as inside
    a paper's own name)."""
    return [m for m in found
            if not any(r.start <= m.start and m.end <= r.end and m.end - m.start < r.end - r.start for r in refused)]


# generic families that make a compound with a named method ('CNN-LSTM', 'LSTM-RNN', 'BiLSTM-CNN', 'DNN-HMM'):
# the named half is a mention (the golds link LSTM in 'CNN-LSTM'), as in a compound of two catalogued names
# (not GNN or MLP: 'UNet-GNN' in the 19k arXiv abstracts names a specific graph network built on a U-Net)
GENERIC_HALVES = frozenset("CNN CNNs RNN RNNs DNN DNNs DCNN DCNNs ANN ANNs ConvNet ConvNets".split())
# ... except a CRF: 'CNN-CRF models' name the family of CNNs with a CRF on top (2 of the 3 such compounds in the
# 19k arXiv abstracts and the tuning golds are that family, not the CRF as a named method)
_FAMILY_PAIRS = frozenset({"CRF"})


def _generic_before(text: str, dash: int) -> bool:
    """Whether the word that ends at ``dash`` (a hyphen) is a generic family written as an acronym ('CNN-')."""
    j = dash
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return text[j:dash] in GENERIC_HALVES and (j == 0 or not text[j - 1] in _DASHES)


def _generic_after(text: str, start: int) -> bool:
    """Whether the word that starts at ``start`` (after a hyphen) is a generic family acronym ('-RNN', '-CNN')
    that ends the compound."""
    token = _TOKEN_AFTER.match(text, start)
    if token is None or token.group() not in GENERIC_HALVES:
        return False
    return token.end() == len(text) or text[token.end()] not in _DASHES


def _hyphen_spelled(written: str, surface: str) -> bool:
    """Whether ``written`` is the words of ``surface`` joined by hyphens where it has spaces: 'feature-matching
    GAN' writes the exact-case technique 'feature matching' as a compound modifier."""
    return "-" in written and " " in surface and written.replace("-", " ") == surface


def accept_span(text: str, norm: str, s: int, e: int, hyphens: bool = True) -> int:
    """End of the mention text[s:e] after the word-boundary, plural and hyphen rules, or -1 if rejected.

    ``s`` must already start a word in ``norm``. ``hyphens=False`` skips the rules for hyphenated words
    before and after.
    """
    n = len(text)
    after = e
    if e < n and norm[e] != " ":
        # a plural 's' is written lower case ('SDSS' is not SDS) after a word of two or more letters
        # ('ImageNet as' is not ImageNet-A)
        if text[e] == "s" and (e + 1 == n or norm[e + 1] == " ") and text[e - 1].isalpha() \
                and e >= 2 and norm[e - 2] != " ":
            after = e + 1
        else:
            return -1
    if after + 1 < n and text[after] == "." and text[after - 1].isdigit() and _SIZE_DECIMALS.match(text, after):
        return -1  # the number is a size: 'Mamba-2.8B' is a Mamba size, not Mamba-2 ('GPT 2.0' stays GPT-2)
    if not hyphens:
        return after
    if s > 0 and text[s - 1] in _DASHES and not hyphen_prefix_ok(text, s):
        return -1
    if after + 1 < n and text[after] in _DASHES:
        token = _TOKEN_AFTER.match(text, after + 1)
        if token and not hyphen_suffix_ok(token.group()):
            return -1
    return after


def find_surface(text: str, norm: str, key: str) -> list[tuple[int, int]]:
    """Accepted occurrences of one normalised key (for per-paper aliases, which need no automaton)."""
    spans = []
    padded = " " + norm
    needle = " " + key
    i = padded.find(needle)
    while i != -1:
        end = accept_span(text, norm, i, i + len(key))
        if end >= 0:
            spans.append((i, end))
        i = padded.find(needle, i + 1)
    return spans
