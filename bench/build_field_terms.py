"""Build the field-term lexicon ``linker/data/field-terms.json`` from unlabelled abstracts.

A field term is an acronym that several papers spell out alike: 'simultaneous localization and mapping (SLAM)',
'image quality assessment (IQA)', 'active learning (AL)'. A paper that works in the field writes it as if it
were its own ('we present a monocular Simultaneous Localization and Mapping (SLAM) algorithm'), and other papers
would then cite it for the term. ``detect_introduced`` drops a short form the lexicon lists with the paper's
reading (``_drop_field_terms``). An acronym enters with a reading when at least ``--min-groups`` papers with no
author surname in common define it so (one group's follow-ups spell their own coinage alike); each reading keeps
the year it first appears, so that the paper that coined a name later spelled out by others keeps it.
Catalogued and generic keys stay out: the catalog and ``GENERIC`` decide those.

    python bench/build_field_terms.py /tmp/arx19k.jsonl            # writes linker/data/field-terms.json
    python bench/build_field_terms.py abstracts.jsonl -o lexicon.json --min-groups 3

The input is JSON Lines with ``id``, ``abstract``, ``authors`` (a list or one string) and ``year``; the shipped
lexicon was built from the 18,795 unlabelled arXiv abstracts of the arxiv-amds123 sample with every gold id
removed (``/tmp/arx19k.jsonl`` in the sessions' notes), so no evaluated paper contributes to it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from relwork.core.records import first_submitted
from relwork.linker import introduced
from relwork.linker.catalog import alias_key, load_catalog
from relwork.linker.pipeline import Linker

OUT = Path(__file__).resolve().parent.parent / "linker" / "data" / introduced.FIELD_TERMS_FILE


def surnames(record: dict) -> frozenset[str]:
    """The authors' surnames (the record's id when it has no authors): papers sharing one are one group."""
    authors = record.get("authors") or []
    if isinstance(authors, str):
        authors = re.split(r",\s*|\s+and\s+", authors)
    words = [re.sub(r"\(.*?\)", "", a).split() for a in authors]
    return frozenset(w[-1].lower() for w in words if w) or frozenset([str(record.get("id"))])


def build(records, known: "set[str]", min_groups: int = 2) -> dict[str, list[list]]:
    """{alias key: [[long form as most often written, first year], ...]} of the acronyms ``min_groups`` author
    groups define with one reading (``introduced._reading`` with head nouns)."""
    uses: dict[str, dict[tuple, list]] = defaultdict(dict)
    for record in records:
        text = record.get("abstract") or ""
        if "(" not in text:
            continue
        when = first_submitted(record.get("id"), record.get("year"))
        year = when[0] if when else 9999
        seen = set()
        for definition in introduced.find_definitions(text):
            key = alias_key(definition.short)
            if key in seen or key in known or key in introduced.GENERIC or not introduced.is_short_form(definition.short):
                continue
            seen.add(key)
            reading = introduced._reading(definition.long, heads=True)
            if reading:
                uses[key].setdefault(reading, []).append((surnames(record), year, definition.long.lower()))
    lexicon: dict[str, list[list]] = {}
    for key, readings in uses.items():
        for found in readings.values():
            groups: list[set] = []
            for names, _, _ in found:
                if not any(names & group for group in groups):
                    groups.append(set(names))
            if len(groups) >= min_groups:
                spelled = Counter(written for _, _, written in found).most_common(1)[0][0]
                lexicon.setdefault(key, []).append([spelled, min(year for _, year, _ in found)])
    return dict(sorted(lexicon.items()))


def main(argv: "list[str] | None" = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("abstracts", type=Path, help="JSON Lines of unlabelled abstracts")
    parser.add_argument("-o", "--output", type=Path, default=OUT, help=f"lexicon file (default {OUT})")
    parser.add_argument("--min-groups", type=int, default=2, help="author groups that must define a reading (2)")
    args = parser.parse_args(argv)
    with args.abstracts.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    lexicon = build(records, Linker(load_catalog(), compile=False).catalog_known, args.min_groups)
    args.output.write_text(json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(lexicon)} acronyms, {sum(len(v) for v in lexicon.values())} readings -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
