"""The prepared rows of the sample files and of a small generated corpus, as stored digests.

Every column of every prepared question (`prepare(record).row`: key, values, the three
hashes) is kept here, digested, so that a change meant to make reading faster cannot
alter a stored value unnoticed (#25). Regenerate only for a change that means to alter
stored values, and say so in its commit:

    .venv/bin/python -m tests.storage.prepared_golden_support
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.corpus import MINISTRIES, Vocabulary, make_question
from qe_desktop.importers.sources import iter_sources_share
from qe_desktop.services.import_reading import read_inputs
from qe_desktop.storage.prepared import COLUMNS, PreparedQuestion

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "prepared_golden.json"
# Every question file the repository ships for reading (the sealed splits are elsewhere).
SAMPLES = ("resources/samples", "tests/data/importers", "tests/data/new_user", "tests/data/veille")
GENERATED = "Questions_ecrites-30.json.zip"  # 30 questions of the benchmark's generator
# The generator's own vocabulary is read from every file under tests/data: a fixed one
# here, with what canonical text must handle (entities, a non-Latin-1 apostrophe and
# ligature, a decomposed accent, a no-break space, doubled spaces).
WORDS = sorted(
    {word for _, name in MINISTRIES for word in name.lower().split()}
    | {"l’État", "cœur", "d&#8217;abord", "a&nbsp;b", "e\u0301te\u0301", "deux  espaces", "&amp;"}
)

Row = tuple[str, tuple[str, ...]]  # key, one digest per column of COLUMNS


def _digest(value: object) -> str:
    """A column value's digest, type included (`1`, `True` and `"1"` differ)."""
    return hashlib.sha256(f"{type(value).__name__}:{value!r}".encode()).hexdigest()[:10]


def prepared_rows(paths: list[Path]) -> list[Row]:
    """What the import's reader prepares from `paths`, in reading order."""
    rows: list[Row] = []
    for path in paths:
        for read in read_inputs(iter_sources_share([path], lambda _: True, {}), {}):
            if isinstance(read, PreparedQuestion):
                rows.append((read.key, tuple(_digest(value) for value in read.row)))
    return rows


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    """Read from `folder` by relative names: `source_file` does not depend on the checkout."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def sample_rows() -> list[Row]:
    with _inside(ROOT):
        return prepared_rows([Path(name) for name in SAMPLES])


def write_generated(path: Path) -> Path:
    """30 generated AN questions in a zip: deflated as the official dumps, one entry stored."""
    rng = random.Random(25)
    vocabulary = Vocabulary(WORDS)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(1, 31):
            data = json.dumps(make_question(number, 17, rng, vocabulary), ensure_ascii=False)
            method = zipfile.ZIP_STORED if number == 7 else zipfile.ZIP_DEFLATED
            archive.writestr(f"json/QANR5L17QE{number}.json", data, compress_type=method)
    return path


def generated_rows(workdir: Path) -> list[Row]:
    write_generated(workdir / GENERATED)
    with _inside(workdir):
        return prepared_rows([Path(GENERATED)])


def load_golden() -> dict[str, list[Row]]:
    stored = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if tuple(stored["columns"]) != COLUMNS:
        raise AssertionError("the prepared columns changed: regenerate the golden rows")
    return {
        part: [(key, tuple(digests.split())) for key, digests in stored[part]]
        for part in ("samples", "generated")
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        parts = {"samples": sample_rows(), "generated": generated_rows(Path(workdir))}
    lines = ["{", f'"columns": {json.dumps(list(COLUMNS))},']
    for index, (part, rows) in enumerate(parts.items()):
        body = ",\n".join(json.dumps([key, " ".join(digests)]) for key, digests in rows)
        lines.append(f'"{part}": [\n{body}\n]' + ("," if index == 0 else ""))
    lines.append("}")
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{GOLDEN}: {len(parts['samples'])} + {len(parts['generated'])} questions")


if __name__ == "__main__":
    main()
