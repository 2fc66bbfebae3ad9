"""What a tired user types or feeds the command line: a French message naming the file
or key and the reason, a non-zero exit code, and nothing half-written or silently wrong."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from tests.cli_support import run, run_main, sample_library
from tests.conftest import SAMPLES
from tests.exporters.library import SEED_KEY

QUOTE = "leur feuille de route"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_library(tmp_path_factory, "bad-input")


# -- export -o ----------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["export", "--format", "md"], ["annotations", "export"]])
def test_output_in_a_missing_folder_names_the_folder(
    command: list[str], library: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "absent" / "note.md"
    code, _, err = run(capsys, library, *command, "-o", str(target))
    assert code == 2
    assert f"le dossier {tmp_path / 'absent'} n'existe pas" in err
    assert "Traceback" not in err and "No such file" not in err


@pytest.mark.parametrize("command", [["export", "--format", "md"], ["annotations", "export"]])
def test_output_that_is_a_folder_or_empty(
    command: list[str], library: Path, tmp_path: Path, capsys
) -> None:
    code, _, err = run(capsys, library, *command, "-o", str(tmp_path))
    assert code == 2 and "c'est un dossier" in err
    code, _, err = run(capsys, library, *command, "-o", "")
    assert code == 2 and "-o : chemin vide" in err
    assert list(tmp_path.iterdir()) == []


def test_extension_and_format_that_disagree_write_nothing(
    library: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "note.md"
    code, _, err = run(capsys, library, "export", "--format", "csv", "-o", str(target))
    assert code == 2 and "note.md" in err and "csv" in err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_and_said_so(library: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "note.md"
    target.write_text("ancienne note", encoding="utf-8")
    code, out, _ = run(capsys, library, "export", "-o", str(target), "--question", SEED_KEY)
    assert code == 0 and "a été remplacé" in out
    assert "ancienne note" not in target.read_text(encoding="utf-8")


def test_a_refused_write_says_why_in_french_and_keeps_the_old_file(
    library: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qe_desktop.exporters import markdown

    def refused(path: Path, text: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(markdown, "write_text_atomically", refused)
    target = tmp_path / "note.md"
    target.write_text("ancienne note", encoding="utf-8")
    code, _, err = run(capsys, library, "export", "-o", str(target), "--question", SEED_KEY)
    assert code == 1
    assert f"Impossible d'écrire {target} : accès refusé" in err
    assert "Permission denied" not in err
    assert target.read_text(encoding="utf-8") == "ancienne note"


def test_annotations_export_of_an_unknown_question_writes_nothing(
    library: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "a.jsonld"
    code, _, err = run(capsys, library, "annotations", "export", "-o", str(target),
                       "--question", "nope")  # fmt: skip
    assert code == 2 and "« nope »" in err
    assert not target.exists()


# -- annotations import -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "fichier vide"),
        (b"\n  \n", "fichier vide"),
        (
            b"<!DOCTYPE html><html><body>Annotations</body></html>",
            "ce n'est pas un fichier d'annotations JSON-LD (page HTML ou XML ?)",
        ),
        (
            b'{"type": "Annotation"',
            "JSON invalide ou tronqué (ligne 1, colonne 22) : virgule attendue entre deux éléments",
        ),
        (b"\n\n  nope", "JSON invalide ou tronqué (ligne 3, colonne 3) : valeur attendue"),
    ],
)
def test_annotation_files_that_are_not_json_ld(
    content: bytes, reason: str, library: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "collegue.json"
    bad.write_bytes(content)
    code, _, err = run(capsys, library, "annotations", "import", str(bad))
    assert code == 1
    assert "collegue.json : " in err and reason in err
    assert "Expecting" not in err


def test_a_missing_annotation_file_is_named_in_french(
    library: Path, tmp_path: Path, capsys
) -> None:
    code, _, err = run(capsys, library, "annotations", "import", str(tmp_path / "absent.json"))
    assert code == 1 and "absent.json : illisible : fichier ou dossier introuvable" in err
    assert "No such file" not in err


def test_a_quote_not_where_its_offsets_say_becomes_an_orphan(
    tmp_path: Path, library: Path, capsys
) -> None:
    """Same text hash, but the quote is not at its offsets (a hand-edited or foreign
    file): it must not be shown as anchored on another passage."""
    db = tmp_path / "copie.sqlite"
    db.write_bytes(library.read_bytes())
    assert run(capsys, db, "annotate", SEED_KEY, "--quote", QUOTE)[0] == 0
    shared = tmp_path / "partage.jsonld"
    assert run(capsys, db, "annotations", "export", "-o", str(shared))[0] == 0
    document = json.loads(shared.read_text(encoding="utf-8"))
    item = document["first"]["items"][0]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    for selector in item["target"]["selector"]:
        if selector["type"] == "TextQuoteSelector":
            selector.update(exact="un passage qui n'existe pas", prefix="", suffix="")
    shared.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run(capsys, db, "annotations", "import", str(shared))
    assert code == 0 and "1 ajoutée(s)" in out
    _, out, _ = run(capsys, db, "annotations", "list", "--json")
    placed = {a["id"]: a for a in json.loads(out)}
    imported = next(a for i, a in placed.items() if i.startswith("00000000"))
    assert imported["anchor_state"] == "orphan"


# -- --db -----------------------------------------------------------------------------------
def test_a_mistyped_library_path_is_not_created_by_a_reading_command(
    tmp_path: Path, capsys
) -> None:
    missing = tmp_path / "absent" / "bibliotheque.sqlit"
    for command in (["list"], ["stats"], ["search", "impôt"], ["show", SEED_KEY],
                    ["export", "-o", str(tmp_path / "n.md")]):  # fmt: skip
        code, out, err = run_main(capsys, "--db", str(missing), *command)
        assert code == 2, command
        assert f"bibliothèque introuvable : {missing}" in err and out == ""
    assert list(tmp_path.iterdir()) == []


def test_import_still_creates_a_new_library(tmp_path: Path, capsys) -> None:
    new = tmp_path / "nouvelle" / "bibliotheque.sqlite"
    code, out, _ = run_main(capsys, "--db", str(new), "import", str(SAMPLES))
    assert code == 0 and "importée(s)" in out and new.is_file()


@pytest.mark.parametrize(
    ("db", "said"),
    [
        ("", "--db : chemin vide"),
        ("mysql://serveur/base", "« mysql » n'est pas pris en charge"),
    ],
)
def test_empty_or_unsupported_db(db: str, said: str, capsys) -> None:
    for command in (["list"], ["stats"]):  # the light path and the full one
        code, _, err = run_main(capsys, "--db", db, *command)
        assert code == 2 and said in err
        assert "Traceback" not in err


def test_a_folder_or_a_text_file_as_library(tmp_path: Path, capsys) -> None:
    code, _, err = run_main(capsys, "--db", str(tmp_path), "list")
    assert code == 2 and "est un dossier" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("mes notes\n", encoding="utf-8")
    code, _, err = run_main(capsys, "--db", str(notes), "import", str(SAMPLES))
    assert code == 2 and "n'est pas une bibliothèque qe-desktop" in err
    assert notes.read_text(encoding="utf-8") == "mes notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_library_held_by_another_program_says_so_and_changes_nothing(
    tmp_path: Path, library: Path, capsys
) -> None:
    import sqlite3

    from qe_desktop.storage import engine

    db = tmp_path / "occupee.sqlite"
    db.write_bytes(library.read_bytes())
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(engine, "BUSY_TIMEOUT_MS", 50)  # not the real wait
            code, _, err = run(capsys, db, "annotate", SEED_KEY, "--quote", QUOTE)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert f"La bibliothèque {db} est occupée par un autre programme" in err
    assert "Traceback" not in err and "OperationalError" not in err
    assert run(capsys, db, "annotations", "list", "--json")[1].strip() == "[]"


# -- dates, searches, limits ----------------------------------------------------------------
@pytest.mark.parametrize("typed", ["1/2/2025", "01.02.2025", "1er février 2025", "2025-02-01"])
def test_a_due_date_typed_the_french_way(typed: str, tmp_path: Path, library: Path, capsys) -> None:
    db = tmp_path / "dates.sqlite"
    db.write_bytes(library.read_bytes())
    code, out, _ = run(capsys, db, "annotate", SEED_KEY, "--quote", QUOTE,
                       "--category", "Engagement", "--json")  # fmt: skip
    assert code == 0
    commitment = json.loads(out)["id"]
    code, out, err = run(capsys, db, "commitments", "due", commitment, typed)
    assert code == 0, err
    assert "échéance 2025-02-01" in out


@pytest.mark.parametrize("typed", ["31/02/2025", "demain", "1er févr"])
def test_a_date_that_is_none_says_what_is_expected(typed: str, library: Path, capsys) -> None:
    code, _, err = run(capsys, library, "commitments", "accept", SEED_KEY, "--due", typed)
    assert code == 2
    assert f"date invalide : « {typed} »" in err and "JJ/MM/AAAA" in err


@pytest.mark.parametrize("query", ["", "  ", '"', "*", "« »"])
def test_a_search_without_a_word_finds_nothing_and_says_why(
    query: str, library: Path, capsys
) -> None:
    """It listed every question, as if each matched; the hostile-strings contract
    (tests/test_cli.py) keeps exit code 0 and a JSON list."""
    code, out, err = run(capsys, library, "search", query)
    assert code == 0 and out == ""
    assert "recherche vide" in err
    code, out, _ = run(capsys, library, "search", query, "--json")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--limit", "-1"],
        ["search", "impôt", "--limit", "0"],
        ["imports", "--limit", "dix"],
    ],
)
def test_a_limit_must_be_a_positive_number(command: list[str], library: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run(capsys, library, *command)
    assert exited.value.code == 2
    assert "nombre entier positif attendu" in capsys.readouterr().err


# -- import: what the parsers say in English --------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "QANR5L17QE1.json",
            b"\n<html>Erreur</html>",
            "JSON invalide ou tronqué (ligne 2, colonne 1) : valeur attendue",
        ),
        (
            "QANR5L17QE2.json",
            b'{"question": {"uid": "QANR5L17QE2"\n "type": "QE"}}',
            "JSON invalide ou tronqué (ligne 2, colonne 2) : virgule attendue",
        ),
        (
            "QANR5L17QE3.xml",
            b"<question>\n<uid>QANR5L17QE3</question>",
            "XML invalide ou tronqué (ligne 2, colonne 28) : balise </question> alors que <uid>"
            " (ligne 2) n'est pas refermée",
        ),
        (
            "QANR5L17QE4.xml",
            b"<question><texte>a & b</texte></question>",
            "XML invalide ou tronqué (ligne 1, colonne 21) : caractère & non échappé",
        ),
        ("Questions.json.zip", b"PK\x03\x04 coupe", "archive ZIP illisible : ce n'est pas une"),
    ],
)
def test_a_broken_file_is_explained_in_french_with_its_line_and_column(
    name: str, content: bytes, reason: str, library: Path, tmp_path: Path, capsys
) -> None:
    """The report said "Expecting value: line 1 column 1 (char 0)", the parser's English."""
    db = tmp_path / "rapport.sqlite"
    db.write_bytes(library.read_bytes())
    broken = tmp_path / name
    broken.write_bytes(content)
    code, _, err = run(capsys, db, "import", str(broken))
    assert code == 1
    assert f"échec : {broken} : {reason}" in err
    for english in ("Expecting", "char ", "mismatch", "xmlParse", "zip file", "line 1"):
        assert english not in err


