"""OpenAlex works: JSON Lines (e.g. the snapshot's ``works`` files) or API pages ``{"results": [...]}``.

The abstract is rebuilt from ``abstract_inverted_index`` ({word: [positions]}); the DOI comes as a
``https://doi.org/...`` URL and is normalised; an arXiv id is taken from ``ids.arxiv`` or from an
arxiv.org landing page / the arXiv DataCite DOI (10.48550/arXiv.*) when the work is the preprint. The
subfields of the work's topics are its categories. HTML
entities in titles (CrossRef's '&amp;') and abstracts are decoded.
"""

from __future__ import annotations

from typing import Iterator

from relwork.core.records import Paper, normalize_arxiv_id
from relwork.loaders._json import iter_json
from relwork.loaders.base import Problem, TextFile, make_paper, papers_from, parse_authors, parse_year
from relwork.loaders.jsonrecords import rebuild_inverted_abstract


def _arxiv_from_locations(work: dict) -> str | None:
    locations = [work.get("primary_location"), work.get("best_oa_location"), *(work.get("locations") or [])]
    for location in locations:
        if not isinstance(location, dict):
            continue
        for key in ("landing_page_url", "pdf_url"):
            url = location.get(key) or ""
            if isinstance(url, str) and "arxiv.org/" in url:
                found = normalize_arxiv_id(url)
                if found:
                    return found
    return None


def _subfields(work: dict) -> list[str]:
    """The subfields of a work's topics ('Artificial Intelligence', 'Computer Vision and Pattern Recognition'),
    its primary topic's first: OpenAlex's level that compares with an arXiv category."""
    topics = [work.get("primary_topic"), *(work.get("topics") or [])]
    return [
        topic["subfield"]["display_name"]
        for topic in topics
        if isinstance(topic, dict) and isinstance(topic.get("subfield"), dict)
        and isinstance(topic["subfield"].get("display_name"), str)
    ]


def openalex_record_to_paper(text: TextFile, line: int, work: dict) -> Paper | Problem:
    """Map one OpenAlex work to a Paper."""
    ids = work.get("ids") if isinstance(work.get("ids"), dict) else {}
    index = work.get("abstract_inverted_index")
    abstract = rebuild_inverted_abstract(index) if isinstance(index, dict) else work.get("abstract")
    authors = parse_authors(work.get("authorships")) or parse_authors(work.get("authors"))
    location = work.get("primary_location") if isinstance(work.get("primary_location"), dict) else {}
    url = work.get("doi") or location.get("landing_page_url") or work.get("id")
    return make_paper(
        text,
        line,
        work.get("title") or work.get("display_name"),
        abstract,
        arxiv=ids.get("arxiv") or _arxiv_from_locations(work),
        doi=work.get("doi") or ids.get("doi"),
        year=parse_year(work.get("publication_year")) or parse_year(work.get("publication_date")),
        authors=authors,
        url=url,
        categories=_subfields(work),
        entities=True,
        record_id=work.get("id") if isinstance(work.get("id"), str) else None,
    )


def read_openalex(text: TextFile) -> Iterator[Paper | Problem]:
    """OpenAlex works as JSON Lines or API result pages."""
    return papers_from(text, iter_json(text), openalex_record_to_paper)
