"""Agreement between two labellings of the frozen test splits (issues #19 and #20).

    python3 tools/label_agreement.py [--a original] [--b second]
    python3 tools/label_agreement.py --only dev-verdicts   # dev verdicts vs dev_verdicts_second.tsv
    python3 tools/label_agreement.py --only dev-commitments  # dev.json vs dev_second.json sample
    python3 tools/label_agreement.py --only fresh-commitments  # test_fresh vs test_fresh_second
    python3 tools/label_agreement.py --only dev-s7-commitments  # dev_s7 vs dev_s7_second
    python3 tools/label_agreement.py --split fresh  # coverage, fresh split: labels_fresh vs _second

`original` is the first labelling (corpus/test.json, coverage labels.json), `second` the
blind second labelling (test_second.json, labels_second.json), `adjudicated` the result of
adjudication (test_adjudicated.json, labels_adjudicated.json). Standard library only (the
project's own sentence splitter is plain Python); it reads labels and texts, never a model.

Commitments are compared at sentence level (a sentence "commits" when it holds a label),
as `tools/eval_commitments.py` scores them: B's sentences are scored against A like a
finder's suggestions (precision, firm recall, due date exact), and kappa is taken over all
sentences. Coverage demands match when their overlap covers at least half of the longer
span (one to one, greedy, as `tools/eval_coverage.py`); verdicts and evidence sentences are
compared on matched demands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qe_desktop.domain.sentences import split_sentences  # noqa: E402

COMMITMENTS = ROOT / "tests" / "data" / "commitments" / "corpus"
COVERAGE = ROOT / "tests" / "data" / "coverage"
COMMITMENT_FILES = {
    "original": "test.json",
    "second": "test_second.json",
    "adjudicated": "test_adjudicated.json",
}
COVERAGE_FILES = {
    "original": "labels.json",
    "second": "labels_second.json",
    "adjudicated": "labels_adjudicated.json",
}
FRESH_FILES = {"original": "labels_fresh.json", "second": "labels_fresh_second.json"}
Labels = dict[str, list[dict[str, Any]]]


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' categories over the same items."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in set(left) | set(right)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def prf(tp: int, fp: int, fn: int) -> str:
    """Precision, recall and F1 with their counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} ({tp}/{tp + fp}), R {r:.2f} ({tp}/{tp + fn}), F1 {f:.2f}"


# --- commitments -------------------------------------------------------------------------


def commitment_texts(split: str = "test") -> dict[str, str]:
    """Answer id -> answer text of a split (the frozen test split by default)."""
    data = json.loads((COMMITMENTS / f"{split}.json").read_text(encoding="utf-8"))
    return {a["id"]: a["answer"] for a in data["answers"]}


def commitment_labels(name: str) -> Labels:
    """Answer id -> labels, for `original`, `second` or `adjudicated`."""
    data = json.loads((COMMITMENTS / COMMITMENT_FILES[name]).read_text(encoding="utf-8"))
    if "answers" in data:
        return {a["id"]: a["commitments"] for a in data["answers"]}
    return {k: v for k, v in data.items() if not k.startswith("_")}


