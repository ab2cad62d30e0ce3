"""Generic records: a JSON array, JSON Lines or CSV/TSV with a title and an abstract per record.

Field names are matched case-insensitively against the usual alternatives (``summary``, ``paperAbstract``,
``publication_year``, ``published``, ...), so exports from most tools load without a mapping. An ``id``
that is an arXiv id or a DOI is used as such; another id is kept as the source's ``record_id`` (the paper id is
always derived).
Zotero's two exports read here as they are: CSL-JSON (year from ``issued``'s ``date-parts``, arXiv id from
``number: "arXiv:ID"``, ``citation-key`` as record id) and CSV (arXiv id from ``Extra: "arXiv: ID"``, the item
``Key`` as record id); CSL-JSON needs no module of its own, its fields being the generic names.
HTML entities in the title, abstract and authors (``Herv&#xe9;``, ``&amp;``: pages re-published as JSON keep
them) are decoded.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

from relwork.core.errors import ExportError
from relwork.core.records import Paper, normalize_arxiv_id, normalize_doi, squash_whitespace
from relwork.loaders._json import iter_json
from relwork.loaders.base import Problem, TextFile, arxiv_note_id, make_paper, papers_from, parse_authors, parse_year

TITLE_KEYS = ("title", "paper_title", "papertitle", "title_text", "display_name", "name", "ti")  # TI: Web of Science tab-delimited
ABSTRACT_KEYS = (
    "abstract", "summary", "paperabstract", "abstract_text", "abstracttext", "abstractnote", "abstract_note",
    "paper_abstract", "description", "abstract_inverted_index", "ab",
)
# a record's own id: BibTeX-style keys (CSL-JSON 'citation-key') before a generic 'id', Zotero CSV's 'Key' after it
ID_KEYS = ("arxiv_id", "arxivid", "arxiv", "eprint", "citation_key", "id", "paper_id", "paperid", "identifier", "key")
# fields that may name the record's arXiv id as 'arXiv:ID': CSL-JSON 'number' (Zotero preprints) and 'note' (Zotero's
# Extra in CSL), Zotero CSV 'Extra'; not Zotero CSV 'Notes' (the user's own notes may cite other papers)
NOTE_KEYS = ("number", "extra", "note")
DOI_KEYS = ("doi", "di")
URL_KEYS = ("url", "link", "abs_url", "landing_page_url", "pdf_url", "href")
YEAR_KEYS = (
    "year", "publication_year", "pub_year", "published", "publication_date", "publicationdate",
    "pub_date", "date", "published_date", "created", "issued", "update_date", "py",
)
# subject classes: arXiv 'categories', Semantic Scholar 'fieldsOfStudy', Web of Science tab-delimited 'WC'
CATEGORY_KEYS = ("categories", "category", "s2fieldsofstudy", "fieldsofstudy", "fields_of_study", "subjects", "wc")
# keywords and tags: only the arXiv subjects among them count, as categories (Zotero: 'Manual Tags' in its CSV export)
KEYWORD_KEYS = ("keywords", "keyword", "manual_tags", "automatic_tags", "tags")
AUTHOR_KEYS = ("authors", "author", "author_names", "authornames", "creators", "authorships", "af", "au")

_JATS_TAG = re.compile(r"</?jats:[^>]*>")


_SEPARATORS = re.compile(r"[\s\-]+")


def field_name(name: str) -> str:
    """A header/key as matched: lower case, spaces and hyphens as '_' ('Abstract Text' -> 'abstract_text')."""
    return _SEPARATORS.sub("_", name.strip().strip('"').strip().lower())


def _pick(record: dict, originals: tuple[str, ...]) -> Any:
    """The first non-empty value under one of the record's own keys ``originals`` (in priority order)."""
    for original in originals:
        value = record[original]
        if value not in (None, "", [], {}):
            return value
    return None


