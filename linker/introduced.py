"""Names a paper introduces, and the "Long Form (LF)" definitions it makes.

Two sources, both plain precompiled regular expressions (no model):

* the title prefix before ':' when it looks like a name. A single word is a name unless it is a common
  title word ("Survey:") or a plural of a known method ("Transformers:"); two or three words are a name
  when the first is name-like (capital inside, digit: "DeepSpeed Inference") or the last is a method head
  noun ("Swin Transformer", "Lean Attention"). Catchy phrases ("Hopping Too Late", "Bridging the Gap",
  "Text Is All You Need") fail both tests.
* abstract cues: a naming word ("dubbed", "called", "termed", "named", "namely", "coined") followed by a
  capitalised phrase, or a proposal verb ("we propose / introduce / present / develop / design ...")
  whose object is a name-like token, optionally after a determiner and adjectives ("we propose a novel
  framework, X"); an apposition ("X, a novel ...") confirms a plain capitalised word ("Combiner").

A long form with a parenthesised short form ("Simple-Mamba (S-Mamba)") gives the short form as name and the
long form as alias. The kind is 'dataset' when the name or its clause says dataset / benchmark / corpus.
"""

from __future__ import annotations

import html
import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

from relwork.core.records import Introduced, Paper, first_submitted
import ahocorasick_rs

from relwork.linker.catalog import CatalogEntry, alias_key, packaged_json
from relwork.linker.matcher import TEX_SUPERSCRIPT, normalize
from relwork.linker.sentences import start_of_sentence

# Generic families and words that look like names but are not (annotation guidelines): never introduced,
# never uncatalogued links. The decision-process models and the generic layer names (Keras' Conv1D ... Conv3D) are
# the field's: "solving our MDP model", "temporal CNN, called Conv1D".
GENERIC = frozenset(
    """
    mha mhsa msa ai ml dl rl nlp cv asr tts nlu nlg qa ner pos mt nmt llm llms lm lms plm plms mllm mllms vlm vlms lvlm
    lvlms slm slms cnn cnns rnn rnns gnn gnns mlp mlps ssm ssms moe gan gans vae vaes dnn dnns ann anns
    snn snns fnn ffn ffns kd sota api apis gpu gpus tpu tpus cpu cpus sgd nas rag icl cot sft rlhf dpo ppo
    peft qat ptq ood iid fps flops macs gflops iou miou map auc f1 bleu rouge wer cer mse mae_loss
    kv kgs kg kge ir cl ssl mtl hci iot ocr vqa vqa2 sr tsf lstf hmer sgg slu ctr ar vr xr agi zsl gzsl fsl ga e2e
    transformer transformers attention convnet convnets dcnn dcnns seq2seq
    mdp mdps pomdp pomdps conv1d conv2d conv3d
    """.split()
)

STOP_TITLE_WORDS = frozenset(
    """
    survey review overview tutorial introduction preface position perspective editorial commentary
    erratum correction abstract benchmarking revisiting rethinking towards toward beyond understanding
    evaluating analysis report proceedings keynote foreword summary
    """.split()
)

# Last words that make a two- or three-word capitalised title prefix a method name.
HEAD_NOUNS = frozenset(
    """
    transformer transformers former attention network networks net nets retriever mixer encoder decoder
    autoencoder diffusion tokenizer router adapter adapters prompting embedding embeddings gpt bert mamba
    llama dataset benchmark corpus bench arena inference machine machines memory layer block unit units
    """.split()
)

_DATA_WORDS = (r"datasets?", r"databases?", r"benchmarks?", "corpus", "corpora", "suite", "leaderboard",
               r"test[- ]?bed", "collection", "treebank", "arena")


def _words_regex(words) -> re.Pattern:
    """One case-blind whole-word pattern of ``words`` (regex pieces), gated by their first letters."""
    first = "".join(sorted({w[0] for w in words}))
    return re.compile(rf"(?=[{first}])\b(?:{'|'.join(words)})\b", re.I)


DATASET_WORDS = _words_regex(_DATA_WORDS)

# A name-like token: a capital after the first character ("AlgoFormer", "LATTE", "idT5"), or a digit next
# to letters ("M1", "P2AT"); hyphens and '^' may join parts ("IA-RED^2", "S-Mamba").
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9]*(?:[-\^+][A-Za-z0-9]+)*\+*"
TOKEN_RE = re.compile(_TOKEN)


_PLURAL_CAPS = re.compile(r"[A-Z]{2,}s")
_COUNT_OR_UNIT = re.compile(r"\d+(?:st|nd|rd|th|s|k|K|M|B|D|x|X|px|fps|ms|GB|MB|TB|Hz|kHz)")
_JOINTS = re.compile(r"[-\^+]")


# bounded: a long link run's memory must not grow with the corpus; 4,096 entries (~0.5 MB full) keep 95.3% of the
# calls hits on 20,000 bench abstracts, as 16,384 do (~1.9 MB full)
@lru_cache(maxsize=1 << 12)
def is_namelike(token: str) -> bool:
    """Whether a single token looks like a model name rather than a word ('LATTE', 'AlgoFormer', 'M1')."""
    if len(token) < 2 or alias_key(token) in GENERIC:
        return False
    if token.rstrip("s").lower() in GENERIC:
        return False  # a plural of a generic family ('CNNs'); an acronym's own capital S stays ('ARS' is not 'AR')
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    if _PLURAL_CAPS.fullmatch(token):
        return False  # a plural acronym names a class ('LLMs', 'NIDSs')
    if _COUNT_OR_UNIT.fullmatch(token):
        return False  # ordinals, counts and units ('7th', '3D', '16x', '100k')
    tail = token.rsplit("-", 1)[-1] if "-" in token else ""
    if len(tail) >= 3 and tail.isalpha() and tail.islower():
        return False  # a compound adjective ('JND-based', 'BERT-like'), not a name
    if any(c.isupper() for c in token[1:]):
        # 'Set-Based', 'Cross-Layer' (title case of a hyphenated word) is not a name by itself
        parts = _JOINTS.split(token)
        if all(p[:1].isupper() and p[1:].islower() for p in parts if p) and len(parts) > 1:
            return False
        return True
    return any(c.isdigit() for c in token)


_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9\-]*[A-Z0-9]s")


def is_short_form(token: str) -> bool:
    """A short form that can name a method when a long form defines it: a name-like token, or the plural
    of one ('Threatened Markov Decision Processes (TMDPs)', 'Relativistic GANs (RGANs)'); a plural of a
    generic family ('LLMs', 'CNNs') is neither."""
    return is_namelike(token) or bool(_PLURAL_ACRONYM.fullmatch(token) and is_namelike(token[:-1]))


_ODD_CHARS = re.compile(r"[\[\]{}_<>=\\|$~]")  # markup or formula debris ('[Time', 'Inv_')
_COMPOUND_TAIL = re.compile(r"-[a-z]{3,}$")  # 'GAN-based', 'BERT-like': compound adjectives, not names
_ENGLISH_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ics", "ism", "ical", "ive", "ous", "ful",
    "less", "able", "ible", "ese", "ish", "ally", "ian", "ogy", "ures", "ized", "ised",
)
_COMMON_WORDS = frozenset(
    """
    simple general novel new efficient fast deep robust unified flexible generic adaptive dynamic elastic
    english french german chinese spanish arabic russian korean hindi italian portuguese dutch urdu greek
    turkish persian polish swedish vietnamese thai indonesian latin hebrew bengali
    gaussian bayesian markov euclidean boolean linear neural hybrid sparse dense global local visual
    retrieval flow attention memory learning network networks model models data language vision
    """.split()
)


def plain_word_can_be_name(word: str) -> bool:
    """Whether a plain capitalised word ('Informer', 'Combiner', 'Phenaki') may be a new name: not a common
    adjective or language ('Simple', 'French') and not shaped like an English noun ('Localization')."""
    low = word.lower()
    if low in _COMMON_WORDS or low in STOP_TITLE_WORDS or alias_key(word) in GENERIC:
        return False
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return True  # not a plain word: other tests decide
    return len(low) >= 4 and not low.endswith(_ENGLISH_ENDINGS)


_DIGIT_OR_JOINT = re.compile(r"\d|[a-z][A-Z]")


def _distinctive(name: str) -> bool:
    """A coined name that stays a name even in front of a noun ('the M2-BERT retrieval encoder'): it has a
    digit or a CamelCase joint, unlike acronyms of techniques ('a new UAV benchmark')."""
    return bool(_DIGIT_OR_JOINT.search(name)) and alias_key(name) not in GENERIC


def is_capitalised(token: str) -> bool:
    """'Combiner', 'Set-Based' (capitalised word) — a name only with a strong cue."""
    return token[:1].isupper()


@dataclass
class Definition:
    """'long form (SHORT)' or 'SHORT (long form)' found in a text."""

    short: str
    long: str
    short_span: tuple[int, int]
    long_span: tuple[int, int]


# an adverb may open the parenthesis: 'Domain-supervised GAN (briefly, DosGAN)', '(hereafter 2LPT)'
_SHORT_ADVERB = r"(?:(?:briefly|shortly|hereafter|henceforth)\s*,?\s+)?"
_PAREN = re.compile(r"\(\s*" + _SHORT_ADVERB + r"(" + _TOKEN + r")\s*\)")
_PAREN_LONG = re.compile(r"(" + _TOKEN + r")\s+\(([^()]{3,120})\)")


def _initials_match(short: str, long: str) -> bool:
    """Schwartz-Hearst test: the short form's characters occur in order in the long form, the first one
    starting a word."""
    chars = [c.lower() for c in short if c.isalnum()]
    return _initials_in(chars, long) or (chars[:1] != (number := _initial_chars(short))[:1] and _initials_in(number, long)) or (
        ("2" in short or "4" in short) and (spelled := _spelled_digits(chars)) is not None and _initials_in(spelled, long))


_NUMBER_INITIALS = dict(zip("123456789", "ottffssen"))  # 'one' ... 'nine'


def _initial_chars(short: str) -> list[str]:
    """The lower-cased alphanumeric characters of a short form, a leading digit read as its number word's
    initial ('2C-LSTM' for 'two-layer convolutional long short-term memory'; callers try the digit itself
    first, as in '1D-convolution capsule network (1D-ConvCapsNet)')."""
    chars = [c.lower() for c in short if c.isalnum()]
    if chars and chars[0] in _NUMBER_INITIALS:
        chars[0] = _NUMBER_INITIALS[chars[0]]
    return chars


_DIGIT_WORDS = {"2": "t", "4": "f"}  # 'L2R': 'learning-to-rank', 'left-to-right'; 'B4': 'before'


def _spelled_digits(chars: list[str]) -> list[str] | None:
    """``chars`` with an inner '2' or '4' read as the initial of 'to' / 'for' ('l2r' -> 'ltr'), or None when
    there is none."""
    if not any(c in _DIGIT_WORDS for c in chars[1:-1]):
        return None
    return chars[:1] + [_DIGIT_WORDS.get(c, c) for c in chars[1:-1]] + chars[-1:]


def _initials_in(s: list[str], long: str) -> bool:
    """:func:`_initials_match` with the short form's lower-cased alphanumeric characters ``s`` given (a
    caller trying several long forms for one short form computes them once)."""
    text = long.lower()
    if not s or len(text) <= len(s):
        return False
    si, li = len(s) - 1, len(text) - 1
    while si >= 0:
        c = s[si]
        if len(c) == 1:  # the same walk with str.rfind (a lower-cased character may be two: 'İ')
            li = text.rfind(c, 0, li + 1)
            if si == 0:
                while li > 0 and text[li - 1].isalnum():
                    li = text.rfind(c, 0, li)
        else:
            while li >= 0 and (text[li] != c or (si == 0 and li > 0 and text[li - 1].isalnum())):
                li -= 1
        if li < 0:
            return False
        si -= 1
        li -= 1
    return True


_WORD_NO_PAREN = re.compile(r"[^\s()]+")


# words a long form may add or drop at its end and still spell the same thing ('hierarchical recurrent
# encoder-decoder network', 'Liver Tumor Segmentation Challenge' / 'Benchmark')
_TRAILING_HEADS = frozenset(
    "network model method framework module challenge benchmark dataset algorithm system approach architecture "
    "measure metric score data task technique scheme".split()
)
_LONG_FORM_SPLIT = re.compile(r"[\s\-/]+")
_LONG_FORM_SKIP = frozenset("a an the of for and to in on with by from over via based".split())


