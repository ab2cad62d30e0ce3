"""Linking papers: exact matches, per-paper aliases, fuzzy and uncatalogued fallbacks, relation typing.

``Linker(catalog)`` compiles everything once (automaton, fuzzy index) and links one paper at a time.
``link_corpus`` links a list in two passes so that names introduced anywhere in the corpus link from every
other paper; ``link_papers`` streams batches (optionally over worker processes) for files too big to hold.

A batch is linked by ``link_batch(catalog, papers, introduced)``: a pure, picklable function of its
arguments, so multiprocessing (or a distributed engine) can run it unchanged. The graph stays out of
linking: linking emits ``LinkedPaper`` records and the graph builder consumes them.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import marshal
import os
import pickle
import re
import shutil
import tempfile
from bisect import bisect_right
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence, TextIO

import orjson

from relwork.core.errors import InputError, NothingLinkedError
from relwork.core.files import atomic_text
from relwork.core.gctools import release_free_memory
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, first_submitted
from relwork.linker.calibration import calibrate, check_threshold, drop_below
from relwork.linker.catalog import Catalog, CatalogEntry, alias_key, is_version_title
from relwork.linker.compiled import CompiledCatalog, compiled_catalog
from relwork.linker.introduced import (
    GENERIC,
    CatalogYears,
    _initials_match,
    _long_form_before,
    detect_introduced,
    find_definitions,
    is_namelike,
    is_short_form,
    long_forms_agree,
    long_forms_of,
    share_dated,
)
from relwork.linker.matcher import (
    NAME_FUNCTION_WORDS, Matcher, Mention, find_surface, is_acronym, is_descriptive, normalize, resolve_overlaps, variants,
)
from relwork.linker.relations import settle_paper, type_relation
from relwork.linker.sentences import split_sentences, unbroken_spans
from relwork.linker.uncatalogued import _ANCHOR_SEP, NOT_METHODS, find_uncatalogued
from relwork.linker.used_names import DatasetEditions, device_mentions, drop_used_names
from relwork.loaders.base import GZIP_MAGIC, LineChunk, Problem, TextFile

# How much a mention's source lowers the relation's confidence.
SOURCE_CONFIDENCE = {"exact": 1.0, "alias": 0.9, "fuzzy": 0.8, "uncatalogued": 0.5}
# entries of ``Linker._name_keys`` before it starts again (~0.2 MB full; a miss only asks ``alias_key``): 2,048
# hold the names of the ~4,000 papers before, ~0.5 new names a paper
_NAME_KEYS_MAX = 1 << 11
MIN_CORPUS_NAME = 3  # introduced names shorter than this ('M1', 'BT') do not link from other papers


def corpus_linkable(name: str) -> bool:
    """Whether another paper's introduced name is distinctive enough to link wherever it is written:
    coined names with mixed case or digits ('ColBERT', 'IC-Mamba', 'M2-BERT', 'BT^2'). All-capitals words
    ('ATLAS', 'SLAM', 'UAV') and plain words ('Flow', 'Informer') are too often something else."""
    if alias_key(name) in NOT_METHODS or alias_key(name) in GENERIC or name[:1].isdigit() or re.fullmatch(r"[A-Z]?[a-z]+(?:[\s\-][A-Z]?[a-z]+)*", name):
        return False
    if name[:1].islower() and " " in name:  # a phrase opening with a lower-case word ('on GitHub'), not a coined name
        return False
    return bool(re.search(r"[a-z]", name) and re.search(r"[A-Z]", name[1:]) or re.search(r"\d", name))


def _corpus_name_ok(name: str) -> bool:
    key = alias_key(name)
    return key not in GENERIC and len(key) >= MIN_CORPUS_NAME and corpus_linkable(name)


@dataclass(frozen=True, slots=True)
class CorpusName:
    """A name introduced by a paper of the corpus, linkable from the other papers. Slotted (~70 bytes, not
    ~250 with a ``__dict__``): a corpus of millions of papers introduces hundreds of thousands."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    paper_id: str = ""
    field_term: bool = False  # spelled out by FIELD_TERM_DEFINERS other papers: no paper's name (_CorpusNames)


def is_title_case(title: str) -> bool:
    """Most words capitalised ('Parallelizing Linear Transformers with the Delta Rule')."""
    words = capitalised = 0  # a plain loop: no list and generator per title (it runs for every paper)
    for w in title.split():
        if len(w) > 3 and w[0].isalpha():
            words += 1
            capitalised += w[0].isupper()
    return words > 0 and capitalised >= 0.75 * words


_CONTENT = re.compile(r"[a-z]{4,}")
# words that say nothing about which method a long form spells out ('Deep Recurrent Quantization' vs DrQ's
# 'Regularizing Deep Reinforcement Learning')
_GENERIC_WORDS = frozenset(
    "deep neural network networks model models learning based method methods approach two three dimensional".split()
)
# function words a long form's initials skip: those allowed inside names, and 'over' / 'from'
_LONG_FORM_FUNCTION_WORDS = NAME_FUNCTION_WORDS | {"over", "from"}
_FUNCTION_WORDS = re.compile(r"\b(?:" + "|".join(sorted(_LONG_FORM_FUNCTION_WORDS)) + r")\b", re.I)
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


_PLAIN_WORDS = re.compile(r"[A-Za-z][a-z]*(?:[\s\-]+[A-Za-z][a-z]*)+")  # 'Deep Image Prior', 'Deep Q-Network'


def _initials(long_form: str) -> str:
    """Upper-cased initials of a plain-word long form, function words skipped ('' for other surfaces):
    'Deep Q-Network' -> 'DQN'."""
    if not _PLAIN_WORDS.fullmatch(long_form):
        return ""
    words = [w for w in re.split(r"[\s\-]+", long_form) if w.lower() not in _LONG_FORM_FUNCTION_WORDS]
    if len(words) > 2 and words[-1].lower() in ("network", "networks", "model"):
        words.pop()  # 'Enhanced Deep Super-Resolution network' spells EDSR
    return "".join(w[0].upper() for w in words)


def _loose_long_form(short: str, long_form: str) -> bool:
    """A Schwartz-Hearst 'long form' that is a clause rather than a name: it has a comma, or more words
    (function words aside) than the short form has capitals plus one ('use a deep learning architecture'
    for U-Net, 'error on model decay, using a correlation filter' for ECO)."""
    capitals = sum(c.isupper() for c in short) or 1
    return "," in long_form or len(long_form.split()) - len(_FUNCTION_WORDS.findall(long_form)) > capitals + 1


def _taught_case_ok(written: str, form: str) -> bool:
    """A form a paper defines matches in the case it was written there, all upper case, or with its first
    letter's case changed: 'Inception Score (IS)' must not link every 'is', nor 'Visual Relationship
    Detection (VRD)' the task words 'visual relationship detection'. A plural 's' is allowed."""
    w, f = _NON_ALNUM.sub("", written), _NON_ALNUM.sub("", form)
    if len(w) == len(f) + 1 and w.endswith("s"):
        w = w[:-1]
    return w == f or w == f.upper() or (len(f) > 1 and not f[1:].isupper() and w[1:] == f[1:] and w[:1].lower() == f[:1].lower())


# What a corpus acronym means to one paper introducing it: (paper id, long form, ...). The second pass holds
# the readings of every uncatalogued corpus acronym (~0.17 a paper), each acronym's in one ``marshal`` blob:
# ~100 bytes a reading instead of ~275 as tuples of strings; decoded only when a mention hits the acronym.
_Reading = tuple
# The claim of a corpus name's key (``CorpusTable.claims``) when it is a field term: the key is known, no
# paper's name. ``None`` is the claim of a name that cannot link (``_corpus_name_ok``): no entry either.
# ``_UNLISTED``: a key a paper introduced that no listed name has yet (``CorpusTable.see``): no claim.
_FIELD_TERM = ()
_UNLISTED = False


class CorpusTable:
    """What a second-pass Linker needs of the corpus names, filled name by name in corpus order (``add``),
    so that ``link_files`` packs it during the first pass and never holds a record per name and paper:

    ``readings``: the readings (``_Reading``) of each uncatalogued acronym, as written ('NoC' is not 'NOC'),
    in corpus order, packed (``_unpack``); the only place paper ids are kept.
    ``claims``: per uncatalogued alias key, in the order the keys were first listed, what its first listed
    name makes of it (a name links to its first introducer; later ones only add readings): the name (a
    method without aliases), (name, kind, aliases), ``_FIELD_TERM``, or ``None`` (a name that cannot link).
    Catalog keys are left out: a corpus name of a catalogued key never changes what the Linker does.
    The collector of ``link_files`` also keeps the keys it has only seen here (``see``): one dict, no set."""

    __slots__ = ("catalog_keys", "readings", "claims")

    def __init__(self, catalog_keys: frozenset[str]) -> None:
        self.catalog_keys = catalog_keys
        self.readings: dict[str, bytes] = {}
        self.claims: dict[str, object] = {}

    def add(self, key: str, name: str, kind: str, aliases: tuple[str, ...], paper_id: str, long_forms: list[str]) -> None:
        """List one paper's name ``name`` (alias key ``key``; ``long_forms``: ``long_forms_of`` it); a name of a
        catalog key is left out."""
        if key in self.catalog_keys:
            return
        if is_short_form(name):
            reading = (paper_id, *long_forms)
            earlier = self.readings.get(name)  # packed at once: no unpacked copy of all readings is ever held
            self.readings[name] = marshal.dumps(_unpack(earlier) + (reading,) if earlier else (reading,))
        claims = self.claims
        held = claims.get(key)
        if held is _UNLISTED:
            del claims[key]  # listed now: the key takes its place in listing order
        elif key in claims:
            return  # a later name of a listed key: its reading only
        if not _corpus_name_ok(name):
            claims[key] = None
        else:  # a bare name for the common case: ~60 bytes less than a tuple
            claims[key] = name if kind == "method" and not aliases else (name, kind, aliases)

    def see(self, key: str) -> bool:
        """Note that a paper introduces a name of the uncatalogued key ``key``; whether it is the first."""
        if key in self.claims:
            return False
        self.claims[key] = _UNLISTED
        return True


def _claim_parts(claim: str | tuple) -> tuple[str, str, tuple[str, ...]]:
    """(name, kind, aliases) of a claim that is a name (``CorpusTable.add``)."""
    return (claim, "method", ()) if type(claim) is str else claim


def corpus_table(corpus_names: Iterable[CorpusName], catalog_keys: frozenset[str]) -> CorpusTable:
    """The ``CorpusTable`` of corpus names in corpus order; a first listed name marked ``field_term`` claims
    its key as one."""
    table = CorpusTable(catalog_keys)
    claims = table.claims
    for corpus_name in corpus_names:
        name = corpus_name.name
        key = alias_key(name)
        first = key not in claims
        table.add(key, name, corpus_name.kind, corpus_name.aliases, corpus_name.paper_id,
                  long_forms_of(name, corpus_name.aliases) if is_short_form(name) else [])
        if first and corpus_name.field_term and claims.get(key):
            claims[key] = _FIELD_TERM
    return table


def _unpack(readings: bytes) -> tuple[_Reading, ...]:
    return marshal.loads(readings)


def _conflicting(readings: Iterable[_Reading]) -> bool:
    """Whether two papers introduce one acronym with long forms that do not agree ('aggregation
    cross-entropy (ACE)', 'adaptive context encoding (ACE)'); a paper without a long form agrees with all."""
    spelled = [reading[1:] for reading in readings if len(reading) > 1]
    return any(
        not any(long_forms_agree(a, b) for a in x for b in y) for i, x in enumerate(spelled) for y in spelled[i + 1 :]
    )


