"""French deadline phrases -> due date and precision (DESIGN §3, commitments).

A minister's answer says *when* in words: "d'ici juin 2025", "au printemps 2003",
"dans les prochains mois". This module finds those phrases and turns each into the
last day that still keeps the promise, with the precision of the phrase.

Conventions (one place, so that labels, UI and exports agree):
- a month, quarter, semester or year means its last day ("d'ici juin 2025" -> 30 June);
  "avant juin 2025" / "avant 2030" means the end of the period before (31 May, 2029);
- seasons end on fixed days: printemps 20 June, été 22 September, automne 20 December,
  hiver 20 March of the following year ("hiver 2025" -> 2026-03-20), precision SEASON;
- "début 2026" -> 31 March (QUARTER), "mi-2026" -> 30 June (SEMESTER), "fin 2025" -> 31 Dec
  (YEAR); "début/mi juin" -> the 15th, "fin juin" -> the 30th (MONTH);
- "première quinzaine de septembre" -> the 15th, "seconde quinzaine" -> month end (MONTH);
- "la rentrée" -> 30 September (MONTH), "avant la rentrée" -> 31 August; "avant l'été" ->
  the eve of the season (20 June); "le prochain budget" -> end of next year (YEAR);
- relative spans ("d'ici trois mois", "sous quinze jours") are added to the reference date,
  precision DAY for days/weeks, MONTH for months, YEAR for years;
- "la semaine prochaine" is the Sunday ending next week (day); "au début / à la fin de
  l'année prochaine", "au second semestre de l'année prochaine" are periods of the year
  after the answer;
- vague horizons get an indicative date, precision VAGUE: "prochainement" and the like
  +3 months, "dans les tout prochains jours" / "dans quelques jours" +1 month,
  "dans les prochaines semaines" +2 months, "dans les prochains mois" +6 months,
  "dans les prochaines années" +3 years; events without a date ("à l'occasion du salon
  Vivatech", "le moment venu") have no date (None, VAGUE);
- a phrase without a year is the next occurrence on or after the reference date;
- a date before the reference is history, not a deadline: `resolve_due_date` ignores it;
- spoken days and spans ("dès demain", "vendredi", "d'ici mi-novembre", "dans les deux ou
  trois semaines") are read by `date_spoken`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.date_clauses import Outlook, outlook_at
from qe_desktop.domain.date_phrases import (
    EVENT,
    NOT_A_DEADLINE,
    PATTERNS,
    TRIGGER,
    VAGUE_HORIZONS,
    add_months,
)
from qe_desktop.domain.date_spoken import SPOKEN_PATTERNS
from qe_desktop.domain.folding import fold

__all__ = [
    "DueDate",
    "add_months",
    "find_due_dates",
    "fold",
    "is_past",
    "pick_due_date",
    "resolve_due_date",
]


@dataclass(frozen=True, slots=True)
class DueDate:
    """One deadline phrase found in a text; start/end index the text that was searched."""

    due: date | None
    precision: DatePrecision
    phrase: str
    start: int
    end: int
    event: bool = False  # "le moment venu", "à l'occasion du salon": no date to compute

    @property
    def is_vague(self) -> bool:
        """Whether the phrase gives no usable date ("dans les meilleurs délais")."""
        return self.precision is DatePrecision.VAGUE


def find_due_dates(text: str, reference: date | None) -> list[DueDate]:
    """Every deadline phrase in `text`, past ones included, in text order.

    Relative phrases need `reference` (the answer's publication date); without it
    their `due` is None.
    """
    folded = fold(text)
    found: list[DueDate] = []
    for pattern, handler, needs_trigger in (*PATTERNS, *SPOKEN_PATTERNS):
        for m in pattern.finditer(folded):
            head = folded[max(0, m.start() - 48) : m.start()]
            if NOT_A_DEADLINE.search(head):
                continue
            trig = TRIGGER.search(head)
            trigger = trig.group("t") if trig else ""
            if needs_trigger and not trigger:
                continue
            resolved = handler(m, trigger, reference)
            if resolved is None:
                continue
            start = m.start() - (len(head) - trig.start()) if trig else m.start()
            found.append(_make(text, start, m.end(), *resolved))
    for vague, months in VAGUE_HORIZONS:
        for m in vague.finditer(folded):
            due = None if reference is None else add_months(reference, months)
            found.append(_make(text, m.start(), m.end(), due, DatePrecision.VAGUE))
    for m in EVENT.finditer(folded):
        found.append(_make(text, m.start(), m.end(), None, DatePrecision.VAGUE, event=True))
    return _without_overlaps(found)


def _make(
    text: str, start: int, end: int, due: date | None, precision: DatePrecision, event: bool = False
) -> DueDate:
    while end > start and text[end - 1] == " ":
        end -= 1
    return DueDate(due, precision, text[start:end], start, end, event)


def _without_overlaps(found: list[DueDate]) -> list[DueDate]:
    kept: list[DueDate] = []
    for item in sorted(found, key=lambda d: (-(d.end - d.start), d.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda d: d.start)


def is_past(item: DueDate, reference: date | None) -> bool:
    """Whether the due date fell before the reference day (never, without either)."""
    return reference is not None and item.due is not None and item.due < reference


def pick_due_date(candidates: list[DueDate], text: str | None = None) -> DueDate | None:
    """The deadline to record: the earliest precise one, else the earliest vague one.

    With the sentence `text` the candidates are `text`'s phrases: one in a clause that
    only looks back, a compound past ("ont augmenté en 2023 – crédits qui seront reconduits
    en 2024"), loses to the others; one in an imperfect ("ils les attendaient dès
    octobre") is background, never a deadline. "jusqu'en 2010" (how long a measure lasts)
    comes after every other deadline.
    """
    if text is not None and candidates:
        seen = {d: outlook_at(text, d.start) for d in candidates}
        candidates = [d for d in candidates if seen[d] is not Outlook.IMPERFECT]
        candidates = [d for d in candidates if seen[d] is not Outlook.PAST] or candidates
    ends = [d for d in candidates if not fold(d.phrase).startswith("jusqu")] or candidates
    precise = [d for d in ends if not d.is_vague and d.due is not None]
    if precise:
        return min(precise, key=lambda d: (d.due or date.max, d.start))
    dated = [d for d in ends if d.due is not None]
    if dated:
        return min(dated, key=lambda d: (d.due or date.max, d.start))
    return ends[0] if ends else None


def resolve_due_date(phrase_or_sentence: str, reference: date) -> DueDate | None:
    """The due date promised by a phrase or a sentence, relative to `reference`.

    Deadlines already past on `reference` are ignored; None when nothing is left.
    """
    upcoming = [
        d for d in find_due_dates(phrase_or_sentence, reference) if not is_past(d, reference)
    ]
    return pick_due_date(upcoming, phrase_or_sentence)
