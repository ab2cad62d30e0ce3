"""The HTML view (viz/html.py): page generation, selection of what to draw, and the page itself in a real
headless Chromium with networking off (tests marked ``browser``: they fail under CI and skip locally when
chromium/chromedriver are missing; scripts/chromium.sh installs them).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.errors import ExportError, GraphError
from relwork.graph import schema
from relwork.graph.io import save_graph
from relwork.viz import PHYSICS_MAX_NODES, generate_html, resolve_node, select_nodes, write_html
from relwork.viz.html import script_json
from relwork.viz.layout import layout_positions

from conftest import ROOT, require_service

XSS_TITLE = "<img src=x onerror=alert(1)></script><script>alert(2)</script> & \u2028 \"quoted\" 'single'"
XSS_EVIDENCE = "Unlike </script><b onclick=alert(3)>Transformers</b>, we use <iframe src=javascript:alert(4)>."
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def P(G: nx.MultiDiGraph, pid: str, title: str, year: int | None, *, external: bool = False, **extra) -> str:
    node = schema.paper_node(pid)
    G.add_node(node, label=schema.PAPER, title=title, abstract=extra.pop("abstract", ""), year=year,
               authors=extra.pop("authors", []), url=extra.pop("url", None), arxiv_id=extra.pop("arxiv_id", None),
               doi=extra.pop("doi", None), sources=[], external=external)
    return node


def M(G: nx.MultiDiGraph, name: str, kind: str = "method", aliases: tuple = (), year: int | None = None) -> str:
    node = schema.method_node(name)
    G.add_node(node, label=schema.METHOD, name=name, kind=kind, area="nlp", aliases=list(aliases), year=year,
               catalogued=kind != "uncatalogued")
    return node


def link(G, paper, method, etype, evidence="", cue="", confidence=0.9):
    name = G.nodes[method]["name"]
    G.add_edge(paper, method, key=etype, type=etype, evidence=evidence, cue=cue, field="abstract",
               confidence=confidence, surface=name, count=1)


def hand_graph() -> nx.MultiDiGraph:
    """A small graph by graph/schema.py: every node kind, every edge type, an XSS title and evidence."""
    G = nx.MultiDiGraph()
    longformer = M(G, "Longformer", aliases=("Long-Document Transformer",), year=2020)
    mamba = M(G, "Mamba", aliases=("Mamba SSM", "selective state space model"), year=2023)
    transformer = M(G, "Transformer", aliases=("Transformers",), year=2017)
    lra = M(G, "LRA", kind="dataset", aliases=("Long Range Arena",), year=2020)
    foonet = M(G, "FooNet", kind="uncatalogued")
    G.add_edge(longformer, transformer, key=schema.DERIVED_FROM, type=schema.DERIVED_FROM, evidence="",
               cue="", field="catalog", confidence=1.0, surface="")
    e1 = P(G, "2004.05150", "Longformer: The Long-Document Transformer", 2020, external=True, arxiv_id="2004.05150")
    e2 = P(G, "2312.00752", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces", 2023,
           external=True, arxiv_id="2312.00752")
    for origin, method in ((e1, longformer), (e2, mamba)):
        G.add_edge(origin, method, key=schema.INTRODUCES, type=schema.INTRODUCES, evidence="", cue="",
                   field="catalog", confidence=1.0, surface=G.nodes[method]["name"])
    p1 = P(G, "2401.00001", "Sparse attention for very long documents", 2024, arxiv_id="2401.00001",
           authors=["Ada Lovelace", "Alan Turing"], abstract="We build on Longformer to extend context.")
    link(G, p1, longformer, schema.BUILDS_ON, "We build on Longformer to extend the context to 64k tokens.", "build on")
    link(G, p1, mamba, schema.COMPARES_TO, "Our model outperforms Mamba on long-range tasks.", "outperforms")
    link(G, p1, lra, schema.MENTIONS, "We evaluate on the Long Range Arena benchmark.")
    p2 = P(G, "2402.00002", "A state-space model for video understanding", 2023, arxiv_id="2402.00002")
    link(G, p2, mamba, schema.BUILDS_ON, "Our encoder is based on Mamba blocks.", "based on")
    link(G, p2, foonet, schema.INTRODUCES, "We introduce FooNet, a video state-space model.")
    p3 = P(G, "doi:10.1000/xss", XSS_TITLE, 2022, doi="10.1000/xss", url="javascript:alert(5)")
    link(G, p3, transformer, schema.MENTIONS, XSS_EVIDENCE)
    P(G, "title:0123456789abcdef", "An undated workshop note on attention", None)
    for src, dst, etype, via in ((p1, e1, schema.BUILDS_ON, "Longformer"), (p1, e2, schema.COMPARES_TO, "Mamba"),
                                 (p2, e2, schema.BUILDS_ON, "Mamba")):
        G.add_edge(src, dst, key=f"{etype}:{via}", type=etype, via=via)
    return G


def wide_graph(n_papers: int = PHYSICS_MAX_NODES + 60, n_methods: int = 25) -> nx.MultiDiGraph:
    """A graph above the physics threshold: papers linking to two methods each, deterministic."""
    G = nx.MultiDiGraph()
    methods = [M(G, f"Method{i}", kind="dataset" if i % 5 == 0 else "method", year=2015 + i % 8)
               for i in range(n_methods)]
    for i in range(n_papers):
        paper = P(G, f"2301.{i:05d}", f"Paper number {i} on topic {i % 7}", 2018 + i % 7, arxiv_id=f"2301.{i:05d}")
        link(G, paper, methods[i % n_methods], schema.BUILDS_ON, f"Paper {i} builds on Method{i % n_methods}.",
             "builds on")
        link(G, paper, methods[(i * 7 + 3) % n_methods], schema.MENTIONS, f"Paper {i} mentions it.")
    return G


# ---------------------------------------------------------------------------------------------------
# generation, without a browser


@pytest.mark.parametrize("text", [XSS_TITLE, XSS_EVIDENCE, "</SCRIPT >", "a\u2029b", "<!-- x", "]]>&amp;"])
def test_script_json_escapes_markup_characters(text):
    encoded = script_json({"t": text})
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == {"t": text}


def test_generate_html_is_self_contained():
    page = generate_html(hand_graph())
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert not re.search(r"//(cdn|cdnjs|unpkg|fonts)\.", page, re.I)
    assert len(re.findall(r"^<script", page, re.M)) == 3 and "vis.Network" in page
    assert "sourceMappingURL" not in page  # DevTools would try to fetch the map
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp


def test_generate_html_never_puts_untrusted_text_raw():
    page = generate_html(hand_graph())
    body = page[page.index('<script type="application/json"') :]
    data_block = body[: body.index("</script>")]
    assert "<img" not in page and "<iframe" not in page and "alert(2)" in page  # present only escaped
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in data_block
    assert "javascript:alert(5)" not in page  # a non-http(s) URL is dropped, not linked


def test_generate_html_focus_heading_escapes_the_focused_title():
    """--focus puts the node's label in <title> and <h1>, outside the JSON block: escaped there as HTML."""
    page = generate_html(hand_graph(), focus="paper:doi:10.1000/xss")
    assert "<img" not in page and "<script>alert" not in page
    assert "<title>relwork graph around &lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in page
    assert '<h1 id="rw-heading">relwork graph around &lt;img src=x onerror=alert(1)&gt;' in page