def _reading(long_form: str, heads: bool = False) -> tuple[str, ...]:
    """A long form's content words, lower-cased and singular, trailing head nouns dropped (kept with ``heads``):
    what it means."""
    words = []
    for word in _LONG_FORM_SPLIT.split(long_form.lower()):
        word = "".join(c for c in word if c.isalnum())
        if word and word not in _LONG_FORM_SKIP:
            words.append(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    while not heads and len(words) > 1 and words[-1] in _TRAILING_HEADS:
        words.pop()
    return tuple(words)


def long_forms_agree(a: str, b: str) -> bool:
    """Whether two long forms of one acronym spell the same thing, up to case, hyphens, plurals, function words
    and trailing words ('quasi-periodic WaveNet' and 'Quasi-Periodic WaveNet Vocoder'): 'learning-to-rank' and
    'Learning to Rank' agree; 'learning to rank' and 'left-to-right' do not, nor 'Classical Tsetlin Machine'
    and 'Convolutional Tsetlin Machine'."""
    x, y = _reading(a), _reading(b)
    if len(x) > len(y):
        x, y = y, x
    return x == y or (len(x) >= 2 and y[: len(x)] == x)


def long_forms_of(name: str, aliases: "Iterable[str]") -> list[str]:
    """The aliases of an introduced acronym that spell it out ('plug-and-play' for PnP), not those that
    merely contain it ('Edge SLAM')."""
    key = alias_key(name)
    return [a for a in aliases if _LONG_FORM_SPLIT.search(a.strip()) and key not in alias_key(a) and _initials_match(name, a)]




def _long_form_before(text: str, end: int, short: str) -> tuple[int, int] | None:
    """The shortest word sequence ending at ``end`` whose initials spell ``short`` (Schwartz-Hearst)."""
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars:
        return None
    number = _initial_chars(short) if chars[:1] and chars[0].isdigit() else chars
    spelled = _spelled_digits(chars) if "2" in short or "4" in short else None
    # the last len(chars) + 5 words of the 200 characters before ``end``, last first: read in the reversed
    # window (a word is a maximal run, the same either way), so the regex stops after them
    base = max(0, end - 200)
    window = text[base:end][::-1]
    short_key = None
    for word in itertools.islice(_WORD_NO_PAREN.finditer(window), len(chars) + 5):
        initial = window[word.end() - 1].lower()
        if initial != chars[0] and initial != number[0]:
            continue
        start = base + len(window) - word.end()
        candidate = text[start:end].rstrip(" ,")
        if ")" in candidate or "(" in candidate:
            return None  # a long form never spans another parenthesis ('... 29.49 (ASR) and 17.95 (STR)')
        if _initials_in(chars if initial == chars[0] else number, candidate) or (
                spelled is not None and initial == chars[0] and _initials_in(spelled, candidate)):
            if short_key is None:
                short_key = alias_key(short)
            if alias_key(candidate) != short_key:
                return start, start + len(candidate)
    return None


def find_definitions(text: str, start: int = 0) -> list[Definition]:
    """All 'Long Form (SHORT)' and 'SHORT (Long Form)' definitions in ``text`` at a parenthesis from ``start``
    on (each parenthesis is read on its own; the long form before one may lie before ``start``)."""
    found = []
    pos = text.find("(", start)
    while pos != -1:
        match = _PAREN.match(text, pos)
        if match:
            short = match.group(1)
            if any(c.isupper() for c in short) and len(short) <= 20:
                span = _long_form_before(text, match.start(), short)
                if span:
                    found.append(Definition(short, text[span[0] : span[1]], match.span(1), span))
        else:
            before = _TOKEN_BEFORE.search(text, max(0, pos - 40), pos)
            close = text.find(")", pos, pos + 122)
            if before and close != -1 and "(" not in text[pos + 1 : close]:
                short, long = before.group(1), text[pos + 1 : close].strip()
                if is_namelike(short) and len(long.split()) >= 2 and len(long) > len(short) and _initials_match(short, long):
                    found.append(Definition(short, long, before.span(1), (pos + 1, close)))
        pos = text.find("(", pos + 1)
    return found


_TOKEN_BEFORE = re.compile(r"(?<![\w\-\^+])(" + _TOKEN + r")\s+$")


# a short form of two words or with 'for short': 'Dialectical Generative Adversarial Network (Dialectical GAN)' (the
# long form's first word kept, the rest abbreviated), 'Depthwise-Pointwise-Depthwise inverted bottleneck block (DPD
# block)' (the last word kept), 'Multi-task Knowledge Distillation Model (MKDM for short)'
_PHRASE_SHORT = re.compile(r"\(\s*(?:(?P<lead>[A-Za-z][a-z\-]{2,})\s+(?P<acr>" + _TOKEN + r")|(?P<acr2>" + _TOKEN + r")"
                           r"(?:\s+(?P<tail>[a-z]{3,})|\s+for\s+short))\s*\)")
_LAST_WORD = re.compile(r"([A-Za-z][\w\-]*)\s*$")
# a short form of two names: an acronym of the leading words, then the name the long form ends in, as written or
# abbreviated: 'multi-scale aggregation R-CNN (MSA R-CNN)', 'temporal dynamic graph Long Short-Term Memory network
# (TD-Graph LSTM)', 'Multi-Expert Region-based CNN (ME R-CNN)'
_TWO_NAME_SHORT = re.compile(r"\(\s*(?P<acr>" + _TOKEN + r")\s+(?P<name>" + _TOKEN + r")\s*\)")


def phrase_definitions(text: str) -> list[Definition]:
    """Definitions whose short form keeps a word of its long form or says 'for short' (see :data:`_PHRASE_SHORT`):
    the abbreviated part must spell the rest of the long form (Schwartz-Hearst, :func:`_long_form_before`) and the
    kept word must be the long form's first word (or a stem of it) or its last. The short form is the whole
    parenthesis but 'for short'. Found apart from :func:`find_definitions` (one-token short forms), which many
    rules read."""
    found = []
    pos = text.find("(")
    while pos != -1:
        match = _PHRASE_SHORT.match(text, pos)
        if match:
            acr = match.group("acr") or match.group("acr2")
            kept = match.group("lead") or match.group("tail")
            end = pos
            if match.group("tail"):  # the kept last word closes the long form: the acronym spells what precedes it
                last = _LAST_WORD.search(text, max(0, pos - 40), pos)
                end = last.start() if last and last.group(1).lower().rstrip("s") == kept.rstrip("s") else -1
            span = _long_form_before(text, end, acr) if end > 0 and sum(c.isupper() for c in acr) >= 2 else None
            if span and match.group("lead"):
                before = _LAST_WORD.search(text, max(0, span[0] - 40), span[0])
                lead = before.group(1).lower() if before else ""
                kept = kept.lower()
                if lead == kept or len(kept) >= 4 and lead.startswith(kept):
                    found.append(Definition(match.group("lead") + " " + acr, text[before.start(1) : pos].rstrip(),
                                            (match.start("lead"), match.end("acr")), (before.start(1), pos)))
            elif span:
                short = acr if match.group("acr2") and not match.group("tail") else text[match.start("acr2") : match.end("tail")]
                found.append(Definition(short, text[span[0] : pos].rstrip(), (match.start("acr2"), match.start("acr2") + len(short)),
                                        (span[0], pos)))
        elif (two := _TWO_NAME_SHORT.match(text, pos)) is not None:
            definition = _two_name_definition(text, pos, two)
            if definition is not None:
                found.append(definition)
        pos = text.find("(", pos + 1)
    return found


def _two_name_definition(text: str, pos: int, match: re.Match) -> Definition | None:
    """'multi-scale aggregation R-CNN (MSA R-CNN)': both parts of the short form are name-like (two capitals or
    a digit), the second ends the long form as written or spells its last words, and the first spells the words
    before those."""
    acr, name = match.group("acr"), match.group("name")
    if sum(c.isupper() or c.isdigit() for c in acr) < 2 or sum(c.isupper() or c.isdigit() for c in name) < 2:
        return None
    end = len(text[:pos].rstrip())
    if alias_key(text[max(0, end - len(name)) : end]) == alias_key(name):
        tail = end - len(name)  # the name itself ends the long form
    else:
        span = _long_form_before(text, end, name)
        if span is None:
            return None
        tail = span[0]
    lead = _long_form_before(text, len(text[:tail].rstrip()), acr) if tail > 0 and text[tail - 1] in " -" else None
    if lead is None:
        return None
    return Definition(f"{acr} {name}", text[lead[0] : end], (match.start("acr"), match.end("name")), (lead[0], end))


# ------------------------------------------------------------------------------------------------------
# cues

_PHRASE = r"(?P<phrase>(?:[A-Z0-9a-z][\w\-\^+]*)(?:\s+(?:[A-Z0-9][\w\-\^+]*|of|for|and|from|with))*)"
# the nouns 'we call this <noun> X' may name (the full list, _HEAD_WORDS, follows below)
_HEAD_WORDS_PLAIN = (r"(?:model|framework|method|approach|system|network|architecture|module|layer|block|mechanism|algorithm|"
                     r"technique|loss|strategy|dataset|benchmark|corpus)s?")
_NAMING = re.compile(
    r"\b(?:dubbed|called|termed|named|namely|coined|denoted(?:\s+by)?|nicknamed|abbreviated|[Ww]e\s+(?:call|term|name|dub|coin)|(?:call|term|name)(?=\s+the\s+resulting\s)|"
    r"[Ww]e\s+refer\s+to\s+(?:(?:it|them|this|these|our\s+\w+)\s+)?(?:respectively\s+)?as|referred\s+(?:to\s+)?as|contribution\s+is|contributions\s+are)"
    r"(?:\s+(?:it|them|(?:this|these)(?:\s+(?:new\s+|novel\s+)?(?:" + _HEAD_WORDS_PLAIN + r"|unit|units|cell|operation|idea|scheme|procedure))?|our\s+\w+"
    # 'we call the resulting algorithm K-learning', 'call the resulting networks AOGNets'
    r"|the\s+resulting\s+(?:\w+\s+)?(?:" + _HEAD_WORDS_PLAIN + r"|estimator|estimators|procedure|scheme|classifier|detector)))?"
    r"(?:\s+(?:respectively|simply|hereafter|henceforth))?(?:\s+as)?[,:]?\s+"
    r"(?:the\s+)?[\"'“‘`]*" + _PHRASE,
)
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_SUBJECT = re.compile(
    r"(?=[wth])(?:\bwe|\bthis\s+(?:paper|work|study|article|thesis)|\bthe\s+paper|\bhere)\s+(?:(?!not\b)[a-z]+\s+){0,2}$", re.I
)
# 'we overcome this problem by proposing SynGCN, a ...': a gerund after 'by' in a sentence in the paper's voice
_BY_GERUND = re.compile(r"\bby\s+$")
_GERUND = re.compile(r"[a-z]+ing\b")
_OWN_VOICE = re.compile(r"(?=[WwTtOo])\b(?:[Ww]e|[Tt]his\s+(?:paper|work|study|article)|[Oo]ur)\b")


_NOUN_AFTER = re.compile(r"\s+[a-z]{4,}\b")
_NAMED_DATASET = re.compile(r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s+(?:Dataset|Benchmark|Corpus|Database|Treebank)")
# 'We present a UU-Net architecture': a hyphenated model-name ending makes a token in front of a noun a name
_COINED_ENDINGS = ("-net", "-nets", "-gan", "-former", "-bert")
_BASED_AFTER = re.compile(r"(?:\s+[a-z][\w\-]*){0,2}(?:\s+|-)based\b")
_NOT_A_PROPOSAL = re.compile(r"build(?:s|ing)?\s+(?:up)?on\b|present(?:s|ed)?\s+(?:results|experiments|an?\s+(?:analysis|study|overview|survey))\b", re.I)
_QUESTION = re.compile(r"(?:[Cc]an|[Cc]ould|[Hh]ow|[Dd]o|[Ss]hould)\s+we\b[^.?]*\?")


_DERIVED_STOP = re.compile(r"[.;:]\s|\s(?:using|based|with|from|than|over|against|including|such|like|on)\s")
_CAMEL_TOKEN = re.compile(r"(?<![\w\-])[A-Za-z][A-Za-z]*[a-z][A-Z][A-Za-z]*(?![\w\-])")
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")  # in every CamelCase token; absent from 94% of proposal objects


def _derived_name(text: str, start: int, known: "set[str]") -> list[tuple[str, list[str], bool]]:
    """A coinage built on a catalogued name in the proposal's clause ('we introduce a new compact model for
    French FrALBERT which ...'): one CamelCase token, not catalogued itself, that extends a catalogued name
    of four or more characters with a short prefix or a lower-case ending ('Fr' + 'ALBERT', 'ColBERT' + 'er').
    Only when the object itself named nothing."""
    end = min(len(text), start + 160)
    stop = _DERIVED_STOP.search(text[start:end])
    window = text[start : start + stop.start() if stop else end]
    for match in _CAMEL_TOKEN.finditer(window) if _LOWER_UPPER.search(window) else ():
        token = match.group()
        key = alias_key(token)
        if key in known or key in GENERIC:
            continue
        prefixed = any(alias_key(token[i:]) in known for i in (1, 2, 3) if len(token) - i >= 4 and token[i].isupper())
        suffixed = any(alias_key(token[:-i]) in known for i in (1, 2, 3) if len(token) - i >= 4 and token[-i:].islower())
        if prefixed or suffixed:
            return [(token, [], True)]
    return []


_NOVEL_EXTENDED = re.compile(
    r"(?:a|an|the)\s+(?:novel|new)\s+(?P<mod>[a-z][a-z\-]{2,})\s+(?P<base>[A-Z][\w\-]*[A-Z][\w\-]*)\s+"
    r"(?:network|architecture|model|framework)\b"
)


def _title_extended_name(title: str, text: str, start: int, known: "set[str]") -> list[tuple[str, list[str], bool]]:
    """A catalogued name with one modifier, proposed as new and written as a name in the title: 'we propose a
    novel warp LSTM network' under the title '... by Warp LSTM', 'a novel recurrent U-Net architecture' under
    'Recurrent U-Net for ...'. The title's spelling is the name; tried before the object's other readings, which
    would take the catalogued base ('U-Net') for the proposal."""
    match = _NOVEL_EXTENDED.match(text, start)
    if match is None or alias_key(match.group("base")) not in known or match.group("mod") in _COMMON_WORDS:
        return []
    words = title.split()
    for left, right in zip(words, words[1:]):
        if left.lower() == match.group("mod") and left[:1].isupper() and right.rstrip(":,") == match.group("base"):
            name = f"{left} {right.rstrip(':,')}"
            return [(name, [text[match.start("mod") : match.end()]], True)] if alias_key(name) not in known else []
    return []


def _used_as_name(text: str, acr: str, end: int) -> bool:
    """Whether the abstract goes on to use ``acr`` on its own at least twice after ``end`` ('a deconfounded
    multi-agent environment reconstruction (DEMER) approach ... DEMER adopts ... we apply DEMER'): the paper
    names its own method so; a technique's acronym ('a ... (MARL) framework', 'speech enhancement (SE) system'
    ... 'SE systems') is repeated in front of a noun, if at all."""
    bare, at = 0, text.find(acr, end)
    while at != -1 and bare < 2:  # str.find, not a regex per acronym: no pattern compiled per paper
        after = at + len(acr)
        if not (text[at - 1 : at].isalnum() or text[at - 1 : at] == "-" or text[after : after + 1].isalnum()
                or text[after : after + 1] == "-" or _NOUN_FOLLOWS.match(text, after)):
            bare += 1
        at = text.find(acr, after)
    return bare >= 2


def _own_subject(text: str, position: int) -> bool:
    """Whether the proposal verb at ``position`` has the paper as subject: 'we (also) propose', 'this paper
    presents', 'we ... by proposing' or 'we formalize a ... framework, and propose' within the sentence."""
    if _GERUND.match(text, position):
        if not _BY_GERUND.search(text, max(0, position - 4), position):
            return False
        stop = max(text.rfind(". ", 0, position), 0)
        return bool(_OWN_VOICE.search(text, stop, position))
    if _SUBJECT.search(text, max(0, position - 60), position):
        return True
    if text.startswith("and ", position - 4) and _MAIN_PROPOSAL.match(text, position):
        stop = max(text.rfind(". ", 0, position), 0)
        return bool(_WE_FIRST.search(text, stop, position))
    return False


# a second verb of the sentence's own subject: 'Hinted by this, we formalize a Linear Span framework, and propose'
_MAIN_PROPOSAL = re.compile(r"(?:propose|introduce|present)[sd]?\b")  # not 'and construct accurate ... CAD models'
_WE_FIRST = re.compile(r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work|study))\s+(?:also\s+)?[a-z]{3,}\b")


_PROPOSE = re.compile(
    r"(?P<verb>propose|present|introduce|develop|design|devise|build|create|construct|release|establish|"
    r"describe|contribute|curate|collect|offer|put\s+forward|proposes|presents|introduces|develops|"
    r"designs|describes|contributes|curates|releases|offers|proposing|introducing|presenting|developing|"
    r"designing)(?:e?d)?\b(?:\s+and\s+(?:test|evaluat|validat|implement|train|releas)[a-z]*)?[,:]?\s+"
    # ('we propose in this paper a Symmetry-constrained Rectification Network (ScRN)')
    r"(?:(?:here|in\s+this\s+(?:paper|work|study|article|letter))\s*,?\s+)?"
    r"(?P<object>[^.;:]{0,160})",
    re.I,
)
_CAP_PHRASE = r"(?:" + _TOKEN + r")(?:\s+[A-Z][\w\-\^+]*){0,3}"
_APPOSITION = re.compile(
    r"^(?:the\s+)?(?P<name>" + _CAP_PHRASE + r")\s*(?:\((?P<paren>[^()]{2,80})\)\s*)?,\s+(?:a|an|the|which|our|that)\b"
)
_APPOSED_NOUNS = (
    "model|method|framework|dataset|benchmark|architecture|system|approach|algorithm|module|network|corpus|"
    "tool|toolkit|library|technique|strategy|scheme|mechanism|variant|paradigm|pipeline|family|suite|layer|"
    "block|encoder|decoder|transformer|operator|optimizer|loss|metric|task|agent|policy"
).split("|")
_NOUN_APPOSITION = re.compile(  # (?=[...]): the letters the nouns start with, so the scan skips other positions
    r"(?=[mfdbasnctlvpeo])\b(?:" + "|".join(_APPOSED_NOUNS) + r")s?,?\s+"
    r"(?:namely\s+|called\s+|named\s+)?(?:the\s+)?(?P<name>" + _TOKEN + r")(?=\s*[,.;(]|\s+(?:which|that|to|for|with|based\s+on)\b"
    r"|\s+(?:model|method|framework|network|architecture|system|dataset|benchmark|corpus|algorithm)s?\b)"
)
_OUR = re.compile(
    r"\b[Oo]ur\s+(?:(?:proposed|new|novel)\s+(?=[A-Z]|[a-z]+[A-Z0-9])|(?:[a-z\-]+\s+){0,4}?"
    r"(?:model|method|framework|architecture|approach|system|network|algorithm|variant|technique|dataset|benchmark)"
    r"s?,?\s+(?:the\s+)?\(?)(?P<phrase>" + _CAP_PHRASE + r")"
)
# 'Our model, Bounce and Learn, comprises ...': a Title Case name joined by 'and' / 'of' / 'for' between commas
_OUR_JOINED_NAME = re.compile(
    r"[Oo]ur\s+(?:proposed\s+)?(?:model|method|framework|approach|system|network|algorithm|architecture|dataset|benchmark)"
    r"\s*,\s+(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+(?:and|&|of|for)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}),\s"
)
# a naming cue about someone else's method or a phenomenon, not the paper's own name
_NOT_OURS_NEAR = re.compile(
    r"\b(?:been|often|usually|also|commonly|widely|phenomenon|problem|issue|effect|behaviou?r|property|condition|"
    r"(?:sub)?task|setting)\b\s*,?\s*(?:\w+\s+)?$",
    re.I,
)
_SETTING_AFTER = re.compile(r"\s+(?:settings?|problems?|tasks?|scenarios?|phenomen\w+)\b")
_NEW_WORD = re.compile(r"\b(?:new|novel)\b")
_NOT_OURS_CLAUSE = re.compile(r"\b(?:existing|previous|prior|popular|well-known|so-called|baseline|earlier)\b", re.I)
_NAMING_WORDS = "dubbed called termed named namely coined denoted nicknamed abbreviated".split() + [
    "we call", "we term", "we name", "we dub", "we coin", "we refer to", "referred to as", "referred as", "contribution is",
    "contributions are", "call the resulting", "term the resulting", "name the resulting"]
_PROPOSE_WORDS = (
    "propose present introduce develop design devise build create construct release establish describe "
    "contribute curate collect offer put forward"
).split(" ")
_TRIGGERS: dict[str, str] = {w: "naming" for w in _NAMING_WORDS}
_TRIGGERS.update({w: "propose" for w in _PROPOSE_WORDS if w not in ("put", "forward")})
_TRIGGERS["put forward"] = "propose"
_TRIGGERS.update({w: "propose" for w in ("proposing", "introducing", "presenting", "developing", "designing")})
_TRIGGERS["our"] = "our"
_TRIGGER_KEYS = list(_TRIGGERS)
# a DFA: the fastest search of the automaton kinds for this handful of words (~1.5 us an abstract)
_TRIGGER_AUTOMATON = ahocorasick_rs.AhoCorasick([" " + k for k in _TRIGGER_KEYS], implementation=ahocorasick_rs.Implementation.DFA)


def _trigger_positions(text: str) -> dict[str, list[int]]:
    """Word-start offsets of the cue words in ``text``, by cue type (one automaton pass, no regex scan)."""
    found: dict[str, list[int]] = {"naming": [], "propose": [], "our": []}
    for index, start, _ in _TRIGGER_AUTOMATON.find_matches_as_indexes(" " + normalize(text)):
        found[_TRIGGERS[_TRIGGER_KEYS[index]]].append(start)
    return found


_ACRONYM_IN = re.compile(r"\(" + _SHORT_ADVERB + r"(?:\\textbf\{)?(?P<acr>" + _TOKEN + r")\}?\)")
_HEAD_WORDS = (
    r"(?:model|framework|method|approach|system|dataset|database|benchmark|corpus|solver|detector|algorithm|"
    r"architecture|network|module|pipeline|scheme|technique|tool|library|encoder|decoder|classifier|tracker|"
    r"planner|controller|strategy|mechanism|loss|layer|block|version|variant|formulation|policy|agent|"
    r"generator|representation|embedding|filter|estimator|simulator|platform|engine|task|problem|scenario|setting)s?"
)
_MODIFIED_NOUN = re.compile(
    r"\s*(?:-\w|(?:(?!(?:including|using|with|for|and|or|of|to|in|on|that|which)\b)[a-z][\w\-]*\s+){0,3}" + _HEAD_WORDS + r"\b)"
)
_NOUN_FOLLOWS = re.compile(r"\s+(?:[a-z\-]+\s+)?(?:" + _HEAD_WORDS + r"|based|performance)\b")  # 'SE systems'
# the lookaheads on the letters a match starts with (here and in _TASK, _OWN_VOICE) only speed up the scan
_EARLIER = re.compile(r"(?=[RrPpEeIi])\b(?:[Rr]ecently|[Pp]reviously|[Ee]arlier|[Ii]n (?:our )?(?:previous|earlier|prior) work)\b")
_TASK = re.compile(r"(?=[tpsc])(?<!-)\b(?:(?:sub)?task|problem|setting|challenge|phenomenon)\b(?!-)")  # not 'multi-task'

_PAREN_IE = re.compile(r"\((?:i\.e\.|namely),?\s+(?P<names>[^()]{2,80})\)")
_PAREN_OR = re.compile(r"\((?P<long>[^(),]{3,80}),?\s+or\s+(?P<name>" + _TOKEN + r")\)")
_SKIPPABLE = re.compile(r"^(?:a|an|the|our|two|three|novel|new|simple|first|general|unified)$", re.I)
_STOP = frozenset(
    "of for to on in with that which by from as and or into between over at through via using under "
    "how what whether when where why this these those it its their".split()
)


def _clean_phrase(phrase: str) -> str:
    """Trim a captured capitalised phrase to its name part (no trailing function words or punctuation)."""
    words = phrase.split()
    while words and (words[-1].lower() in _STOP or not words[-1][:1].isalnum()):
        words.pop()
    # the phrase stops at the first lower-case word that is not a connecting function word
    kept = []
    for word in words:
        if word[:1].islower() and not is_namelike(word) and word.lower() not in ("of", "for", "and", "from", "with", "on", "in", "to"):
            break
        kept.append(word)
    while kept and kept[-1].lower() in _STOP:
        kept.pop()
    return " ".join(kept).rstrip(".,")


def _valid_name(name: str, strong: bool) -> bool:
    """Is ``name`` (one or more words) acceptable as an introduced name under a strong/weak cue?"""
    words = name.split()
    if not words or len(words) > 6:
        return False
    if alias_key(name) in GENERIC or len(alias_key(name)) < 2:
        return False
    if any(is_namelike(w) for w in words):
        return True
    if not strong:
        return False
    if words[0].lower() in STOP_TITLE_WORDS or words[0].lower() in ("the", "a", "an", "this", "our", "we", "in", "it"):
        return False
    if len(words) == 1 and not plain_word_can_be_name(words[0]):
        return False
    return all(w[:1].isupper() or w.lower() in ("of", "for", "and", "from", "with", "on", "in", "to") for w in words)


_SHORT_AFTER = re.compile(r"\s*\(\s*(?:abbreviated\s+as\s+|or\s+|i\.e\.,?\s+)?" + _SHORT_ADVERB + r"(" + _TOKEN + r")\s*\)")


# lower-case words that continue a naming cue's capitalised phrase up to its short form: ' motion prediction
# GAN' before ', or BiHMP-GAN' or ' (ACR)'
_LOWER_RUN = re.compile(r"(?:\s+[a-z][\w\-]*){1,3}(?:\s+[A-Z][\w\-]*)?(?=\s+\(|,?\s+or\s)")


def _short_after(text: str, end: int) -> tuple[str, int, int] | None:
    """A parenthesised short form right after ``end``: "Simple-Mamba (S-Mamba)" -> ('S-Mamba', s, e)."""
    match = _SHORT_AFTER.match(text[end:])
    if match and is_short_form(match.group(1)):
        return match.group(1), end + match.start(1), end + match.end(1)
    return None


_OR_SHORT = re.compile(r",?\s+or\s+(" + _TOKEN + r")(?=\s*[,.;)]|\s+(?:for|which|that)\b)")


def _or_short(text: str, end: int, phrase: str) -> tuple[str, int, int] | None:
    """A short form given with 'or' after ``phrase`` ('called Cross-Entropy Guided Policies, or CGP,'):
    the short form is the name when the phrase's initials spell it."""
    match = _OR_SHORT.match(text, end)
    if match and is_short_form(match.group(1)) and _initials_match(match.group(1), phrase):
        return match.group(1), match.start(1), match.end(1)
    return None


def _long_forms(text: str, short: tuple[str, int, int], phrase: str) -> list[str]:
    """The long form of a short form right after ``phrase``: the phrase when its initials spell the short
    form ('Simple-Mamba (S-Mamba)'), else the Schwartz-Hearst long form before it, else none ('deep
    CNNs (HD-CNNs)' must not make 'CNNs' an alias)."""
    if _initials_match(short[0], phrase):
        return [phrase]
    span = _long_form_before(text, text.rfind("(", 0, short[1]), short[0])
    return [text[span[0] : span[1]]] if span else []


# the data a clause evaluates on, not what it names: 'proposing AdvGAN++, a version of AdvGAN that ... on MNIST
# and CIFAR-10 datasets', 'experiments on two widely used benchmark datasets' (not 'on our new benchmark')
_USED_DATA = re.compile(
    r"\b(?:(?:on|across|over|using|in|for|including|from)\s+(?:(?!our\b|new\b|novel\b|proposed\b|this\b|these\b)[\w\-+.]+,?\s+){0,6}?"
    # 'a Natural Language Interface to Databases' (not 'To train the deep model, a dataset is established')
    r"|to\s+(?:(?:the|a|an)\s+)?(?:[\w\-+.]+\s+)?)"
    r"(?:datasets?|databases?|benchmarks?|corpus|corpora)(?:\s+(?:datasets?|databases?|corpus|corpora))?\b"
    # the rest of a list of such data: 'including the Cityscape dataset~\cite{..}, Facade and Aerial Maps dataset'
    r"(?:(?:~?\\cite\{[^{}]*\})?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?!our\b|new\b|novel\b|proposed\b|this\b|these\b)[\w\-+.]+\s+){0,4}?"
    r"(?:datasets?|databases?|benchmarks?|corpus|corpora)\b)*",
    re.I,
)


# a dataset word anywhere in a clause, less 'suite' and 'collection': 'a suite of architectural variants called
# Bio-xLSTM', 'from an unstructured collection of 2D images' (they count next to the name: _head_kind)
_CLAUSE_DATA = _words_regex([w for w in _DATA_WORDS if w not in ("suite", "collection")])
KIND_HEADS_FILE = "kind-heads.json"
# what may stand between a name and its apposition's article: '(ArabianGPT-0.1B)', ',', ':', 'is', 'which is'
_KIND_HEAD_APPOSITION = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?:[,:]|-+|—|(?<=\s)(?:is|are)\b)\s*(?:(?:which|that)\s+(?:is|are)\s+)?"
    r"(?i:an?|the|one|two|three|four|several)\s+"
)
_ARTICLES = frozenset("a an the our this these its their".split())
_KIND_HEAD_NAMING = ("called", "named", "dubbed", "termed", "coined", "namely", "denoted")  # one is in every match
_KIND_HEAD_NAMED = re.compile(
    r"(?P<head>[A-Za-z][\w\-]*)(?P<comma>\s*,)?\s+(?:" + "|".join(_KIND_HEAD_NAMING) + r")\s+(?:as\s+)?[\"'“‘`]*$"
)
# 'which we call X', 'that is called X': the phrase before the comma holds the head noun
_KIND_HEAD_WE_CALL = re.compile(
    r",?\s*(?:which|that)\s+(?:we|is|are)\s+(?:call|called|name|named|term|termed|dub|dubbed|refer\s+to\s+as)\s+"
    r"(?:it\s+|them\s+)?(?:as\s+)?[\"'“‘`]*$"
)
# a head noun right before the name, after an article or possessive and up to two modifiers: 'our approach ASDF',
# 'a novel framework X', 'the proposed method X'
_KIND_HEAD_PREMODIFIER = re.compile(
    r"(?<![\w-])(?i:our|the|a|an|this|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<head>[A-Za-z][\w-]*)\s+$"
)
_KIND_HEAD_TOKEN = re.compile(r"[A-Za-z][\w\-+]*|[^\sA-Za-z]")
# words that end the noun phrase of an apposition (its head comes before them)
_KIND_HEAD_STOP = frozenset("for to with on in from by that which who where using via into at as than over through under".split())


