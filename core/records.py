"""The records that flow through relwork.

``Paper`` is what every loader yields. ``Link`` / ``Introduced`` / ``LinkedPaper`` are what the linker
emits and the graph builder consumes; their JSON form is the output contract of ``relwork link``.
All are plain picklable dataclasses so batches can cross process boundaries.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from itertools import islice

RELATIONS = ("builds_on", "compares_to", "mentions")


def relation_name(value: object) -> str | None:
    """The relation ``value`` spells ('builds_on', 'builds-on', 'Compares To'), or None when it names none of
    RELATIONS: the graph queries accept the same spellings."""
    if not isinstance(value, str):
        return None
    name = "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    return name if name in RELATIONS else None

_ARXIV_NEW = re.compile(r"(?:arxiv[:/ ]\s*|abs/|pdf/)?(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$", re.I)
_ARXIV_OLD = re.compile(r"(?:arxiv[:/ ]\s*|abs/|pdf/)?([a-z][a-z.\-]+/\d{7})(?:v\d+)?(?:\.pdf)?$", re.I)
_DOI = re.compile(r"(10\.\d{4,9}/\S+)$")
# an id already in normal form (what loaders hand to ``Paper.create``) is returned without the searches
_ARXIV_CANONICAL = re.compile(r"\d{4}\.\d{4,5}|[a-z][a-z.\-]+/\d{7}")
_TITLE_WORDS = re.compile(r"[a-z0-9]+")
_WORDS = re.compile(r"\w+")


def squash_whitespace(text: str) -> str:
    """``text`` with runs of whitespace as one space and no leading/trailing space (``" ".join(text.split())``).

    Most abstracts are already in that form; two C-level scans prove it without splitting into words
    (``isprintable`` is False for every whitespace character other than the ASCII space).

    A lone surrogate (JSON input can spell one, '\\ud800', and no UTF-8 text can hold it) becomes U+FFFD, so
    the text can be matched and written; control characters and bidi overrides (``_UNSHOWN``) are dropped. A
    printable text has none of them, so the common path never looks.
    """
    printable = text.isprintable()
    if printable:
        return text if "  " not in text and text[:1] != " " and text[-1:] != " " else " ".join(text.split())
    text = drop_unshown(text)
    if not text.isascii() and _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def drop_unshown(text: str) -> str:
    """``text`` without control characters and bidi overrides (``_UNSHOWN``), runs of white space as one space."""
    return " ".join(_UNSHOWN.sub("", text).split())


_SURROGATE = re.compile("[\ud800-\udfff]")
# dropped: control characters that are not white space (BEL, ESC, DEL, C1; the white-space ones are squashed
# into spaces above) and the bidi embeddings, overrides and isolates, which reorder the text around them where
# it is shown (a title that reads as another, a "Trojan Source" Cypher line) and which no title needs
_UNSHOWN = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def richer_authors(a: list[str], b: list[str]) -> list[str]:
    """The more informative of two author lists of one paper: more names, then more characters (full names
    over initials: 'Sukjun Hwang' over 'S. Hwang'), then sort order, so merging records gives the same list
    in any order."""
    return max(a or [], b or [], key=lambda names: (len(names), sum(map(len, names)), list(names)))


def merged_categories(a: list[str] | None, b: list[str] | None) -> list[str]:
    """The categories of two records of one paper: ``a``'s, then those only ``b`` has."""
    return list(dict.fromkeys([*(a or []), *(b or [])]))


def normalize_arxiv_id(value: str | None) -> str | None:
    """Return the versionless arXiv id ('1810.04805', 'cs/0601001') in ``value``, or None.

    Accepts bare ids, 'arXiv:' prefixes, abs/pdf URLs and version suffixes.
    """
    if not value:
        return None
    if _ARXIV_CANONICAL.fullmatch(value):
        return value
    text = value.strip().rstrip("/")
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.search(text)
        if match:
            return match.group(1).lower() if "/" in match.group(1) else match.group(1)
    return None


