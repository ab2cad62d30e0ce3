"""One self-contained, offline HTML page to explore a relwork graph (pyvis + vis-network).

``write_html(G, path)`` turns the graph (graph/schema.py) into pyvis nodes and edges: shape and colour by
node kind, size by degree, edge colour by relation, arrows for direction. The page is rendered from our own
template (viz/static/template.html) instead of pyvis's, because pyvis's pulls Bootstrap and Tom Select from
CDNs: vis-network's JS/CSS are inlined from the installed pyvis package, and the search box, filters,
legend and side panel are a small plain-JS app (viz/static/relwork.js). Nothing is fetched from a network.

Safety: titles, abstracts and evidence sentences are untrusted. They travel as JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no text
can close the block; the page puts them on screen with ``textContent`` only, never as HTML; vis-network
tooltips get plain strings (rendered as text) built in JS; links only ever point to http(s) URLs. A
Content-Security-Policy allows only the page's own two scripts (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import networkx as nx

from relwork import __version__
from relwork.core.errors import ExportError, GraphError
from relwork.graph import schema
from relwork.graph.io import TEXT_ERRORS

PHYSICS_MAX_NODES = 800  # above this, physics is off and the Python layout is final
LABEL_CHARS = 50  # paper titles are cut to this many characters on the canvas (full title in the panel)
MAX_AUTHORS = 12
LABEL_MAX_PX = 20  # no label is drawn larger than this on screen, however far one zooms in (hubs included)
PINNED_LABELS = 15  # the page opens with the most linked methods labelled, up to this many (those that fit), at any zoom

# node kind -> (legend text, vis-network shape, colour); papers are 'paper' or 'external', methods use their kind
NODE_KINDS: dict[str, tuple[str, str, str]] = {
    "paper": ("Paper", "dot", "#4e79a7"),
    "external": ("Origin paper (from the catalog)", "diamond", "#9c755f"),
    "method": ("Method", "triangle", "#f28e2b"),
    "dataset": ("Dataset", "square", "#59a14f"),
    "uncatalogued": ("Uncatalogued name", "triangleDown", "#a0a0a0"),
}
OTHER_KIND_COLOURS = ("#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#5d4e9e", "#e377c2")

# edge type -> (legend text, colour)
RELATIONS: dict[str, tuple[str, str]] = {
    schema.INTRODUCES: ("introduces", "#7b3294"),
    schema.BUILDS_ON: ("builds on", "#1a9850"),
    schema.COMPARES_TO: ("compares to", "#d7191c"),
    schema.MENTIONS: ("mentions", "#9e9e9e"),
    schema.DERIVED_FROM: ("derived from", "#8c510a"),
    schema.NAMED_AFTER: ("named after", "#bf812d"),
}
LINEAGE = (schema.DERIVED_FROM, schema.NAMED_AFTER)  # method -> method ties: dotted lines

_STATIC = resources.files("relwork.viz") / "static"
_SAFE_ARXIV = re.compile(r"^[A-Za-z0-9.\-/]+$")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    focus: str | None = None,
    depth: int = 2,
    max_nodes: int | None = None,
    physics: bool | None = None,
) -> Path:
    """Write the interactive page for ``G`` to ``path`` and return the path.

    ``focus`` (a method name or alias, a paper title, arXiv id, DOI or node id, or what
    ``graph.queries.resolve_name`` made of one) keeps the nodes within ``depth`` links of it; ``max_nodes`` keeps the most connected nodes (the focus always stays).
    ``physics`` None = vis-network physics on up to PHYSICS_MAX_NODES nodes, else the Python layout only.
    Raises GraphError for an unknown focus or bad limits, ExportError when the file cannot be written.
    """
    path = Path(path)
    page = generate_html(G, focus=focus, depth=depth, max_nodes=max_nodes, physics=physics)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # like save_graph and the exporters
        path.write_text(page, encoding="utf-8", errors=TEXT_ERRORS)
    except OSError as err:
        raise ExportError(f"{path}: cannot write the HTML view: {err.strerror or err}") from err
    return path


def generate_html(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 2,
    max_nodes: int | None = None,
    physics: bool | None = None,
    title: str | None = None,
) -> str:
    """The page as a string (see write_html)."""
    from jinja2 import Environment  # jinja2 and markupsafe come with pyvis
    from markupsafe import Markup

    nodes, cut = _selection(G, focus=focus, depth=depth, max_nodes=max_nodes)
    H = G if len(nodes) == G.number_of_nodes() else G.subgraph(nodes)  # views are slow to iterate
    use_physics = H.number_of_nodes() <= PHYSICS_MAX_NODES if physics is None else bool(physics)
    data = graph_data(H, physics=use_physics)
    data["families"] = family_data(G, H)
    label, centers = resolve_focus(G, focus) if focus is not None else (None, [])
    data["meta"].update(
        total_nodes=G.number_of_nodes(),
        total_edges=G.number_of_edges(),
        focus=str(centers[0]) if len(centers) == 1 else None,
        depth=depth if centers else None,
        max_nodes=max_nodes if cut else None,  # "(the N most connected)" only when the cap removed nodes
    )
    if title is None:
        title = "relwork graph" if label is None else f"relwork graph around {label}"
    vis_js, vis_css = _vis_assets()
    app_js = _script_text((_STATIC / "relwork.js").read_text(encoding="utf-8"))
    app_css = (_STATIC / "relwork.css").read_text(encoding="utf-8").replace("</", "<\\/")
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {_sha256(vis_js)} {_sha256(app_js)}; connect-src 'none'; form-action 'none'; "
        "base-uri 'none'"
    )
    template = Environment(autoescape=True).from_string((_STATIC / "template.html").read_text(encoding="utf-8"))
    return template.render(
        heading=title,
        csp=csp,
        version=__version__,
        # already made safe for their place in the page (see _script_text, script_json)
        vis_css=Markup(vis_css),
        app_css=Markup(app_css),
        vis_js=Markup(vis_js),
        app_js=Markup(app_js),
        data_json=Markup(script_json(data)),
    )


def graph_data(H: nx.MultiDiGraph, *, physics: bool) -> dict[str, Any]:
    """Everything the page needs: vis-network nodes/edges/options built with pyvis, legend, details."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()  # pyvis checks membership in a list for every edge: O(n) -> O(1)
    positions = _positions(H)
    degree = dict(H.degree())
    kinds: dict[str, dict[str, Any]] = {}
    for node in sorted(H.nodes, key=str):
        attrs = H.nodes[node]
        kind = _kind_key(attrs)
        style = kinds.setdefault(kind, _kind_style(kind, len(kinds)))
        style["count"] += 1
        x, y = positions[node]
        net.add_node(
            str(node),
            label=_label(node, attrs),
            shape=style["shape"],
            group=kind,  # colours come from the vis-network group of the kind (options.groups)
            value=round(math.sqrt(degree[node] + 1), 3),  # sqrt: one hub must not shrink everyone else
            x=x,
            y=y,
            rw=_node_details(node, attrs, kind, degree[node]),
        )
    relations: dict[str, dict[str, Any]] = {}
    ordered = sorted(H.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for i, (u, v, key, attrs) in enumerate(ordered):
        etype = str(attrs.get("type") or (key if isinstance(key, str) and key else "LINK")).split(":", 1)[0]
        label, colour = RELATIONS.get(etype, (etype.lower().replace("_", " "), "#607d8b"))
        # the page colours each edge from this legend entry (not repeated in every edge: 1.4 MB at 18k edges)
        relation = relations.setdefault(etype, {"type": etype, "label": label, "color": colour, "count": 0, "between_papers": 0})
        paper_to_paper = H.nodes[u].get("label") == schema.PAPER and H.nodes[v].get("label") == schema.PAPER
        # the legend shows links to methods and the dashed paper -> paper links apart, as `relwork build` does
        relation["count"] += 1
        relation["between_papers"] += paper_to_paper
        net.add_edge(
            str(u),
            str(v),
            id=f"e{i}",
            dashes=[6, 4] if paper_to_paper else (etype in LINEAGE and [2, 3]) or False,
            rw=_edge_details(etype, attrs, paper_to_paper),
        )
    net.options = _vis_options(physics=physics, n_nodes=H.number_of_nodes())
    net.options["groups"] = {
        k["key"]: {"color": {"background": k["color"], "border": _darker(k["color"]),
                             "highlight": {"background": k["color"], "border": "#000000"},
                             "hover": {"background": k["color"], "border": "#000000"}},
                   # paper titles wrap onto more lines instead of running wide; names stay on one line
                   **({"widthConstraint": {"maximum": 150}} if k["key"] in ("paper", "external") else {})}
        for k in kinds.values()
    }
    vis_nodes, vis_edges, _heading, _height, _width, options_json = net.get_network_data()
    order = {k: i for i, k in enumerate(NODE_KINDS)}
    rel_order = {k: i for i, k in enumerate(RELATIONS)}
    return {
        "meta": {"nodes": len(vis_nodes), "edges": len(vis_edges), "physics": physics, "version": __version__,
                 "pinned_labels": PINNED_LABELS, "label_max_px": LABEL_MAX_PX},
        "kinds": sorted(kinds.values(), key=lambda k: (order.get(k["key"], len(order)), k["key"])),
        "relations": sorted(relations.values(), key=lambda r: (rel_order.get(r["type"], len(rel_order)), r["type"])),
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": json.loads(options_json),
    }


def family_data(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The method families (graph/data/families.jsonl) with a member drawn in ``H``, for the search box:
    name, aliases, how the family is made, and the member node ids drawn, most linked first. Members are
    found in the whole graph ``G`` (graph.queries.family_members, as ``relwork method "state-space models"``
    answers), so a --focus page offers the same members it draws."""
    from relwork.graph.queries import family_members, method_families

    families, seen = [], set()
    for family in method_families().values():
        if family.name in seen:
            continue
        seen.add(family.name)
        members = [str(m) for m in family_members(G, family) if m in H]
        if members:
            members.sort(key=lambda m: (-H.degree(m), m))
            families.append({"name": family.name, "aliases": list(family.aliases),
                             "definition": family.definition(), "members": members})
    return sorted(families, key=lambda f: f["name"])


def select_nodes(
    G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, max_nodes: int | None = None
) -> list:
    """The nodes to draw: the ``depth``-neighbourhood of ``focus`` (all when None), cut to ``max_nodes``.

    The cut keeps the nodes of highest degree within the selection (ties by node id); the focus stays.
    """
    return _selection(G, focus=focus, depth=depth, max_nodes=max_nodes)[0]


def _selection(G: nx.MultiDiGraph, *, focus: str | None, depth: int, max_nodes: int | None) -> tuple[list, bool]:
    """``select_nodes`` and whether ``max_nodes`` removed any node (the page says so only then)."""
    if not isinstance(G, nx.Graph):
        raise GraphError(f"expected a networkx graph, got {type(G).__name__}")
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise GraphError(f"depth must be a whole number >= 0, got {depth!r}")
    if max_nodes is not None and (isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1):
        raise GraphError(f"max_nodes must be a whole number >= 1, got {max_nodes!r}")
    centers: list = []
    if focus is not None:
        centers = resolve_focus(G, focus)[1]
        undirected = G.to_undirected(as_view=True)
        if len(centers) == 1:
            nodes = list(nx.single_source_shortest_path_length(undirected, centers[0], cutoff=depth))
        else:  # a method family: the neighbourhood of every member
            nodes = list(nx.multi_source_dijkstra_path_length(undirected, centers, cutoff=depth, weight=lambda u, v, d: 1))
    else:
        nodes = list(G.nodes)
    if max_nodes is not None and len(nodes) > max_nodes:
        degree = dict(G.subgraph(nodes).degree())
        keep = set(centers)
        ranked = sorted(nodes, key=lambda n: (n not in keep, -degree[n], str(n)))
        return ranked[:max_nodes], True
    return nodes, False


def resolve_focus(G: nx.MultiDiGraph, name: Any) -> tuple[str, list]:
    """A display label and the nodes ``name`` stands for, as ``graph.queries.resolve_name`` reads it (a node id,
    a method or a method family such as "state-space models", which stands for its members in the graph, else a
    paper), so names resolve exactly as in ``relwork method`` / ``relwork paper``; ``name`` may be its earlier
    answer. Raises GraphError with both resolvers' suggestions.
    """
    from relwork.graph.queries import Resolved, resolve_name

    if not isinstance(name, Resolved) and not str(name or "").strip():
        raise GraphError("focus must name a method or a paper, got an empty string")
    resolved = resolve_name(G, name)
    if resolved.family is not None:
        return resolved.family.name, list(resolved.nodes)
    return _label(resolved.nodes[0], G.nodes[resolved.nodes[0]]), list(resolved.nodes)


def resolve_node(G: nx.MultiDiGraph, name: str) -> str:
    """The one node ``name`` stands for (see ``resolve_focus``); a method family is an error here."""
    label, nodes = resolve_focus(G, name)
    if len(nodes) != 1:
        raise GraphError(f"{name!r} names a family of methods ({label}), not one method or paper")
    return nodes[0]


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&', U+2028 or U+2029 left raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


# ---------------------------------------------------------------------------------------------------
class _IdList(list):
    """pyvis's node-id list with set-backed membership, so adding m edges is O(m), not O(n*m)."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, item: Any) -> None:
        self._members.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _positions(H: nx.MultiDiGraph) -> dict:
    try:
        from relwork.viz.layout import layout_positions
    except ImportError as err:  # numpy
        raise ExportError(f"the HTML view needs numpy for its layout ({err}); pip install numpy") from err

    return layout_positions(H) if H.number_of_nodes() else {}


def _kind_key(attrs: dict) -> str:
    if attrs.get("label") == schema.PAPER or ("title" in attrs and "name" not in attrs):
        return "external" if attrs.get("external") else "paper"
    return str(attrs.get("kind") or "method")


def _kind_style(kind: str, index: int) -> dict[str, Any]:
    if kind in NODE_KINDS:
        label, shape, colour = NODE_KINDS[kind]
    else:
        label, shape = kind.replace("_", " ").capitalize(), "star"
        colour = OTHER_KIND_COLOURS[index % len(OTHER_KIND_COLOURS)]
    return {"key": kind, "label": label, "shape": shape, "color": colour, "count": 0}


def _label(node: Any, attrs: dict) -> str:
    text = str(attrs.get("name") or attrs.get("title") or node)
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _node_details(node: Any, attrs: dict, kind: str, degree: int) -> dict[str, Any]:
    """Side-panel data of one node: only plain values, every string shown as text by the page."""
    is_paper = kind in ("paper", "external")
    details: dict[str, Any] = {"kind": kind, "degree": degree}
    details["name"] = str(attrs.get("title") if is_paper else attrs.get("name") or node)
    year = attrs.get("year")
    if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
        details["year"] = int(year)
    if is_paper:
        authors = [str(a) for a in (attrs.get("authors") or [])]
        if authors:
            more = [f"+{len(authors) - MAX_AUTHORS} more"] if len(authors) > MAX_AUTHORS else []
            details["authors"] = authors[:MAX_AUTHORS] + more
        categories = [str(c) for c in (attrs.get("categories") or [])]
        if categories:
            details["categories"] = categories
        links = _paper_links(attrs)
        if links:
            details["links"] = links
        for field in ("arxiv_id", "doi"):
            if attrs.get(field):
                details[field] = str(attrs[field])
        if attrs.get("abstract"):
            details["abstract"] = str(attrs["abstract"])
    else:
        aliases = [str(a) for a in (attrs.get("aliases") or []) if str(a) != details["name"]]
        if aliases:
            details["aliases"] = aliases
        if attrs.get("area"):
            details["area"] = str(attrs["area"])
        if attrs.get("catalogued") is False:
            details["uncatalogued"] = True
    return details


def _paper_links(attrs: dict) -> list[list[str]]:
    """[text, url] pairs for a paper: its arXiv page, its DOI page, its own URL (http(s) only)."""
    links = []
    arxiv = attrs.get("arxiv_id")
    if arxiv and _SAFE_ARXIV.match(str(arxiv)):
        links.append([f"arXiv:{arxiv}", f"https://arxiv.org/abs/{arxiv}"])
    doi = attrs.get("doi")
    if doi:
        links.append([f"doi:{doi}", "https://doi.org/" + quote(str(doi), safe="/:;()._-<>")])
    url = attrs.get("url")
    if url and urlparse(str(url)).scheme in ("http", "https") and not _same_page(str(url), arxiv, doi):
        links.append([str(url), str(url)])
    return links


def _same_page(url: str, arxiv: Any, doi: Any) -> bool:
    """Whether ``url`` is the arXiv or DOI page the panel links already, whatever its scheme, version or
    resolver ('http://arxiv.org/abs/1810.04805v2', 'https://dx.doi.org/10.48550/arXiv.1810.04805')."""
    from relwork.core.records import arxiv_doi_id, normalize_arxiv_id, normalize_doi

    host = (urlparse(url).hostname or "").lower()
    if host == "arxiv.org" or host.endswith(".arxiv.org"):
        return bool(arxiv) and normalize_arxiv_id(url) == normalize_arxiv_id(str(arxiv))
    if host in ("doi.org", "dx.doi.org"):
        page = normalize_doi(url)
        return bool(page) and (page == normalize_doi(str(doi or "")) or (bool(arxiv) and arxiv_doi_id(page) == arxiv))
    return False


def _edge_details(etype: str, attrs: dict, paper_to_paper: bool) -> dict[str, Any]:
    details: dict[str, Any] = {"type": etype}
    if paper_to_paper:
        details["p2p"] = True
    for field in ("evidence", "cue", "field", "surface", "via"):
        value = attrs.get(field)
        if value not in (None, ""):
            details[field] = str(value)
    count = attrs.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and count > 1:
        details["count"] = count
    confidence = attrs.get("confidence")
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        details["confidence"] = round(float(confidence), 3)
    return details


def _vis_options(*, physics: bool, n_nodes: int) -> dict[str, Any]:
    """vis-network options. Big graphs: straight edges, no hover, edges hidden while dragging (speed).
    Labels grow a little with the number of links (12 to 22 canvas units), and the page draws none beyond
    LABEL_MAX_PX on screen (relwork.js; maxVisible alone only fades a label's colour): a hub's label drawn at
    40-55 px covered its neighbours' names when zoomed in. Zoomed out, the page itself labels the most linked
    methods (PINNED_LABELS), so hubs need no giant labels to stay readable."""
    big = n_nodes > PHYSICS_MAX_NODES
    label_max = 18 if n_nodes <= 60 else 22
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 13, "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 9, "max": 36 if n_nodes <= 60 else 50,
                        "label": {"enabled": True, "min": 12, "max": label_max, "drawThreshold": 6,
                                  "maxVisible": LABEL_MAX_PX}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "width": 1,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "color": {"inherit": False},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            # small graphs: room for every (wrapped) label; larger ones: compact enough to read when fitted
            "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.005, "springLength": 140,
                                 "avoidOverlap": 0.6} if n_nodes <= 150 else
                                {"gravitationalConstant": -60, "centralGravity": 0.01, "springLength": 80,
                                 "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        },
    }


def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS from the installed pyvis package (newest bundled version)."""
    try:
        lib = resources.files("pyvis") / "lib"
        versions = sorted(
            (p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
            key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)],
        )
        folder = versions[-1]
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, IndexError) as err:
        raise ExportError(f"cannot read vis-network from the installed pyvis package: {err}") from err
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    return _script_text(js), css.replace("</", "<\\/")


def _script_text(js: str) -> str:
    """JS made safe to inline: '</script' cannot occur (a '<\\/' is the same string to JS)."""
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * factor), int(g * factor), int(b * factor))
