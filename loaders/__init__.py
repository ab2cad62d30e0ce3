"""Loaders: one module per input format, all yielding ``relwork.core.records.Paper``.

Formats (``LOADERS``): ``hf-daily`` (Hugging Face daily-papers listing text), ``json`` and ``csv``
(generic records), ``arxiv`` (Kaggle metadata snapshot) and ``arxiv-atom`` (API feeds), ``s2`` (Semantic
Scholar), ``openalex``, ``bibtex``, ``ris``, ``medline`` (PubMed) and ``wos`` (Web of Science) (reference-manager and database exports). Files are streamed line by line
and may be gzipped.

Public API:
- ``iter_papers(path, *, format=None, problems=None, strict=False)`` streams one file, no merging;
- ``load_papers(paths, *, format=None, strict=False, progress=None) -> LoadResult`` loads many files
  and merges duplicates (same arXiv id, DOI or normalised title) into one record per paper; a
  directory stands for the files below it (``expand_paths``);
- ``detect_format(path)``, ``Problem``, ``FileReport``, ``LoadResult``.
"""

from relwork.loaders.base import FileReport, LoadResult, Problem
from relwork.loaders.dedupe import PaperIndex, load_papers, merge_papers
from relwork.loaders.registry import LOADERS, Loader, detect_format, expand_paths, get_loader, iter_papers, known_formats

__all__ = [
    "LOADERS",
    "FileReport",
    "LoadResult",
    "Loader",
    "PaperIndex",
    "Problem",
    "detect_format",
    "expand_paths",
    "get_loader",
    "iter_papers",
    "known_formats",
    "load_papers",
    "merge_papers",
]
