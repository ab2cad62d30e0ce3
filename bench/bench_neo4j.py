"""Benchmark of the Neo4j export paths on a 100,000-paper graph: batched transactions vs neo4j-admin import.

Not a test. The graph is the seed corpus (examples/hf-papers) loaded, linked and built by relwork itself,
scaled up by replicating its papers with new ids: copy ``i`` of a paper gets the title suffix ``[copy i]``
(so a new paper id), and the names the corpus introduces become ``<name> #i`` inside copy ``i`` (so each
copy is its own citation neighbourhood, as in a real corpus where a method has one introducing paper),
while catalogued methods (Transformer, BERT, ...) are shared by all copies.

Steps, each on its own Neo4j 5.26 server started by ``scripts/neo4j.sh`` in a scratch home under
~/.cache/relwork/neo4j/bench (the test server is not touched):
1. batch-size sweep: ``export_graph`` of a smaller replica (--sweep-papers) with each --batch-sizes value,
   after one untimed warm-up export;
2. the full graph through ``export_graph`` with the best batch size of the sweep;
3. the full graph through ``write_neo4j_csv`` + ``neo4j-admin database import full`` (then the server is
   started on the imported store and the counts are checked).
Rates are (nodes + relationships) / wall seconds.

    python bench/bench_neo4j.py                          # 100,000 papers; sweep on 10,000
    python bench/bench_neo4j.py --papers 20000 --sweep-papers 5000 --batch-sizes 1000,5000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"
CACHE = Path(os.environ.get("RELWORK_NEO4J_CACHE", Path.home() / ".cache" / "relwork" / "neo4j"))
PASSWORD = "relwork-bench-password"


def seed_records():
    """The seed corpus as linked papers, with the catalog they were linked against."""
    from relwork.linker import link_corpus, load_catalog
    from relwork.loaders import load_papers

    catalog = load_catalog()
    loaded = load_papers(sorted((ROOT / "examples" / "hf-papers").glob("*.txt")))
    return link_corpus(loaded.papers, catalog), catalog


def replicate(records, n_papers: int):
    """``n_papers`` linked papers: the seed records, then renamed copies of them (see the module doc)."""
    from relwork.core.records import Introduced, Link, LinkedPaper, Paper

    introduced = {i.name for r in records for i in r.introduces}
    out = []
    copy = 0
    while len(out) < n_papers:
        for record in records:
            if len(out) >= n_papers:
                break
            if copy == 0:
                out.append(record)
                continue
            p = record.paper
            paper = Paper.create(f"{p.title} [copy {copy}]", p.abstract, year=p.year, authors=list(p.authors),
                                 url=p.url, source=p.sources[0] if p.sources else None)
            rename = lambda name: f"{name} #{copy}" if name in introduced else name  # noqa: E731
            out.append(LinkedPaper(
                paper,
                [Introduced(rename(i.name), i.kind, [], i.evidence) for i in record.introduces],
                [Link(rename(l.method), l.kind, l.relation, l.surface, l.field, l.start, l.end, l.evidence, l.cue,
                      l.confidence) for l in record.links],
            ))
        copy += 1
    return out


def build(records, catalog):
    from relwork.graph.build import build_graph

    return build_graph(records, catalog)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A scratch Neo4j instance run by scripts/neo4j.sh."""

    def __init__(self, name: str, heap: str, pagecache: str):
        self.home = CACHE / "bench" / name
        self.port = free_port()
        self.env = dict(os.environ, RELWORK_NEO4J_HOME=str(self.home), NEO4J_BOLT_PORT=str(self.port),
                        NEO4J_PASSWORD=PASSWORD, NEO4J_HEAP=heap, NEO4J_PAGECACHE=pagecache)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(["bash", str(SCRIPT), *args], env=self.env, capture_output=True, text=True)
        if check and done.returncode != 0:
            sys.exit(f"scripts/neo4j.sh {args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return done

    def reset(self) -> None:
        self.run("reset", check=False)
        shutil.rmtree(self.home, ignore_errors=True)

    def connection(self):
        from relwork.graph.neo4j import Connection

        return Connection(f"bolt://127.0.0.1:{self.port}", "neo4j", PASSWORD)


def size(G) -> int:
    return G.number_of_nodes() + G.number_of_edges()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--sweep-papers", type=int, default=10_000)
    parser.add_argument("--batch-sizes", default="500,2000,10000")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="512m")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.batch_sizes.split(",")]

    from relwork.graph.neo4j import database_counts, export_graph, wipe_database
    from relwork.graph.neo4j_csv import write_neo4j_csv

    t0 = time.perf_counter()
    seed, catalog = seed_records()
    full_records = replicate(seed, args.papers)
    G_sweep = build(full_records[: args.sweep_papers], catalog)
    G = build(full_records, catalog)
    print(f"graphs built in {time.perf_counter() - t0:.1f}s: sweep {G_sweep.number_of_nodes()} nodes + "
          f"{G_sweep.number_of_edges()} rels; full {G.number_of_nodes()} nodes + {G.number_of_edges()} rels",
          file=sys.stderr)
    results: dict = {"papers": args.papers, "nodes": G.number_of_nodes(), "relationships": G.number_of_edges(),
                     "sweep": [], "cpus": os.cpu_count()}

    server = Server("driver", args.heap, args.pagecache)
    server.reset()
    server.run("start")
    conn = server.connection()
    try:
        # warm-up (not timed): JIT, query plans, page cache; without it the first batch size looks worst
        export_graph(G_sweep, conn, batch_size=sizes[0])
        for batch in sizes:
            wipe_database(conn)
            start = time.perf_counter()
            export_graph(G_sweep, conn, batch_size=batch)
            seconds = time.perf_counter() - start
            results["sweep"].append({"batch_size": batch, "seconds": seconds, "rate": size(G_sweep) / seconds})
            print(f"sweep batch {batch}: {seconds:.1f}s, {size(G_sweep) / seconds:,.0f} rows/s", file=sys.stderr)
        best = max(results["sweep"], key=lambda r: r["rate"])["batch_size"]
        wipe_database(conn)
        start = time.perf_counter()
        result = export_graph(G, conn, batch_size=best)
        seconds = time.perf_counter() - start
        results["driver"] = {"batch_size": best, "seconds": seconds, "rate": size(G) / seconds,
                             "transactions": result.transactions}
        print(f"driver export, batch {best}: {seconds:.1f}s, {size(G) / seconds:,.0f} rows/s", file=sys.stderr)
    finally:
        server.run("stop", check=False)

    importer = Server("import", args.heap, args.pagecache)
    importer.reset()
    csv_dir = CACHE / "bench" / "csv"
    shutil.rmtree(csv_dir, ignore_errors=True)
    start = time.perf_counter()
    export = write_neo4j_csv(G, csv_dir)
    write_seconds = time.perf_counter() - start
    start = time.perf_counter()
    done = importer.run("admin", *export.command_args())
    import_seconds = time.perf_counter() - start
    importer.run("start")
    try:
        counts = database_counts(importer.connection())
        assert counts["Paper"] + counts["Method"] == G.number_of_nodes(), counts
    finally:
        importer.run("stop", check=False)
    results["csv"] = {"write_seconds": write_seconds, "import_seconds": import_seconds,
                      "rate": size(G) / (write_seconds + import_seconds), "import_rate": size(G) / import_seconds,
                      "import_output_tail": done.stdout.strip().splitlines()[-5:]}
    importer.reset()
    server.reset()
    shutil.rmtree(csv_dir, ignore_errors=True)

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"Neo4j export of {args.papers:,} papers: {results['nodes']:,} nodes + {results['relationships']:,} "
          f"relationships ({os.cpu_count()} CPUs)\n")
    print("| path | batch size | seconds | nodes+rels/s |")
    print("|---|---:|---:|---:|")
    for row in results["sweep"]:
        print(f"| driver, sweep ({args.sweep_papers:,} papers) | {row['batch_size']} | {row['seconds']:.1f} | {row['rate']:,.0f} |")
    d = results["driver"]
    print(f"| driver, full graph | {d['batch_size']} | {d['seconds']:.1f} | {d['rate']:,.0f} |")
    c = results["csv"]
    print(f"| neo4j-csv write + neo4j-admin import | - | {c['write_seconds']:.1f} + {c['import_seconds']:.1f} | {c['rate']:,.0f} |")


if __name__ == "__main__":
    main()