def by_sentence(text: str, labels: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Sentence index -> the labels whose text lies in that sentence, in label order."""
    sentences = split_sentences(text)
    out: dict[int, list[dict[str, Any]]] = {}
    for label in labels:
        start = text.find(label["text"])
        index = next(
            (i for i, s in enumerate(sentences) if s.start <= start < s.end),
            len(sentences) - 1,
        )
        out.setdefault(index, []).append(label)
    return out


def sentence_kind(labels: list[dict[str, Any]]) -> str:
    """firm when any label of the sentence is firm, else soft."""
    return "firm" if any(x["kind"] == "firm" for x in labels) else "soft"


def compare_commitments(a_name: str, b_name: str) -> list[str]:
    """Report lines comparing two commitment labellings of the test split."""
    texts = commitment_texts()
    a_all, b_all = commitment_labels(a_name), commitment_labels(b_name)
    if set(a_all) != set(texts) or set(b_all) != set(texts):
        raise SystemExit("the two labellings must cover exactly the test split's answers")
    return commitment_report("test split", texts, a_all, b_all, a_name, b_name)


def compare_dev_commitments(second: str = "dev_second.json", first: str = "dev.json") -> list[str]:
    """Report lines comparing a dev file's commitments (A: dev.json, or dev_s7.json) with its
    blind relabelling (B) of a random sample (tools/commitment_blind.py), on B's answers only."""
    b_all = {
        k: v
        for k, v in json.loads((COMMITMENTS / second).read_text(encoding="utf-8")).items()
        if not k.startswith("_")
    }
    texts = {k: v for k, v in commitment_texts(first.removesuffix(".json")).items() if k in b_all}
    if set(texts) != set(b_all):
        raise SystemExit(f"{second} names answers that are not in {first}")
    a_all = {k: v for k, v in commitment_labels_of(first).items() if k in b_all}
    return commitment_report("dev sample", texts, a_all, b_all, first, second)


def compare_dev_s7_commitments(second: str = "dev_s7_second.json") -> list[str]:
    """Report lines comparing session 7's training labels (dev_s7.json, A) with their blind
    relabelling (B, session 9): on the pre-registered random sample of 60 answers
    (tools/commitment_blind.py --split dev_s7), then on every answer B labelled."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from commitment_blind import COUNT_S7, DEV_S7, SEED, sample
    finally:
        sys.path.pop(0)
    b_all = {
        k: v
        for k, v in json.loads((COMMITMENTS / second).read_text(encoding="utf-8")).items()
        if not k.startswith("_")
    }
    drawn = set(sample(COUNT_S7, SEED, DEV_S7))
    if not drawn <= set(b_all):
        raise SystemExit(f"{second} lacks answers of the seed-{SEED} sample of dev_s7")
    texts = {k: v for k, v in commitment_texts("dev_s7").items() if k in b_all}
    if set(texts) != set(b_all):
        raise SystemExit(f"{second} names answers that are not in dev_s7.json")
    a_all = commitment_labels_of("dev_s7.json")
    lines = commitment_report(
        f"dev_s7 sample, seed {SEED}",
        {k: v for k, v in texts.items() if k in drawn},
        a_all,
        b_all,
        "dev_s7.json",
        second,
    )
    if set(texts) != drawn:
        lines += commitment_report(
            "dev_s7, every answer B labelled", texts, a_all, b_all, "dev_s7.json", second
        )
    return lines


def compare_fresh_commitments(second: str = "test_fresh_second.json") -> list[str]:
    """Report lines comparing the fresh split's labels (test_fresh.json, A) with its blind
    second labelling (B), over all the fresh answers."""
    texts = commitment_texts("test_fresh")
    b_all = {
        k: v
        for k, v in json.loads((COMMITMENTS / second).read_text(encoding="utf-8")).items()
        if not k.startswith("_")
    }
    if set(b_all) != set(texts):
        raise SystemExit(f"{second} must cover exactly the fresh split's answers")
    a_all = commitment_labels_of("test_fresh.json")
    return commitment_report("fresh split", texts, a_all, b_all, "test_fresh.json", second)


def commitment_labels_of(file: str) -> Labels:
    """Answer id -> labels of a corpus file with answers (dev.json, test.json)."""
    data = json.loads((COMMITMENTS / file).read_text(encoding="utf-8"))
    return {a["id"]: a["commitments"] for a in data["answers"]}


def commitment_report(
    what: str, texts: dict[str, str], a_all: Labels, b_all: Labels, a_name: str, b_name: str
) -> list[str]:
    """Sentence-level agreement of two labellings of the same answers."""
    binary: list[tuple[str, str]] = []
    kinds: list[tuple[str, str]] = []
    both = a_only = b_only = dates_same = due_same = firm = firm_found = 0
    a_labels = b_labels = 0
    for answer_id, text in texts.items():
        a = by_sentence(text, a_all[answer_id])
        b = by_sentence(text, b_all[answer_id])
        a_labels += len(a_all[answer_id])
        b_labels += len(b_all[answer_id])
        for i in range(len(split_sentences(text))):
            binary.append(("yes" if i in a else "no", "yes" if i in b else "no"))
        for i in set(a) & set(b):
            both += 1
            kinds.append((sentence_kind(a[i]), sentence_kind(b[i])))
            first_a, first_b = a[i][0], b[i][0]
            due_same += first_a["due"] == first_b["due"]
            dates_same += (first_a["due"], first_a["precision"]) == (
                first_b["due"],
                first_b["precision"],
            )
        a_only += len(set(a) - set(b))
        b_only += len(set(b) - set(a))
        for i, labels in a.items():
            n_firm = sum(x["kind"] == "firm" for x in labels)
            firm += n_firm
            firm_found += n_firm if i in b else 0
    kind_agree = sum(x == y for x, y in kinds)
    return [
        f"commitments, {what} ({len(texts)} answers): A = {a_name} ({a_labels} labels, "
        f"{both + a_only} sentences), B = {b_name} ({b_labels} labels, {both + b_only} sentences)",
        f"  commits or not, B against A: {prf(both, b_only, a_only)}",
        f"  Cohen's kappa over all {len(binary)} sentences: {kappa(binary):.2f}",
        f"  as a finder B would score against A: precision {both / max(1, both + b_only):.2f}, "
        f"firm recall {firm_found / max(1, firm):.2f} ({firm_found}/{firm}), "
        f"due date exact {dates_same / max(1, both):.2f} ({dates_same}/{both})",
        f"  firm/soft on the {both} shared sentences: {kind_agree}/{len(kinds)} agree, "
        f"kappa {kappa(kinds):.2f}; (A->B) "
        + ", ".join(f"{x}->{y} {n}" for (x, y), n in sorted(Counter(kinds).items())),
        f"  due date on shared sentences: date and precision {dates_same}/{both}, "
        f"date alone {due_same}/{both}",
    ]


# --- coverage ----------------------------------------------------------------------------


def coverage_labels(name: str, split: str = "test") -> dict[str, list[dict[str, Any]]]:
    """Test file -> demands, for `original`, `second` or `adjudicated` (`test` split), or
    `original` / `second` of the `fresh` split (its files are those of labels_fresh.json)."""
    if split == "fresh":
        if name not in FRESH_FILES:
            raise SystemExit(f"the fresh split has no {name!r} labelling")
        file = FRESH_FILES[name]
        ids = sorted(
            json.loads((COVERAGE / FRESH_FILES["original"]).read_text(encoding="utf-8"))["files"]
        )
    else:
        file = COVERAGE_FILES[name]
        ids = json.loads((COVERAGE / "split.json").read_text(encoding="utf-8"))["test"]
    data = json.loads((COVERAGE / file).read_text(encoding="utf-8"))
    missing = set(ids) - set(data["files"])
    if missing:
        raise SystemExit(f"{file} lacks {len(missing)} {split} file(s)")
    return {f: data["files"][f]["demands"] for f in ids}


def overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Share of the longer span covered by the intersection (eval_coverage's definition)."""
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    return inter / max(a["end"] - a["start"], b["end"] - b["start"], 1)


def match(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> dict[int, int]:
    """A demand index -> B demand index, one to one, greedy by overlap >= 0.5."""
    pairs = sorted(
        ((overlap(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)), reverse=True
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for value, i, j in pairs:
        if value >= 0.5 and i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def compare_coverage(a_name: str, b_name: str, split: str = "test") -> list[str]:
    """Report lines comparing two coverage labellings of the test (or fresh) split."""
    a_all, b_all = coverage_labels(a_name, split), coverage_labels(b_name, split)
    tp = fp = fn = 0
    verdicts: list[tuple[str, str]] = []
    ev_tp = ev_fp = ev_fn = 0
    all_fp = all_fn = 0
    n_a = 0
    for name, a in a_all.items():
        b = b_all[name]
        n_a += len(a)
        matched = match(a, b)
        tp += len(matched)
        fn += len(a) - len(matched)
        fp += len(b) - len(matched)
        for i, x in enumerate(a):
            gold = set(x["evidence"])
            if i not in matched:
                all_fn += len(gold)
                continue
            y = b[matched[i]]
            verdicts.append((x["addressed"], y["addressed"]))
            got = set(y["evidence"])
            ev_tp += len(gold & got)
            ev_fp += len(got - gold)
            ev_fn += len(gold - got)
        for j, y in enumerate(b):
            if j not in matched.values():
                all_fp += len(y["evidence"])
    same = sum(x == y for x, y in verdicts)
    confusion = ", ".join(f"{x}->{y} {n}" for (x, y), n in sorted(Counter(verdicts).items()))
    return [
        f"coverage, {split} split ({len(a_all)} pairs): A = {a_name} ({n_a} demands), "
        f"B = {b_name} ({tp + fp} demands)",
        f"  demands (overlap >= 50 %), B against A: {prf(tp, fp, fn)}",
        f"  verdicts on the {len(verdicts)} matched demands: {same}/{len(verdicts)} agree "
        f"({same / max(1, len(verdicts)):.2f}), kappa {kappa(verdicts):.2f}; "
        f"as eval_coverage counts it (unmatched = wrong): {same / max(1, n_a):.2f}",
        f"  verdicts (A->B): {confusion}",
        f"  evidence sentences on matched demands: {prf(ev_tp, ev_fp, ev_fn)}",
        f"  evidence as eval_coverage counts it (unmatched demands' sentences included): "
        f"{prf(ev_tp, ev_fp + all_fp, ev_fn + all_fn)}",
    ]


def compare_dev_verdicts(tsv: str = "dev_verdicts_second.tsv") -> list[str]:
    """Report lines comparing the dev verdicts of labels.json (A) with a blind re-labelling (B).

    The second labeller kept the dev demand spans as labelled, so demands pair by index.
    """
    split = json.loads((COVERAGE / "split.json").read_text(encoding="utf-8"))
    files = json.loads((COVERAGE / "labels.json").read_text(encoding="utf-8"))["files"]
    second: dict[tuple[str, int], str] = {}
    for line in (COVERAGE / tsv).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, index, verdict = line.split("\t")
            second[(name, int(index))] = verdict.strip()
    pairs = [
        (demand["addressed"], second[(name, i)])
        for name in split["dev"]
        for i, demand in enumerate(files[name]["demands"])
        if (name, i) in second  # dev pairs added after the blind re-labelling are not in it
    ]
    same = sum(a == b for a, b in pairs)
    confusion = ", ".join(f"{x}->{y} {n}" for (x, y), n in sorted(Counter(pairs).items()))
    return [
        f"coverage, dev verdicts ({len(pairs)} demands): A = labels.json, B = {tsv}",
        f"  {same}/{len(pairs)} agree ({same / max(1, len(pairs)):.2f}), "
        f"kappa {kappa(pairs):.2f}; (A->B) {confusion}",
        "  A: "
        + ", ".join(f"{k} {v}" for k, v in sorted(Counter(a for a, _ in pairs).items()))
        + "; B: "
        + ", ".join(f"{k} {v}" for k, v in sorted(Counter(b for _, b in pairs).items())),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = sorted(COMMITMENT_FILES)
    parser.add_argument("--a", choices=names, default="original")
    parser.add_argument("--b", choices=names, default="second")
    parser.add_argument(
        "--only",
        choices=(
            "commitments",
            "coverage",
            "dev-verdicts",
            "dev-commitments",
            "fresh-commitments",
            "dev-s7-commitments",
        ),
    )
    parser.add_argument(
        "--split", choices=("test", "fresh"), default="test", help="fresh: coverage only"
    )
    args = parser.parse_args()
    lines: list[str] = []
    if args.split == "fresh":
        print("\n".join(compare_coverage(args.a, args.b, "fresh")))
        return 0
    if args.only in (None, "commitments"):
        lines += compare_commitments(args.a, args.b)
    if args.only in (None, "coverage"):
        lines += compare_coverage(args.a, args.b)
    if args.only == "dev-verdicts":
        lines += compare_dev_verdicts()
    if args.only == "dev-commitments":
        lines += compare_dev_commitments()
    if args.only == "fresh-commitments":
        lines += compare_fresh_commitments()
    if args.only == "dev-s7-commitments":
        lines += compare_dev_s7_commitments()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
