"""A local stand-in for the official servers (pytest-httpserver): files with ETag,
Last-Modified, 304 and Range, and the faults the veille must survive."""

from __future__ import annotations

import hashlib
import json
import random
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

DATA = Path(__file__).resolve().parent.parent / "data" / "veille"
SENAT_CSV = DATA / "questions-depuis-un-an.csv"
CSV_HEADER = (
    "Sort;Nature;Numéro;Référence;Titre;Nom;Prénom;Civilité;Circonscription;Groupe;"
    "Type Appartenance;Date de publication JO;Ministère de dépôt;Date de transmission;"
    "Ministère de transmission;Ministère de réponse;Date de réponse JO;"
    "Référence de la question rappelée;Thème(s);Thème QC;URL Question"
)
AN_PATH = "/static/openData/repository/17/questions/questions_ecrites/Questions_ecrites.json.zip"
CSV_PATH = "/data/questions/questions-depuis-un-an.csv"


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    sent: int


@dataclass
class ServedFile:
    """A file that answers like a good static server: validators, 304, ranges."""

    body: bytes
    content_type: str = "application/octet-stream"
    hits: list[Hit] = field(default_factory=list)
    cut_after: int | None = None  # the next 200 stops after this many bytes, then it's off

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'

    last_modified = "Mon, 01 Dec 2026 06:00:00 GMT"

    def __call__(self, request: Request) -> Response:
        headers = {"ETag": self.etag, "Last-Modified": self.last_modified}
        asked = dict(request.headers)
        if request.headers.get("If-None-Match") == self.etag:
            self.hits.append(Hit(request.path, asked, 304, 0))
            return Response(status=304, headers=headers)
        range_header = request.headers.get("Range")
        if range_header and request.headers.get("If-Range", self.etag) in (
            self.etag,
            self.last_modified,
        ):
            start = int(range_header.removeprefix("bytes=").split("-")[0])
            if start >= len(self.body):
                self.hits.append(Hit(request.path, asked, 416, 0))
                return Response(status=416)
            part = self.body[start:]
            headers["Content-Range"] = f"bytes {start}-{len(self.body) - 1}/{len(self.body)}"
            self.hits.append(Hit(request.path, asked, 206, len(part)))
            return Response(part, status=206, headers=headers, content_type=self.content_type)
        if self.cut_after is not None:
            cut, self.cut_after = self.cut_after, None
            self.hits.append(Hit(request.path, asked, 200, cut))
            headers["Content-Length"] = str(len(self.body))
            return Response(_cut(self.body, cut), headers=headers, content_type=self.content_type)
        self.hits.append(Hit(request.path, asked, 200, len(self.body)))
        return Response(self.body, headers=headers, content_type=self.content_type)

    @property
    def bodies_sent(self) -> int:
        return sum(h.sent for h in self.hits if h.status in (200, 206))


def _cut(body: bytes, cut: int) -> Iterator[bytes]:
    yield body[:cut]
    raise ConnectionAbortedError("cut on purpose")


def slow(seconds: float) -> Any:
    def handler(request: Request) -> Response:
        time.sleep(seconds)
        return Response(b"late")

    return handler


def csv_bytes(rows: list[list[str]], header: str = CSV_HEADER) -> bytes:
    lines = [header, *(";".join(r) for r in rows)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def an_question(
    number: int, author_ref: str, published: date, answered: date | None, rubrique: str
) -> dict[str, Any]:
    """One AN written question in the official JSON layout (as `benchmarks/corpus.py`)."""
    info = {"dateJO": published.isoformat(), "pageJO": str(100 + number), "numJO": None}
    rng = random.Random(number)
    words = ["commune", "école", "hôpital", "route", "eau", "logement", "agriculteurs"]
    question: dict[str, Any] = {
        "uid": f"QANR5L17QE{number}",
        "identifiant": {"numero": str(number), "legislature": "17"},
        "type": "QE",
        "indexationAN": {
            "rubrique": rubrique,
            "teteAnalyse": "Question test",
            "analyses": {"analyse": f"Analyse {number}"},
        },
        "auteur": {
            "identite": {"acteurRef": author_ref, "mandatRef": None},
            "groupe": {"organeRef": "PO1", "abrege": "DR", "developpe": "Droite Républicaine"},
        },
        "minInt": {"abrege": "Santé", "developpe": "Ministère de la santé et de l'accès aux soins"},
        "minAttribs": {
            "minAttrib": {
                "infoJO": info,
                "denomination": {
                    "abrege": "Santé",
                    "developpe": "Ministère de la santé et de l'accès aux soins",
                },
            }
        },
        "textesQuestion": {
            "texteQuestion": {
                "infoJO": info,
                "texte": " ".join(rng.choice(words) for _ in range(40)) + f" (question {number}).",
            }
        },
        "textesReponse": None,
        "cloture": None,
        "signalement": None,
        "renouvellements": None,
    }
    if answered is not None:
        question["textesReponse"] = {
            "texteReponse": {
                "infoJO": {"dateJO": answered.isoformat(), "pageJO": "900", "numJO": None},
                "texte": f"Le Gouvernement répond à la question {number} : "
                + " ".join(rng.choice(words) for _ in range(30)),
            }
        }
        question["cloture"] = {
            "codeCloture": "REP_PUB",
            "libelleCloture": "Réponse publiée",
            "dateCloture": answered.isoformat(),
            "infoJO": None,
        }
    return {"question": question}


def an_zip(questions: list[dict[str, Any]]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for q in questions:
            uid = q["question"]["uid"]
            archive.writestr(f"json/{uid}.json", json.dumps(q, ensure_ascii=False))
    return buffer.getvalue()


def an_corpus(answered_numbers: set[int], count: int = 6) -> bytes:
    """Questions 1..count; the two authors PA1 and PA2 alternate."""
    start = date(2025, 3, 3)
    return an_zip(
        [
            an_question(
                n,
                "PA1" if n % 2 else "PA2",
                start + timedelta(days=n),
                start + timedelta(days=40 + n) if n in answered_numbers else None,
                "santé" if n % 3 else "agriculture",
            )
            for n in range(1, count + 1)
        ]
    )


def sources_file(path: Path, server: HTTPServer) -> Path:
    path.write_text(
        json.dumps({"an": {"17": server.url_for(AN_PATH)}, "senat": server.url_for(CSV_PATH)}),
        "utf-8",
    )
    return path
