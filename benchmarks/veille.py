"""Veille benchmark rows (issue #21), against a local server that answers like the real ones.

- an update when nothing changed (every source answers 304): ≤ 2 s;
- an update bringing 500 new answers into a library of `count` questions: ≤ 15 s;
- Nouveautés opening (follows with counts, unseen count, items) with 200 follows: ≤ 200 ms.

    python -m benchmarks.veille --count 10000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from benchmarks.corpus import MINISTRIES, RUBRIQUES, write_corpus
from qe_desktop.domain.follows import FollowKind
from qe_desktop.services.container import Services
from qe_desktop.services.library import open_library
from qe_desktop.sources.http import Fetcher

NEW_ANSWERS = 500
FOLLOWS = 200
AN_PATH = "/17/Questions_ecrites.json.zip"
CSV_PATH = "/questions-depuis-un-an.csv"
CSV_HEADER = (
    "Sort;Nature;Numéro;Référence;Titre;Nom;Prénom;Civilité;Circonscription;Groupe;"
    "Type Appartenance;Date de publication JO;Ministère de dépôt;Date de transmission;"
    "Ministère de transmission;Ministère de réponse;Date de réponse JO;"
    "Référence de la question rappelée;Thème(s);Thème QC;URL Question"
)


class _Files:
    """What the server holds; swapped between updates."""

    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}
        self.served = 0

    def etag(self, path: str) -> str:
        return '"' + hashlib.sha1(self.bodies[path]).hexdigest()[:16] + '"'


def _server(files: _Files) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = files.bodies.get(self.path)
            if body is None:
                self.send_error(404)
                return
            etag = files.etag(self.path)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            files.served += len(body)

        def log_message(self, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _senat_csv(rows: int, base: str) -> bytes:
    lines = [CSV_HEADER]
    for n in range(1, rows + 1):
        lines.append(
            f"En attente de réponse;QE;{n:05d};;Question {n};Nom{n % 300};Prénom;M.;"
            f"Département;Groupe;Groupe;2025-{1 + n % 12:02d}-{1 + n % 28:02d};"
            f"{MINISTRIES[n % len(MINISTRIES)][1]};;;;;;{RUBRIQUES[n % len(RUBRIQUES)]};;"
            f"{base}/questions/base/2025/qSEQ2501{n:05d}.html"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _with_new_answers(source: Path, target: Path, count: int) -> int:
    """The same zip with `count` unanswered questions answered (a day of the JO)."""
    done = 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if done < count:
                record = json.loads(data)
                question = record["question"]
                if question.get("textesReponse") is None:
                    question["textesReponse"] = {
                        "texteReponse": {
                            "infoJO": {"dateJO": "2026-12-01", "pageJO": "1"},
                            "texte": "Le Gouvernement a pris bonne note de cette question.",
                        }
                    }
                    data = json.dumps(record, ensure_ascii=False).encode("utf-8")
                    done += 1
            new.writestr(info.filename, data, compresslevel=1)
    return done


def _follows(services: Services) -> None:
    veille = services.veille
    for n in range(FOLLOWS):
        kind = n % 4
        if kind == 0:
            veille.follow(FollowKind.AUTHOR, f"PA{700000 + n}")
        elif kind == 1:
            veille.follow(FollowKind.MINISTRY, MINISTRIES[n % len(MINISTRIES)][0] + f" {n}")
        elif kind == 2:
            veille.follow(FollowKind.THEME, RUBRIQUES[n % len(RUBRIQUES)])
        else:
            veille.follow(FollowKind.SEARCH, f"question{n}")
    veille.follow(FollowKind.MINISTRY, "Santé")  # plenty of news to list


def measure(count: int, workdir: Path) -> dict[str, float]:
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = workdir / f"Questions_ecrites-{count}.json.zip"
    if not corpus.exists():
        write_corpus(corpus, count)
    answered = workdir / f"Questions_ecrites-{count}-answers.json.zip"
    if not answered.exists():
        _with_new_answers(corpus, answered, NEW_ANSWERS)
    files = _Files()
    server = _server(files)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files.bodies[AN_PATH] = corpus.read_bytes()
    files.bodies[CSV_PATH] = _senat_csv(2_000, base)
    table = workdir / "sources.json"
    table.write_text(json.dumps({"an": {"17": base + AN_PATH}, "senat": base + CSV_PATH}))
    db = workdir / "veille.sqlite"
    for stale in workdir.glob("veille.sqlite*"):
        stale.unlink()
    services = Services.build(open_library(db), "bench")
    veille = services.veille
    veille.cache_dir = workdir / "cache"
    veille.sources_file = table
    veille.fetcher_factory = lambda cache: Fetcher(cache, page_interval=0)
    _follows(services)
    started = time.perf_counter()
    first = veille.update()  # untimed preparation: the library filled
    results = {"first_update_s": time.perf_counter() - started}
    assert first.ok, first.sources
    started = time.perf_counter()
    unchanged = veille.update()
    results["unchanged_update_s"] = time.perf_counter() - started
    assert unchanged.downloaded == 0, unchanged.sources
    files.bodies[AN_PATH] = answered.read_bytes()
    started = time.perf_counter()
    if os.environ.get("VEILLE_PROFILE"):  # where the time of the 500 answers goes
        import cProfile

        with cProfile.Profile() as profile:
            news = veille.update(source="an")
        profile.dump_stats(os.environ["VEILLE_PROFILE"])
    else:
        news = veille.update(source="an")
    results["new_answers_update_s"] = time.perf_counter() - started
    results["new_answers"] = float(news.updated)
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        veille.follows()
        veille.unseen_count()
        veille.inbox()
        timings.append(time.perf_counter() - started)
    results["inbox_open_ms"] = statistics.median(timings) * 1000
    results["inbox_items"] = float(len(veille.inbox()))
    services.database.close()
    server.shutdown()
    return results


def veille_rows(count: int, workdir: Path) -> list[Any]:
    """Rows for benchmarks/run.py (group 7)."""
    from benchmarks.run import Row

    r = measure(count, workdir / "veille")
    return [
        Row(7, "Veille: update when every source answers 304", r["unchanged_update_s"], "s", 2),
        Row(
            7,
            f"Veille: update bringing {int(r['new_answers'])} new answers into {count:,}",
            r["new_answers_update_s"],
            "s",
            15,
        ),
        Row(7, f"Veille: Nouveautés with {FOLLOWS} follows", r["inbox_open_ms"], "ms", 200),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/out/veille"))
    args = parser.parse_args()
    print(json.dumps(measure(args.count, args.workdir), indent=2))


if __name__ == "__main__":
    main()
