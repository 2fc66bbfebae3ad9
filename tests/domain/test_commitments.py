"""Commitment finder: measured on 29 real answers labelled by hand, plus held-out sentences.

The labels (tests/data/commitments/labels.json) were written by reading each answer
before the finder existed; they say which sentences are commitments and their due date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.commitments import (
    SUGGESTION_THRESHOLD,
    assess_sentence,
    suggest_commitments,
)
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.domain.text import canonical_text

DATA = Path(__file__).resolve().parents[1] / "data" / "commitments"
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["files"]

MIN_PRECISION = 0.85
MIN_RECALL = 0.80
MIN_DATE_ACCURACY = 0.80

_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()
_SENAT_ANSWER = re.compile(
    r"^Réponse (?:du|de la|de l'|des) .*publiée le (\d\d)/(\d\d)/(\d{4})\s*$"
)
_AN_ANSWER = re.compile(r"^Réponse publiée le (\d{1,2})(?:er)? (\w+) (\d{4})\s*$")
_AN_END = re.compile(r"^(?:Données clés|Auteur :|Dates :)")


def extract_answer(page: str) -> tuple[str, date]:
    """The canonical answer text of a copied Sénat or AN page, and its publication date.

    A deliberately small stand-in for the real page importer: the answer runs from the
    "Réponse … publiée le …" line to the "- page N" line (Sénat) or to the
    "Données clés"/"Auteur :" block (AN).
    """
    lines = page.splitlines()
    for index, line in enumerate(lines):
        if m := _SENAT_ANSWER.match(line):
            answered = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            end_pattern = re.compile(r"^- page \d+")
            break
        if m := _AN_ANSWER.match(line):
            answered = date(int(m.group(3)), _MONTHS.index(m.group(2)) + 1, int(m.group(1)))
            end_pattern = _AN_END
            break
    else:
        raise ValueError("no answer line")
    body: list[str] = []
    for line in lines[index + 1 :]:
        if end_pattern.match(line):
            break
        body.append(line)
    return canonical_text("\n".join(body)), answered


@dataclass(frozen=True)
class Expected:
    sentence_start: int
    due: date | None
    precision: DatePrecision


def _expected(name: str, answer: str) -> dict[int, Expected]:
    sentences = split_sentences(answer)
    expected: dict[int, Expected] = {}
    for item in LABELS[name]["commitments"]:
        hits = [s for s in sentences if item["text"] in s.text]
        assert len(hits) == 1, f"{name}: label {item['text']!r} matches {len(hits)} sentences"
        due = date.fromisoformat(item["due"]) if item["due"] else None
        expected[hits[0].start] = Expected(hits[0].start, due, DatePrecision(item["precision"]))
    return expected


@dataclass
class Tally:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    dates_right: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / max(1, self.true_pos)


def _evaluate() -> tuple[Tally, list[str]]:
    tally = Tally()
    report: list[str] = []
    for name in sorted(LABELS):
        answer, answered = extract_answer((DATA / name).read_text(encoding="utf-8"))
        assert answered.isoformat() == LABELS[name]["answered_on"], name
        expected = _expected(name, answer)
        found = {s.start: s for s in suggest_commitments(answer, answered)}
        for start, suggestion in found.items():
            if start not in expected:
                tally.false_pos += 1
                report.append(f"FP {name}: {suggestion.sentence[:90]!r} {suggestion.cues}")
                continue
            tally.true_pos += 1
            want = expected[start]
            if (suggestion.due, suggestion.precision) == (want.due, want.precision):
                tally.dates_right += 1
            else:
                report.append(
                    f"DATE {name}: got {suggestion.due} {suggestion.precision.value}, "
                    f"want {want.due} {want.precision.value}: {suggestion.sentence[:70]!r}"
                )
        for start in expected.keys() - found.keys():
            sentence = answer[start : answer.index(".", start) + 1]
            report.append(f"FN {name}: {sentence[:90]!r}")
    return tally, report


def test_finder_meets_precision_recall_and_date_accuracy_on_the_labelled_answers(
    record_property: pytest.RecordProperty,
) -> None:
    tally, report = _evaluate()
    summary = (
        f"commitments: precision {tally.precision:.3f} recall {tally.recall:.3f} "
        f"(TP {tally.true_pos}, FP {tally.false_pos}, FN {tally.false_neg}); "
        f"due dates right {tally.dates_right}/{tally.true_pos} ({tally.date_accuracy:.3f})"
    )
    print("\n" + summary + "".join("\n  " + line for line in report))
    record_property("commitment_precision", round(tally.precision, 3))
    record_property("commitment_recall", round(tally.recall, 3))
    record_property("commitment_date_accuracy", round(tally.date_accuracy, 3))
    assert tally.precision >= MIN_PRECISION, summary
    assert tally.recall >= MIN_RECALL, summary
    assert tally.date_accuracy >= MIN_DATE_ACCURACY, summary


# Held-out sentences written for this test, not taken from the labelled answers: they check
# that the rules generalise beyond the set they were developed on. (sentence, answered on,
# commitment?, due, precision)
HELD_OUT: tuple[tuple[str, date, bool, date | None, DatePrecision], ...] = (
    (
        "Le décret d'application sera publié avant la fin de l'année.",
        date(2024, 3, 10),
        True,
        date(2024, 12, 31),
        DatePrecision.YEAR,
    ),
    (
        "Une mission d'inspection sera confiée à l'IGAS dans les prochaines semaines.",
        date(2023, 5, 2),
        True,
        date(2023, 7, 2),
        DatePrecision.VAGUE,
    ),
    (
        "Le Gouvernement s'engage à remettre un rapport au Parlement d'ici le 30 septembre 2024.",
        date(2024, 1, 15),
        True,
        date(2024, 9, 30),
        DatePrecision.DAY,
    ),
    (
        "Un nouvel appel à projets sera lancé au second semestre 2025.",
        date(2025, 2, 1),
        True,
        date(2025, 12, 31),
        DatePrecision.SEMESTER,
    ),
    (
        "La ministre entend saisir le Conseil d'État d'un projet de décret au printemps.",
        date(2024, 1, 20),
        True,
        date(2024, 6, 20),
        DatePrecision.SEASON,
    ),
    (
        "Les premières maisons France services ouvriront leurs portes à la rentrée.",
        date(2019, 5, 1),
        True,
        date(2019, 9, 30),
        DatePrecision.MONTH,
    ),
    (
        "Un groupe de travail va être installé d'ici trois mois.",
        date(2022, 2, 10),
        True,
        date(2022, 5, 10),
        DatePrecision.MONTH,
    ),
    (
        "Ces crédits seront inscrits dans le prochain projet de loi de finances.",
        date(2021, 10, 5),
        True,
        date(2022, 12, 31),
        DatePrecision.YEAR,
    ),
    (
        "L'expérimentation sera généralisée à l'ensemble du territoire en 2027.",
        date(2025, 6, 1),
        True,
        date(2027, 12, 31),
        DatePrecision.YEAR,
    ),
    (
        "Les textes réglementaires nécessaires paraîtront au cours du troisième trimestre 2024.",
        date(2024, 2, 12),
        True,
        date(2024, 9, 30),
        DatePrecision.QUARTER,
    ),
    (
        "Une concertation avec les élus locaux sera engagée le moment venu.",
        date(2020, 11, 3),
        True,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le Gouvernement a l'intention de déposer un projet de loi sur ce sujet début 2026.",
        date(2025, 5, 1),
        True,
        date(2026, 3, 31),
        DatePrecision.QUARTER,
    ),
    (
        "Je réunirai les représentants de la profession dans un délai de quinze jours.",
        date(2018, 6, 1),
        True,
        date(2018, 6, 16),
        DatePrecision.DAY,
    ),
    (
        "Le nouveau schéma directeur devrait être arrêté d'ici l'été.",
        date(2016, 3, 8),
        True,
        date(2016, 9, 22),
        DatePrecision.SEASON,
    ),
    (
        "Une circulaire précisera prochainement les modalités de mise en œuvre de cette mesure.",
        date(2010, 9, 9),
        True,
        date(2010, 12, 9),
        DatePrecision.VAGUE,
    ),
    (
        "Votre proposition sera examinée avec la plus grande attention.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Une évolution de la réglementation pourrait, le cas échéant, être envisagée.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Il n'est pas envisagé de modifier ce dispositif.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le décret n° 2021-123 a été publié au Journal officiel le 4 février 2021.",
        date(2021, 6, 1),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le Gouvernement reste pleinement mobilisé sur ce sujet.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Cette question fait actuellement l'objet d'une réflexion interministérielle.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le Gouvernement veillera à ce que les intérêts des agriculteurs soient préservés.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le projet de loi de finances pour 2024 ne prévoit pas de mesure nouvelle en la matière.",
        date(2023, 11, 2),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Une telle mesure serait contraire au principe d'égalité devant les charges publiques.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le dispositif est prévu par l'article L. 123-4 du code de l'urbanisme.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Ce nouveau régime permettra de simplifier les démarches des usagers.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "En 2023, 1 200 postes supplémentaires ont été ouverts au concours.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
    (
        "Le ministre ne manquera pas de tenir informé l'honorable parlementaire.",
        date(2024, 1, 5),
        False,
        None,
        DatePrecision.VAGUE,
    ),
)
MIN_HELD_OUT_ACCURACY = 0.85


def test_finder_generalises_to_held_out_sentences() -> None:
    right = 0
    misses: list[str] = []
    for sentence, answered, is_commitment, due, precision in HELD_OUT:
        found = suggest_commitments(sentence, answered)
        ok = bool(found) == is_commitment
        if ok and found:
            ok = (found[0].due, found[0].precision) == (due, precision)
        right += ok
        if not ok:
            misses.append(f"{sentence!r}: {found}")
    accuracy = right / len(HELD_OUT)
    print(
        f"\nheld-out sentences right: {right}/{len(HELD_OUT)}" + "".join("\n  " + m for m in misses)
    )
    assert accuracy >= MIN_HELD_OUT_ACCURACY, misses