def _claimed_entries(table: CorpusTable, known: set[str]) -> Iterator[CatalogEntry]:
    """The matcher entries of the corpus names, made one at a time as the matcher reads them; claims their
    keys in ``known`` (catalog keys on entry) as it goes. Names several papers introduce with conflicting
    long forms, and field terms, get no entry, but their keys become known: a mention cannot say whose it
    is, so it links to none (not even an uncatalogued link joins them in a graph). Spends ``table.claims``
    as it reads them: the names are not held twice while the matcher is built."""
    ambiguous = {alias_key(name) for name, found in table.readings.items() if _conflicting(_unpack(found))}
    claims = table.claims
    for key in claims:
        claim, claims[key] = claims[key], None  # the matcher holds the name from here on
        if claim is _UNLISTED:
            continue
        if key in ambiguous or claim is _FIELD_TERM:
            known.add(key)
            continue
        if claim is None or key in known:
            continue
        name, kind, aliases = _claim_parts(claim)
        aliases = [a for a in aliases if alias_key(a) not in known and corpus_linkable(a)]
        known.add(key)
        known.update(alias_key(a) for a in aliases)
        # introduced names are written as names: they match in their exact case only
        yield CatalogEntry(name, kind, aliases=aliases, ambiguous=True)
    claims.clear()


class _Either:
    """Membership in either of two sets, without building their union per paper; keys in ``not_b`` do
    not count as members of ``b``."""

    __slots__ = ("a", "b", "not_b")

    def __init__(self, a: set[str], b: set[str], not_b: set[str] | None = None):
        self.a, self.b, self.not_b = a, b, not_b

    def __contains__(self, key: object) -> bool:
        return key in self.a or (key in self.b and not (self.not_b and key in self.not_b))


@dataclass
class _Field:
    name: str
    text: str
    norm: str
    mentions: list[Mention] = field(default_factory=list)
    title_case: bool = False  # a Title Case title (``is_title_case``), worked out once per paper


class Linker:
    """Links papers against a catalog plus optional corpus names (see module docstring).

    Picklable: the compiled matcher rebuilds its automaton on unpickling. ``compile=False`` builds only
    what introduced-name detection needs (no automaton), for a first pass over a corpus.
    """

    def __init__(
        self,
        catalog: Catalog,
        *,
        corpus_names: Iterable[CorpusName] | CorpusTable = (),
        fuzzy: bool = True,
        uncatalogued: bool = True,
        compile: bool = True,
        compiled: CompiledCatalog | None = None,
        min_confidence: float = 0.0,
    ):
        """``compiled``: ``compiled_catalog(catalog)`` when the caller has it already (a two-pass run builds
        two linkers from one catalog: one fingerprint of its content, not two). ``min_confidence``: links
        whose calibrated confidence is below it are dropped (counted in ``dropped``)."""
        self.catalog = catalog
        self.min_confidence = check_threshold(min_confidence)
        self.dropped = 0  # links this linker dropped below ``min_confidence``
        compiled = compiled or compiled_catalog(catalog)  # shared by linkers of the same catalog content
        # introduced-name detection looks at catalog names only: corpus names are other papers' names,
        # and a paper's own name must stay its own in the second pass
        self.catalog_known = compiled.keys
        known = set(compiled.keys)
        # a CorpusTable (``link_files`` packs one in its first pass) is spent here: its claims become matcher
        # entries one at a time, and its packed readings are kept
        table = corpus_names if isinstance(corpus_names, CorpusTable) else corpus_table(corpus_names, compiled.keys)
        self._readings = table.readings
        self._has_corpus = bool(table.claims)  # no claim, no corpus entry: no mention of another paper's name
        entries = _claimed_entries(table, known)
        del table, corpus_names
        if not compile:
            deque(entries, maxlen=0)  # only ``known`` is wanted: claim the names without compiling them
        self.known = known
        # catalog entries know their introducing paper: that paper introduces them
        self.origins = compiled.origins
        # the corpus names are added to a copy of the catalog's pattern table (same table as building both),
        # each entry made as the matcher reads it: they are never all held
        self.matcher = (
            Matcher(entries, base=compiled.table, parts=compiled.parts, automaton=compiled.automaton()) if compile else None
        )
        self.fuzzy = compiled.fuzzy() if fuzzy and compile else None
        self.uncatalogued = uncatalogued
        # words that name an entry only as an item of a list of linked methods (the catalog's ``listed``)
        self._listed = _listed_words(catalog)
        # alias keys of entry names, filled as mentions need them (most corpus names are never mentioned)
        self._name_keys: dict[str, str] = {}
        # catalog tables of introduced-name detection, built once per catalog content (and cached on disk
        # with it): alias key -> entry names, catalog_years(catalog), catalogued datasets by surface (editions)
        self._short_entries: dict[str, list[str]] = compiled.by_surface
        self._years: CatalogYears = compiled.years
        # the date test's sorted dated keys, from the compiled catalog (on disk): not sorted again by this
        # process, nor by the workers it forks
        share_dated(compiled.keys, self._years, compiled.dated)
        self._editions: DatasetEditions = compiled.editions

    # --------------------------------------------------------------------------------------------------

    def introduced(self, paper: Paper) -> list[Introduced]:
        """Names ``paper`` introduces: title prefix and abstract cues, less the names it uses (``drop_used_names``:
        editions of catalogued datasets, devices), plus the catalog entries whose introducing paper it is
        (``CatalogEntry.is_introduced_by``: arXiv id or title)."""
        # (the date test reads this linker's catalog, --catalog entries included: ``_years``)
        found = detect_introduced(paper, self.catalog_known, self._redefined, self._years,
                                  own_version=lambda key: self._own_version(key, paper.title))
        found = drop_used_names(paper, found, self._editions)
        entries = self.origins.entries_for(paper.arxiv_id, paper.title)
        if entries:
            found = _fold_own_entries(found, entries)
            taken = {alias_key(n) for i in found for n in [i.name, *i.aliases]}
            written = alias_key(paper.title + " " + paper.abstract)
            for entry in entries:
                if alias_key(entry.name) in taken:
                    continue
                if not any(alias_key(s) in written for s in entry.surfaces):
                    continue  # introduced there, but this title and abstract never name it
                aliases = [a for a in entry.aliases if alias_key(a) not in taken]
                found.append(Introduced(entry.name, entry.kind, aliases, f"catalog: introduced by {paper.title}"))
                taken.update(alias_key(n) for n in [entry.name, *aliases])
        return found

    def link(self, paper: Paper, introduces: list[Introduced] | None = None) -> LinkedPaper:
        """Introduced names and typed links of one paper. ``introduces`` skips detection when given."""
        if introduces is None:
            introduces = self.introduced(paper)
        own = {alias_key(n) for i in introduces for n in [i.name, *i.aliases]}
        own_names = [i.name for i in introduces]
        fields = [
            _Field("title", paper.title, normalize(paper.title), title_case=is_title_case(paper.title)),
            _Field("abstract", paper.abstract, normalize(paper.abstract)),
        ]
        context = fields[0].norm + " " + fields[1].norm
        candidates = [
            self.matcher.candidates(f.text, f.norm, title_case=f.title_case)
            for f in fields
        ]
        aliases = self._taught_aliases(fields[1], candidates[1], context)
        own_variants = _own_variants(introduces)
        submitted = first_submitted(paper.arxiv_id, paper.year)
        latest = submitted[0] + 1 if submitted else None
        for f, found in zip(fields, candidates):
            f.mentions = self._mentions(f, found, context, aliases, own, own_variants, latest)
        if self._has_corpus:
            self._drop_devices(paper, fields)
        if self._readings:
            self._own_readings(paper, fields)
        links: list[Link] = []
        for f in fields:
            if f.mentions:
                links.extend(self._type(f, own_names))
        if links and latest is not None:  # fuzzy matches join after ``_mentions``' own check
            links = [link for link in links if self._known_by(link.method, latest)]
        if introduces and links:
            _named_after(links, introduces)
        if links and TITLE_RULE:
            _title_subject(links, paper.title)
            _title_baseline(links, paper.title)
        linked = LinkedPaper(paper=paper, introduces=introduces, links=links)
        if links:  # the paper-level rules only change links; their title/abstract scans cost ~35 us a paper
            settle_paper(linked)  # paper-level rules: analysis/survey papers, own-voice continuations
            # the rules are done with their confidences: each link now gets its calibrated P(right), the one
            # place it happens, and a run's --min-confidence drops the links below it
            calibrate(linked, self.catalog_known)
            if self.min_confidence:
                self.dropped += drop_below(linked, self.min_confidence)
        return linked

    def _known_by(self, name: str, latest: int) -> bool:
        """Whether a paper whose last knowable catalog year is ``latest`` (its arXiv id year, else its year, + 1:
        a conference year may trail the preprint by one) can mention method ``name``. Catalog methods from
        later years are homonyms: a 2018 'Pythia v0.1' is not the 2023 Pythia suite, a 2019 'SOT' (Solar Optical
        Telescope) not Skeleton-of-Thought. Undated papers are not asked: they keep every link."""
        entry = self.catalog.get(name)
        return entry is None or not entry.year or entry.year <= latest

    def _taught_aliases(self, f: _Field, candidates: list[Mention], context: str) -> dict[str, tuple[str, str, str]]:
        """Forms an abstract defines for a known method, next to a mention of it in parentheses:
        'Vision Transformer (ViT)', 'BERT (Bidirectional Encoder ...)', 'Low-Rank Adaptation (LRA)'.

        The other form becomes an alias of the method for this paper only, even when the catalog gives it
        to another entry ('LRA' is the Long Range Arena elsewhere). Only parentheses touching a mention are
        looked at, so papers without such definitions cost nothing here. Each taught key maps to (method,
        kind, form as written in the definition): the form matches only in that case (see ``_taught_case_ok``).
        """
        taught: dict[str, tuple[str, str, str]] = {}
        text = f.text
        if "(" not in text or not candidates:
            return taught
        for m in resolve_overlaps(self.matcher._context_filter(list(candidates), context)):
            other = None
            opening = m.end + 1 if text.startswith(" (", m.end) else (m.end if text.startswith("(", m.end) else -1)
            if opening != -1:
                close = text.find(")", opening, opening + 125)
                inner = text[opening + 1 : close].strip() if close != -1 else ""
                if inner and "(" not in inner:
                    if _derived_name(inner, m.surface):
                        pass  # 'adversarial networks with MMD (MMD GAN)': a name built on the method, not its form
                    elif is_namelike(inner) and _initials_match(inner, m.surface):
                        other = inner  # 'Low-Rank Adaptation (LRA)'
                    elif len(inner.split()) >= 2 and _initials_match(m.surface, inner):
                        other = inner  # 'BERT (Bidirectional Encoders for Transformers)'
            elif m.start > 0 and text[m.start - 1] == "(" and text.startswith(")", m.end):
                span = _long_form_before(text, m.start - 1, m.surface)
                if span:
                    other = text[span[0] : span[1]]  # 'Rotary Position Embedding (RoPE)'
                    if " ".join(normalize(m.surface).split()) in taught or _loose_long_form(m.surface, other):
                        # already defined as another method's short form; or no real long form ('we propose
                        # to use a deep learning architecture (U-Net)'): the mention keeps its link
                        continue
                    if self._foreign_definition(m.name, m.surface, other):
                        # 'Leiden Atomic and Molecular Database (LAMDA)' is not the LaMDA language model:
                        # the acronym means something else in this paper
                        taught[" ".join(normalize(m.surface).split())] = ("", "", "")
                        continue
            if other:
                key = " ".join(normalize(other).split())
                if key and self._owner_of(other) != m.name:
                    taught[key] = (m.name, m.kind, other)
        return taught

    def _own_readings(self, paper: Paper, fields: list[_Field]) -> None:
        """Mentions of an acronym other corpus papers introduce, which this paper defines itself: they are
        that name only when the long forms agree (``long_forms_agree``). Else a corpus name's mention is
        dropped ('learning-to-rank (L2R)' is not the left-to-right L2R decoding of another paper) and an
        uncatalogued one is renamed by this paper's long form ('ACE (adaptive coherence estimator)'), so
        that it is no mention of the other papers' ACE. Costs a dict lookup per mention; the abstract's
        definitions are read only when a mention hits another paper's acronym."""
        readings, definitions = self._readings, None
        for f in fields:
            kept = []
            for m in f.mentions:
                packed = readings.get(m.name)
                others = [reading[1:] for reading in _unpack(packed) if reading[0] != paper.id] if packed else None
                if not others:
                    kept.append(m)
                    continue
                if definitions is None:
                    definitions = find_definitions(paper.abstract) if "(" in paper.abstract else []
                # (a clause caught as a long form, 'clusters. Then another GNN for ...', says nothing)
                mine = [d.long for d in definitions if d.short in (m.name, m.name + "s") and not _loose_long_form(d.short, d.long)]
                if not mine or any(long_forms_agree(a, b) for a in mine for forms in others for b in forms):
                    kept.append(m)
                elif m.source == "uncatalogued":
                    kept.append(replace(m, name=f"{m.name} ({' '.join(mine[0].split())})"))
            f.mentions = kept

    def _drop_devices(self, paper: Paper, fields: list[_Field]) -> None:
        """Mentions of another paper's introduced name that this paper writes as a device ('a PR2 robot'):
        there the name is that robot or satellite, not the other paper's coinage (``device_mentions``)."""
        # a corpus name is any matched name that is neither the catalog's nor an uncatalogued mention's
        catalog = self.catalog.entries
        surfaces = {m.surface: m.name for f in fields for m in f.mentions if m.name not in catalog and m.source != "uncatalogued"}
        if not surfaces:
            return
        devices = {surfaces[s] for s in device_mentions(surfaces, paper.title, paper.abstract)}
        if devices:
            for f in fields:
                f.mentions = [m for m in f.mentions if m.name not in devices]

    def _own_version(self, key: str, title: str) -> bool:
        """Whether the paper titled ``title`` is a version of the introducing paper of an entry with the alias key
        ``key`` (``is_version_title``): asked only about a catalogued name the paper proposes and the catalog dates
        before it."""
        entries = self.catalog.entries
        return any(is_version_title(entries[name], title)
                   for name in self._short_entries.get(key, ()) if name in entries)

    def _redefined(self, short: str, long_form: str) -> bool:
        """Whether a paper's definition 'Long Form (SHORT)' of a catalogued ``short`` gives it another meaning
        than every entry that has it (``_foreign_definition``): the paper may then introduce its own SHORT,
        and its mentions do not link the catalog's."""
        names = self._short_entries.get(alias_key(short))
        return bool(names) and all(self._foreign_definition(name, short, long_form) for name in names)

    def _foreign_definition(self, name: str, short: str, long_form: str) -> bool:
        """Whether a paper's definition 'Long Form (SHORT)' gives the catalog acronym ``short`` of ``name``
        another meaning ('Leiden Atomic and Molecular Database (LAMDA)' is not LaMDA).

        The long form's content words are compared with the entry's evidence: its plain-word names, its
        paper's title, its note, and the long forms of the entries its names contain
        ('Convolutional LSTM': LSTM). Foreign when no word is shared or, for an entry with a long form
        spelling the acronym, when most are missing ('Digital Image Processing (DIP)' is not Deep Image
        Prior). An entry with no evidence beyond acronyms cannot be judged and keeps its link, and so does
        a long form holding one of the entry's multi-word context phrases.
        """
        entry = self.catalog.get(name)
        words = {w for w in _CONTENT.findall(long_form.lower()) if w not in _GENERIC_WORDS}
        if entry is None or not words:
            return False
        capital_letters = "".join(c for c in short if c.isupper())
        expansion = any(_initials(s) == capital_letters for s in entry.surfaces)
        spelled = " ".join(normalize(long_form).split())
        if any(" " in c and " ".join(normalize(c).split()) in spelled for c in entry.context):
            return False  # 'global context network (GCNet)': the long form holds a context phrase of GCNet
        evidence = [(entry.paper or {}).get("title") or "", entry.note]
        evidence += [s for s in entry.surfaces if _PLAIN_WORDS.fullmatch(s)]
        for token in {t for s in entry.surfaces for t in _NON_ALNUM.split(s) if len(t) > 1 and t.isupper()}:
            inner = self.catalog.get(token)  # 'Convolutional LSTM' contains LSTM: 'Long Short-Term Memory'
            if inner is not None and inner is not entry:
                evidence += [s for s in inner.surfaces if _PLAIN_WORDS.fullmatch(s)]
        known = set(_CONTENT.findall(" ".join(evidence).lower())) - _GENERIC_WORDS
        if not known:
            return False  # nothing to compare the definition with
        known.update(_CONTENT.findall(" ".join(entry.surfaces).lower()))
        shared = sum(any(_same_stem(w, k) or (len(w) >= 5 and w in k) for k in known) for w in words)
        return shared == 0 or (expansion and 2 * shared < len(words))

    def _owner_of(self, surface: str) -> str | None:
        """The entry whose surface ``surface`` is (exact matcher lookup), or None."""
        hits = self.matcher.find(surface)
        return hits[0].name if len(hits) == 1 and hits[0].surface == surface else None

    def _mentions(
        self,
        f: _Field,
        mentions: list[Mention],
        context: str,
        aliases: dict[str, tuple[str, str, str]],
        own: set[str],
        own_variants: tuple[list[str], list[str]],
        latest: int | None = None,
    ) -> list[Mention]:
        """The field's mentions that link. ``latest``: the last catalog year the paper can know (its year + 1);
        a catalog name dated after it is a homonym (``_known_by``) and is left out before overlaps are
        resolved, so that a shorter name inside it still links ('extended Long Short-Term Memory (LSTM)' in a
        2019 paper is LSTM, not the 2024 xLSTM)."""
        if aliases:
            mentions = [
                m for m in mentions
                if aliases.get(" ".join(normalize(m.surface).split()), (m.name,))[0] == m.name
            ]
        title_case = f.title_case and bool(aliases)
        for key, (name, kind, form) in aliases.items():
            if not name or (title_case and kind == "dataset" and is_descriptive(form)):
                # a catalog acronym this paper defines as something else; a dataset's long form in a Title
                # Case title names the task ('... for Visual Relationship Detection')
                continue
            for s, e in find_surface(f.text, f.norm, key):
                # in a Title Case title a method's long form is capitalised whatever the abstract wrote
                if (title_case and not is_acronym(form)) or _taught_case_ok(f.text[s:e], form):
                    mentions.append(Mention(s, e, name, kind, f.text[s:e], source="alias"))
        if own:
            masked = _own_spans(f, own_variants)
            keys = self._name_keys
            if len(keys) > _NAME_KEYS_MAX:
                keys.clear()  # uncatalogued names are new in every paper: kept, the cache would grow with the corpus
            mentions = [
                m
                for m in mentions
                if (keys.get(m.name) or keys.setdefault(m.name, alias_key(m.name))) not in own
                and not any(m.start < e and s < m.end for s, e in masked)
            ]
        else:
            masked = []
        kept = self.matcher._context_filter(mentions, context)
        # an entry held back for lack of context words leaves its name free for the paper's own use
        # ('Global convolution Networks (GCNet)' is not the catalog's GCNet)
        held = {alias_key(m.surface) for m in mentions if m not in kept} if len(kept) < len(mentions) else None
        if latest is not None and kept:
            kept = [m for m in kept if self._known_by(m.name, latest)]
        mentions = resolve_overlaps(kept)
        if len(mentions) > 1:
            mentions = _descriptors_dropped(f.text, mentions, self.catalog)
        if self._listed and mentions:
            mentions = _listed_mentions(f.text, mentions, self._listed)
        taken = [(m.start, m.end) for m in mentions] + masked
        extra: list[Mention] = []
        if self.fuzzy is not None:
            extra = [m for m in self.fuzzy.find(f.text, taken, f.norm) if alias_key(m.name) not in own]
            taken += [(m.start, m.end) for m in extra]
        if self.uncatalogued:
            methods = [(m.start, m.end) for m in mentions if m.kind == "method"]
            extra += find_uncatalogued(f.text, taken, _Either(own, self.known, held), f.norm, methods)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
        return mentions

    def _type(self, f: _Field, own_names: list[str]) -> Iterator[Link]:
        if f.name == "abstract":  # the sentences up to the last mention's (the rest would be split for nothing)
            spans = split_sentences(f.text, until=max(m.start for m in f.mentions), unbroken=unbroken_spans(f.mentions))
        else:
            spans = [(0, len(f.text))]
        if not spans:
            spans = [(0, len(f.text))]
        starts = [s for s, _ in spans]
        by_sentence: dict[int, list[Mention]] = {}
        for m in f.mentions:
            index = max(0, bisect_right(starts, m.start) - 1)
            by_sentence.setdefault(index, []).append(m)
        for index, mentions in by_sentence.items():
            s0, e0 = spans[index]
            sentence = f.text[s0:e0]
            others = [(m.start - s0, m.end - s0) for m in mentions if m.kind != "dataset"]  # a dataset is no rival subject
            for m in mentions:
                start, end = m.start - s0, min(m.end, e0) - s0
                result = type_relation(sentence, start, end, others=others, own_names=own_names)
                yield Link(
                    method=m.name,
                    kind=m.kind,
                    relation=result.relation,
                    surface=m.surface,
                    field=f.name,
                    start=m.start,
                    end=m.end,
                    evidence=sentence,
                    cue=result.cue,
                    confidence=round(result.confidence * SOURCE_CONFIDENCE.get(m.source, 1.0) * m.score, 3),
                )


