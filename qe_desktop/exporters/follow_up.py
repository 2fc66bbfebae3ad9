"""The draft of a follow-up written question about a commitment, in parliamentary style.

  M. Fabien Genet rappelle à Mme la ministre déléguée … les termes de sa question
  écrite n° 03038 publiée au Journal officiel du Sénat du 30/01/2025 (p. 246), et la
  réponse publiée le 17/04/2025 (p. 1912), dans laquelle le Gouvernement indiquait que
  « … ». Il lui demande de bien vouloir lui indiquer …

The minister addressed is the one the question was put to, as its text names them
("attire l'attention de Mme la ministre … sur"); without that, the ministry's label
is turned into a title ("Ministère de la culture" -> "M. le ministre de la culture").
What is asked depends on where the commitment stands: overdue, not yet due, broken…
The result is a draft: the assistant reads and edits it before it is tabled.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from qe_desktop.domain.annotation import (
    AnnotationRecord,
    CommitmentRecord,
    CommitmentStatus,
    DatePrecision,
)
from qe_desktop.domain.periods import Season, quarter_of, season_of, semester_of
from qe_desktop.domain.question import Chamber, QuestionRecord
from qe_desktop.exporters.atomic import write_atomically, write_text_atomically
from qe_desktop.exporters.citations import MONTHS, SEASON_NAMES, day_label

JOURNALS = {
    Chamber.SENAT: "Journal officiel du Sénat",
    Chamber.AN: "Journal officiel de l'Assemblée nationale",
}
_TITLES = (
    r"(?:Premier|première) ministre|ministre|secrétaire d'État|garde des [sS]ceaux"
    r"|haut-commissaire|haute-commissaire"
)
# "attire l'attention de Mme la ministre … sur", "interroge M. le ministre … au sujet de".
_ADDRESSEE = re.compile(
    r"(?P<who>(?:M\.|Monsieur) le|(?:Mme|Madame) la) (?P<title>" + _TITLES + r")(?P<rest>.*?)"
    r"(?=\s+(?:sur|au sujet|à propos|concernant|quant|s'agissant|en ce qui concerne"
    r"|relativement)\b|[.;?!]\s|\n|$)",
    re.DOTALL,
)
_ORDINALS = ("premier", "deuxième", "troisième", "quatrième")
_VOWELS = "aeiouyàâäéèêëîïôöùûüœh"


def display_name(name: str) -> str:
    """ "Fabien GENET" -> "Fabien Genet": the Sénat's capitals are not how a name is written."""

    def word(token: str) -> str:
        if not token.isupper() or len(token) < 2:
            return token
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), token.lower())

    return " ".join(word(token) for token in name.split())


def addressee(question: QuestionRecord) -> str:
    """The minister the question was put to, with civility: "Mme la ministre de la culture"."""
    head = question.question_text[:1200]
    match = _ADDRESSEE.search(head)
    if match:
        civility = "Mme la" if match.group("who").endswith("la") else "M. le"
        rest = " ".join(match.group("rest").split()).rstrip(" ,")
        return f"{civility} {match.group('title')}{' ' + rest if rest else ''}"
    ministry = question.ministry_asked or question.ministry_assigned or question.answer_ministry
    return minister_of(ministry or "")


def minister_of(ministry: str) -> str:
    """A ministry's label as the title of its minister (civility unknown: "M. le")."""
    label = " ".join(ministry.split())
    for prefix, title in (
        ("Ministère ", "M. le ministre "),
        ("Secrétariat d'État ", "M. le secrétaire d'État "),
        ("Secrétariat d'Etat ", "M. le secrétaire d'État "),
        ("Ministre ", "M. le ministre "),
    ):
        if label.lower().startswith(prefix.lower()):
            return title + label[len(prefix) :]
    if label.lower() == "premier ministre":
        return "M. le Premier ministre"
    if not label:
        return "M. le ministre"
    return f"M. le ministre ({label})"  # open-data short labels: "Intérieur"


def due_phrase(due: date | None, precision: DatePrecision) -> str | None:
    """The due date as a minister would say it: "juin 2025", "le premier semestre 2026"."""
    if due is None or precision is DatePrecision.VAGUE:
        return None
    if precision is DatePrecision.DAY:
        return f"le {due.day}{'er' if due.day == 1 else ''} {MONTHS[due.month - 1]} {due.year}"
    if precision is DatePrecision.MONTH:
        return f"{MONTHS[due.month - 1]} {due.year}"
    if precision is DatePrecision.QUARTER:
        return f"le {_ORDINALS[quarter_of(due) - 1]} trimestre {due.year}"
    if precision is DatePrecision.SEMESTER:
        return f"le {'premier' if semester_of(due) == 1 else 'second'} semestre {due.year}"
    if precision is DatePrecision.SEASON:
        season, year = season_of(due)
        name = SEASON_NAMES[season]
        return f"{'le ' if season is Season.SPRING else "l'"}{name} {year}"
    return str(due.year)