@lru_cache(maxsize=1)
def _kind_heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(method nouns, dataset nouns, group nouns) from ``linker/data/kind-heads.json``."""
    data = packaged_json(KIND_HEADS_FILE)
    return frozenset(data["method"]), frozenset(data["dataset"]), frozenset(data["groups"])


def _compound_head_kind(words: list[str], i: int) -> str:
    """The kind of the compound whose first head noun is ``words[i]``: its head is its last noun, a group noun aside
    ('tool suite', 'benchmark suite')."""
    method, dataset, groups = _kind_heads()
    heads = method | dataset
    while i + 1 < len(words) and words[i + 1].lower() in heads and words[i + 1].lower() not in groups:
        i += 1
    return "method" if words[i].lower() in method else "dataset"


def _head_kind(name: str, clause: str) -> str | None:
    """The kind the name's own noun phrase gives it, or None: the head noun of its apposition ('ArabianGPT, a
    series of transformer-based models within the ArabianLLM suite' -> method; 'X, a large-scale benchmark for
    ...' -> dataset; the last of a compound: 'THuman, a 3D real-world human model dataset' -> dataset), the noun
    right before 'called / named X' when an article opens its phrase ('a suite of architectural variants called
    Bio-xLSTM' -> method; not '... metric defined over scene graphs coined SPICE'; after a comma only one or two
    words from it: 'collect a dataset, called Qulac'), or a head noun right after the name ('the X suite' ->
    dataset). A group noun followed by 'of' ('a suite of', 'a collection of') is read through to the noun after
    it; with no head noun after it, a data group noun decides ('WINOGRANDE, a new collection of WSC problems' ->
    dataset). A name whose last word is a method noun is a
    method whatever its clause says ('Attentional Feature-pair Relation Network', 'CP-Net')."""
    method, dataset, groups = _kind_heads()
    if name and re.split(r"[\s\-]+", name)[-1].lower() in method:
        return "method"  # 'Attentional Feature-pair Relation Network', 'CP-Net'
    at = clause.find(name)
    if at < 0 or not name:
        return None
    heads = method | dataset
    end = at + len(name)
    apposition = _KIND_HEAD_APPOSITION.match(clause, end)
    if apposition:
        words = _KIND_HEAD_TOKEN.findall(clause[apposition.end() : apposition.end() + 120])[:10]
        group = None
        for i, word in enumerate(words):
            low = word.lower()
            if low in groups and i + 1 < len(words) and words[i + 1] == "of":
                group = group or low
                continue
            if low in heads:
                return _compound_head_kind(words, i)
            if low in _KIND_HEAD_STOP or not word[0].isalnum():
                break
        if group in dataset:
            return "dataset"
    # (the regex tries every word start of the window: only when one of its naming words is there)
    lo = max(0, at - 80)
    window = clause[lo:at]
    before = _KIND_HEAD_NAMED.search(clause, lo, at) if any(w in window for w in _KIND_HEAD_NAMING) else None
    if before:
        # after a comma the noun may close a longer phrase ('... from a rectified pair of stereo images, called
        # MSDC-Net'): only a short one counts ('collect a dataset, called Qulac')
        words = clause[max(0, before.start() - 60) : before.start()].split()[-2 if before.group("comma") else -6 :]
        low = before.group("head").lower()
        for i in range(len(words) - 1, -1, -1):  # back to the article that opens the phrase
            word = words[i].lower()
            if word in _ARTICLES:
                if low in heads:
                    return "method" if low in method else "dataset"
                break
            if word in _KIND_HEAD_STOP or word == "of" and not (i and words[i - 1].lower() in groups):
                break
    called = _KIND_HEAD_WE_CALL.search(clause, max(0, at - 40), at)
    if called:
        # 'a simple debiasing algorithm based on residual fitting, which we call DRiFt': the first head noun after
        # the article that opens the phrase 'which we call' names
        words = _KIND_HEAD_TOKEN.findall(clause[max(0, called.start() - 100) : called.start()])
        opens = [i for i, word in enumerate(words) if word.lower() in _ARTICLES]
        for i in range(opens[-1] + 1 if opens else len(words), len(words)):
            low = words[i].lower()
            if low in heads:
                return _compound_head_kind(words, i)
            if low in _KIND_HEAD_STOP or not words[i][0].isalnum():
                break
    premodifier = _KIND_HEAD_PREMODIFIER.search(clause, max(0, at - 60), at)
    if premodifier and premodifier.group("head").lower() in heads:
        return "method" if premodifier.group("head").lower() in method else "dataset"  # 'our approach ASDF'
    after = _KIND_HEAD_TOKEN.match(clause, end + 1) if clause[end : end + 1] == " " else None
    if after:
        if DATASET_WORDS.fullmatch(after.group()):
            return "dataset"
        if after.group().lower() in method:
            return "method"
    return None


def _kind(name: str, clause: str) -> str:
    """'dataset' when the name says so; else the kind of the name's own noun phrase (``_head_kind``); else
    'dataset' when a dataset word of the clause is not only in the data the clause evaluates on
    (``_USED_DATA``), else 'method'."""
    if DATASET_WORDS.search(name):
        return "dataset"
    head = _head_kind(name, clause)
    if head:
        return head
    if _CLAUSE_DATA.search(clause) and _CLAUSE_DATA.search(_USED_DATA.sub(" ", clause)):
        return "dataset"
    return "method"


def _merged_kind(kept: Introduced, other: Introduced, earlier: Sequence[Introduced] = ()) -> str:
    """The kind of one name found twice: 'dataset' when either finding says so, unless only the method's own
    phrase decides ('we propose ... called Attentional Feature-pair Relation Network (AFRN)' then 'the proposed
    AFRN ... on the LFW dataset': a method), each finding read on its evidence (``_head_kind``). ``earlier``: method
    findings of the name merged before, read when the dataset side is only the name before a data noun."""
    if kept.kind == other.kind:
        return kept.kind
    data, method = (kept, other) if kept.kind == "dataset" else (other, kept)
    if DATASET_WORDS.search(data.name):
        return "dataset"
    own = [_head_kind(n, method.evidence) for n in (method.name, *method.aliases)]
    if _head_kind(data.name, data.evidence) == "dataset":
        # 'our approach ASDF' against 'our ASDF dataset': a head noun naming the name itself beats the name
        # modifying a data noun (the paper's data named after its method)
        at = data.evidence.find(data.name)
        modifier_only = at >= 0 and _head_kind(data.name, data.evidence[: at + len(data.name)]) is None
        if modifier_only:
            own += [_head_kind(m.name, m.evidence) for m in earlier]
        return "method" if modifier_only and "method" in own else "dataset"
    return "method" if "method" in own else "dataset"


def _clause_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), -1) + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("; ", end), text.find(", which", end)) if i != -1]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo:hi]


# a title such as a game's, 'called Attackers and Defenders': plain capitalised words on both sides of one 'and'
_TITLE_AND = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# several things named at once: a count word, or a plural noun right before the naming word
_SEVERAL = re.compile(r"\b(?:two|three|four|both|pair)\b|[a-z]{3}(?<!ss)s\s*,?\s*$", re.I)


def _coordinated(phrase: str, known: Iterable[str] = (), lead: str = "") -> list[str]:
    """'Attentive CNN and Paraformer' -> both names, when each side is a valid name on its own; a title of plain
    capitalised words around one 'and', neither side catalogued, is one name ('a game ... called Attackers and
    Defenders'), unless ``lead``, the words before the naming word, names several things ('two novel automated
    metrics, dubbed Semantic Similarity and Response Echo Index', 'two IBM 20-qubit systems named Tokyo and ...')."""
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", phrase) if p.strip()]
    if len(parts) > 1 and all(_valid_name(p, strong=True) for p in parts):
        if _TITLE_AND.fullmatch(phrase) and not any(alias_key(p) in known for p in parts) and not _SEVERAL.search(lead):
            return [phrase]
        return parts
    return [phrase]


def _singular(name: str) -> str:
    """'Axial Transformers' -> 'Axial Transformer' (a name is singular; the plural stays an alias)."""
    words = name.split()
    last = words[-1]
    if len(words) > 1 and last.lower().endswith("s") and last[:-1].lower() in HEAD_NOUNS:
        return " ".join(words[:-1] + [last[:-1]])
    return name


_TITLE_CASE_COINAGE = re.compile(r"[A-Z][a-z]+-[A-Za-z]+(?:\s+[A-Z][a-z]+){1,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+[A-Z][a-z]+-[A-Za-z]+")
_HEAD_AFTER = re.compile(r"\s+" + _HEAD_WORDS + r"\b")
_GENERIC_TECH_WORDS = frozenset(
    """deep learning neural network networks convolutional recurrent graph attention reinforcement generative
    adversarial machine transfer multi task self supervised semi unsupervised end to based aware level
    scale wise stage shot modal language model models vision visual""".split()
)


_OBJECT_WORD = re.compile(r"[^\s,]+")
# every :data:`_NOUN_APPOSITION` match starts where one of its nouns does
_APPOSED_NOUN_AUTOMATON = ahocorasick_rs.AhoCorasick(_APPOSED_NOUNS, implementation=ahocorasick_rs.Implementation.DFA)


def _noun_apposition(text: str) -> re.Match | None:
    """``_NOUN_APPOSITION.search(text)``, tried only where one of its nouns starts (one automaton pass; the regex
    alone tries ~36 nouns at every word start of the text, ~4x the instructions)."""
    starts = sorted({start for _, start, _ in _APPOSED_NOUN_AUTOMATON.find_matches_as_indexes(text, overlapping=True)})
    for start in starts:
        match = _NOUN_APPOSITION.match(text, start)
        if match:
            return match
    return None


_SENTENCE_END = re.compile(r";|\.\s")


def _from_object(text: str, start: int) -> list[tuple[str, list[str], bool]]:
    """Names in the object of a proposal verb starting at ``start``: (name, aliases, strong)."""
    obj = text[start : start + 200]
    end_stop = len(obj)
    for match in _OBJECT_WORD.finditer(obj):
        if match.group().lower() in _STOP:
            end_stop = match.start()
            break
    head = obj[:end_stop]
    appos = _APPOSITION.match(obj)
    if appos:
        name = _clean_phrase(appos.group("name"))
        paren = appos.group("paren")
        if paren and is_short_form(paren.strip()) and _initials_match(paren.strip(), name):
            return [(paren.strip(), [name], True)]
        if name and (
            any(is_namelike(w) for w in name.split())
            or (name[:1].isupper() and (" " in name or plain_word_can_be_name(name)))
        ):
            return [(name, [], True)]
    # 'a novel Pooling Network (PoNet)': the first parenthesised short form before any stop word
    for match in _ACRONYM_IN.finditer(head):
        acr = match.group("acr")
        if not is_short_form(acr) or any(is_namelike(w.strip("\"'(),")) for w in head[: match.start()].split()):
            continue
        if _MODIFIED_NOUN.match(obj, match.end()) and not _distinctive(acr) and not _used_as_name(text, acr, start + match.end()):
            continue  # 'a multi-agent reinforcement learning (MARL) framework': a technique's acronym
            # ('a two-layer convolutional long short-term memory (2C-LSTM) network' is a coined name)
        if _TASK.search(head, 0, match.start()):
            continue  # 'we propose a new task: emotion-cause pair extraction (ECPE)': a task, not a method
        span = _long_form_before(text, start + match.start(), acr)
        if span and span[0] < start:
            continue
        aliases = [text[span[0] : span[1]]] if span else []
        return [(acr, aliases, True)]
    # ... or further on when its long form is capitalised: 'MoE-LoRA with Layer-wise Expert Allocation (MoLA)'
    for match in _ACRONYM_IN.finditer(obj[:160]):
        if _SENTENCE_END.search(obj, 0, match.start()):
            break  # the sentence ended ('i.e.,' does not end it)
        acr = match.group("acr")
        span = _long_form_before(text, start + match.start(), acr) if is_short_form(acr) else None
        lead = text[start : span[0]] if span else ""
        if (
            span
            and span[0] >= start
            and (re.search(r"[A-Z]", text[span[0] : span[1]]) or _DETERMINERS_ONLY.fullmatch(lead))
            and (not any(w in _STOP for w in lead.lower().split()) or _RESTATED.search(lead))
            and not _MODIFIED_NOUN.match(obj, match.end())
        ):
            return [(acr, [text[span[0] : span[1]]], True)]
    noun = _noun_apposition(obj[:160])
    if noun and is_namelike(noun.group("name")) and not re.search(r"[.;]", obj[: noun.start()]):
        return [(noun.group("name"), [], True)]
    lower = _LOWER_APPOSITION.match(obj)
    if lower and (" " in lower.group("name") or "-" in lower.group("name")) and not _NOT_COINED.search(lower.group("name")) \
            and not any(w in _STOP or w in ("first", "time", "way") for w in lower.group("name").split()):
        return [(lower.group("name"), [], True)]  # 'we introduce randomized layer normalization, a novel ... regularizer'
    skipped, definite = 0, False
    for match in _OBJECT_WORD.finditer(head):
        word = match.group().strip("\"'“”‘’`")
        if word.startswith("("):
            # 'a pipeline (You Only Look Twice, or YOLT)'
            alt = _PAREN_OR.match(obj, match.start())
            if alt and is_namelike(alt.group("name")):
                return [(alt.group("name"), [alt.group("long").strip()], True)]
            listed = _PAREN_IE.match(obj, match.start())
            names = re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("names").strip()) if listed else []
            if names and all(re.fullmatch(_TOKEN, n) and is_namelike(n) and _distinctive(n) for n in names):
                return [(n, [], True) for n in names]  # 'ADMM methods (i.e., ZO-SVRG-ADMM and ZO-SAGA-ADMM)'
            break
        if word.lower() in _PARTICIPLES or word.endswith(("'s", "’s")):
            break  # 'a new data set comprising LEGO Mindstorms', "describes NTT's submission": not the name
        if _SKIPPABLE.match(word) or (word.islower() and not is_namelike(word)) or not word:
            skipped += 1
            definite = skipped == 1 and word.lower() == "the" or definite and word.lower() in ("new", "novel")
            if skipped > 8:
                break
            continue
        phrase_match = re.match(_PHRASE, obj[match.start() :])
        phrase = _clean_phrase(phrase_match.group("phrase")) if phrase_match else word
        if not phrase:
            break
        e = start + match.start() + len(phrase)
        short = _short_after(text, e)
        if short:
            return [(short[0], _long_forms(text, short, phrase), True)]
        if _TITLE_CASE_COINAGE.fullmatch(phrase) and _HEAD_AFTER.match(obj, match.start() + len(phrase)) \
                and not all(w.lower().strip("-") in _GENERIC_TECH_WORDS for w in re.split(r"[\s\-]+", phrase)):
            # 'we propose a Cross-layer Binarization scheme': a hyphenated Title Case phrase before a head
            # noun is a coined name ('a Deep Learning framework' is not: generic words only)
            return [(phrase, [], True)]
        named_data = _NAMED_DATASET.fullmatch(phrase)
        if named_data and _valid_name(named_data.group("name"), strong=True) and not all(
                w.lower() in _GENERIC_TECH_WORDS or w.lower() in _COMMON_WORDS for w in named_data.group("name").split()):
            # 'we introduce the Bounce Dataset comprising ...': a capitalised dataset noun closes a Title Case name
            return [(named_data.group("name"), [phrase], True)]
        if _valid_name(phrase, strong=False):
            modifier = skipped and _MODIFIED_NOUN.match(obj, match.start() + len(phrase))
            if modifier and definite:
                # 'describes the LIAAD system': the article makes it one system ('the French CASS dataset': CASS)
                words = phrase.split()
                while len(words) > 1 and words[0].lower() in _COMMON_WORDS:
                    words.pop(0)
                return [(" ".join(words), [], False)]
            if modifier and not _distinctive(phrase) and not phrase.lower().endswith(_COINED_ENDINGS):
                break  # 'a new UAV benchmark', 'a novel MPC framework': the token qualifies a noun
            if _BASED_AFTER.match(obj, match.start() + len(phrase)):
                break  # 'a novel pivoted QR factorization based channel pruning technique': QR qualifies a noun
            if len(phrase.split()) == 1 or not skipped:
                return [(phrase, [], False)]
            for w in phrase.split():
                if is_namelike(w):
                    return [(w, [], False)]
        break
    return []


# 'We introduce randomized layer normalization, a novel powerful regularizer': a lower-case object that an apposition
# calls new is a coined name (not 'a novel task / class of ...')
_LOWER_APPOSITION = re.compile(
    r"(?:the\s+)?(?P<name>(?!(?:a|an|our|this|these|two|three|several|new|novel)\s)[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}),\s+"
    r"(?:a|an)\s+(?:[\w\-]+\s+){0,2}?(?:new|novel)\s+"
    r"(?!(?:[\w\-]+\s+)?(?:task|problem|setting|perspective|view|paradigm|class|type|kind|form|way|direction|insight|"
    r"representation|formulation|notion|concept)s?\b)"
)
# '..., i.e., 1D-convolution capsule network (1D-ConvCapsNet)': the long form restates the proposal's object
_RESTATED = re.compile(r"(?:\bi\.e\.|\bnamely|\bcalled|\bnamed)\s*,?\s*(?:the\s+|an?\s+)?$")
# 'we establish a large-scale eye-tracking database of videos (LEDOV)': the long form is the whole object
_DETERMINERS_ONLY = re.compile(r"(?:(?:a|an|the|our|novel|new)\s+)*", re.I)


_PARTS_CUE = re.compile(r"\b(?:composed\s+of|consist(?:s|ing)\s+of|compris(?:es|ing)|includ(?:es|ing)|contain(?:s|ing))\b")
_PARTICIPLES = frozenset("comprising containing including using consisting involving featuring covering like such".split())


# (one modifier may precede the next long form: '(DNet) and an encoder-decoder estimation network (ENet)')
_LIST_GLUE = re.compile(r"(?:\s+[a-z]+)?\s*,?\s*(?:and\s+|or\s+)?(?:the\s+|a\s+|an\s+)?(?:[a-z][a-z\-]+\s+)?")


def _listed_definitions(text: str, end: int) -> list[tuple[str, str]]:
    """Further 'Long Form (ACR)' definitions listed right after one ending at ``end`` (list glue only
    between them): (acronym, long form) pairs."""
    found = []
    while True:
        acr = _ACRONYM_IN.search(text, end, min(len(text), end + 90))
        if not acr or re.search(r"[.;]", text[end : acr.start()]) or not is_short_form(acr.group("acr")):
            return found
        span = _long_form_before(text, acr.start(), acr.group("acr"))
        if not span or span[0] < end or not _LIST_GLUE.fullmatch(text[end : span[0]]):
            return found
        if all(w in _GENERIC_TECH_WORDS for w in _WORD_PARTS.split(text[span[0] : span[1]].lower())):
            return found  # '(LiSHT) for Neural Networks (NNs)': a generic family closes the list, it is not listed
        found.append((acr.group("acr"), text[span[0] : span[1]]))
        end = acr.end()


_CAP_WORDS = r"(?:[A-Z][\w\-]*\s+){0,5}[A-Z][\w\-]*"
# 'a novel Straight-Through Factorizer (STF) algorithm': 'novel' makes a defined acronym the paper's own
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_NOVEL_DEFINED = re.compile(
    r"(?=[ao])\b(?:a|an|our)\s+(?:new|novel)\s+(?P<long>" + _CAP_WORDS + r")\s+\((?P<acr>" + _TOKEN + r")\)"
)
# 'a Global Context Enhancer is introduced': a capitalised multi-word name as subject of a proposal passive
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_PASSIVE_INTRODUCED = re.compile(
    r"(?=[AaOo])\b(?:[Aa]n?|[Oo]ur)\s+(?:new\s+|novel\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4})\s+(?:\([^()]{1,20}\)\s+)?"
    r"(?:is|are)\s+(?:also\s+|further\s+|then\s+|additionally\s+)?(?:introduced|proposed|designed|developed|devised)\b"
)


_PASSIVE_VERBS = ("introduced", "proposed", "designed", "developed", "devised")


# the words the rules hand to ``_find_all``: one automaton pass finds them all in an abstract, once
_FIND_WORDS = ("new", "novel", "new ", "novel ", "newly ", "our ", "Our ", "proposed ", *_PASSIVE_VERBS)
_FIND_AUTOMATON = ahocorasick_rs.AhoCorasick(_FIND_WORDS, implementation=ahocorasick_rs.Implementation.DFA)
_FIND_INDEX = dict.fromkeys(_FIND_WORDS)
_found_in: list = [None, {}]  # (text, word -> its (start, end) spans): the last text indexed, kept so ``is`` is safe


def _find_all(text: str, words: "tuple[str, ...]") -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each of ``words`` in ``text``, ascending (str.find, no regex). The
    words of :data:`_FIND_WORDS` come from one automaton pass over ``text`` shared by the rules that ask for them
    (five ask per abstract, ~2x the instructions of str.find loops)."""
    if all(word in _FIND_INDEX for word in words):
        if _found_in[0] is not text:
            spans: dict[str, list[tuple[int, int]]] = {word: [] for word in _FIND_WORDS}
            for index, start, end in _FIND_AUTOMATON.find_matches_as_indexes(text, overlapping=True):
                spans[_FIND_WORDS[index]].append((start, end))
            _found_in[:] = text, spans
        if len(words) == 1:
            return list(_found_in[1][words[0]])
        found = [span for word in words for span in _found_in[1][word]]
        found.sort()
        return found
    return _find_each(text, words)


def _find_each(text: str, words: "tuple[str, ...]") -> list[tuple[int, int]]:
    """``_find_all`` by a ``str.find`` loop a word: for the words outside :data:`_FIND_WORDS`."""
    found = []
    for word in words:
        i = text.find(word)
        while i != -1:
            found.append((i, i + len(word)))
            i = text.find(word, i + 1)
    found.sort()
    return found


def _matches_in(pattern: re.Pattern, text: str, windows: "list[tuple[int, int | None]]") -> list[re.Match]:
    """What ``pattern.finditer(text)`` yields when each match starts at the start of one of ``windows``
    (end None) or lies inside one ((start, end); starts ascending): the first match from each window's
    start, or from the previous match's end. The regex then runs only there, not at every character;
    lookarounds still see the text outside a window."""
    out: list[re.Match] = []
    pos = 0
    for start, end in windows:
        if end is None:
            match = pattern.match(text, start) if start >= pos else None
        else:
            match = pattern.search(text, max(start, pos), end) if end > pos else None
        if match:
            out.append(match)
            pos = match.end()
    return out


def _novel_defined_starts(text: str) -> list[tuple[int, None]]:
    """Where a :data:`_NOVEL_DEFINED` match can start: at 'a', 'an' or 'our' before the whitespace in front
    of 'new' / 'novel'."""
    starts = set()
    for i, _ in _find_all(text, ("new", "novel")):
        k = i
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k < i:
            starts.update(s for s in (k - 3, k - 2, k - 1) if s >= 0)
    return [(s, None) for s in sorted(starts)]


# read backwards from a participle: the run of characters a _PASSIVE_INTRODUCED match can hold before it
# (in the reversed text, so a '(...)' group reads ')...(')
_PASSIVE_RUN_REVERSED = re.compile(r"(?:[\w\s\-]|\)[^()]{0,21}\()*")


def _passive_windows(text: str) -> list[tuple[int, int]]:
    """Where a :data:`_PASSIVE_INTRODUCED` match can lie: it ends with a proposal participle (and a word
    boundary after it) and before that holds only word characters, '-', whitespace and one '(...)' of at most
    20 characters, so it starts in the run of such characters before the participle."""
    windows = []
    reversed_text = text[::-1]
    for verb, verb_end in _find_all(text, _PASSIVE_VERBS):
        run = _PASSIVE_RUN_REVERSED.match(reversed_text, len(text) - verb)
        windows.append((verb - (run.end() - run.start()), min(len(text), verb_end + 1)))
    windows.sort()
    return windows


def _component_names(text: str) -> list[tuple[str, list[str], int]]:
    """(name, aliases, start) of components named with 'a novel X (ACR)' or 'a X Y is introduced'."""
    found = []
    if "(" in text and ("novel" in text or "new" in text):
        for match in _matches_in(_NOVEL_DEFINED, text, _novel_defined_starts(text)):
            acr, long_form = match.group("acr"), match.group("long")
            if is_short_form(acr) and _initials_match(acr, long_form):
                found.append((acr, [long_form], match.start("acr")))
    if "introduced" in text or "proposed" in text or "designed" in text or "developed" in text or "devised" in text:
        for match in _matches_in(_PASSIVE_INTRODUCED, text, _passive_windows(text)):
            name = match.group("name")
            if _valid_name(name, strong=True):
                found.append((name, [], match.start("name")))
    return found


_PROPOSED_BEFORE = re.compile(  # (?=[...]): the characters a match starts with (speed)
    r"(?=[TtOoAan.,;:])(?:\b(?:(?:[Tt]he|[Oo]ur|[Aa]n?)\s+proposed|(?:[Aa]n?|[Oo]ur)\s+(?:new|novel)|newly\s+(?:proposed|designed|developed|introduced))\s+(?:[a-z\-]+\s+)?$"
    r"|(?:^|[.,;:]\s+)[Oo]ur\s+$)"
)
_PASSIVE_AFTER = re.compile(
    r"(?:\s+[a-z\-]+){0,3}\s+(?:is|are)\s+(?:also\s+|further\s+|then\s+|first\s+)?"
    r"(?:proposed|introduced|presented|designed|developed|devised)\b"
)
_SUBJECT_START = re.compile(  # every match starts at the text's start or at ',' / ':' (said first: speed)
    r"(?:^|(?=[,:]))(?:(?:^|[,:]\s*)(?:[Aa]n?|[Oo]ur|[Tt]he)\s+(?:[\w\-]+\s+){0,3}$"
    # 'Firstly, multiple description generator network (MDGN) is designed': a step of the paper's own method
    r"|^(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]inal|[Tt]hen|[Nn]ext|[Ll]ast)\w*\s*,?\s*(?:(?:an?|the|our)\s+)?(?:[\w\-]+\s+){0,3}$"
    # 'In this paper a doubly attentive transformer machine translation model (DATNMT) is presented'
    r"|^[Ii]n\s+this\s+(?:paper|work|study|article)\s*,?\s*(?:an?|the|our)\s+(?:[\w\-]+\s+){0,3}$)"
)
# 'Specifically, Convolutional Iterative Soft Thresholding Algorithm (CISTA) is introduced': the definition
# opens the sentence (after at most a comma-led adverb)
_ADVERB_OPENER = re.compile(r"(?:[A-Z][a-z]+ly,\s*)?")
# the definition is the object of the proposal: 'we propose the ...', 'we propose a cross-modal ...', 'we
# propose the framework of ...' (not 'we present a method ... using ... Dynamic Time Warping (DTW)')
_PROPOSAL_BEFORE = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|design|devise)[sd]?"
    r"\s+(?:(?:a|an|the|our|novel|new|simple)\s+){0,3}(?:\w+\s+of\s+(?:the\s+)?)?$"
)
_USED_AS = re.compile(r"(?:\s+[a-z\-]+){0,3}\s+(?:is|are)\s+(?:\w+\s+)?(?:introduced|used|adopted|employed)\s+(?:as|to|into)\b")
_SURVEY_WORD = re.compile(r"\b(?:[Ss]urvey|[Rr]eview|[Oo]verview|[Tt]utorial)\b")
# 'Deep Feed-forward Sequential Memory Networks (DFSMN) has shown its ...': someone else's model the title applies
_PRIOR_WORK_AFTER = re.compile(r"\s*(?:has|have|had)\s+(?:been|shown|achieved|become|demonstrated|proven|attracted|gained|emerged|recently)\b")
_TECHNIQUE_AFTER = re.compile(r"\s*-?\s*(?:based(?!\s+(?:on|upon)\b)|driven|guided|inspired|like)\b")


_WORD_PARTS = re.compile(r"[\s\-]+")


def _defined_own_names(
    text: str, title: str, definitions: "list[Definition] | None" = None
) -> list[tuple[str, list[str], int]]:
    """(short form, [long form], start) of definitions 'Long Form (ACR)' that the paper marks as its own:

    * 'the proposed Domain-Agnostic Module (DAM)', 'a novel ... (ACR)' (own-marking words right before);
    * 'a self-guiding multimodal LSTM (sg-LSTM) image captioning model is proposed' (a passive proposal);
    * 'We propose the stochastic latent actor-critic (SLAC) algorithm' in a paper titled 'Stochastic Latent
      Actor-Critic: ...' (a proposal sentence defining what the title names).

    Tasks and problems are excluded ('we study the problem of zero-shot sketch-based image retrieval').
    ``definitions``: ``find_definitions(text)`` when the caller has it already (it is the costly part).
    """
    if "(" not in text:
        return []
    title_key = None  # computed at the first definition that needs it (alias_key of a title: ~1 us)
    found = []
    for d in find_definitions(text) if definitions is None else definitions:
        if d.long_span[0] > d.short_span[0] or not is_short_form(d.short) or alias_key(d.short) in GENERIC:
            continue  # only 'Long Form (ACR)'; 'ACR (long form)' names an existing thing as often as not
        start, end = d.long_span
        sentence_start = start_of_sentence(text, start)
        before = text[sentence_start:start]
        if _EARLIER.search(before):
            continue  # 'Recently, Query Embedding (QE) methods are proposed': someone else's
        if _TASK.search(before[-60:]) or _SETTING_AFTER.match(text, d.short_span[1] + 1) \
                or _TECHNIQUE_AFTER.match(text, d.short_span[1] + 1):
            continue  # a task, a setting, or a technique the method is based on ('(DRL) based model')
        after = d.short_span[1] + 1  # past ')'
        # a plural acronym in a passive ('Memory-augmented neural networks (MANNs) are designed for ...') is a family
        own = _PROPOSED_BEFORE.search(before) or (
            # ('To ..., transfer feature generating networks with ... (TFGNSCS) is proposed': a clause before a comma
            # opens the sentence; 'Hilbert Schmidt Independence Criterion (HSIC) is introduced as a ...' is used)
            (_SUBJECT_START.search(before) or _ADVERB_OPENER.fullmatch(before) and "," not in d.long
             or before.endswith(", ") and not _USED_AS.match(text, after))
            and _PASSIVE_AFTER.match(text, after)
            and not _PLURAL_ACRONYM.fullmatch(d.short))
        if not own and len(_WORD_PARTS.split(d.long)) >= 2:  # 'wide-residual-inception (WR-Inception)' has three
            if title_key is None:
                title_key = alias_key(title)
            # the title opens with the long form: proposed in so many words, or a model's name ('Masked Conditional
            # Neural Networks for ...' and 'we explore ... the Masked ConditionaL Neural Network (MCLNN)')
            own = title_key.startswith(alias_key(d.long).rstrip("s")) and (
                _PROPOSAL_BEFORE.search(before)
                or d.long.split()[-1].lower() in HEAD_NOUNS and not _PRIOR_WORK_AFTER.match(text, after)
                and not _SURVEY_WORD.search(title))
        if own:
            found.append((d.short, [d.long], d.short_span[0]))
    return found


def _own_phrase_definitions(text: str, definitions: list[Definition], known: "set[str]") -> list[tuple[str, str, int]]:
    """(short, long form, position) of the :func:`phrase_definitions` the paper proposes: the object of 'we propose'
    ('we propose a Dialectical Generative Adversarial Network (Dialectical GAN)'), after 'the proposed' / 'a novel',
    or named in a passive proposal ('..., Depthwise-Pointwise-Depthwise inverted bottleneck block (DPD block) is
    proposed'). A long form of generic words only ('a graph convolutional network (graph CNN)') names a technique."""
    out = []
    for d in definitions:
        if alias_key(d.short) in known or alias_key(d.short) in GENERIC or all(
                w in _GENERIC_TECH_WORDS or w in _STOP for w in _WORD_PARTS.split(d.long.lower()) if w):
            continue
        start = d.long_span[0]
        before = text[start_of_sentence(text, start) : start]
        if _EARLIER.search(before) or _TASK.search(before, max(len(before) - 25, before.rfind(",") + 1)) or _TECHNIQUE_AFTER.match(text, d.short_span[1] + 1):
            continue  # someone else's, a task ('the problem of ...'), a technique ('(...) based')
        passive = _PASSIVE_AFTER.match(text, text.find(")", d.short_span[1]) + 1)
        if _PROPOSED_BEFORE.search(before) or _PROPOSAL_BEFORE.search(before) or passive and (
                not before.strip() or before.endswith(", ") or _SUBJECT_START.search(before)):
            out.append((d.short, d.long, start))
    return out


_LOWER_WORD = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
# 'We call this new approach pair-tuning.' (the name right before the sentence's punctuation)
_WE_CALL = re.compile(
    r"\b[Ww]e\s+(?:call|term|name|dub)\s+(?:this|these|the|our|such\s+an?)\s+(?:(?:new|novel|proposed|simple)\s+)?"
    r"(?:[a-z\-]+\s+){0,2}?" + _HEAD_WORDS + r"\s+[\"“']?(?P<name>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD + r"){0,3})[\"”']?\s*[.,;]"
)
# 'which we dub retrieval heads.' (a relative clause naming what was just described)
_WHICH_WE_CALL = re.compile(
    r"\b[Ww]e\s+(?:call|term|name|dub)\s+[\"“']?(?!(?:a|an|the|this|these|it|them)\s)(?P<name>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD + r"){1,3})[\"”']?\s*[.,;]"
)
# 'and hence we call these zoom-out features.': a pronoun object, then the coined name ending the clause
_WE_CALL_PRONOUN = re.compile(
    r"\b[Ww]e\s+(?:call|term|name|dub)\s+(?:this|these|it|them)\s+[\"“']?(?P<name>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD + r"){0,2})[\"”']?\s*[.,;]"
)
# 'termed (as) deep self-attention distillation.' / 'coined ...' (strong naming words only)
_TERMED = re.compile(
    r"\b(?:termed|coined|dubbed)(?:\s+as)?\s+[\"“']?(?P<name>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD + r"){0,3})[\"”']?\s*[.,;(]"
)
# 'we propose a novel "back-patching" analysis method': a quoted coinage in the object of a proposal
_QUOTED_OBJECT = re.compile(
    r"(?:(?:a|an|the|our)\s+)?(?:[a-z\-]+\s+){0,3}?[\"“](?P<name>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,3})[\"”]"
)
# 'we propose delta-view as feedback': a hyphenated coinage as the whole object
_HYPHEN_OBJECT = re.compile(r"(?P<name>[a-z]+(?:-[a-z]+)+)\s+(?:as|to)\b")
_QUOTED_HEAD = re.compile(
    r"\s*(?:\(\w+\)\s*)?(?:,\s+(?:a|an)\b|[.;]|(?:[a-z\-]+\s+)?" + _HEAD_WORDS + r"\b|analysis\b|training\b|learning\b|tuning\b)"
)
_NOT_A_METHOD_BEFORE = re.compile(
    r"\b(?:tasks?|problems?|settings?|challenges?|phenomen\w+|paradigms?|metrics?|measures?|effects?)\b[\s,]*(?:\w+\s+)?$", re.I
)
_NOT_COINED = re.compile(r"-(?:based|aware|free|level|wise|like|style|driven|guided|specific|agnostic|time|scale)$")


def _own_proposals(text: str, positions: list[int]) -> list[tuple[int, re.Match]]:
    """(position, :data:`_PROPOSE` match) of the proposal cues at ``positions`` whose subject is the paper
    ('we propose ...'); computed once a paper for both readers of proposal objects."""
    out = []
    for position in positions:
        match = _PROPOSE.match(text, position)
        if match is not None and _own_subject(text, position):
            out.append((position, match))
    return out


def _lower_singular(name: str) -> tuple[str, list[str]]:
    """(singular, [plural] or []) of a lower-case coined name: a name is singular, the plural stays an alias
    ('retrieval heads' -> 'retrieval head', 'logistic circuits' -> 'logistic circuit')."""
    words = name.split()
    if len(words) > 1 and "of" not in words and re.fullmatch(r"[a-z\-]{3,}[^s]s", words[-1]):  # not 'co-occurrence of ridge orientations'
        return " ".join(words[:-1] + [words[-1][:-1]]), [name]
    return name, []


def _lower_case_names(text: str, naming: list[int], proposals: list[tuple[int, re.Match]]) -> list[tuple[str, int]]:
    """Coined names written in lower case, from the strongest cues only (see the patterns above), at the
    naming cues ``naming`` and the paper's own proposals (:func:`_own_proposals`)."""
    found = []
    for position in naming:
        if _NOT_A_METHOD_BEFORE.search(text, max(0, position - 40), position):
            continue  # 'a class of problems termed ...', 'This paradigm, termed ...'
        patterns = (_WE_CALL, _WE_CALL_PRONOUN, _TERMED)
        if text[max(0, position - 6) : position].lower().rstrip() == "which":
            patterns = (_WHICH_WE_CALL,)
        for pattern in patterns:
            match = pattern.match(text, position)
            if match:
                found.append((match.group("name"), match.start("name")))
                break  # the first (most specific) pattern decides
    for _, match in proposals:
        obj = match.start("object")
        quoted = _QUOTED_OBJECT.match(text, obj)
        if quoted:
            # the quotes mark a coinage when a head noun or an apposition follows ('a novel "back-patching"
            # analysis method', '"top-k pooling", a ...'), not '"ground-truth" alignments'
            if _QUOTED_HEAD.match(text, quoted.end()):
                found.append((quoted.group("name"), quoted.start("name")))
            continue
        hyphen = _HYPHEN_OBJECT.match(text, obj)
        if hyphen and not _NOT_COINED.search(hyphen.group("name")):
            found.append((hyphen.group("name"), hyphen.start("name")))
    # a single plain word ('trajectories', 'negative') or a coordination ('top-down and flatten methods')
    # is no coined name; a name-like token is handled by the other cues
    return [
        (n, s) for n, s in found
        if alias_key(n) not in GENERIC and len(n) >= 4 and (" " in n or "-" in n) and " and " not in n
        and " or " not in n and not _NOT_COINED.search(n)
    ]


# 'our MEAL method', 'our ResNet-50 based MEAL achieves', 'our GIT decoder': a coined token the paper owns
_OUR_WORDS = re.compile(r"[Oo]ur((?:\s+[\w\-]+){1,3})")
_OUR_FOLLOW = re.compile(r"\s+(?:" + _HEAD_WORDS + r"|(?!based\b)[a-z]+(?:s|ed))\b|\s*[,.;]")
_TASK_LONG_FORM = re.compile(r"(?:tion|sion|sis|ing|ment)s?$")
_NON_SPACE = re.compile(r"[^\s]+")
_PLURAL_WORD = re.compile(r"[a-z]+[^s\W]s")


def _count_word(text: str, word: str) -> int:
    """How often ``word`` occurs in ``text`` as a whole token (not inside 'X-based' or 'XNet')."""
    count, start = 0, text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            count += 1
        start = text.find(word, end)
    return count


def _our_token(text: str, position: int, title: str, known: "set[str]", definitions: list[Definition]) -> str | None:
    """A name-like token the paper calls its own ('our MEAL method', 'our ResNet-50 based MEAL achieves'):
    not catalogued, not generic, written more than once (a coinage is repeated; a one-off acronym of a
    data type or a tool is not), and not defined as a task ('aspect-term sentiment analysis (ATSA)')."""
    match = _OUR_WORDS.match(text, position)
    if match is None:
        return None
    for word in _NON_SPACE.finditer(match.group(1)):
        name = word.group()
        if word.start() and name.lower() in _STOP or _PLURAL_WORD.fullmatch(name):
            return None  # 'our experiments lattice-free MMI': a plural noun ends the phrase 'our' opens
        if _OUR_FOLLOW.match(text, match.start(1) + word.end()) and is_namelike(name):
            break
    else:
        return None
    key = alias_key(name)
    if not is_namelike(name) or key in known or key in GENERIC or _COMPOUND_TAIL.search(name):
        return None
    if _count_word(title + " " + text, name) < 2:
        return None
    if any(d.short == name and _TASK_LONG_FORM.search(d.long) for d in definitions):
        return None
    return name


