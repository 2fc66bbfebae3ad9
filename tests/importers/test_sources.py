"""Enumerating inputs: files, folders, archives entry by entry, and the limits that keep it safe."""

from __future__ import annotations

import json
import os
import stat
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from qe_desktop.domain.parse_reasons import zip_reason
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers import sources
from qe_desktop.importers.dispatch import iter_records
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import (
    SkippedEntry,
    SourceItem,
    count_sources,
    iter_sources,
    zip_entry_count,
)

Entry = tuple[str | zipfile.ZipInfo, bytes]


def question_json(number: int, padding: int = 0) -> bytes:
    question: dict[str, object] = {
        "uid": f"QANR5L17QE{number}",
        "identifiant": {"numero": str(number), "legislature": "17"},
        "type": "QE",
        "textesQuestion": {
            "texteQuestion": {
                "infoJO": {"dateJO": "2024-10-08", "pageJO": "5401"},
                "texte": f"{number}. — 8 octobre 2024. — Question {number}.",
            }
        },
    }
    if padding:
        question["remplissage"] = "x" * padding  # stands for a long record; not read
    return json.dumps({"question": question}, ensure_ascii=False).encode()


def make_zip(path: Path, entries: list[Entry]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def split(results: list[SourceItem | ImportFailure]) -> tuple[list[str], dict[str, str]]:
    """(names of items, {failing name: reason})."""
    names = [r.name for r in results if isinstance(r, SourceItem)]
    failures = {r.source: r.reason for r in results if isinstance(r, ImportFailure)}
    return names, failures


# --- files and folders ----------------------------------------------------------------------


def test_files_and_folders_are_walked_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "QANR5L17QE2.json").write_bytes(question_json(2))
    (tmp_path / "a.json").write_bytes(question_json(1))
    (tmp_path / "c.txt").write_text("Question de M. …", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.json").write_text("{}")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    names, failures = split(list(iter_sources([tmp_path])))
    assert names == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b" / "QANR5L17QE2.json"),
        str(tmp_path / "c.txt"),
    ]
    assert failures == {}


def test_files_that_hold_no_question_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "README").write_text("à lire")
    (tmp_path / "q.json").write_bytes(question_json(1))
    results = list(iter_sources([tmp_path]))
    skipped = [r for r in results if isinstance(r, SkippedEntry)]
    assert sorted(Path(s.source).name for s in skipped) == ["README", "photo.png"]
    assert all("pas un fichier de questions" in s.reason for s in skipped)
    assert "« .png »" in next(s.reason for s in skipped if s.source.endswith(".png"))


def test_a_file_named_explicitly_is_handed_over_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    (item,) = iter_sources([path])
    assert isinstance(item, SourceItem)
    assert item.data == b"%PDF"


def test_missing_path_is_a_failure_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "absent.json"
    (failure,) = iter_sources([missing, *[]])
    assert isinstance(failure, ImportFailure)
    assert (failure.source, failure.reason) == (str(missing), "fichier introuvable")


def test_gigantic_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_IN_MEMORY_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5000)
    (failure,) = iter_sources([big])
    assert isinstance(failure, ImportFailure)
    assert failure.reason.startswith("fichier trop volumineux")
    assert "version XML" in failure.reason  # the hint for a whole legislature in JSON


