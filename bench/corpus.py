"""Scale real abstracts to N benchmark records (JSON Lines in the arXiv snapshot shape).

The pool is the example corpus plus ``../shared/data/arxiv-amds123`` (about 20,000 real abstracts). Record
``i`` is built from pool paper ``i mod pool``: its title, its first two sentences (the context and cue words
a real abstract opens with), then three to six sentences drawn from other real abstracts. So that a
200,000-record corpus is not the same 20,000 abstracts ten times over, which a per-abstract or
per-sentence cache could exploit, every record after the first pass over the pool is changed:

* every sentence is edited (free-standing numbers redrawn, one frequent word swapped for a synonym, or a discourse
  marker put in front), so no sentence text repeats exactly;
* a name the title introduces ("LATTE: ...") gets a new variant per repeat ("NeoLATTE", "HyperLATTE2",
  ...), in the title and in the abstract's own sentences, so the corpus introduces as many distinct names
  as a real one of that size would, and the corpus-name automaton grows accordingly;
* the title carries the record number, the id and year are unique.

Catalogued method names are never edited: the linking work per record stays that of real text.
Deterministic for a given seed.

    python bench/corpus.py 200000 -o /tmp/corpus-200k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "arxiv-amds123"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# free-standing quantities ('12 layers', '3.5 points'); single digits and numbers attached to names
# ('GPT-3', 'CIFAR-10', 'Llama 2', 'T5') are left alone so catalogued names keep matching
_NUMBER = re.compile(r"(?<![\w.\-])(?:\d{2,}(?:\.\d+)?|\d\.\d+)(?![\w.\-])")
_TITLE_NAME = re.compile(r"^\s*((?:[A-Za-z0-9][\w\-+^]*)(?:\s+[A-Z0-9][\w\-+^]*){0,2})\s*:")
# frequent abstract words and a synonym each; swapping one keeps the sentence natural and its cues intact
SYNONYMS = {
    "significantly": "substantially", "substantially": "considerably", "considerably": "significantly",
    "novel": "new", "approach": "method", "results": "findings", "findings": "results",
    "demonstrate": "show", "show": "demonstrate", "shows": "demonstrates", "demonstrates": "shows",
    "improve": "enhance", "improves": "enhances", "enhance": "improve", "various": "diverse",
    "several": "multiple", "multiple": "several", "effective": "efficient", "efficient": "effective",
    "large": "big", "important": "crucial", "crucial": "important", "however": "nevertheless",
    "achieves": "obtains", "achieve": "obtain", "obtain": "achieve", "task": "problem", "tasks": "problems",
    "experiments": "evaluations", "extensive": "comprehensive", "comprehensive": "extensive",
    "paper": "work", "existing": "current", "recent": "latest", "previous": "prior", "using": "with",
}
_SWAPPABLE = re.compile(r"\b(" + "|".join(sorted(SYNONYMS, key=len, reverse=True)) + r")\b")
MARKERS = (
    "Moreover, ", "In addition, ", "Notably, ", "Furthermore, ", "Importantly, ", "Empirically, ", "Indeed, ",
    "In practice, ", "Specifically, ", "In particular, ", "As a result, ", "To this end, ", "In this context, ",
    "Overall, ", "Crucially, ", "Interestingly, ",
)
# sentence-initial words lower-cased after a marker (other capitalised first words may be names)
_PLAIN_FIRST = frozenset(
    "we the this our these in to a an it such many most recent existing experiments results with for by as "
    "on while although since here there unlike compared given due based".split()
)
_CONNECTIVES = ("however", "moreover", "furthermore", "additionally", "finally", "then", "thus", "therefore",
                "nevertheless", "consequently", "hence", "besides")
NAME_PREFIXES = ("Neo", "Hyper", "Omni", "Flex", "Nova", "Meta", "Ultra", "Mini", "Deep", "Fast", "Lite", "Proto")


def real_abstracts() -> list[tuple[str, str]]:
    """(title, abstract) pairs from the example corpus and the shared arXiv sample."""
    from relwork.loaders import load_papers

    pairs = [(p.title, p.abstract) for p in load_papers(sorted((ROOT / "examples" / "hf-papers").glob("*.txt"))).papers]
    for path in sorted(SHARED.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("title") and record.get("abstract"):
                    pairs.append((record["title"], record["abstract"]))
    return pairs


def edit_sentence(sentence: str, rng: random.Random) -> str:
    """The sentence with free-standing numbers redrawn, one frequent word swapped for its synonym and/or a
    discourse marker in front (at least one of the two)."""
    edited = _NUMBER.sub(lambda m: _redraw(m.group(), rng), sentence)
    words = list(_SWAPPABLE.finditer(edited))
    if words:
        word = rng.choice(words)
        edited = edited[: word.start()] + SYNONYMS[word.group()] + edited[word.end() :]
    if words and rng.random() < 0.5:
        return edited
    first, _, rest = edited.partition(" ")
    plain = first.rstrip(",;:").lower()
    if plain in _CONNECTIVES:  # 'However, ...' gets another connective rather than a second one
        return rng.choice([c for c in _CONNECTIVES if c != plain]).capitalize() + first[len(plain):] + " " + rest
    if plain in _PLAIN_FIRST:  # other capitalised first words may be names ('BERT', 'ImageNet'): kept
        edited = edited[:1].lower() + edited[1:]
    return rng.choice(MARKERS) + edited


def _redraw(number: str, rng: random.Random) -> str:
    if "." in number:
        whole, frac = number.split(".")
        return f"{rng.randint(0, max(9, int(whole) * 2))}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    if len(number) == 4 and number[:2] in ("19", "20"):
        return number  # a year stays a year
    return str(rng.randint(1, max(9, int(number) * 2)))


def rename(title: str, own: list[str], repeat: int) -> tuple[str, list[str]]:
    """A title-prefix name ('LATTE: ...') made distinct for the ``repeat``-th reuse of this pool paper."""
    match = _TITLE_NAME.match(title)
    if not match:
        return title, own
    name = match.group(1)
    new = NAME_PREFIXES[(repeat - 1) % len(NAME_PREFIXES)] + name.replace(" ", "")
    if repeat > len(NAME_PREFIXES):
        new += str((repeat - 1) // len(NAME_PREFIXES) + 1)
    pattern = re.compile(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])")
    return title[: match.start(1)] + new + title[match.end(1) :], [pattern.sub(new, s) for s in own]


def generate(n: int, seed: int = 0):
    """Yield ``n`` distinct records built from real sentences (see the module docstring)."""
    rng = random.Random(seed)
    pool = real_abstracts()
    sentences = [s for _, abstract in pool for s in _SENTENCE.split(abstract) if len(s) > 20]
    for i in range(n):
        title, abstract = pool[i % len(pool)]
        repeat = i // len(pool)
        own = _SENTENCE.split(abstract)[:2]
        borrowed = rng.sample(sentences, rng.randint(3, 6))
        if repeat:
            title, own = rename(title, own, repeat)
            own = [edit_sentence(s, rng) for s in own]
            title = f"{title} ({i})"
        borrowed = [edit_sentence(s, rng) for s in borrowed]
        yield {
            "id": f"{17 + (i // 99999) % 9:02d}{1 + (i // 899991) % 12:02d}.{i % 99999:05d}",
            "title": title,
            "abstract": " ".join(own + borrowed),
            "authors": "A. Author, B. Author",
            "categories": "cs.CL cs.LG",
            "versions": [{"version": "v1", "created": f"Mon, 1 Jan {2017 + i % 9} 00:00:00 GMT"}],
            "update_date": f"{2017 + i % 9}-01-01",
        }


def write(n: int, path: Path, seed: int = 0) -> Path:
    """Write ``n`` records to ``path`` (JSON Lines); returns ``path``."""
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write(args.n, args.output, args.seed)
    print(f"wrote {args.n} records to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