# 'a new evaluation protocol and associated dataset (VQA-Rephrasings)', 'a newly created one in this work
# (SOEval)': a parenthesised name (not an abbreviation) of something new
_NEW_NAMED = re.compile(
    r"(?=n)\b(?:new|novel|newly\s+(?:created|collected|constructed|built|curated|annotated|released))\s+"
    r"(?:[\w\-]+\s+){0,5}?(?:dataset|benchmark|corpus|model|method|framework|architecture|one|suite|algorithm)s?"
    r"(?:\s+in\s+this\s+(?:work|paper|study))?\s*\((?P<name>" + _TOKEN + r")\)"
)
# 'we call the network with this new architecture the Macaron Net.': the name closes the sentence
_WE_CALL_THE = re.compile(
    r"[Ww]e\s+(?:call|name|term|dub)\s+(?:the|this|these|our|such)\s[^.;:()]{0,80}?\s(?:the\s+|as\s+)"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s*[.;]"
)


# an own noun phrase right before a definition's long form: 'we propose a novel dynamic threshold detector
# (DTD)', 'a multi-adversarial Faster-RCNN (MAF)' after 'propose'; not 'a novel detector for multiple-input
# multiple-output (MIMO)' nor 'the first use of Dynamic Mode Decomposition (DMD)'
_OWNED_BEFORE = re.compile(
    r"(?=[nopictd])\b(?:novel|new|proposed|our|propos(?:e|es|ed|ing)|present(?:s|ed)?|introduc(?:e|es|ed|ing)|called|named|termed|dubbed)"
    r"\s+(?:(?:a|an|the)\s+)?(?:(?!(?:for|of|in|to|with|on|by|from|and|or|use|first)\b)[\w\-]+\s+){0,3}$"
)
_PROCESS_ENDING = re.compile(r"(?:tion|sion|ment|ing|ance|ence)s?$")


# 'we present three models namely, B-LSTM, AB-LSTM and Joint AB-LSTM': a counted own list of names
_COUNTED_OWN = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:propose|present|introduce|develop|design)[sd]?\s+(?:two|three|four|five|several)\s+"
    r"(?:new\s+|novel\s+)?(?:models|methods|variants|architectures|networks|algorithms|systems|frameworks)\s*,?\s*$"
)
# 'the three new variants, called simply as LSTM1, LSTM2, and LSTM3': a counted list the text calls new needs no
# proposal verb
_COUNTED_NEW = re.compile(
    r"\b(?:two|three|four|five|several)\s+(?:new|novel)\s+(?:[\w\-]+\s+)?(?:models|methods|variants|architectures|"
    r"networks|algorithms|systems|frameworks|datasets|benchmarks)\s*,?\s*$"
)
_LIST_NAMING = re.compile(r"(?:namely|called|named|dubbed|termed)(?:\s+simply)?(?:\s+as)?,?")
_LIST_ITEM = re.compile(r"[A-Za-z][\w\-+]*(?:\s+[A-Z][\w\-+]*)?")  # each item must hold a name-like word
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _counted_own_list(text: str, positions: "list[int]") -> list[str]:
    """The names of a counted own list after 'namely' ('we present three models namely, B-LSTM, AB-LSTM and
    Joint AB-LSTM'), or after a naming word when the count says new ('the three new variants, called simply as
    LSTM1, LSTM2, and LSTM3'): the count and the proposal verb or 'new' make each name the paper's own, catalogued
    or not (B-LSTM is a catalog alias of BiLSTM). Every item must hold a name-like word, else nothing is returned."""
    for position in positions:
        lead = _LIST_NAMING.match(text, position)
        if lead is None or not (_COUNTED_NEW.search(text, max(0, position - 60), position) or text.startswith("namely", position)
                                and _COUNTED_OWN.search(text, max(0, position - 90), position)):
            continue
        names, at, last = [], lead.end(), False
        while True:
            at += len(text[at:]) - len(text[at:].lstrip())
            item = _LIST_ITEM.match(text, at)
            if item is None or not any(is_namelike(w) for w in item.group().split()):
                return []
            names.append(item.group())
            separator = _LIST_SEPARATOR.match(text, item.end())
            if separator is None or last:
                break  # (the item after 'and' ends the list: 'LSTM2, and LSTM3, can achieve')
            last = "and" in separator.group()
            at = separator.end()
        return names if len(names) >= 2 else []
    return []


def _owned_definitions(text: str, definitions: list[Definition]) -> list[Definition]:
    """The definitions the abstract writes as its own new things: a proposal or naming word opens the noun
    phrase the long form ends, or an own method's part list does ('composed of two components, i.e., a
    detection network (DNet) and ...'), or the definition continues a list of owned ones ('a Physics
    Inference Module (PIM) and a Visual Inference Module (VIM)'); and the long form names a thing, not a
    process ('a new deep-learning-based metal artifact reduction (MAR) approach' names a task). Needed before
    a catalogued acronym is read as the paper's own."""
    owned: list[Definition] = []
    for d in definitions:
        start = d.long_span[0]
        if d.long_span[1] > d.short_span[0] or _PROCESS_ENDING.search(d.long.split()[-1].lower()):
            continue
        window = text[max(0, start - 80) : start]
        listed = owned and _LIST_CONTINUES.fullmatch(text, owned[-1].short_span[1], start)
        if listed or _OWNED_BEFORE.search(window) or _PARTS_BEFORE.search(window):
            owned.append(d)
    return owned


# the lead of an own method's part list right before a long form
_PARTS_BEFORE = re.compile(
    r"(?=[cC])(?:composed\s+of|consists?\s+of|compris(?:es|ing|e))\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:components?|modules?|parts?|sub-?networks?|branches|stages?)\s*[,:]?\s*(?:--?|—|–)?\s*"
    r"(?:i\.e\.,?|namely,?)?\s*(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}$"
)
# between one definition's short form and the next long form of a list: '(PIM) and a '
_LIST_CONTINUES = re.compile(r"\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,2}")


# what a definition used as a modifier is followed by: a noun it qualifies ('(DRL) solution', '(DRL) routerless
# design'); not a verb, a participle or a function word ('(MRL), where', '(ASP) extended by')
_QUALIFIED_NOUN = re.compile(
    r"\s+(?!(?:is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|does|do|did|to|and|"
    r"or|of|for|in|on|with|by|that|which|where|who|whose|as|at|from|into|via|using|than|while|when|but|the|a|an|its|"
    r"their|this|these|also|not|only|such|both|each|then|thus|so|we|it)\b)[a-z][a-z\-]*[a-z]\b(?<!ed)(?<!ly)"
)


def _drop_technique_acronyms(
    abstract: str, definitions: list[Definition], found: dict, order: list[str], title: str, title_name: str | None
) -> None:
    """Drop introduced acronyms whose every definition in the abstract spells a generic technique in generic
    words and qualifies what follows: 'a Deep Reinforcement Learning (DRL) based solution', 'a deep
    reinforcement learning (DRL) solution', 'the proposed deep reinforcement learning (DRL) routerless design'.
    What the paper proposes is the noun the acronym qualifies; the acronym names the field it works in, which
    every such paper would otherwise 'introduce' (and other papers would link to all of them). A coined long
    form ('an occlusion-guided compact template learning (OGCTL) approach', 'double reinforcement learning
    (DRL)') stays introduced, and so do the title's name and a long form the title is ('Model-Based Task
    Transfer Learning' and 'a model-based task transfer learning (MBTTL) method is presented')."""
    name_key = alias_key(title_name) if title_name else ""
    titled = None  # alias keys of the title and its prefix, on first need
    for key in list(order):
        short = found[key].name
        own = [d for d in definitions if d.short == short or d.short == short + "s"]
        if not own or key == name_key:
            continue
        if titled is None:
            parts = _title_split(title)
            titled = {alias_key(title), alias_key(parts[0]) if parts else ""}
        if any(alias_key(d.long) in titled for d in own):
            continue
        if all(
            all(w in _GENERIC_TECH_WORDS or w in _STOP for w in _WORD_PARTS.split(d.long.lower()))
            and (_TECHNIQUE_AFTER.match(abstract, d.short_span[1] + 1) or _QUALIFIED_NOUN.match(abstract, d.short_span[1] + 1))
            for d in own
        ):
            del found[key]
            order.remove(key)


def detect_introduced(
    paper: Paper, known: "set[str] | None" = None, foreign: "Callable[[str, str], bool] | None" = None,
    years: "CatalogYears | None" = None, field_terms: "FieldTerms | None" = None,
    own_version: "Callable[[str], bool] | None" = None,
) -> list[Introduced]:
    """Names ``paper`` introduces, from its title prefix and abstract cues, merged by alias key.

    ``known`` holds alias keys of catalogued names: a catalogued name counts as introduced only from the
    title prefix or a direct cue ("We present BART, ..."), never when merely inside a proposal phrase.
    ``foreign(short, long)`` says whether the abstract's definition 'long (short)' of a catalogued short
    form gives it another meaning than the catalog's; such a short form is not known in this paper, so the
    paper's own coinage of it is found as any other (the catalog's LaMDA does not hide a paper's 'Leiden
    Atomic and Molecular Database (LAMDA)'). ``years`` (``catalog_years`` of the catalog ``known`` comes from;
    default: the built-in catalog's) dates catalogued names: one dated before the paper is not its own.
    ``field_terms`` (alias key -> readings with the year each first appears, as ``build_field_terms`` makes them
    from unlabelled abstracts) lists acronyms the field spells out alike: a short form the paper defines with such
    a reading, or uses bare, is the field's term, not its coinage (``_drop_field_terms``); default: the packaged
    lexicon (``packaged_field_terms``), ``{}`` for none. ``own_version(key)`` says whether this paper is a version
    of the introducing paper of the catalogued name with that alias key (a journal extension re-proposing it):
    such a name stays the paper's own however the catalog dates it.
    """
    known = known or set()
    paper, written = _scripts_read(paper)
    # a record without a year still dates itself by its arXiv id ('1906.01493': 2019)
    year = (first_submitted(paper.arxiv_id, paper.year) or (None,))[0]
    if known and year:
        known = _known_by(known, years or _catalog_years(), year)
    abstract = paper.abstract
    if "\\" in abstract:  # nested commands ('\\textbf{\\underline{A}}symmetric') take two passes
        abstract = _LATEX.sub(_latex_text, _LATEX.sub(_latex_text, abstract))
    if "&" in abstract:
        abstract = html.unescape(abstract)  # 'Look, Read, Reason &amp; Answer (LoRRA)' in arXiv listings
    definitions = find_definitions(abstract) if "(" in abstract else []  # used three times: computed once
    if foreign is not None and known:
        catalogued = [alias_key(d.short) in known for d in definitions]
        redefined = {
            alias_key(d.short) for d in (_owned_definitions(abstract, definitions) if any(catalogued) else ())
            if alias_key(d.short) in known and foreign(d.short, d.long)
        }
        if redefined:
            known = known - redefined
    found: dict[str, Introduced] = {}
    order: list[str] = []

    def _as_catalogued(short: str, long_form: str) -> bool:
        """A catalogued short form whose long form holds a catalogued long form of two or more words ('a deep
        Residual Network (ResNet)'): the known method, picked by name, not the paper's own coinage."""
        if alias_key(short) not in known:
            return False
        words = long_form.split()
        return any(alias_key(" ".join(words[i:j])) in known
                   for i in range(len(words)) for j in range(i + 2, len(words) + 1))

    method_findings: dict[int, list[Introduced]] = {}  # a found name's later method findings (``_merged_kind``)

    def add(name: str, kind: str, evidence: str, aliases: list[str] | None = None, coined: bool = False) -> None:
        name = name.strip().strip("\"'“”‘’`,.()")
        if name[-1:].isdigit() and " " in name and name + "." in abstract:
            dotted = re.search(r"(?<![\w\-])" + re.escape(name) + r"\.\d+(?![\w\-.])", abstract)
            if dotted:
                name = dotted.group()  # 'named ERNIE 2.0 which': the version number, not the sentence, ends at '.'
        if _PLURAL_ACRONYM.fullmatch(name) and is_namelike(name[:-1]):
            aliases = [name, *(aliases or [])]
            name = name[:-1]  # 'TMDPs' -> 'TMDP' (a name is singular; the plural stays an alias)
        singular = _singular(name)
        if singular == name and name.endswith("Nets") and " " not in name and re.search(rf"\b{re.escape(name[:-1])}\b", abstract):
            singular = name[:-1]  # 'call the resulting networks AOGNets. An AOGNet consists of': one network
        if singular != name:
            aliases = [name, *(aliases or [])]
            name = singular
        key = alias_key(name)
        if name.endswith("s") and alias_key(name[:-1]) in found:
            aliases, name, key = [name, *(aliases or [])], found[alias_key(name[:-1])].name, alias_key(name[:-1])
        if not key or key in GENERIC or _ODD_CHARS.search(name):
            return
        if name[:1].isdigit() and (aliases and not _initials_match(name, aliases[0]) or not aliases and (
                re.match(r"\d+[A-Za-z]?(?:-|$)", name) or not is_namelike(name))):
            return  # digit-led: '3DSRnet', or with its long form ('two-layer ... memory (2C-LSTM)'); not '3D-CNN'

        if _COMPOUND_TAIL.search(name) and not coined:
            return  # 'GAN-based' (a coined lower-case name such as 'pair-tuning' came from a naming cue)
        aliases = [a for a in aliases or [] if alias_key(a) not in GENERIC and alias_key(a).rstrip("s") not in GENERIC]
        stem = alias_key(_DATASET_NOUN_TAIL.sub("", name))  # 'EuroCity Persons Dataset' is 'EuroCity Persons'
        for existing in found.values():
            if key == alias_key(existing.name) or key in {alias_key(a) for a in existing.aliases} or (
                    stem and (stem == alias_key(existing.name) or alias_key(_DATASET_NOUN_TAIL.sub("", existing.name)) == key)):
                if key != alias_key(existing.name) and name not in existing.aliases:
                    existing.aliases.append(name)
                for alias in aliases or []:
                    if alias_key(alias) != alias_key(existing.name) and alias not in existing.aliases:
                        existing.aliases.append(alias)
                finding = Introduced(name, kind, [], evidence)
                existing.kind = _merged_kind(existing, finding, method_findings.get(id(existing), ()))
                if kind == "method":
                    method_findings.setdefault(id(existing), []).append(finding)
                return
        found[key] = Introduced(name=name, kind=kind, aliases=list(aliases or []), evidence=evidence)
        order.append(key)

    title_name = (
        title_prefix_name(paper.title, known)
        or title_lead_name(paper.title, abstract, known)
        or title_whole_name(paper.title, known)
    )
    if title_name:
        parts = _title_split(paper.title)
        full = _LEADING_ARTICLE.sub("", parts[0]) if parts else ""
        # 'The EuroCity Persons Dataset: ...' names 'EuroCity Persons'; the title's form stays an alias
        spelled = [full] if full != title_name and _DATASET_NOUN_TAIL.sub("", full) == title_name else None
        pair = _TITLE_PAIR.fullmatch(title_name)
        if pair and is_namelike(pair.group(1)) and is_namelike(pair.group(2)):
            add(pair.group(1), _kind(pair.group(1), paper.title), paper.title)  # 'PSDNet and DPDNet: ...' names two
            add(pair.group(2), _kind(pair.group(2), paper.title), paper.title)
        else:
            add(title_name, _kind(title_name, paper.title), paper.title, spelled)
        component = _title_component(paper.title, known)
        if component:
            add(component, "method", paper.title)
    for repeated in title_repeated_names(paper.title, abstract, known, lead_too=not title_name):
        add(repeated, _kind(repeated, paper.title), paper.title)
    introducing = title_introducing_name(paper.title, known)
    if introducing:
        add(introducing, _kind(introducing, paper.title), paper.title)
    spelled = title_spelled_out_name(paper.title, known)
    if spelled:
        add(spelled[0], _kind(spelled[0], paper.title), paper.title, [spelled[1]])
    triggers = _trigger_positions(abstract)
    for match in _NEW_NAMED.finditer(abstract) if "new" in abstract and "(" in abstract else ():
        name = match.group("name")
        if is_namelike(name) and alias_key(name) not in known and not _long_form_before(abstract, match.start("name") - 1, name):
            add(name, _kind(name, match.group()), _clause_around(abstract, match.start(), match.end()).strip())
    for position in triggers["naming"]:
        match = _WE_CALL_THE.match(abstract, position)
        if match is None:
            continue
        name = _clean_phrase(match.group("name"))
        if _valid_name(name, strong=True) and alias_key(name) not in known:
            add(name, _kind(name, match.group()), _clause_around(abstract, match.start(), match.end()).strip())

    listed = _counted_own_list(abstract, triggers["naming"])
    # a counted own list is the paper's own however the catalog dates its names ('we present three models namely,
    # B-LSTM, AB-LSTM and Joint AB-LSTM': B-LSTM is also a catalog alias of the older BiLSTM)
    counted = {alias_key(name) for name in listed}
    for name in listed:
        add(name, "method", _clause_around(abstract, abstract.find(name), abstract.find(name) + len(name)).strip())
    for position in triggers["naming"]:
        match = _NAMING.match(abstract, position)
        if match is None or (listed and abstract.startswith("namely", position)):
            continue
        phrase = _clean_phrase(match.group("phrase"))
        clause = _clause_around(abstract, match.start(), match.end())
        if abstract[max(0, position - 3) : position].lower() == "so-":
            continue  # 'a so-called Gaussian max-pooling'
        # 'referred to as' names anything ('The automated home referred to as Smart Home'): a name-like word or a
        # defined short form only ('a framework ..., referred to as LR-LSSVM'), and not the authors' earlier work
        referred = abstract.startswith("referred", position)
        if referred and _EARLIER.search(abstract, max(abstract.rfind(". ", 0, position), 0), position):
            continue
        # (the clause window stays in the sentence: 'the baseline policy used to collect the data. Our approach,
        # called SPI with Baseline Bootstrapping (SPIBB)' names the paper's own approach)
        if _NOT_OURS_NEAR.search(abstract, max(0, position - 40), position) or _NOT_OURS_CLAUSE.search(
            abstract, max(0, position - 60, abstract.rfind(",", 0, max(0, position - 2)) + 1, abstract.rfind(". ", 0, position) + 2), position
        ):
            continue
        if _TASK.match(abstract, match.start("phrase")):
            continue  # 'We call this problem Unifying Heterogeneous Classifiers (UHC)': a problem's name
        acr = _ACRONYM_IN.search(abstract, match.end(), min(len(abstract), match.end() + 90))
        if acr and is_short_form(acr.group("acr")) and not re.search(r"[.;]", abstract[match.end() : acr.start()]):
            span = _long_form_before(abstract, acr.start(), acr.group("acr"))
            # the long form opens the named phrase or a part list ('named SGIFormer, ..., which is composed of
            # the Semantic-guided Mix Query (SMQ)'), not 'called SMT-CBS reformulates the Conflict-based Search (CBS)'
            lead = abstract[match.start("phrase") : span[0]] if span else ""
            if span and span[0] >= match.start("phrase") - 1 and (len(lead.split()) <= 2 or _PARTS_CUE.search(lead)):
                if len(lead.split()) > 2 and phrase and " " not in phrase and is_namelike(phrase) and alias_key(phrase) not in known:
                    add(phrase, _kind(phrase, clause), clause.strip())  # the named whole before its parts
                # a catalogued acronym defined as the catalog defines it is the known method picked by name
                # ('namely, a Long Short-Term Memory neural network (LSTM), and a deep Residual Network (ResNet)')
                if not _as_catalogued(acr.group("acr"), abstract[span[0] : span[1]]):
                    add(acr.group("acr"), _kind(acr.group("acr"), clause), clause.strip(), [abstract[span[0] : span[1]]])
                # a list of definitions shares the naming word: 'namely the super high-performance
                # Extractor (SHE), the higher-performance Extractor (HE), ... and the minimalist Extractor (ME)'
                for acr, long_form in _listed_definitions(abstract, acr.end()):
                    if not _as_catalogued(acr, long_form):
                        add(acr, _kind(acr, clause), clause.strip(), [long_form])
                continue
        if not phrase:
            continue
        if _SETTING_AFTER.match(abstract, match.end("phrase")):
            continue  # 'we refer to these as Anonymous MARL settings': a setting or task, not a method
        if abstract.startswith("namely", position) and not any(is_namelike(w) for w in phrase.split()) and not (
                " " in phrase and " and " not in phrase and _NEW_WORD.search(abstract, max(0, position - 120, start_of_sentence(abstract, position)), position)):
            # 'namely Japanese and French' lists things; 'namely, X (ACR)' was handled above; a Title Case phrase
            # after a new thing is its name ('a novel variant of routing-by-agreement ..., namely Guided Dynamic Routing')
            continue
        if abstract.startswith("namely", position) and alias_key(phrase) in known:
            continue  # 'we fine-tuned a Turkish BERT model, namely BERTurk': an existing model picked by name
        run = _LOWER_RUN.match(abstract, match.end("phrase"))
        if run:  # 'called Bidirectional Human motion prediction GAN, or BiHMP-GAN': the name runs on in lower case
            extended = abstract[match.start("phrase") : run.end()]
            short = _short_after(abstract, run.end()) or _or_short(abstract, run.end(), extended)
            if short and _initials_match(short[0], extended):
                add(short[0], _kind(extended, clause), clause.strip(), [extended])
                continue
        for part in _coordinated(phrase, known, abstract[max(0, position - 60, start_of_sentence(abstract, position)) : position]):
            s = match.start("phrase") + match.group("phrase").find(part)
            short = _short_after(abstract, s + len(part)) or _or_short(abstract, s + len(part), part)
            if short:
                add(short[0], _kind(part, clause), clause.strip(), _long_forms(abstract, short, part))
            elif _valid_name(part, strong=True) and not (referred and not any(is_namelike(w) for w in part.split())):
                # 'a challenging dataset, named JD-landmark': the naming word makes a hyphenated word a name
                add(part, _kind(part, clause), clause.strip(), coined=bool(re.fullmatch(r"[A-Z][\w]*-[a-z]+", part))
                    and not _NOT_COINED.search(part))

    # components the paper names in passing: 'through a novel Straight-Through Factorizer (STF) algorithm',
    # 'a Global Context Enhancer is introduced'
    # the title's prefix spelled out and abbreviated in the abstract: 'Unsupervised Temperature Scaling: ...'
    # and 'Unsupervised Temperature Scaling (UTS) ...' -> UTS
    parts = _title_split(paper.title) if definitions else None
    if parts and len(parts[0].split()) >= 2 and not _SURVEY_TITLE.match(parts[1]):
        prefix_key = alias_key(parts[0])
        for d in definitions:
            if alias_key(d.long) == prefix_key and is_short_form(d.short) and alias_key(d.short) not in known:
                add(d.short, _kind(d.short, paper.title), paper.title, [d.long])
                break
    for short, long_form, start in _title_spelled_definitions(paper.title, abstract, definitions, known):
        add(short, _kind(long_form, paper.title), _clause_around(abstract, start, start + len(long_form)).strip(), [long_form])
    for name, start in _new_named_datasets(paper.title, abstract, known, definitions):
        add(name, "dataset", _clause_around(abstract, start, start + len(name)).strip())
    for name, start in _own_dataset_names(abstract, known, definitions) if _has_data_noun(abstract) else ():
        add(name, "dataset", _clause_around(abstract, start, start + len(name)).strip())
    for name, start in _counted_own_names(abstract, known, triggers["propose"]):
        add(name, "method", _clause_around(abstract, start, start + len(name)).strip())
    for short, long_form, start in _new_definitions(abstract, definitions, known):
        add(short, _kind(long_form, _clause_around(abstract, start, start + 1)), _clause_around(abstract, start, start + 1).strip(), [long_form])
    for short, long_form, start in _combined_definitions(abstract, definitions, known) if " and " in abstract else ():
        add(short, "method", _clause_around(abstract, start, start + 1).strip(), [long_form])
    phrased = phrase_definitions(abstract) if "(" in abstract else []
    for short, long_form, start in _own_phrase_definitions(abstract, phrased, known) if phrased else ():
        add(short, _kind(long_form, _clause_around(abstract, start, start + 1)), _clause_around(abstract, start, start + 1).strip(), [long_form])
    for name, start in _proposed_head_names(abstract, known):
        add(name, "method", _clause_around(abstract, start, start + len(name)).strip())
    for name, start in _new_head_appositions(abstract, known, triggers["propose"]):
        add(name, _kind(name, _clause_around(abstract, start, start + 1)), _clause_around(abstract, start, start + len(name)).strip())
    for name, aliases, start in [*_component_names(abstract), *_defined_own_names(abstract, paper.title, definitions)]:
        if alias_key(name) not in known and not any(alias_key(a) in known for a in aliases):
            add(name, "method", _clause_around(abstract, start, start + len(name)).strip(), aliases)

    # lower-case coined names: 'We call this new approach pair-tuning', 'termed as deep self-attention
    # distillation', 'we propose a novel "back-patching" analysis method', 'we propose delta-view as feedback'
    proposals = _own_proposals(abstract, triggers["propose"])
    for name, start in _lower_case_names(abstract, triggers["naming"], proposals):
        if alias_key(name) not in known:
            singular, plural = _lower_singular(name)
            add(singular, "method", _clause_around(abstract, start, start + len(name)).strip(), plural, coined=True)

    for position, match in proposals:
        sentence_start = start_of_sentence(abstract, position)
        if _EARLIER.search(abstract, sentence_start, position):
            continue  # 'Recently, we proposed X': the authors' earlier work, not this paper's
        if _NOT_A_PROPOSAL.match(abstract, position) or _QUESTION.match(abstract, sentence_start):
            continue  # 'we build upon SE-ResNeXt-50', 'Can we design a Convolutional Network (ConvNet) ...?'
        clause = _clause_around(abstract, match.start(), match.end())
        for name, aliases, strong in _title_extended_name(paper.title, abstract, match.start("object"), known) or _from_object(
            abstract, match.start("object")
        ) or _derived_name(abstract, match.start("object"), known):
            if alias_key(name) in known and not strong and not abstract[match.start("object") :].startswith(name):
                continue
            if not strong and _NOUN_AFTER.match(abstract, abstract.find(name, match.start("object")) + len(name)) and any(
                d.short == name and d.short_span[0] < position and d.long.islower() for d in definitions
            ):
                continue  # 'error correction coding (ECC) ... We propose ECC schemes', 'propose VC training': a technique named before
            add(name, _kind(name, clause), clause.strip(), aliases)

    for position in triggers["our"]:
        joined = _OUR_JOINED_NAME.match(abstract, position)
        if joined and alias_key(joined.group("name")) not in known:
            add(joined.group("name"), _kind(joined.group("name"), joined.group()), _clause_around(abstract, position, joined.end()).strip())
            continue
        match = _OUR.match(abstract, position)
        if match is None:
            owned = _our_token(abstract, position, paper.title, known, definitions)
            if owned:
                add(owned, _kind(owned, _clause_around(abstract, position, position + 40)),
                    _clause_around(abstract, position, position + len(owned)).strip())
            continue
        phrase = _clean_phrase(match.group("phrase"))
        if phrase and phrase[:1].islower() and not is_namelike(phrase.split()[0]):
            continue
        in_title = alias_key(phrase) in alias_key(paper.title) if phrase else False
        if phrase and _valid_name(phrase, strong=True) and (alias_key(phrase) not in known or in_title):
            add(phrase, _kind(phrase, match.group()), _clause_around(abstract, match.start(), match.end()).strip())

    for name, start in _winning_names(abstract, known, definitions) if _has_win_words(abstract) else ():
        add(name, "method", _clause_around(abstract, start, start + len(name)).strip())
    for name, kind, evidence, aliases, coined in _more_introduced(paper.title, abstract, found, known, definitions):
        add(name, kind, evidence, aliases, coined=coined)
    for name, aliases, start, coined in _head_named_lower(abstract, known, triggers["naming"]) if triggers["naming"] else ():
        singular, plural = _lower_singular(name) if coined else (name, [])
        add(singular, "method", _clause_around(abstract, start, start + len(name)).strip(), [*plural, *aliases], coined=coined)
    for short, long_form, start in _reused_part_definitions(abstract, paper.title, definitions, known) if definitions else ():
        add(short, "method", _clause_around(abstract, start, start + 1).strip(), [long_form])
    for name, start in _lower_apposed_names(abstract, known, triggers["propose"]):
        singular, plural = _lower_singular(name)
        clause = _clause_around(abstract, start, start + len(name))
        add(singular, _kind(name, clause), clause.strip(), plural, coined=True)
    for name, start in _own_apposed_names(abstract, known) if ", " in abstract else ():
        clause = _clause_around(abstract, start, start + len(name))
        add(name, _kind(name, clause), clause.strip())
    if definitions and found:
        for short, long_form, start in _parts_of_own(abstract, definitions, found, known):
            clause = _clause_around(abstract, start, start + 1)
            add(short, _kind(long_form, clause), clause.strip(), [long_form])
    if len(definitions) > 1 and found:  # after the parts: a part found above vouches for its siblings
        for short, long_form, start in _sibling_definitions(abstract, definitions, found, known):
            clause = _clause_around(abstract, start, start + 1)
            add(short, _kind(long_form, clause), clause.strip(), [long_form])
    _drop_metric_names(abstract, found, order)
    # definitions tie long and short forms: the short form is the name, the long form an alias
    if found:
        for definition in [*definitions, *phrased]:
            short_name, plural = definition.short, []
            if _PLURAL_ACRONYM.fullmatch(short_name) and is_namelike(short_name[:-1]):
                short_name, plural = short_name[:-1], [short_name]  # 'TMDPs' -> 'TMDP'
            short, long = alias_key(short_name), alias_key(definition.long)
            if short == long or len(definition.long.split()) > 10:
                continue
            if short in found and definition.long not in found[short].aliases:
                found[short].aliases.append(definition.long)
            if long in found and short not in found and not is_short_form(definition.short):
                continue  # a generic short form ('Sparse Shift Layer (SSL)'): the long form stays the name
            if long in found:
                intro = found.pop(long)
                order.remove(long)
                if short in found:
                    found[short].aliases.extend(a for a in [intro.name, *intro.aliases] if a not in found[short].aliases)
                    found[short].kind = _merged_kind(found[short], intro)
                elif is_short_form(definition.short):
                    found[short] = Introduced(short_name, intro.kind, [*plural, intro.name, *intro.aliases], intro.evidence)
                    order.append(short)
    if found and definitions:
        _drop_technique_acronyms(abstract, definitions, found, order, paper.title, title_name)
    # a catalogued name the catalog dates to a year before the paper is someone else's method that
    # the paper uses or recalls ('we introduce deep Q-network (DQN) in a batch RL framework' in 2019,
    # 'called Wasserstein GAN (WGAN)' in 2018), however the abstract words it, unless the paper is a version of the
    # name's own paper ('We propose Deep Back-Projection Networks (DBPN)' in the 2019 journal paper 'Deep
    # Back-Projection Networks for Single Image Super-resolution' of the 2018 'Deep Back-Projection Networks For
    # Super-Resolution'); a long form the catalog does
    # not know names another method with the same ambiguous acronym ('Continual Diversity Adversarial Network
    # (CDAN)'; CDAN is marked ambiguous in the catalog)
    if known and found and year:
        years, clashes = years or _catalog_years()
        title_key = alias_key(title_name) if title_name else ""
        for key in list(order):
            intro = found[key]
            keys = [alias_key(n) for n in [intro.name, *intro.aliases]]
            if key in clashes and intro.aliases and not any(alias_key(a) in known for a in intro.aliases):
                continue  # a long form the catalog does not know: another method with the same acronym
            dated = [years[k] for k in keys if k in known and k in years]
            if dated and min(dated) < year and key != title_key and key not in counted and not (
                    own_version and any(own_version(k) for k in keys if k in known)):
                del found[key]
                order.remove(key)
    # a multi-word name whose initials spell another introduced name is its long form ('Long Range Arena', 'LRA')
    for long_key in list(order):
        intro = found[long_key]
        if len(intro.name.split()) < 2 or long_key in counted:
            continue  # the names of a counted list are siblings ('AB-LSTM and Joint AB-LSTM'), none the other's long form
        for short_key in order:
            short = found[short_key]
            # (a plain word of another kind is not a short form: the 'Bounce' dataset of 'Bounce and Learn')
            if short_key != long_key and (" " not in short.name and (is_short_form(short.name) or short.kind == intro.kind)
                                          and _initials_match(short.name, intro.name) or _shared_lead_short(short.name, intro.name)):
                short.aliases.extend(a for a in [intro.name, *intro.aliases] if a not in short.aliases)
                short.kind = _merged_kind(short, intro)
                del found[long_key]
                order.remove(long_key)
                break
    # a single word that opens another name's long form was cut from it ('Look' of 'Look, Read, Reason &
    # Answer (LoRRA)'), and so were words the long form goes on from with 'for' / 'of' ('Joint Encoders' of 'Joint
    # Encoders for Stable Suggestion Inference (JESSI)')
    for key in list(order):
        if any(other != key and any(_opens_long_form(found[key], a) for a in found[other].aliases) for other in order):
            del found[key]
            order.remove(key)
    # (after the merges: a field term takes the longer names merged into it along, 'Visual SLAM' with SLAM)
    if field_terms is None:
        field_terms = packaged_field_terms()
    if found and field_terms and year:  # (undated, a paper may be the one the field took the term from)
        _drop_field_terms(found, order, field_terms, year, alias_key(title_name) if title_name else "")
    variants = _variant_tokens(abstract) if order else []
    for key in list(order):
        _add_title_spelling(found[key], paper.title)
        name = found[key].name
        for variant in variants:
            if len(name) >= 3 and " " not in name and _is_variant(variant, name):
                add(variant, found[key].kind, _clause_around(abstract, abstract.find(variant), abstract.find(variant) + 1).strip())
        for variant, start in _suffixed_variants(abstract, name) if len(name) >= 3 and " " not in name and is_namelike(name) else ():
            add(variant, found[key].kind, _clause_around(abstract, start, start + len(variant)).strip())
    for key in list(order):
        name = found[key].name
        if " " not in name and len(name) >= 3 and is_namelike(name) and name in abstract:
            for other, start in _listed_with_own(abstract, name, known):
                add(other, found[key].kind, _clause_around(abstract, start, start + len(other)).strip())
    if not found:  # (only here: a name the abstract gives makes the title lead its long form)
        family = title_family_name(paper.title, abstract, known)
        if family:
            add(family, _kind(family, paper.title), paper.title)
        coined = None if family else title_coined_prefix(paper.title, known)
        if coined:  # (not through ``add``: its guards are for abstract tokens, '3D-CNN', 'GAN-based')
            found[alias_key(coined)] = Introduced(name=coined, kind=_kind(coined, paper.title), evidence=paper.title)
            order.append(alias_key(coined))
    if written:
        _write_scripts_back(found.values(), written)
    return [found[k] for k in order]


