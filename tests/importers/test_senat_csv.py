"""The Sénat's CSV: real header, Latin-1, columns by name, broken rows reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qe_desktop.domain.question import ClosingKind, QuestionRecord
from qe_desktop.importers.dispatch import detect_format, iter_records
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.senat_csv import iter_senat_csv
from qe_desktop.importers.sources import SkippedEntry, SourceItem
from qe_desktop.services.container import Services

DATA = Path(__file__).resolve().parent.parent / "data" / "veille"
CSV = DATA / "questions-depuis-un-an.csv"
BROKEN = DATA / "questions-broken-rows.csv"


def records(path: Path) -> list[QuestionRecord | ImportFailure]:
    return list(iter_senat_csv(path.read_bytes(), path.name))


def test_the_file_is_latin1_with_the_real_header() -> None:
    data = CSV.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("cp1252").startswith("Sort;Nature;Numéro;Référence;Titre;")


def test_rows_become_records() -> None:
    parsed = records(CSV)
    assert all(isinstance(r, QuestionRecord) for r in parsed)
    genet = parsed[0]
    assert isinstance(genet, QuestionRecord)
    assert genet.key == "senat-17-03038"
    assert genet.uid == "qSEQ250103038"
    assert genet.author.name == "Fabien GENET" and genet.author.civility == "M."
    assert genet.author.constituency == "Saône-et-Loire"
    assert genet.published_on == date(2025, 1, 30) and genet.answered_on == date(2025, 4, 17)
    assert genet.url == "https://www.senat.fr/questions/base/2025/qSEQ250103038.html"
    assert genet.question_text == ""  # texts come from the page
    masson = parsed[1]
    assert isinstance(masson, QuestionRecord)
    assert masson.assigned_on == date(2025, 5, 20) and masson.answered_on is None
    lapsed = parsed[3]
    assert isinstance(lapsed, QuestionRecord) and lapsed.closing is not None
    assert lapsed.closing.kind is ClosingKind.LAPSED
    assert lapsed.author.name == "Hélène DUPRÉ"


def test_broken_rows_are_reported_and_the_rest_imported() -> None:
    parsed = records(BROKEN)
    notes = [r for r in parsed if isinstance(r, SkippedEntry)]
    failures = [r for r in parsed if isinstance(r, ImportFailure) and r not in notes]
    good = [r for r in parsed if isinstance(r, QuestionRecord)]
    assert [n.reason for n in notes] == ["colonne(s) inconnue(s) ignorée(s) : Colonne mystère"]
    assert [(f.source, f.reason) for f in failures] == [
        ("questions-broken-rows.csv (ligne 4)", "numéro de question absent"),
        (
            "questions-broken-rows.csv (ligne 5)",
            "date de publication illisible : « 32/13/2025 »",
        ),
        ("questions-broken-rows.csv (ligne 6)", "24 champs au lieu de 22 (ligne coupée ?)"),
    ]
    assert [r.key for r in good] == ["senat-17-03038", "senat-17-04688", "senat-17-02011"]


def test_columns_by_name_missing_ones_tolerated() -> None:
    data = "URL Question;Numéro;Nom;Date de publication JO\r\n;42;Dupont;2025-03-01\r\n"
    parsed = list(iter_senat_csv(data.encode("cp1252"), "court.csv"))
    assert len(parsed) == 1 and isinstance(parsed[0], QuestionRecord)
    assert parsed[0].number == "00042" and parsed[0].author.name == "DUPONT"


def test_required_columns() -> None:
    with pytest.raises(ImportFailure, match="colonne\\(s\\) manquante\\(s\\) : Numéro"):
        list(iter_senat_csv(b"Titre;Date de publication JO\r\nx;2025-01-01\r\n", "x.csv"))


def test_dispatch_knows_the_csv() -> None:
    assert detect_format(SourceItem("questions-depuis-un-an.csv", CSV.read_bytes())) == (
        "senat_csv"
    )
    assert detect_format(SourceItem("autre.csv", b"a,b,c\n1,2,3\n")) is None
    assert sum(isinstance(r, QuestionRecord) for r in iter_records([CSV])) == 4


def test_offline_import_then_page_fills_the_texts(services: Services) -> None:
    report = services.importing.import_paths([BROKEN])
    assert (report.imported, report.failed) == (3, 3)
    assert report.skipped and "Colonne mystère" in report.skipped[0].reason
    page = (DATA / "genet-2025-ia-services-publics.txt").read_bytes()
    url = "https://www.senat.fr/questions/base/2025/qSEQ250103038.html"
    again = services.importing.import_items([SourceItem(url, page)])
    assert (again.imported, again.updated) == (0, 1)
    detail = services.questions.detail("senat-17-03038")
    assert detail.record.question_text.startswith("M. Fabien GENET attire l'attention")
    assert detail.record.answer_text and detail.record.title
