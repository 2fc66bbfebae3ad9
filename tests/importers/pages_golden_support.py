"""Golden files for the page importers: where they are and how a record is compared.

An `expected.json` lists every field that differs from the QuestionRecord defaults; all
other fields must keep their default. Long texts are given either exactly (a string) or by
a spec: {"starts", "ends", "paragraphs", "contains", "not_contains"}.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.domain.text import canonical_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
REAL_PAGES = DATA / "pages" / "real"
FORMAT_DIRS = ("senat_text", "an_text", "senat_html")
TEXT_FIELDS = ("question_text", "answer_text", "erratum", "answer_note")

_DEFAULTS: dict[str, Any] = {
    "qtype": "QE",
    "legislature": None,
    "number": None,
    "uid": None,
    "url": None,
    "title": None,
    "rubrique": None,
    "analysis": None,
    "themes": [],
    "author": {"name": "", "civility": "", "constituency": "", "group": "", "ref": ""},
    "ministry_asked": None,
    "ministry_assigned": None,
    "assigned_on": None,
    "published_on": None,
    "question_page": None,
    "answer_ministry": None,
    "answered_on": None,
    "answer_page": None,
    "answer_text": None,
    "answer_note": None,
    "closing": None,
    "signaled_on": None,
    "renewed_on": [],
    "erratum": None,
    "recalls": None,
}
_PAGE_MARK_LINE = re.compile(r"^[-–]\s*page\s*\d+$", re.MULTILINE | re.IGNORECASE)


def real_page_files() -> list[Path]:
    return sorted(REAL_PAGES.rglob("*.txt"))


def format_case_dirs() -> list[Path]:
    return sorted(p for name in FORMAT_DIRS for p in (DATA / name).iterdir() if p.is_dir())


def expected_for_real(page: Path) -> dict[str, Any]:
    path = page.with_name(page.stem + ".expected.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def case_input(case: Path) -> Path:
    (found,) = sorted(case.glob("input.*"))
    return found


def expected_for_case(case: Path) -> dict[str, Any]:
    return dict(json.loads((case / "expected.json").read_text(encoding="utf-8")))


def record_as_json(record: QuestionRecord) -> dict[str, Any]:
    """The record as JSON-like values (dates ISO, enums by value, tuples as lists)."""
    data: dict[str, Any] = json.loads(
        json.dumps(dataclasses.asdict(record), default=str, ensure_ascii=False)
    )
    return data


def mismatches(record: QuestionRecord, expected: dict[str, Any]) -> list[str]:
    """Every difference between a parsed record and its golden expectation."""
    actual = record_as_json(record)
    wanted = {**_DEFAULTS, **expected}
    wanted["author"] = {**_DEFAULTS["author"], **expected.get("author", {})}
    problems: list[str] = []
    for name in actual:
        if name in TEXT_FIELDS and isinstance(wanted.get(name), dict):
            problems += _text_problems(name, actual[name], wanted[name])
        elif actual[name] != wanted.get(name):
            problems.append(f"{name}: got {actual[name]!r}, expected {wanted.get(name)!r}")
    unknown = set(expected) - set(actual)
    problems += [f"unknown field in expected.json: {name}" for name in sorted(unknown)]
    for name in TEXT_FIELDS:
        value = actual[name]
        if value and canonical_text(value) != value:
            problems.append(f"{name} is not canonical")
        if value and (_PAGE_MARK_LINE.search(value) or "Page mise à jour" in value):
            problems.append(f"{name} keeps page furniture")
    return problems


def _text_problems(name: str, text: str | None, spec: dict[str, Any]) -> list[str]:
    if text is None:
        return [f"{name}: got None, expected a text starting {spec['starts']!r}"]
    problems = []
    if not text.startswith(spec["starts"]):
        problems.append(f"{name}: starts {text[:80]!r}, expected {spec['starts']!r}")
    if not text.endswith(spec["ends"]):
        problems.append(f"{name}: ends {text[-80:]!r}, expected {spec['ends']!r}")
    paragraphs = len(text.split("\n"))
    if "paragraphs" in spec and paragraphs != spec["paragraphs"]:
        problems.append(f"{name}: {paragraphs} paragraphs, expected {spec['paragraphs']}")
    problems += [f"{name}: lacks {c!r}" for c in spec.get("contains", []) if c not in text]
    problems += [f"{name}: has {c!r}" for c in spec.get("not_contains", []) if c in text]
    return problems
