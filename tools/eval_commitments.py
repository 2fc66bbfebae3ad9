"""Commitment finder accuracy on the labelled corpus: training splits and the fresh test split.

    .venv/bin/python tools/eval_commitments.py [--split dev|test|fresh|fresh2|fresh3|fresh4] [-v]

`make eval` prints every split. Prints, per split and for the French model and the old
rules: precision (suggested sentences that are labelled commitments), firm recall, all
recall, due-date exact (date and precision both right, over the found commitments), then
the confusion of the misses (labelled kind -> what was suggested); with -v, each miss of
the training splits (the fresh test splits' misses are never listed: nothing is tuned on
them). Since 2026-12-07 the old test split (test.json) is training data (retired: see
tools/commitment_corpus.py); its lines are in-sample like dev's. The fresh test split
(test_fresh.json, session 6) was frozen before any model saw it; the second fresh split
(test_fresh2.json, session 8) was frozen before either finder ran on it and chooses between
them (tests/data/commitments/DECISION_s8.md). The third fresh split (test_fresh3.json, session
9) decides the finder by DECISION_s9.md: it is scored ONCE, by the lead, with `--split fresh3`,
and is never part of the default run (`make eval` does not print it).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from commitment_corpus import FROZEN, Answer, label_of, load  # type: ignore[import-not-found]

from qe_desktop.domain import commitments as rules
from qe_desktop.domain.commitments import Suggestion
from qe_desktop.nlp import commitments as model

Finder = Callable[[str, date | None], list[Suggestion]]


@dataclass
class Tally:
    suggested: int = 0
    true_pos: int = 0
    firm: int = 0
    firm_found: int = 0
    labelled: int = 0
    dates_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        precision = self.true_pos / max(1, self.suggested)
        firm_recall = self.firm_found / max(1, self.firm)
        recall = self.true_pos / max(1, self.labelled)
        dates = self.dates_right / max(1, self.true_pos)
        return (
            f"precision {precision:.2f} ({self.true_pos}/{self.suggested}), "
            f"firm recall {firm_recall:.2f} ({self.firm_found}/{self.firm}), "
            f"recall {recall:.2f} ({self.true_pos}/{self.labelled}), "
            f"due date exact {dates:.2f} ({self.dates_right}/{self.true_pos})"
        )


def evaluate(answers: list[Answer], finder: Finder) -> Tally:
    tally = Tally()
    for answer in answers:
        found = finder(answer.text, answer.answered_on)
        tally.suggested += len(found)
        tally.labelled += len(answer.labels)
        tally.firm += sum(1 for label in answer.labels if label.kind == "firm")
        matched = set()
        for suggestion in found:
            label = label_of(suggestion.sentence, answer)
            if label is None:
                tally.confusion["none", suggestion.kind] += 1
                tally.misses.append(f"FP {answer.id}: {suggestion.sentence[:100]!r}")
                continue
            matched.add(label.text)
            tally.true_pos += 1
            tally.firm_found += label.kind == "firm"
            if label.kind != suggestion.kind:
                tally.confusion[label.kind, suggestion.kind] += 1
            if (suggestion.due, suggestion.precision.value) == (label.due, label.precision):
                tally.dates_right += 1
            else:
                tally.misses.append(
                    f"DATE {answer.id}: got {suggestion.due} {suggestion.precision.value}, "
                    f"want {label.due} {label.precision}: {label.text[:60]!r}"
                )
        for label in answer.labels:
            if label.text not in matched:
                tally.confusion[label.kind, "none"] += 1
                tally.misses.append(f"FN {answer.id} ({label.kind}): {label.text[:80]!r}")
    return tally


def main() -> int:
    # A real parser: `--help` (or a typo) must print usage, never run the default, which scores
    # the sealed fresh splits (session 9: an engineer's `--help` did).
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="Without --split: dev, test, fresh and fresh2 (what make eval prints).",
    )
    parser.add_argument("--split", choices=("dev", "test", "fresh", "fresh2", "fresh3", "fresh4"))
    parser.add_argument("-v", action="store_true", dest="verbose", help="list training misses")
    args = parser.parse_args()
    verbose = args.verbose
    # fresh3 and fresh4 only when asked for
    splits: tuple[str, ...] = ("dev", "test", "fresh", "fresh2")
    if args.split:
        splits = (args.split,)
    started = time.perf_counter()
    runs = [(split, "original") for split in splits]
    if "test" in splits:  # the same frozen answers, labels after a blind second labelling
        runs.append(("test", "adjudicated"))
    for split, labels in runs:
        answers = load(split, labels)
        note = (
            "the model is trained on all of it: in-sample; cross-validated figures: "
            "`tools/train_commitments.py --cv`"
            if split == "dev"
            else "fresh test split, frozen in session 6 before any model saw it, never tuned on"
            if split == "fresh"
            else "second fresh split, frozen in session 8 before either finder ran on it, "
            "never tuned on; it chose the shipped finder (DECISION_s8.md)"
            if split == "fresh2"
            else "third fresh split, frozen in session 9 before either finder ran on it, "
            "never tuned on, scored once; it decides the finder (DECISION_s9.md)"
            if split == "fresh3"
            else "fourth fresh split, frozen in session 10 before either finder ran on it, "
            "scored once, reported only (DECISION_s10.md)"
            if split == "fresh4"
            else "RETIRED test split, original labels: training data since 2026-12-07, in-sample"
            if labels == "original"
            else "RETIRED test split, adjudicated labels (what the model trains on): in-sample"
        )
        print(f"commitments, {split} split ({len(answers)} answers; {note}):")
        for name, finder in (
            ("model", model.model_suggestions),  # the model even when FINDER = "rules"
            ("rules", rules.suggest_commitments),
        ):
            tally = evaluate(answers, finder)
            print(f"  {name}: {tally.line()}")
            if name == "model":
                confusion = ", ".join(
                    f"{want}->{got} {n}" for (want, got), n in sorted(tally.confusion.items())
                )
                print(f"    confusion of the misses (label->suggested): {confusion or 'none'}")
                if verbose and split not in FROZEN:  # never look at fresh test misses
                    print("".join(f"    {m}\n" for m in tally.misses), end="")
    elapsed = time.perf_counter() - started
    print(f"  ({elapsed:.1f} s, model {model.model().version}, default finder {model.FINDER})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
