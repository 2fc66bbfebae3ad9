"""Cross-validation of the commitment classifier: shuffled grouped folds, per genre, and
leave-one-genre-out.

Used by tools/train_commitments.py. Every figure counts the labelled commitments the
cheap pre-filter drops (never parsed, so never found) as misses, like `make eval` does.
Shuffled CV: 5 folds of whole answers, REPEATS shuffles averaged. Leave-one-genre-out:
the model is fitted on three genres and judged on the fourth, which predicts a shift of
genre (the fresh split is all spoken) better than shuffled folds do.

The protocols that choose the settings (session 9, `honest`): shuffled and genre folds
overstated the model on every unseen split by about 0.2 in precision, because a fold's
answers were collected and labelled with the others. Only parts labelled separately are
held out there: each corpus file in turn (leave-one-file-out: dev.json, test.json,
dev_s7.json) and the spoken answers (fitted on written ones); the rules stand beside
the model on the same sentences.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from commitment_genre import GENRES  # type: ignore[import-not-found]

TARGET_PRECISION, TARGET_FIRM = 0.90, 0.85


@dataclass
class Example:
    """One candidate sentence: hand features, clause words, label, answer number and genre;
    `due_ok` says whether the deadline found (date and precision) is the labelled one;
    `rules` is the old rule finder's score of the sentence, `batch` its corpus file."""

    row: list[float]
    words: tuple[str, ...]
    label: str
    group: int
    text: str
    genre: str
    due_ok: bool = False
    rules: float = 0.0
    batch: str = ""  # the corpus file the answer comes from ("dev_s7.json": session 7)
    # the blind second labeller's verdict (dev_second.json, test_second.json), None when
    # that labeller never read the answer
    second: str | None = None


@dataclass
class Dropped:
    """Labelled commitments the pre-filter never keeps, by genre: misses in every figure."""

    firm: dict[str, int] = field(default_factory=dict)
    soft: dict[str, int] = field(default_factory=dict)
    # the same by (genre, batch): the scores of one collection batch count its own drops
    by_batch: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def add(self, kind: str, genre: str, batch: str) -> None:
        table = self.firm if kind == "firm" else self.soft
        table[genre] = table.get(genre, 0) + 1
        key = (kind, genre, batch)
        self.by_batch[key] = self.by_batch.get(key, 0) + 1

    def add_second(self, kind: str, genre: str) -> None:
        """A commitment only the second labeller marked, dropped by the pre-filter."""
        key = (kind, genre, SECOND)
        self.by_batch[key] = self.by_batch.get(key, 0) + 1

    def count(self, kind: str, genres: Sequence[str], batch: str | None = None) -> int:
        if batch is not None:
            return sum(self.by_batch.get((kind, g, batch), 0) for g in genres)
        table = self.firm if kind == "firm" else self.soft
        return sum(table.get(g, 0) for g in genres)


Run = list[tuple[str, float]]  # per example: predicted class, P(commitment)
Fitter = Callable[[list[Example], list[Example]], Run]


def folds(items: list[Example], seed: int) -> list[tuple[list[int], list[int]]]:
    """Five folds of whole answers, shuffled by `seed`."""
    answers = sorted({e.group for e in items})
    random.Random(seed).shuffle(answers)
    fold_of = {g: i % 5 for i, g in enumerate(answers)}
    return [
        (
            [i for i, e in enumerate(items) if fold_of[e.group] != k],
            [i for i, e in enumerate(items) if fold_of[e.group] == k],
        )
        for k in range(5)
    ]


def shuffled_runs(items: list[Example], fit: Fitter, repeats: int) -> list[Run]:
    """Each example's prediction by a model that never saw its answer, once per shuffle."""
    runs = []
    for seed in range(repeats):
        out: Run = [("", 0.0)] * len(items)
        for train, held in folds(items, seed):
            predicted = fit([items[i] for i in train], [items[i] for i in held])
            for i, p in zip(held, predicted, strict=True):
                out[i] = p
        runs.append(out)
    return runs


