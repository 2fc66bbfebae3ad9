"""`qe-desktop versions KEY [--apply ID | --reject ID] [--json]`: the texts a question held.

Lists every version of the question's and the answer's texts (current, earlier,
pending, rejected); a pending one — a suspicious update an import held — is applied
or rejected here as in the window.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from qe_desktop.domain.annotation import Part
from qe_desktop.domain.text_versions import HoldReason, TextVersion, VersionState

if TYPE_CHECKING:  # the services load when a command runs (#25)
    from qe_desktop.services.container import Services


STATE_LABELS = {
    VersionState.CURRENT: "actuelle",
    VersionState.EARLIER: "antérieure",
    VersionState.PENDING: "à vérifier",
    VersionState.REJECTED: "refusée",
}
EXCERPT = 90


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("versions", help="versions des textes d'une question (à vérifier, etc.)")
    p.add_argument("key")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--apply", type=int, metavar="ID", help="appliquer cette version")
    action.add_argument("--reject", type=int, metavar="ID", help="refuser cette version")
    p.add_argument("--json", action="store_true")


def version_json(version: TextVersion) -> dict[str, Any]:
    return {
        "id": version.id,
        "question": version.question_key,
        "part": version.part.value,
        "state": version.state.value,
        "reason": version.reason,
        "text_hash": version.text_hash,
        "source": version.source,
        "imported_at": version.imported_at.isoformat(),
        "length": len(version.text),
        "text": version.text,
    }


def _line(version: TextVersion) -> str:
    part = "question" if version.part is Part.QUESTION else "réponse"
    excerpt = version.text.replace("\n", " ")
    if len(excerpt) > EXCERPT:
        excerpt = excerpt[: EXCERPT - 1] + "…"
    reason = f" — {HoldReason(version.reason).label}" if version.reason else ""
    return (
        f"{version.id}\t{part}\t{STATE_LABELS[version.state]}\t"
        f"{version.imported_at.astimezone():%d/%m/%Y %H:%M}\t{len(version.text)} car.\t"
        f"{version.source or '—'}{reason}\n    « {excerpt} »\n"
    )


def cmd_versions(args: argparse.Namespace, services: Services, out: TextIO, err: TextIO) -> int:
    versions = services.versions
    try:
        if args.apply is not None:
            done = versions.apply(args.key, args.apply)
            out.write(f"version {done.id} appliquée : c'est maintenant le texte affiché.\n")
            return 0
        if args.reject is not None:
            done = versions.reject(args.key, args.reject)
            out.write(f"version {done.id} refusée : elle reste consultable, jamais appliquée.\n")
            return 0
    except ValueError as error:
        err.write(f"{error}\n")
        return 1
    except LookupError as error:
        err.write(f"{error}\n")
        return 2
    listed = versions.versions(args.key)
    if args.json:
        json.dump([version_json(v) for v in listed], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for version in listed:
        out.write(_line(version))
    pending = [v for v in listed if v.state is VersionState.PENDING]
    if pending:
        out.write(
            f"{len(pending)} version(s) à vérifier : "
            f"qe-desktop versions {args.key} --apply ID ou --reject ID\n"
        )
    return 0
