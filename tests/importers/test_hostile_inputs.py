"""A hostile archive, through the whole pipeline: each trap refused, every good entry imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers import sources
from qe_desktop.importers.dispatch import iter_records
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SkippedEntry
from qe_desktop.importers.xml_guard import DTD_REFUSED

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
GOOD_JSON = (DATA / "an_json" / "qe_answered" / "input.json").read_bytes()
GOOD_XML = (DATA / "an_xml" / "qe_no_namespace_lists" / "input.xml").read_bytes()
HOSTILE = DATA / "hostile"


def inner_zip(tmp_path: Path) -> bytes:
    path = tmp_path / "inner.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("json/QANR5L17QE1234.json", GOOD_JSON)
    return path.read_bytes()


@pytest.fixture
def hostile_archive(tmp_path: Path) -> Path:
    path = tmp_path / "Questions_ecrites.json.zip"
    entries = {
        "json/QANR5L17QE1234.json": GOOD_JSON,
        "xml/QANR5L16QE7777.xml": GOOD_XML,
        "../../../home/user/.bashrc.json": b'{"question": {}}',
        "/etc/cron.d/evil.json": b'{"question": {}}',
        "bombe.json": b"{" + b" " * (4 * 1024 * 1024) + b"}",
        "json/imbriquee.zip": inner_zip(tmp_path),
        "README.md": b"# Questions",
        "images/logo.png": b"\x89PNG\r\n",
        "xml/billion_laughs.xml": (HOSTILE / "billion_laughs.xml").read_bytes(),
        "xml/external_entity.xml": (HOSTILE / "external_entity.xml").read_bytes(),
        "json/QANR5L17QE9.json": GOOD_JSON[:200],
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return path


def test_every_trap_is_refused_with_its_reason_and_good_entries_come_out(
    hostile_archive: Path,
) -> None:
    results = list(iter_records([hostile_archive]))
    records = [r for r in results if isinstance(r, QuestionRecord)]
    assert sorted(r.key for r in records) == ["QANR5L16QE7777", "QANR5L17QE1234"]

    prefix = f"{hostile_archive}!"
    reasons = {
        r.source.removeprefix(prefix): r.reason for r in results if isinstance(r, ImportFailure)
    }
    expected = {
        "../../../home/user/.bashrc.json": "« .. »",
        "/etc/cron.d/evil.json": "chemin absolu",
        "bombe.json": "taux de compression suspect",
        "json/imbriquee.zip": "archive imbriquée",
        "README.md": "pas un fichier de questions",
        "images/logo.png": "pas un fichier de questions",
        "xml/billion_laughs.xml": DTD_REFUSED,
        "xml/external_entity.xml": DTD_REFUSED,
        "json/QANR5L17QE9.json": "JSON invalide ou tronqué",
    }
    assert set(reasons) == set(expected)
    for name, marker in expected.items():
        assert marker in reasons[name], name
    skipped = {r.source.removeprefix(prefix) for r in results if isinstance(r, SkippedEntry)}
    assert skipped == {"README.md", "images/logo.png"}
    assert not any("root:" in reason for reason in reasons.values())


def test_archive_that_decompresses_to_too_much_stops_with_one_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_ARCHIVE_BYTES", 3 * len(GOOD_JSON) + 10)
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(10):
            archive.writestr(f"json/q{number:02}.json", GOOD_JSON)
    results = list(iter_records([path]))
    assert sum(isinstance(r, QuestionRecord) for r in results) == 3
    failures = [r for r in results if isinstance(r, ImportFailure)]
    assert len(failures) == 1
    assert failures[0].source == str(path)
    assert "bombe de décompression" in failures[0].reason