_CUT_AT = frozenset("for of with and".split())


def _opens_long_form(intro: Introduced, long_form: str) -> bool:
    """Whether ``intro`` is the opening of ``long_form`` (another name's alias), cut where a name stops reading a
    phrase: a single word ('Look' of 'Look, Read, Reason & Answer'), or words the long form goes on from with
    'for', 'of', 'with' or 'and' ('Joint Encoders' of 'Joint Encoders for Stable Suggestion Inference')."""
    words = long_form.split()
    if len(words) < 2:
        return False
    if " " not in intro.name:
        return alias_key(words[0].rstrip(",;:")) == alias_key(intro.name)
    for n in range(2, len(words) - 1):
        if words[n].lower() in _CUT_AT:
            head = alias_key(" ".join(words[:n]))
            return any(alias_key(s) == head for s in [intro.name, *intro.aliases])
    return False


_TITLE_PAIR = re.compile(r"(" + _TOKEN + r")\s+(?:and|&)\s+(" + _TOKEN + r")")


def _shared_lead_short(short: str, long: str) -> bool:
    """'Neural SDE' for 'Neural Stochastic Differential Equation': the same leading words, then a short form that
    the rest of the long form spells."""
    words, long_words = short.split(), long.split()
    lead = len(words) - 1
    return 1 <= lead < len(long_words) - 1 and words[:lead] == long_words[:lead] and is_short_form(words[-1]) \
        and _initials_match(words[-1], " ".join(long_words[lead:]))


_DATASET_NOUN_TAIL = re.compile(r"\s+(?:[Dd]ataset|[Bb]enchmark|[Cc]orpus|[Dd]atabase)$")


_VARIANT = re.compile(r"(?<![\w\-])([A-Za-z0-9][\w\-]*-[\w\-]+)(?=\s+(?:family|families|variants?|series)\b)")


def _variant_tokens(text: str) -> list[str]:
    """Hyphenated tokens the abstract presents as a family or variant ('the tiny-MOAT family')."""
    if "famil" not in text and "variant" not in text and "series" not in text:
        return []
    return list(dict.fromkeys(_VARIANT.findall(text)))


def _is_variant(token: str, name: str) -> bool:
    """'tiny-MOAT' or 'MOAT-XL' for the introduced 'MOAT'; sizes written as plain suffixes ('BERT-base') are
    not variants with their own name."""
    head, _, tail = token.partition("-")
    if token.endswith("-" + name):
        return token[: -len(name) - 1].isalpha() and token[: -len(name) - 1].islower()
    if token.startswith(name + "-"):
        return bool(re.fullmatch(r"[A-Z0-9]{1,3}", token[len(name) + 1 :]))
    return False


def _suffixed_variants(text: str, name: str) -> list[tuple[str, int]]:
    """Own name with a tag the paper gives its variants: 'HiGRU-f' and 'HiGRU-sf' for HiGRU, 'IVI-GAN' for IVI ('the
    resulting network the IVI-GAN'), 'GFR-SSD' and 'GFR-DSOD' for GFR. The tag is a short lower-case mark (at most
    two letters) or a capitalised token of two or more characters; sizes ('-L', '-B7', '-53', '-Large', '-base'),
    compound adjectives ('-based', '-like'), a path or address ('/ESFNet-Pytorch') and a Title Case run
    ('FCHD-Fully Convolutional Head Detector', a long form) are no new names."""
    out, at = [], text.find(name + "-")
    while at != -1:
        match = _SUFFIX_TAG.match(text, at + len(name) + 1)
        if match and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_/.")):
            out.append((name + "-" + match.group(), at))
        at = text.find(name + "-", at + 1)
    return list({v: (v, s) for v, s in reversed(out)}.values())


_SUFFIX_TAG = re.compile(
    r"(?!(?:[A-Z]|\d+|[A-Z]\d+|X+[SL]|Tiny|Small|Base|Medium|Large|Huge|Giant|Lite|Mini|Nano)(?![\w\-]))"
    r"(?:[a-z]{1,2}|[A-Z0-9][A-Za-z0-9]*)(?![\w\-/]|\s+[A-Z])"
)


_TITLE_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9\-]+(?![\w\-])")


def _add_title_spelling(intro: Introduced, title: str) -> None:
    """Add the title's spelling of a long form that abbreviates its tail: 'Two-layer Convolutional LSTM' for
    'two-layer convolutional long short-term memory', 'Object-to-Motion CNN' for 'object-to-motion
    convolutional neural network' (the title names the same method; its words must not link elsewhere)."""
    acronyms = [m for m in _TITLE_ACRONYM.finditer(title)] if intro.aliases else []
    for alias in list(intro.aliases) if acronyms else ():
        words = alias.lower().split()
        for acr in acronyms:
            before = title[: acr.start()].split()
            for k in range(min(len(words) - 1, len(before)), 0, -1):
                if [w.lower() for w in before[-k:]] == words[:k] and _initials_match(acr.group(), " ".join(words[k:])):
                    spelling = " ".join(before[-k:] + [acr.group()])
                    if spelling not in intro.aliases and alias_key(spelling) != alias_key(intro.name):
                        intro.aliases.append(spelling)
                    return


CatalogYears = tuple[dict[str, int], frozenset[str]]
# alias key -> [(long form, the year it first appears), ...]: acronyms the field spells out alike
FieldTerms = Mapping[str, Sequence[Sequence]]


def catalog_years(entries: Iterable[CatalogEntry]) -> CatalogYears:
    """Alias key -> year of the entries (first claim wins), and the keys of ambiguous entries (acronyms that
    other methods share), for the date test above."""
    years: dict[str, int] = {}
    clashes = set()
    for entry in entries:
        for surface in entry.surfaces:
            if entry.year:
                years.setdefault(alias_key(surface), entry.year)
            if entry.ambiguous:
                clashes.add(alias_key(surface))
    return years, frozenset(clashes)


FIELD_TERMS_FILE = "field-terms.json"


@lru_cache(maxsize=1)
def packaged_field_terms() -> dict[str, list[list]]:
    """The field-term lexicon shipped as ``linker/data/field-terms.json`` (``bench/build_field_terms.py`` builds it
    from unlabelled arXiv abstracts): the default ``field_terms`` of ``detect_introduced``; empty when absent."""
    return packaged_json(FIELD_TERMS_FILE, {})


@lru_cache(maxsize=1)
def _catalog_years() -> CatalogYears:
    """``catalog_years`` of the built-in catalog: the default when a caller passes no catalog of its own."""
    from relwork.linker.catalog import load_catalog

    return catalog_years(load_catalog())


_KNOWN_BY: dict[tuple[int, int, int], tuple[set, dict, set]] = {}
_DATED_KNOWN: dict[tuple[int, int], tuple[set, dict, list[int], list[str]]] = {}


DatedKeys = tuple[list[int], list[str]]


def dated_keys(known: "Iterable[str]", years: CatalogYears) -> DatedKeys:
    """The keys of ``known`` the catalog dates (ambiguous keys left out), sorted by year, and their years:
    what ``_known_by`` cuts at a paper's year (~8 ms for the built-in catalog; ``CompiledCatalog.dated``
    keeps it on disk with the catalog)."""
    dates, clashes = years
    known = known if isinstance(known, (set, frozenset)) else set(known)
    pairs = sorted((y, k) for k, y in dates.items() if k in known and k not in clashes)
    return [y for y, _ in pairs], [k for _, k in pairs]


def share_dated(known: "set[str]", years: CatalogYears, dated: DatedKeys) -> tuple:
    """Remember ``dated`` (``dated_keys(known, years)``, e.g. from the compiled catalog) for ``_known_by`` in
    this process, and in the workers it forks, instead of sorting the keys again."""
    entry = (known, years[0], dated[0], dated[1])
    if len(_DATED_KNOWN) > 8:
        _DATED_KNOWN.clear()
    _DATED_KNOWN[(id(known), id(years[0]))] = entry
    return entry


def _known_by(known: "set[str]", years: CatalogYears, year: int) -> "set[str]":
    """``known`` less the catalogued names the catalog dates after ``year``: a 2019 paper's 'Visual Inference
    Module (VIM)' cannot be the 2024 Vision Mamba, so the paper's own coinage is found as any other. Ambiguous
    keys (shared by methods of several years) stay known. One set per (known, years, year), cached: a corpus
    spans few years; the dated keys are sorted once per (known, years) (``dated_keys``; or shared from the compiled
    catalog, ``share_dated``), so a year costs one set difference."""
    dates = years[0]
    cache_key = (id(known), id(dates), year)
    hit = _KNOWN_BY.get(cache_key)
    if hit is not None and hit[0] is known and hit[1] is dates:
        return hit[2]
    dated = _DATED_KNOWN.get(cache_key[:2])
    if dated is None or dated[0] is not known or dated[1] is not dates:
        dated = share_dated(known, years, dated_keys(known, years))
    later = dated[3][bisect_right(dated[2], year) :]
    result = known.difference(later) if later else known  # one copy; never mutated (detect_introduced rebinds)
    if len(_KNOWN_BY) > 64:
        _KNOWN_BY.clear()
    _KNOWN_BY[cache_key] = (known, dates, result)
    return result


# a TeX superscript of one or two letters or digits glued after a letter: 'RE$^3$QA', 'WR$^{2}$L', 'C$^2$GAN'
# (not 'm$^{-2}$', 'e$^+$', '10$^{19}$': units, charges and powers; subscripts are mostly chemistry, 'In$_x$Ga')
# and the same written without math inside a word: 'M^3RL'
_TEX_SCRIPT = re.compile(r"(?<=[A-Za-z])(?:" + TEX_SUPERSCRIPT + r"|\^(?:\{([0-9A-Za-z]{1,2})\}|([0-9A-Za-z]))(?=[A-Za-z]))")


def _script_text(match: re.Match) -> str:
    return next(group for group in match.groups() if group)


_WORD_BEFORE = re.compile(r"[0-9A-Za-z\-]*$")
_WORD_AFTER = re.compile(r"(?:[0-9A-Za-z\-]|" + _TEX_SCRIPT.pattern + r")*")


def _script_matches(text: str) -> list[re.Match]:
    """``_TEX_SCRIPT``'s matches in ``text``, tried only at its carets (a scan of the whole text for the
    pattern, which opens with a look-behind, cost some 8 us an abstract; carets are few)."""
    matches: list[re.Match] = []
    caret = text.find("^")
    while caret >= 0:
        start = caret
        if caret and text[caret - 1] != "$":
            start = text.rfind("$", max(0, caret - 8), caret)  # '$ ^3$'
            start = start if start >= 0 and not text[start + 1 : caret].strip() else caret
        elif caret:
            start = caret - 1
        match = _TEX_SCRIPT.match(text, start)
        if match and (not matches or match.start() >= matches[-1].end()):
            matches.append(match)
        caret = text.find("^", caret + 1)
    return matches


def _scripted_words(text: str, matches: list[re.Match]) -> list[str]:
    """The words of ``text`` holding the superscripts ``matches``: 'RE$^3$QA', 'D$^2$-City'."""
    words = []
    end = 0
    for match in matches:
        if match.start() < end:
            continue  # a second superscript of a word already taken
        before = _WORD_BEFORE.search(text, max(end, match.start() - 60), match.start())
        end = _WORD_AFTER.match(text, match.end()).end()
        words.append(text[before.start():end])
    return words


def _read_scripts(text: str, matches: list[re.Match]) -> str:
    """``text`` with each superscript of ``matches`` replaced by its characters."""
    parts, last = [], 0
    for match in matches:
        parts += [text[last:match.start()], _script_text(match)]
        last = match.end()
    return "".join(parts) + text[last:]


def _scripts_read(paper: Paper) -> tuple[Paper, dict[str, str]]:
    """``paper`` with a superscript glued inside a word read as plain characters ('RE$^3$QA' -> 'RE3QA'), and
    each such word's read form -> its written form.

    Otherwise the '$' cuts the name: 'RE$^3$QA' was introduced as 'RE', a wrong short name that then linked
    from other papers, and 'C$^2$GAN' was missed. A paper without '$' is returned as it is (one scan each of
    title and abstract)."""
    title, abstract = paper.title, paper.abstract
    if "$" not in title and "$" not in abstract:
        return paper, {}  # the bare caret too is read only in a paper that writes TeX ('M$^3$RL: ...' then 'M^3RL')
    in_title, in_abstract = _script_matches(title), _script_matches(abstract)
    if not in_title and not in_abstract:
        return paper, {}
    written = {_TEX_SCRIPT.sub(_script_text, word): word
               for text, matches in ((title, in_title), (abstract, in_abstract)) for word in _scripted_words(text, matches)}
    read = replace(paper, title=_read_scripts(title, in_title), abstract=_read_scripts(abstract, in_abstract))
    return read, written


def _write_scripts_back(found: Iterable[Introduced], written: dict[str, str]) -> None:
    """Names found in the read text written as the paper writes them ('RE$^3$QA', the form annotators and the
    paper's own mentions use), with the read form ('RE3QA', as code, model hubs and plain-text papers write
    it) kept as an alias."""
    pattern = re.compile(r"(?<![0-9A-Za-z\-])(?:" + "|".join(map(re.escape, sorted(written, key=len, reverse=True))) + r")(?![0-9A-Za-z\-])")
    def write(surface: str) -> str:
        return pattern.sub(lambda m: written[m.group(0)], surface)

    for intro in found:
        read = intro.name
        intro.name = write(read)
        aliases = [write(a) for a in intro.aliases] + ([read] if intro.name != read else [])
        intro.aliases = [a for i, a in enumerate(aliases) if a != intro.name and a not in aliases[:i]]


def _latex_text(match: re.Match) -> str:
    """The text of a LaTeX font command: '\\textbf{X}' and '{\\it X}' -> 'X'."""
    return match.group(1) if match.group(1) is not None else match.group(2)


_LATEX = re.compile(r"\\(?:textbf|textit|emph|texttt|textsc|mathrm|mathbf|text|underline)\{([^{}]*)\}|\{\\(?:it|bf|em|sc|tt)\s+([^{}]*)\}")


_CAMEL_FIRST = re.compile(r"[A-Za-z][a-z]+[A-Z][A-Za-z0-9\-]*")
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")


def title_lead_name(title: str, abstract: str, known: "set[str] | None" = None) -> str | None:
    """A CamelCase first title word that the abstract repeats ("MetaFormer Is Actually What You Need")."""
    words = title.split()
    if not words:
        return None
    word = words[0].strip(",.;:!?")
    if not _CAMEL_FIRST.fullmatch(word) or alias_key(word) in GENERIC:
        return None
    if _FORMULA.fullmatch(word):
        return None  # a chemical formula ('AlN interlayer to improve ...')
    if known and alias_key(word) in known:
        return None
    return word if re.search(r"\b" + re.escape(word) + r"\b", abstract) else None


_NAME_ENDINGS = ("net", "nets", "gan", "gans", "former", "formers", "bert", "gpt", "autoencoder", "autoencoders",
                 "transformer", "transformers", "network", "networks", "mixer", "augment", "machine", "machines")


def title_whole_name(title: str, known: "set[str] | None" = None) -> str | None:
    """A whole title of two or three Title Case words that ends like a model name: 'Bayesian GAN', 'No
    New-Net', 'Fast AutoAugment', 'Stacked Capsule Autoencoders'. Generic phrases ('Deep Neural Networks')
    and task titles ('Unsupervised Image Captioning') are not names."""
    words = title.split()
    if words and words[0] in ("The", "A", "An"):
        words = words[1:]
    if ":" in title or not 2 <= len(words) <= 3 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    if words[0].lower() in STOP_TITLE_WORDS or any(not re.fullmatch(r"[\w\-+]+", w) for w in words):
        return None
    last = words[-1]
    if not (is_namelike(last) or alias_key(last).endswith(_NAME_ENDINGS) or alias_key(last) in GENERIC):
        return None
    parts = [p.lower() for w in words for p in w.split("-") if p]
    if all(p in _GENERIC_TECH_WORDS or p.rstrip("s") in GENERIC or p in GENERIC for p in parts):
        return None  # 'Deep Neural Networks', 'Graph Neural Networks'
    name = " ".join(words)
    return None if known and alias_key(_singular(name)) in known else name


_TITLE_WITH = re.compile(r"\b(?:with|via)\s+(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,3})(?=\s*(?:$|[:,(]|\s+(?:for|and|in|on)\b))")


def _title_component(title: str, known: "set[str] | None" = None) -> str | None:
    """'BiFormer: Vision Transformer with Bi-Level Routing Attention': after the paper's own name, a
    hyphenated Title Case phrase ending in a method head noun after 'with' / 'via' names its component."""
    if ":" not in title:
        return None
    match = _TITLE_WITH.search(title.split(":", 1)[1])
    if not match:
        return None
    name = match.group("name")
    words = name.split()
    if words[-1].lower() not in _COMPONENT_HEADS or "-" not in name or (known and alias_key(name) in known):
        return None  # plural families ('Self-Attentive Neural Networks') and 'Linear-Time Inference' are no names
    return name


_COMPONENT_HEADS = frozenset("attention transformer former mixer layer block router adapter encoder decoder".split())


_TITLE_INTRODUCING = re.compile(
    r"(?:Introducing|Presenting)\s+(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+(?:of|for|and|[A-Z][\w\-]*)){0,5})"
    r"(?=\s*(?:$|[:,]|--?\s|\s(?:with|for|in|to|via|and|as|[a-z]+ing)\b))"
)


def title_introducing_name(title: str, known: "set[str] | None" = None) -> str | None:
    """The Title Case name after a title's opening 'Introducing' ('Introducing Neural Bag of Whole-Words with
    ColBERTer: ...' -> 'Neural Bag of Whole-Words'): the title says in so many words that it is new."""
    match = _TITLE_INTRODUCING.match(title)
    if not match:
        return None
    name = match.group("name")
    return None if (known and alias_key(name) in known) or alias_key(name) in GENERIC else name


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_TITLE_OBJECT_NAME = re.compile(r"\b(?:with|on|of|using|via|for)\s+(?:the\s+)?(?P<name>" + _TOKEN + r")$")


def title_spelled_out_name(title: str, known: "set[str] | None" = None) -> tuple[str, str] | None:
    """(name, long form) when a title prefix ends in a short form that the rest spells out ('Self-Modifying
    Morphology Experiments with DyRET: Dynamic Robot for Embodied Testing', 'Metric Learning With HORDE:
    High-Order Regularizer for Deep Embeddings'): the title defines the name as its own."""
    parts = _title_split(title) if ":" in title or " --" in title or "—" in title or "–" in title else None
    if parts is None:
        return None
    words = parts[0].rsplit(None, 3)
    if len(words) < 2 or not is_short_form(words[-1]) or not _TITLE_OBJECT_NAME.search(parts[0]):
        return None
    rest = _LEADING_ARTICLE.sub("", parts[1])
    name = words[-1]
    if len(rest.split()) > 8:
        return None
    if (known and alias_key(name) in known) or alias_key(name) in GENERIC or name in rest or not _initials_match(name, rest):
        return None
    return name, rest


