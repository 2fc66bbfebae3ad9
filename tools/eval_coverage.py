"""Accuracy of answer coverage on the labelled corpus (tests/data/coverage), dev and test.

Demands: a predicted demand matches a labelled one when their overlap covers at least 50 %
of both spans (one-to-one, greedy by overlap). Verdict accuracy counts every labelled
demand (a demand that was not found is a wrong verdict); the accuracy on found demands is
printed beside it. Evidence is scored at sentence level, micro-averaged: the sentences a
found demand cites against the labelled ones; sentences cited for a labelled demand that
was not found are misses, those cited for a spurious demand are false alarms.
The test split was frozen before any tuning (tests/data/coverage/split.json).

Test labels: `original` (labels.json, the first labelling) or `adjudicated` (the blind second
labelling's adjudicated test file, labels_adjudicated.json); dev always uses labels.json.
By default both test label sets are scored (what `make eval` prints).
Fresh: a second test split nobody had seen, frozen 2026-12-07 before any model touched it
(tests/data/coverage/fresh/README.md, labels_fresh.json); never tune on it.
Fresh2: a third look needs unseen pairs, so a second held-out split was collected and frozen on
2026-12-07 the same way (tests/data/coverage/fresh2/README.md, labels_fresh2.json); never tune on
it either. `all` prints both fresh splits.

Run: `.venv/bin/python tools/eval_coverage.py [--split dev|test|fresh|fresh2|all]
[--labels original|adjudicated|both] [--details]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.coverage import Coverage  # noqa: E402
from qe_desktop.domain.question import QuestionRecord  # noqa: E402
from qe_desktop.domain.sentences import split_sentences  # noqa: E402
from qe_desktop.importers.dispatch import iter_records  # noqa: E402
from qe_desktop.nlp.coverage import analyze_coverage  # noqa: E402

DATA = ROOT / "tests" / "data" / "coverage"
TEST_LABELS = {"original": "labels.json", "adjudicated": "labels_adjudicated.json"}
FRESH_LABELS = {"fresh": "labels_fresh.json", "fresh2": "labels_fresh2.json"}


@dataclass
class Tally:
    demand_tp: int = 0
    demand_fp: int = 0
    demand_fn: int = 0
    verdict_ok: int = 0
    verdict_total: int = 0
    verdict_found_ok: int = 0
    evidence_tp: int = 0
    evidence_fp: int = 0
    evidence_fn: int = 0
    seconds: list[float] = field(default_factory=list)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Share of the longer span covered by the intersection (>= .5 means each half-covers)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def load(name: str) -> QuestionRecord:
    record = next(iter_records([DATA / name]))
    assert isinstance(record, QuestionRecord), name
    return record


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_file(
    gold: dict, record: QuestionRecord, coverage: Coverage, tally: Tally, details: bool
) -> None:
    answer = record.answer_text or ""
    sentences = split_sentences(answer)
    index_by_text = {s.text: i for i, s in enumerate(sentences)}
    index_by_start = {s.start: i for i, s in enumerate(sentences)}
    predicted = list(coverage.demands)
    pairs = sorted(
        (
            (overlap((g["start"], g["end"]), (p.demand.start, p.demand.end)), gi, pi)
            for gi, g in enumerate(gold["demands"])
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    matched_g: dict[int, int] = {}
    used_p: set[int] = set()
    for value, gi, pi in pairs:
        if value < 0.5 or gi in matched_g or pi in used_p:
            continue
        matched_g[gi] = pi
        used_p.add(pi)
    tally.demand_tp += len(matched_g)
    tally.demand_fn += len(gold["demands"]) - len(matched_g)
    tally.demand_fp += len(predicted) - len(matched_g)
    for gi, g in enumerate(gold["demands"]):
        gold_sentences = {index_by_text[t] for t in g["evidence"]}
        tally.verdict_total += 1
        if gi not in matched_g:
            tally.evidence_fn += len(gold_sentences)
            if details:
                print(f"    MISSED demand: {g['text'][:90]!r}")
            continue
        p = predicted[matched_g[gi]]
        key = (g["addressed"], p.addressed.value)
        tally.confusion[key] = tally.confusion.get(key, 0) + 1
        if p.addressed.value == g["addressed"]:
            tally.verdict_ok += 1
            tally.verdict_found_ok += 1
        got = {index_by_start[e.start] for e in p.evidence if e.start in index_by_start}
        tally.evidence_tp += len(got & gold_sentences)
        tally.evidence_fp += len(got - gold_sentences)
        tally.evidence_fn += len(gold_sentences - got)
        if details and (key[0] != key[1] or got != gold_sentences):
            print(
                f"    {g['addressed']:>6} -> {p.addressed.value:<6} ({p.asks}/{p.reason}) "
                f"evidence gold={sorted(gold_sentences)} got={sorted(got)}: {g['text'][:70]!r}"
            )
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            tally.evidence_fp += len(p.evidence)
            if details:
                print(f"    SPURIOUS demand: {p.demand.text[:90]!r}")


def evaluate(names: list[str], labels: dict, details: bool) -> Tally:
    tally = Tally()
    for name in names:
        record = load(name)
        started = time.perf_counter()
        coverage = analyze_coverage(record.question_text, record.answer_text)
        tally.seconds.append(time.perf_counter() - started)
        if details:
            print(f"  {name}")
        score_file(labels["files"][name], record, coverage, tally, details)
    return tally


def report(split: str, n_files: int, t: Tally, label_set: str = "") -> None:
    dp = t.demand_tp / max(1, t.demand_tp + t.demand_fp)
    dr = t.demand_tp / max(1, t.demand_tp + t.demand_fn)
    ep = t.evidence_tp / max(1, t.evidence_tp + t.evidence_fp)
    er = t.evidence_tp / max(1, t.evidence_tp + t.evidence_fn)
    found = t.demand_tp
    times = sorted(t.seconds)
    print(
        f"coverage {split:<4}{label_set} ({n_files} pairs, {t.verdict_total} demands): "
        f"demands P={dp:.2f} R={dr:.2f} F1={_f1(dp, dr):.2f} | "
        f"verdict acc={t.verdict_ok / max(1, t.verdict_total):.2f} "
        f"(on found demands {t.verdict_found_ok / max(1, found):.2f}) | "
        f"evidence P={ep:.2f} R={er:.2f} F1={_f1(ep, er):.2f} | "
        f"median {1000 * times[len(times) // 2]:.0f} ms, max {1000 * times[-1]:.0f} ms per question"
    )
    cells = ", ".join(f"{g}->{p}: {n}" for (g, p), n in sorted(t.confusion.items()))
    print(f"  verdicts (gold->predicted): {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "fresh", "fresh2", "all"), default="all")
    parser.add_argument(
        "--labels",
        choices=("original", "adjudicated", "both"),
        default="both",
        help="which labelling of the test split to score against (dev: always labels.json)",
    )
    parser.add_argument("--details", action="store_true", help="print every error")
    args = parser.parse_args()
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    from qe_desktop.nlp.pipeline import french

    french()  # load once, outside the timings
    if args.split in ("dev", "all"):
        labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
        report("dev", len(split["dev"]), evaluate(split["dev"], labels, args.details))
        cross_validated()
    if args.split in ("test", "all"):
        sets = ("original", "adjudicated") if args.labels == "both" else (args.labels,)
        # Since session 6 the old test split is training data (split.json, retired_test): its
        # figures are in-sample and say so.
        name = "retired test, in-sample" if "retired_test" in split else "test"
        for label_set in sets:
            labels = json.loads((DATA / TEST_LABELS[label_set]).read_text(encoding="utf-8"))
            report(
                name,
                len(split["test"]),
                evaluate(split["test"], labels, args.details),
                f" [{label_set} labels]",
            )
    for fresh, labels_name in FRESH_LABELS.items():
        if args.split in (fresh, "all"):
            labels = json.loads((DATA / labels_name).read_text(encoding="utf-8"))
            names = sorted(labels["files"])
            report(fresh, len(names), evaluate(names, labels, args.details))
    return 0


def cross_validated() -> None:
    """The dev figures above are in-sample for the fitted models: print their CV figures too."""
    from qe_desktop.nlp.logistic import weights_section

    evidence, verdict = weights_section("evidence"), weights_section("verdict")
    if evidence is None or verdict is None:
        return
    cv = evidence["cv"]
    trained_on = str(evidence.get("trained_on", "dev"))
    print(
        f"  {trained_on} cross-validated by pair (tools/train_coverage.py): evidence "
        f"P={cv['precision']:.2f} R={cv['recall']:.2f} F1={cv['f1']:.2f} | "
        f"verdict acc on found demands {verdict['cv_accuracy']:.2f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
