"""The candidate checker drops what the project holds and keeps what is new.

More training pairs are only worth adding if none repeats a page of any split (the sealed
fresh splits included); the checker decides that by identifier and by 12-word runs, and must
say so without naming the file it matched. Pages here are made up, except one dev pair.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
try:
    from coverage_candidate_check import check, ids
finally:
    sys.path.pop(0)

DEV_PAIR = ROOT / "tests/data/coverage/senat/qSEQ981011147.txt"

# A made-up Sénat page in the stored layout: no real question or answer says this.
MADE_UP = """Question de M. EXEMPLE Paul (Nulle-Part - SANS) publiée le 02/01/2003

M. Paul Exemple attire l'attention de M. le ministre des jardins imaginaires sur la taille \
des haies de buis dans les squares municipaux. Il lui demande s'il envisage de publier un \
guide de taille et dans quels délais.

- page 11


Réponse du ministère : Jardins imaginaires publiée le 03/04/2003

Réponse. - Un guide de taille des haies sera publié au printemps prochain par les services \
du ministère des jardins imaginaires. Il sera diffusé aux communes par les préfectures.

- page 22

Page mise à jour le
"""


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_a_new_page_is_kept_and_a_held_page_dropped(tmp_path: Path) -> None:
    _write(tmp_path, "qSEQ000000001.txt", MADE_UP)
    shutil.copy(DEV_PAIR, tmp_path / DEV_PAIR.name)
    assert dict(check(tmp_path)) == {"qSEQ000000001.txt": "OK", DEV_PAIR.name: "DROP"}


def test_a_page_renamed_is_still_dropped_by_its_text(tmp_path: Path) -> None:
    # The same answer saved under another name (or given to another senator) shares runs.
    held_sentence = DEV_PAIR.read_text(encoding="utf-8").split("Réponse. - ")[1].split(". ")[1]
    assert len(held_sentence.split()) >= 12
    page = MADE_UP.replace("Un guide de taille", f"{held_sentence}. Un guide de taille")
    _write(tmp_path, "qSEQ000000002.txt", page)
    assert check(tmp_path) == [("qSEQ000000002.txt", "DROP")]


def test_a_repeated_candidate_and_a_page_without_answer_are_flagged(tmp_path: Path) -> None:
    _write(tmp_path, "qSEQ000000001.txt", MADE_UP)
    _write(tmp_path, "qSEQ000000003.txt", MADE_UP.replace("qSEQ000000001", "qSEQ000000003"))
    _write(tmp_path, "qSEQ000000004.txt", MADE_UP.split("Réponse du ministère")[0])
    assert check(tmp_path) == [
        ("qSEQ000000001.txt", "OK"),
        ("qSEQ000000003.txt", "DUP"),
        ("qSEQ000000004.txt", "PARSE"),
    ]


def test_a_shared_ministry_title_alone_is_not_a_repeat(tmp_path: Path) -> None:
    # Long titles recur on unrelated questions; a made-up one, well past 12 words.
    title = (
        "M. le ministre délégué auprès du ministre des jardins, des vergers et des potagers, "
        "chargé des haies, des massifs et des pelouses"
    )
    _write(
        tmp_path,
        "qSEQ000000005.txt",
        MADE_UP.replace("M. le ministre des jardins imaginaires", title),
    )
    other = f"""Question de Mme MODELE Anne (Ailleurs - SANS) publiée le 05/06/2004

Mme Anne Modèle rappelle à {title} que les pelouses des écoles ne sont tondues qu'une fois par \
an. Elle lui demande quand une seconde tonte sera prévue.

- page 33


Réponse du ministère : Jardins imaginaires publiée le 07/08/2004

Réponse. - Une seconde tonte annuelle des pelouses scolaires sera financée dès la rentrée, sur \
les crédits ouverts à cet effet au budget des jardins.

- page 44

Page mise à jour le
"""
    _write(tmp_path, "qSEQ000000006.txt", other)
    assert check(tmp_path) == [("qSEQ000000005.txt", "OK"), ("qSEQ000000006.txt", "OK")]


def test_an_ids_have_one_spelling() -> None:
    assert ids("q14/14-26562QE.htm") == ids("QANR5L14QE26562") == {"QANR5L14QE26562"}
