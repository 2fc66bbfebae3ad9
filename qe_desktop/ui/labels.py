"""Words the window shows for domain values (status, chamber), translated in one place.

The list, the filters and the reader's header all name a status the same way, so
the translation is written once (context "Labels") and every widget asks here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from qe_desktop.domain.status import Status

_STATUSES: dict[Status, tuple[str, object]] = {  # colour, words: one row a status
    Status.ANSWERED: ("#2a9d8f", QT_TRANSLATE_NOOP("Labels", "answered")),
    Status.PENDING: ("#457b9d", QT_TRANSLATE_NOOP("Labels", "pending")),
    Status.OVERDUE: ("#d62828", QT_TRANSLATE_NOOP("Labels", "overdue")),
    Status.WITHDRAWN: ("#6c757d", QT_TRANSLATE_NOOP("Labels", "withdrawn")),
    Status.LAPSED: ("#8d99ae", QT_TRANSLATE_NOOP("Labels", "lapsed")),
}
STATUS_COLORS: dict[Status, str] = {status: colour for status, (colour, _) in _STATUSES.items()}

_CHAMBER_SHORT = {
    "an": str(QT_TRANSLATE_NOOP("Labels", "AN")),
    "senat": str(QT_TRANSLATE_NOOP("Labels", "Senate")),
}

_CHAMBER_LONG = {
    "an": str(QT_TRANSLATE_NOOP("Labels", "National Assembly")),
    "senat": str(QT_TRANSLATE_NOOP("Labels", "Senate")),
}


def status_label(status: Status) -> str:
    return QCoreApplication.translate("Labels", str(_STATUSES[status][1]))


def chamber_label(chamber: str, *, short: bool = True) -> str:
    table = _CHAMBER_SHORT if short else _CHAMBER_LONG
    text = table.get(chamber)
    return QCoreApplication.translate("Labels", text) if text else chamber


def legislature_label(legislature: int) -> str:
    return QCoreApplication.translate("Labels", "%1th legislature").replace("%1", str(legislature))


def count_text(count: int) -> str:
    """A count as the user's language writes it: "12 345" in French (a narrow no-break
    space between thousands, as Qt's French locale puts it), "12,345" in English. The
    numerus strings say the same with `%Ln`."""
    return QLocale().toString(count)
