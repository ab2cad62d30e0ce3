"""Entity linking: catalog, mention matching, introduced names and relation typing.

Public API: ``load_catalog``, ``Linker``, ``link_corpus`` (``iter_corpus`` streams it), ``link_papers``, ``link_batch``,
``link_files`` (files to JSON Lines, as ``relwork link``), ``collect_introduced``, ``type_relation``, ``evaluate``.
"""

from relwork.core.gctools import gc_paused
from relwork.core.patterns import compiled_patterns

# importing the linker compiles ~500 regular expressions and builds their tables: some 60 collections of the
# cyclic garbage collector for nothing (~50 ms of a run's start-up), as everything made here stays alive; the
# patterns' compiled code comes from relwork's cache folder (~0.4 CPU s a run less: ``core/patterns.py``)
with gc_paused(), compiled_patterns():
    from relwork.linker.catalog import Catalog, CatalogEntry, load_catalog
    from relwork.linker.pipeline import (
        CorpusName, Linker, collect_introduced, iter_corpus, link_batch, link_corpus, link_files, link_papers,
    )
    from relwork.linker.relations import RelationResult, type_relation

__all__ = [
    "Catalog",
    "CatalogEntry",
    "CorpusName",
    "Linker",
    "RelationResult",
    "collect_introduced",
    "link_batch",
    "iter_corpus",
    "link_corpus",
    "link_files",
    "link_papers",
    "load_catalog",
    "type_relation",
]