# the YYMM an arXiv id starts with: '1810.04805', 'cs/9901001'
_ID_MONTH_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_ID_MONTH_OLD = re.compile(r"/(\d{2})(\d{2})\d{3}$")


def arxiv_month(arxiv_id: str | None) -> tuple[int, int] | None:
    """(year, month) of an arXiv id's YYMM prefix ('1810.04805' -> (2018, 10), 'cs/9901001' -> (1999, 1))."""
    match = (_ID_MONTH_NEW.match(arxiv_id) or _ID_MONTH_OLD.search(arxiv_id)) if arxiv_id else None
    if not match:
        return None
    yy = int(match.group(1))
    return (1900 + yy if yy >= 91 else 2000 + yy), int(match.group(2))


def arxiv_year(arxiv_id: str | None) -> int | None:
    """The year an arXiv id was first submitted ('1901.02081' -> 2019), or None for another id. A paper's year
    is never later than this one (``first_year``), so that date rules (a name the catalog dates before the paper
    is not the paper's own; a paper cannot use a later method) and year-ordered answers work on arXiv records."""
    month = arxiv_month(arxiv_id)
    return month[0] if month else None


def first_year(arxiv_id: str | None, year: int | None) -> int | None:
    """The year a paper first appeared: the earlier of its record's ``year`` and its arXiv id's year. A record
    often gives the year of a later version or of the journal issue ('1506.01497' dated 2016); one older than
    its id (a paper posted to arXiv after it was published) keeps its own. None when neither is known."""
    id_year = arxiv_year(arxiv_id)
    if id_year is None:
        return year
    return id_year if year is None or id_year < year else year


def first_submitted(arxiv_id: str | None, year: int | None) -> tuple[int, int] | None:
    """When a paper first appeared, as (year, month): from its arXiv id, else (year, 0) from its record's
    year (month unknown), else None."""
    return arxiv_month(arxiv_id) or ((year, 0) if year else None)


def normalize_doi(value: str | None) -> str | None:
    """Return the DOI in ``value`` lower-cased and without 'doi:' or resolver prefix, or None."""
    if not value:
        return None
    match = _DOI.search(value.strip())
    return match.group(1).lower().rstrip(".") if match else None


_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.I)


def arxiv_doi_id(doi: str | None) -> str | None:
    """The arXiv id an arXiv DataCite DOI (10.48550/arXiv.ID) stands for; None for any other DOI."""
    match = _ARXIV_DOI.match(doi) if doi else None
    return normalize_arxiv_id(match.group(1)) if match else None


def title_head(title: str, n: int) -> list[str]:
    """The first ``n`` words of ``normalize_title(title)`` (fewer if it has fewer; [''] for no words),
    without normalising the rest of an ASCII title."""
    if title.isascii():
        words = [m.group() for m in islice(_TITLE_WORDS.finditer(title.lower()), n)]
        if words:
            return words
    return normalize_title(title).split(" ", n)[:n]


def normalize_title(title: str) -> str:
    """Title reduced to lower-case ASCII words: the key under which the same paper meets itself."""
    if title.isascii():  # NFKD and the combining-mark filter change nothing in ASCII
        text = title.lower()
    else:
        text = unicodedata.normalize("NFKD", title)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = _TITLE_WORDS.findall(text)
    # titles without ASCII letters or digits (e.g. Chinese) keep their own word characters
    return " ".join(words) if words else " ".join(_WORDS.findall(text))


def title_key(title: str) -> str:
    """Short stable id derived from the normalised title."""
    return "title:" + hashlib.sha1(normalize_title(title).encode()).hexdigest()[:16]


def make_paper_id(arxiv_id: str | None, doi: str | None, title: str) -> str:
    """Paper id by priority: arXiv id (no version) > 'doi:' + DOI > title key."""
    if arxiv_id:
        return arxiv_id
    if doi:
        return "doi:" + doi
    return title_key(title)