def genre_run(items: list[Example], fit: Fitter) -> Run:
    """Each example's prediction by a model fitted on the other genres only."""
    out: Run = [("", 0.0)] * len(items)
    for genre in GENRES:
        held = [i for i, e in enumerate(items) if e.genre == genre]
        train = [i for i, e in enumerate(items) if e.genre != genre]
        if not held:
            continue
        predicted = fit([items[i] for i in train], [items[i] for i in held])
        for i, p in zip(held, predicted, strict=True):
            out[i] = p
    return out


SPOKEN = tuple(g for g in GENRES if g != "written")
SECOND = "second labeller"  # the pseudo-batch of the second labeller's verdicts
RULES_THRESHOLD = 0.5  # qe_desktop.domain.commitments.SUGGESTION_THRESHOLD
NEW_BATCH = "dev_s7.json"  # session 7's answers, collected after the rules and models before


def held_out_run(items: list[Example], fit: Fitter, held: Callable[[Example], bool]) -> Run:
    """Predictions for the `held` examples by a model fitted on all the others (the rest
    of the run is empty: only score it on the held examples)."""
    out: Run = [("", 0.0)] * len(items)
    train = [e for e in items if not held(e)]
    index = [i for i, e in enumerate(items) if held(e)]
    for i, p in zip(index, fit(train, [items[i] for i in index]), strict=True):
        out[i] = p
    return out


def rules_run(items: list[Example]) -> Run:
    """The hand rules' verdicts (no fitting): P = their score, suggested from RULES_THRESHOLD."""
    return [("firm", e.rules) for e in items]


@dataclass(frozen=True)
class Figures:
    precision: float
    firm_recall: float
    due: float
    said: float
    hit: float
    firm_found: float
    firm: int
    labelled: int

    @property
    def score(self) -> float:
        """The lower of precision and firm recall, each as a share of its target."""
        return min(self.precision / TARGET_PRECISION, self.firm_recall / TARGET_FIRM)

    @property
    def f1(self) -> float:
        """F1 of precision and firm recall (DECISION_s8.md's score)."""
        total = self.precision + self.firm_recall
        return 2 * self.precision * self.firm_recall / total if total else 0.0

    def short(self) -> str:
        return (
            f"{self.precision:.2f} ({self.hit:.0f}/{self.said:.0f}) / "
            f"{self.firm_recall:.2f} ({self.firm_found:.0f}/{self.firm}) / {self.due:.2f}"
            f"  F1 {self.f1:.2f}"
        )

    def line(self) -> str:
        return (
            f"precision {self.precision:.2f} ({self.hit:.1f}/{self.said:.1f}), "
            f"firm recall {self.firm_recall:.2f} ({self.firm_found:.1f}/{self.firm}), "
            f"recall {self.hit / max(1, self.labelled):.2f}, due date exact {self.due:.2f}"
        )


def figures(
    items: list[Example],
    runs: list[Run],
    threshold: float,
    dropped: Dropped,
    genres: Sequence[str] = GENRES,
    batch: str | None = None,
) -> Figures:
    """Precision, firm recall and due-date accuracy over the examples of `genres` (of one
    collection `batch` when given)."""
    keep = [
        i for i, e in enumerate(items) if e.genre in genres and (batch is None or e.batch == batch)
    ]
    firm = [i for i in keep if items[i].label == "firm"]
    said_n = hit_n = firm_n = dates_n = 0
    for run in runs:
        said = [i for i in keep if run[i][1] >= threshold]
        said_n += len(said)
        hit_n += sum(1 for i in said if items[i].label != "none")
        dates_n += sum(1 for i in said if items[i].label != "none" and items[i].due_ok)
        firm_n += sum(1 for i in firm if run[i][1] >= threshold)
    n = len(runs)
    firm_total = len(firm) + dropped.count("firm", genres, batch)
    labelled = sum(1 for i in keep if items[i].label != "none")
    labelled += dropped.count("firm", genres, batch) + dropped.count("soft", genres, batch)
    return Figures(
        precision=hit_n / max(1, said_n),
        firm_recall=firm_n / max(1, firm_total * n),
        due=dates_n / max(1, hit_n),
        said=said_n / n,
        hit=hit_n / n,
        firm_found=firm_n / n,
        firm=firm_total,
        labelled=labelled,
    )


