"""Does the answer answer? The demands of a question and how the answer treats each one.

Plain records shared by the NLP that computes them, the cache that stores them, the
reader that draws them and the exporters that print them. Offsets are code points in the
canonical texts (DESIGN §3): demand spans in the question, evidence spans in the answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from qe_desktop.domain.text import Span as Span  # the demands' and evidence's type, re-exported
from qe_desktop.domain.text import text_hash

# Bump when demand extraction, alignment or the fitted weights change: cached results of older
# versions are recomputed (7: weights refitted on the adjudicated dev labels, session 5; 8: new
# verdict cues and weights fitted on dev + the retired test split, session 6; 9: fewer evidence
# sentences and the verdict by kind of demand, session 7; 10: relabelled training evidence, the
# passage rule and the verdict on what settles the precise thing asked, session 8; 11: the
# verdict "répondue" unless a general fact of the guide says otherwise, session 9; 12: back to
# session 8's verdict list, by the registered rule of DECISION_s9).
COVERAGE_VERSION = 12


class Addressed(StrEnum):
    """Verdict for one demand (the JSON values of `show --json`)."""

    YES = "yes"  # répondue
    PARTLY = "partly"  # partiellement: subject treated, the precise thing asked not given
    NO = "no"  # sans réponse


# How much a verdict counts in a question's share of answered demands.
_WEIGHT = {Addressed.YES: 1.0, Addressed.PARTLY: 0.5, Addressed.NO: 0.0}


@dataclass(frozen=True, slots=True)
class DemandCoverage:
    """One demand of the question, its verdict, and the answer passages that treat it."""

    demand: Span
    addressed: Addressed
    evidence: tuple[Span, ...] = ()
    score: float = 0.0
    asks: str = "open"  # what the demand wants: date, figure, yesno, reasons, open
    reason: str = ""  # why this verdict, in a few words (shown in tooltips)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far an answer addresses each demand the question makes."""

    demands: tuple[DemandCoverage, ...] = ()

    @property
    def share(self) -> float | None:
        """Weighted share of demands answered (partly counts half); None without demands."""
        if not self.demands:
            return None
        return round(sum(_WEIGHT[d.addressed] for d in self.demands) / len(self.demands), 3)

    @property
    def answered(self) -> int:
        """Demands the answer fully addresses."""
        return sum(d.addressed is Addressed.YES for d in self.demands)

    @property
    def treated(self) -> int:
        """Demands the answer treats at all (répondue or partiellement)."""
        return sum(d.addressed is not Addressed.NO for d in self.demands)

    @property
    def complete(self) -> bool:
        """Whether the answer fully addresses every demand, so nothing is left to chase."""
        return all(d.addressed is Addressed.YES for d in self.demands)


def texts_key(question_text: str, answer_text: str) -> tuple[str, str]:
    """Content hashes of the two texts a coverage was computed on (the cache key).

    The same hashes as the questions table's `question_hash`/`answer_hash`, so the
    library can tell a current cache row from a stale one in SQL.
    """
    return text_hash(question_text), text_hash(answer_text)


def coverage_to_json(coverage: Coverage) -> dict[str, Any]:
    """The `coverage` object of `show --json` (DESIGN §6, issue #20)."""
    return {
        "demands": [
            {
                "text": d.demand.text,
                "start": d.demand.start,
                "end": d.demand.end,
                "addressed": d.addressed.value,
                "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in d.evidence],
                "score": round(d.score, 3),
            }
            for d in coverage.demands
        ],
        "share": coverage.share,
    }


def coverage_to_payload(coverage: Coverage) -> str:
    """Compact JSON for the cache (everything needed to rebuild the records)."""
    data = coverage_to_json(coverage)
    for item, demand in zip(data["demands"], coverage.demands, strict=True):
        item["score"] = demand.score  # exact: the record reads back equal
        item["asks"] = demand.asks
        item["reason"] = demand.reason
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def coverage_from_payload(payload: str) -> Coverage:
    """Coverage read back from the JSON stored with the question."""
    data = json.loads(payload)
    return Coverage(
        tuple(
            DemandCoverage(
                demand=Span(int(d["start"]), int(d["end"]), str(d["text"])),
                addressed=Addressed(d["addressed"]),
                evidence=tuple(
                    Span(int(e["start"]), int(e["end"]), str(e["text"])) for e in d["evidence"]
                ),
                score=float(d.get("score", 0.0)),
                asks=str(d.get("asks", "open")),
                reason=str(d.get("reason", "")),
            )
            for d in data.get("demands", [])
        )
    )


VERDICT_LABELS_FR = {
    Addressed.YES: "répondue",
    Addressed.PARTLY: "partiellement",
    Addressed.NO: "sans réponse",
}