def _published(day: date | None, page: str | None) -> str:
    text = f"le {day_label(day)}" if day else ""
    return f"{text} (p. {page})" if page else text


def _quoted(quote: str) -> str:
    """ "que « … »", or ": « … »" when the quote opens a sentence."""
    text = " ".join(quote.split()).strip(' «»"')
    text = text.rstrip(" .")
    if text[:1].isupper():
        return f" : « {text} »"
    joiner = "qu'" if text[:1].lower() in _VOWELS and text[:1] else "que "
    return f" {joiner}« {text} »"


def _request(pronoun: str, commitment: CommitmentRecord | None, today: date) -> str:
    ask = f"{pronoun} lui demande de bien vouloir lui indiquer"
    if commitment is None:
        return f"{ask} l'état d'avancement de la mise en œuvre de cet engagement."
    when = due_phrase(commitment.due_date, commitment.precision)
    announced = f", annoncé pour {when}," if when else ""
    status = commitment.status
    if status in (CommitmentStatus.BROKEN, CommitmentStatus.ABANDONED):
        return (
            f"{ask} les raisons pour lesquelles cet engagement{announced} n'a pas été tenu, "
            "ainsi que les mesures que le Gouvernement entend prendre pour y remédier."
        )
    if status is CommitmentStatus.PARTLY_KEPT:
        which = f", annoncé pour {when} et" if when else ","
        return (
            f"{ask} dans quels délais cet engagement{which} qui n'a été que partiellement "
            "tenu, sera pleinement mis en œuvre."
        )
    if status in (CommitmentStatus.KEPT, CommitmentStatus.KEPT_LATE):
        return f"{ask} le bilan de la mise en œuvre de cet engagement{announced.rstrip(',')}."
    due = commitment.due_date
    if due is not None and due < today and commitment.precision is not DatePrecision.VAGUE:
        return (
            f"{ask} si cet engagement, dont l'échéance était annoncée pour {when}, a bien été "
            "tenu et, à défaut, de lui préciser les raisons de ce retard ainsi que le "
            "calendrier désormais retenu."
        )
    if when:
        return (
            f"{ask} l'état d'avancement de la mise en œuvre de cet engagement{announced} "
            "et de lui confirmer que ce calendrier sera respecté."
        )
    return (
        f"{ask} l'état d'avancement de cet engagement et le calendrier retenu pour sa mise en "
        "œuvre."
    )


def follow_up_text(question: QuestionRecord, annotation: AnnotationRecord, today: date) -> str:
    """The follow-up question about one commitment (an Engagement highlight)."""
    author = question.author
    name = display_name(author.name) or author.ref or "…"
    asker = f"{author.civility} {name}".strip()
    pronoun = "Elle" if author.civility.lower().startswith(("mme", "madame")) else "Il"
    number = f" n° {question.number}" if question.number else ""
    asked = f"sa question écrite{number}"
    if question.published_on is not None:
        asked += f" publiée au {JOURNALS[question.chamber]} du {day_label(question.published_on)}"
        if question.question_page:
            asked += f" (p. {question.question_page})"
    answer = ""
    if question.answered_on is not None or question.answer_text:
        published = _published(question.answered_on, question.answer_page)
        answer = f", et la réponse publiée {published}" if published else ", et la réponse"
    quote = _quoted(annotation.selector.exact)
    said = f", dans laquelle le Gouvernement indiquait{quote}." if answer else f"{quote}."
    minister = addressee(question)
    minister += "," if "," in minister else ""  # "…, chargée du numérique, les termes"
    first = f"{asker} rappelle à {minister} les termes de {asked}{answer}{said}"
    return f"{first} {_request(pronoun, annotation.commitment, today)}"


def write_follow_up(text: str, path: Path) -> None:
    """Save a draft as a Word document (.docx) or as plain UTF-8 text (any other name)."""
    target = Path(path)
    if target.suffix.lower() == ".docx":

        def write(temporary: Path) -> None:
            from docx import Document  # python-docx: a slow import, only when writing

            document = Document()
            for paragraph in text.split("\n"):
                document.add_paragraph(paragraph)
            document.save(str(temporary))

        write_atomically(target, write)
        return
    write_text_atomically(target, text if text.endswith("\n") else text + "\n")
