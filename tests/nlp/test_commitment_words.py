"""The bag of words is scikit-learn's TF-IDF redone in plain Python, read from the weights."""

from __future__ import annotations

import math

import pytest

from qe_desktop.nlp.commitment_words import tfidf
from qe_desktop.nlp.commitments import model_from_json


def test_tfidf_counts_words_times_idf_then_normalises() -> None:
    vocabulary = {"aller": 0, "nous": 1}
    vector = tfidf(("nous", "aller", "aller", "inconnu"), vocabulary, (1.0, 2.0), 3.0)
    # raw: aller 2 x 1.0 = 2, nous 1 x 2.0 = 2; L2 norm sqrt(8); times the scale 3
    assert vector == pytest.approx({0: 3 * 2 / math.sqrt(8), 1: 3 * 2 / math.sqrt(8)})
    assert tfidf(("inconnu",), vocabulary, (1.0, 2.0), 3.0) == {}


def _weights(word_row: list[float]) -> dict[str, object]:
    return {
        "version": "t",
        "features": ["future"],
        "words": ["aller"],
        "idf": [1.0],
        "word_scale": 1.0,
        "classes": ["none", "firm", "soft"],
        "coef": [[0.0, 0.0], [1.0, word_row[0]], [0.0, 0.0]],
        "intercept": [0.0, 0.0, 0.0],
    }


def test_a_word_of_the_vocabulary_moves_the_probabilities() -> None:
    model = model_from_json(_weights([2.0]))
    without = model.probabilities({"future": 1.0})
    with_word = model.probabilities({"future": 1.0}, ("aller",))
    assert with_word["firm"] > without["firm"]
    assert with_word["firm"] == pytest.approx(math.exp(3) / (math.exp(3) + 2))


def test_weights_whose_rows_do_not_match_the_columns_are_refused() -> None:
    broken = _weights([2.0])
    broken["coef"] = [[0.0], [1.0], [0.0]]
    with pytest.raises(ValueError, match="not 2 long"):
        model_from_json(broken)


def test_a_two_class_model_commits_and_a_kind_model_splits_firm_and_soft() -> None:
    weights = _weights([2.0]) | {
        "classes": ["none", "commit"],
        "coef": [[0.0, 0.0], [1.0, 0.0]],
        "intercept": [0.0, 0.0],
        "kind_coef": [2.0],
        "kind_intercept": -1.0,
    }
    model = model_from_json(weights)
    p = model.probabilities({"future": 1.0})
    commits = math.exp(1) / (math.exp(1) + 1)
    soft = 1 / (1 + math.exp(-1.0))  # -1 + 2 x 1
    assert p["none"] == pytest.approx(1 - commits)
    assert p["firm"] == pytest.approx(commits * (1 - soft))
    assert p["soft"] == pytest.approx(commits * soft)
    weights["kind_coef"] = [1.0, 2.0]
    with pytest.raises(ValueError, match="kind model"):
        model_from_json(weights)


def test_a_share_of_the_rules_score_is_blended_into_the_commit_probability() -> None:
    weights = _weights([2.0]) | {
        "classes": ["none", "commit"],
        "coef": [[0.0, 0.0], [1.0, 0.0]],
        "intercept": [0.0, 0.0],
        "rules_blend": 0.25,
    }
    model = model_from_json(weights)
    regression = math.exp(1) / (math.exp(1) + 1)
    ruled_out = model.probabilities({"future": 1.0, "rules": 0.0})
    ruled_in = model.probabilities({"future": 1.0, "rules": 0.8})
    assert 1 - ruled_out["none"] == pytest.approx(0.75 * regression)
    assert 1 - ruled_in["none"] == pytest.approx(0.75 * regression + 0.25 * 0.8)
    weights["rules_blend"] = 1.5
    with pytest.raises(ValueError, match="rules_blend"):
        model_from_json(weights)
