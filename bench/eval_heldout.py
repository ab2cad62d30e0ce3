"""Score relwork's linker on the held-out gold sets (``bench/gold/heldout-*.jsonl``).

Not a test: it builds the input records, links them with ``relwork.linker.pipeline.link_corpus`` (the
same two-pass linking as ``relwork link``) and scores the result with ``relwork.linker.evaluate``:
method-link precision / recall / F1, relation accuracy over correctly linked methods, introduced-name
precision / recall / F1 and the relation confusion matrix, per set.

Sets (see ``bench/gold/README.md`` for how they were made):

* ``seeds``: the 108 papers of ``examples/hf-papers/*.txt`` that are not in the dev gold. All 200 seed
  papers are linked together (as ``relwork link examples/hf-papers/*.txt`` does, so names introduced in
  one paper can link in another); only the held-out ones are scored.
* ``arxiv``: 40 arXiv abstracts (2017-2019, cs.CL/cs.CV/cs.AI) from ``shared/data/arxiv-amds123``. The
  records are extracted by the gold ``pid`` (= arXiv id) into a temporary JSON Lines file that is removed
  afterwards; the abstracts are never copied into the repository. ``--check-selection`` re-runs the
  selection rule and checks that the gold ids are exactly the ones it picks.
* ``tune``: 60 more arXiv abstracts (``bench/gold/tune-arxiv.jsonl``), a TUNING set: same data, categories and
  years as ``arxiv``, but the abstract must name a well-known model (``TUNE_NAMES``, whole word, case as
  written), ``arxiv`` ids excluded; sorted by id, then random.Random(2026).sample(..., 60). Errors are shown.
* ``tune2``: 60 more arXiv abstracts (``bench/gold/tune-arxiv-2.jsonl``), a second TUNING set: the pool of
  ``tune``, with the ids of the five earlier ``bench/gold`` files excluded (``TUNE2_EXCLUDED``); sorted by id, then
  random.Random(2028).sample(..., 60). Errors are shown.
* ``silver``: 120 more arXiv abstracts (``bench/gold/silver-intro-arxiv.jsonl``), a TUNING set annotated for
  introduced names only (its ``links`` are empty, so only the introduced-name line is printed): any
  arXiv_CL/CV/AI category, dated 2017-2019, ids of both arXiv gold sets excluded; sorted by id, then
  random.Random(2026).sample(..., 120).
* ``arxiv2``: 80 more arXiv abstracts (``bench/gold/heldout-arxiv-2.jsonl``), a second TEST set, fully annotated
  (links, relations, introduced names): the pool rule of ``tune``, ids of every gold file of the time excluded
  (``HELDOUT2_EXCLUDED``); sorted by id, then random.Random(2029).sample(..., 80). Errors hidden like ``arxiv``.
* ``tune3`` / ``silver3``: a third round of TUNING sets drawn in the fourth session (``TUNE3_*``, ``SILVER3_*``):
  80 fully annotated papers by the pool rule of ``tune`` and 150 introduced-names-only papers by the pool rule of
  ``silver2``, every earlier gold file excluded.
* ``tune4``: a fourth 80-paper TUNING set (``TUNE4_*``, sixth session), fully annotated: the pool rule of ``tune``,
  every earlier gold file excluded (tune3 and silver3 too); random.Random(2032).sample(..., 80).
* ``tune5``: a fifth 80-paper TUNING set (``TUNE5_*``, seventh session), fully annotated blind: the pool rule of
  ``tune``, every earlier gold file excluded (tune4 too); random.Random(2033).sample(..., 80).
* ``tune6`` (320 papers, four annotators) and ``tune7`` (160 papers, two annotators, the eighth session's blind
  estimate): ``TUNE6_*``, ``TUNE7_*``, the same pool rule, every earlier gold file excluded.
* ``tune8`` (160 papers, two annotators, the ninth session's blind estimate): ``TUNE8_*``, the same pool rule,
  every earlier gold file excluded (tune7 too).
* ``tune9`` (160 papers, two annotators, the tenth session's blind estimate): ``TUNE9_*``, the same pool rule,
  every earlier gold file excluded (tune8 too).
* ``tune10`` (160 papers, two annotators, the fifteenth session's blind check): ``TUNE10_*``, the same pool rule,
  every earlier gold file excluded (tune9 too).

``--in-corpus`` scores the arXiv sets the way a user meets them: the whole arXiv sample of ``--data`` (~20,500
abstracts, each id once) is linked in one run, so a name introduced by another paper of the sample links as that
paper's method, and a name another paper introduced is not this paper's own; only the gold papers are scored.
Without it each set is linked alone (the conservative number: no other paper's names).

    python bench/eval_heldout.py                      # both sets
    python bench/eval_heldout.py --set arxiv --errors 40
    python bench/eval_heldout.py --json               # all numbers and every error
    python bench/eval_heldout.py --check-selection
    python bench/eval_heldout.py --set seeds --half odd --errors 40   # the tuning half of the seeds
    python bench/eval_heldout.py --set dev --errors 40                # the dev gold (shared/eval)
    python bench/eval_heldout.py --set tune --errors 40               # the 60-paper arXiv tuning set
    python bench/eval_heldout.py --set tune2 --errors 40              # the second 60-paper arXiv tuning set
    python bench/eval_heldout.py --set silver --errors 40             # introduced names, 120 arXiv papers
    python bench/eval_heldout.py --set silver2 --errors 40            # introduced names, 150 more arXiv papers
    python bench/eval_heldout.py --set arxiv2                         # second arXiv test set: numbers only
    python bench/eval_heldout.py --set tune3 --errors 40              # the third arXiv tuning set (80 papers)
    python bench/eval_heldout.py --set silver3 --errors 40            # introduced names, 150 more arXiv papers
    python bench/eval_heldout.py --set tune4 --errors 40              # the fourth arXiv tuning set (80 papers)
    python bench/eval_heldout.py --set arxiv --set arxiv2 --pool --bootstrap 1000  # two sets, together, 95% intervals
    python bench/eval_heldout.py --set tune5 --errors 40              # the fifth arXiv tuning set (80 papers)
    python bench/eval_heldout.py --set report --in-corpus             # arXiv sets linked inside the whole sample

Tuning protocol: rules and catalog entries are tuned on the dev gold and on the ODD-pid half of the
held-out seeds only. The EVEN-pid half and the two arXiv test sets are test data: score them to report, but their
individual errors are not printed unless ``--show-test-errors`` is given (meant for the final write-up
only, never for tuning).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from relwork.core.errors import InputError, RelworkError
from relwork.linker import load_catalog
from relwork.linker.evaluate import Report, evaluate, intervals, read_gold
from relwork.linker.pipeline import link_corpus
from relwork.loaders import load_papers

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"
SEEDS = ROOT / "examples" / "hf-papers"
DEV_GOLD = ROOT.parent / "shared" / "eval" / "dev_gold.jsonl"
ARXIV = ROOT.parent / "shared" / "data" / "arxiv-amds123"

# Selection rule of the arXiv set (kept here so it can be re-checked): records whose first blog category is
# cs.CL / cs.CV / cs.AI, first submitted 2017-2019 (id_year), whose abstract holds a model-like token
# (CamelCase, an acronym of 3+ capitals, or a capitalised name with a version number) that is not a common
# generic acronym; sorted by id, then random.Random(7).sample(..., 40).
_GENERIC = {"CNN", "CNNS", "RNN", "RNNS", "NLP", "GAN", "GANS", "LLM", "MLP", "GPU", "GPUS", "CPU", "API", "SOTA",
            "AI", "ML", "DNN", "DNNS", "RGB", "IOU", "MAP", "URL", "NER", "QA", "ASR", "MT", "NMT", "SVM", "HTTP",
            "HTTPS", "PDF", "ROC", "AUC", "BLEU", "ROUGE", "FPS", "TPU"}
_MODEL_LIKE = re.compile(
    r"\b(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z]+[A-Za-z0-9]*|[A-Z][A-Za-z]*-?\d+[A-Za-z]*|[A-Z]{3,}s?)\b"
)
SAMPLE_SEED, SAMPLE_SIZE = 7, 40


def _arxiv_records(data: Path):
    """Every record of the arxiv-amds123 JSON Lines files, with file and line for error messages."""
    files = sorted(data.glob("*.jsonl"))
    if not files:
        raise InputError("no arxiv-amds123 *.jsonl files found", str(data))
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON: {exc.msg}", str(path), number) from exc


def _model_like(text: str) -> bool:
    return any(m.upper() not in _GENERIC and m.upper().rstrip("S") not in _GENERIC for m in _MODEL_LIKE.findall(text))


def select_arxiv(data: Path = ARXIV) -> list[str]:
    """The arXiv ids the selection rule picks (in sample order)."""
    pool = []
    for r in _arxiv_records(data):
        category = (r.get("categories") or "").split()[:1]
        if category and category[0] in ("arXiv_CL", "arXiv_CV", "arXiv_AI") and 2017 <= (r.get("id_year") or 0) <= 2019 \
                and _model_like(r.get("abstract") or ""):
            pool.append(r["id"])
    pool.sort()
    return random.Random(SAMPLE_SEED).sample(pool, SAMPLE_SIZE)


# Selection rule of the arXiv tuning set (bench/gold/tune-arxiv.jsonl): as above, but instead of the model-like
# token the abstract must contain one of these names as a whole word (case as written), and the held-out arXiv
# ids are excluded; sorted by id, then random.Random(2026).sample(..., 60).
TUNE_NAMES = ("BERT", "ELMo", "GPT", "Transformer", "LSTM", "GRU", "ResNet", "VGG", "U-Net", "GAN", "YOLO",
              "Faster R-CNN", "Mask R-CNN", "word2vec", "GloVe", "seq2seq", "Adam", "DenseNet", "Inception",
              "MobileNet", "DQN", "PPO", "CycleGAN", "Pix2Pix", "WaveNet", "Tacotron", "XLNet", "RoBERTa")
_TUNE_NAME = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, TUNE_NAMES)) + r")(?![A-Za-z0-9])")
TUNE_SEED, TUNE_SIZE = 2026, 60


def _gold_ids(names: tuple[str, ...], gold_dir: Path) -> set[str]:
    """The pids of the named gold files (only their ids are read: test files are excluded, never looked into)."""
    ids: set[str] = set()
    for name in names:
        path = gold_dir / name
        if not path.exists():
            raise InputError(f"gold file {name} (excluded from a draw) not found", str(gold_dir))
        ids.update(str(g.pid) for g in read_gold(path))
    return ids


def _draw(data: Path, exclude: set[str], seed: int, size: int, *, categories=("arXiv_CL", "arXiv_CV", "arXiv_AI"),
          named: bool = True) -> list[str]:
    """The shared draw: first blog category in ``categories``, id_year 2017-2019, not excluded and (``named``)
    naming a TUNE_NAMES model as a whole word; sorted by id, then random.Random(seed).sample(pool, size)."""
    pool = []
    for r in _arxiv_records(data):
        category = (r.get("categories") or "").split()[:1]
        if category and category[0] in categories and 2017 <= (r.get("id_year") or 0) <= 2019 \
                and r["id"] not in exclude and (not named or _TUNE_NAME.search(r.get("abstract") or "")):
            pool.append(r["id"])
    pool.sort()
    return random.Random(seed).sample(pool, size)


def select_tune(data: Path = ARXIV, heldout: Path | None = None) -> list[str]:
    """The arXiv ids the tuning-set rule picks (in sample order); held-out arXiv gold ids are excluded."""
    exclude = {str(g.pid) for g in read_gold(heldout or GOLD / "heldout-arxiv.jsonl")}
    return _draw(data, exclude, TUNE_SEED, TUNE_SIZE)


# The later sets exclude the ids of every gold file that existed when they were drawn. The lists are fixed, so
# a gold file added later does not change an earlier draw.
_FIRST_GOLD = ("agreement-seeds-even.jsonl", "heldout-arxiv.jsonl", "heldout-seeds.jsonl", "silver-intro-arxiv.jsonl",
               "tune-arxiv.jsonl")

# Second introduced-names silver set (bench/gold/silver-intro-arxiv-2.jsonl): first blog category cs.CL / cs.CV /
# cs.AI / cs.RO / cs.SD, no name required; random.Random(2027), 150 papers.
SILVER2_SEED, SILVER2_SIZE = 2027, 150
SILVER2_CATEGORIES = ("arXiv_CL", "arXiv_CV", "arXiv_AI", "arXiv_RO", "arXiv_SD")
SILVER2_EXCLUDED = _FIRST_GOLD

# Second arXiv tuning set (bench/gold/tune-arxiv-2.jsonl): the pool rule of select_tune; random.Random(2028), 60.
TUNE2_SEED, TUNE2_SIZE, TUNE2_FILE = 2028, 60, "tune-arxiv-2.jsonl"
TUNE2_EXCLUDED = _FIRST_GOLD

# Second arXiv TEST set (bench/gold/heldout-arxiv-2.jsonl): the pool rule of select_tune, the two sets above
# excluded too (all three were drawn the same day); random.Random(2029), 80.
HELDOUT2_SEED, HELDOUT2_SIZE, HELDOUT2_FILE = 2029, 80, "heldout-arxiv-2.jsonl"
HELDOUT2_EXCLUDED = _FIRST_GOLD + ("silver-intro-arxiv-2.jsonl", "tune-arxiv-2.jsonl")


# Third round (drawn 2026-11-26, fourth session), both TUNING sets; every gold file of the time is excluded:
# ``tune3``: the pool rule of select_tune, random.Random(2030), 80 papers, fully annotated (links, relations,
# introduced names); ``silver3``: the pool rule of silver2 (no name required), tune3's draw excluded too,
# random.Random(2031), 150 papers, introduced names only.
_SECOND_GOLD = _FIRST_GOLD + ("silver-intro-arxiv-2.jsonl", "tune-arxiv-2.jsonl", HELDOUT2_FILE,
                              "agreement-arxiv-2.jsonl")
TUNE3_SEED, TUNE3_SIZE, TUNE3_FILE = 2030, 80, "tune-arxiv-3.jsonl"
TUNE3_EXCLUDED = _SECOND_GOLD
SILVER3_SEED, SILVER3_SIZE, SILVER3_FILE = 2031, 150, "silver-intro-arxiv-3.jsonl"
SILVER3_EXCLUDED = _SECOND_GOLD


# Fourth arXiv tuning set (drawn 2026-11-26, sixth session; its first score is the blind estimate, then it is
# tuning data): the pool rule of select_tune, every gold file of the time excluded; random.Random(2032), 80 papers,
# fully annotated (links, relations, introduced names).
TUNE4_SEED, TUNE4_SIZE, TUNE4_FILE = 2032, 80, "tune-arxiv-4.jsonl"
TUNE4_EXCLUDED = _SECOND_GOLD + (TUNE3_FILE, SILVER3_FILE)

# Fifth arXiv tuning set (drawn 2026-11-26, seventh session; annotated blind, its first score is the blind estimate
# of that session's changes, then it is tuning data): the pool rule of select_tune, every gold file of the time
# excluded; random.Random(2033), 80 papers, fully annotated (links, relations, introduced names).
TUNE5_SEED, TUNE5_SIZE, TUNE5_FILE = 2033, 80, "tune-arxiv-5.jsonl"
TUNE5_EXCLUDED = TUNE4_EXCLUDED + (TUNE4_FILE,)

# Sixth arXiv set (drawn 2026-11-26, seventh session, for a learned relation model: 320 papers, annotated in four
# chunks of 80 in draw order by four annotators): the pool rule of select_tune, every gold file of the time
# excluded (tune5 too); random.Random(2034), fully annotated. Tuning data.
TUNE6_SEED, TUNE6_SIZE, TUNE6_FILE = 2034, 320, "tune-arxiv-6.jsonl"
TUNE6_EXCLUDED = TUNE5_EXCLUDED + (TUNE5_FILE,)

# Seventh arXiv set (drawn 2026-11-26, eighth session; annotated blind in two chunks of 80 in draw order by two
# annotators and held out from every rule change of that session: its first score, after the session's merges, is
# the blind estimate; then it is tuning data): the pool rule of select_tune, every gold file of the time excluded;
# random.Random(2035), 160 papers, fully annotated.
TUNE7_SEED, TUNE7_SIZE, TUNE7_FILE = 2035, 160, "tune-arxiv-7.jsonl"
TUNE7_EXCLUDED = TUNE6_EXCLUDED + (TUNE6_FILE,)

# Eighth arXiv set (drawn 2026-11-27, ninth session; annotated blind in two chunks of 80 in draw order by two
# annotators and held out from every change of that session: its first score, after the session's merges, is the
# blind estimate; then it is tuning data): the pool rule of select_tune, every gold file of the time excluded;
# random.Random(2036), 160 papers, fully annotated.
TUNE8_SEED, TUNE8_SIZE, TUNE8_FILE = 2036, 160, "tune-arxiv-8.jsonl"
TUNE8_EXCLUDED = TUNE7_EXCLUDED + (TUNE7_FILE,)

# Ninth arXiv set (drawn 2026-11-27, tenth session; annotated blind in two chunks of 80 in draw order by two
# annotators and held out from every change of that session: its first score, after the session's merges, is the
# blind estimate; then it is tuning data): the pool rule of select_tune, every gold file of the time excluded;
# random.Random(2037), 160 papers, fully annotated.
TUNE9_SEED, TUNE9_SIZE, TUNE9_FILE = 2037, 160, "tune-arxiv-9.jsonl"
TUNE9_EXCLUDED = TUNE8_EXCLUDED + (TUNE8_FILE,)

# Tenth arXiv set (drawn 2026-11-27, fifteenth session; annotated blind in two chunks of 80 in draw order by two
# annotators and held out from every change of that session: its first score, with the linker at the start of the
# session, is the blind check of the eleventh to fourteenth sessions' changes, its score after the session's merges
# that of the fifteenth): the pool rule of select_tune, every gold file of the time excluded; random.Random(2038),
# 160 papers, fully annotated.
TUNE10_SEED, TUNE10_SIZE, TUNE10_FILE = 2038, 160, "tune-arxiv-10.jsonl"
TUNE10_EXCLUDED = TUNE9_EXCLUDED + (TUNE9_FILE,)


def select_tune3(data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the third tuning set (in sample order)."""
    return _draw(data, _gold_ids(TUNE3_EXCLUDED, gold_dir), TUNE3_SEED, TUNE3_SIZE)