TITLE_RULE = True
_NOT_OWN_WORK = re.compile(
    r"\b(?:survey|review|overview|tutorial|primer|perspective|position|limits?|limitations|lessons|"
    r"analysis|analyzing|analysing|understanding|explain\w*|interpret\w*|probing|"
    r"evaluat\w*|benchmark\w*|comparison|comparative|study|investigat\w*|theory|theoretical|expressive|"
    r"dissect\w*|insights?|what|why|how|when|versus|vs|face-?offs?|facing\s+off|head-to-head|showdown)\b"
    # a yes/no question opens the title or its part after a colon ('Is Mamba Effective for ...?'); inside a
    # statement these verbs ask nothing ('signSGD with Majority Vote is Communication Efficient ...')
    r"|(?:^|[:?]\s*)(?:do|does|can|is|are)\b",
    re.I,
)


# a subtitle that only lists three or more short items ('...: RNNs, Transformers, and S4'): the things a
# paper sets side by side, not what it builds on; a comparison title ('X vs Y', 'Facing Off ...') is not own work
_LIST_ITEM = r"[^\s,:;()]+(?:\s+[^\s,:;()]+){0,2}"  # one to three words
_LISTED_SUBTITLE = re.compile(rf":\s*((?:{_LIST_ITEM},\s*){{2,}}(?:and|or)\s+{_LIST_ITEM})\s*[?.!]?$")


def _same_stem(a: str, b: str) -> bool:
    """Two words sharing a stem: a common prefix of 4+ letters that leaves at most 3 letters of the shorter
    word ('networks'/'network', 'detection'/'detector'), not only a shared opening ('transcribing' /
    'transformer')."""
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 4 and n >= min(len(a), len(b)) - 3


def _derived_name(inner: str, surface: str) -> bool:
    """Whether a parenthesised name holds the mention's whole name plus more words ('MMD GAN' after 'MMD',
    'BERT-CRF' after 'BERT'): a model built on the method, never a short or long form of it."""
    inner_words, words = normalize(inner).split(), normalize(surface).split()
    n = len(words)
    return len(inner_words) > n and any(inner_words[i : i + n] == words for i in range(len(inner_words) - n + 1))


def _title_subject(links: list[Link], title: str) -> None:
    """A method named in the title of a paper that presents its own work is what the paper builds on
    ('Axial Attention in Multidimensional Transformers', 'SlimFit: ... Transformer-based Models'), unless
    the title announces a survey, an analysis, an evaluation or a question. Only plain title mentions
    (relation 'mentions', no cue) are raised, at a lower confidence."""
    plain = [link for link in links
             if link.field == "title" and link.relation == "mentions" and not link.cue and link.kind != "dataset"]
    if not plain or _NOT_OWN_WORK.search(title):  # the title search (~5 us) only when a link could change
        return
    listed = _LISTED_SUBTITLE.search(title) if ":" in title else None
    for link in plain:
        if listed and link.start >= listed.start(1):
            continue  # 'Facing Off World Model Backbones: RNNs, Transformers, and S4': the compared, not the used
        _title_builds_on(link, "title")


