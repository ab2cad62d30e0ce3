"""Entity linking: catalog, mention matching, introduced names and relation typing.

Public API: ``load_catalog``, ``Linker``, ``link_corpus`` (``iter_corpus`` streams it), ``link_papers``, ``link_batch``,
``link_files`` (files to JSON Lines, as ``relwork link``), ``collect_introduced``, ``type_relation``, ``evaluate``.
"""

from relwork.core.gctools import gc_paused

# importing the linker compiles ~350 regular expressions and builds their tables: some 60 collections of the
# cyclic garbage collector for nothing (~50 ms of a run's start-up), as everything made here stays alive
with gc_paused():
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
