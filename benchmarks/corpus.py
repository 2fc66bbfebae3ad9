"""A synthetic Assemblée nationale open-data corpus, deterministic from a seed.

Writes N questions in the official zip layout (`json/QANR5L{leg}QE{n}.json`, same
schema as the real files). Vocabulary: every word of the real question pages
bundled with the tests, ranked by frequency, plus derived forms, drawn with a
Zipf law so that search costs look like real ones (a few very common words, a
long tail of rare ones). Sizes: questions 500–3,000 characters, answers
800–8,000, about 70% answered.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import zipfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The real pages only: not the labelled corpora (sealed evaluation splits among them), and
# a generated corpus does not change when a label file is added.
TEXT_SOURCES = [ROOT / "tests" / "data" / "importers", ROOT / "resources" / "samples"]
_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+", re.IGNORECASE)
SUFFIXES = ("", "s", "ment", "tion", "tions", "eur", "euse", "aire", "ique", "ité", "ales", "iser")

MINISTRIES = [
    ("Intérieur", "Ministère de l'intérieur"),
    ("Économie", "Ministère de l'économie, des finances et de la souveraineté industrielle"),
    ("Santé", "Ministère de la santé et de l'accès aux soins"),
    ("Éducation", "Ministère de l'éducation nationale"),
    ("Agriculture", "Ministère de l'agriculture et de la souveraineté alimentaire"),
    ("Armées", "Ministère des armées"),
    ("Justice", "Ministère de la justice"),
    ("Transition écologique", "Ministère de la transition écologique"),
    ("Travail", "Ministère du travail et de l'emploi"),
    ("Culture", "Ministère de la culture"),
    ("Logement", "Ministère chargé du logement"),
    ("Transports", "Ministère chargé des transports"),
]
GROUPS = [
    ("RN", "Rassemblement National"),
    ("EPR", "Ensemble pour la République"),
    ("LFI-NFP", "La France insoumise - Nouveau Front Populaire"),
    ("SOC", "Socialistes et apparentés"),
    ("DR", "Droite Républicaine"),
    ("Dem", "Les Démocrates"),
    ("HOR", "Horizons & Indépendants"),
    ("LIOT", "Libertés, Indépendants, Outre-mer et Territoires"),
    ("ECOS", "Écologiste et Social"),
    ("GDR", "Gauche Démocrate et Républicaine"),
]
RUBRIQUES = [
    "agriculture", "santé", "enseignement", "logement", "transports", "énergie et carburants",
    "collectivités territoriales", "sécurité des biens et des personnes", "fonction publique",
    "professions de santé", "impôts et taxes", "environnement", "justice", "outre-mer",
    "personnes handicapées", "retraites : généralités", "numérique", "culture",
    "eau et assainissement",
]  # fmt: skip


class Vocabulary:
    """Words with Zipf weights, drawn by binary search on the cumulative weights."""

    def __init__(self, words: list[str], exponent: float = 1.05) -> None:
        self.words = words
        weights = [1.0 / (rank**exponent) for rank in range(1, len(words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        point = rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_left(self.cumulative, point)]


def build_vocabulary(min_words: int = 30_000) -> Vocabulary:
    counts: Counter[str] = Counter()
    for folder in TEXT_SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".json", ".html") and path.stat().st_size < 2_000_000:
                text = path.read_text(encoding="utf-8", errors="ignore")
                counts.update(w.lower() for w in _WORD.findall(text) if len(w) > 1)
    ranked = [word for word, _ in counts.most_common()]
    known = set(ranked)
    derived = []
    for word in ranked:
        if len(word) < 5:
            continue
        for suffix in SUFFIXES[1:]:
            candidate = word.rstrip("e") + suffix
            if candidate not in known:
                known.add(candidate)
                derived.append(candidate)
        if len(ranked) + len(derived) >= min_words:
            break
    return Vocabulary(ranked + derived)


def _sentence(rng: random.Random, vocabulary: Vocabulary) -> str:
    words = [vocabulary.draw(rng) for _ in range(rng.randint(8, 28))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", " ?", " ;"])


def _text(rng: random.Random, vocabulary: Vocabulary, low: int, high: int) -> str:
    target = rng.randint(low, high)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        paragraph = " ".join(_sentence(rng, vocabulary) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 7
    return "<p>" + "</p><p>".join(paragraphs) + "</p>"


def _info_jo(day: date, page: int, kind: str) -> dict[str, object]:
    return {
        "typeJO": kind,
        "dateJO": day.isoformat(),
        "pageJO": str(page),
        "numJO": None,
        "urlLegifrance": None,
        "referenceNOR": None,
    }


def make_question(
    number: int, legislature: int, rng: random.Random, vocabulary: Vocabulary
) -> dict[str, object]:
    ministry = rng.choice(MINISTRIES)
    group = rng.choice(GROUPS)
    published = date(2022, 7, 5) + timedelta(days=rng.randint(0, 1200))
    uid = f"QANR5L{legislature}QE{number}"
    question: dict[str, object] = {
        "@xmlns": "http://schemas.assemblee-nationale.fr/referentiel",
        "uid": uid,
        "identifiant": {
            "numero": str(number), "regime": "5eme Republique", "legislature": str(legislature)
        },
        "type": "QE",
        "indexationAN": {
            "rubrique": rng.choice(RUBRIQUES),
            "teteAnalyse": " ".join(vocabulary.draw(rng) for _ in range(3)),
            "analyses": {"analyse": " ".join(vocabulary.draw(rng) for _ in range(6))},
        },
        "auteur": {
            "identite": {"acteurRef": f"PA{700000 + rng.randint(0, 576)}", "mandatRef": None},
            "groupe": {"organeRef": "PO800000", "abrege": group[0], "developpe": group[1]},
        },
        "minInt": {"organeRef": "PO900000", "abrege": ministry[0], "developpe": ministry[1]},
        "minAttribs": {
            "minAttrib": {
                "infoJO": _info_jo(published, rng.randint(1, 9000), "JO_QUESTION"),
                "denomination": {
                    "organeRef": "PO900000", "abrege": ministry[0], "developpe": ministry[1]
                },
            }
        },
        "textesQuestion": {
            "texteQuestion": {
                "infoJO": _info_jo(published, rng.randint(1, 9000), "JO_QUESTION"),
                "texte": _text(rng, vocabulary, 500, 3000),
            }
        },
        "textesReponse": None,
        "cloture": None,
        "signalement": None,
        "renouvellements": None,
    }  # fmt: skip
    if rng.random() < 0.7:
        answered = published + timedelta(days=rng.randint(20, 400))
        question["textesReponse"] = {
            "texteReponse": {
                "infoJO": _info_jo(answered, rng.randint(1, 9000), "JO_QUESTION"),
                "texte": _text(rng, vocabulary, 800, 8000),
            }
        }
        question["cloture"] = {
            "codeCloture": "REP_PUB",
            "libelleCloture": "Réponse publiée",
            "dateCloture": answered.isoformat(),
            "infoJO": None,
        }
    return {"question": question}


def write_corpus(path: Path, count: int, seed: int = 2026, legislature: int = 17) -> Path:
    """Write `count` questions into a zip at `path` (compressed like the official dumps)."""
    rng = random.Random(seed)
    vocabulary = build_vocabulary()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(1, count + 1):
            record = make_question(number, legislature, rng, vocabulary)
            name = f"json/QANR5L{legislature}QE{number}.json"
            archive.writestr(name, json.dumps(record, ensure_ascii=False))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    write_corpus(args.output, args.count, args.seed)


if __name__ == "__main__":
    main()


SENATORS = [
    ("M.", "DUPONT", "Jean", "Moselle"), ("Mme", "MARTIN", "Claire", "Gironde"),
    ("M.", "BERNARD", "Louis", "Nord"), ("Mme", "PETIT", "Anne", "Rhône"),
    ("M.", "ROBERT", "Paul", "Finistère"), ("Mme", "RICHARD", "Marie", "Isère"),
]  # fmt: skip
SENAT_GROUPS = ["Les Républicains", "Socialiste, Écologiste et Républicain", "Union Centriste",
                "Communiste Républicain Citoyen et Écologiste - Kanaky", "RDPI", "NI"]  # fmt: skip


def _plain(markup: str) -> str:
    return markup.replace("<p>", "").replace("</p>", "\n\n").strip()


def make_senat_page(
    number: int, legislature: int, rng: random.Random, vocabulary: Vocabulary
) -> str:
    """A question page as copied from senat.fr (DESIGN §5), answered 70 % of the time."""
    civility, surname, first, department = rng.choice(SENATORS)
    ministry = rng.choice(MINISTRIES)[1]
    published = date(2008 + 3 * (legislature - 14), 1, 5) + timedelta(days=rng.randint(0, 1000))
    title = " ".join(vocabulary.draw(rng) for _ in range(6)).capitalize()
    lines = [
        f"Question écrite n° {number:05d} - {legislature}e législature",
        title,
        f"Question de {civility} {surname} {first} ({department} - {rng.choice(SENAT_GROUPS)}) "
        f"publiée le {published:%d/%m/%Y}",
        "",
        _plain(_text(rng, vocabulary, 500, 3000)),
        "",
        f"- page {rng.randint(1, 9000)}",
        "",
    ]
    if rng.random() < 0.7:
        answered = published + timedelta(days=rng.randint(20, 400))
        lines += [
            f"Réponse du {ministry} publiée le {answered:%d/%m/%Y}",
            "",
            _plain(_text(rng, vocabulary, 800, 8000)),
            "",
            f"- page {rng.randint(1, 9000)}",
            "",
        ]
    lines.append(f"Page mise à jour le {published:%d/%m/%Y}")
    return "\n".join(lines)


def write_senat_corpus(path: Path, count: int, seed: int = 2026, legislature: int = 17) -> Path:
    """`count` Sénat question pages (text) in a zip at `path`."""
    rng = random.Random(seed)
    vocabulary = build_vocabulary()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(1, count + 1):
            page = make_senat_page(number, legislature, rng, vocabulary)
            archive.writestr(f"senat/q{legislature}-{number:06d}.txt", page)
    return path