def _title_builds_on(link: Link, cue: str) -> None:
    """Raise a title link to builds_on, the title rules' verdict, at a confidence of at most 0.6 (a reading of
    the title, not of a cue in a sentence)."""
    link.relation = "builds_on"
    link.cue = cue
    link.confidence = round(min(link.confidence, 0.6), 3)


# the title's head noun phrase ends in the method's baseline: 'A BERT Baseline for the Natural Questions', 'Strong
# LSTM Baselines: ...' (no verb or preposition before it, as in 'Beating the BERT Baseline', 'Gains over LSTM Baselines')
_BASELINE_HEAD = re.compile(r"(?:^|:\s*)(?:(?:a|an|the)\s+)?(?:(?![\w-]+ing\b|(?:over|than|against|to|with|beyond|vs|versus"
                            r"|beat\w*|outperform\w*|improv\w*)\b)[\w-]+\s+){0,3}$", re.I)


def _title_baseline(links: list[Link], title: str) -> None:
    """'A BERT Baseline for the Natural Questions', 'A Mask-RCNN Baseline for Probabilistic Object Detection': a title
    presenting its own work whose subject is an 'X baseline' offers a system built on X, not a comparison with it.
    The title mention typed compares_to by its 'Baseline' cue is raised to builds_on (cue suffix '(title)')."""
    for link in links:
        if link.field == "title" and link.relation == "compares_to" and link.cue.lower().startswith("baseline") \
                and _BASELINE_HEAD.search(title, 0, link.start) and not _NOT_OWN_WORK.search(title):
            _title_builds_on(link, f"{link.cue} (title)")


def _carries(name: str, key: str, keys: list[str]) -> bool:
    """Whether an introduced name (alias key ``name``) is named after the linked method ``key``, given the
    keys of all linked methods: it holds the key ('-former' names hold the Transformer), unless a longer
    linked name it holds is the one it is named after ('Smooth Grad-CAM++' carries Grad-CAM, not the CAM
    inside it; 'BudgetLongformer' carries Longformer, not the Transformer)."""
    if any(k != key and key in k and k in name for k in keys):
        return False
    if key in name and key != name:
        return True
    return (key == "transformer" and name.endswith("former") and name != key
            and not any(k != key and len(k) > 3 and k in name for k in keys))


def _named_after(links: list[Link], introduces: list[Introduced]) -> None:
    """A paper whose new name carries a linked method's name builds on it ('BiViT' -> ViT, 'HyenaDNA' ->
    Hyena, 'S-Mamba' -> Mamba, 'EcoFormer' -> Transformer): when no mention says builds_on, the mention
    nearest to the introduced name (same sentence, else the first one) is raised to builds_on; a comparison there
    keeps its relation and gets a builds_on copy."""
    own = [alias_key(i.name) for i in introduces if i.kind != "dataset"]
    by_method: dict[str, list[Link]] = {}
    for link in links:
        if link.kind != "dataset":
            by_method.setdefault(link.method, []).append(link)
    keys = [alias_key(m) for m in by_method]
    for method, method_links in by_method.items():
        key = alias_key(method)
        if len(key) < 3 or any(l.relation == "builds_on" for l in method_links):
            continue
        carrier = next((i for i, name in zip(introduces, own) if _carries(name, key, keys)), None)
        if carrier is None:
            continue
        chosen = next((l for l in method_links if carrier.name in l.evidence), None)
        if chosen is None:
            chosen = next((l for l in method_links if l.relation == "mentions"), None)
        if chosen is None:
            continue
        cue, confidence = f"named after it: {carrier.name}", round(min(chosen.confidence, 0.7), 3)
        if chosen.relation == "compares_to":
            # "QLSTMs are compared to LSTMs": the comparison stays, the name adds the use beside it
            links.append(replace(chosen, relation="builds_on", cue=cue, confidence=confidence))
            continue
        chosen.relation = "builds_on"
        chosen.cue = cue
        chosen.confidence = confidence


_APPOSED = re.compile(r"\s*\(\s*|\s+")


def _descriptors_dropped(text: str, mentions: list[Mention], catalog: Catalog) -> list[Mention]:
    """A family word written in lower case right before a method derived from it describes that method: 'a
    pre-trained deep bidirectional transformer (BERT)' and 'the pre-trained bi-directional transformer BERT'
    mention BERT, not the Transformer (the entry's ``parents`` tell derived from)."""
    dropped = None
    for a, b in zip(mentions, mentions[1:]):
        if a.surface[:1].islower() and a.name != b.name and _APPOSED.fullmatch(text, a.end, b.start):
            entry = catalog.get(b.name)
            if entry is not None and a.name in entry.parents:
                dropped = (dropped or set()) | {a.start}
    return mentions if dropped is None else [m for m in mentions if m.start not in dropped]


# a name ending in symbols ('AdvGAN++', 'DDM*', 'C3D+'): its normalised spellings would be its base's
_SYMBOL_TAIL = re.compile(r"[^\w\s]+$")


def _fold_own_entries(found: list[Introduced], entries: list[CatalogEntry]) -> list[Introduced]:
    """Detected names of a catalog entry this paper introduces take the catalog's kind (an environment, benchmark or
    metric is a dataset: 'Habitat: A Platform for Embodied AI Research'), and one that is a part of the entry's own
    name written as a name of its own joins it as an alias: 'AI2-THOR' from the title and 'The House Of inteRactions
    (THOR)' from the abstract are one environment, not two names."""
    for entry in entries:
        keys = {alias_key(s) for s in entry.surfaces}
        hits = [i for i in found if any(alias_key(n) in keys for n in [i.name, *i.aliases])]
        for intro in hits:
            intro.kind = entry.kind
        whole = next((i for i in hits if alias_key(i.name) == alias_key(entry.name)), None)
        parts = re.split(r"[\s\-]+", entry.name.lower())
        for intro in hits:
            if intro is not whole and whole is not None and intro.name.lower() in parts:
                whole.aliases.extend(n for n in [intro.name, *intro.aliases] if n not in whole.aliases)
                found = [i for i in found if i is not intro]
    return found


def _own_variants(introduces: list[Introduced]) -> tuple[list[str], list[str]]:
    """The spellings that hide a paper's own names from catalog matching: the ``variants`` of its names
    without a symbol tail, longest first, and its names with one, which hide only where written with their
    tail ('AdvGAN++' normalises to 'advgan': its variants would hide every 'AdvGAN' the paper builds on)."""
    names = [n for i in introduces for n in [i.name, *i.aliases]]
    tailed = sorted({n for n in names if _SYMBOL_TAIL.search(n)}, key=len, reverse=True)
    plain = {v for n in names if not _SYMBOL_TAIL.search(n) for v in variants(n)}
    return sorted(plain, key=len, reverse=True), tailed


def _own_spans(f: _Field, variants_of_own: tuple[list[str], list[str]]) -> list[tuple[int, int]]:
    """Spans in a field that spell one of the paper's own introduced names: any spelling variant of a name
    without a symbol tail, a tailed name only as written, tail included (``_own_variants``)."""
    plain, tailed = variants_of_own
    spans = []
    for key in plain:
        if key in f.norm:
            spans.extend(find_surface(f.text, f.norm, key))
    for name in tailed:
        start = f.text.find(name)
        while start != -1:
            if start == 0 or not f.text[start - 1].isalnum():
                spans.append((start, start + len(name)))
            start = f.text.find(name, start + 1)
    return spans


# ------------------------------------------------------------------------------------------------------
# corpus-level functions


def corpus_names(
    linked_intros: Iterable[tuple[str, list[Introduced]]], definitions: Iterable[tuple[str, str]] = ()
) -> list[CorpusName]:
    """CorpusName records from (paper id, introduced names) pairs, in order. A name links to its first
    introducer; the later ones are listed too, so that the Linker sees every long form an acronym is given.
    ``definitions``: every paper's ``defined_acronyms``, which mark field terms (``_CorpusNames``)."""
    names = _CorpusNames()
    for paper_id, intros in linked_intros:
        names.add(paper_id, intros)
    names.define(definitions)
    return names.corpus()


# A corpus name that this many papers besides its introducer spell out with an agreeing long form is a field
# term ('structure from motion (SfM)', 'mean intersection over union (mIoU)'), not that paper's coinage.
# On the 19,355 arxiv-amds123 abstracts: with 2 or more, 9 names, all field terms or names several papers
# coin alike; with exactly 1, as many coinages (QPNet, re-spelled by its authors' follow-up) as field terms.
FIELD_TERM_DEFINERS = 2
_DEFINED_SHORT = re.compile(r"\(([^()\s]{3,20})\)")


def defined_acronyms(paper: Paper, intros: list[Introduced]) -> list[tuple[str, str]]:
    """The ('Long Form (SHORT)') definitions in ``paper``'s abstract of acronyms that could be corpus names
    (mixed case or digits: ``_corpus_name_ok``) and that it does not introduce (``intros``: those count in
    ``_CorpusNames.add``), as (alias key, long form), once each. A cheap scan for such a parenthesis comes
    first: most abstracts have none, and need no ``find_definitions``."""
    text = paper.abstract
    if "(" not in text:
        return []
    start = next((m.start() for m in _DEFINED_SHORT.finditer(text) if _corpus_name_ok(m.group(1))), -1)
    if start == -1:
        return []
    own = {alias_key(i.name) for i in intros}
    found = {(key, _form(d.long)) for d in find_definitions(text, start)
             if (key := alias_key(d.short)) not in own and _corpus_name_ok(d.short)}
    return sorted(found)


def batch_definitions(papers: Sequence[Paper], intros: Sequence[list[Introduced]]) -> list[tuple[str, str]]:
    """The ``defined_acronyms`` of a batch's papers, each with its introduced names, in order."""
    return [d for paper, found in zip(papers, intros) for d in defined_acronyms(paper, found)]


def _form(long_form: str) -> str:
    return " ".join(long_form.lower().split())