def select_silver3(data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the third introduced-names silver set (in sample order)."""
    exclude = _gold_ids(SILVER3_EXCLUDED, gold_dir) | set(select_tune3(data, gold_dir))
    return _draw(data, exclude, SILVER3_SEED, SILVER3_SIZE,
                 categories=SILVER2_CATEGORIES, named=False)


# The later arXiv sets share one draw: set name -> (excluded gold files, seed, size).
_LATER_DRAWS = {
    "tune4": (TUNE4_EXCLUDED, TUNE4_SEED, TUNE4_SIZE), "tune5": (TUNE5_EXCLUDED, TUNE5_SEED, TUNE5_SIZE),
    "tune6": (TUNE6_EXCLUDED, TUNE6_SEED, TUNE6_SIZE), "tune7": (TUNE7_EXCLUDED, TUNE7_SEED, TUNE7_SIZE),
    "tune8": (TUNE8_EXCLUDED, TUNE8_SEED, TUNE8_SIZE), "tune9": (TUNE9_EXCLUDED, TUNE9_SEED, TUNE9_SIZE),
    "tune10": (TUNE10_EXCLUDED, TUNE10_SEED, TUNE10_SIZE),
}


def select_later(name: str, data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the later set ``name`` ('tune4' ... 'tune10'), in sample order: the pool rule of
    select_tune with that set's excluded gold files, seed and size (``_LATER_DRAWS``)."""
    excluded, seed, size = _LATER_DRAWS[name]
    return _draw(data, _gold_ids(excluded, gold_dir), seed, size)


# The arXiv tuning sets scored by ``--set NAME`` alone: name -> gold file. The silver ones hold introduced
# names only.
TUNING_SETS = {"tune": "tune-arxiv.jsonl", "tune2": TUNE2_FILE, "tune3": TUNE3_FILE,
               "tune4": TUNE4_FILE, "tune5": TUNE5_FILE, "tune6": TUNE6_FILE, "tune7": TUNE7_FILE,
               "tune8": TUNE8_FILE,
               "tune9": TUNE9_FILE, "tune10": TUNE10_FILE, "silver": "silver-intro-arxiv.jsonl", "silver2": "silver-intro-arxiv-2.jsonl", "silver3": SILVER3_FILE}
SILVER_SETS = ("silver", "silver2", "silver3")
# Sets drawn as tuning data but held out as test data now (numbers only, like the arXiv test sets): tune9 since the
# eleventh session, tune10 (the fifteenth session's blind check).
HELD_OUT_TUNING = {"tune9", "tune10"}


def select_silver2(data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the second silver set (in sample order)."""
    return _draw(data, _gold_ids(SILVER2_EXCLUDED, gold_dir), SILVER2_SEED, SILVER2_SIZE,
                 categories=SILVER2_CATEGORIES, named=False)


def select_tune2(data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the second tuning set (in sample order)."""
    return _draw(data, _gold_ids(TUNE2_EXCLUDED, gold_dir), TUNE2_SEED, TUNE2_SIZE)


def select_heldout2(data: Path = ARXIV, gold_dir: Path = GOLD) -> list[str]:
    """The arXiv ids of the second arXiv test set (in sample order)."""
    return _draw(data, _gold_ids(HELDOUT2_EXCLUDED, gold_dir), HELDOUT2_SEED, HELDOUT2_SIZE)


def _linked(papers, catalog) -> list:
    """The papers linked as ``relwork link`` links them (``Linker.link`` applies the paper-level rules,
    ``relations.settle_paper``, and then the calibrated confidences)."""
    return link_corpus(papers, catalog)


def split_half(gold: list, half: str | None) -> list:
    """The gold records of one half by ``pid`` parity ('odd' = tuning, 'even' = test); all when None."""
    if half is None:
        return gold
    if half not in ("odd", "even"):
        raise InputError(f"unknown half {half!r} (use 'odd' or 'even')")
    want = 1 if half == "odd" else 0
    out = []
    for g in gold:
        try:
            pid = int(g.pid)
        except (TypeError, ValueError) as exc:
            raise InputError(f"--half needs integer pids; gold record {g.title!r} has pid {g.pid!r}") from exc
        if pid % 2 == want:
            out.append(g)
    return out


def link_seeds(catalog, seeds: Path = SEEDS) -> list:
    """All seed listings linked together (as ``relwork link examples/hf-papers/*.txt`` does)."""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        raise InputError("no seed listings (*.txt) found", str(seeds))
    return _linked(load_papers(files).papers, catalog)


def score_seeds(catalog, gold_path: Path = GOLD / "heldout-seeds.jsonl", seeds: Path = SEEDS,
                half: str | None = None, linked: list | None = None) -> Report:
    """Link all seed listings together and score the held-out seed gold (optionally one pid half)."""
    linked = link_seeds(catalog, seeds) if linked is None else linked
    return evaluate(split_half(read_gold(gold_path), half), linked, catalog)


def score_dev(catalog, gold_path: Path = DEV_GOLD, seeds: Path = SEEDS, linked: list | None = None) -> Report:
    """Score the dev gold (the seed papers the rules were developed on)."""
    linked = link_seeds(catalog, seeds) if linked is None else linked
    return evaluate(read_gold(gold_path), linked, catalog)


def _link_records(records, catalog) -> list:
    """Link arXiv ``records`` (dicts) together, through a temporary JSON Lines file that is removed afterwards
    (no abstract is kept in the repository)."""
    with tempfile.TemporaryDirectory(prefix="relwork-heldout-") as tmp:
        path = Path(tmp) / "arxiv-input.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        papers = load_papers([path], format="json").papers
    return _linked(papers, catalog)


def link_arxiv(gold: list, catalog, data: Path = ARXIV) -> list:
    """The gold's arXiv records, taken from ``data`` by id (in gold order) and linked together."""
    wanted = {str(g.pid) for g in gold}
    found = {}
    for r in _arxiv_records(data):
        if r.get("id") in wanted and r["id"] not in found:
            found[r["id"]] = r
    missing = sorted(wanted - set(found))
    if missing:
        raise InputError(f"arXiv ids of the gold not in the data: {', '.join(missing)}", str(data))
    return _link_records((found[str(g.pid)] for g in gold), catalog)


def link_arxiv_corpus(catalog, data: Path = ARXIV) -> list:
    """Every arXiv record of ``data`` (each id once, in file order) linked together in one run, as
    ``relwork link`` on the whole sample would."""
    seen = set()

    def first_of_each_id():
        for r in _arxiv_records(data):
            if r.get("id") and r["id"] not in seen:
                seen.add(r["id"])
                yield r

    return _link_records(first_of_each_id(), catalog)


def _papers_of(gold: list, corpus: list) -> list:
    """The linked papers of ``corpus`` whose arXiv id is a gold ``pid`` (in gold order)."""
    by_id = {p.paper.arxiv_id or p.paper.id: p for p in corpus}
    missing = [str(g.pid) for g in gold if str(g.pid) not in by_id]
    if missing:
        raise InputError(f"arXiv ids of the gold not in the linked sample: {', '.join(missing)}")
    return [by_id[str(g.pid)] for g in gold]


def score_arxiv(catalog, gold_path: Path = GOLD / "heldout-arxiv.jsonl", data: Path = ARXIV) -> Report:
    """Link the gold's arXiv records (``link_arxiv``) and score them."""
    gold = read_gold(gold_path)
    return evaluate(gold, link_arxiv(gold, catalog, data), catalog)


def _print(name: str, report: Report, errors: int, *, introduced_only: bool = False) -> None:
    l, i = report.links, report.introduced
    print(f"== {name}: {report.papers} gold papers, {len(report.missing_papers)} not found in the linked input")
    if introduced_only:
        print(f"  introduced names  P {i.precision:.3f}  R {i.recall:.3f}  F1 {i.f1:.3f}   (tp {i.tp} fp {i.fp} fn {i.fn})")
        for e in [e for e in report.errors if e["type"].startswith("introduced")][: max(0, errors)]:
            print(f"  [{e['type']}] {e['pid']}: {e.get('name')}")
        return
    print(f"  method links      P {l.precision:.3f}  R {l.recall:.3f}  F1 {l.f1:.3f}   (tp {l.tp} fp {l.fp} fn {l.fn})")
    print(f"  relation accuracy {report.relation_accuracy:.3f}   ({report.relation_correct}/{report.relation_total} correctly linked methods)")
    print(f"  introduced names  P {i.precision:.3f}  R {i.recall:.3f}  F1 {i.f1:.3f}   (tp {i.tp} fp {i.fp} fn {i.fn})")
    print("  relations, gold -> predicted: " + "; ".join(
        f"{g} -> " + ", ".join(f"{p} {n}" for p, n in sorted(row.items())) for g, row in report.confusion.items()))
    for e in report.errors[: max(0, errors)]:
        what = e.get("method") or e.get("name")
        rel = ""
        if e["type"] == "relation":
            rel = f" gold {'+'.join(e['gold'])} predicted {'+'.join(e['predicted'])}"
        elif e["type"] == "missed":
            rel = f" gold {'+'.join(e['gold'])}"
        evidence = " ".join(str(e.get("evidence") or "").split())[:110]
        print(f"  [{e['type']}] {e['pid']}: {what}{rel} | {evidence}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("seeds", "arxiv", "all", "dev", "report", *TUNING_SETS, "arxiv2"), action="append",
                        help="which set to score ('report': dev, seeds odd, seeds even, arXiv, arXiv 2; default 'all');"
                             " repeat to score several")
    parser.add_argument("--half", choices=("odd", "even"), default=None,
                        help="score only the odd-pid (tuning) or even-pid (test) half of the held-out seeds")
    parser.add_argument("--show-test-errors", action="store_true",
                        help="also list errors of test data (seeds even half, arXiv, arXiv 2); never use for tuning")
    parser.add_argument("--errors", type=int, default=0, help="list the first N errors per set")
    parser.add_argument("--json", action="store_true", help="print every number and every error as JSON")
    parser.add_argument("--catalog", type=Path, default=None, help="extra catalog file (JSON Lines)")
    parser.add_argument("--data", type=Path, default=ARXIV, help="arxiv-amds123 directory")
    parser.add_argument("--check-selection", action="store_true", help="check the arXiv gold ids against their selection rules")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N",
                        help="also print 95%% intervals from N bootstrap resamples of each set's papers")
    parser.add_argument("--in-corpus", action="store_true",
                        help="link the arXiv sets inside the whole arXiv sample of --data (one run, ~20,500 "
                             "abstracts) and score only the gold papers")
    parser.add_argument("--pool", action="store_true",
                        help="also score the chosen sets' papers together as one set ('pooled')")
    args = parser.parse_args(argv)
    try:
        if args.check_selection:
            checks = [("arxiv", select_arxiv, "heldout-arxiv.jsonl"), ("tune", select_tune, "tune-arxiv.jsonl"),
                      ("silver2", select_silver2, "silver-intro-arxiv-2.jsonl"), ("tune2", select_tune2, TUNE2_FILE),
                      ("arxiv2", select_heldout2, HELDOUT2_FILE), ("tune3", select_tune3, TUNE3_FILE),
                      ("silver3", select_silver3, SILVER3_FILE)]
            checks += [(name, functools.partial(select_later, name), TUNING_SETS[name]) for name in _LATER_DRAWS]
            ok = True
            for name, select, gold_file in checks:
                if not (GOLD / gold_file).exists():
                    print(f"{name}: {gold_file} not annotated yet; skipped")
                    continue
                picked = select(args.data)
                gold_ids = [str(g.pid) for g in read_gold(GOLD / gold_file)]
                ok &= picked == gold_ids
                print(f"{name}: selection rule picks {len(picked)} ids; gold holds {len(gold_ids)}; "
                      f"identical and in order: {picked == gold_ids}")
            return 0 if ok else 1
        catalog = load_catalog(args.catalog)
        reports = {}
        test = set()
        chosen = set(args.set or ["all"])
        linked = link_seeds(catalog) if chosen & {"seeds", "all", "dev", "report"} else None
        inputs = {}  # set name -> (gold records, linked papers), for --bootstrap and --pool
        if chosen & {"dev", "report"}:
            inputs["dev"] = (read_gold(DEV_GOLD), linked)
        if "report" in chosen:
            seeds_gold = read_gold(GOLD / "heldout-seeds.jsonl")
            inputs["seeds-odd"] = (split_half(seeds_gold, "odd"), linked)
            inputs["seeds-even"] = (split_half(seeds_gold, "even"), linked)
            test.add("seeds-even")
        if chosen & {"seeds", "all"}:
            name = f"seeds-{args.half}" if args.half else "seeds"
            inputs[name] = (split_half(read_gold(GOLD / "heldout-seeds.jsonl"), args.half), linked)
            if args.half != "odd":
                test.add(name)
        arxiv_sets = []
        if chosen & {"arxiv", "all", "report"}:
            arxiv_sets.append(("arxiv", "heldout-arxiv.jsonl"))
            test.add("arxiv")
        if chosen & {"arxiv2", "report"}:
            arxiv_sets.append(("arxiv2", "heldout-arxiv-2.jsonl"))
            test.add("arxiv2")
        arxiv_sets += [(name, TUNING_SETS[name]) for name in sorted(chosen & set(TUNING_SETS))]
        test.update(chosen & HELD_OUT_TUNING)
        corpus = link_arxiv_corpus(catalog, args.data) if args.in_corpus and arxiv_sets else None
        for name, gold_file in arxiv_sets:
            gold = read_gold(GOLD / gold_file)
            inputs[name] = (gold, link_arxiv(gold, catalog, args.data) if corpus is None else _papers_of(gold, corpus))
        for name, (gold, papers) in inputs.items():
            reports[name] = evaluate(gold, papers, catalog)
        if args.pool and len(inputs) > 1:
            pooled = [(g, papers) for gold, papers in inputs.values() for g in gold]
            inputs["pooled"] = ([g for g, _ in pooled], [p for _, papers in inputs.values() for p in papers])
            reports["pooled"] = evaluate(*inputs["pooled"], catalog)
            if test & set(reports):
                test.add("pooled")
    except RelworkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    def hidden(name: str) -> bool:
        return name in test and not args.show_test_errors

    if args.json:
        out = {}
        for name, r in reports.items():
            out[name] = r.to_dict()
            if hidden(name):
                out[name]["errors"] = f"{len(r.errors)} errors hidden (test data; --show-test-errors)"
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for name, report in reports.items():
            _print(name, report, 0 if hidden(name) else args.errors, introduced_only=name in SILVER_SETS)
            if args.bootstrap:
                bounds = intervals(*inputs[name], catalog, rounds=args.bootstrap)
                print(f"  95% intervals ({args.bootstrap} resamples of the papers): " + "; ".join(
                    f"{m} {lo:.3f}-{hi:.3f}" for m, (lo, hi) in bounds.items()
                    if not (name in SILVER_SETS and not m.startswith("introduced"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