# the title's lead phrase: before ':' / ' -- ' (a prefix), or before the first 'for' / 'with' / 'via' ... (a lead)
_TITLE_LEAD_END = re.compile(r"(?=[\s:])(?P<prefix>\s*:\s|\s+(?:--|—|–)\s)|\s+(?i:for|with|via|by|using|in|on|to|from|through)\s")
_TAIL_WORDS = (" with ", " via ", " using ", " by ", " through ")
_LEAD_WORD = re.compile(r"[A-Za-z0-9][\w\-+]*|of|for|and|by|from")
# the paper's own voice right before the repeated lead: 'We present Hyperdrive: ...', 'Our Structure Tree-LSTM
# implements ...', 'We call our framework `soft rasterizer''
_OWN_CUE_BEFORE = re.compile(
    r"(?:\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+\s+)?(?:propose|present|introduce|develop|design|devise|build|construct|collect|create|curate|release|assemble)[sd]?"
    r"\s+(?:(?:a|an|the)\s+)?(?:(?:new|novel)\s+)?|\b(?:[Oo]ur|[Tt]he\s+proposed)\s+(?:(?:new|novel|proposed)\s+)?|(?P<novel>\b[Aa]n?\s+(?:new|novel)\s+)"
    r"|(?P<naming>\b(?:called|termed|named|dubbed|coined|referred\s+to\s+as|we\s+(?:call|term|name|dub|coin)\s+(?:it|this|our\s+\w+|the\s+\w+)?\s*)\s+(?:as\s+)?(?:the\s+)?))"
    r"[\"'`“‘$]*$"
)
_CUE_KEYS = ("we ", "this ", "our ", "new ", "novel ", "propos", "call", "term", "name", "dub", "coin", "referred")
# the repeated lead names a task, a problem or a metric ('We introduce visual deprojection: the task of ...')
_NOT_A_NAME_AFTER = re.compile(r"[\"'”’]*\s*[:,]?\s*(?:(?:the|a|an)\s+(?:\w+\s+)?(?:task|problem|setting|metric|measure)\b"
                               r"|as\s+(?:a|an|the)\s+(?:\w+\s+)?(?:task|problem|metric|measure|score)\b)")
# after a lead written in lower case: its own clause ends or an apposition follows ('We present flow-guided feature
# aggregation, an accurate ...', 'we introduce neural stethoscopes as a framework')
_LEAD_ENDS = re.compile(r"[\"'”’]*\s*(?:[,:;.]|\((?!\s*[a-z])|as\s+(?:a|an)\b|which\b|that\b)")
# the name runs on past the lead ('Priority Inheritance with Backtracking (PIBT)', 'Cascaded Context Pyramid Network')
_RUNS_ON = re.compile(r"\s+(?:(?:with|for|from|of|and|on|in|by|via)\s+)?[A-Z]|-|\s+[a-z]+\s*\(|\s+(?:with|for|from|of|by|and)\s+[\w\s\-]{1,40}\(|\s+[a-z]+\s+(?:with|of|for)\s+[A-Z]|\s+[a-z\-]+\s+[A-Z][\w\-]*\s+[A-Z]")
_GENERIC_HEADS = frozenset("approach system method algorithm model framework scheme strategy technique problem task challenge "
                           "solution study analysis lessons guarantees baseline".split())


def title_repeated_names(title: str, abstract: str, known: "set[str] | None" = None, lead_too: bool = True) -> list[str]:
    """Title phrases the abstract repeats as the paper's own thing: the lead ('Hyperdrive: A ... Engine' and 'We
    present Hyperdrive: a BWN accelerator', 'Flow-Guided Feature Aggregation for Video Object Detection' and 'We
    present flow-guided feature aggregation, an accurate ... framework') and what follows 'with / via / using / by'
    ('Long-Range Indoor Navigation with PRM-RL' and 'We achieve this with PRM-RL, a hierarchical robot navigation
    method', '... using switching density networks' and 'This paper introduces switching density networks, which').
    The shape of a title phrase alone says too little ('Visual Deprojection', 'Depth Restoration'); its repetition
    right after 'we propose / our / termed' or before ', a ... method' does. ``lead_too``: False when the title
    prefix gave a name already."""
    found: list[str] = []
    if " " not in title:
        return found
    lead = _TITLE_LEAD_END.search(title) if lead_too else None
    candidates = [(title[: lead.start()].strip(), bool(lead.group("prefix")), False)] if lead and lead.start() else []
    if lead_too and lead is None and title.count(" ") <= 3:
        candidates.append((title.strip(), True, False))  # a whole short title ('Mapped Convolutions')
    lowered = title.lower()
    if any(word in lowered for word in _TAIL_WORDS):  # ('Using Persistent Homology to ...', 'DSReg: Using ...'
        # name the tool a study uses)
        candidates.extend((m.group("tail"), False, True) for m in _TITLE_TAIL.finditer(title)
                          if m.start() and title[: m.start()].rstrip()[-1:] not in (":", "-"))
    low = abstract.lower()
    for title_phrase, prefix, tail in candidates:
        forms = [title_phrase]
        if title_phrase.endswith("s") and not title_phrase.endswith("ss"):
            forms.append(title_phrase[:-1])  # 'Mapped Convolutions' and 'Our mapped convolution decouples ...'
        for phrase in forms:
            # most title phrases are not in the abstract at all: that test first (a substring test, ~0.1 us)
            if phrase.lower() in low and _title_phrase_ok(phrase, tail, known, prefix) and _repeated_as_own(phrase, prefix, abstract, low):
                found.append(phrase)
                break
    return found


# what follows 'with / via / using / by / through' in a title, up to the next function word or the end
_TITLE_TAIL = re.compile(
    r"\b(?i:with|via|using|by|through)\s+(?i:(?:a|an|the)\s+)?(?i:(?:novel|new)\s+)?(?P<tail>(?!(?i:a|an|the)\b|(?:deep|neural)\b)[\w\-+]+(?:\s+(?!(?i:for|in|on|to|from|with|"
    r"via|using|by|under|at|as|and|of|the|a|an)\b)[\w\-+]+){0,4})(?=\s*$|\s*[:,.?]|\s+(?i:for|in|on|to|from|with|via|using|by|under|at|as|and|of)\b)"
)
# 'We achieve this with PRM-RL, a hierarchical robot navigation method': an apposition says what the name is
_KIND_APPOSITION = re.compile(r"[\"'”’]*\s*,\s+(?:a|an)\s+(?:[\w\-]+\s+){0,4}?" + _HEAD_WORDS + r"\b")


def _title_phrase_ok(phrase: str, tail: bool, known: "set[str] | None", prefix: bool = False) -> bool:
    """A title phrase that may be a name: not generic words ('Deep Learning Approach'; 'Knowledge Distillation': its
    initials are a generic acronym), not catalogued, not a plain English word ('Guarantees'). A lead must open
    with a capital; a phrase after 'with' may be written in lower case ('... using switching density networks')."""
    words = phrase.split()
    if not 1 <= len(words) <= 5 or not all(_LEAD_WORD.fullmatch(w) for w in words) or not (tail or words[0][:1].isupper()):
        return False
    first = words[0].lower()
    if first in STOP_TITLE_WORDS or first in _STOP or first in ("the", "a", "an", "is", "are", "can", "do", "does", "learning", "towards"):
        return False
    if len(words) == 1 and not (is_namelike(words[0]) or (not tail and plain_word_can_be_name(words[0]))
                                or prefix and words[0].isalpha() and len(words[0]) >= 5):
        return False  # 'Guarantees', 'Lessons' before 'for ...' (a ':' prefix may be a coined word: 'Hyperdrive:')
    key = alias_key(phrase)
    parts = _WORD_PARTS.split(phrase)
    initials = "".join(w[0] for w in parts if w).lower()
    # (a catalogued word counts as generic here: 'LSTM Neural Networks' is LSTM)
    return not (key in GENERIC or initials in GENERIC or (known and (key in known or key.rstrip("s") in known)) or all(
        w.lower() in _GENERIC_TECH_WORDS or w.lower() in _COMMON_WORDS or alias_key(w).rstrip("s") in GENERIC
        or w.lower() in _STOP or (known and is_namelike(w) and alias_key(w) in known) for w in parts))


_FAMILY_HEADS = frozenset("gan gans net nets network networks lstm lstms rnn rnns cnn cnns transformer transformers autoencoder "
                          "autoencoders vae vaes".split())


def _repeated_as_own(phrase: str, prefix: bool, abstract: str, low: str) -> bool:
    """Whether the abstract writes ``phrase`` (a title phrase) as the paper's own: after an own cue ('we propose',
    'our', 'termed') and not naming a task, a metric or a longer name ('Priority Inheritance with Backtracking
    (PIBT)'); a phrase that is not a ':' prefix counts only when the abstract keeps the title's capitals, names it
    ('called X'), closes its clause after it or says what it is (', a ... method'). ``low``: ``abstract.lower()``."""
    words = phrase.split()
    generic_head = words[-1].lower().rstrip("s") in _GENERIC_HEADS or words[-1].lower() in _GENERIC_HEADS
    family_head = len(words) >= 2 and words[-1].lower() in _FAMILY_HEADS
    needle = phrase.lower()
    at = low.find(needle)
    while at != -1:
        end = at + len(needle)
        if not (at and (low[at - 1].isalnum() or low[at - 1] == "-") or end < len(low) and (low[end].isalnum() or low[end] == "-")):
            written = abstract[at:end]
            window = low[max(0, at - 60) : at]
            # (the words every cue holds, tested first: the regex search of the window is the costly part)
            cue = _OWN_CUE_BEFORE.search(abstract, max(0, at - 60), at) if any(w in window for w in _CUE_KEYS) else None
            as_title = written == phrase and any(c.isupper() for c in phrase[1:])
            if cue and cue.group("novel") and not family_head:
                cue = None  # 'a novel one-shot face reenactment ...': 'a novel' marks only a model family as a name
            if cue and cue.group("naming") and (_NOT_OURS_NEAR.search(abstract, max(0, cue.start() - 40), cue.start())
                                                or _NOT_A_METHOD_BEFORE.search(abstract, max(0, cue.start() - 40), cue.start())):
                cue = None  # 'one such problem called ...', 'has been called ...': not the paper's own name
            if len(words) == 1 and not _distinctive(phrase) and _HEAD_AFTER.match(abstract, end):
                cue = None  # 'a novel MPC framework': the word qualifies a noun
            if len(words) == 1 and not is_namelike(phrase) and not plain_word_can_be_name(phrase) and written != phrase:
                cue = None  # a plain English word ('Hyperdrive:') counts only written as the title's capitalised name
            short = _SHORT_AFTER.match(abstract, end) if cue else None
            if short and not (short.group(1)[:1].lower() == phrase[:1].lower() and _initials_match(short.group(1), phrase)):
                cue = None  # 'a novel noise adaptive speech enhancement (SE) system': the short form says what it is
            if cue and not _NOT_A_NAME_AFTER.match(abstract, end) and not _RUNS_ON.match(abstract, end) and (
                    as_title or not generic_head and (
                        prefix and not (written.islower() and _HEAD_AFTER.match(abstract, end))
                        or cue.group("naming")
                        or _LEAD_ENDS.match(abstract, end)
                        # 'Dual Motion GAN for ...' and 'Our dual motion GAN also handles ...': a model family
                        # closes the title phrase, and the abstract's own cue picks it whatever verb follows
                        or family_head and not _HEAD_AFTER.match(abstract, end))):
                return True
            if (any(is_namelike(w) for w in words) or prefix and not generic_head) and _KIND_APPOSITION.match(abstract, end) \
                    and not _NOT_OURS_CLAUSE.search(abstract, end, end + 40):
                return True  # 'PRM-RL, a hierarchical robot navigation method'
        at = low.find(needle, end)
    return False


TITLE_FAMILIES_FILE = "title-families.json"


@lru_cache(maxsize=1)
def _title_families() -> tuple[frozenset[str], frozenset[str]]:
    """(families, words no modifier of the title-family rule counts) from ``linker/data/title-families.json``:
    a family's spelled-out words ('Generative Adversarial') and adjectives any model has ('Compact', 'Siamese')."""
    data = packaged_json(TITLE_FAMILIES_FILE)
    plain = frozenset(data["family_words"]) | frozenset(data["plain_modifiers"]) | _GENERIC_TECH_WORDS | _COMMON_WORDS
    return frozenset(data["families"]), plain


_FAMILY_LEAD_WORD = re.compile(r"[A-Z0-9][\w\-+]*")


def title_family_name(title: str, abstract: str, known: "set[str] | None" = None) -> str | None:
    """A title lead that ends in a model family and carries two distinctive modifiers: 'Edge Heuristic GAN for
    Non-uniform Blind Deblurring', 'Weight Agnostic Neural Networks', 'Stochastic Wasserstein Autoencoder for ...'.
    The lead is what comes before ':' or the first 'for / with / via ...' (or a whole title of up to five words),
    2-5 Title Case words. Not a name: a gerund's object ('Understanding Convolutional Neural Networks'), a
    family with plain adjectives only ('Compact Deep Neural Networks', 'Two-Stream Siamese Neural Network'), a
    catalogued name ('Region Proposal Networks'), a survey's topic. ``detect_introduced`` asks only when no other
    rule found a name: a paper whose abstract names its model gives the title lead as that name's long form.
    ``abstract``: the paper's, to tell whether a catalogued name inside the lead still links outside it."""
    if " " not in title:
        return None
    lead = _TITLE_LEAD_END.search(title)
    if lead and lead.start():
        phrase, rest = title[: lead.start()].strip(), title[lead.end() :]
    elif lead is None and title.count(" ") <= 4:
        phrase, rest = title.strip(), ""
    else:
        return None
    words = phrase.split()
    if words[0] in ("The", "A", "An"):
        words = words[1:]
    families, plain = _title_families()
    if not 2 <= len(words) <= 5 or words[-1].lower() not in families or not all(_FAMILY_LEAD_WORD.fullmatch(w) for w in words):
        return None
    if words[-1][-1] in "sS":
        return None  # a plural names a class ('Hierarchical Autoregressive Transformers', 'Temporally Coherent GANs')
    first = words[0].lower()
    if first.endswith("ing") or first in STOP_TITLE_WORDS or (rest and _SURVEY_TITLE.match(rest)):
        return None
    distinctive = [w for w in words[:-1] if w.lower() not in plain and alias_key(w) not in GENERIC]
    if len(distinctive) < 2:
        return None
    name = " ".join(words)
    if not known:
        return name
    if alias_key(name) in known:
        return None  # a catalogued name ('Region Proposal Network')
    inside = abstract.count(name)
    parts = _WORD_PARTS.split(name)  # ('Multi-Fiber Network' holds 'Fiber Network')
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            part = " ".join(parts[i:j])
            if alias_key(part) in known and abstract.count(part) <= inside:
                # a catalogued name inside it that the abstract writes (as the title does) only inside the own
                # name, which would hide it: 'Contextual Hourglass Network' builds on Stacked Hourglass (a
                # lower-case spelling may not link: exact-case entries, context words)
                return None
    return name


# a coined one-token title prefix: a digit, a joint or an inner capital ('3D-SIC', 'KAS-term', 'Bee+', 'PHT-bot'),
# or a lower-case opening ('fairseq', 'rlpyt', 'compare-mt'); not TeX ('$d$-SNE') or a plain word ('Parenting')
_COINED_PREFIX = re.compile(r"(?:[a-z][\w\-+]*|[A-Za-z0-9][\w]*(?:[\-+]|\d|[a-z][A-Z])[\w\-+]*)")
# the rest of the title says the prefix is a measure ('t-DCF: a Detection Cost Function for ...'), not a method
_NOT_A_METHOD_REST = re.compile(r"(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,3}?(?:metric|measure|score|cost\s+function)\b", re.I)


def title_coined_prefix(title: str, known: "set[str] | None" = None) -> str | None:
    """A title prefix of one coined token ('3D-SIC: 3D Semantic Instance Completion for RGB-D Scans', 'KAS-term:
    Extracting Slovene Terms ...', 'fairseq: A Fast, Extensible Toolkit ...'). ``detect_introduced`` asks only
    when no rule found a name: the shape rules of :func:`title_prefix_name` leave such tokens out (a digit-led
    token, a lower-case tail: 'GAN-based'), which elsewhere in a title are more often descriptions."""
    parts = _title_split(title)
    if parts is None:
        return None
    prefix, rest = parts
    prefix = _LEADING_ARTICLE.sub("", prefix)
    if " " in prefix or not _COINED_PREFIX.fullmatch(prefix) or _SURVEY_TITLE.match(rest) or _NOT_A_METHOD_REST.match(rest):
        return None
    key = alias_key(prefix)
    if len(key) < 3 or key in GENERIC or prefix.lower() in STOP_TITLE_WORDS or (known and key in known):
        return None
    return prefix


# 'we propose two novel methods, tAdv and cAdv', 'The proposed ICT and CCT units', 'named BowNet and wBowNet': an own
# cue at most three words before the first name of a list
_LIST_CUE_BEFORE = re.compile(r"\b(?:proposed?|novel|named|termed|called|dubbed|introduce[sd]?|present[sd]?)(?:\s+[\w\-]+){0,3}\s*,?\s*$")
_NEXT_IN_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(" + _TOKEN + r")(?![\w\-])")


def _listed_with_own(abstract: str, name: str, known: "set[str]") -> list[tuple[str, int]]:
    """(name, offset) of the name-like tokens listed right after an own one-token name under an own cue ('propose
    two novel methods, tAdv and cAdv', 'we propose novel DownBCL, UpBCL, and CorrBCL operations'): the list's
    other members are the paper's too. Not after 'our' ('our DPC-Captions and PCCD dataset': evaluation data)."""
    listed: list[tuple[str, int]] = []
    at = abstract.find(name)
    while at != -1:
        end = at + len(name)
        if (at == 0 or not (abstract[at - 1].isalnum() or abstract[at - 1] in "-_")) and _LIST_CUE_BEFORE.search(
                abstract, max(0, at - 40, abstract.rfind(". ", 0, at) + 2), at):
            match = _NEXT_IN_LIST.match(abstract, end)
            while match and is_namelike(match.group(1)) and alias_key(match.group(1)) not in known:
                listed.append((match.group(1), match.start(1)))
                match = _NEXT_IN_LIST.match(abstract, match.end())
        at = abstract.find(name, end)
    return listed


_SURVEY_TITLE = re.compile(r"(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:survey|review|overview)\b", re.I)


def title_prefix_name(title: str, known: "set[str] | None" = None) -> str | None:
    """The name in a title prefix before ':' or ' -- ' ("ColBERT: Efficient ..." -> 'ColBERT'), or None."""
    parts = _title_split(title)
    if parts is None:
        return None
    prefix, rest = parts
    if _SURVEY_TITLE.match(rest):
        return None  # 'Mamba-360: Survey of State Space Models ...' names a survey, not a method
    name = _prefix_name(prefix, known)
    if name is None and _KIND_AFTER.match(rest) and _TITLE_CASE_NAME.fullmatch(prefix) and not prefix.split()[0].lower().endswith("ing") \
            and (not _TASK_LONG_FORM.search(prefix.lower()) or _NEW_METHOD_AFTER.match(rest)) \
            and not all(w.lower() in _GENERIC_TECH_WORDS or alias_key(w).rstrip("s") in GENERIC for w in re.split(r"[\s\-]+", prefix)):
        # 'Hindi Visual Genome: A Dataset for ...', 'Merge and Label: A novel neural network architecture ...':
        # the rest says what kind of thing the prefix names ('Bridging the Gap: ...' fails the Title Case test)
        name = prefix if not (known and alias_key(prefix) in known) else None
        if name and name.split()[0] in ("The", "A", "An") and len(name.split()) > 1:
            name = name.split(" ", 1)[1]  # 'The Phoenix Drone: An Open-Source ... Platform' -> 'Phoenix Drone'
        if name and " " in name:
            name = _DATASET_NOUN_TAIL.sub("", name)  # 'The EuroCity Persons Dataset: ...' -> 'EuroCity Persons'
    return name


# 'Network Recasting: A Universal Method for ...', 'Homotopic Convex Transformation: A New Method to ...': a
# prefix that reads like a task ('-ing', '-tion') still names the method the rest calls a method
_NEW_METHOD_AFTER = re.compile(r"(?:an?|the)\s+(?:new|novel|universal|general|simple|unified|generic)\s+(?:[\w\-]+\s+){0,2}?"
                               r"(?:method|approach|framework|algorithm|technique)\b", re.I)
_TITLE_SEPARATOR = re.compile(r"\s*:\s+|\s+(?:--|—|–)\s+")
_KIND_AFTER = re.compile(
    r"(?:an?|the)\s+(?:(?!of\s|for\s|to\s)[\w\-]+\s+){0,4}?(?:dataset|benchmark|corpus|toolkit|framework|library|system|model|architecture|"
    r"method|approach|network|tool|platform|suite|algorithm|simulator|engine|pipeline|database|treebank|challenge|"
    # parts, devices and languages a title calls its own ('Digital Passport: A Novel Technological Strategy for ...',
    # 'Jenny 5 -- the robot', 'Neural Query Language: A Knowledge Base Query Language for Tensorflow')
    r"detector|sensor|technique|strategy|loss|kernel|layer|module|regularizer|estimator|classifier|tracker|solver|"
    r"descriptor|language|compiler|robot)s?\b",
    re.I,
)
_TITLE_CASE_NAME = re.compile(r"[A-Z][\w\-+]*(?:\s+(?:of|for|and|[A-Z0-9][\w\-+]*)){0,3}")


def _title_split(title: str) -> tuple[str, str] | None:
    """(prefix, rest) of a title with a ':' or ' -- ' separator, else None."""
    if ":" not in title and "--" not in title and "—" not in title and "–" not in title:
        return None  # every separator holds one of these: most titles skip the regex scan
    match = _TITLE_SEPARATOR.search(title)
    if not match:
        return None
    return title[: match.start()].strip(), title[match.end() :].strip()


_MODEL_FAMILIES = frozenset("gan vae cnn rnn gnn mlp dnn snn".split())  # 'Perturbative GAN:' names one GAN
_VERSION_WORD = re.compile(r"v\d+(?:\.\d+)*")  # 'HWNet v2'
_PLAIN_TITLE_WORD = re.compile(r"[\w\-+]+")


def _prefix_name(prefix: str, known: "set[str] | None") -> str | None:
    """The name a title prefix is, by its shape alone (see :func:`title_prefix_name`)."""
    words = prefix.split()
    if not words or len(words) > 3:
        return None
    if words[0].lower() in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    if len(words) == 1:
        word = words[0]
        low = word.lower()
        if low in STOP_TITLE_WORDS or alias_key(word) in GENERIC or not word[:1].isalnum():
            return None
        if known and low.endswith("s") and alias_key(word[:-1]) in known and alias_key(word) not in known:
            return None  # 'Transformers:' is a plural of a known method
        if is_namelike(word) or (word[:1].isupper() and plain_word_can_be_name(word)):
            return word
        return None
    if len(words) == 3 and words[1] in ("and", "&") and all(
            is_namelike(w) and not (known and alias_key(w) in known) for w in (words[0], words[2])):
        return " ".join(words)  # 'PSDNet and DPDNet: ...': two names (``detect_introduced`` adds each)
    if any(w.lower() in STOP_TITLE_WORDS for w in words):
        return None
    last = words[-1].lower()
    if last.endswith("s") and last[:-1] in HEAD_NOUNS:
        return None  # a plural head ('Efficient Long-Range Transformers') describes a class, not a name
    if not all(w[:1].isupper() or w[:1].isdigit() or _VERSION_WORD.fullmatch(w) for w in words):
        return None
    if words[-1].lower() in ("dataset", "benchmark", "corpus") and is_namelike(words[0]) and not alias_key(words[0]) in GENERIC:
        return " ".join(words[:-1])  # 'EuroCity Persons Dataset': the dataset's name is 'EuroCity Persons'
    if is_namelike(words[0]) and not alias_key(words[0]) in GENERIC:
        return " ".join(words)  # 'DeepSpeed Inference', 'HWNet v2'
    last_family = alias_key(words[-1]) in _MODEL_FAMILIES and not all(
        w.lower() in _GENERIC_TECH_WORDS or alias_key(w) in GENERIC for w in words[:-1])  # 'Perturbative GAN'
    if (is_namelike(words[-1]) and not _VERSION_WORD.fullmatch(words[-1]) and not _PLURAL_CAPS.fullmatch(words[-1]) or last_family) \
            and not words[0].lower().endswith("ing") and all(_PLAIN_TITLE_WORD.fullmatch(w) for w in words):
        # 'Gaussian YOLOv3', 'Structure Tree-LSTM': a modifier and a name ('Explaining AlphaGo' is a gerund's
        # object, "Hello, It's GPT-2" a phrase)
        return " ".join(words)
    if words[-1].lower() in HEAD_NOUNS and words[-1].lower() not in ("dataset", "benchmark", "corpus"):
        return " ".join(words)
    if words[-1].lower() in ("dataset", "benchmark", "corpus") and is_namelike(words[0]):
        return " ".join(words[:-1])
    return None


# ------------------------------------------------------------------------------------------------------
# introduction shapes found by the silver recall check (README, "silver recall check for introduced names")

# 'The proposed network, referred to as SRSCN, comprises ...', 'This technique, referred to as cPCA++, ...'
_REFERRED_AS = re.compile(
    r"(?=[TtOo])\b(?:[Tt]he\s+proposed|[Oo]ur(?:\s+proposed)?|[Tt]his|[Tt]hese)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+,?\s+"
    r"(?:hereafter\s+|henceforth\s+)?referred\s+to\s+as\s+(?:the\s+)?(?P<name>" + _TOKEN + r")(?=\s*[,.;(]|\s+[a-z])"
)
# 'the proposed BSDH method', 'the proposed RDS network achieves', 'the proposed cPCA++ method'
# (matched at each 'proposed ' the text holds, found with str.find: speed only)
_PROPOSED_TOKEN = re.compile(r"proposed\s+(?:(?:method|model|framework|network|architecture|approach|algorithm|system)\s*,?\s+)?"
                             r"(?P<name>" + _TOKEN + r")(?=\s+" + _HEAD_WORDS + r"\b|(?P<bare>\s*[,.;)]|\s+(?:and|on|in|with|to|is|are|can|achieves?|outperforms?)\b))")
_PROPOSED_SUBJECT = re.compile(
    r"proposed\s+(?P<name>" + _TOKEN + r")\s+(?:(?:not(?:\s+only)?|also|further|then|first)\s+)?"
    r"(?:is|are|was|can|could|has|(?:achiev|outperform|surpass|consist|combin|us|learn|work|serv|employ|utiliz|exploit|"
    r"leverag|improv|provid|perform|produc|generat|allow|enabl|yield|reduc|requir|obtain|reach|captur|maintain|"
    r"incorporat|integrat|contain|includ|extract|predict|estimat|adopt|appl|handl|operat|converg|attain|offer|reli|"
    r"build|encod|exhibit|demonstrat|shows|significantly|effectively|successfully|automatically)\w*)\b"
)
# ('the proposed US-Nets and improved training techniques': a bare acronym after 'the proposed' when the abstract
# defined it, 'universally slimmable networks (US-Nets)')
_THE_OR_OUR_BEFORE = re.compile(r"(?:^|[^\w\-])(?:[Tt]he|[Oo]ur)\s+$")
# 'which is composed of two components, i.e., a detection network (DNet) and ...': the parts of the own method
_OWN_PARTS_CUE = re.compile(r"(?=[aicC])\b(?:(?:is|are)\s+composed\s+of|consists?\s+of|comprises?|comprising)\b")
# ('comprises two modules -- a Physics Inference Module (PIM) and ...', 'composed of two newly proposed modules:
# one-to-many incremental line segment merging (OTM-ILSM) and ...')
_PARTS_LEAD = re.compile(r"(?:\s*(?:\w+\s+){0,3}?(?:components?|parts?|modules?|sub-?networks?|stages?|branches)\s*[,:]?)?"
                         r"\s*(?:--?|—|–)?\s*(?:i\.e\.,?|namely,?)?\s*(?:(?:a|an|the|two|three|one)(?=\s))?\s*")