class _CorpusNames:
    """``corpus_names`` pair by pair, so a caller can collect them while the first pass is still running.

    ``define`` counts the papers spelling out each acronym with each long form (counts, not papers: memory
    grows with the distinct definitions; a key defined once holds its long form alone, not a dict). A field
    term is a name that at least FIELD_TERM_DEFINERS papers other than its first introducer define with a
    long form agreeing with the introducer's (any long form, when the introducer gives none: a title name).
    No paper's mention of it links there; the introducer keeps it in its own ``introduces``.

    With ``catalog_keys`` (``link_files``) no record is held per name and paper: the names go straight into
    a ``CorpusTable`` (``table()``), which keeps only what the Linker will use, and paper ids only in the
    packed readings of acronyms; the other uncatalogued names leave their key in it (``CorpusTable.see``),
    catalogued ones nothing. ``linkable`` counts the distinct uncatalogued names that can link
    (``_corpus_name_ok``)."""

    def __init__(self, catalog_keys: frozenset[str] | None = None) -> None:
        self.seen: set[str] = set()  # without ``catalog_keys``: the keys of the names added
        self.names: list[CorpusName] = []
        self.linkable = 0
        self._table = None if catalog_keys is None else CorpusTable(catalog_keys)
        # alias key -> long form -> papers defining it so; a long form alone for one paper
        self.definitions: dict[str, str | dict[str, int]] = {}

    def add(self, paper_id: str, intros: list[Introduced]) -> None:
        table = self._table
        for intro in intros:
            name = intro.name
            key = alias_key(name)
            if table is None:
                first = key not in self.seen
                if first:
                    self.seen.add(key)
            elif key in table.catalog_keys:
                continue  # no reading, no claim, no count: a catalogued key changes nothing the Linker does
            else:
                first = table.see(key)
            long_forms = long_forms_of(name, intro.aliases) if is_short_form(name) else None
            if not first and long_forms is not None:  # a later introducer spells it out too (or not)
                self.define((key, _form(f)) for f in long_forms[:1])
            if table is None:
                self.linkable += first
                self.names.append(CorpusName(name, intro.kind, tuple(intro.aliases), paper_id))
                continue
            if first and _corpus_name_ok(name):
                self.linkable += 1
            elif not long_forms:
                continue  # neither a first introducer the Linker can use, nor an acronym's reading
            table.add(key, name, intro.kind, tuple(intro.aliases), paper_id, long_forms or [])

    def define(self, definitions: Iterable[tuple[str, str]]) -> None:
        """Count (alias key, long form) definitions: ``defined_acronyms`` of each paper, once a paper, and the
        long forms of names a paper introduces after another paper did."""
        counts, catalog_keys = self.definitions, self._table.catalog_keys if self._table is not None else ()
        for key, long_form in definitions:
            forms = counts.get(key)
            if forms is None:
                if key not in catalog_keys:
                    counts[key] = long_form
            elif type(forms) is str:
                counts[key] = {forms: 2} if forms == long_form else {forms: 1, long_form: 1}
            else:
                forms[long_form] = forms.get(long_form, 0) + 1

    def corpus(self) -> list[CorpusName]:
        """The names, each first introducer's marked ``field_term`` when it is one. Spends the collector:
        its keys and counts are freed and the names handed over, so that a Linker built from them holds the
        only copy."""
        first: set[str] = set()
        out = []
        for name in self.names:
            key = alias_key(name.name)
            if key not in first and key in self.definitions and _field_term(self.definitions[key], name.name, name.aliases):
                name = replace(name, field_term=True)
            first.add(key)
            out.append(name)
        self.seen, self.names, self.definitions = set(), [], {}
        return out

    def table(self) -> CorpusTable:
        """The ``CorpusTable`` (with ``catalog_keys``), its field terms claimed as such. Spends the collector
        as ``corpus`` does: ``link_files`` builds the Linker from the only copy."""
        table, claims, definitions = self._table, self._table.claims, self.definitions
        self.definitions, self._table = {}, None  # freed before the Linker is built
        for key, forms in definitions.items():
            claim = claims.get(key)
            if claim and _field_term(forms, *_claim_parts(claim)[::2]):
                claims[key] = _FIELD_TERM
        return table


def _field_term(forms: str | dict[str, int], name: str, aliases: tuple[str, ...]) -> bool:
    """Whether a first introducer's ``name`` is a field term, given the papers defining its key with each
    long form (``_CorpusNames.definitions``)."""
    if type(forms) is str:
        forms = {forms: 1}
    own = long_forms_of(name, aliases)
    if not own:
        return sum(forms.values()) >= FIELD_TERM_DEFINERS
    return sum(n for form, n in forms.items() if any(long_forms_agree(form, o) for o in own)) >= FIELD_TERM_DEFINERS


def corpus_changes(
    before: Sequence[CorpusName], after: Sequence[CorpusName], catalog: Catalog
) -> tuple[set[str], set[str]]:
    """What a Linker built with corpus names ``after`` does otherwise than one built with ``before``:
    (the surfaces, names and aliases as written, whose mentions may link otherwise: another entry, alias
    or claim on the key), (the acronyms, as written, with other readings: ``_own_readings`` changes only
    the mentions of a paper that defines the acronym itself). A paper that writes none of the first and
    defines none of the second is linked alike by both: ``build --update`` re-links only the papers of a
    graph that do."""
    keys = compiled_catalog(catalog).keys
    (old_links, old_readings), (new_links, new_readings) = _corpus_state(before, keys), _corpus_state(after, keys)
    changed = {key for key in old_links.keys() | new_links.keys() if old_links.get(key) != new_links.get(key)}
    linked = {s for name in (*before, *after) for s in (name.name, *name.aliases) if alias_key(s) in changed}
    read = {n for n in old_readings.keys() | new_readings.keys() if old_readings.get(n) != new_readings.get(n)}
    return linked, read - linked


def _corpus_state(
    names: Sequence[CorpusName], catalog_keys: frozenset[str]
) -> tuple[dict[str, list], dict[str, tuple]]:
    """What a Linker with corpus ``names`` makes of each alias key (``_claimed_entries``), and the readings
    of each acronym as written (``CorpusTable.readings``)."""
    table = corpus_table(names, catalog_keys)
    readings = table.readings
    known = set(catalog_keys)
    state: dict[str, list] = {}
    for entry in _claimed_entries(table, known):
        state.setdefault(alias_key(entry.name), []).append(("entry", entry.name, entry.kind, tuple(entry.aliases)))
        for alias in entry.aliases:
            state.setdefault(alias_key(alias), []).append(("alias of", entry.name))
    for key in known - catalog_keys:
        state.setdefault(key, []).append(("claimed",))
    return state, {name: _unpack(packed) for name, packed in readings.items()}


def collect_introduced(papers: Iterable[Paper], catalog: Catalog, *, progress: Callable | None = None) -> list[CorpusName]:
    """First pass of a streaming run: the names every paper introduces (a small list, not the papers)."""
    linker = Linker(catalog, compile=False)
    names = _CorpusNames()
    for paper in papers:
        intros = linker.introduced(paper)
        names.add(paper.id, intros)
        names.define(defined_acronyms(paper, intros))
        if progress:
            progress(1)
    return names.corpus()


def _refuse_container(papers: object, catalog: object, function: str) -> None:
    """InputError when ``papers`` is not a collection of papers (a path, one dict) or ``catalog`` no Catalog:
    a notebook's slip named up front, not an AttributeError from inside the linker."""
    if isinstance(papers, (str, bytes, os.PathLike)):
        raise InputError(f"{function} takes Paper records, got the {type(papers).__name__} {str(papers)[:80]!r}: "
                         "load files first (load_papers([...]).papers) or call link_files(paths, output)")
    if isinstance(papers, (dict, Paper)):
        raise InputError(f"{function} takes a list of Paper records, got one {type(papers).__name__}; pass [paper]")
    if not isinstance(catalog, Catalog):
        raise InputError(f"{function} takes a Catalog (load_catalog()), got {type(catalog).__name__}")


def _checked(paper: object, index: int, function: str) -> Paper:
    """``paper`` when it is a Paper whose id, title and abstract are strings, else InputError naming it (by its
    position in the input, its id and title)."""
    if not isinstance(paper, Paper):
        hint = " (make one with relwork.Paper.create(title, abstract, ...))" if isinstance(paper, dict) else ""
        raise InputError(f"{function}: papers[{index}] is a {type(paper).__name__}, not a Paper{hint}")
    for name in ("id", "title", "abstract"):
        value = getattr(paper, name)
        if type(value) is not str:
            raise InputError(f"{function}: papers[{index}] (id {paper.id!r}, title {paper.title!r}): {name} must be "
                             f"a string, got {type(value).__name__ if value is not None else 'None'}"
                             + ("; give '' for a paper without abstract" if name == "abstract" else ""))
    return paper


def _paper_list(papers: Iterable[Paper], catalog: Catalog, function: str) -> list[Paper]:
    """``papers`` as a list (a generator is read once: both passes see every paper), each one ``_checked``."""
    _refuse_container(papers, catalog, function)
    papers = papers if isinstance(papers, list) else list(papers)
    for index, paper in enumerate(papers):
        _checked(paper, index, function)
    return papers


def _listed_words(catalog: Catalog) -> dict[str, tuple[str, str, re.Pattern]]:
    """Listed word -> (entry name, kind, the word's pattern as a whole word) of the catalog's ``listed``."""
    return {
        word: (entry.name, entry.kind, re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])"))
        for entry in catalog for word in entry.listed
    }


# a citation between two list items ('ResNet [14] and Inception [33]'), then the list separator
_LIST_GAP = re.compile(r"(?:\s*\[[^\[\]]{0,20}\])?" + _ANCHOR_SEP.pattern)
# what makes a listed word a part or a longer name, not the method: 'Inception modules', 'Inception Score'
_LISTED_PART = re.compile(r"\s+(?:[A-Z0-9]|(?:modules?|blocks?|layers?|units?|scores?|structures?|distance)\b)")


