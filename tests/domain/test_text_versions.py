"""When an update is held for review, and the word diff between two versions."""

from __future__ import annotations

from qe_desktop.domain.text_versions import (
    HoldReason,
    judge_update,
    source_rank,
)
from qe_desktop.domain.word_diff import word_diff

FULL = (
    "Le Gouvernement est pleinement engagé dans le développement de l'IA. "
    "Chaque ministère élabore une feuille de route. "
    "L'ensemble des ministères présenteront d'ici juin 2025 leur feuille de route."
)


def test_a_truncated_text_is_held() -> None:
    assert judge_update(FULL, FULL[:60]) is HoldReason.SHORTER
    cut = FULL[: FULL.rindex("L'ensemble") + 40]  # 85 %: cut in the middle of a sentence
    assert judge_update(FULL, cut) is HoldReason.END_LOST
    assert judge_update(FULL, "") is HoldReason.ANSWER_DROPPED


def test_a_paste_after_a_saved_page_is_held() -> None:
    edited = FULL.replace("élabore", "prépare")
    assert (
        judge_update(FULL, edited, old_source="q.html", new_source="presse-papiers")
        is HoldReason.LESS_COMPLETE_SOURCE
    )
    assert judge_update(FULL, edited, old_source="q.txt", new_source="q.html") is None
    assert source_rank("x.zip!json/QANR5L17QE1.json") > source_rank("page.html")
    assert source_rank("page.html") > source_rank("page.txt") > source_rank("presse-papiers")


def test_errata_new_answers_and_ordinary_edits_apply_at_once() -> None:
    assert judge_update("", FULL) is None  # a real new answer
    assert judge_update(FULL, FULL[:40] + ".", erratum=True) is None
    assert judge_update(FULL, FULL.replace("élabore", "prépare")) is None
    assert judge_update(FULL, FULL + " Une phrase de plus.") is None


def test_the_word_diff_shows_what_was_removed_and_added() -> None:
    pieces = word_diff("le ministère présentera sa feuille", "le ministère publiera sa feuille")
    kinds = [(p.kind, p.text.strip()) for p in pieces]
    assert ("removed", "présentera") in kinds
    assert ("added", "publiera") in kinds
    assert "".join(p.text for p in pieces if p.kind != "removed") == (
        "le ministère publiera sa feuille"
    )