def test_generate_html_draws_every_node_and_edge_with_styles():
    G = hand_graph()
    G.add_edge("method:FooNet", "method:Transformer", key=schema.NAMED_AFTER, type=schema.NAMED_AFTER, evidence="",
               cue="", field="name", confidence=1.0, surface="FooNet")  # the one edge type hand_graph lacks
    data = json.loads(_data_block(generate_html(G)))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    shapes = {n["id"]: n["shape"] for n in data["nodes"]}
    assert shapes["paper:2401.00001"] == "dot" and shapes["paper:2004.05150"] == "diamond"
    assert shapes["method:Mamba"] == "triangle" and shapes["method:LRA"] == "square"
    assert shapes["method:FooNet"] == "triangleDown"
    groups = data["options"]["groups"]
    assert {n["group"] for n in data["nodes"]} == set(groups)
    assert set(groups) == {"paper", "external", "method", "dataset", "uncatalogued"}
    assert len({g["color"]["background"] for g in groups.values()}) == len(groups)
    sizes = {n["id"]: n["value"] for n in data["nodes"]}
    assert sizes["method:Mamba"] > sizes["paper:title:0123456789abcdef"]
    assert {r["type"] for r in data["relations"]} == set(schema.EDGE_TYPES)
    assert all(n.get("title") is None for n in data["nodes"])  # tooltips are built as text in the page