def _listed_mentions(
    text: str, mentions: list[Mention], listed: dict[str, tuple[str, str, re.Pattern]]
) -> list[Mention]:
    """``mentions`` plus the listed words (``CatalogEntry.listed``) that stand next to a linked method as items
    of one list: 'ResNet-101 and Inception', 'Inception and ResNet', 'VGG-16, ResNet-101, and Inception'.

    Alone, or as part of a longer name, such a word is no mention ('Inception modules', 'Inception Score', 'high
    Inception and Frechet scores'). ``mentions`` are sorted and do not overlap (``resolve_overlaps``)."""
    added: list[Mention] = []
    for word, (name, kind, pattern) in listed.items():
        if word not in text:
            continue
        for hit in pattern.finditer(text):
            s, e = hit.span()
            if any(m.start < e and s < m.end for m in mentions) or _LISTED_PART.match(text, e):
                continue
            if any(
                m.kind == "method" and m.name != name
                and ((m.end <= s and _LIST_GAP.fullmatch(text, m.end, s))
                     or (e <= m.start and _LIST_GAP.fullmatch(text, e, m.start)))
                for m in mentions
            ):
                added.append(Mention(s, e, name, kind, word, source="alias"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def link_corpus(
    papers: Sequence[Paper], catalog: Catalog, *, workers: int = 1, progress: Callable | None = None
) -> list[LinkedPaper]:
    """Link every paper, in two passes: introduced names first (they join the catalog), then links.

    A paper never links to a name it introduces itself; that name is in its ``introduces``. With
    ``workers > 1`` both passes run on a process pool; the result is the same as with one.
    """
    return list(_iter_corpus(_paper_list(papers, catalog, "link_corpus"), catalog, workers, progress, batch_size=500))


def iter_corpus(
    papers: Sequence[Paper],
    catalog: Catalog,
    *,
    workers: int = 1,
    progress: Callable | None = None,
    batch_size: int = 500,
) -> Iterator[LinkedPaper]:
    """``link_corpus`` as a generator: after the first pass (introduced names, which needs every paper),
    linked papers come out in input order as they are linked, so a consumer (the graph builder) can work
    while the workers link and never holds the whole list. ``batch_size`` papers make one pool task.
    Anything but Paper records with string ids, titles and abstracts raises InputError naming the record,
    before any work."""
    return _iter_corpus(_paper_list(papers, catalog, "iter_corpus"), catalog, workers, progress, batch_size)


def _iter_corpus(
    papers: list[Paper], catalog: Catalog, workers: int, progress: Callable | None, batch_size: int
) -> Iterator[LinkedPaper]:
    """``iter_corpus`` on papers already checked (``_paper_list``)."""
    if workers > 1:
        yield from _iter_corpus_pool(papers, catalog, workers, progress, batch_size)
        return
    compiled = compiled_catalog(catalog)
    detector = Linker(catalog, compile=False, compiled=compiled)
    intros = [detector.introduced(p) for p in papers]
    names = corpus_names(zip((p.id for p in papers), intros), batch_definitions(papers, intros))
    linker = Linker(catalog, corpus_names=names, compiled=compiled)
    for paper, introduced in zip(papers, intros):
        yield linker.link(paper, introduced)
        if progress:
            progress(1)


def _iter_corpus_pool(
    papers: Sequence[Paper], catalog: Catalog, workers: int, progress: Callable | None, batch_size: int
) -> Iterator[LinkedPaper]:
    """``iter_corpus`` over a pool of ``workers`` processes.

    Pass 1 detects every paper's introduced names; pass 2 links each paper with its names from pass 1
    (detection runs once per paper). Little crosses the process boundary: with ``fork`` the workers
    inherit the papers (and, in pass 2, their introduced names) and a task is only a slice (start, stop);
    a worker sends back only what it found (names, then links), and the ``LinkedPaper`` is assembled
    here around this process's own ``Paper``. Without ``fork`` a task carries its slice, pickled.
    """
    papers = papers if isinstance(papers, list) else list(papers)
    window = 2 * workers
    intros: list[list[Introduced]] = []
    names = _CorpusNames()  # collected as batches come in: this process has nothing else to do in pass 1
    shared = _forks()
    compiled = compiled_catalog(catalog)
    with _linker_pool(workers, "detector", Linker(catalog, compile=False, compiled=compiled), (papers,)) as pool:
        for found, definitions in _ordered_map(pool, _worker_detect, _slices((papers,), batch_size, shared), window):
            for i, introduced in enumerate(found, len(intros)):
                names.add(papers[i].id, introduced)
            names.define(definitions)
            intros.extend(found)
    linker = Linker(catalog, corpus_names=names.corpus(), compiled=compiled)
    with _linker_pool(workers, "linker", linker, (papers, intros)) as pool:
        start = 0
        for batch in _ordered_map(pool, _worker_links, _slices((papers, intros), batch_size, shared), window):
            for links in batch:
                yield LinkedPaper(paper=papers[start], introduces=intros[start], links=links)
                start += 1
                if progress:
                    progress(1)


_CACHE: dict[str, Linker] = {}


def _fingerprint(catalog: Catalog, names: Sequence[CorpusName]) -> str:
    return hashlib.sha1(pickle.dumps((list(catalog.entries.items()), list(names)))).hexdigest()


def link_batch(catalog: Catalog, papers: Sequence[Paper], corpus: Sequence[CorpusName] = ()) -> list[LinkedPaper]:
    """Link one batch: a pure function of its (picklable) arguments. The compiled Linker is cached per
    process, keyed by the catalog's content, so repeated batches do not recompile."""
    key = _fingerprint(catalog, corpus)
    linker = _CACHE.get(key)
    if linker is None:
        _CACHE.clear()
        linker = _CACHE[key] = Linker(catalog, corpus_names=corpus)
    return [linker.link(p) for p in papers]


# What the worker processes of a pool work with: {"linker": Linker} or {"detector": Linker}.
_WORKER: dict[str, object] = {}


def _worker_init(role: str, linker: Linker) -> None:
    _WORKER[role] = linker


def _pool_context():
    """The multiprocessing context of the pools: ``fork`` where there is one (Linux), else the default."""
    import multiprocessing

    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)


def _forks() -> bool:
    """Whether pool workers are forked, so inherit what ``_linker_pool`` shares with them."""
    return _pool_context().get_start_method() == "fork"


@contextmanager
def _linker_pool(workers: int, role: str, linker: Linker, columns: tuple[Sequence, ...] = ()) -> Iterator:
    """A process pool whose workers hold ``linker`` as ``_WORKER[role]`` (and, forked, ``columns``).

    With the ``fork`` start method (Linux) the linker is built once, here, and the workers inherit it
    (copy-on-write: no pickling, no rebuild of the automaton and fuzzy index per worker); elsewhere it is
    pickled to each worker's initializer. Forked workers also inherit ``columns`` (sequences aligned by
    index, e.g. the papers and their introduced names) as ``_WORKER["columns"]``, so a task can name a
    slice of them instead of carrying it (``_slices``).
    """
    from relwork.core.workers import worker_pool

    context = _pool_context()
    if context.get_start_method() == "fork":
        _WORKER[role] = linker
        _WORKER["columns"] = columns
        # frozen objects are left alone by the workers' garbage collector, which would otherwise write to
        # every inherited object and so copy the shared pages into each worker. They stay frozen here too
        # while the pool works: a full collection in this process would walk them all again (~30 ms each)
        # and write to their pages, which the workers still share. Unfrozen when the pool is done, unless
        # the caller had frozen objects itself (``relwork link`` freezes its start-up): the caller unfreezes
        # then, and a partial unfreeze does not exist.
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            with worker_pool(workers, context) as pool:
                yield pool
        finally:
            if not frozen_before:
                gc.unfreeze()
            _WORKER.pop(role, None)
            _WORKER.pop("columns", None)
    else:
        with worker_pool(workers, context, _worker_init, (role, linker)) as pool:
            yield pool


_Slice = tuple[int, int, "tuple[Sequence, ...] | None"]  # (start, stop, the columns' slices unless inherited)


def _slices(columns: tuple[Sequence, ...], size: int, inherited: bool) -> Iterator[_Slice]:
    """Tasks over aligned ``columns``, ``size`` rows each: (start, stop, None) when the workers inherited
    the columns, else (start, stop, the rows themselves)."""
    n = len(columns[0])
    for start in range(0, n, size):
        stop = min(start + size, n)
        yield start, stop, None if inherited else tuple(column[start:stop] for column in columns)


def _rows(task: _Slice) -> tuple[Sequence, ...]:
    """The columns' rows a task (``_slices``) names, in a worker."""
    start, stop, rows = task
    if rows is not None:
        return rows
    return tuple(column[start:stop] for column in _WORKER["columns"])  # type: ignore[union-attr]


def _ordered_map(pool, function: Callable, batches: Iterable, window: int) -> Iterator:
    """``core.workers.ordered_map``: results in input order, a dead worker a WorkerError. Imported with the
    pool, so a one-process run never loads the pool's modules."""
    from relwork.core.workers import ordered_map

    return ordered_map(pool, function, batches, window)


def _worker_batch(papers: list[Paper]) -> list[LinkedPaper]:
    linker: Linker = _WORKER["linker"]  # type: ignore[assignment]
    return [linker.link(p) for p in papers]


def _worker_detect(task: _Slice) -> tuple[list[list[Introduced]], list[tuple[str, str]]]:
    """Pass 1 of ``iter_corpus`` over a pool: the introduced names of each paper of a slice, and the
    slice's ``defined_acronyms``."""
    detector: Linker = _WORKER["detector"]  # type: ignore[assignment]
    (papers,) = _rows(task)
    found = [detector.introduced(p) for p in papers]
    return found, batch_definitions(papers, found)


def _worker_links(task: _Slice) -> list[list[Link]]:
    """Pass 2 of ``iter_corpus`` over a pool: the links of each paper of a slice, linked with the names
    pass 1 found (only the links go back: the caller has the paper and its names)."""
    linker: Linker = _WORKER["linker"]  # type: ignore[assignment]
    papers, intros = _rows(task)
    return [linker.link(p, i).links for p, i in zip(papers, intros)]


def _introduce_batch(
    detector: Linker, papers: list[Paper]
) -> tuple[bytes, list[tuple[str, list[Introduced]]], list[tuple[str, str]]]:
    """First pass over one batch: its papers' introduced names pickled for the second pass, the
    (paper id, names) pairs of the papers that introduce something, and the batch's ``defined_acronyms``.
    (The papers themselves are pickled once, by whoever parsed them: see ``_first_batch``.)"""
    found = [detector.introduced(p) for p in papers]
    blob = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    return blob, [(p.id, i) for p, i in zip(papers, found) if i], batch_definitions(papers, found)


def _batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    iterator = iter(papers)
    while batch := list(islice(iterator, size)):
        yield batch


def link_papers(
    papers: Iterable[Paper],
    catalog: Catalog,
    *,
    workers: int = 1,
    batch_size: int = 500,
    introduced: Sequence[CorpusName] = (),
    progress: Callable | None = None,
) -> Iterator[LinkedPaper]:
    """Stream linked papers in input order, batch by batch, over ``workers`` processes.

    ``introduced`` are corpus names from a first pass (``collect_introduced``); without them only catalog
    names link across papers. Memory stays bounded by ``workers * batch_size`` papers. Anything but Paper
    records with string ids, titles and abstracts raises InputError naming the record when it comes.
    """
    _refuse_container(papers, catalog, "link_papers")
    papers = (_checked(paper, index, "link_papers") for index, paper in enumerate(papers))
    if workers <= 1:
        linker = Linker(catalog, corpus_names=introduced)
        for paper in papers:
            yield linker.link(paper)
            if progress:
                progress(1)
        return
    with _linker_pool(workers, "linker", Linker(catalog, corpus_names=introduced)) as pool:
        for batch in _ordered_map(pool, _worker_batch, _batches(papers, batch_size), 2 * workers):
            for linked in batch:
                yield linked
                if progress:
                    progress(1)


# ------------------------------------------------------------------------------------------------------
# files: what ``relwork link`` runs

OUTPUT_FORMATS = ("jsonl", "json")


def _record(linked: LinkedPaper) -> dict:
    """The output record's fields in contract order, the ``Introduced``/``Link``/``Source`` dataclasses and the
    lists as they are: orjson writes them itself (``_dumps``); ``linked_dict`` copies them into plain values."""
    paper = linked.paper
    return {
        "id": paper.id,
        "title": paper.title,
        "introduces": linked.introduces,
        "links": linked.links,
        "year": paper.year,
        "authors": paper.authors,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "url": paper.url,
        "abstract": paper.abstract,
        "sources": paper.sources,
        "categories": paper.categories,  # added last: the older keys keep their places
    }


def linked_dict(linked: LinkedPaper) -> dict:
    """``LinkedPaper.to_dict()`` without ``dataclasses.asdict``'s deep copies (same keys, same values)."""
    record = _record(linked)  # the keys keep their order when their values are replaced
    record["introduces"] = [dict(i.__dict__, aliases=list(i.aliases)) for i in linked.introduces]
    record["links"] = [dict(link.__dict__) for link in linked.links]
    record["authors"] = list(linked.paper.authors)
    record["sources"] = [dict(s.__dict__) for s in linked.paper.sources]
    record["categories"] = list(linked.paper.categories)
    return record


# A record that orjson refuses (a lone surrogate, e.g. a JSON input's "\ud800" in an author name: UTF-8 has no
# such character) is written by the standard library with that character escaped; same compact layout.
_FALLBACK = json.JSONEncoder(ensure_ascii=True, check_circular=False, separators=(",", ":"))


def _dumps(linked: LinkedPaper) -> bytes:
    """One output record as compact UTF-8 JSON. orjson: ~5 us a paper against ~19 for ``json`` (issue 7).

    orjson writes the ``Link``, ``Introduced`` and ``Source`` dataclasses itself (their fields in order: the
    same bytes as ``linked_dict``'s copies, without building them, ~2 us a paper less); only a record it
    refuses is copied into plain dicts for the standard library."""
    try:
        return orjson.dumps(_record(linked))
    except orjson.JSONEncodeError:
        return _FALLBACK.encode(linked_dict(linked)).encode("ascii")


def _worker_lines(
    task: tuple[_SpoolRef | list[Paper], bytes, tuple[int, int] | None, dict[int, list[Paper]] | None]
) -> tuple[bytes, int, int, int, int]:
    return _link_lines(_WORKER["linker"], *task)  # type: ignore[arg-type]


def _link_lines(
    linker: Linker, batch: _SpoolRef | list[Paper], separator: bytes, part: tuple[int, int] | None = None,
    merges: dict[int, list[Paper]] | None = None,
) -> tuple[bytes, int, int, int, int]:
    """Second pass over one batch: its papers' JSON objects (UTF-8) joined by ``separator``, and the numbers
    of papers, links, introduced names and links dropped below the linker's ``min_confidence``. A batch is
    either where the first pass spooled it (read here: ``_spool_get``) or a list of papers (no first pass). One
    bytes object a batch, not one string a paper: little for a worker to send and the writer to receive, and
    nothing to encode again on the way out.
    ``part`` (k, n): only the k-th of n equal slices of the batch (``_pool_tasks``). ``merges``: position in
    the batch -> the records without abstract that paper takes (``_no_abstract_merges``)."""
    if isinstance(batch, list):
        papers, found = batch, [None] * len(batch)
    else:
        papers, found = _spool_get(batch)
    merged_ids = _fold_into_batch(papers, merges) if merges else {}
    low = 0
    if part is not None:
        k, n = part
        low, high = len(papers) * k // n, len(papers) * (k + 1) // n
        papers, found = papers[low:high], found[low:high]
    lines = []
    n_links = n_introduced = 0
    dropped = linker.dropped
    for position, (paper, intros) in enumerate(zip(papers, found), low):
        linked = linker.link(paper, intros)
        if merged_ids and position in merged_ids:
            paper.id = merged_ids[position]
        lines.append(_dumps(linked))
        n_links += len(linked.links)
        n_introduced += len(linked.introduces)
    return separator.join(lines), len(lines), n_links, n_introduced, linker.dropped - dropped


def _fold_into_batch(papers: list[Paper], merges: dict[int, list[Paper]]) -> dict[int, str]:
    """Merge into each paper of a batch the records without abstract it takes (``merges``: position -> records),
    as ``load_papers`` merges them (``merge_into``): the paper gains their ids, URL, year, authors and sources
    before it is linked, so their year and arXiv id count in the date rules. Its id stays the first pass's
    while it is linked (the corpus names know its introduced names by it); returned: position -> merged id."""
    from relwork.loaders.dedupe import merge_into

    merged_ids = {}
    for position, records in merges.items():
        paper = papers[position]
        first_id = paper.id
        for record in records:
            merge_into(paper, record)
        merged_ids[position], paper.id = paper.id, first_id
    return merged_ids


def _no_abstract_merges(spooled: Sequence[_SpoolRef], summary: "LinkSummary") -> dict[int, dict[int, list[Paper]]]:
    """Where the first pass's records without abstract (``NoAbstract`` problems in ``summary``) go: batch number ->
    position -> records. A record goes to the first record of the input that is the same paper (same arXiv id,
    DOI or normalised title, by ``PaperIndex`` as ``load_papers`` decides it), wherever it stands in the input;
    it then leaves ``summary.problems`` and counts in ``summary.merged``. Reads the spooled batches once more,
    only when there is such a record, and keeps only the papers sharing a key with one."""
    from relwork.loaders.base import NoAbstract
    from relwork.loaders.dedupe import PaperIndex

    wanted = [p for p in summary.problems if type(p) is NoAbstract]
    if not wanted:
        return {}
    keys = {key for problem in wanted for key in PaperIndex.keys(problem.paper)}
    index, places = PaperIndex(), []  # places[i]: (batch, position) of index.papers[i]'s first record
    for number, ref in enumerate(spooled):
        for position, paper in enumerate(_spool_get(ref)[0]):
            if not keys.isdisjoint(PaperIndex.keys(paper)) and not index.add(paper):
                places.append((number, position))
    merges: dict[int, dict[int, list[Paper]]] = {}
    taken = set()
    for problem in wanted:
        found = index.find(problem.paper)
        if found is None:
            continue
        index.fold(problem.paper)  # its ids find the paper too, for the records after it
        number, position = places[found]
        merges.setdefault(number, {}).setdefault(position, []).append(problem.paper)
        taken.add(id(problem))
    summary.problems = [p for p in summary.problems if id(p) not in taken]
    summary.merged = len(taken)
    return merges


@dataclass
class LinkSummary:
    """What one ``link_files`` run did."""

    papers: int = 0
    links: int = 0
    introduced: int = 0
    corpus_names: int = 0
    problems: list = field(default_factory=list)
    dropped: int = 0  # links below ``min_confidence``
    merged: int = 0  # records without abstract folded into the paper they duplicate (``_no_abstract_merges``)
    notes: list = field(default_factory=list)  # file-level hints that skip nothing (an encoding), in input order

    def to_dict(self) -> dict:
        return {"papers": self.papers, "links": self.links, "introduced": self.introduced,
                "corpus_names": self.corpus_names, "dropped_links": self.dropped, "merged": self.merged,
                "skipped": [str(p) for p in self.problems], "notes": list(self.notes)}


def link_files(
    paths: str | Path | Sequence[str | Path],
    output: TextIO | str | Path,
    *,
    catalog: Catalog | str | Path | None = None,
    format: str | None = None,
    output_format: str = "jsonl",
    workers: int = 1,
    batch_size: int = 500,
    strict: bool = False,
    corpus: bool = True,
    progress: Callable | None = None,
    min_confidence: float = 0.0,
) -> LinkSummary:
    """Link paper files to ``output`` as JSON Lines (or one JSON array), streaming.

    With ``corpus`` (default) linking takes two passes: the first reads the files and collects the names
    papers introduce, so that other papers link to them; only those names stay in memory, the parsed
    papers wait in a temporary file for the second pass. Both passes run over ``workers`` processes.
    Records a loader cannot use are skipped and reported in the summary (``strict`` raises instead).
    Links whose (calibrated) confidence is below ``min_confidence`` are left out and counted in the summary.

    ``output`` is a text stream, or a file path written as the command line writes ``-o``: replaced only when
    the run succeeds and links at least one paper (else NothingLinkedError, an InputError naming the skipped
    files and records, and the file is left as it was). ``catalog`` is a Catalog, a catalog file added to the
    built-in one (``load_catalog``), or None for the built-in catalog. Wrong arguments raise InputError before
    anything is read.
    """
    from relwork.loaders import expand_paths

    if output_format not in OUTPUT_FORMATS:
        raise InputError(f"unknown output format {output_format!r} (choose from {', '.join(OUTPUT_FORMATS)})")
    for name, value in (("workers", workers), ("batch_size", batch_size)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"{name} must be an integer of at least 1, got {value!r}")
    min_confidence = check_threshold(min_confidence)
    if catalog is None or isinstance(catalog, (str, os.PathLike)):
        from relwork.linker.catalog import load_catalog

        catalog = load_catalog(catalog)  # None: the built-in catalog, as `relwork link` without --catalog
    elif not isinstance(catalog, Catalog):
        raise InputError(f"catalog must be a Catalog (load_catalog()), a catalog file or None, got {type(catalog).__name__}")
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)  # an iterator is read once
    if isinstance(output, (str, os.PathLike)):
        target = Path(output)
        if any(str(p) != "-" and Path(p).resolve() == target.resolve() for p in paths):
            raise InputError(f"{target}: the output file is also an input; write the links to another file")
        with atomic_text(target) as handle:
            summary = link_files(paths, handle, catalog=catalog, format=format, output_format=output_format,
                                 workers=workers, batch_size=batch_size, strict=strict, corpus=corpus,
                                 progress=progress, min_confidence=min_confidence)
            if not summary.papers:  # raised inside: an earlier result at ``target`` stays (a mistyped input path)
                raise NothingLinkedError(str(target), summary.problems)
        return summary
    if not isinstance(output, io.TextIOBase) and (not callable(getattr(output, "write", None)) or "b" in str(
            getattr(output, "mode", "")) or isinstance(output, (io.RawIOBase, io.BufferedIOBase))):
        raise InputError(f"output must be a text stream (open(path, 'w')) or a file path, got {type(output).__name__}")
    paths = expand_paths(paths)  # a directory stands for the files below it
    summary = LinkSummary()
    if corpus:
        # pass 1 reads and parses the files once: whoever parses a batch (a worker, for JSON Lines) writes it,
        # pickled with its papers' introduced names, to its own file in a temporary directory, and pass 2
        # links it from there. Only the names and where each batch lies stay in this process; the
        # temporary files are about as large as the input.
        spool = tempfile.mkdtemp(prefix="relwork-spool-")
        try:
            # the first introducer of a key wins; the names go straight into the Linker's table as batches
            # come in, only those it will use (catalogued and non-distinctive names are skipped by it anyway),
            # with paper ids only in acronyms' packed readings: memory grows with the linkable names only
            compiled = compiled_catalog(catalog)
            # the catalog's automaton now, while nothing else is held: building it takes ~4x its size for a
            # moment (~10 MB), which the second pass's peak need not carry; the linker's matcher shares it
            compiled.automaton()
            names = _CorpusNames(compiled.keys)
            hints: dict[str, str] = {}  # file -> its encoding hint
            tasks = _first_tasks(paths, format, strict, batch_size, hints)
            spooled: list[_SpoolRef] = []
            for ref, pairs, definitions in _first_pass(tasks, catalog, compiled, workers, summary.problems, strict, spool, hints):
                spooled.append(ref)
                for paper_id, intros in pairs:
                    names.add(paper_id, intros)
                names.define(definitions)
            summary.notes = [hints[str(path)] for path in paths if str(path) in hints]
            summary.corpus_names = names.linkable
            linker = Linker(catalog, corpus_names=names.table(), compiled=compiled, min_confidence=min_confidence)
            del names  # only the compiled names stay in memory for the second pass
            release_free_memory()  # what building the corpus names' automata freed: not held to the end
            merges = _no_abstract_merges(spooled, summary)
            _write_linked(spooled, output, summary, linker, output_format, workers, progress, len(spooled), merges)
        finally:
            _spool_close(spool)
            shutil.rmtree(spool, ignore_errors=True)
    else:
        papers = (p for path in paths for p in _papers_until_broken(path, format, summary.problems, strict, summary.notes))
        linker = Linker(catalog, min_confidence=min_confidence)
        _write_linked(_batches(papers, batch_size), output, summary, linker, output_format, workers, progress)
    return summary


