"""Benchmark of the HTML view: generation time, file size and time until the page is interactive.

Not a test: prints a table (and --json) for synthetic graphs that follow graph/schema.py, by default of
200, 2,000 and 5,000 nodes. A synthetic graph has ~72% papers, ~22% methods, ~6% datasets, a few
external origin papers, 2-6 links per paper to methods picked with a heavy-tailed popularity (like real
corpora, where a few methods are everywhere), DERIVED_FROM edges between methods and Paper->Paper
citation-style edges through introduced methods.

"Interactive" is measured in headless Debian chromium (scripts/chromium.sh), networking off: from
``driver.get(file://...)`` returning to the page's ``window.relwork.ready`` flag (set once vis-network has
drawn the first frame); then, each until the next frame is drawn, selecting the most connected node
(highlight + zoom + side panel) and hiding the first node kind with its filter.

    python bench/bench_html.py                 # 200, 2000, 5000 nodes
    python bench/bench_html.py --sizes 500 --no-browser
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from relwork.graph import schema
from relwork.viz import write_html

WORDS = (
    "efficient sparse attention long context retrieval augmented language models vision transformer "
    "diffusion policy reinforcement learning reasoning benchmark multimodal alignment scaling laws "
    "mixture experts state space quantization distillation agents tool use video generation"
).split()
CUES = {schema.BUILDS_ON: "based on", schema.COMPARES_TO: "outperforms", schema.MENTIONS: ""}


def synthetic_graph(n_nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A schema-conforming graph of ``n_nodes`` nodes with realistic degree skew."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    n_methods = max(3, int(n_nodes * 0.22))
    n_datasets = max(1, int(n_nodes * 0.06))
    n_external = max(1, int(n_nodes * 0.03))
    n_papers = max(1, n_nodes - n_methods - n_datasets - n_external)
    methods = []
    for i in range(n_methods + n_datasets):
        kind = "method" if i < n_methods else "dataset"
        name = f"{rnd.choice(WORDS).title()}{rnd.choice(WORDS).title()}-{i}"
        node = schema.method_node(name)
        G.add_node(node, label=schema.METHOD, name=name, kind=kind, aliases=[name.lower()],
                   year=rnd.randint(2015, 2025))
        methods.append(node)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(methods))]
    for i, child in enumerate(methods[:n_methods]):
        if i > 5 and rnd.random() < 0.3:
            G.add_edge(child, methods[rnd.randrange(0, i)], key=schema.DERIVED_FROM, type=schema.DERIVED_FROM)
    introduced_by: dict[str, str] = {}
    for i in range(n_external):
        node = schema.paper_node(f"ext{i}")
        G.add_node(node, label=schema.PAPER, title=f"Origin paper {i}: " + " ".join(rnd.sample(WORDS, 6)),
                   year=rnd.randint(2014, 2022), authors=[], url=None, arxiv_id=f"19{i % 12 + 1:02d}.{i:05d}",
                   doi=None, sources=[], external=True)
        method = methods[i % len(methods)]
        G.add_edge(node, method, key=schema.INTRODUCES, type=schema.INTRODUCES, evidence="", cue="",
                   field="catalog", confidence=1.0, surface=G.nodes[method]["name"])
        introduced_by[method] = node
    for i in range(n_papers):
        node = schema.paper_node(f"24{i % 12 + 1:02d}.{i:05d}")
        title = " ".join(rnd.sample(WORDS, rnd.randint(4, 9))).capitalize()
        G.add_node(node, label=schema.PAPER, title=title, year=rnd.randint(2019, 2025),
                   authors=[f"Author {rnd.randint(1, 999)}" for _ in range(rnd.randint(1, 6))], url=None,
                   arxiv_id=node.split(":", 1)[1], doi=None, sources=[], external=False)
        for method in set(rnd.choices(methods, weights=weights, k=rnd.randint(2, 6))):
            etype = rnd.choices([schema.BUILDS_ON, schema.COMPARES_TO, schema.MENTIONS], [3, 2, 5])[0]
            name = G.nodes[method]["name"]
            G.add_edge(node, method, key=etype, type=etype, cue=CUES[etype], field="abstract",
                       evidence=f"We {CUES[etype] or 'use'} {name} for {rnd.choice(WORDS)} {rnd.choice(WORDS)}.",
                       confidence=round(rnd.uniform(0.5, 1.0), 2), surface=name)
            origin = introduced_by.get(method)
            if origin and etype != schema.MENTIONS:
                G.add_edge(node, origin, key=f"{etype}:{name}", type=etype, via=name)
    return G


def _time_browser(path: Path) -> dict:
    """Seconds until ``window.relwork.ready`` and for one search round trip, in headless chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="relwork-bench-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0,
                                                                     "downloadThroughput": 0, "uploadThroughput": 0})
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())
        loaded = time.perf_counter() - start
        while not driver.execute_script("return !!(window.relwork && window.relwork.ready)"):
            if time.perf_counter() - start > 120:
                raise RuntimeError("page not interactive after 120 s")
            time.sleep(0.02)
        interactive = time.perf_counter() - start
        driver.set_script_timeout(120)
        # the most connected node: the worst case for the side panel and the highlight
        target = driver.execute_script(
            "var best = null; relwork.info.forEach(function (d, id) {"
            " if (best === null || d.degree > relwork.info.get(best).degree) best = id; }); return best")
        until_drawn = (
            "var done = arguments[arguments.length - 1], t = performance.now();"
            "relwork.network.once('afterDrawing', function () { done(performance.now() - t); });"
        )
        select = driver.execute_async_script(until_drawn + "relwork.selectNode(arguments[0], true);", target)
        driver.execute_script("relwork.clearSelection()")
        time.sleep(0.5)
        kind = driver.execute_script("return relwork.data.kinds[0].key")
        filter_ms = driver.execute_async_script(until_drawn + "relwork.setKind(arguments[0], false);", kind)
        return {"load_s": round(loaded, 2), "interactive_s": round(interactive, 2),
                "select_s": round(select / 1000, 2), "filter_s": round(filter_ms / 1000, 2)}
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 5000])
    parser.add_argument("--no-browser", action="store_true", help="only generation time and file size")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="relwork-bench-html-") as tmp:
        for size in args.sizes:
            G = synthetic_graph(size)
            path = Path(tmp) / f"graph-{size}.html"
            start = time.perf_counter()
            write_html(G, path)
            row = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                   "generate_s": round(time.perf_counter() - start, 2),
                   "size_mb": round(path.stat().st_size / 1e6, 2)}
            if not args.no_browser:
                row.update(_time_browser(path))
            rows.append(row)
            if not args.json:
                print("  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
