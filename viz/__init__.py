"""Interactive HTML view of the graph: one offline, self-contained page (pyvis + vis-network)."""

from relwork.viz.html import PHYSICS_MAX_NODES, generate_html, resolve_node, select_nodes, write_html

__all__ = ["PHYSICS_MAX_NODES", "generate_html", "resolve_node", "select_nodes", "write_html"]
