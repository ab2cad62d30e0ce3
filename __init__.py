"""relwork: turn paper abstracts into a citation-style knowledge graph of related work.

The command line (``relwork``) is a thin layer over this library; a notebook user calls the same
functions: ``load_papers`` -> ``link_papers`` -> ``build_graph`` -> queries in ``relwork.graph``.
"""

__version__ = "0.1.0"

from relwork.core.errors import CatalogError, ExportError, GraphError, InputError, RelworkError  # noqa: E402
from relwork.core.records import Paper, Source  # noqa: E402

__all__ = ["__version__", "RelworkError", "InputError", "CatalogError", "GraphError", "ExportError", "Paper", "Source"]