def test_write_html_returns_path_and_creates_file(tmp_path):
    out = write_html(hand_graph(), tmp_path / "g.html")
    assert out == tmp_path / "g.html" and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_html_creates_missing_parent_directories(tmp_path):
    out = write_html(hand_graph(), tmp_path / "missing-dir" / "sub" / "g.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_write_html_unwritable_path_raises_export_error(tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    with pytest.raises(ExportError, match=r"a-file.*cannot write the HTML view"):
        write_html(hand_graph(), tmp_path / "a-file" / "g.html")


@pytest.mark.parametrize(
    "name, expected",
    [("long-document transformer", "method:Longformer"), ("MAMBA", "method:Mamba"),
     ("2402.00002", "paper:2402.00002"), ("sparse attention for very long documents", "paper:2401.00001"),
     ("method:LRA", "method:LRA")],
)
def test_resolve_node_by_alias_case_and_paper_ids(name, expected):
    assert resolve_node(hand_graph(), name) == expected


def test_resolve_node_unknown_name_raises_graph_error():
    with pytest.raises(GraphError, match="no method named 'Perceiver'.*no paper matching 'Perceiver'"):
        resolve_node(hand_graph(), "Perceiver")


@pytest.mark.parametrize(
    "focus, depth, expected",
    [("Longformer", 1, {"method:Longformer", "paper:2401.00001", "paper:2004.05150", "method:Transformer"}),
     ("Longformer", 0, {"method:Longformer"}),
     ("FooNet", 2, {"method:FooNet", "paper:2402.00002", "method:Mamba", "paper:2312.00752"})],
)
def test_select_nodes_focus_keeps_depth_neighbourhood(focus, depth, expected):
    assert set(select_nodes(hand_graph(), focus=focus, depth=depth)) == expected


def test_select_nodes_max_nodes_keeps_most_connected_and_focus():
    G = hand_graph()
    top = set(select_nodes(G, max_nodes=3))
    degree = dict(G.degree())
    assert len(top) == 3 and min(degree[n] for n in top) >= max(degree[n] for n in set(G) - top)
    assert "method:FooNet" in select_nodes(G, focus="FooNet", depth=3, max_nodes=2)


@pytest.mark.parametrize("kwargs", [{"depth": -1}, {"max_nodes": 0}, {"depth": 1.5}])
def test_select_nodes_bad_limits_raise_graph_error(kwargs):
    with pytest.raises(GraphError, match="must be a whole number"):
        select_nodes(hand_graph(), **kwargs)


def test_layout_positions_covers_every_node_deterministically():
    G = wide_graph()
    first, second = layout_positions(G), layout_positions(G)
    assert first == second and set(first) == set(G)
    assert len(set(first.values())) == G.number_of_nodes()  # no two nodes on the same spot


def test_generate_html_big_graph_switches_physics_off():
    data = json.loads(_data_block(generate_html(wide_graph())))
    assert data["options"]["physics"]["enabled"] is False and data["meta"]["physics"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    small = json.loads(_data_block(generate_html(hand_graph())))
    assert small["options"]["physics"]["enabled"] is True


def test_cli_html_writes_page_and_reports_drawn_counts_as_json(tmp_path):
    graph = save_graph(hand_graph(), tmp_path / "g.json")
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["html", str(graph), "-o", str(out), "--focus", "mamba", "--depth", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["path"] == str(out) and report["bytes"] == out.stat().st_size
    data = json.loads(_data_block(out.read_text(encoding="utf-8")))
    assert {n["id"] for n in data["nodes"]} == {
        "method:Mamba", "paper:2401.00001", "paper:2402.00002", "paper:2312.00752"}
    assert report["nodes"] == len(data["nodes"]) == 4 and report["edges"] == len(data["edges"])
    assert report["graph_nodes"] > report["nodes"]


@pytest.mark.parametrize(
    "args, code, message",
    [(["--focus", "Perceiver"], 4, "no method named 'Perceiver'"), (["--max-nodes", "0"], 2, "max-nodes")],
)
def test_cli_html_bad_arguments_exit_with_message(tmp_path, args, code, message):
    graph = save_graph(hand_graph(), tmp_path / "g.json")
    result = CliRunner().invoke(app, ["html", str(graph), "-o", str(tmp_path / "v.html"), *args])
    assert result.exit_code == code and message in result.output
    assert not (tmp_path / "v.html").exists()


def _data_block(page: str) -> str:
    tag = '<script type="application/json" id="rw-data">'
    start = page.index(tag) + len(tag)
    return page[start : page.index("</script>", start)]


# ---------------------------------------------------------------------------------------------------
# in headless Chromium, networking off


@pytest.fixture(scope="module")
def browser():
    require_service(bool(CHROMIUM and CHROMEDRIVER), "chromium + chromedriver",
                    "run `bash scripts/chromium.sh` (Debian packages chromium, chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="relwork-test-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1400,900",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)  # never downloads a driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 60.0):
    """Load ``path`` from disk, wait for window.relwork.ready; return (console errors, network URLs)."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return !!(window.relwork && window.relwork.ready)"):
        assert time.monotonic() < deadline, "page never became ready"
        time.sleep(0.05)
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return errors, urls


@pytest.fixture(scope="module")
def hand_page(tmp_path_factory):
    return write_html(hand_graph(), tmp_path_factory.mktemp("html") / "hand graph.html")


@pytest.mark.browser
def test_page_draws_all_nodes_and_edges_offline_without_errors(browser, hand_page):
    errors, urls = open_page(browser, hand_page)
    assert errors == []
    assert [u for u in urls if not u.startswith(("file:", "data:"))] == []
    assert [u for u in urls if u.startswith("file:")] == [hand_page.resolve().as_uri()]
    G = hand_graph()
    drawn = browser.execute_script(
        "var b = relwork.network.body;"
        "return [b.nodeIndices.length, b.edgeIndices.length, relwork.nodes.length, relwork.edges.length]")
    assert drawn == [G.number_of_nodes(), G.number_of_edges()] * 2


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", [("long range arena", "method:LRA"), ("mamba ssm", "method:Mamba"),
                                             ("2402.00002", "paper:2402.00002")])
def test_page_search_focuses_the_node(browser, hand_page, query, expected):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, hand_page)
    box = browser.find_element(By.ID, "rw-search")
    box.clear()
    box.send_keys(query)
    first = browser.find_element(By.CSS_SELECTOR, "#rw-results li .rw-result-name").text
    assert first == browser.execute_script("return relwork.info.get(arguments[0]).name", expected)
    box.send_keys(Keys.ENTER)
    assert browser.execute_script("return relwork.state.selected") == expected
    centred = ("var v = relwork.network.getViewPosition(), p = relwork.network.getPosition(arguments[0]);"
               "return Math.abs(v.x - p.x) < 2 && Math.abs(v.y - p.y) < 2")
    deadline = time.monotonic() + 10  # the zoom is animated
    while not browser.execute_script(centred, expected):
        assert time.monotonic() < deadline, "the view never centred on the node"
        time.sleep(0.05)
    assert browser.find_element(By.CSS_SELECTOR, "#rw-details h2").text == browser.execute_script(
        "return relwork.info.get(arguments[0]).name", expected)


@pytest.mark.browser
def test_page_filters_hide_relations_kinds_and_years(browser, hand_page):
    from selenium.webdriver.common.by import By

    open_page(browser, hand_page)
    G = hand_graph()
    visible = "return [relwork.network.body.nodeIndices.slice().sort(), relwork.network.body.edgeIndices.length]"
    mentions = browser.find_element(By.XPATH, "//div[@id='rw-relations']//label[span='mentions']/input")
    mentions.click()
    nodes, n_edges = browser.execute_script(visible)
    assert len(nodes) == G.number_of_nodes()
    assert n_edges == sum(1 for *_, t in G.edges(data="type") if t != schema.MENTIONS)
    mentions.click()
    browser.find_element(By.XPATH, "//div[@id='rw-kinds']//label[span='Dataset']/input").click()
    nodes, n_edges = browser.execute_script(visible)
    assert "method:LRA" not in nodes and len(nodes) == G.number_of_nodes() - 1
    assert n_edges == G.number_of_edges() - G.degree("method:LRA")
    browser.find_element(By.ID, "rw-reset").click()
    browser.execute_script("relwork.setYears(2023, 2024, false)")
    nodes, _ = browser.execute_script(visible)
    papers = {n for n, d in G.nodes(data=True) if d["label"] == schema.PAPER and d["year"] and 2023 <= d["year"] <= 2024}
    assert set(nodes) == papers | {m for p in papers for m in G.successors(p) if G.nodes[m]["label"] == schema.METHOD}
    counts = browser.find_element(By.ID, "rw-counts").text
    assert counts.startswith(f"{len(nodes)} of {G.number_of_nodes()} nodes")


@pytest.mark.browser
def test_page_year_range_filters_papers_and_keeps_the_methods_they_link(browser, hand_page):
    """H7: "papers of 2024" shows the 2024 paper with Longformer (introduced 2020), Mamba (2023) and LRA,
    every link of it drawn; Transformer (2017), which no shown paper links, goes, as does FooNet, linked
    only by a 2023 paper. Undated papers go when unticked; a method's own year never hides it."""
    open_page(browser, hand_page)
    browser.execute_script("relwork.setYears(2024, 2024, false)")
    nodes, edges = browser.execute_script("return [relwork.visibleNodeIds().sort(), relwork.visibleEdgeIds().length]")
    assert nodes == sorted(["paper:2401.00001", "method:Longformer", "method:Mamba", "method:LRA"])
    assert edges == 3  # its three links; its citation-style edges go to hidden origin papers
    browser.execute_script("relwork.setYears(null, 2017, true)")
    nodes = browser.execute_script("return relwork.visibleNodeIds().sort()")
    assert nodes == ["paper:title:0123456789abcdef"]  # the undated note links nothing; no paper of <= 2017
    browser.execute_script("relwork.setYears(null, null, true)")
    assert len(browser.execute_script("return relwork.visibleNodeIds()")) == hand_graph().number_of_nodes()


def test_page_note_names_the_max_nodes_cut_only_when_it_removed_nodes():
    """H9: a --focus neighbourhood smaller than --max-nodes is drawn whole, and the page must not claim a
    cut ("the 100 most connected"); a cap that removes nodes is said."""
    G = hand_graph()
    whole = json.loads(_data_block(generate_html(G, focus="Mamba", depth=1, max_nodes=100)))
    assert whole["meta"]["max_nodes"] is None and whole["meta"]["total_nodes"] > whole["meta"]["nodes"] == 4
    cut = json.loads(_data_block(generate_html(G, max_nodes=3)))
    assert cut["meta"]["max_nodes"] == 3 and cut["meta"]["nodes"] == 3


@pytest.mark.browser
def test_page_note_says_most_connected_only_after_a_cut(browser, tmp_path):
    G = hand_graph()
    whole = write_html(G, tmp_path / "whole.html", focus="Mamba", depth=1, max_nodes=100)
    cut = write_html(G, tmp_path / "cut.html", max_nodes=3)
    from selenium.webdriver.common.by import By

    open_page(browser, whole)
    note = browser.find_element(By.ID, "rw-info").text
    assert note.startswith(f"Showing 4 of the graph\u2019s {G.number_of_nodes()} nodes. Around") and "most connected" not in note
    open_page(browser, cut)
    assert browser.find_element(By.ID, "rw-info").text.startswith(
        f"Showing 3 of the graph\u2019s {G.number_of_nodes()} nodes (the 3 most connected).")


@pytest.mark.browser
def test_page_click_node_shows_evidence_and_highlights_neighbours(browser, hand_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, hand_page)
    target = "paper:2401.00001"
    canvas = browser.find_element(By.CSS_SELECTOR, "#rw-graph canvas")
    dx, dy = browser.execute_script(
        "var n = relwork.network, p = n.canvasToDOM(n.getPosition(arguments[0])), c = arguments[1];"
        "return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2]", target, canvas)
    ActionChains(browser).move_to_element_with_offset(canvas, int(dx), int(dy)).click().perform()
    panel = browser.find_element(By.ID, "rw-panel")
    assert panel.is_displayed()
    assert browser.execute_script("return relwork.state.selected") == target
    text = panel.text
    assert "Sparse attention for very long documents" in text and "2024" in text
    assert "We build on Longformer to extend the context to 64k tokens." in text
    assert "Our model outperforms Mamba on long-range tasks." in text
    link = panel.find_element(By.CSS_SELECTOR, "a[href='https://arxiv.org/abs/2401.00001']")
    assert link.text == "arXiv:2401.00001"
    dimmed = set(browser.execute_script("return Array.from(relwork.state.dimmedNodes)"))
    assert dimmed == set(hand_graph()) - {target, *hand_graph().successors(target)}
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-selected.png"))


@pytest.mark.browser
def test_page_xss_title_and_evidence_stay_inert_text(browser, hand_page):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    errors, _ = open_page(browser, hand_page)
    node = "paper:doi:10.1000/xss"
    # hovering shows vis-network's tooltip (before any zoom moves the node): plain text too
    canvas = browser.find_element(By.CSS_SELECTOR, "#rw-graph canvas")
    dx, dy = browser.execute_script(
        "var n = relwork.network, p = n.canvasToDOM(n.getPosition(arguments[0])), c = arguments[1];"
        "return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2]", node, canvas)
    ActionChains(browser).move_to_element_with_offset(canvas, int(dx) + 1, int(dy) + 1).perform()
    deadline = time.monotonic() + 5
    tip, step = "", 1
    while XSS_TITLE not in tip:
        assert time.monotonic() < deadline, f"no tooltip with the title, got {tip!r}"
        time.sleep(0.1)
        step = -step  # jiggle in place: vis-network shows the tooltip after a pause of the pointer
        ActionChains(browser).move_by_offset(step, 0).perform()
        tip = browser.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ? t.textContent : ''")
    browser.execute_script("relwork.selectNode(arguments[0], true)", node)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - touching it raises when there is no dialog
    assert errors == []
    counts = browser.execute_script(
        "return [document.querySelectorAll('img, iframe, b').length, document.scripts.length]")
    assert counts == [0, 3]
    title = browser.find_element(By.CSS_SELECTOR, "#rw-details h2").get_attribute("textContent")
    assert title == XSS_TITLE
    assert XSS_EVIDENCE in browser.find_element(By.ID, "rw-details").get_attribute("textContent")
    assert browser.find_elements(By.CSS_SELECTOR, "#rw-details a[href^='javascript']") == []
    assert browser.execute_script("return relwork.nodes.get(arguments[0]).title", node).endswith(XSS_TITLE)


@pytest.mark.browser
def test_page_big_graph_fixed_layout_draws_everything(browser, tmp_path):
    G = wide_graph()
    path = write_html(G, tmp_path / "wide.html")
    errors, urls = open_page(browser, path)
    assert errors == [] and [u for u in urls if not u.startswith(("file:", "data:"))] == []
    drawn = browser.execute_script(
        "var b = relwork.network.body;"
        "return [b.nodeIndices.length, b.edgeIndices.length, relwork.network.physics.physicsEnabled]")
    assert drawn == [G.number_of_nodes(), G.number_of_edges(), False]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-wide.png"))


# ---------------------------------------------------------------------------------------------------
# the real seed graph (examples/hf-papers through loaders, linker and builder)


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory):
    return write_html(seed_graph, tmp_path_factory.mktemp("html") / "seed.html")


@pytest.mark.browser
def test_page_seed_graph_draws_everything_offline(browser, seed_graph, seed_page):
    errors, urls = open_page(browser, seed_page, timeout=120)
    assert errors == []
    assert [u for u in urls if not u.startswith("data:")] == [seed_page.resolve().as_uri()]
    drawn = browser.execute_script(
        "var b = relwork.network.body; return [b.nodeIndices.length, b.edgeIndices.length]")
    assert drawn == [seed_graph.number_of_nodes(), seed_graph.number_of_edges()]
    kinds = browser.execute_script("return relwork.data.kinds.map(function (k) { return [k.key, k.count]; })")
    assert dict(kinds)["paper"] == sum(1 for _, d in seed_graph.nodes(data=True)
                                       if d["label"] == schema.PAPER and not d.get("external"))
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph.png"))


@pytest.mark.browser
def test_page_seed_search_by_alias_and_evidence_in_panel(browser, seed_graph, seed_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    methods = [(n, d) for n, d in seed_graph.nodes(data=True)
               if d["label"] == schema.METHOD and d.get("aliases") and seed_graph.degree(n) < 300]  # all listed
    node, attrs = max(methods, key=lambda item: (seed_graph.degree(item[0]), item[0]))
    alias = attrs["aliases"][0]
    open_page(browser, seed_page, timeout=120)
    box = browser.find_element(By.ID, "rw-search")
    box.send_keys(alias.swapcase())
    box.send_keys(Keys.ENTER)
    assert browser.execute_script("return relwork.state.selected") == node
    panel = browser.find_element(By.ID, "rw-details").get_attribute("textContent")
    assert attrs["name"] in panel
    evidence = sorted(d["evidence"] for _, _, d in seed_graph.in_edges(node, data=True) if d.get("evidence"))
    assert evidence and all(e in panel for e in evidence[:20])
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-search.png"))


@pytest.mark.browser
def test_page_click_edge_shows_its_evidence(browser, hand_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, hand_page)
    edge = browser.execute_script(
        "return relwork.edges.getIds().filter(function (id) { var d = relwork.edgeInfo.get(id);"
        " return d.from === 'paper:2402.00002' && d.to === 'method:FooNet'; })[0]")
    canvas = browser.find_element(By.CSS_SELECTOR, "#rw-graph canvas")
    dx, dy = browser.execute_script(  # the middle of the (straight or gently curved) edge
        "var n = relwork.network, a = n.getPosition('paper:2402.00002'), b = n.getPosition('method:FooNet');"
        "var e = n.body.edges[arguments[0]], m = e.edgeType.getPoint(0.5);"
        "var p = n.canvasToDOM(m), c = arguments[1]; return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2]",
        edge, canvas)
    ActionChains(browser).move_to_element_with_offset(canvas, int(dx), int(dy)).click().perform()
    details = browser.find_element(By.ID, "rw-details")
    assert details.find_element(By.TAG_NAME, "h2").text == "introduces"
    assert "We introduce FooNet, a video state-space model." in details.text
    dimmed = set(browser.execute_script("return Array.from(relwork.state.dimmedNodes)"))
    assert dimmed == set(hand_graph()) - {"paper:2402.00002", "method:FooNet"}


def test_generate_html_tolerates_bare_graphs():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b")
    G.add_edge(1, "a", key="BUILDS_ON:x")
    data = json.loads(_data_block(generate_html(G)))
    assert sorted(n["id"] for n in data["nodes"]) == ["1", "a", "b"]
    assert sorted(r["type"] for r in data["relations"]) == ["BUILDS_ON", "LINK"]


@pytest.mark.browser
@pytest.mark.parametrize("graph", [nx.MultiDiGraph(), nx.MultiDiGraph([("method:A", "method:B")])],
                         ids=["empty", "two-nodes"])
def test_page_tiny_graphs_open_without_errors(browser, tmp_path, graph):
    errors, urls = open_page(browser, write_html(graph, tmp_path / "tiny.html"))
    assert errors == [] and [u for u in urls if not u.startswith(("file:", "data:"))] == []
    assert browser.execute_script("return relwork.network.body.nodeIndices.length") == graph.number_of_nodes()


@pytest.mark.browser
def test_page_focus_opens_with_the_focus_selected(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    G = hand_graph()
    path = write_html(G, tmp_path / "focus.html", focus="selective state space model", depth=1)
    errors, _ = open_page(browser, path)
    assert errors == []
    assert browser.execute_script("return relwork.state.selected") == "method:Mamba"
    assert "Our encoder is based on Mamba blocks." in browser.find_element(By.ID, "rw-details").text
    assert browser.execute_script("return relwork.network.body.nodeIndices.length") == 1 + len(
        set(G.predecessors("method:Mamba")) | set(G.successors("method:Mamba")))
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert not browser.find_element(By.ID, "rw-panel").is_displayed()
    assert browser.execute_script("return relwork.state.dimmedNodes.size") == 0


@pytest.mark.browser
def test_page_panel_shows_a_papers_categories(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from relwork.graph.build import build_graph
    from relwork.linker.catalog import load_catalog
    from relwork.linker.pipeline import link_corpus
    from relwork.loaders import load_papers

    catalog = load_catalog()
    papers = load_papers([str(Path(__file__).parent / "fixtures" / "loaders" / "arxiv-categories.jsonl")]).papers
    G = build_graph(link_corpus(papers, catalog), catalog)
    errors, _ = open_page(browser, write_html(G, tmp_path / "categories.html", focus="1805.04185", depth=1))
    assert errors == []
    assert browser.execute_script("return relwork.state.selected") == "paper:1805.04185"
    assert "Categories: arXiv_CL" in browser.find_element(By.ID, "rw-details").text


@pytest.mark.browser
def test_page_dataset_fallback_filters_and_highlights(browser, hand_page):
    """The path used when vis-network's internals are not reachable (another vis version) works too."""
    from selenium.webdriver.common.by import By

    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                     {"source": "window.relworkDataSetUpdates = true;"})
    try:
        errors, _ = open_page(browser, hand_page)
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    assert errors == [] and browser.execute_script("return relwork.directUpdates") is False
    G = hand_graph()
    browser.find_element(By.XPATH, "//div[@id='rw-relations']//label[span='mentions']/input").click()
    n_edges = browser.execute_script("return relwork.network.body.edgeIndices.length")
    assert n_edges == sum(1 for *_, t in G.edges(data="type") if t != schema.MENTIONS)
    browser.execute_script("relwork.selectNode('method:LRA', false)")
    opacity = browser.execute_script(
        "return [relwork.nodes.get('method:Mamba').opacity, relwork.nodes.get('paper:2401.00001').opacity]")
    assert opacity[0] == 0.15 and opacity[1] in (None, 1)  # dimmed; a neighbour, untouched
    browser.execute_script("relwork.clearSelection()")
    assert browser.execute_script("return relwork.nodes.get('method:Mamba').opacity") == 1


def test_focus_on_a_method_family_draws_every_member_and_its_neighbours(seed_graph):
    from relwork.graph.queries import resolve_methods

    members = resolve_methods(seed_graph, "state-space models").nodes
    assert len(members) > 1
    nodes = set(select_nodes(seed_graph, focus="state-space models", depth=1))
    undirected = seed_graph.to_undirected(as_view=True)
    assert nodes == set(members) | {n for m in members for n in undirected[m]}
    page = generate_html(seed_graph, focus="SSMs", depth=1)
    assert "relwork graph around state-space models" in page
    assert set(select_nodes(seed_graph, focus="state-space models", depth=1, max_nodes=len(members))) == set(members)


# ---------------------------------------------------------------------------------------------------
# qa9: search reads names as the command line does (Q6), the panel lists each method link once (Q7), and the
# page opens readable (Q15)

NAMES = Path(__file__).resolve().parent / "fixtures" / "qa9-search-names.jsonl"  # 5 real arXiv abstracts (U-Net, Faster R-CNN)


@pytest.fixture(scope="module")
def names_graph():
    from relwork.graph.build import build_from_files

    return build_from_files([NAMES]).graph


@pytest.mark.browser
def test_page_search_reads_a_method_name_as_the_cli_does(browser, names_graph, tmp_path):
    """qa9 Q6: 'faster rcnn', 'Faster-RCNN' and 'fasterrcnn' found nothing and 'unet' only 3D U-Net, where
    `relwork method` answers Faster R-CNN and U-Net: the page's first result is the CLI's method."""
    from relwork.graph.queries import resolve_methods

    errors, _ = open_page(browser, write_html(names_graph, tmp_path / "names.html"))
    assert errors == []
    wrong = {}
    for query in ("unet", "u-net", "UNet", "faster rcnn", "Faster-RCNN", "fasterrcnn", "FASTER R-CNN", "r cnn",
                  "3d unet", "ResNets", "convlstm"):
        expected = resolve_methods(names_graph, query).nodes[:1]
        found = browser.execute_script("return relwork.search(arguments[0]).slice(0, 1)", query)
        if found != expected:
            wrong[query] = (found, expected)
    assert wrong == {}
    # dots fold away too, and a name inside a longer one is found at its word start, after the exact name
    assert browser.execute_script("return relwork.search('Faster R.CNN')[0]") == "method:Faster R-CNN"
    assert browser.execute_script("return relwork.search('unet').slice(0, 2)") == ["method:U-Net", "paper:1505.04597"]
    assert "method:3D U-Net" in browser.execute_script("return relwork.search('unet')")


@pytest.mark.browser
def test_page_search_offers_the_closest_names_when_nothing_matches(browser, seed_graph, seed_page):
    """qa9 Q6: 'Mambaa' said "No match" where `relwork method Mambaa` answers Mamba (and `relwork method Hydar`
    asks "did you mean: Hydra"): the list offers the names one or two edits away, Enter takes the first; a
    query near no name still says "No match"."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from relwork.graph.queries import resolve_methods

    assert resolve_methods(seed_graph, "Mambaa").nodes == ["method:Mamba"]
    with pytest.raises(GraphError, match="did you mean: Hydra,"):
        resolve_methods(seed_graph, "Hydar")
    open_page(browser, seed_page, timeout=120)
    box = browser.find_element(By.ID, "rw-search")
    for query, node in (("Mambaa", "method:Mamba"), ("Hydar", "method:Hydra")):  # a letter added, two swapped
        box.clear()
        box.send_keys(query)
        items = browser.find_elements(By.CSS_SELECTOR, "#rw-results li")
        assert items[0].text == "No match; the closest names:"
        assert items[1].find_element(By.CLASS_NAME, "rw-result-name").text == seed_graph.nodes[node]["name"]
        box.send_keys(Keys.ENTER)
        assert browser.execute_script("return relwork.state.selected") == node
    box.clear()
    box.send_keys("qqqqzzzz")
    assert [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#rw-results li")] == ["No match"]
    box.clear()


def test_generate_html_carries_the_method_families_drawn(seed_graph):
    """The page gets each method family with a member drawn, its members as `relwork method FAMILY` counts them;
    a --focus page only the members it draws."""
    from relwork.graph.queries import family_members, method_families

    ssm = next(f for f in method_families().values() if f.name == "state-space models")
    members = family_members(seed_graph, ssm)
    families = {f["name"]: f for f in json.loads(_data_block(generate_html(seed_graph)))["families"]}
    assert set(families["state-space models"]["members"]) == set(members) and len(members) > 10
    assert "SSMs" in families["state-space models"]["aliases"]
    assert "optimizers" not in families  # no optimizer in the seed graph
    focused = json.loads(_data_block(generate_html(seed_graph, focus="Hyena", depth=1)))
    drawn = {n["id"] for n in focused["nodes"]}
    ssm_drawn = next(f for f in focused["families"] if f["name"] == "state-space models")["members"]
    assert set(ssm_drawn) == set(members) & drawn and "method:Hyena" in ssm_drawn


@pytest.mark.browser
def test_page_search_finds_a_method_family_and_highlights_its_members(browser, seed_graph, seed_page):
    """qa9 Q6: 'state-space models' found four titles, not the family `--focus` and `relwork method` accept:
    the family comes first ('SSMs' too), and choosing it selects its members, fades what is not linked to
    them and lists the members in the panel."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from relwork.graph.queries import resolve_methods

    members = resolve_methods(seed_graph, "state-space models").nodes
    open_page(browser, seed_page, timeout=120)
    box = browser.find_element(By.ID, "rw-search")
    box.clear()
    box.send_keys("state-space models")
    first = browser.find_element(By.CSS_SELECTOR, "#rw-results li")
    assert first.text.replace("\n", " ").endswith(f"state-space models Method family \u00B7 {len(members)} in the graph")
    for query in ("SSMs", "state space model"):
        assert browser.execute_script("return relwork.results(arguments[0])[0]", query) == "family:state-space models"
    box.send_keys(Keys.ENTER)
    assert browser.execute_script("return relwork.state.family") == "family:state-space models"
    assert sorted(browser.execute_script("return relwork.network.getSelectedNodes()")) == sorted(members)
    dimmed = set(browser.execute_script("return Array.from(relwork.state.dimmedNodes)"))
    undirected = seed_graph.to_undirected(as_view=True)
    assert dimmed == set(seed_graph) - set(members) - {n for m in members for n in undirected[m]}
    panel = browser.find_element(By.ID, "rw-details")
    assert panel.find_element(By.TAG_NAME, "h2").text == "state-space models"
    listed = [b.text for b in panel.find_elements(By.CSS_SELECTOR, "ol.rw-links .rw-node-link")]
    assert sorted(listed) == sorted(seed_graph.nodes[m]["name"] for m in members)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    assert browser.execute_script("return [relwork.state.family, relwork.state.dimmedNodes.size]") == [None, 0]


@pytest.mark.browser
def test_page_panel_lists_each_method_link_once_with_the_paper_it_cites(browser, seed_graph, seed_page):
    """qa9 Q7: Hydra's panel listed 20 links, its 11 links to methods and 9 citation-style copies ("builds on
    Attention Is All You Need ... through Transformer") with the same sentence. Each method link is listed
    once, the origin paper it cites inside it, and the counts count the links to methods."""
    from selenium.webdriver.common.by import By

    paper = "paper:2407.09941"
    out = [(v, t) for _, v, t in seed_graph.out_edges(paper, data="type")]
    to_methods = [(v, t) for v, t in out if seed_graph.nodes[v]["label"] == schema.METHOD]
    citations = {(d["via"], d["type"], v) for _, v, d in seed_graph.out_edges(paper, data=True)
                 if seed_graph.nodes[v]["label"] == schema.PAPER}
    assert len(to_methods) == 11 and len(citations) == 9
    open_page(browser, seed_page, timeout=120)
    browser.execute_script("relwork.selectNode(arguments[0], false)", paper)
    details = browser.find_element(By.ID, "rw-details")
    assert [h.text.upper() for h in details.find_elements(By.TAG_NAME, "h3")] == ["LINKS FROM HERE (11)"]
    assert "2024 \u00B7 11 links \u00B7 9 citations" in details.text
    summary = [b.text for b in details.find_elements(By.CSS_SELECTOR, ".rw-summary .rw-rel")]
    assert sum(int(s.rsplit(" ", 1)[1]) for s in summary) == 11
    entries = details.find_elements(By.CSS_SELECTOR, "ol.rw-links > li")
    assert len(entries) == 11
    cited = set()
    labels = {t: RELATION_LABELS[t] for _, t in to_methods}
    for entry in entries:
        relation = entry.find_element(By.CSS_SELECTOR, ":scope > .rw-rel").text
        method = entry.find_element(By.CSS_SELECTOR, ":scope > .rw-node-link").text
        for line in entry.find_elements(By.CLASS_NAME, "rw-cites"):
            title = line.find_element(By.CLASS_NAME, "rw-node-link").text
            etype = next(t for t, label in labels.items() if label == relation)
            origin = next(v for via, t, v in citations if via == method and t == etype)
            assert title == seed_graph.nodes[origin]["title"]
            cited.add((method, etype, origin))
    assert cited == citations  # every citation once, inside the entry of the method it goes through


RELATION_LABELS = {schema.INTRODUCES: "introduces", schema.BUILDS_ON: "builds on", schema.COMPARES_TO: "compares to",
                   schema.MENTIONS: "mentions", schema.DERIVED_FROM: "derived from", schema.NAMED_AFTER: "named after"}


@pytest.mark.browser
def test_page_panel_says_a_method_is_named_after_another(browser, seed_graph, seed_page):
    """qa9 Q3: IC-Mamba, a paper's own state-space model, is in `relwork method Mamba --family` (named after
    Mamba), but the page showed no tie between the two. The builder's NAMED_AFTER edge is drawn and listed in both
    panels: IC-Mamba "named after Mamba", Mamba's links to here "named after" from IC-Mamba, S-Mamba and Mamba
    Retriever."""
    from selenium.webdriver.common.by import By

    ties = sorted(seed_graph.nodes[u]["name"] for u, _, k in seed_graph.in_edges("method:Mamba", keys=True)
                  if k == schema.NAMED_AFTER)
    assert ties == ["IC-Mamba", "Mamba Retriever", "S-Mamba"]
    open_page(browser, seed_page, timeout=120)
    legend = browser.execute_script("return relwork.data.relations.map(function (r) { return [r.type, r.label, r.count]; })")
    assert [schema.NAMED_AFTER, "named after", 9] in legend

    def entries(node):
        browser.execute_script("relwork.selectNode(arguments[0], false)", node)
        items = browser.find_element(By.ID, "rw-details").find_elements(By.CSS_SELECTOR, "ol.rw-links > li")
        return [(i.find_element(By.CSS_SELECTOR, ":scope > .rw-rel").text,
                 i.find_element(By.CSS_SELECTOR, ":scope > .rw-node-link").text) for i in items]

    assert ("named after", "Mamba") in entries("method:IC-Mamba")
    assert sorted(name for rel, name in entries("method:Mamba") if rel == "named after") == ties

# records the on-screen size of every text the canvas draws (font size times the canvas transform's scale)
_RECORD_TEXT = """
window.rwDrawn = [];
if (!window.rwFillText) window.rwFillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
  var px = parseFloat(/([\\d.]+)px/.exec(this.font)[1]) * this.getTransform().a / window.devicePixelRatio;
  window.rwDrawn.push([String(text), px]);
  return window.rwFillText.apply(this, arguments);
};
"""


def _drawn_texts(browser, script: str = "relwork.network.redraw()") -> list:
    """The texts the next frame draws after ``script``, as [text, on-screen px]."""
    browser.execute_script(_RECORD_TEXT)
    try:
        browser.execute_script(script)
        deadline = time.monotonic() + 10
        while not browser.execute_script("return window.rwDrawn.length"):
            assert time.monotonic() < deadline, "no frame drawn"
            time.sleep(0.05)
        time.sleep(0.3)  # the frame is drawn whole
        return browser.execute_script("return window.rwDrawn")
    finally:
        browser.execute_script("CanvasRenderingContext2D.prototype.fillText = window.rwFillText")


@pytest.mark.browser
def test_page_opens_with_the_most_linked_methods_labelled(browser, seed_graph, seed_page):
    """qa9 Q15: the seed page opened on 815 dots with no readable label. It opens with the most linked
    methods labelled at 13 px (10 to 15 of them, no two labels overlapping) and a one-line hint."""
    from selenium.webdriver.common.by import By

    methods = sorted((n for n, d in seed_graph.nodes(data=True) if d["label"] == schema.METHOD),
                     key=lambda n: (-seed_graph.degree(n), n))
    open_page(browser, seed_page, timeout=120)
    hint = browser.find_element(By.ID, "rw-hint")
    assert hint.is_displayed() and hint.text.startswith("Search a method or paper")
    readable = {text for text, px in _drawn_texts(browser) if px >= 12}  # what the canvas really drew
    names = [seed_graph.nodes[m]["name"] for m in methods[:15]]
    boxes = browser.execute_script("return relwork.pinnedDrawn")
    labelled = [b["text"] for b in boxes]
    assert 10 <= len(labelled) <= 15 and set(labelled) <= readable
    assert labelled == [name for name in names if name in labelled] and labelled[0] == "Transformer"  # most linked first
    for i, a in enumerate(boxes):
        assert all(a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"]
                   or b["bottom"] <= a["top"] for b in boxes[i + 1:])
    browser.find_element(By.ID, "rw-search").send_keys("m")
    assert not hint.is_displayed()


@pytest.mark.browser
def test_page_hub_label_stays_small_when_zoomed_in(browser, seed_page):
    """qa9 Q15: zoomed in, the Transformer hub's label was drawn at 30 px over its neighbours' names; no
    label is drawn above 20 px on screen."""
    open_page(browser, seed_page, timeout=120)
    drawn = _drawn_texts(browser, "var n = relwork.network;"
                         "n.moveTo({position: n.getPosition('method:Transformer'), scale: 2.5}); n.redraw()")
    hub = [px for text, px in drawn if text == "Transformer"]
    assert hub and max(hub) <= 20.5
    assert max(px for _, px in drawn) <= 20.5