# Where the first pass left a batch: (spool directory, file name, offset, size of the pickled papers, size of
# their pickled introduced names).
_SpoolRef = tuple[str, str, int, int, int]
_SPOOL_FILES: dict[tuple[str, int], BinaryIO] = {}  # (spool directory, process id) -> this process's open file


def _spool_put(spool: str, papers_blob: bytes, found_blob: bytes) -> _SpoolRef:
    """Append a batch (its papers and their introduced names, pickled) to this process's file in the spool
    directory ``spool``: each process writes its own file, so a worker spools what it parsed without sending
    it through the reading process."""
    key = (spool, os.getpid())  # a forked worker inherits its parent's entries: the pid keeps them apart
    handle = _SPOOL_FILES.get(key)
    if handle is None:
        handle = _SPOOL_FILES[key] = open(os.path.join(spool, f"{os.getpid()}.spool"), "ab")
    offset = handle.tell()
    handle.write(papers_blob)
    handle.write(found_blob)
    handle.flush()  # another process reads it in pass 2
    return spool, os.path.basename(handle.name), offset, len(papers_blob), len(found_blob)


def _spool_get(ref: _SpoolRef) -> tuple[list[Paper], list[list[Introduced]]]:
    """A batch written by ``_spool_put``: its papers and their introduced names."""
    spool, name, offset, papers_size, found_size = ref
    with open(os.path.join(spool, name), "rb") as handle:
        handle.seek(offset)
        data = handle.read(papers_size + found_size)
    view = memoryview(data)
    return pickle.loads(view[:papers_size]), pickle.loads(view[papers_size:])


def _spool_close(spool: str) -> None:
    """Close this process's file in ``spool`` (workers' files close when they exit)."""
    handle = _SPOOL_FILES.pop((spool, os.getpid()), None)
    if handle is not None:
        handle.close()


# A first-pass task: ("papers", a batch parsed here (pickled for a worker), the problems met reading it), or
# ("lines", path, format, first line number, raw lines) for a worker to parse, or ("range", path, format, first
# line number, start, end): the same for the lines between two byte offsets of a plain file, which the worker
# reads itself. Each task is followed (in ``_first_tasks``) by whether it ends its file.
_FirstTask = tuple

_BLOCK = 1 << 20  # bytes read at a time when looking for batch boundaries


