"""Identity and duplicates: many files in, one record per paper out.

Two records are the same paper when they share the arXiv id (versions already stripped), the DOI, or
the normalised title, and no identifier contradicts it: a title match is refused when both records have
arXiv ids, or both have DOIs, that differ (two distinct papers can share a generic title). Keys are tried
in that order; the first match wins. An arXiv DOI (10.48550/arXiv.ID) is the arXiv id, not a DOI that
contradicts the journal version's; every id of a merged record (a second DOI too) finds the paper later.

A record without an abstract is skipped unless it duplicates a paper that has one: it is then merged like any
duplicate (``load_papers``), after every file is read.

The merged record keeps the richest fields: the longest abstract (of two copies of the same text, the one
with less markup; else the one with more letters and digits once decoded: ``better_abstract``), the longest
author list (then the one with fuller names), the earliest year (when the work first appeared), the first arXiv
id / URL seen, the first publisher DOI (else the arXiv DOI), and every source. Its id is recomputed by the usual priority,
so a title-keyed HF record merged with its arXiv record takes the arXiv id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable

from relwork.core.errors import InputError
from relwork.core.records import Paper, arxiv_doi_id, make_paper_id, merged_categories, normalize_title, richer_authors
from relwork.loaders.arxiv import decode_accents
from relwork.loaders.base import ENTITY, FileReport, LoadResult, NoAbstract, Problem, display_name, unescape_entities
from relwork.loaders.registry import detect_format, expand_paths, get_loader, iter_papers


class PaperIndex:
    """Papers merged by identity, in first-seen order."""

    def __init__(self) -> None:
        self.papers: list[Paper] = []
        self._keys: dict[tuple[str, str], int] = {}

    @staticmethod
    def keys(paper: Paper) -> list[tuple[str, str]]:
        keys = []
        if paper.arxiv_id:
            keys.append(("arxiv", paper.arxiv_id))
        if paper.doi and not arxiv_doi_id(paper.doi):  # an arXiv DOI is the arXiv id, keyed above
            keys.append(("doi", paper.doi))
        title = normalize_title(paper.title)
        if title:
            keys.append(("title", title))
        return keys

    def _conflicts(self, a: Paper, b: Paper) -> bool:
        a_doi, b_doi = publisher_doi(a), publisher_doi(b)
        return bool(
            (a.arxiv_id and b.arxiv_id and a.arxiv_id != b.arxiv_id) or (a_doi and b_doi and a_doi != b_doi)
        )

    def add(self, paper: Paper) -> bool:
        """Add ``paper``; return True when it merged into a paper already present."""
        keys = self.keys(paper)
        if self.fold(paper, keys):
            return True
        self.papers.append(paper)
        self._register(paper, len(self.papers) - 1, keys)
        return False

    def find(self, paper: Paper, keys: list[tuple[str, str]] | None = None) -> int | None:
        """The position in ``papers`` of the paper ``paper`` duplicates (its keys tried in order: arXiv id, DOI,
        title; a title match is refused when identifiers contradict it), or None."""
        for key in self.keys(paper) if keys is None else keys:
            index = self._keys.get(key)
            if index is None:
                continue
            if key[0] == "title" and self._conflicts(self.papers[index], paper):
                continue
            return index
        return None

    def fold(self, paper: Paper, keys: list[tuple[str, str]] | None = None) -> bool:
        """Merge ``paper`` into the paper already present that it duplicates; False (nothing changed) when
        there is none."""
        keys = self.keys(paper) if keys is None else keys
        index = self.find(paper, keys)
        if index is None:
            return False
        existing = self.papers[index]
        merge_into(existing, paper)
        self._register(existing, index)
        self._register(paper, index, keys)  # ids only the duplicate had (a second DOI) find the paper too
        return True

    def _register(self, paper: Paper, index: int, keys: list[tuple[str, str]] | None = None) -> None:
        """Index ``paper`` under its keys (``keys`` when already computed for it, as for a new paper)."""
        for key in keys if keys is not None else self.keys(paper):
            self._keys.setdefault(key, index)


def publisher_doi(paper: Paper) -> str | None:
    """The paper's DOI unless it is the arXiv DOI (10.48550/arXiv.ID), which only repeats the arXiv id."""
    return paper.doi if paper.doi and not arxiv_doi_id(paper.doi) else None


# what is markup rather than text in an abstract: TeX escapes and groups, a TeX tie, an HTML entity
_MARKUP = re.compile(r"[\\{}~]|" + ENTITY.pattern)
_NOT_WORD = re.compile(r"[\W_]+")


