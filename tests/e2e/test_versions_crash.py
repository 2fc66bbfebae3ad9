"""SIGKILL while a held update is applied: the old version or the new one, never a mix."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from qe_desktop.domain.text import text_hash
from tests.conftest import SEED
from tests.services.versions_support import ANSWER, CUT, truncated_page

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

APPLYING = textwrap.dedent(
    """
    import sys
    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library

    services = Services.build(open_library(sys.argv[1]), "robot")
    key = sys.argv[2]
    ids = [v.id for v in services.versions.versions(key) if v.part.value == "answer"]
    for i in range(100_000):
        services.versions.apply(key, ids[i % len(ids)])  # the held one, the full one, ...
        print(i, flush=True)
    """
)


def _cli(db: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "qe_desktop", "--db", str(db), *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )


def _consistent(db: Path) -> str:
    """Check the library after a kill; returns the answer shown."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute(
            "INSERT INTO question_search(question_search) VALUES ('integrity-check')"
        )
        question_id, answer, digest = connection.execute(
            "SELECT id, answer_text, answer_hash FROM questions"
        ).fetchone()
        current = connection.execute(
            "SELECT text, text_hash FROM text_versions WHERE question_id = ? "
            "AND part = 'answer' AND state = 'current'",
            (question_id,),
        ).fetchall()
        kept = {
            text
            for (text,) in connection.execute(
                "SELECT text FROM text_versions WHERE part = 'answer' AND state != 'current'"
            )
        }
        notes = connection.execute(
            'SELECT exact, start, "end", text_hash, anchor_state FROM annotations '
            "WHERE part = 'answer'"
        ).fetchall()
    assert answer in (ANSWER, CUT)  # the old version or the new one
    assert digest == text_hash(answer)
    assert current == [("", digest)]  # exactly one current version: the text shown
    assert kept == {ANSWER, CUT} - {answer}  # the other one, whole, as an earlier version
    for exact, start, end, note_hash, state in notes:
        if state != "orphan":  # placed on the text shown, never on the other one
            assert note_hash == digest and answer[start:end] == exact
    return str(answer)


def test_kill_while_a_held_update_is_applied_leaves_one_version_or_the_other(
    tmp_path: Path,
) -> None:
    db = tmp_path / "versions.sqlite"
    _cli(db, "import", str(SEED))
    cut = tmp_path / "copie.txt"
    cut.write_text(truncated_page(), encoding="utf-8")
    _cli(db, "import", str(cut))
    with sqlite3.connect(db) as connection:
        key = connection.execute("SELECT key FROM questions").fetchone()[0]
        assert connection.execute(
            "SELECT count(*) FROM text_versions WHERE state = 'pending'"
        ).fetchone() == (1,)
    seeded = textwrap.dedent(
        """
        import sys
        from qe_desktop.domain.annotation import Part
        from qe_desktop.services.container import Services
        from qe_desktop.services.library import open_library

        services = Services.build(open_library(sys.argv[1]), "robot")
        text = services.questions.detail(sys.argv[2]).record.answer_text
        for i in range(150):  # highlights to move at every apply: a longer transaction
            start = (i * 19) % (len(text) - 40)
            services.annotations.create(sys.argv[2], Part.ANSWER, start, start + 30, "chiffre")
        """
    )
    (tmp_path / "seed.py").write_text(seeded, encoding="utf-8")
    subprocess.run([sys.executable, str(tmp_path / "seed.py"), str(db), key], cwd=ROOT, check=True)
    script = tmp_path / "apply.py"
    script.write_text(APPLYING, encoding="utf-8")
    rng = random.Random(18)
    seen: set[str] = set()
    for _round in range(3):
        process = subprocess.Popen(
            [sys.executable, str(script), str(db), key],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        for _ in range(rng.randint(2, 6)):
            if not process.stdout.readline():
                raise AssertionError(process.stderr.read() if process.stderr else "no output")  # type: ignore[union-attr]
        time.sleep(rng.uniform(0, 0.05))  # somewhere inside the next apply
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        seen.add(_consistent(db))
    assert seen <= {ANSWER, CUT}