# 'we have engineered a new dataset 'Hishab'': a quoted name right after a new thing's noun
_NEW_QUOTED = re.compile(
    r"(?=n)\b(?:new|novel)\s+(?:[\w\-]+\s+){0,2}?(?:dataset|benchmark|corpus|database|model|method|framework|"
    r"architecture|algorithm|network|function|module|approach|strategy|technique|mechanism)s?\s+(?:[\"'“‘]|``?)"
    r"(?P<name>[A-Z][\w\-+]*(?:\s+[A-Z][\w\-+]*){0,2})[\"'”’]"
    r"(?:\s+and\s+(?:[\"'“‘]|``?)(?P<second>[A-Z][\w\-+]*(?:\s+[A-Z][\w\-+]*){0,2})[\"'”’])?"
)
# 'Based on the obtained City100 dataset', 'the proposed LaPa dataset', 'our new MRW dataset' (not 'a new UAV
# benchmark': after 'a new' the word is as often the task or modality as the name)
_OWN_DATASET = re.compile(
    r"(?P<cue>obtained|collected|constructed|proposed|new|novel)\s+(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})"
    r"\s+(?:dataset|benchmark|corpus|database)\b"
)
# 'The Wiki Music dataset: A tool for ...': a Title Case name before the dataset noun of a title prefix
_TITLE_DATASET = re.compile(
    r"(?:The\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s+(?:dataset|benchmark|corpus|database)\s*(?::|--|—)"
)
# 'what we refer to as slo-mo playback.': a lower-case coinage in the paper's own naming relative clause
_WHAT_WE_CALL = re.compile(
    r"\bwhat\s+we\s+(?:call|term|name|dub|refer\s+to\s+as)\s+[\"“']?(?P<name>" + _LOWER_WORD + r"(?:\s+" + _LOWER_WORD
    + r"){0,2})[\"”']?\s*[.,;]"
)
# 'a novel evaluation metric called Frechet point cloud distance (FPD)': a metric, not a method (guidelines)
# 'we also introduce the corrected segmentation rate (CSR) metric': the name's own head noun says it is a measure
_METRIC_AFTER = re.compile(r"\)?\s*(?:evaluation\s+)?(?:metric|measure)s?\b")
_METRIC_NAMED = re.compile(
    r"\b(?:metric|measure|score)s?\s*,?\s+(?:called|named|namely|termed|dubbed|coined|we\s+(?:call|term|name|dub))\s+(?:as\s+)?(?:the\s+)?$"
    # 'We propose a new metric, PARENT, which', 'an alternative metric RUBY': one metric the paper puts the name to
    # (not 'nine performance metrics, RAPDNet outperforms')
    r"|\b(?:an?|our|new|novel|proposed)\s+(?:[\w\-]+\s+){0,3}?(?:metric|measure)\s*,?\s+(?:the\s+)?$"
)
# 'we also propose the Funny Score, which ...': a name whose last word is a measure's head noun
_METRIC_HEAD = re.compile(r"\s(?:[Ss]core|[Mm]etric)s?$")
# 'we obtain a mIoU of 75.6%', 'LBD score of 2', 'cDC = 1', '27.6% HYPE-Infinity deception rate': a name written as
# the quantity a number measures is a measure the field uses, not a method or dataset the paper coins
_MEASURED_AFTER = re.compile(r"\s*(?:(?:scores?|values?)\s+(?:of|=)\s*\d|of\s+\d+(?:\.\d+)?\s*%|=\s*\d)")
_MEASURED_BEFORE = re.compile(r"\d\s*%\s*$")


_MORE_CUES = ("referred", "proposed ", "composed of", "consist of", "consists of", "compris", "new ", "novel ", "what we",
              "obtained ", "collected ", "constructed ")
# one automaton pass instead of a str.find / 'in' scan of the abstract per cue (~1 us each)
_MORE_CUE_AUTOMATON = ahocorasick_rs.AhoCorasick(_MORE_CUES, implementation=ahocorasick_rs.Implementation.DFA)


def _more_cues(abstract: str) -> dict[str, list[int]]:
    """Start offsets of each of :data:`_MORE_CUES` in ``abstract``, ascending (what repeated str.find gives;
    no cue overlaps itself)."""
    found: dict[str, list[int]] = {cue: [] for cue in _MORE_CUES}
    for index, start, _ in _MORE_CUE_AUTOMATON.find_matches_as_indexes(abstract, overlapping=True):
        found[_MORE_CUES[index]].append(start)
    return found


def _more_introduced(
    title: str, abstract: str, found: dict, known: "set[str]", definitions: list[Definition]
) -> list[tuple[str, str, str, list[str], bool]]:
    """(name, kind, evidence, aliases, coined) of introduction shapes the main cues miss: 'referred to as X'
    after an own subject, 'the proposed X method', the defined parts of an own method ('composed of a
    detection network (DNet) and ...'), further definitions listed right after an introduced one ('(CF-LBP)
    and a ... (CF-HOG)'), 'a new dataset 'X'', a title 'The X dataset: ...', 'what we refer to as x y'."""
    out: list[tuple[str, str, str, list[str], bool]] = []

    def fresh(name: str) -> bool:
        key = alias_key(name)
        return is_short_form(name) and key not in known and key not in GENERIC and not _COMPOUND_TAIL.search(name)

    cues = _more_cues(abstract)
    if cues["referred"]:
        for match in _REFERRED_AS.finditer(abstract):
            if fresh(match.group("name")):
                clause = _clause_around(abstract, match.start(), match.end())
                out.append((match.group("name"), _kind(match.group("name"), clause), clause.strip(), [], False))
    for at in cues["proposed "]:
        match = _PROPOSED_TOKEN.match(abstract, at) if _THE_OR_OUR_BEFORE.search(abstract, max(0, at - 5), at) else None
        if match:
            name = match.group("name")
            if fresh(name) and is_namelike(name) and (not match.group("bare") or any(d.short == name for d in definitions)):
                clause = _clause_around(abstract, match.start(), match.end())
                out.append((name, _kind(name, clause), clause.strip(), [], False))
        elif abstract[max(0, at - 4) : at] in ("The ", "Our ") and start_of_sentence(abstract, at) >= at - 4:
            # 'The proposed SeqConv serves as ...', 'The proposed DN4 not only learns ...': a sentence whose subject is
            # the proposed name, followed by its verb (undefined names too)
            match = _PROPOSED_SUBJECT.match(abstract, at)
            if match and fresh(match.group("name")) and is_namelike(match.group("name")) and alias_key(match.group("name")) not in known:
                clause = _clause_around(abstract, match.start(), match.end())
                out.append((match.group("name"), _kind(match.group("name"), clause), clause.strip(), [], False))
    has_parts_cue = bool(cues["composed of"] or cues["consist of"] or cues["consists of"] or cues["compris"])
    # the names found so far: read only by the parts and listed-definition rules below
    named = {alias_key(n) for n in found} | {alias_key(o[0]) for o in out} if has_parts_cue or definitions else set()
    for match in _OWN_PARTS_CUE.finditer(abstract) if has_parts_cue else ():
        start = start_of_sentence(abstract, match.start())
        subject = abstract[start : match.start()]
        own = re.search(r"\b(?:proposed|[Oo]ur)\b", subject) or any(
            alias_key(t) in named for t in TOKEN_RE.findall(subject) if len(t) > 2)
        lead = _PARTS_LEAD.match(abstract, match.end())
        acr = _ACRONYM_IN.match(abstract, abstract.find("(", lead.end()))
        if not own or not acr or not is_short_form(acr.group("acr")) or re.search(r"[;]|\.\s", abstract[match.end() : acr.start()]):
            continue
        span = _long_form_before(abstract, acr.start(), acr.group("acr"))
        if not span or span[0] != lead.end():
            continue
        clause = _clause_around(abstract, match.start(), acr.end()).strip()
        for short, long_form in [(acr.group("acr"), abstract[span[0] : span[1]]), *_listed_definitions(abstract, acr.end())]:
            if fresh(short):
                out.append((short, "method", clause, [long_form], False))
    for d in definitions:
        if alias_key(d.short) in named and d.long_span[1] < d.short_span[0]:
            for short, long_form in _listed_definitions(abstract, d.short_span[1] + 1):
                if fresh(short) and _NOVEL_OR_OWN.search(abstract, max(0, d.long_span[0] - 40), d.long_span[0]):
                    out.append((short, "method", _clause_around(abstract, d.short_span[0], d.short_span[1]).strip(), [long_form], False))
    for at in [*cues["new "], *cues["novel "]]:
        match = _NEW_QUOTED.match(abstract, at) if at == 0 or not abstract[at - 1].isalnum() else None
        if match is None:
            continue
        for name in filter(None, (match.group("name"), match.group("second"))):  # 'two new encoding methods "A" and "B"'
            if alias_key(name) not in known and _valid_name(name, strong=True):
                out.append((name, _kind(name, match.group()), _clause_around(abstract, match.start(), match.end()).strip(), [], False))
    for at in [*cues["proposed "], *cues["obtained "], *cues["collected "], *cues["constructed "], *cues["new "], *cues["novel "]]:
        before = _THE_OR_OUR_BEFORE.search(abstract, max(0, at - 5), at)
        match = _OWN_DATASET.match(abstract, at) if before else None
        if match and (match.group("cue") == "proposed" or (match.group("cue") in ("new", "novel")) == before.group().strip().lower().endswith("our")) \
                and alias_key(match.group("name")) not in known and _valid_name(match.group("name"), strong=True):
            out.append((match.group("name"), "dataset", _clause_around(abstract, at, match.end()).strip(), [], False))
    title_match = _TITLE_DATASET.match(title) if _has_data_noun(title) else None  # (its nouns are lower case: few titles)
    if title_match and alias_key(title_match.group("name")) not in known and _valid_name(title_match.group("name"), strong=True) \
            and not all(w.lower() in _GENERIC_TECH_WORDS for w in title_match.group("name").split()):
        out.append((title_match.group("name"), "dataset", title, [], False))
    if cues["what we"]:
        for match in _WHAT_WE_CALL.finditer(abstract):
            name = match.group("name")
            if alias_key(name) not in known and (" " in name or "-" in name) and not _NOT_COINED.search(name):
                out.append((name, "method", _clause_around(abstract, match.start(), match.end()).strip(), [], True))
    return out


# --- recall shapes (issue 3): each rule below was checked for precision on unlabelled arXiv abstracts ---

# an abstract reports its own results: an uncatalogued name that outperforms others or sets the state of the art
# is the paper's ('Notably, the ShuffleNet-V2+BFT outperforms ...', ', dasNet outperforms the previous
# state-of-the-art model', ', AmoebaNet-A sets a new state-of-the-art')
_WIN_VERB = re.compile(
    r"\s+(?:also\s+|significantly\s+|consistently\s+|clearly\s+|further\s+)?"
    r"(?:outperforms|surpasses|achieves\s+(?:a\s+)?(?:new\s+)?state-of-the-art|sets\s+a\s+new\s+state)\b"
)
_WIN_SUBJECT = re.compile(
    r"(?:^|[.;]\s+|,\s+)(?:[A-Z][a-z]+,\s+)?(?:[Tt]he\s+)?(?P<name>[A-Za-z][\w\-+]*)"
    r"(?:\s+(?:model|method|framework|approach|network|system|algorithm))?$"
)


def _has_win_words(abstract: str) -> bool:
    """Whether ``abstract`` holds a substring every ``_WIN_VERB`` match needs: a gate of ~1 us against the
    regex's ~20 us."""
    return "outperforms" in abstract or "surpasses" in abstract or "new state" in abstract or "achieves state" in abstract


def _winning_names(abstract: str, known: "set[str]", definitions: list[Definition]) -> list[tuple[str, int]]:
    """(name, position) of uncatalogued name-like subjects of 'outperforms' / 'surpasses' / 'achieves (a new)
    state-of-the-art' (``_WIN_VERB``), outside sentences about earlier work. A plain capitals acronym must be
    one the abstract defines ('the FPGA outperforms the others' is hardware, not a method)."""
    out = []
    defined = {d.short for d in definitions}
    for verb in _WIN_VERB.finditer(abstract):
        lo = max(0, verb.start() - 120)
        subject = _WIN_SUBJECT.search(abstract, lo, verb.start())
        if subject is None:
            continue
        name = subject.group("name")
        key = alias_key(name)
        if not is_namelike(name) or key in known or key in GENERIC or (name.isupper() and name not in defined):
            continue
        if _EARLIER.search(abstract, start_of_sentence(abstract, subject.start("name")), verb.start()):
            continue  # 'Recently, X outperforms ...': earlier work
        out.append((name, subject.start("name")))
    return out

_TITLE_WORDS = re.compile(r"[a-z0-9]+")
# what a task is called: a title that spells out 'single image super-resolution (SISR)' names the problem, not a method
_TASK_HEADS = frozenset(
    """recognition detection segmentation estimation answering captioning classification translation generation
    retrieval localization localisation tracking extraction analysis prediction identification reconstruction
    resolution synthesis completion summarization summarisation parsing labeling labelling understanding
    forecasting navigation inference verification recommendation matching alignment registration
    reidentification re identification diagnosis imaging editing transfer learning odometry mapping slam problem problems""".split()
)
_TASK_AFTER = re.compile(r"\)?\s*(?:task|problem|setting|challenge)s?\b")
_TITLE_TOPIC_BEFORE = re.compile(r" (?:of|for|on|in|towards?) $")
# the verb that makes a spelled-out definition the paper's own, right before it: 'we consider a marginalized
# importance sampling (MIS) estimator', 'to design a cross-task guided attention (CGA) module' (an article and up
# to two modifiers between). Present tense only: 'the recently introduced Tsetlin Machine (TM)' and 'Recently,
# ... we proposed a continuous sinusoidal model (CSM)' are prior work; 'the' may pick a known thing ('we
# introduce the multi-index hashing (MIH) mechanism into ...'); 'study' and 'consider' take 'a' / 'an' only
# ('This paper considers Safe Policy Improvement (SPI)' is a problem)
_OWN_VERB_BEFORE = re.compile(
    r"(?:\b(?:propos(?:e|es|ing)|introduc(?:e|es|ing)|present(?:s|ing)?|design(?:s|ing)?|develop(?:s|ing)?|devis(?:e|es|ing)|"
    r"newly\s+(?:proposed|introduced|designed|developed))\s+(?:(?:a|an|our)\s+)?"
    r"|\b(?:stud(?:y|ies)|consider(?:s|ing)?)\s+(?:a|an)\s+)"
    r"(?:(?!(?:the|of|for|to|in|on|with|from|by|upon|into|over|under|as)\s)[\w\-]+,?\s+){0,2}$"
)


def _title_spelled_definitions(title: str, abstract: str, definitions: list[Definition], known: "set[str]") -> list[tuple[str, str, int]]:
    """(short, long form, position) of abstract definitions whose long form the title spells out and that the
    abstract's own sentence proposes: 'Stochastic Gradient Push for Distributed Deep Learning' with 'This paper
    studies Stochastic Gradient Push (SGP)', '... with Cross-task Guided Attention' with 'to design a cross-task
    guided attention (CGA) module'. A title names what the paper is about, and a proposing verb right before
    the definition makes it the paper's own; not a task ('single image super-resolution (SISR)'), a plural
    family ('Bayesian Neural Networks (BNNs)'), nor what a title's 'role of X', 'for X', 'towards X' names."""
    if not definitions:
        return []
    title_words = None
    out = []
    for d in definitions:
        if d.long_span[1] > d.short_span[0] or not is_short_form(d.short) or alias_key(d.short) in known or \
                _PLURAL_ACRONYM.fullmatch(d.short):
            continue  # a plural ('Bayesian Neural Networks (BNNs)') is a family the paper works with
        words = _TITLE_WORDS.findall(d.long.lower())
        if len(words) < 2 or ". " in d.long or words[-1] in _TASK_HEADS or alias_key(d.long) in known or all(
                w in _GENERIC_TECH_WORDS or w in _STOP for w in words):
            continue
        if title_words is None:
            title_words = " " + " ".join(_TITLE_WORDS.findall(title.lower())) + " "
        at = title_words.find(" " + " ".join(words) + " ")
        if at == -1 or _TITLE_TOPIC_BEFORE.search(title_words, 0, at + 1):
            continue  # 'the role of short-range order in ...', '... for Case-Based Reasoning': what is studied or served
        if not _OWN_VERB_BEFORE.search(abstract, max(0, d.long_span[0] - 60), d.long_span[0]) or abstract.startswith(
                "-", d.short_span[1] + 1) or _TASK_AFTER.match(abstract, d.short_span[1]):
            continue
        out.append((d.short, d.long, d.long_span[0]))
    return out


# 'on a new Debate Emotion data set', 'we establish a new WHU VIS-NIR database', 'a new instance-level photo-sketch
# dataset - Hairstyle Photo-Sketch dataset': a Title Case name that a new dataset noun carries
_NEW_DATASET_NAMED = re.compile(  # matched at each 'new ' / 'novel ' (str.find: speed); 'a' / 'our' checked before it
    r"(?:new|novel)\s+(?:"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?:data\s?set|benchmark|corpus|database)\b"
    r"|(?:(?:[a-z][\w\-]*|\d[\w\-]*)\s+){0,2}?(?:data\s?set|benchmark|corpus|database)\s*(?:-+|–|—|:|,)\s*(?:the\s+)?(?P<after>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})"
    r"(?=\s+(?:data\s?set|benchmark|corpus|database)\b|\s*[,.;(]))"
)
_A_OR_OUR_BEFORE = re.compile(r"(?:^|[^\w\-])(?:a|our)\s+$")


_DATA_NOUN = re.compile(r"data\s?set|benchmark|corpus|database")
_DATA_SPACED = re.compile(r"data\sset")  # (a literal prefix: sre's fast prefix scan, not a try at every 'b', 'c', 'd')


def _has_data_noun(text: str) -> bool:
    """Whether :data:`_DATA_NOUN` occurs in ``text``, by substring tests (a whole-abstract regex scan costs
    ~3x as much; the regex runs only for 'data' + one whitespace + 'set')."""
    return "benchmark" in text or "corpus" in text or (
        "data" in text and ("dataset" in text or "database" in text or _DATA_SPACED.search(text) is not None))
# 'a new dataset for figure captioning, FigCAP', 'a brand-new synthetic 2D shape dataset, InShape;', 'a new dataset for
# periocular in the wild, namely Ethnic-ocular dataset': a Title Case name set off after a new dataset noun
_NEW_DATASET_APPOSED = re.compile(
    r"\b(?:new|novel|newly\s+\w+)\s+(?:[\w\-']+\s+){0,5}?(?:data\s?set|benchmark|corpus|database)s?"
    r"(?:\s+(?:of|for|on|from)\s+[^,.;:()]{0,60})?\s*(?:,|:|--|—)\s*(?:called\s+|named\s+|namely\s+|the\s+)?"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"
    r"(?=\s*[,.;(]|\s+(?:which|that|containing|consisting|with|comprising|dataset|benchmark|corpus)\b)"
)
# 'our own FashionStyle datasets', 'we will release our InterSegHands dataset': the paper's data by name
_OUR_NAMED_DATASET = re.compile(
    r"\b[Oo]ur\s+(?:new\s+|own\s+|collected\s+|proposed\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s+"
    r"(?:data\s?set|benchmark|corpus|database)s?\b"
)


def _own_dataset_names(abstract: str, known: "set[str]", definitions: list[Definition]) -> list[tuple[str, int]]:
    """(name, position) of datasets the paper names as its own new data: in apposition to a new dataset noun ('a
    newly created dataset, FreebaseQA') or after 'our' ('our FVI dataset'). Catalogued names (someone else's
    data) and generic words stay out. ``definitions``: ``find_definitions(abstract)``."""
    out = []
    for pattern, cues in ((_NEW_DATASET_APPOSED, ("new ", "novel ", "newly ")), (_OUR_NAMED_DATASET, ("our ", "Our "))):
        # (only where a dataset noun follows within a clause's length: the regex runs at few places)
        starts = [(start, None) for start, _ in _find_all(abstract, cues) if _DATA_NOUN.search(abstract, start, start + 140)]
        for match in _matches_in(pattern, abstract, starts) if starts else ():
            name = match.group("name")
            key = alias_key(name)
            if key in known or key in GENERIC or name.lower() in _COMMON_WORDS or name.lower() in STOP_TITLE_WORDS:
                continue
            if pattern is _OUR_NAMED_DATASET and " " not in name and not is_namelike(name):
                continue  # 'our Singapore dataset': a plain word after 'our' says where the data is from
            if any(d.short == name and _PROCESS_ENDING.search(d.long) for d in definitions):
                continue  # 'Retinal image quality assessment (RIQA) ... Our RIQA dataset': data for a task
            out.append((name, match.start("name")))
    return out


def _new_named_datasets(title: str, abstract: str, known: "set[str]", definitions: list[Definition]) -> list[tuple[str, int]]:
    """(name, position) of Title Case names a new dataset noun carries: 'a new Debate Emotion data set'. Only after
    'a new' / 'our new': the article makes the dataset the paper's own ('the new X dataset' may be anyone's). Not
    a language pair ('a new Spanish--Wixarika dataset') nor a short form the abstract defines ('salient object
    detection (SOD)' ... 'a new SOD dataset', 'Unmanned Aerial Vehicles (UAVs)' ... 'a new UAV benchmark'):
    what the data is for, not the dataset's name; nor a lone capitals token ('a new RGB-D dataset'), more often
    the data's modality than its name."""
    out = []
    for at, _ in _find_all(abstract, ("new ", "novel ")):
        before = abstract.endswith(("a ", "our "), max(0, at - 4), at)
        match = _NEW_DATASET_NAMED.match(abstract, at) if before and _A_OR_OUR_BEFORE.search(abstract, max(0, at - 5), at) else None
        if match is None:
            continue
        name = match.group("name") or match.group("after")
        if alias_key(name) in known or not _valid_name(name, strong=True) or "--" in name or any(
                d.short in (name, name + "s") for d in definitions) or f" for {name.lower()}" in title.lower() or \
                re.fullmatch(r"[A-Z\-]+", name):
            continue  # (a title's 'for Short-Text Conversation' says the name is the task the data serves)
        out.append((name, match.start()))
    return out


# 'we introduce a trio of techniques (PSWA, PWALKS, and PSWM)', 'we propose two variants: X and Y.': a counted own
# proposal whose names follow in parentheses or after a colon
_COUNTED_OWN_NAMES = re.compile(  # matched at each proposal cue word after 'we' / 'this paper' (speed)
    r"(?:propose|present|introduce|develop|design)[sd]?\s+"
    r"(?:a\s+(?:trio|pair|set|family|suite|couple)\s+of|two|three|four|five)\s+(?:new\s+|novel\s+)?(?:[\w\-]+\s+){0,2}?"
    # any plural head noun ('two new LAEO datasets: UCO-LAEO and AVA-LAEO', 'two novel frameworks: denoising-GAN
    # and demixing-GAN'); the items must all be names
    r"[a-z][a-z\-]*[^s\W]s"
    r"(?:\s*\((?P<paren>[^()]{3,80})\)"
    # after a colon, 'i.e.' or 'namely', up to the sentence's end or a clause ('two implementations on the basis
    # of STN, i.e., STNM and STNR, where ...', 'two 3D-CNN methods: MicroExpSTCNN and MicroExpFuseNet, for ...')
    r"|(?:\s+(?:on|for|of|in|with)\s+[^.;:()]{1,40}?)?(?:\s*:|,?\s+(?:i\.e\.|namely),?)\s*(?P<colon>[^.;:()]{3,80}?)"
    r"(?=\s*[.;]|,\s+(?:which|that|where|for|to|and|both)\b|\s+(?:which|that|where|for|to|based|with)\b))"
)

_WE_BEFORE = re.compile(r"(?:^|[^\w\-])(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+$")


def _counted_own_names(abstract: str, known: "set[str]", positions: "list[int]") -> list[tuple[str, int]]:
    """(name, position) of each name in a counted own list in parentheses or after a colon; every item must be
    a name ('(PSWA, PWALKS, and PSWM)': one or two capitalised words, one name-like), else the list is a
    description and gives nothing. ``positions``: the proposal cue words' offsets (``_trigger_positions``)."""
    out = []
    for at in positions:
        match = _COUNTED_OWN_NAMES.match(abstract, at) if _WE_BEFORE.search(abstract, max(0, at - 12), at) else None
        if match is None:
            continue
        group = "paren" if match.group("paren") else "colon"
        items = [i.strip() for i in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match.group(group).strip()) if i.strip()]
        if len(items) < 2 or not all(_LIST_ITEM.fullmatch(i) and any(is_namelike(w) for w in i.split()) and alias_key(i) not in known
                                     for i in items):
            continue
        out.extend((item, match.start(group)) for item in items)
    return out


# 'formed by a newly proposed dense atrous convolution (DAC) block and residual multi-kernel pooling (RMP) block':
# a definition right after 'a new' / 'a novel' / 'a newly proposed', and the definitions listed after it
_NEW_RIGHT_BEFORE = re.compile(r"\b(?:a|an|our)\s+(?:newly\s+(?:proposed|designed|developed|introduced)|novel|new)\s+$")


def _new_definitions(abstract: str, definitions: list[Definition], known: "set[str]") -> list[tuple[str, str, int]]:
    """(short, long form, position) of a definition that 'a new' / 'a novel' / 'a newly proposed' opens, lower
    case or not, and of the definitions listed right after it (list glue only between them); not one that
    qualifies a technique ('(MIP) based')."""
    out = []
    for d in definitions:
        if d.long_span[1] > d.short_span[0] or not _NEW_RIGHT_BEFORE.search(abstract, max(0, d.long_span[0] - 30), d.long_span[0]) \
                or _TECHNIQUE_AFTER.match(abstract, d.short_span[1] + 1):
            continue  # 'a new mixed integer programming (MIP) based approach': the new thing is the approach
        for short, long_form in [(d.short, d.long), *_listed_definitions(abstract, d.short_span[1] + 1)]:
            if is_short_form(short) and alias_key(short) not in known and not _PLURAL_ACRONYM.fullmatch(short):
                out.append((short, long_form, d.long_span[0]))
    return out


# 'We propose in this paper a combined model of Long Short Term Memory and Convolutional Neural Networks (LSTM-CNN)':
# a combination of named parts, abbreviated, is the paper's own model
_COMBINED_OF = re.compile(
    r"\b(?:propos|present|introduc|develop|design|build)\w*\b[^.;]{0,40}?\b(?:a|an|our)\s+(?:new\s+|novel\s+)?"
    r"(?:combined|hybrid|joint|fused|ensemble)\s+(?:[\w\-]+\s+)?(?:model|architecture|network|framework|approach|method)\s+"
    r"(?:of|combining|that\s+combines)\s+(?:the\s+)?$"
)


def _combined_definitions(abstract: str, definitions: list[Definition], known: "set[str]") -> list[tuple[str, str, int]]:
    """(short, long form, position) of a proposed combination's definition: 'a combined model of X and Y (X-Y)'."""
    out = []
    for d in definitions:
        if d.long_span[1] < d.short_span[0] and " and " in d.long and is_short_form(d.short) and alias_key(d.short) not in known \
                and _COMBINED_OF.search(abstract, max(0, d.long_span[0] - 120), d.long_span[0]):
            out.append((d.short, d.long, d.long_span[0]))
    return out


# 'The proposed method DML-CRC gives state-of-the-art performance': a name in apposition to 'the proposed' /
# 'our proposed' and a method noun, followed by its verb
_PROPOSED_HEAD_NAME = re.compile(  # matched at each 'proposed ' after 'the' / 'our' (str.find: speed)
    r"proposed\s+(?:method|model|framework|network|architecture|approach|algorithm|system)"
    r"\s*,?\s+(?P<name>" + _TOKEN + r")(?=\s+[a-z]{2,}\b)"
)


