"""The CLI's JSON field tables (`services/serialize.py`) name attributes the rows have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qe_desktop.domain.commitment_tracking import CommitmentRow
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.domain.views import QuestionRow
from qe_desktop.services import serialize
from tests.test_cli_commitments import SEED_KEY, _accept_the_seed_commitment, library, run

__all__ = ["library"]  # the fixture, imported


@pytest.mark.parametrize(
    ("fields", "row_type"),
    [
        (serialize.ROW_FIELDS, QuestionRow),
        (serialize.COMMITMENT_FIELDS, CommitmentRow),
        (serialize.SUGGESTION_FIELDS, Suggestion),
    ],
)
def test_every_field_is_an_attribute_of_its_row(fields: str, row_type: type) -> None:
    names = [field.partition("=")[0] for field in fields.split()]
    assert len(names) == len(set(names))
    for field in fields.split():
        name, _, path = field.partition("=")
        assert hasattr(row_type, (path or name).split(".")[0]), field


# The contract as the hand-written dictionaries gave it, key by key and in order.
ROW_KEYS = [
    "key", "chamber", "legislature", "number", "title", "author", "group", "ministry",
    "published_on", "answered_on", "status", "delay_days", "annotation_count", "snippet",
]  # fmt: skip
COMMITMENT_KEYS = [
    "annotation_id", "question_key", "chamber", "number", "title", "author", "ministry",
    "quote", "due_date", "precision", "status", "status_label", "days_overdue", "overdue",
    "next_check", "anchor_state",
]  # fmt: skip
SUGGESTION_KEYS = [
    "start", "end", "sentence", "due_date", "precision", "confidence", "cues", "kind",
    "explanation",
]  # fmt: skip


def test_the_json_of_search_and_commitments_keeps_its_keys_and_plain_values(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, library, "search", "feuille de route", "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert all(list(row) == ROW_KEYS for row in rows)
    seed = next(row for row in rows if row["key"] == SEED_KEY)
    assert (seed["published_on"], seed["status"]) == ("2025-01-30", "answered")
    assert isinstance(seed["annotation_count"], int) and "[[" in seed["snippet"]

    code, out, _ = run(capsys, library, "commitments", "--suggest", SEED_KEY, "--json")
    [suggestion] = json.loads(out)
    assert list(suggestion) == SUGGESTION_KEYS
    assert (suggestion["due_date"], suggestion["precision"]) == ("2025-06-30", "month")
    assert isinstance(suggestion["cues"], list) and isinstance(suggestion["start"], int)

    _accept_the_seed_commitment(library)
    code, out, _ = run(capsys, library, "commitments", "--json")
    [row] = json.loads(out)
    assert list(row) == COMMITMENT_KEYS
    assert (row["due_date"], row["precision"], row["status"]) == (
        "2025-06-30",
        "month",
        "a_verifier",
    )
    assert row["status_label"] == "à vérifier" and row["overdue"] is True
    assert row["anchor_state"] == "anchored"
