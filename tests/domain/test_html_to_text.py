"""AN fragments of paragraphs and line breaks take a path without regexes: same text."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

from qe_desktop.domain.text import html_by_patterns, html_to_text

_PIECES = (
    "<p>", "</p>", "<br>", "<br/>", "<br />", "<P>", "<p class='x'>", "< p>", "<b>", "</b>",
    "<!-- <p> -->", "<script>alert('<p>')</script>", "<style>p{}</style>", "&amp;", "&lt;p&gt;",
    "&nbsp;", "<", ">", "a", " ", "\n", "é", "Monsieur", "?", "<br", "p>", "<<p>",
)  # fmt: skip


def test_paragraphs_and_breaks_give_the_text_the_patterns_give() -> None:
    chance = random.Random(25)
    for _ in range(20_000):
        markup = "".join(chance.choices(_PIECES, k=chance.randint(0, 12)))
        assert html_to_text(markup) == html_by_patterns(markup), markup


def _fragments(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["texte"]] if isinstance(value.get("texte"), str) else []
        return found + [f for v in value.values() for f in _fragments(v)]
    if isinstance(value, list):
        return [f for v in value for f in _fragments(v)]
    return []


def test_the_generated_questions_read_as_before(tmp_path: Path) -> None:
    from benchmarks.corpus import write_corpus

    corpus = write_corpus(tmp_path / "Questions_ecrites.json.zip", 200, seed=25)
    with zipfile.ZipFile(corpus) as archive:
        fragments = [f for n in archive.namelist() for f in _fragments(json.loads(archive.read(n)))]
    assert len(fragments) > 200 and all("<p>" in f for f in fragments)
    for fragment in fragments:
        assert html_to_text(fragment) == html_by_patterns(fragment)
