"""relwork: turn paper abstracts into a citation-style knowledge graph of related work.

The command line (``relwork``) is a thin layer over this library; a notebook user calls the same
functions: ``load_papers`` -> ``link_corpus`` (or ``link_papers``, ``link_files``) -> ``build_graph`` -> queries in
``relwork.graph``. Those functions are also reachable here (``relwork.link_files``), imported on first use so that
``import relwork`` stays cheap.
"""

__version__ = "0.1.0"

from relwork.core.errors import (  # noqa: E402
    CatalogError, ExportError, GraphError, InputError, NothingLinkedError, RelworkError,
)
from relwork.core.records import Paper, Source  # noqa: E402

__all__ = [
    "__version__", "RelworkError", "InputError", "CatalogError", "GraphError", "ExportError", "NothingLinkedError",
    "Paper", "Source",
]

# name -> module: imported on first use (the linker compiles its patterns at import; the CLI's start-up and
# ``relwork --version`` should not pay for that)
_LAZY = {
    "load_papers": "relwork.loaders",
    "load_catalog": "relwork.linker",
    "link_corpus": "relwork.linker",
    "link_papers": "relwork.linker",
    "link_files": "relwork.linker",
    "build_graph": "relwork.graph.build",
}


def _lazy_attribute(package: str, table: dict[str, str], name: str):
    """``name`` from the module ``table`` maps it to, imported now (a package's ``__getattr__``)."""
    if name in table:
        import importlib

        return getattr(importlib.import_module(table[name]), name)
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


def __getattr__(name: str):
    """The pipeline functions of ``_LAZY``, imported when first asked for."""
    return _lazy_attribute("relwork", _LAZY, name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
