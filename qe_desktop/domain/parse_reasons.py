"""French words for the parsers' English errors (json, libxml2, zipfile), for import reports.

The parsers explain a broken file in English ("Expecting value", "Opening and ending tag
mismatch", "File is not a zip file"); a French user reads the import report, so the common
cases are said in French and the rest falls back to a French sentence, never the English.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile

_JSON_REASONS: tuple[tuple[str, str], ...] = (
    ("Expecting value", "valeur attendue (texte qui n'est pas du JSON, ou fichier coupé)"),
    ("Expecting ',' delimiter", "virgule attendue entre deux éléments"),
    ("Expecting ':' delimiter", "deux-points attendu après un nom de champ"),
    ("Expecting property name", "nom de champ entre guillemets droits attendu"),
    ("Unterminated string", "texte entre guillemets jamais refermé (fichier coupé ?)"),
    ("Invalid control character", "caractère de contrôle dans un texte entre guillemets"),
    ("Invalid \\escape", "séquence d'échappement invalide (barre oblique inverse)"),
    ("Invalid \\uXXXX escape", "séquence \\u invalide"),
    ("Extra data", "données en trop après la fin du document"),
    ("Illegal trailing comma", "virgule en trop avant une fermeture"),
)


def json_reason(error: json.JSONDecodeError) -> str:
    """`JSON invalide ou tronqué (ligne L, colonne C) : why`, in French."""
    why = next((fr for en, fr in _JSON_REASONS if error.msg.startswith(en)), "syntaxe JSON")
    return f"JSON invalide ou tronqué (ligne {error.lineno}, colonne {error.colno}) : {why}"


def utf8_reason(error: UnicodeDecodeError) -> str:
    """A file that is not UTF-8 text, with where it stops being so."""
    return f"le fichier n'est pas du texte UTF-8 (octet invalide à la position {error.start})"


def text_or_json_reason(error: ValueError) -> str:
    """What `json.loads` raised, JSON syntax or bytes that are not text, in French."""
    if isinstance(error, json.JSONDecodeError):
        return json_reason(error)
    if isinstance(error, UnicodeDecodeError):
        return utf8_reason(error)
    return "JSON illisible (nombre démesuré ou imbrication trop profonde)"


def csv_reason(error: csv.Error) -> str:
    """Why a line of a CSV file cannot be read, in French."""
    text = str(error)
    if "field larger than field limit" in text:
        return "champ démesuré (guillemet jamais refermé ?)"
    if "new-line character" in text or "unexpected end of data" in text:
        return "retour à la ligne dans un champ sans guillemets (fichier coupé ?)"
    if "NUL" in text:
        return "octet nul : ce n'est pas un fichier texte"
    return "syntaxe CSV (guillemets ou séparateurs)"


_XML_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Opening and ending tag mismatch: ([^\s,]+) line (\d+) and ([^\s,]+)"),
        "balise </{3}> alors que <{1}> (ligne {2}) n'est pas refermée",
    ),
    (
        re.compile(r"Premature end of data in tag (\S+) line (\d+)"),
        "fichier coupé : <{1}> (ligne {2}) n'est jamais refermée",
    ),
    (re.compile(r"EndTag: '</' not found"), "fichier coupé : une balise n'est pas refermée"),
    (re.compile(r"Document is empty"), "le document est vide"),
    (
        re.compile(r"Start tag expected, '<' not found"),
        "ce n'est pas du XML (aucune balise au début)",
    ),
    (re.compile(r"Extra content at the end"), "contenu en trop après la fin du document"),
    (
        re.compile(
            r"not proper UTF-8|encoding error|Unsupported encoding|Invalid bytes in character",
            re.IGNORECASE,
        ),
        "texte qui n'est pas dans l'encodage annoncé (UTF-8 attendu)",
    ),
    (re.compile(r"Couldn't find end of Start Tag (\S+)"), "balise <{1}> mal fermée"),
    (
        re.compile(r"xmlParseEntityRef|EntityRef: expecting ';'"),
        "caractère & non échappé (écrire &amp;)",
    ),
    (re.compile(r"AttValue: .{1,8} expected"), "valeur d'attribut sans guillemets"),
    (re.compile(r"expected '>'"), "« > » attendu : balise coupée (fichier coupé ?)"),
    (re.compile(r"Entity '([^']+)' not defined"), "entité &{1}; inconnue"),
    (re.compile(r"Char 0x[0-9A-F]+ out of allowed range|PCDATA invalid"), "caractère interdit"),
)


def xml_reason(message: str | None, line: int | None, column: int | None = None) -> str:
    """`XML invalide ou tronqué (ligne L, colonne C) : why`, in French."""
    where = f"ligne {line}" if line else "début du fichier"
    if line and column:
        where += f", colonne {column}"
    why = "syntaxe XML"
    for pattern, french in _XML_REASONS:
        found = pattern.search(message or "")
        if found is not None:
            why = french.format("", *found.groups())  # {1} is the first group
            break
    return f"XML invalide ou tronqué ({where}) : {why}"


def zip_reason(error: BaseException) -> str:
    """Why an archive (or one of its entries) cannot be read, in French."""
    text = str(error)
    if isinstance(error, zipfile.BadZipFile):
        if "CRC" in text:
            return "somme de contrôle fausse, archive corrompue"
        if "not a zip file" in text:
            return "ce n'est pas une archive ZIP, ou elle est coupée (téléchargement incomplet ?)"
        return "archive ZIP tronquée ou corrompue (téléchargez-la de nouveau)"
    if isinstance(error, zipfile.LargeZipFile):
        return "archive ZIP64 trop grande pour être lue"
    if isinstance(error, EOFError):
        return "archive coupée avant la fin (téléchargement incomplet ?)"
    if isinstance(error, PermissionError):
        return "accès refusé (droits insuffisants)"
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(error, OSError):
        return "lecture impossible (disque ou fichier abîmé)"
    if "decompress" in text.lower() or "invalid" in text.lower():
        return "données compressées abîmées : archive corrompue"
    return "archive corrompue"
