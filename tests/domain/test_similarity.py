"""Near-duplicate detection: normalisation, fingerprints, LSH candidates, diffs, related."""

from __future__ import annotations

import random
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from qe_desktop.domain.similarity import (
    IDENTICAL,
    NEAR_IDENTICAL,
    Likeness,
    TopicText,
    candidate_pairs,
    fingerprint,
    group_pairs,
    jaccard,
    likeness,
    rank_related,
    shingle_hashes,
    similar_pairs,
    words,
)
from qe_desktop.domain.word_diff import DiffKind, DiffPiece, word_diff

SENTENCE = (
    "le gouvernement attache une importance particulière à la situation des communes rurales "
    "dont les services publics doivent être maintenus le plan prévoit des crédits nouveaux "
    "pour les maisons de santé et les écoles ainsi que pour le réseau de transport régional "
    "une concertation sera engagée avec les élus locaux au cours du premier semestre"
)
WORDS = SENTENCE.split()


def _text(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length))


def _edit(rng: random.Random, text: str, changes: int) -> str:
    tokens = text.split()
    for _ in range(changes):
        tokens[rng.randrange(len(tokens))] = rng.choice(["modifié", "changé", "autre"])
    return " ".join(tokens)


def test_case_accents_punctuation_and_typographic_quotes_are_folded() -> None:
    assert words("L’État   a « RÉPONDU » : l'état…") == ["l", "etat", "a", "repondu", "l", "etat"]
    assert words("cœur, Œuvre") == ["coeur", "oeuvre"]
    assert shingle_hashes("L’État a répondu à la question posée") == shingle_hashes(
        "l'etat A REPONDU a la question, posée."
    )


def test_fingerprints_do_not_depend_on_the_process_hash_seed() -> None:
    """Band keys are stored: two runs of the program must compute the same ones."""
    text = " ".join(WORDS)
    code = (
        f"from qe_desktop.domain.similarity import fingerprint;print(fingerprint({text!r}).bands)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            cwd=str(__import__("pathlib").Path(__file__).parents[2]),
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{fingerprint(text).bands}\n"}


def test_identical_near_identical_and_unrelated_texts() -> None:
    rng = random.Random(1)
    original = _text(rng, 220)
    copy = fingerprint(original)
    edited = fingerprint(_edit(rng, original, 4))
    other = fingerprint(_text(rng, 220))
    assert jaccard(copy.shingles, fingerprint(original).shingles) == 1.0
    assert likeness(jaccard(copy.shingles, edited.shingles)) is Likeness.NEAR_IDENTICAL
    assert set(copy.bands) & set(edited.bands)
    assert jaccard(copy.shingles, other.shingles) < 0.2
    assert likeness(1.0) is Likeness.IDENTICAL and likeness(0.5) is None
    assert IDENTICAL > NEAR_IDENTICAL


def test_short_texts_are_not_compared() -> None:
    assert not fingerprint("Voir la réponse à la question 1234.").comparable
    assert not fingerprint("").comparable
    assert fingerprint(" ".join(WORDS[:12])).comparable


def test_lsh_finds_almost_every_pair_above_the_threshold() -> None:
    """Recall of the banding alone, on 150 edited pairs whose Jaccard is >= 0.75."""
    rng = random.Random(7)
    found = checked = 0
    for _ in range(150):
        original = _text(rng, rng.randint(60, 400))
        copy = _edit(rng, original, rng.randint(1, 3))
        a, b = fingerprint(original), fingerprint(copy)
        if jaccard(a.shingles, b.shingles) >= 0.75:
            checked += 1
            found += bool(set(a.bands) & set(b.bands))
    assert checked > 100
    assert found / checked >= 0.98


def test_similar_pairs_are_confirmed_exactly_and_grouped() -> None:
    rng = random.Random(3)
    base = _text(rng, 200)
    texts = {
        "a": base,
        "b": _edit(rng, base, 2),
        "c": _edit(rng, base, 3),
        "d": _text(rng, 200),
        "e": _text(rng, 200),
    }
    prints = {key: fingerprint(text) for key, text in texts.items()}
    pairs = similar_pairs(prints)
    assert {(a, b) for a, b, _ in pairs} == {("a", "b"), ("a", "c"), ("b", "c")}
    assert all(score >= NEAR_IDENTICAL for _, _, score in pairs)
    assert group_pairs(pairs) == [["a", "b", "c"]]
    assert candidate_pairs({"x": (1, 2), "y": (2, 3), "z": (4,)}) == {("x", "y")}


def test_groups_are_transitive_and_biggest_first() -> None:
    pairs = [("a", "b", 0.9), ("b", "c", 0.8), ("x", "y", 1.0)]
    assert group_pairs(pairs) == [["a", "b", "c"], ["x", "y"]]


def test_word_diff_marks_changed_words() -> None:
    pieces = word_diff("Le plan prévoit 10 millions.", "Le plan prévoit 12 millions.")
    kinds = [(p.kind, p.text) for p in pieces]
    assert (DiffKind.REMOVED, "10") in kinds
    assert (DiffKind.ADDED, "12") in kinds
    assert pieces[0] == DiffPiece(DiffKind.SAME, "Le plan prévoit ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c\n.é", max_size=60), st.text(alphabet="ab c\n.é", max_size=60))
def test_word_diff_rebuilds_both_texts(first: str, second: str) -> None:
    pieces = word_diff(first, second)
    assert "".join(p.text for p in pieces if p.kind is not DiffKind.ADDED) == first
    assert "".join(p.text for p in pieces if p.kind is not DiffKind.REMOVED) == second


def test_related_ranks_same_subject_above_other_subjects() -> None:
    target = TopicText(
        "t", "Les déserts médicaux : manque de médecins généralistes à l'hôpital de Nevers", "M"
    )
    health = TopicText("h", "Pénurie de médecins généralistes et fermeture des urgences", "Autre")
    trains = TopicText("r", "Suppression de trains sur la ligne Nevers Paris", "M")
    twin = TopicText("w", target.text + " et ailleurs", "Autre")
    ranked = rank_related(target, [trains, health, twin, target])
    assert [s.key for s in ranked][:2] == ["w", "h"]
    assert "t" not in [s.key for s in ranked]


def test_related_boosts_same_rubrique() -> None:
    target = TopicText("t", "Les moyens des écoles rurales", rubrique="enseignement")
    same = TopicText("a", "Les moyens des collèges", rubrique="Enseignement")
    other = TopicText("b", "Les moyens des collèges", rubrique="communes")
    assert next(s.key for s in rank_related(target, [other, same])) == "a"