def report(
    items: list[Example],
    shuffled: list[Run],
    by_genre: Run,
    threshold: float,
    dropped: Dropped,
) -> list[str]:
    """The lines `--cv` prints: overall, each genre, leave-one-genre-out, and their score."""
    lines = [f"  shuffled, all genres: {figures(items, shuffled, threshold, dropped).line()}"]
    for genre in GENRES:
        count = len({e.group for e in items if e.genre == genre})
        got = figures(items, shuffled, threshold, dropped, (genre,))
        lines.append(f"  shuffled, {genre:9} ({count:3} answers): {got.line()}")
    logo = figures(items, [by_genre], threshold, dropped)
    lines.append(f"  leave-one-genre-out, pooled: {logo.line()}")
    for genre in GENRES:
        got = figures(items, [by_genre], threshold, dropped, (genre,))
        lines.append(f"  leave-one-genre-out, {genre:9}: {got.line()}")
    return lines


def comparison(
    items: list[Example],
    shuffled: list[Run],
    by_genre: Run,
    fit: Fitter,
    threshold: float,
    dropped: Dropped,
) -> list[str]:
    """Rules beside the model's out-of-fold verdicts on the spoken answers of the training
    data: shuffled, leave-one-genre-out, leave-spoken-out (fitted on written answers only)
    and leave-new-batch-out (session 7's answers, fitted on the older ones), each on the
    same sentences. The rules were never fitted; they were tuned by hand on older answers."""
    spoken_out = held_out_run(items, fit, lambda e: e.genre in SPOKEN)
    batch_out = held_out_run(items, fit, lambda e: e.batch == NEW_BATCH)
    protocols: list[tuple[str, list[Run], float]] = [
        ("rules (hand-tuned, never fitted)", [rules_run(items)], RULES_THRESHOLD),
        ("model, shuffled CV", shuffled, threshold),
        ("model, leave-one-genre-out", [by_genre], threshold),
        ("model, leave-spoken-out", [spoken_out], threshold),
    ]
    lines = ["  precision / firm recall / due date exact, F1 of precision and firm recall:"]
    scopes = [("spoken (oral+debate+amendment)", SPOKEN), *((g, (g,)) for g in SPOKEN)]
    for name, genres in scopes:
        lines.append(f"  {name}:")
        for label, runs, t in protocols:
            lines.append(f"    {label:34} {figures(items, runs, t, dropped, genres).short()}")
    lines.append(f"  {NEW_BATCH} spoken (session 7's batch):")
    batch_protocols = [*protocols, ("model, leave-new-batch-out", [batch_out], threshold)]
    for label, runs, t in batch_protocols:
        got = figures(items, runs, t, dropped, SPOKEN, NEW_BATCH)
        lines.append(f"    {label:34} {got.short()}")
    return lines


def curve(
    items: list[Example],
    shuffled: list[Run],
    by_genre: Run,
    dropped: Dropped,
    thresholds: Sequence[float],
) -> list[str]:
    """Precision and firm recall at each threshold, shuffled and leave-one-genre-out:
    where precision reaches its target and what recall is left there."""
    lines = []
    for t in thresholds:
        a = figures(items, shuffled, t, dropped)
        b = figures(items, [by_genre], t, dropped)
        lines.append(
            f"  threshold {t:.2f}: shuffled P {a.precision:.2f} firm R {a.firm_recall:.2f}"
            f" | leave-one-genre-out P {b.precision:.2f} firm R {b.firm_recall:.2f}"
        )
    return lines