def _proposed_head_names(abstract: str, known: "set[str]") -> list[tuple[str, int]]:
    """(name, position) of a name-like token after 'the proposed method' and before a lower-case word."""
    out = []
    for at, _ in _find_all(abstract, ("proposed ",)):
        before = abstract.endswith(("he ", "ur "), max(0, at - 3), at)
        match = _PROPOSED_HEAD_NAME.match(abstract, at) if before and _THE_OR_OUR_BEFORE.search(abstract, max(0, at - 5), at) else None
        if match is None:
            continue
        name = match.group("name")
        if is_namelike(name) and is_short_form(name) and alias_key(name) not in known and not _COMPOUND_TAIL.search(name):
            out.append((name, match.start("name")))
    return out


# 'we introduce a new algorithm, Optimistic Adam, which ...', 'we propose a novel bootstrapping approach, Neural
# Snowball, ...': a Title Case name of two or more words in apposition to a new thing's head noun
_NEW_HEAD_APPOSED = re.compile(
    r"(?=[n])\b(?:new|novel)\s+(?:[\w\-]+\s+){0,4}?"
    # the head noun may be capitalised in a Title Case long form: 'a novel Fully Convolutional Network (FCN), RatLesNet,'
    r"(?i:model|method|framework|approach|system|algorithm|architecture|network|module|pipeline|scheme|technique|"
    r"strategy|mechanism|loss|layer|block|head|representation|embedding|dataset|benchmark|corpus|database|tool|toolkit|"
    r"library|platform|agent|policy|optimizer|estimator|detector|tracker|planner|controller|encoder|decoder|classifier|"
    r"variant)(?:\s*\([^()]{1,15}\))?\s*,\s+(?:(?:the|namely|called|named|dubbed|termed)\s+)?"
    r"(?P<name>[A-Z][\w\-+]*(?:\s+[A-Z][\w\-+]*){0,3})(?=\s*[,(.;]|\s+(?:which|that|to|for|is|capable)\b)"
)
_NEW_HEAD_APPOSITION = re.compile(  # matched at each proposal cue word (speed)
    r"(?:propos|introduc|present|develop|design)\w*\s+(?:a|an)\s+(?:new|novel)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:model|method|framework|approach|system|algorithm|architecture|network|module|pipeline|scheme|technique|"
    r"strategy|mechanism|loss|layer|block|dataset|benchmark|corpus|database|tool|toolkit|library|platform|agent|"
    r"policy|optimizer|estimator|detector|tracker|planner|controller|encoder|decoder|classifier|paradigm|variant)"
    r",\s+(?:called\s+|named\s+|dubbed\s+|termed\s+)?(?:the\s+)?[\"“]?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,3})[\"”]?"
    r"(?=\s*[,(;.]|\s(?:which|that|to|for|with)\b)"
)


def _new_head_appositions(abstract: str, known: "set[str]", positions: "list[int]") -> list[tuple[str, int]]:
    """(name, position) of a multi-word Title Case name that an own proposal puts after a new thing's head noun
    and a comma (a one-word name there is read by the proposal-object rules). ``positions``: the proposal cue
    words' offsets (``_trigger_positions``)."""
    out = []
    for at in positions:
        match = _NEW_HEAD_APPOSITION.match(abstract, at)
        if match is None or not _own_subject(abstract, at):
            continue
        name = match.group("name")
        if alias_key(name) not in known and _valid_name(name, strong=True):
            out.append((name, match.start("name")))
    # the same apposition without the proposal verb right before, with a one-word name too: 'These results inspire
    # a new algorithm, Adaptive On-Policy Regularization (AOR), that ...', 'In this paper, a new deep neural network,
    # UtterIdNet, capable of ...', 'we develop a new architecture, the Poly-encoder, that ...'
    cues = [(start, None) for start, _ in _find_all(abstract, ("new ", "novel ")) if abstract.find(", ", start, start + 110) != -1]
    for match in _matches_in(_NEW_HEAD_APPOSED, abstract, cues) if cues else ():
        name = match.group("name")
        if alias_key(name) in known or any(name == n for n, _ in out) or _EARLIER.search(
                abstract, start_of_sentence(abstract, match.start()), match.start()):
            continue
        if _valid_name(name, strong=True) if " " in name else (is_namelike(name) or plain_word_can_be_name(name)):
            out.append((name, match.start("name")))
    return out


# an own proposal right before a definition whose list continues: 'we propose a convolution-free ...'
_NOVEL_OR_OWN = re.compile(r"\b(?:propose[sd]?|introduce[sd]?|present(?:s|ed)?|novel|new|our)\b(?:\s+[\w\-]+){0,3}\s*$")


_MIXED_OR_DIGIT = re.compile(r"[a-z\d]")


def is_field_term(name: str, aliases: "Iterable[str]", year: int | None, field_terms: "FieldTerms | None" = None) -> bool:
    """Whether the acronym ``name``, spelled out as ``aliases``, is a term of the field rather than a coinage:
    ``field_terms`` (default: the packaged lexicon) lists it with the same words, head nouns included ('Long Term
    Memory network (LTM)' is not 'long-term memory'; without a long form, any reading counts), first written in a
    year before ``year`` (a reading first seen in the paper's own year may be its coinage that others took up;
    with no year, any reading counts)."""
    readings = (packaged_field_terms() if field_terms is None else field_terms).get(alias_key(name))
    if not readings or not is_short_form(name):
        return False
    # what the paper spells it as: its long forms, else any alias ('NetWorks (NW)'); none: used bare
    own = {_reading(o, heads=True) for o in long_forms_of(name, aliases) or aliases}
    return any((not own or _reading(form, heads=True) in own) and (year is None or first < year) for form, first in readings)


def _drop_field_terms(found: dict, order: list[str], field_terms: "FieldTerms", year: int, title_key: str) -> None:
    """Drop introduced acronyms that are terms of the field (``is_field_term``): 'a monocular Simultaneous
    Localization and Mapping (SLAM) algorithm', 'an image quality assessment (IQA) method', 'our SLAM method'.
    Papers that merely work in a field write its acronym as if it were theirs, and other papers would then cite
    them for it. The title's name stays. Only all-capitals acronyms: a name with lower-case letters or digits
    ('LiDAR', 'seq2seq') is a corpus name, which links across papers unless the corpus's own definitions mark it a
    field term (``pipeline._CorpusNames``; its introducer keeps it)."""
    for key in list(order):
        intro = found[key]
        if _MIXED_OR_DIGIT.search(intro.name) or title_key in (key, *(alias_key(a) for a in intro.aliases)):
            continue
        if is_field_term(intro.name, intro.aliases, year, field_terms):
            del found[key]
            order.remove(key)


def _drop_metric_names(abstract: str, found: dict, order: list[str]) -> None:
    """Remove names the abstract introduces as a metric ('a novel evaluation metric called ... (FPD)', 'a new
    metric, PARENT, which', 'the Funny Score'): the guidelines count new methods and datasets, not measures."""
    for key in list(order):
        intro = found[key]
        for surface in [*intro.aliases, intro.name]:
            at = abstract.find(surface)
            if at != -1 and (_METRIC_NAMED.search(abstract, max(0, at - 60), at) or _METRIC_AFTER.match(abstract, at + len(surface))
                             or _METRIC_HEAD.search(surface) or _measured(abstract, surface, at)):
                del found[key]
                order.remove(key)
                break


def _measured(abstract: str, surface: str, at: int) -> bool:
    """Whether the abstract writes ``surface`` (first found at ``at``) as a quantity with its value: 'a mIoU of
    75.6%', 'cDC = 1', '27.6% HYPE-Infinity'. Every whole-word occurrence counts; a cheap test for a digit comes
    first (most abstracts' names are never measured)."""
    while at != -1:
        end = at + len(surface)
        # a whole name: not 'HYPE' of 'HYPE-Infinity'
        whole = not re.match(r"[\w\-]", abstract[end : end + 1]) and not (at and re.match(r"[\w\-]", abstract[at - 1]))
        if whole and (_MEASURED_AFTER.match(abstract, end) or _MEASURED_BEFORE.search(abstract, max(0, at - 12), at)):
            return True
        at = abstract.find(surface, end)
    return False


# 'we propose a new loss function, called grading loss, which ...', 'a novel training framework for GANs, namely
# biphasic learning,', 'a new type of layer, named median layer,': a lower-case name a naming word gives the
# head noun of an own proposal (the naming word's offset is where the match starts)
_HEAD_NAMED_NOUNS = (
    r"(?:model|framework|method|approach|algorithm|network|layer|module|loss|scheme|technique|mechanism|architecture|"
    r"protocol|strategy|structure|operator|procedure|unit|block|function|estimator|classifier|regularizer|objective|"
    r"pipeline|system|policy|encoder|decoder|autoencoder|extension|variant|formulation|descriptor|kernel|optimizer|"
    r"solver|graph|transform|transformation|distance|divergence|embedding|machine)s?"
)
_HEAD_BEFORE_NAMING = re.compile(
    r"\b" + _HEAD_NAMED_NOUNS + r"(?:\s+(?:for|of)\s+[\w\-]+)?(?:\s*\([^()]{1,20}\))?\s*,?\s+$"
)
_NAMED_LOWER = re.compile(
    r"(?:called|named|dubbed|termed|coined|namely)\s+(?:as\s+)?(?:(?:a|an|the)\s+)?[\"“']?"
    r"(?P<name>(?!(?:a|an|the|this|these|our)\s)[a-z][a-z0-9\-]+(?:\s+[a-z][a-z0-9\-]+){1,3})[\"”']?(?=\s*[,.;(])"
)
_OWN_PROPOSAL_BEFORE = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work|study|article|letter))\s+(?:\w+\s+){0,2}?"
    r"(?:propose|introduce|present|develop|design|devise|describe|formulate|construct|build)[sd]?\b(?!\s+that\b)"
)  # not a claim: 'we propose that depthwise convolution (DWC) is used to ...'
_USE_BEFORE_NAMING = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|adopt\w*|employ\w*|appl(?:y|ies|ied|ying)|utiliz\w*)\b"
    # 'and describe ... experiments ... with an approach called soft targets': a means, unless new ('with a new
    # type of layer, named median layer')
    r"|\b(?:with|by|via|through|from)\s+(?:an?|the)\s+(?!(?:[\w\-]+\s+){0,3}?(?:new|novel)\b)(?:[\w\-]+\s+){0,4}?"
    + _HEAD_NAMED_NOUNS + r"\s*,?\s+$"
)


def _head_named_lower(abstract: str, known: "set[str]", positions: "list[int]") -> list[tuple[str, list[str], int, bool]]:
    """(name, aliases, position, coined) of a name that a naming word ('called', 'named', 'namely', ...) gives the
    head noun of the paper's own proposal in lower case ('we propose a new loss function, called grading loss');
    a short form right after it ('called generalized recursive reasoning (GR2)') is the name, the phrase its long
    form. Not a use of someone else's ('matches the two densities using a method called normalizing flow').
    ``positions``: the naming cue words' offsets (``_trigger_positions``)."""
    out = []
    for at in positions:
        match = _NAMED_LOWER.match(abstract, at)
        if match is None or not _HEAD_BEFORE_NAMING.search(abstract, max(0, at - 48), at):
            continue
        sentence_start = start_of_sentence(abstract, at)
        proposal = _OWN_PROPOSAL_BEFORE.search(abstract, sentence_start, at)
        if proposal is None or _USE_BEFORE_NAMING.search(abstract, proposal.end(), at) or _EARLIER.search(abstract, sentence_start, at):
            continue
        name = match.group("name")
        if name.startswith("entit") or " or " in name or " and " in name or _NOT_COINED.search(name) or alias_key(name) in known:
            continue  # 'named entity recognition', 'called as chaperone-networks or chaperomes'
        short = _short_after(abstract, match.end("name") + (1 if abstract[match.end("name") : match.end("name") + 1] in "\"”'" else 0))
        if short and is_short_form(short[0]):
            if alias_key(short[0]) not in known:
                out.append((short[0], [name], match.start("name"), False))
        else:
            out.append((name, [], match.start("name"), True))
    return out


# the head noun of an own method's part or variant, closing a definition's long form: 'Trilinear Attention Sampling
# Network (TASN)', 'Cosine Margin Sigmoid Loss (CMSL)', 'a dilated classification network (dilated-CN)'
_PART_HEADS = frozenset(
    """network net module block layer loss model framework algorithm memory tree planner machine encoder decoder
    autoencoder auto-encoder unit mechanism architecture attention transformer estimator detector classifier generator
    discriminator regularizer operator optimizer solver policy agent sampler pooling convolution tracker parser
    descriptor gan cnn rnn lstm""".split()
)


def _part_head(long_form: str) -> bool:
    """Whether ``long_form`` ends in a method head noun (:data:`_PART_HEADS`, singular or plural)."""
    word = long_form[long_form.rfind(" ") + 1 :].lower()
    return word in _PART_HEADS or word[-1:] == "s" and word[:-1] in _PART_HEADS


# what puts a definition in someone else's hands even inside an own sentence: 'a method ... based only on an
# Inertial Measurement Unit (IMU)', 'uses ... and deep sparse autoencoder ... (DSAE-PBHL)', 'generalizes factorial
# hidden Markov models (FHMM)', 'the Prolog interface to the ... Architecture (UIMA)'
_OTHERS_BETWEEN = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|based\s+(?:\w+\s+)?on|adopt\w*|employ\w*|appl(?:y|ies|ied|ying)|utiliz\w*|leverag\w*|"
    r"generaliz\w*|extend\w*|interface|implementation\s+of|surveys?|review\w*)\b"
)
_OTHERS_RIGHT_BEFORE = re.compile(r"\b(?:with|via|from|of|to|for|and|or)\s+(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){0,3}$")


# what joins two coordinated definitions: '(PIM) and a ', '(DC-RPN), and (ii) ', '(DAC) block and ', '(DDB) based
# backbone and ' (a list marker, an article and one more word may precede the next long form)
_SIBLING_GLUE = re.compile(
    r"\s*\)\s*(?:(?!(?:for|of|in|on|with|to|from|by|as|at|that|which|is|are)\s)[a-z][a-z\-]*\s+){0,2}?(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:\(?(?:i{1,3}|iv|[1-4a-d])\)\s*)?"
    r"(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*(?<!ed)(?<!s)\s+)?"
)


# a list of measures ('two novel fairness metrics, a region-based fairness gap (RFG) and ...') names no methods
_MEASURE_WORD = re.compile(r"\b(?:metrics?|measures?|scores?|indices|indexes|criteria)\b")
_OWN_LIST_CUE = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|propos\w*|novel|new|newly|introduc\w*|design\w*|develop\w*|present\w*|consist\w*|compris\w*|"
    r"contain\w*|two|three|four|both|components?|modules?|variants?)\b"
)


def _sibling_definitions(
    abstract: str, definitions: list[Definition], found: dict, known: "set[str]"
) -> list[tuple[str, str, int]]:
    """Definitions coordinated with one the paper introduces: 'two modules -- a Physics Inference Module (PIM) and a
    Visual Inference Module (VIM)', '(i) Double-Circle Region Proposal Network (DC-RPN), and (ii) Double-Circle
    Classification and Regression Network (DC-CRN)', 'a newly proposed dense atrous convolution (DAC) block and
    residual multi-kernel pooling (RMP) block'. A list of parts or variants shares its members' status, so the
    found member vouches for its neighbours; not for the base it extends ('the ConditionaL Neural Network (CLNN) and
    the Masked ConditionaL Neural Network (MCLNN)') nor in a list of measures. (short, long form, start of the long
    form) of the new ones."""
    taken = {alias_key(n) for intro in found.values() for n in [intro.name, *intro.aliases]}
    pairs = [(a, b) for a, b in zip(definitions, definitions[1:])
             if a.long_span[1] <= a.short_span[0] and b.long_span[1] <= b.short_span[0]
             and _SIBLING_GLUE.fullmatch(abstract, a.short_span[1], b.long_span[0])]
    # the pair's sentence says the listed things are the paper's own ('we propose two novel networks: (i) ...',
    # 'comprises two modules -- a ... (PIM) and a ... (VIM)'), not 'Computed Tomography (CT) and Magnetic Resonance
    # Imaging (MRI)' in a sentence about the field
    pairs = [(a, b) for a, b in pairs if _OWN_LIST_CUE.search(abstract, start_of_sentence(abstract, a.long_span[0]), b.long_span[0])
             and not _MEASURE_WORD.search(abstract, start_of_sentence(abstract, a.long_span[0]), b.long_span[0])]
    siblings: list[tuple[str, str, int]] = []
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            for have, new in ((a, b), (b, a)):
                key = alias_key(new.short)
                if alias_key(have.short) in taken and key not in taken and key not in known and key not in GENERIC \
                        and is_short_form(new.short) and alias_key(new.long) not in known \
                        and alias_key(new.long) not in alias_key(have.long):
                    siblings.append((new.short, new.long, new.long_span[0]))
                    taken.add(key)
                    changed = True
    return siblings


# a sentence that compares with, or credits, other work before a definition: its definitions are others'
_OTHERS_IN_SENTENCE = re.compile(
    r"\b(?:outperform\w*|compar\w*|than|against|versus|vs|baselines?|surpass\w*|beats?|over|existing|previous|prior|"
    r"state-of-the-art|conventional|traditional|popular|standard|such\s+as|like|e\.g|including|inspired|following|unlike|"
    r"based|similar\w*|resembl\w*|extension\s+of)\b"
)


# between the own name and the definition: the name has, is made of, or brings in the part
_PART_VERB = re.compile(
    r"\b(?:contain\w*|includ\w*|consist\w*|compris\w*|composed|utiliz\w*|employ\w*|introduc\w*|equipped|"
    r"incorporat\w*|core|built|adopt\w*|propos\w*|design\w*|has|have|stages?|modules?|components?|upgraded|extended)\b"
)
# head nouns of an own method's parts, besides _PART_HEADS ('a Progressive Bit Search (PBS) method', 'a Face
# Hallucination sub-Net (FHN)')
_MORE_PART_HEADS = frozenset("method approach scheme strategy technique sub-net subnet sub-network subnetwork branch head component stage".split())
_PART_HEAD_AFTER = re.compile(r"\s*\)\s*(?:[a-z\-]+\s+)?(?:" + "|".join(sorted(_PART_HEADS | _MORE_PART_HEADS)) + r")s?\b", re.I)


def _word_end(text: str, word: str, start: int, end: int) -> int | None:
    """End of the first whole-word occurrence of ``word`` in ``text[start:end]`` (str.find, no regex per word)."""
    at = text.find(word, start, end)
    while at != -1:
        after = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and not (
                after < len(text) and (text[after].isalnum() or text[after] == "-")):
            return after
        at = text.find(word, at + 1, end)
    return None


def _parts_of_own(abstract: str, definitions: list[Definition], found: dict, known: "set[str]") -> list[tuple[str, str, int]]:
    """Definitions in a sentence about a name the paper already introduces: 'RIM ... containing a Face
    Hallucination sub-Net (FHN) and ...', 'Our proposed BFA utilizes a Progressive Bit Search (PBS) method', 'The
    core of KERP is a proposed ... unit---Graph Transformer (GTR)'. Such a sentence describes the own method, so
    what it defines is a part of it, unless the sentence compares or credits other work, or the definition names
    a task, a setting or a technique the part is based on. (short, long form, start of the long form)."""
    own = [intro.name for intro in found.values() if len(intro.name) >= 3 and (" " in intro.name or is_namelike(intro.name))]
    if not own:
        return []
    taken = {alias_key(n) for intro in found.values() for n in [intro.name, *intro.aliases]}
    parts = {alias_key(p) for name in own for p in re.split(r"[\s\-]+", name)}
    out = []
    for d in definitions:
        if d.long_span[0] > d.short_span[0] or not is_short_form(d.short) or _PLURAL_ACRONYM.fullmatch(d.short):
            continue
        last = d.long[d.long.rfind(" ") + 1 :].lower()
        if not (_part_head(d.long) or last.rstrip("s") in _MORE_PART_HEADS or _PART_HEAD_AFTER.match(abstract, d.short_span[1])):
            continue
        key = alias_key(d.short)
        if key in taken or key in known or key in GENERIC or alias_key(d.long) in known or key in parts:
            continue  # (a part of an own name's spelling is what the name builds on: 'ME-RAN', 'radio access network (RAN)')
        start = d.long_span[0]
        sentence_start = start_of_sentence(abstract, start)
        mention = min((end for name in own for end in [_word_end(abstract, name, sentence_start, start)] if end), default=None)
        if mention is None or not _PART_VERB.search(abstract, mention, start):
            continue
        before = abstract[sentence_start:start]
        if _OTHERS_IN_SENTENCE.search(before) or _EARLIER.search(before) or _TASK.search(before[-60:]) \
                or _TECHNIQUE_AFTER.match(abstract, d.short_span[1] + 1) or _SETTING_AFTER.match(abstract, d.short_span[1] + 1):
            continue
        out.append((d.short, d.long, start))
        taken.add(key)
    return out


def _reused_part_definitions(abstract: str, title: str, definitions: list[Definition], known: "set[str]") -> list[tuple[str, str, int]]:
    """(short, long form, position) of a 'Long Form (ACR)' definition in a sentence where the paper proposes
    something ('we present Asymmetric Non-local Neural Network ..., which has two prominent components:
    Asymmetric Pyramid Non-local Block (APNB) and ...'), whose long form ends in a method head noun and whose
    short form the abstract goes on to use on its own at least twice ('APNB leverages ...'): the paper's own
    method or part. Tasks, settings and techniques the method is based on or uses are left out."""
    out = []
    for d in definitions:
        if d.long_span[0] > d.short_span[0] or not _part_head(d.long) or not is_short_form(d.short):
            continue
        key = alias_key(d.short)
        if key in known or key in GENERIC or _PLURAL_ACRONYM.fullmatch(d.short) or alias_key(d.long) in known:
            continue
        start = d.long_span[0]
        sentence_start = start_of_sentence(abstract, start)
        proposal = _OWN_PROPOSAL_BEFORE.search(abstract, sentence_start, start)
        if proposal is None or _EARLIER.search(abstract, sentence_start, start) or _OTHERS_BETWEEN.search(abstract, proposal.end(), start) \
                or _OTHERS_RIGHT_BEFORE.search(abstract, max(proposal.end(), start - 50), start):
            continue
        if _TASK.search(abstract, max(sentence_start, start - 60), start) or _TECHNIQUE_AFTER.match(abstract, d.short_span[1] + 1):
            continue
        if _used_as_name(abstract, d.short, d.short_span[1]):
            out.append((d.short, d.long, d.short_span[0]))
    return [] if out and _SURVEY_WORD.search(title) else out  # a survey's definitions are the work it reviews


# 'we propose an alternative but more effective approach, extract-edit, to extract ...', 'we introduce a new kind of
# loss, multi-path consistency loss, which ...' (a lower-case name set off by commas after the head noun), and 'We
# propose cowboy, an approach to ...', 'we introduce tuneout, a novel regularization technique' (the name first,
# the head noun in apposition); matched at each proposal cue word
_APPOSED_HEADS = (
    r"(?:model|framework|method|approach|algorithm|network|layer|module|loss|scheme|technique|mechanism|architecture|"
    r"protocol|strategy|procedure|system|pipeline|tool|toolkit|library|platform|dataset|benchmark|corpus)s?"
)
_LOWER_NAME = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\s+[a-z][a-z0-9]*(?:-[a-z0-9]+)*){0,2}"
_LOWER_APPOSED = re.compile(
    r"(?:propose|introduce|present|develop|design|devise)[sd]?\s+"
    r"(?:(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,4}?" + _APPOSED_HEADS + r",\s+(?:the\s+)?(?P<after>" + _LOWER_NAME + r"),\s+"
    r"(?:to|which|that|for|in|a|an|where|whereby)\b"
    r"|(?P<before>" + _LOWER_NAME + r"),\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?" + _APPOSED_HEADS + r"\b)"
)
_APPOSED_HEAD_END = re.compile(_APPOSED_HEADS + r"$")
_APPOSING_VERBS = ("propos", "introduc", "present", "develop", "design", "devis")  # the verbs _LOWER_APPOSED opens with
# first words of a clause set off by commas that is no name ('a novel search algorithm, applicable across domains,')
_NOT_A_NAME_START = frozenset(
    "a an the this these that which new novel named called termed dubbed such applicable inspired based built "
    "trained designed using with by from in on for as i e".split()
)


def _lower_apposed_names(abstract: str, known: "set[str]", positions: "list[int]") -> list[tuple[str, int]]:
    """(name, position) of a lower-case name the paper's own proposal sets in apposition to its head noun (see
    :data:`_LOWER_APPOSED`). A single word must be coined ('cowboy', 'tuneout'; not an English noun such as
    'results'); a phrase must not open with a function word or a participle ('inspired from neuroscience')."""
    out = []
    for at in positions:
        if not abstract.startswith(_APPOSING_VERBS, at):
            continue
        # both shapes hold the proposal's first comma: right after the head noun, or before 'a' / 'an' (a cheap
        # test first: most proposals have neither)
        comma = abstract.find(",", at, at + 110)
        if comma == -1 or not (abstract.startswith((" a ", " an "), comma + 1) or _APPOSED_HEAD_END.search(abstract, max(at, comma - 16), comma)):
            continue
        match = _LOWER_APPOSED.match(abstract, at)
        if match is None or not _own_subject(abstract, at):
            continue
        group = "after" if match.group("after") else "before"
        name = match.group(group)
        words = name.split()
        first = words[0]
        if first in _NOT_A_NAME_START or "-" not in first and first.endswith("ed") or alias_key(name) in known:
            continue
        if len(words) == 1 and ("-" not in name and not plain_word_can_be_name(name.capitalize()) or _NOT_COINED.search(name)):
            continue
        out.append((name, match.start(group)))
    return out


# 'The proposed deep neural network, MCPNet, is ...', 'The resulting model, ScratchGAN, performs ...', 'A new public
# dataset, RECOVERY-FA19, is ...', 'Our proof-of-concept implementation, DiaMaT, is ...', 'A very small network, Light
# Flow, is designed ...': a capitalised name set between commas after an own or new head noun, opening its sentence
# (not 'A recently proposed method, Deep CFR, applies', 'The standard approach, DAgger, relies')
_OWN_APPOSED = re.compile(
    r"(?:[Oo]ur|[Tt]he\s+(?:newly\s+)?(?:proposed|resulting|new|novel)|[Aa]n?\s+(?:new|novel)|(?P<plain>[Aa]n?))\s+"
    r"(?:(?!(?:recently|previously|existing|standard|popular)\b)[\w\-]+\s+){0,3}?(?:" + _HEAD_WORDS + r"|implementation|prototype),\s+"
    r"(?P<name>[A-Z][\w\-+]*(?:\s+[A-Z][\w\-+]*)?),\s+(?(plain)(?:is|are|was|were)\s+(?:proposed|designed|developed|introduced|presented)\b|[a-z])"
)
_APPOSED_OPENER = re.compile(r"\. (?=(?:Our|The|An?) )")  # a sentence opening as an _OWN_APPOSED match does


def _own_apposed_names(abstract: str, known: "set[str]") -> list[tuple[str, int]]:
    """(name, position) of each name :data:`_OWN_APPOSED` finds at a sentence's start: one of its words name-like or
    a plain capitalised word that may be a name ('Light' of 'Light Flow'; not 'Simple'), never a catalogued name."""
    out = []
    starts = [m.end() for m in _APPOSED_OPENER.finditer(abstract)]  # a regex scan: faster than a loop over sentences
    if abstract.startswith(("Our ", "The ", "A ", "An ")):
        starts.insert(0, 0)
    for stop in starts:
        match = _OWN_APPOSED.match(abstract, stop) if abstract.find(", ", stop, stop + 90) != -1 else None
        if match:
            name = match.group("name")
            if alias_key(name) not in known and alias_key(name) not in GENERIC and (
                    any(is_namelike(w) or plain_word_can_be_name(w) for w in name.split())):
                out.append((name, match.start("name")))
    return out
