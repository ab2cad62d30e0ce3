"""The learned introduced-name scorer experiment (bench/train_introduced.py): candidates, features, fitting.

The scorer is not part of the linker (bench/RESULTS.md, "A learned scorer for introduced names"); these tests keep the
experiment script runnable so it can be re-run when the gold grows.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import train_introduced as T  # noqa: E402

from relwork.core.records import Introduced  # noqa: E402

# a seed abstract sentence (examples/hf-papers): S-Mamba is the paper's own model
TITLE = "Is Mamba Effective for Time Series Forecasting?"
ABSTRACT = ("Transformer-based models have been widely used in time series forecasting (TSF). "
            "Therefore, we propose a Mamba-based model named Simple-Mamba (S-Mamba) for TSF.")


def test_candidates_merge_a_definition_into_one_candidate_with_its_long_form():
    by_name = {c.name: c for c in T.candidates(TITLE, ABSTRACT)}
    assert "S-Mamba" in by_name
    assert by_name["S-Mamba"].aliases == ["Simple-Mamba"]
    assert {"definition", "abstract-token"} <= by_name["S-Mamba"].sources


def test_candidates_skip_names_the_rules_found_and_generic_acronyms():
    names = {c.name for c in T.candidates(TITLE, ABSTRACT, found=[Introduced("S-Mamba", aliases=["Simple-Mamba"])])}
    assert "S-Mamba" not in names
    assert "TSF" not in names and "Transformer" not in names  # generic acronyms and families (GENERIC)
    assert "Is Mamba Effective" in names  # a capitalised title phrase: the model must learn to reject it


def test_features_mark_own_cues_and_catalogued_names():
    s_mamba = next(c for c in T.candidates(TITLE, ABSTRACT, known={"smamba"}) if c.name == "S-Mamba")
    assert s_mamba.features["we-verb-sentence"] == 1.0
    assert s_mamba.features["naming-before"] == 1.0
    assert s_mamba.features["catalogued"] == 1.0
    assert s_mamba.features["src:definition&we-verb-sentence"] == 1.0


def test_train_fits_a_logistic_model_that_ranks_the_positive_feature_first():
    samples = [({"cue": 1.0}, 1)] * 8 + [({"cue": 1.0}, 0)] * 2 + [({"noise": 1.0}, 0)] * 10 + [({"noise": 1.0}, 1)]
    model = T.train(samples, l2=0.1)
    assert model.score({"cue": 1.0}) == pytest.approx(0.8, abs=0.05)
    assert model.score({"noise": 1.0}) < 0.2


def test_prf_counts_precision_recall_and_f1():
    assert T.prf((8, 2, 2)) == pytest.approx((0.8, 0.8, 0.8))
    assert T.prf((0, 0, 3)) == (0.0, 0.0, 0.0)
