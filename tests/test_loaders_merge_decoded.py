"""Merging two copies of one abstract chooses by the decoded text, not by characters: a cut RIS copy whose '&amp;'
entities make it longer than the whole JSON copy, and an arXiv-style copy with TeX accents ('Na\\"ive') that decodes
to the JSON copy's 'Naïve', both lost to the worse copy before."""

from __future__ import annotations

import json

import pytest

from relwork.loaders import load_papers
from relwork.loaders.dedupe import better_abstract

WHOLE = ("We study sparse regression with an l1 penalty & a group penalty. Our estimator is consistent under weak "
         "conditions. We compare with the lasso & the group lasso on 12 data sets & find it better.")
CUT = WHOLE.replace("&", "&amp;")[: -len(" it better.")] + "..."
NAIVE = "We revisit Naïve Bayes for text classification and show that a naïve model with Gödel priors is competitive."
NAIVE_TEX = NAIVE.replace("ï", '\\"i').replace("ö", '\\"o')


def test_cut_copy_longer_only_in_entities_never_replaces_the_whole_abstract():
    assert len(CUT) > len(WHOLE)  # the trap: more characters, fewer words
    assert not better_abstract(WHOLE, CUT) and better_abstract(CUT, WHOLE)


def test_tex_accents_that_decode_to_the_same_text_lose_to_the_plain_copy():
    assert better_abstract(NAIVE_TEX, NAIVE) and not better_abstract(NAIVE, NAIVE_TEX)


def test_longer_decoded_text_still_wins():
    assert better_abstract(NAIVE, NAIVE + " Code is public.") and not better_abstract(NAIVE + " Code is public.", NAIVE)


@pytest.mark.parametrize("order", [1, -1])
def test_ris_and_json_copies_merge_to_the_whole_decoded_abstract(tmp_path, order):
    ris = tmp_path / "export.ris"
    ris.write_text(f"TY  - JOUR\nTI  - Sparse Group Regression\nAU  - Doe, Jane\nPY  - 2019\nAB  - {CUT}\nER  - \n",
                   encoding="utf-8")
    web = tmp_path / "s2.jsonl"
    web.write_text(json.dumps({"title": "Sparse Group Regression", "abstract": WHOLE, "year": 2019}) + "\n",
                   encoding="utf-8")
    (paper,) = load_papers([ris, web][::order]).papers
    assert paper.abstract == WHOLE and len(paper.sources) == 2
