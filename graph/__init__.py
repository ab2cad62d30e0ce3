"""The knowledge graph: building it from linked papers, saving it, and querying it.

``build_graph`` (``relwork.graph.build``), ``save_graph`` and ``load_graph`` (``relwork.graph.io``) are reachable
here too, imported on first use as in ``relwork`` itself; the queries are in ``relwork.graph.queries``.
"""

from relwork import _lazy_attribute

# name -> module: imported on first use (``relwork.graph.schema`` alone should not import networkx's readers)
_LAZY = {
    "build_graph": "relwork.graph.build",
    "save_graph": "relwork.graph.io",
    "load_graph": "relwork.graph.io",
}


def __getattr__(name: str):
    """The functions of ``_LAZY``, imported when first asked for."""
    return _lazy_attribute("relwork.graph", _LAZY, name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