@dataclass
class Source:
    """Where a record was read: file path, 1-based line (or entry start line) and loader format, and the
    record's own id when it is neither an arXiv id nor a DOI (a generic record's ``"id": "nasty-0"``, which the
    paper id cannot keep): the key that joins an output record back to the user's data."""

    file: str
    line: int
    format: str
    record_id: str | None = None


@dataclass
class Paper:
    """One paper, whatever format it came from."""

    id: str
    title: str
    abstract: str
    year: int | None = None
    authors: list[str] = field(default_factory=list)
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    sources: list[Source] = field(default_factory=list)
    # the subject classes the source gives (arXiv 'cs.CL', Semantic Scholar's fields of study, OpenAlex
    # subfields, Web of Science categories), in the source's order
    categories: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, title: str, abstract: str, *, source: Source | None = None, **fields) -> "Paper":
        """Build a paper with normalised ids and the id chosen by priority."""
        arxiv_id = normalize_arxiv_id(fields.pop("arxiv_id", None))
        doi = normalize_doi(fields.pop("doi", None))
        title = squash_whitespace(title)
        abstract = squash_whitespace(abstract)
        if arxiv_id:
            fields["year"] = first_year(arxiv_id, fields.get("year"))
        return cls(
            id=make_paper_id(arxiv_id, doi, title),
            title=title,
            abstract=abstract,
            arxiv_id=arxiv_id,
            doi=doi,
            sources=[source] if source else [],
            **fields,
        )

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Paper":
        data = dict(data)
        data["sources"] = [Source(**s) for s in data.get("sources", [])]
        return cls(**data)


@dataclass
class Link:
    """One mention of a catalogued (or uncatalogued) method in a paper, with its typed relation.

    ``start``/``end`` are character offsets into the field ('title' or 'abstract') after the paper
    record's whitespace normalisation; ``evidence`` is the sentence holding the mention and ``cue`` the
    word(s) that decided the relation ('' for a plain mention).
    """

    method: str
    kind: str
    relation: str
    surface: str
    field: str
    start: int
    end: int
    evidence: str
    cue: str = ""
    confidence: float = 1.0


@dataclass
class Introduced:
    """A name the paper itself proposes (kind 'method' or 'dataset')."""

    name: str
    kind: str = "method"
    aliases: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class LinkedPaper:
    """A paper with its introduced names and its links: the linker's output for one paper."""

    paper: Paper
    introduces: list[Introduced] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The ``relwork link --format jsonl`` object: the contract fields first, then the paper's."""
        paper = self.paper.to_dict()
        return {
            "id": self.paper.id,
            "title": self.paper.title,
            "introduces": [asdict(i) for i in self.introduces],
            "links": [asdict(link) for link in self.links],
            "year": paper["year"],
            "authors": paper["authors"],
            "arxiv_id": paper["arxiv_id"],
            "doi": paper["doi"],
            "url": paper["url"],
            "abstract": paper["abstract"],
            "sources": paper["sources"],
            "categories": paper["categories"],
        }

    def __repr__(self) -> str:
        """Short: a notebook cell shows the paper and its counts, not its abstract and evidence sentences."""
        links = len(self.links)
        return (f"LinkedPaper(id={self.paper.id!r}, title={self.paper.title!r}, {links} link{'s' * (links != 1)}, "
                f"{len(self.introduces)} introduced)")

    @classmethod
    def from_dict(cls, data: dict) -> "LinkedPaper":
        paper = Paper.from_dict(
            {k: data.get(k) for k in ("id", "title", "abstract", "year", "arxiv_id", "doi", "url")}
            | {k: data.get(k) or [] for k in ("authors", "sources", "categories")}
        )
        return cls(
            paper=paper,
            introduces=[Introduced(**i) for i in data.get("introduces", [])],
            links=[Link(**link) for link in data.get("links", [])],
        )
