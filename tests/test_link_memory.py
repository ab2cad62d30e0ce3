"""What pass 1 of ``link_files`` keeps of the corpus names (issue 7): the second pass's ``CorpusTable``,
filled as batches come in (one claim per key, packed readings), with paper ids only in acronyms' readings;
the Linker spends it while the matcher is built; linking is that of the full name list."""

from __future__ import annotations

import io
import json

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker
from relwork.linker.catalog import alias_key
from relwork.linker.compiled import compiled_catalog
from relwork.linker.introduced import is_short_form, long_forms_of
from relwork.linker.pipeline import (
    _UNLISTED, CorpusTable, _corpus_name_ok, _CorpusNames, _unpack, batch_definitions, corpus_names, link_files,
)


def _collected(seeds, intros, catalog) -> _CorpusNames:
    """The seeds' names collected as ``link_files``' first pass collects them."""
    names = _CorpusNames(compiled_catalog(catalog).keys)
    for paper, found in zip(seeds, intros):
        names.add(paper.id, found)
    names.define(batch_definitions(seeds, intros))
    return names


def _strings(value) -> set[str]:
    return {value} if isinstance(value, str) else {s for v in (value or ()) for s in _strings(v)}


def test_pass_one_keeps_paper_ids_only_in_the_readings_of_acronyms(seeds, seed_intros, catalog):
    table = _collected(seeds, seed_intros, catalog).table()
    ids = {p.id for p in seeds}
    assert table.claims and table.readings
    assert not _strings(list(table.claims.values())) & ids  # a claim is the name (kind, aliases), no paper
    introducers = {(i.name, p.id) for p, found in zip(seeds, seed_intros) for i in found}
    for name, packed in table.readings.items():
        assert is_short_form(name)
        assert all((name, reading[0]) in introducers for reading in _unpack(packed))


def test_pass_one_keeps_nothing_of_a_name_that_cannot_link_and_spells_nothing_out(seeds, seed_intros, catalog):
    # all-capital or plain-word names without a long form ('ACTRESS' from a title, 'Combiner'): only their key
    # is kept, so that a later paper's name of that key is not taken for the first introducer's
    names = _collected(seeds, seed_intros, catalog)
    keys = compiled_catalog(catalog).keys
    mute = {i.name for found in seed_intros for i in found if alias_key(i.name) not in keys
            and not _corpus_name_ok(i.name) and not (is_short_form(i.name) and long_forms_of(i.name, i.aliases))}
    assert {"ACTRESS", "Combiner"} <= mute
    table = names.table()
    assert not mute & set(table.readings)
    assert all(table.claims[alias_key(name)] is _UNLISTED for name in mute)  # their key, no name


def test_collector_hands_its_table_over_and_the_linker_spends_its_claims(seeds, seed_intros, catalog):
    names = _collected(seeds, seed_intros, catalog)
    table = names.table()
    assert isinstance(table, CorpusTable) and names._table is None and not names.definitions
    readings, claimed = table.readings, [k for k, v in table.claims.items() if v]
    linker = Linker(catalog, corpus_names=table)
    assert not table.claims  # read once, as matcher entries: the names are not held twice
    assert linker._readings is readings and set(claimed) <= linker.known


def test_link_files_table_links_the_seeds_as_the_full_name_list_does(seeds, seed_intros, catalog):
    full = corpus_names(zip((p.id for p in seeds), seed_intros), batch_definitions(seeds, seed_intros))
    from_list = Linker(catalog, corpus_names=full)
    from_table = Linker(catalog, corpus_names=_collected(seeds, seed_intros, catalog).table())
    assert from_table.known == from_list.known
    assert from_table.matcher._table == from_list.matcher._table
    linked = [from_table.link(p, found).to_dict() for p, found in zip(seeds, seed_intros)]
    assert linked == [from_list.link(p, found).to_dict() for p, found in zip(seeds, seed_intros)]
    assert sum(len(lp["links"]) for lp in linked) > 500


# arXiv 1908.03850 and 1901.01569 (excerpts): two different SGGANs; a third paper writes SGGAN
SELF_GROWING = Paper(
    id="1908.03850",
    title="Semi-Supervised Self-Growing Generative Adversarial Networks for Image Recognition",
    abstract="In this paper, we propose a semi-supervised and generative approach, namely the semi-supervised "
    "self-growing generative adversarial network (SGGAN).",
    year=2019,
)
SEGMENTATION_GUIDED = Paper(
    id="1901.01569",
    title="Segmentation Guided Image-to-Image Translation with Adversarial Networks",
    abstract="To address these challenge, we propose a novel Segmentation Guided Generative Adversarial Networks "
    "(SGGAN), which leverages semantic segmentation to further boost the generation performance.",
    year=2019,
)
CITING = Paper(id="x2", title="Image translation", abstract="Our model outperforms SGGAN and StarGAN on the CelebA dataset.", year=2019)


def _link_files(papers, tmp_path, batch_size: int) -> dict[str, list[str]]:
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(json.dumps({"id": p.id, "title": p.title, "abstract": p.abstract, "year": p.year}) + "\n" for p in papers))
    out = io.StringIO()
    link_files([path], out, batch_size=batch_size)
    return {r["title"]: [(link["method"], link["kind"]) for link in r["links"]] for r in map(json.loads, out.getvalue().splitlines())}


@pytest.mark.parametrize("batch_size", [1, 500])
def test_readings_packed_in_pass_one_still_keep_a_conflicting_acronym_from_linking(tmp_path, batch_size):
    alone = _link_files([SELF_GROWING, CITING], tmp_path, batch_size)
    # an all-capital acronym links as no paper's name, but pass 1 keeps its readings: alone, it is uncatalogued
    assert ("SGGAN", "uncatalogued") in alone[CITING.title]
    both = _link_files([SELF_GROWING, SEGMENTATION_GUIDED, CITING], tmp_path, batch_size)
    # two long forms that disagree: whose SGGAN it is cannot be told, so it links nowhere, not even uncatalogued
    assert not [name for name, _ in both[CITING.title] if name.startswith("SGGAN")]
