"""Interactive HTML view of the graph (pyvis)."""