# -- inbox ------------------------------------------------------------------------------------
def test_marking_numbers_not_in_the_inbox_names_them_and_exits_two(library: Path, capsys) -> None:
    """It said "0 nouveauté(s) marquée(s)" as if all was well."""
    code, out, err = run(capsys, library, "inbox", "--mark-seen", "999", "1000", "999")
    assert (code, out) == (2, "")
    assert err.startswith("--mark-seen : numéros inconnus dans les nouveautés : 999, 1000 ")
    assert "0 nouveauté" not in err


# -- annotate, sync -------------------------------------------------------------------------
def test_a_quote_copied_across_a_line_break_is_found(tmp_path: Path, library: Path, capsys) -> None:
    db = tmp_path / "citation.sqlite"
    db.write_bytes(library.read_bytes())
    code, out, err = run(capsys, db, "annotate", SEED_KEY, "--quote", "leur feuille\n de  route",
                         "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["exact"] == QUOTE


def test_annotating_the_answer_of_an_unanswered_question(library: Path, capsys) -> None:
    code, _, err = run(capsys, library, "annotate", "senat-15-12357", "--quote", "ministre",
                       "--part", "answer")  # fmt: skip
    assert code == 2 and "senat-15-12357 n'a pas encore de réponse" in err


def test_sync_with_a_new_path_says_it_created_a_library(
    tmp_path: Path, library: Path, capsys
) -> None:
    """A copy on a new file is allowed (tests/services/test_logs.py); a typo is said."""
    db = tmp_path / "ici.sqlite"
    db.write_bytes(library.read_bytes())
    peer = tmp_path / "equipe.sqlit"
    code, _, err = run(capsys, db, "sync", "--with", str(peer))
    assert code == 0 and f"{peer} n'existait pas : une nouvelle bibliothèque y a été créée" in err


def test_sync_with_a_text_file_is_refused(tmp_path: Path, library: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("pas une bibliothèque\n", encoding="utf-8")
    code, _, err = run(capsys, library, "sync", "--with", str(notes))
    assert code == 2 and "n'est pas une bibliothèque qe-desktop" in err


# -- follow ---------------------------------------------------------------------------------
def test_following_the_same_thing_twice_keeps_one_follow(
    tmp_path: Path, library: Path, capsys
) -> None:
    db = tmp_path / "suivis.sqlite"
    db.write_bytes(library.read_bytes())
    code, out, _ = run(capsys, db, "follow", "add", "--author", "Jean Louis MASSON")
    assert code == 0 and "(déjà suivi)" not in out
    code, out, _ = run(capsys, db, "follow", "add", "--author", "M. jean  louis masson")
    assert code == 0 and "Jean Louis MASSON (déjà suivi)" in out
    code, out, _ = run(capsys, db, "follow", "add", "--question", f" {SEED_KEY}")
    code, out, _ = run(capsys, db, "follow", "add", "--question", SEED_KEY)
    assert code == 0 and "(déjà suivi)" in out
    _, out, _ = run(capsys, db, "follow", "list", "--json")
    assert sorted(f["kind"] for f in json.loads(out)) == ["author", "question"]


def test_following_a_question_not_in_the_library_warns(
    tmp_path: Path, library: Path, capsys
) -> None:
    db = tmp_path / "suivis.sqlite"
    db.write_bytes(library.read_bytes())
    code, _, err = run(capsys, db, "follow", "add", "--question", "QANR5L14QE2656")
    assert code == 0
    assert "« QANR5L14QE2656 » n'est pas dans la bibliothèque" in err


# -- near-miss keys -------------------------------------------------------------------------
AN_KEY = "QANR5L14QE26562"


@pytest.mark.parametrize("typed", [AN_KEY.lower(), f" {AN_KEY} "])
def test_a_key_typed_in_lowercase_or_with_spaces_shows_its_question(
    typed: str, library: Path, capsys
) -> None:
    code, out, _ = run(capsys, library, "show", typed)
    assert code == 0 and out.startswith(f"{AN_KEY} — AN")


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_the_number_alone_suggests_the_key(json_flag: list[str], library: Path, capsys) -> None:
    code, out, err = run(capsys, library, "show", "26562", *json_flag)
    assert code == 2 and out == ""
    assert f"Aucune question « 26562 » dans la bibliothèque. Vouliez-vous dire : {AN_KEY} ?" in err


# -- Ctrl-C -----------------------------------------------------------------------------------
def test_ctrl_c_in_the_middle_of_an_export_leaves_no_half_file(
    tmp_path: Path, library: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from qe_desktop import __main__ as entry
    from qe_desktop.exporters import atomic, markdown

    def interrupted(path: Path, text: str) -> None:
        def half(temporary: Path) -> None:
            temporary.write_text(text[: len(text) // 2], encoding="utf-8")
            raise KeyboardInterrupt

        atomic.write_atomically(path, half)

    monkeypatch.setattr(markdown, "write_text_atomically", interrupted)
    target = tmp_path / "note.md"
    target.write_text("la note d'hier", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["qe-desktop", "--db", str(library), "export", "-o",
                                      str(target), "--question", SEED_KEY])  # fmt: skip
    code = entry.main()
    err = capsys.readouterr().err
    assert code == 130
    assert "interrompu (Ctrl+C)" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "la note d'hier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_a_ministry_with_no_commitment_names_the_near_ones(
    tmp_path: Path, library: Path, capsys
) -> None:
    db = tmp_path / "engagements.sqlite"
    db.write_bytes(library.read_bytes())
    assert (
        run(capsys, db, "annotate", SEED_KEY, "--quote", QUOTE, "--category", "Engagement")[0] == 0
    )
    code, out, err = run(capsys, db, "commitments", "--ministry", "numériqeu", "--json")
    assert code == 0 and json.loads(out) == []
    assert "aucun engagement pour le ministère « numériqeu » (nom exact attendu)" in err
    assert "souveraineté industrielle et numérique" in err