class _KeyPlan:
    """For one set of record keys: the record's own keys that hold each field, in priority order.

    Records of one file nearly always share their key set, so the case-insensitive name matching is done
    once per key set instead of once per record.
    """

    __slots__ = ("title", "abstract", "ids", "doi", "url", "notes", "years", "authors", "categories", "keywords")

    def __init__(self, keys: tuple[str, ...]):
        lowered = {field_name(key): key for key in keys if isinstance(key, str)}

        def present(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(lowered[name] for name in names if name in lowered)

        self.title = present(TITLE_KEYS)
        self.abstract = present(ABSTRACT_KEYS)
        self.ids = present(ID_KEYS)
        self.doi = present(DOI_KEYS)
        self.url = present(URL_KEYS)
        self.notes = present(NOTE_KEYS)
        self.years = present(YEAR_KEYS)
        self.authors = present(AUTHOR_KEYS)
        self.categories = present(CATEGORY_KEYS)
        self.keywords = present(KEYWORD_KEYS)


_PLANS: dict[tuple, _KeyPlan] = {}
_MAX_PLANS = 4096  # bounded: files whose records all differ in their keys do not grow memory


def _plan(record: dict) -> _KeyPlan:
    keys = tuple(record)
    plan = _PLANS.get(keys)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[keys] = _KeyPlan(keys)
    return plan


def rebuild_inverted_abstract(index: dict) -> str:
    """Rebuild an abstract from an inverted index {word: [positions]} (OpenAlex's form)."""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        for position in positions if isinstance(positions, list) else []:
            if isinstance(position, int):
                slots[position] = word
    return " ".join(slots[i] for i in sorted(slots))


def record_to_paper(text: TextFile, line: int, record: dict, *, last_line: int | None = None) -> Paper | Problem:
    """Map a generic record (dict of field name -> value) to a Paper, or the Problem that skips it."""
    plan = _plan(record)
    abstract = _pick(record, plan.abstract)
    if isinstance(abstract, dict):
        abstract = rebuild_inverted_abstract(abstract)
    if isinstance(abstract, str) and "<jats:" in abstract:
        abstract = _JATS_TAG.sub(" ", abstract)
    arxiv = doi = record_id = None
    for key in plan.ids:
        value = record[key]
        if value in (None, "", [], {}):
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = str(value)
            as_arxiv, as_doi = normalize_arxiv_id(value), normalize_doi(value)
            arxiv, doi = arxiv or as_arxiv, doi or as_doi
            if not (as_arxiv or as_doi or record_id):
                record_id = squash_whitespace(value) or None  # the user's own key ('nasty-0', 42): kept to join on
    doi = _pick(record, plan.doi) or doi
    url = _pick(record, plan.url)
    if not arxiv and isinstance(url, str) and "arxiv.org/" in url:
        arxiv = normalize_arxiv_id(url)
    for key in plan.notes if not arxiv else ():
        arxiv = arxiv_note_id(record[key])
        if arxiv:
            break
    year = None
    for key in plan.years:
        year = parse_year(record[key])
        if year:
            break
    return make_paper(
        text,
        line,
        _pick(record, plan.title),
        abstract,
        last_line=last_line,
        arxiv=arxiv,
        doi=doi,
        year=year,
        authors=parse_authors(_pick(record, plan.authors)),
        url=url,
        categories=_pick(record, plan.categories) if plan.categories else None,
        keywords=[record[key] for key in plan.keywords if isinstance(record[key], (str, list))] if plan.keywords else None,
        entities=True,
        record_id=record_id,
    )


def read_json(text: TextFile) -> Iterator[Paper | Problem]:
    """Generic JSON array / JSON Lines / API-page records."""
    return papers_from(text, iter_json(text), record_to_paper)


# a field may hold a whole abstract (or a full text): Python's default limit of 128 KB skipped such records
FIELD_LIMIT = 64 * 1024 * 1024
EXCEL_SEP = re.compile(r'^"?sep=(.)"?,*$', re.I)  # Excel's 'sep=;' first line names the delimiter


def _sniff_dialect(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in (",", "\t", ";")}
    return max(counts, key=counts.get)


def read_csv(text: TextFile) -> Iterator[Paper | Problem]:
    """CSV or TSV with a header row (delimiter: the most frequent of ',', tab, ';' in the header, or the one
    an Excel 'sep=X' first line names). A field may be up to ``FIELD_LIMIT`` characters.

    Streamed row by row; a row may span lines (quoted newlines) and is located by its first line.
    """
    lines = text.lines()
    header_line = None
    for number, line in lines:
        if line.strip():
            header_line = (number, line)
            break
    if header_line is None:
        return
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    excel = EXCEL_SEP.match(header_line[1].strip())
    if excel:
        header_line = next(((number, line) for number, line in lines if line.strip()), None)
        if header_line is None:
            return
    delimiter = excel.group(1) if excel else _sniff_dialect(header_line[1])
    current = {"line": header_line[0]}

    def feed():
        yield header_line[1] + "\n"
        for number, line in lines:
            current["line"] = number
            yield line + "\n"

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as err:
        yield text.problem(header_line[0], f"malformed CSV header: {err}")
        return
    row_start = current["line"] + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield text.problem(row_start, f"malformed CSV row: {err}{text.ends_inside(current['line'])}")
            row_start = current["line"] + 1
            continue
        first, last = row_start, current["line"]
        row_start = current["line"] + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            bad = text.utf8_problem(first, last)
            yield bad or text.problem(
                first, f"malformed CSV row: expected {len(header)} fields, found {len(row)}{text.ends_inside(last)}"
            )
            continue
        yield record_to_paper(text, first, dict(zip(header, row)), last_line=last)


def write_jsonl(papers: Iterable[Paper], path: str | Path) -> int:
    """Write papers as JSON Lines (``Paper.to_dict``), readable back with the ``json`` loader.

    Returns the number written; raises ExportError when the file cannot be written.
    """
    count = 0
    try:
        with open(path, "w", encoding="utf-8") as handle:
            for paper in papers:
                handle.write(json.dumps(paper.to_dict(), ensure_ascii=False) + "\n")
                count += 1
    except OSError as err:
        raise ExportError(f"{path}: cannot write: {err.strerror or err}") from err
    return count