def _line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(first line number, start offset, end offset) of each run of ``size`` lines of the plain file ``path``,
    split where reading its lines one by one would split them (after a newline byte). Only newlines are
    counted here (``bytes.count``, C speed); the lines themselves are read by whoever parses them."""
    first = start = position = 0
    need = size
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            at = 0
            while block.count(b"\n", at) >= need:
                for _ in range(need):
                    at = block.index(b"\n", at) + 1
                yield first + 1, start, position + at
                first, start, need = first + size, position + at, size
            need -= block.count(b"\n", at)
            position += len(block)
    if position > start:
        yield first + 1, start, position


def _raw_batches(path: Path, format: str, size: int) -> Iterator[_FirstTask]:
    """A JSON Lines file's first-pass tasks, ``size`` lines each: byte ranges of a plain file (read by the
    worker that parses them), raw lines of a compressed one (read here: it cannot be read from the middle)."""
    with open(path, "rb") as handle:
        plain = handle.read(2) != GZIP_MAGIC
    if plain and path.is_file():
        for first, start, end in _line_ranges(path, size):
            yield "range", str(path), format, first, start, end
        return
    raw = TextFile(str(path), format).raw_lines()
    first, chunk = 1, []
    try:
        for line in raw:
            chunk.append(line)
            if len(chunk) == size:
                yield "lines", str(path), format, first, chunk
                first, chunk = first + size, []
    except InputError:  # the file breaks off (a truncated gzip): the lines before the break are still a task
        if chunk:
            yield "lines", str(path), format, first, chunk
        raise
    if chunk:
        yield "lines", str(path), format, first, chunk


def _papers_until_broken(
    path: Path, format: str, problems: list, strict: bool, notes: list | None = None
) -> Iterator[Paper]:
    """``iter_papers``, except that a file which breaks off after some records (a truncated gzip) keeps them and
    the break becomes one problem, as ``relwork load`` reports it (``strict``: raised). The file's encoding hint
    goes to ``notes``, as ``iter_papers`` gives it."""
    from relwork.loaders.registry import iter_papers

    try:
        yield from iter_papers(path, format=format, problems=problems, strict=strict, notes=notes)
    except InputError as err:
        if strict:
            raise
        problems.append(Problem.from_error(err, str(path)))


def _first_tasks(
    paths: Sequence[Path], format: str | None, strict: bool, batch_size: int, hints: dict[str, str] | None = None
) -> Iterator[tuple[_FirstTask, bool]]:
    """The first pass's tasks over ``paths``, in input order, each with whether it is its file's last. A JSON
    Lines file of the JSON loaders goes out as byte ranges (or raw lines), parsed by whichever process
    detects their names (with ``strict``, which stops at the first bad record, every file is parsed here);
    other files are parsed here, batch by batch, and their encoding hints go to ``hints`` (file -> hint)."""
    from relwork.loaders.registry import file_loader, read_in_chunks

    for path in paths:
        try:
            loader = file_loader(path, format)
        except InputError as err:  # missing, unreadable or of no known format: skipped, as load_papers does
            if strict:
                raise
            yield ("papers", [], [Problem.from_error(err, str(path))]), False
            continue
        if not strict and read_in_chunks(path, loader):
            task = None
            try:
                for following in _raw_batches(path, loader.name, batch_size):
                    if task is not None:
                        yield task, False
                    task = following
            except InputError as err:  # it broke off: its tasks so far end the file, the break is reported
                if task is not None:
                    yield task, True
                yield ("papers", [], [Problem.from_error(err, str(path))]), False
                continue
            if task is not None:
                yield task, True
            continue
        problems: list = []
        notes: list = []
        taken = 0
        for batch in _batches(_papers_until_broken(path, loader.name, problems, strict, notes), batch_size):
            yield ("papers", batch, problems[taken:]), False
            taken = len(problems)
        if notes and hints is not None:
            hints[str(path)] = notes[0]
        if len(problems) > taken:  # problems after the last paper ('no records found')
            yield ("papers", [], problems[taken:]), False


def _split_last(tasks: Iterable[tuple[_FirstTask, bool]], parts: int) -> Iterator[tuple[_FirstTask, bool]]:
    """``tasks`` with the very last one, when it is a byte range, cut into ``parts`` consecutive ranges of
    about as many lines each: at the end of pass 1 the workers finish together, instead of one detecting the
    names of a whole batch while the others wait (an input of one batch or less would run on one worker)."""
    previous = None
    for item in tasks:
        if previous is not None:
            yield previous
        previous = item
    if previous is None:
        return
    task, last = previous
    if parts < 2 or task[0] != "range":
        yield previous
        return
    _, path, format, first, start, end = task
    lines = _read_range(path, start, end)
    for k in range(parts):
        chunk = lines[len(lines) * k // parts:len(lines) * (k + 1) // parts]
        if chunk:
            stop = start + sum(map(len, chunk))
            yield ("range", path, format, first, start, stop), last and stop == end
            first, start = first + len(chunk), stop


def _worker_first(task: tuple[_FirstTask, str]) -> tuple:
    return _first_batch(_WORKER["detector"], *task)  # type: ignore[arg-type]


def _first_batch(detector: Linker, task: _FirstTask, spool: str) -> tuple:
    """One first-pass task: (where its papers were spooled (``_spool_put``); (paper id, names) pairs; their
    ``defined_acronyms``; the problems; how many records; whether the lines had any text; what the encoding
    hint needs of its lines: (lines not UTF-8, all of them Windows-1252, any line UTF-8 beyond ASCII))."""
    if task[0] == "papers":
        papers = pickle.loads(task[1]) if isinstance(task[1], bytes) else task[1]
        blob = task[1] if isinstance(task[1], bytes) else pickle.dumps(papers, protocol=pickle.HIGHEST_PROTOCOL)
        found_blob, pairs, definitions = _introduce_batch(detector, papers)
        return _spool_put(spool, blob, found_blob), pairs, definitions, [], 0, True, (0, True, False)
    from relwork.loaders.registry import read_chunk

    if task[0] == "range":
        _, path, format, first, start, end = task
        raw = _read_range(path, start, end)
    else:
        _, path, format, first, raw = task
    chunk = LineChunk(path, format, first, raw)
    papers, problems, found = read_chunk(chunk)
    found_blob, pairs, definitions = _introduce_batch(detector, papers)
    blob = pickle.dumps(papers, protocol=pickle.HIGHEST_PROTOCOL)
    encoding = (len(chunk.bad_lines), chunk.cp1252, chunk.saw_utf8)
    return _spool_put(spool, blob, found_blob), pairs, definitions, problems, found, chunk.saw_text, encoding


def _read_range(path: str, start: int, end: int) -> list[bytes]:
    """The lines (terminators kept) between two byte offsets of a file, as iterating over it yields them."""

    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", path) from err
    return list(io.BytesIO(data))


def _first_pass(
    tasks: Iterable[tuple[_FirstTask, bool]], catalog: Catalog, compiled: CompiledCatalog, workers: int,
    problems: list, strict: bool, spool: str, hints: dict[str, str],
) -> Iterator[tuple[_SpoolRef, list[tuple[str, list[Introduced]]], list[tuple[str, str]]]]:
    """(where the batch was spooled, pairs, definitions) for each task (``_first_tasks``), in input order:
    ``_first_batch`` in this process or over ``workers`` processes. Skipped records go to ``problems``
    in input order, as ``iter_papers`` reports them; the encoding hint of a file read in chunks, from all its
    chunks, to ``hints``."""
    from relwork.loaders.base import display_name, encoding_hint
    from relwork.loaders.registry import no_records

    detector = Linker(catalog, compile=False, compiled=compiled)
    in_flight: deque = deque()  # per task: the problems met reading it here, its file (chunks), whether last

    def sent() -> Iterator[tuple[_FirstTask, str]]:
        for task, last in (tasks if workers == 1 else _split_last(tasks, workers)):
            if task[0] == "papers":
                in_flight.append((task[2], None, last))
                yield (task if workers == 1 else ("papers", pickle.dumps(task[1], protocol=pickle.HIGHEST_PROTOCOL))), spool
            else:
                in_flight.append(((), task[1:3], last))
                yield task, spool

    found = saw_text = 0  # over the chunks of the file being read in chunks
    bad, cp1252, utf8 = 0, True, False  # its lines that are not UTF-8 (``encoding_hint``)
    with _pool_or_none(workers, "detector", detector) as pool:
        if pool is None:
            results = (_first_batch(detector, *task) for task in sent())
        else:
            results = _ordered_map(pool, _worker_first, sent(), 2 * workers)
        for ref, pairs, definitions, chunk_problems, chunk_found, chunk_text, encoding in results:
            read_problems, chunk_file, last = in_flight.popleft()
            problems.extend(read_problems)
            problems.extend(chunk_problems)
            if chunk_file is not None:
                found, saw_text = found + chunk_found, saw_text or chunk_text
                bad, cp1252, utf8 = bad + encoding[0], cp1252 and encoding[1], utf8 or encoding[2]
                if last:
                    if not found:
                        no_records(chunk_file[0], chunk_file[1], saw_text, strict, problems)
                    hint = encoding_hint(display_name(chunk_file[0]), bad, cp1252, utf8)
                    if hint:
                        hints[chunk_file[0]] = f"{display_name(chunk_file[0])}: {hint}"
                    found = saw_text = bad = 0
                    cp1252, utf8 = True, False
            yield ref, pairs, definitions


@contextmanager
def _pool_or_none(workers: int, role: str, linker: Linker):
    """``_linker_pool`` for more than one worker, else None (work in this process)."""
    if workers <= 1:
        yield None
    else:
        with _linker_pool(workers, role, linker) as pool:
            yield pool


def _write_linked(
    batches: Iterable[_SpoolRef | list[Paper]],
    output: TextIO,
    summary: LinkSummary,
    linker: Linker,
    output_format: str,
    workers: int,
    progress: Callable | None,
    total: int | None = None,
    merges: dict[int, dict[int, list[Paper]]] | None = None,
) -> None:
    """Second pass of ``link_files``: link and write, in one process or over ``workers``. ``total``: the
    number of batches, when known (then the last ones are shared out in parts: ``_pool_tasks``); ``merges``:
    batch number -> position in it -> the records without abstract folded into that paper
    (``_no_abstract_merges``)."""
    merges = merges or {}
    array = output_format == "json"
    separator = b",\n" if array else b"\n"
    write = _byte_writer(output)
    if array:
        write(b"[")
    if workers == 1:
        lines = (_link_lines(linker, batch, separator, None, merges.get(n)) for n, batch in enumerate(batches))
        _emit_all(lines, write, summary, array, progress)
    else:
        with _linker_pool(workers, "linker", linker) as pool:
            tasks = _pool_tasks(batches, separator, workers, total, merges)
            _emit_all(_ordered_map(pool, _worker_lines, tasks, 2 * workers), write, summary, array, progress)
    if array:
        write(b"\n]\n")


def _pool_tasks(
    batches: Iterable[_SpoolRef | list[Paper]], separator: bytes, workers: int, total: int | None,
    merges: dict[int, dict[int, list[Paper]]],
) -> Iterator[tuple[_SpoolRef | list[Paper], bytes, tuple[int, int] | None, dict[int, list[Paper]] | None]]:
    """The second pass's pool tasks, in order: one a batch, except that each of the last ``workers``
    batches (when ``total`` is known) goes out as ``workers`` parts. A whole batch takes a worker ~0.2 s;
    in parts, the workers finish the pass together instead of one idling while the other links a batch.
    Each task carries its batch's ``merges`` (``_write_linked``)."""
    for index, batch in enumerate(batches):
        if total is None or index < total - workers:
            yield batch, separator, None, merges.get(index)
        else:
            for k in range(workers):
                yield batch, separator, (k, workers), merges.get(index)


def _byte_writer(output: TextIO) -> Callable[[bytes], object]:
    """Writes UTF-8 bytes to ``output``: straight to its binary buffer when it is a UTF-8 text file that
    does not translate newlines (no decoding and encoding again), else decoded through the text layer."""
    buffer = getattr(output, "buffer", None)
    encoding = (getattr(output, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if buffer is None or encoding != "utf8" or os.linesep != "\n":
        return lambda data: output.write(data.decode("utf-8"))
    output.flush()  # what was written as text so far goes first
    return buffer.write


def _emit_all(
    results: Iterable[tuple[bytes, int, int, int, int]],
    write: Callable[[bytes], object],
    summary: LinkSummary,
    array: bool,
    progress: Callable | None,
) -> None:
    """Write each batch's JSON lines (or array items) and count them into ``summary``."""
    for text, n_papers, n_links, n_introduced, dropped in results:
        summary.dropped += dropped
        if not n_papers:
            continue
        if array:
            write((b"\n" if summary.papers == 0 else b",\n") + text)
        else:
            write(text + b"\n")
        summary.papers += n_papers
        summary.links += n_links
        summary.introduced += n_introduced
        if progress:
            progress(n_papers)