def test_a_file_that_grew_since_it_was_listed_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is read by its listed size (no 64 MB buffer per question file); one written to
    meanwhile is still read to its end, and refused past the memory limit."""
    question = tmp_path / "QANR5L17QE7.json"
    question.write_bytes(question_json(7))
    real_stat = Path.stat

    def listed_small(self: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        found = real_stat(self, **kwargs)  # type: ignore[arg-type]
        return os.stat_result((found.st_mode, *found[1:6], 10, *found[7:]))

    monkeypatch.setattr(Path, "stat", listed_small)
    (item,) = iter_sources([question])
    assert isinstance(item, SourceItem) and item.data == question_json(7)
    monkeypatch.setattr(sources, "MAX_IN_MEMORY_BYTES", 100)
    (failure,) = iter_sources([question])
    assert isinstance(failure, ImportFailure)
    assert failure.reason.startswith("fichier trop volumineux")


def test_large_xml_is_handed_over_as_a_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "STREAM_THRESHOLD_BYTES", 100)
    path = tmp_path / "Questions_ecrites_XIV.xml"
    path.write_bytes(b"<questionsEcrites>" + b" " * 500 + b"</questionsEcrites>")
    (item,) = iter_sources([path])
    assert isinstance(item, SourceItem) and item.is_streamed
    with item.open() as stream:
        assert stream.read(18) == b"<questionsEcrites>"
    assert item.size == path.stat().st_size


# --- archives -------------------------------------------------------------------------------


def test_archive_entries_come_out_one_by_one_with_archive_names(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "Questions_ecrites.json.zip",
        [
            ("json/QANR5L17QE12.json", question_json(12)),
            ("json/QANR5L17QE11.json", question_json(11)),
        ],
    )
    names, failures = split(list(iter_sources([archive])))
    assert names == [
        f"{archive}!json/QANR5L17QE11.json",
        f"{archive}!json/QANR5L17QE12.json",
    ]
    assert failures == {}


@pytest.mark.parametrize(
    ("entry_name", "reason"),
    [
        ("../../evil.json", "« .. »"),
        ("json/../../evil.json", "« .. »"),
        ("..\\..\\evil.json", "« .. »"),
        ("/etc/evil.json", "chemin absolu"),
        ("C:\\Windows\\evil.json", "chemin absolu"),
        ("inner.zip", "archive imbriquée"),
    ],
)
def test_unsafe_entries_are_refused_and_the_others_still_come_out(
    tmp_path: Path, entry_name: str, reason: str
) -> None:
    archive = make_zip(
        tmp_path / "a.zip",
        [("ok1.json", question_json(1)), (entry_name, b"{}"), ("ok2.json", question_json(2))],
    )
    names, failures = split(list(iter_sources([archive])))
    assert names == [f"{archive}!ok1.json", f"{archive}!ok2.json"]
    assert list(failures) == [f"{archive}!{entry_name}"]
    assert reason in failures[f"{archive}!{entry_name}"]


def test_symbolic_link_entry_is_refused(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("link.json")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = make_zip(tmp_path / "a.zip", [(link, b"/etc/passwd"), ("ok.json", question_json(1))])
    names, failures = split(list(iter_sources([archive])))
    assert names == [f"{archive}!ok.json"]
    assert "lien symbolique" in failures[f"{archive}!link.json"]


def test_encrypted_entry_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", [("secret.json", b"{}"), ("ok.json", question_json(1))])
    raw = bytearray(path.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = raw.find(signature)  # the first entry, secret.json
        (flags,) = struct.unpack_from("<H", raw, position + flags_at)
        struct.pack_into("<H", raw, position + flags_at, flags | 0x1)
    path.write_bytes(bytes(raw))
    names, failures = split(list(iter_sources([path])))
    assert names == [f"{path}!ok.json"]
    assert "chiffrée" in failures[f"{path}!secret.json"]


def test_non_question_entries_are_skipped(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "a.zip",
        [
            ("README.md", b"# Lisez-moi"),
            ("LICENSE", b"Licence ouverte"),
            ("img/logo.png", b"\x89PNG"),
            ("__MACOSX/json/._QANR5L17QE1.json", b"\0\0"),
            ("json/", b""),
            ("json/QANR5L17QE1.json", question_json(1)),
        ],
    )
    results = list(iter_sources([archive]))
    assert [r.name for r in results if isinstance(r, SourceItem)] == [
        f"{archive}!json/QANR5L17QE1.json"
    ]
    skipped = [r for r in results if isinstance(r, ImportFailure)]
    assert all(isinstance(s, SkippedEntry) for s in skipped)
    assert len(skipped) == 4


def test_zip_bomb_by_compression_ratio_is_refused(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "bomb.zip", [("bomb.json", b"\0" * (3 * 1024 * 1024)), ("ok.json", b"{}")]
    )
    names, failures = split(list(iter_sources([archive])))
    assert names == [f"{archive}!ok.json"]
    assert "taux de compression suspect" in failures[f"{archive}!bomb.json"]


def test_archive_total_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_ARCHIVE_BYTES", 2_500)
    archive = make_zip(
        tmp_path / "a.zip", [(f"q{n}.json", question_json(n, padding=800)) for n in range(1, 6)]
    )
    results = list(iter_sources([archive]))
    names, failures = split(results)
    assert 1 <= len(names) < 5
    assert isinstance(results[-1], ImportFailure)
    assert "trop volumineuse une fois décompressée" in failures[str(archive)]


def test_entry_too_large_for_memory_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_IN_MEMORY_BYTES", 2_000)
    archive = make_zip(
        tmp_path / "a.zip", [("big.json", question_json(1, padding=5_000)), ("ok.json", b"{}")]
    )
    names, failures = split(list(iter_sources([archive])))
    assert names == [f"{archive}!ok.json"]
    assert "trop volumineux" in failures[f"{archive}!big.json"]


def test_archive_with_too_many_entries_is_refused_before_reading_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_ARCHIVE_ENTRIES", 3)
    archive = make_zip(tmp_path / "a.zip", [(f"q{n}.json", b"{}") for n in range(5)])
    (failure,) = iter_sources([archive])
    assert isinstance(failure, ImportFailure)
    assert "5 entrées" in failure.reason


def test_large_xml_entry_is_streamed_from_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "STREAM_THRESHOLD_BYTES", 100)
    xml = b"<questionsEcrites>" + b"<!-- -->" * 100 + b"</questionsEcrites>"
    archive = make_zip(tmp_path / "XIV.xml.zip", [("Questions_ecrites_XIV.xml", xml)])
    (item,) = iter_sources([archive])
    assert isinstance(item, SourceItem) and item.is_streamed
    with item.open() as stream:
        assert stream.read() == xml


@pytest.mark.parametrize(
    "content", [b"not a zip at all", b"PK\x03\x04 truncated", b""], ids=["garbage", "cut", "empty"]
)
def test_unreadable_archive_is_a_failure_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Questions_ecrites.json.zip"
    path.write_bytes(content)
    (failure,) = iter_sources([path])
    assert isinstance(failure, ImportFailure)
    assert failure.source == str(path)
    assert failure.reason.startswith("archive ZIP illisible : ")
    assert "zip file" not in failure.reason and "Error" not in failure.reason


def test_corrupt_entry_does_not_stop_the_archive(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "a.zip", [("bad.json", question_json(1, padding=300)), ("ok.json", b"{}")]
    )
    raw = bytearray(path.read_bytes())
    raw[60:70] = b"\xff" * 10  # inside bad.json's compressed data
    path.write_bytes(bytes(raw))
    names, failures = split(list(iter_sources([path])))
    assert names == [f"{path}!ok.json"]
    assert "entrée illisible" in failures[f"{path}!bad.json"]


# --- counting and memory -----------------------------------------------------------------------


def test_count_sources_reads_archive_end_records(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "a.zip", [(f"q{n}.json", b"{}") for n in range(7)])
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.json").write_bytes(b"{}")
    (folder / "inner.zip").write_bytes(archive.read_bytes())
    (folder / ".git").mkdir()
    (folder / ".git" / "index").write_bytes(b"hidden: not counted, not imported")
    assert zip_entry_count(archive) == 7
    assert count_sources([archive, folder]) == 7 + 1 + 7


def test_count_sources_is_none_for_an_unreadable_archive(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"garbage")
    assert count_sources([path]) is None


def test_zip64_entry_count(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for n in range(0x10000 + 5):
            archive.writestr(f"{n}", b"")
    assert zip_entry_count(path) == 0x10000 + 5


def test_a_3000_question_archive_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "Questions_ecrites.json.zip"
    uncompressed = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(1, 3001):
            data = question_json(number, padding=4000)
            uncompressed += len(data)
            archive.writestr(f"json/QANR5L17QE{number}.json", data)
    tracemalloc.start()
    try:
        numbers = [r.number for r in iter_records([path]) if isinstance(r, QuestionRecord)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(numbers) == 3000 and numbers[0] == "1" and numbers[-1] == "999"  # name order
    assert peak < uncompressed / 3, (peak, uncompressed)


# --- entries read without ZipFile.open (#25) -----------------------------------------------------


def test_entries_read_directly_are_the_bytes_zipfile_reads(tmp_path: Path) -> None:
    """Stored and deflated entries skip `ZipFile.open`; other methods still go through it."""
    path = tmp_path / "mixed.zip"
    methods = {
        "stored.json": zipfile.ZIP_STORED,
        "deflated.json": zipfile.ZIP_DEFLATED,
        "empty.json": zipfile.ZIP_DEFLATED,
        "élève.json": zipfile.ZIP_DEFLATED,  # a UTF-8 name (flag 0x800)
        "bzip2.json": zipfile.ZIP_BZIP2,
        "lzma.json": zipfile.ZIP_LZMA,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, method in methods.items():
            data = b"" if name == "empty.json" else question_json(len(name), padding=500)
            archive.writestr(name, data, compress_type=method)
    items = [item for item in iter_sources([path]) if isinstance(item, SourceItem)]
    with zipfile.ZipFile(path) as archive:
        assert {item.name: item.data for item in items} == {
            f"{path}!{name}": archive.read(name) for name in methods
        }
        direct = {info.filename: sources._entry_bytes(archive, info) for info in archive.infolist()}
    assert {name for name, data in direct.items() if data is None} == {"bzip2.json", "lzma.json"}


def test_a_damaged_entry_read_directly_fails_as_zipfile_says(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("bad.json", question_json(1))
        archive.writestr("ok.json", question_json(2))
    raw = bytearray(path.read_bytes())
    raw[raw.index(b"Question 1.")] ^= 1  # same length, wrong CRC
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as archive:
        assert sources._entry_bytes(archive, archive.getinfo("bad.json")) is None
        with pytest.raises(zipfile.BadZipFile) as raised:
            archive.read("bad.json")
    names, failures = split(list(iter_sources([path])))
    assert names == [f"{path}!ok.json"]
    assert failures[f"{path}!bad.json"] == f"entrée illisible : {zip_reason(raised.value)}"
