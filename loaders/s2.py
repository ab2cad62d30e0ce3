"""Semantic Scholar Graph API: ``{"data": [...]}`` pages (paper search, bulk search, batch) or JSON Lines.

Fields used: ``paperId``, ``title``, ``abstract``, ``year`` / ``publicationDate``, ``authors[].name``,
``externalIds`` (``ArXiv``, ``DOI``), ``url`` and the fields of study (``s2FieldsOfStudy``, else
``fieldsOfStudy``) as categories. Citation/reference pages wrap each paper as
``{"citingPaper": {...}}`` or ``{"citedPaper": {...}}``; those are unwrapped. Records without an abstract
(S2 withholds many) are skipped with 'record has no abstract'. HTML entities in titles and abstracts are decoded.
"""

from __future__ import annotations

from typing import Iterator

from relwork.core.records import Paper
from relwork.loaders._json import iter_json
from relwork.loaders.base import Problem, TextFile, make_paper, papers_from, parse_authors, parse_year


def s2_record_to_paper(text: TextFile, line: int, record: dict) -> Paper | Problem:
    """Map one Semantic Scholar paper object to a Paper."""
    for wrapper in ("citingPaper", "citedPaper", "paper"):
        if isinstance(record.get(wrapper), dict):
            record = record[wrapper]
            break
    external = record.get("externalIds") or record.get("externalids") or {}
    external = {str(k).lower(): v for k, v in external.items()} if isinstance(external, dict) else {}
    paper_id = record.get("paperId")
    url = record.get("url") or (f"https://www.semanticscholar.org/paper/{paper_id}" if paper_id else None)
    return make_paper(
        text,
        line,
        record.get("title"),
        record.get("abstract"),
        arxiv=external.get("arxiv"),
        doi=external.get("doi"),
        year=parse_year(record.get("year")) or parse_year(record.get("publicationDate")),
        authors=parse_authors(record.get("authors")),
        url=url,
        categories=record.get("s2FieldsOfStudy") or record.get("fieldsOfStudy"),
        entities=True,
        record_id=paper_id if isinstance(paper_id, str) else None,
    )


def read_s2(text: TextFile) -> Iterator[Paper | Problem]:
    """Semantic Scholar API pages or JSON Lines of paper objects."""
    return papers_from(text, iter_json(text), s2_record_to_paper)
