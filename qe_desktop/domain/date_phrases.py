"""The grammar of French deadline phrases: patterns and how each resolves to a date.

`due_dates` runs these patterns and documents the conventions they implement. Patterns
work on folded text (lower case, no accents, same length as the original).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from qe_desktop.domain.annotation import DatePrecision
from qe_desktop.domain.periods import SEASON_END, SEASON_EVE, Season
from qe_desktop.domain.periods import add_months as add_months  # re-exported for due_dates
from qe_desktop.domain.periods import month_end as _month_end

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            *("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout"),
            *("septembre", "octobre", "novembre", "decembre"),
        ),
        start=1,
    )
}
NUMBER_WORDS = dict(
    (
        *(("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5)),
        *(("six", 6), ("sept", 7), ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11)),
        *(("douze", 12), ("treize", 13), ("quatorze", 14), ("quinze", 15), ("seize", 16)),
        *(("dix-huit", 18), ("vingt", 20), ("trente", 30), ("quarante-cinq", 45)),
        ("soixante", 60),
    )
)
_ORDINALS = dict(
    (
        *(("premier", 1), ("1er", 1), ("deuxieme", 2), ("second", 2), ("2e", 2), ("2nd", 2)),
        *(("troisieme", 3), ("3e", 3), ("quatrieme", 4), ("4e", 4)),
    )
)

_M = "(?P<month>" + "|".join(MONTHS) + r")\b(?! dernier)"
_Y = r"(?P<year>(?:1[89]|2[01])\d\d)(?![\w/]|[.,]\d|-\d)"
_ACADEMIC_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?:-(?:\d{4}|\d{2}))?(?![\w/]|[.,]\d)"
_N = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_B = r"(?<![\w-])"  # a word starts here (after a space, a quote or an elided "l'", "d'")
_ARTICLE_YEAR = r"(?:(?:l'annee|l'an|annee) )?"

# Words in front of a date that make it a deadline ("d'ici", "avant", "en", "dès"...).
_OF = r"(?: d[eu]| d')?(?: mois d[e'])?"  # "de", "du", "du mois de"
_TRIGGER_WORDS = (
    r"d'ici(?: a)?(?: la fin)?" + _OF + r"(?: le| au| la| l')?",
    r"jusqu'(?:en|au|a(?: la fin)?" + _OF + r"(?: la| l')?)",
    r"avant(?: la fin)?" + _OF + r"(?: le| la| l')?",
    r"au plus tard(?: en| fin| le| au)?",
    r"en(?: fin d[e'])?",
    r"des(?: le| la)?(?: mois d[e'])?",
    r"(?:dans le )?courant" + _OF,
    r"au cours" + _OF,
    r"pour(?: le| la)?",
    r"a compter" + _OF,
    r"a partir" + _OF,
    r"(?:au |a la |en )?(?:debut|fin)" + _OF,
    r"(?:a la )?mi-",
    r"au mois d[e']",
    r"durant|pendant",
    r"a l'horizon(?: d[e'])?|a horizon",
    r"a la date du|le|au|cet|cette|a l'|d'|l'",
)
# Words in front of a date that make it a deadline ("d'ici", "avant", "en", "dès"...).
TRIGGER = re.compile(_B + "(?P<t>" + "|".join(_TRIGGER_WORDS) + r")\s*$")
# "depuis la rentrée", "après le 25 mai": a starting point, not a deadline ("jusqu'en
# 2010", how long a measure lasts, is read as its end; `pick_due_date` ranks it last).
NOT_A_DEADLINE = re.compile(_B + r"(?:depuis|apres)(?: la| le| l'| les)?\s*$")
# Events without a date of their own, then vague horizons in months.
EVENT = re.compile(
    _B + r"(?:a l'occasion (?:du|de la|de l'|des|d')\s*[^,.;:()]{1,40}"
    r"|le moment venu|au terme de (?:cette|ces|la|cet|ce|leur|sa|son|ses) \w+"
    r"|a l'issue (?:de (?:cette|ces|la|cet|ce|leur|sa|son|ses)|du|des) \w+)"
)
VAGUE_HORIZONS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            _B + r"(?:(?:dans|sous|d'ici) (?:les (?:tout )?prochains jours|quelques jours"
            r"|les jours (?:a venir|qui viennent)))"
        ),
        1,
    ),
    (
        re.compile(
            _B + r"(?:(?:tres )?prochainement|sous peu|incessamment|a (?:tres )?breve echeance"
            r"|a court terme|dans les (?:meilleurs|plus brefs) delais|au plus vite|bientot"
            r"|dans (?:un|des) delais? (?:tres )?(?:rapproches?|brefs?))\b"
        ),
        3,
    ),
    (
        re.compile(
            _B + r"(?:dans|au cours de|d'ici) (?:les|des|quelques) (?:toutes )?(?:prochaines "
            r"semaines|semaines (?:a venir|qui viennent))|(?:dans|d'ici) quelques semaines"
        ),
        2,
    ),
    (
        re.compile(
            _B + r"(?:dans|au cours de|d'ici) (?:les|des) (?:tout )?(?:prochains mois|mois "
            r"(?:a venir|qui viennent))|(?:dans|d'ici) quelques mois"
        ),
        6,
    ),
    (
        re.compile(
            _B + r"(?:(?:dans|au cours de|pour|d'ici) (?:les|des) (?:prochaines annees|annees"
            r" (?:a venir|qui viennent|suivantes))|a moyen terme)"
        ),
        36,
    ),
)

# "… de l'année prochaine" after a semester or a quarter (closes the optional year group).
_NEXT_YEAR = r"|(?P<nextyear> (?:de )?l'annee prochaine| (?:de )?l'an prochain))?"
_PERIOD_LEAD = (
    _B + r"(?:(?:au|le|du|d'ici le|avant le|d'ici la fin du|avant la fin du|des le|au cours du"
    r"|durant le|pendant le|pour le|dans le courant du) )?"
)

Resolved = tuple[date | None, DatePrecision]
Handler = Callable[[re.Match[str], str, date | None], Resolved | None]


def _year_or_next(
    m: re.Match[str], reference: date | None, end_of: Callable[[int], date]
) -> date | None:
    """The period end for the year in the phrase, else the next one not before reference."""
    if m.groupdict().get("year"):
        return end_of(int(m.group("year")))
    if reference is None:
        return None
    candidate = end_of(reference.year)
    return candidate if candidate >= reference else end_of(reference.year + 1)


def _mode(trigger: str) -> str:
    if trigger.startswith("avant") and "fin" not in trigger:
        return "before"
    for word in ("debut", "mi-", "fin"):
        if word in trigger:
            return word
    return "by"


def _day(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    month = MONTHS[m.group("month")]
    day = 1 if m.group("day") in ("1er", "premier") else int(m.group("day"))
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: leap, 29 February ok
        return None

    def end_of(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    return _year_or_next(m, reference, end_of), DatePrecision.DAY


def _month(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    month = MONTHS[m.group("month")]
    mode = _mode(trigger)

    def end_of(year: int) -> date:
        if mode == "before":
            return date(year, month, 1) - timedelta(days=1)
        if mode in ("debut", "mi-"):
            return date(year, month, 15)
        return _month_end(year, month)

    return _year_or_next(m, reference, end_of), DatePrecision.MONTH


def _year(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    year = int(m.group("year"))
    mode = _mode(trigger)
    if mode == "before":
        return date(year - 1, 12, 31), DatePrecision.YEAR
    return _part_of_year(year, mode)


def _part_of_year(year: int, mode: str) -> Resolved:
    if mode == "debut":
        return date(year, 3, 31), DatePrecision.QUARTER
    if mode == "mi-":
        return date(year, 6, 30), DatePrecision.SEMESTER
    return date(year, 12, 31), DatePrecision.YEAR


def _part_of_named_year(m: re.Match[str], trigger: str, reference: date | None) -> Resolved:
    part = m.group("part")
    mode = "mi-" if part.startswith("mi") else part
    if m.group("year"):
        return _part_of_year(int(m.group("year")), mode)
    if reference is None:
        return None, _part_of_year(2000, mode)[1]
    return _part_of_year(reference.year, mode)


def _quinzaine(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    month = MONTHS[m.group("month")]
    first = m.group("which") in ("premiere", "1re", "1ere")

    def end_of(year: int) -> date:
        return date(year, month, 15) if first else _month_end(year, month)

    return _year_or_next(m, reference, end_of), DatePrecision.MONTH


def _next_year_or(
    m: re.Match[str], reference: date | None, end_of: Callable[[int], date]
) -> date | None:
    """Reads "… de l'année prochaine": the period in the year after the reference."""
    if m.groupdict().get("nextyear"):
        return None if reference is None else end_of(reference.year + 1)
    return _year_or_next(m, reference, end_of)


def _semester(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    half = 1 if m.group("ord") in ("premier", "1er") else 2
    return (
        _next_year_or(m, reference, lambda y: _month_end(y, 6 * half)),
        DatePrecision.SEMESTER,
    )


def _quarter(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    quarter = int(m.group("q")) if m.groupdict().get("q") else _ORDINALS.get(m.group("ord"), 4)
    return (
        _next_year_or(m, reference, lambda y: _month_end(y, 3 * quarter)),
        DatePrecision.QUARTER,
    )


def _part_of_next_year(m: re.Match[str], trigger: str, reference: date | None) -> Resolved:
    """Reads "au début de l'année prochaine", "fin de l'an prochain" ("mi-2027" is elsewhere)."""
    part = m.group("part")
    mode = "mi-" if part.startswith(("mi", "milieu")) else part
    if reference is None:
        return None, _part_of_year(2000, mode)[1]
    return _part_of_year(reference.year + 1, mode)


def _next_week(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    """Reads "la semaine prochaine": the Sunday ending next week."""
    if reference is None:
        return None, DatePrecision.DAY
    return reference + timedelta(days=13 - reference.weekday()), DatePrecision.DAY


def _season(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    if not trigger and not m.group("year") and not m.group("next"):
        return None  # "été" alone is usually the participle of "être"
    season = m.group("season")
    before = _mode(trigger) == "before"  # "avant l'été": the eve of the season
    month, day = (SEASON_EVE if before else SEASON_END)[Season(season)]
    shift = 1 if season == "hiver" and not before else 0
    if m.group("year"):
        return date(int(m.group("year")) + shift, month, day), DatePrecision.SEASON
    if reference is None:
        return None, DatePrecision.SEASON
    candidate = date(reference.year, month, day)
    if candidate < reference:
        candidate = date(reference.year + 1, month, day)
    return candidate, DatePrecision.SEASON


def _rentree(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    before = m.group(0).startswith("avant") or _mode(trigger) == "before"
    month, day = (8, 31) if before else (9, 30)
    return _year_or_next(m, reference, lambda y: date(y, month, day)), DatePrecision.MONTH


def _relative(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    raw = m.group("n")
    count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("unit")
    if unit.startswith("jour"):
        precision, offset = DatePrecision.DAY, timedelta(days=count)
    elif unit.startswith("semaine"):
        precision, offset = DatePrecision.DAY, timedelta(weeks=count)
    elif unit == "mois":
        precision, offset = DatePrecision.MONTH, timedelta(0)
    else:
        precision, offset = DatePrecision.YEAR, timedelta(0)
    if reference is None:
        return None, precision
    if unit == "mois":
        return add_months(reference, count), precision
    if precision is DatePrecision.YEAR:
        return add_months(reference, 12 * count), precision
    return reference + offset, precision


def _this_year(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    shift = 1 if "prochain" in m.group(0) else 0
    due = None if reference is None else date(reference.year + shift, 12, 31)
    return due, DatePrecision.YEAR


def _this_month(m: re.Match[str], trigger: str, reference: date | None) -> Resolved | None:
    if reference is None:
        return None, DatePrecision.MONTH
    shift = 1 if "prochain" in m.group(0) else 0
    first = add_months(reference.replace(day=1), shift)
    return _month_end(first.year, first.month), DatePrecision.MONTH


# (pattern, handler, needs a trigger word in front). Longer matches win on overlap.
PATTERNS: tuple[tuple[re.Pattern[str], Handler, bool], ...] = (
    (
        re.compile(
            _B + r"(?P<which>premiere|1re|1ere|seconde|deuxieme|2e|2de|derniere) quinzaine "
            r"(?:du mois de |du mois d'|de |d')" + _M + r"(?: " + _Y + ")?"
        ),
        _quinzaine,
        False,
    ),
    (re.compile(_B + r"(?P<day>1er|premier|\d{1,2}) " + _M + r"(?: " + _Y + ")?"), _day, True),
    (re.compile(_B + _M + r"(?: " + _Y + ")?"), _month, True),
    (re.compile(_B + _ARTICLE_YEAR + _Y), _year, True),
    (
        re.compile(
            _B + r"(?P<part>debut|mi-|mi |milieu|fin) ?(?:(?:de l'annee|d'annee|de l'an|de"
            r" cette annee|de l'annee en cours|de l'exercice|de) ?)?" + _Y
        ),
        _part_of_named_year,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:d'ici|avant|d'ici a|pour|des|a|en|au plus tard) (?:la )?)?"
            r"(?P<part>fin|debut|milieu) (?:de l'annee|d'annee|de cette annee|de l'annee en cours"
            r"|de l'exercice)(?: " + _Y + ")?"
        ),
        _part_of_named_year,
        False,
    ),
    (
        re.compile(
            _PERIOD_LEAD + r"(?P<ord>premier|1er|"
            r"second|deuxieme|2e|2nd) semestre(?: (?:de l'annee |de |d')?" + _Y + _NEXT_YEAR
        ),
        _semester,
        False,
    ),
    (
        re.compile(
            _PERIOD_LEAD + r"(?P<ord>premier|1er|deuxieme|second|2e|troisieme|3e|quatrieme|4e"
            r"|dernier) trimestre(?: (?:de l'annee |de |d')?" + _Y + _NEXT_YEAR
        ),
        _quarter,
        False,
    ),
    (re.compile(_B + r"t(?P<q>[1-4]) " + _Y), _quarter, False),
    (
        re.compile(
            _B + r"(?:(?:au|des le|d'ici le|avant le|pour le|en|a la|d'ici la|avant la|pour la|des"
            r" la) )?(?P<part>debut|milieu|fin|mi-) ?(?:de )?l'(?:annee prochaine|an prochain)"
        ),
        _part_of_next_year,
        False,
    ),
    (re.compile(_B + r"(?:(?:des|avant|d'ici|pour) )?la semaine prochaine"), _next_week, False),
    (
        re.compile(
            _B
            + r"(?P<season>printemps|ete|automne|hiver)\b(?! dernier)(?: "
            + _Y
            + r"|(?P<next> prochain))?"
        ),
        _season,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:a|des|pour|d'ici|avant|lors de|a compter de|a partir de) )?la rentree"
            r"(?: (?:scolaire|universitaire|parlementaire))?(?: (?:de |d')?"
            + _ACADEMIC_YEAR
            + r"| prochaine)?"
        ),
        _rentree,
        False,
    ),
    (
        re.compile(
            _B + r"(?:d'ici (?:a )?|dans un delai (?:maximum |maximal |de l'ordre )?(?:de |d')|"
            r"sous (?:un delai de )?|au plus tard dans |dans (?:les )?)"
            + _N
            + r" (?:prochain(?:e)?s )?(?P<unit>jours?|semaines?|mois|ans|annees?)\b"
        ),
        _relative,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:dans|lors d[eu]|au cours d[eu]|a l'occasion d[eu]|avec) )?(?:le |la )?"
            r"prochain(?:e)? (?:budget|loi de finances|projet de loi de finances|exercice"
            r"(?: budgetaire)?)|l'exercice prochain|l'annee prochaine|l'an prochain|(?:des |au "
            r"cours de |dans le courant de |courant )?cette annee|l'annee en cours"
        ),
        _this_year,
        False,
    ),
    (
        re.compile(
            _B + r"(?:(?:d'ici|avant) )?(?:la )?fin (?:du|de ce) mois(?! d)|le mois prochain"
            r"|au mois prochain"
        ),
        _this_month,
        False,
    ),
)
