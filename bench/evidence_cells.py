"""How many query-table evidence cells show the method their link is about (qa9 Q4).

For every builds_on / compares_to / mentions edge of a graph, whether the table cell of its evidence sentence
holds the edge's ``surface`` as a whole word: cut at the sentence's first characters (before session 15) and cut
around the surface (``cli._short``), at the tables' 160 characters and the bridge cells' 100.

    python bench/evidence_cells.py graph.json
"""

from __future__ import annotations

import argparse

from relwork import cli
from relwork.graph.io import load_graph


def head_cut(text: str, width: int) -> str:
    """The cell as it was before: the first ``width - 1`` characters and '…'."""
    text = cli._one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph")
    args = parser.parse_args()
    G = load_graph(args.graph)
    links = [d for u, _, k, d in G.edges(keys=True, data=True)
             if k in ("BUILDS_ON", "COMPARES_TO", "MENTIONS") and G.nodes[u].get("label") == "Paper"]
    named = [d for d in links if cli._surface_span(cli._one_line(d["evidence"]), d.get("surface")) is not None]
    longer = sum(len(cli._one_line(d["evidence"])) > cli.MAX_EVIDENCE for d in links)
    print(f"{len(links)} links, {longer} with a sentence longer than {cli.MAX_EVIDENCE} characters, "
          f"{len(named)} whose sentence holds the surface as a whole word")
    for width in (cli.MAX_EVIDENCE, 100):
        before = sum(cli._surface_span(head_cut(d["evidence"], width), d["surface"]) is not None for d in named)
        after = sum(cli._surface_span(cli._short(d["evidence"], width, d["surface"]), d["surface"]) is not None
                    for d in named)
        print(f"{width}-character cells showing the surface: head cut {before}, around the surface {after}")


if __name__ == "__main__":
    main()