def _words(abstract: str) -> str:
    """An abstract's letters and digits once decoded: entities, TeX accents outside math (``decode_accents``:
    'Na\\"ive' -> 'Naïve') and Zotero's '\\textbackslash{}' read as '\\': two copies of one abstract give the
    same, however their formats escape it."""
    decoded = unescape_entities(abstract).replace("\\textbackslash", "")
    return _NOT_WORD.sub("", decode_accents(decoded)).lower()


def better_abstract(kept: str, other: str) -> bool:
    """Whether ``other`` replaces ``kept`` in a merge: the same text (``_words``) in less markup, so the JSON copy
    'wide & deep' beats BibTeX's 'wide &amp; deep' and '$\\ell_1$' beats '$\\textbackslash{}ell\\_1$', though
    they are longer; else the one with more decoded text, so a cut copy whose entities or TeX make it longer in
    characters ('... &amp; find...') never replaces the whole abstract."""
    if not other or other == kept:
        return False
    kept_words, other_words = _words(kept), _words(other)
    if other_words == kept_words:
        return len(_MARKUP.findall(other)) < len(_MARKUP.findall(kept))
    return len(other_words) > len(kept_words)


def merge_into(kept: Paper, other: Paper) -> Paper:
    """Fold ``other`` into ``kept`` (in place), keeping the richest value of every field."""
    if better_abstract(kept.abstract, other.abstract):
        kept.abstract = other.abstract
    kept.authors = list(richer_authors(kept.authors, other.authors))
    if other.year and (not kept.year or other.year < kept.year):
        kept.year = other.year
    kept.arxiv_id = kept.arxiv_id or other.arxiv_id
    kept.doi = publisher_doi(kept) or publisher_doi(other) or kept.doi or other.doi
    kept.url = kept.url or other.url
    kept.title = kept.title or other.title
    kept.sources.extend(other.sources)
    kept.categories = merged_categories(kept.categories, other.categories)
    kept.id = make_paper_id(kept.arxiv_id, kept.doi, kept.title)
    return kept


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """Merge duplicates in ``papers`` (any order of files/formats) into one record each."""
    index = PaperIndex()
    for paper in papers:
        index.add(paper)
    return index.papers


def load_papers(
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    strict: bool = False,
    progress: Callable[..., object] | None = None,
) -> LoadResult:
    """Load every file in ``paths`` (streamed), merge duplicates, and report per file.

    Parameters: ``format`` forces one loader for all files (else each is detected); ``strict`` raises
    InputError at the first problem instead of skipping; ``progress`` is called as ``progress(1)`` per
    record read.
    Raises InputError for an unknown ``format`` name, and in strict mode for any problem.
    """
    paths = expand_paths(paths)  # a directory stands for the files below it
    if format:
        get_loader(format)  # an unknown name is a usage error: fail before reading anything
    index = PaperIndex()
    reports: list[FileReport] = []
    untitled: list[tuple[NoAbstract, FileReport]] = []  # records without abstract, merged once all are read
    for path in paths:
        name = str(path)
        report = FileReport(path=display_name(name), format=None)
        reports.append(report)
        seen = 0
        try:
            report.format = get_loader(format).name if format else detect_format(name)
            for paper in iter_papers(
                name, format=report.format, problems=report.skipped, strict=strict, notes=report.notes
            ):
                if index.add(paper):
                    report.merged += 1
                else:
                    report.kept += 1
                if progress is not None:
                    progress(1 + len(report.skipped) - seen)
                seen = len(report.skipped)
            fatal = None
        except InputError as err:
            if strict:
                raise
            fatal = Problem.from_error(err, report.path)
        if progress is not None and len(report.skipped) > seen:
            progress(len(report.skipped) - seen)
        # records read = papers yielded + records skipped; a Problem with line None is about the file
        report.read = report.kept + report.merged + sum(1 for p in report.skipped if p.line is not None)
        if fatal is not None:
            report.skipped.append(fatal)
        untitled.extend((p, report) for p in report.skipped if type(p) is NoAbstract)
    _fold_no_abstract(index, untitled)
    return LoadResult(papers=index.papers, files=reports)


def _fold_no_abstract(index: PaperIndex, records: list[tuple[NoAbstract, FileReport]]) -> None:
    """Merge each record without abstract into the paper it duplicates (same arXiv id, DOI or title), wherever
    that paper was read, so that its ids, URL and source are kept; it then counts as merged, not skipped. Done
    after every file is read, so the result is the same in any file order; a record no paper takes stays
    skipped."""
    folded: dict[int, set[int]] = {}  # report -> the records it no longer skips, filtered once per report
    for problem, report in records:
        if index.fold(problem.paper):
            folded.setdefault(id(report), set()).add(id(problem))
            report.merged += 1
    for _, report in records:
        gone = folded.pop(id(report), None)
        if gone:
            report.skipped = [p for p in report.skipped if id(p) not in gone]
