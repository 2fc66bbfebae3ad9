"""`qe-desktop versions KEY [--apply ID | --reject ID] [--json]` and the import report's lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from qe_desktop.cli import parse, run
from qe_desktop.services.container import Services
from tests.conftest import SEED
from tests.services.versions_support import ANSWER, CUT, answer_of, truncated_page, write


def _run(services: Services, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(parse(list(argv)), services, out, err)
    return code, out.getvalue(), err.getvalue()


def test_versions_from_the_command_line(services: Services, tmp_path: Path) -> None:
    code, out, _ = _run(services, "import", str(SEED))
    key = services.importing.import_paths([SEED]).keys[0]
    code, out, _ = _run(services, "import", str(write(tmp_path, "copie.txt", truncated_page())))
    assert code == 0
    assert f"À vérifier : la nouvelle version est plus courte — {key} (réponse)" in out

    code, out, _ = _run(services, "versions", key)
    assert code == 0 and "à vérifier" in out and "--apply ID" in out
    code, out, _ = _run(services, "versions", key, "--json")
    listed = json.loads(out)
    pending = next(v for v in listed if v["state"] == "pending")
    assert (pending["part"], pending["text"], pending["reason"]) == ("answer", CUT, "shorter")
    assert {v["state"] for v in listed} == {"current", "pending"}
    assert all(v["id"] and v["text_hash"] for v in listed)

    code, out, _ = _run(services, "versions", key, "--apply", str(pending["id"]))
    assert code == 0 and answer_of(services, key) == CUT
    full = next(
        v for v in json.loads(_run(services, "versions", key, "--json")[1]) if v["text"] == ANSWER
    )
    assert full["state"] == "earlier"
    assert _run(services, "versions", key, "--apply", str(full["id"]))[0] == 0
    assert answer_of(services, key) == ANSWER

    code, _, err = _run(services, "versions", key, "--reject", str(full["id"]))
    assert code == 1 and "n'attend pas de décision" in err
    code, _, err = _run(services, "versions", key, "--apply", "999999")
    assert code == 2 and "Aucune version n° 999999" in err
    code, _, err = _run(services, "versions", "inconnue")
    assert code == 2 and "inconnue" in err