def file_run(items: list[Example], fit: Fitter) -> Run:
    """Each example's prediction by a model fitted on the other corpus files only (each
    file a batch collected and labelled apart: the nearest thing to an unseen split)."""
    out: Run = [("", 0.0)] * len(items)
    for name in sorted({e.batch for e in items}):
        held = [i for i, e in enumerate(items) if e.batch == name]
        train = [e for e in items if e.batch != name]
        for i, p in zip(held, fit(train, [items[i] for i in held]), strict=True):
            out[i] = p
    return out


@dataclass(frozen=True)
class Honest:
    """The held-out-file protocols of one configuration: (name, model, rules) rows."""

    rows: list[tuple[str, Figures, Figures]]

    @property
    def score(self) -> float:
        """Mean F1 (precision, firm recall) over each file left out and leave-spoken-out:
        the settings' selection score (pooled figures are dominated by the largest file)."""
        kept = [
            m.f1
            for name, m, _ in self.rows
            if name.startswith(("file ", "leave-spoken")) and not name.endswith("spoken only")
        ]
        return sum(kept) / max(1, len(kept))

    def lines(self) -> list[str]:
        out = ["  held out (model | rules): precision / firm recall / due date exact  F1"]
        for name, m, r in self.rows:
            out.append(f"    {name:30} {m.short()} | {r.short()}")
        out.append(f"    selection score (mean F1 of the files and spoken): {self.score:.3f}")
        return out


def second_labeller(
    items: list[Example], by_file: Run, threshold: float, dropped: Dropped
) -> list[tuple[str, Figures, Figures]]:
    """Model (fitted on the other corpus files) and rules judged by a blind second
    labeller on the answers that labeller read: do they hold on another labeller's
    verdicts? One row per corpus file, then all of them."""
    rows = []
    names = sorted({e.batch for e in items if e.second is not None})
    for name in (*names, None):
        keep = [
            i
            for i, e in enumerate(items)
            if e.second is not None and (name is None or e.batch == name)
        ]
        judged = [replace(items[i], label=items[i].second or "none", batch=SECOND) for i in keep]
        model = [by_file[i] for i in keep]
        rules = [("firm", items[i].rules) for i in keep]
        drops = dropped if name is None else Dropped()  # per-file drops are not kept apart
        rows.append(
            (
                f"second labeller, {name or 'all'}",
                figures(judged, [model], threshold, drops, GENRES, SECOND),
                figures(judged, [rules], RULES_THRESHOLD, drops, GENRES, SECOND),
            )
        )
    return rows


def honest(
    items: list[Example],
    by_file: Run,
    spoken_out: Run,
    threshold: float,
    dropped: Dropped,
) -> Honest:
    """Model (out-of-file and leave-spoken-out predictions) beside the rules, judged by
    the first labels, then by the blind second labellers' where they exist."""
    rules = [rules_run(items)]
    rows = []
    for name in sorted({e.batch for e in items}):
        rows.append(
            (
                f"file {name}",
                figures(items, [by_file], threshold, dropped, GENRES, name),
                figures(items, rules, RULES_THRESHOLD, dropped, GENRES, name),
            )
        )
    rows.append(
        (
            "leave-one-file-out, pooled",
            figures(items, [by_file], threshold, dropped),
            figures(items, rules, RULES_THRESHOLD, dropped),
        )
    )
    rows.append(
        (
            f"file {NEW_BATCH}, spoken only",
            figures(items, [by_file], threshold, dropped, SPOKEN, NEW_BATCH),
            figures(items, rules, RULES_THRESHOLD, dropped, SPOKEN, NEW_BATCH),
        )
    )
    rows.extend(second_labeller(items, by_file, threshold, dropped))
    rows.append(
        (
            "leave-spoken-out (spoken)",
            figures(items, [spoken_out], threshold, dropped, SPOKEN),
            figures(items, rules, RULES_THRESHOLD, dropped, SPOKEN),
        )
    )
    return Honest(rows)
