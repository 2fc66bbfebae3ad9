"""Re-extract the interface strings into the .ts files and list what still needs translating.

    python tools/update_translations.py           update resources/translations/*.ts
    python tools/update_translations.py --check   the same on temporary copies (tree untouched)

Existing translations are kept; strings gone from the code are dropped. The English
catalogue (the source language) only holds plural forms ("%n question(s)"). Prints
every unfinished entry and exits 1 when there is one, so it can gate a release.
Open the .ts file in Qt Linguist (pyside6-linguist) or any text editor to fill them in.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "qe_desktop" / "ui",)
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"
CATALOGUE = "qe_desktop"


@dataclass(frozen=True)
class Unfinished:
    context: str
    source: str
    comment: str = ""  # tells two identical source texts apart ("All", "any tag")

    def __str__(self) -> str:
        comment = f" ({self.comment})" if self.comment else ""
        return f"[{self.context}] {self.source!r}{comment}"


def qt_tool(name: str) -> str:
    """pyside6-<name> from the running virtualenv, else from PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    if local.exists():
        return str(local)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def language_of(ts_file: Path) -> str:
    return ts_file.stem.removeprefix(f"{CATALOGUE}_")


def run_lupdate(ts_file: Path, sources: tuple[Path, ...] = SOURCES) -> None:
    """Merge the strings found in `sources` into `ts_file` (created if missing)."""
    language = language_of(ts_file)
    command = [
        qt_tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-extensions",
        "py",
        "-locations",
        "relative",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
    ]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    command += [*map(str, sources), "-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def unfinished(ts_file: Path) -> list[Unfinished]:
    """Messages with no translation, a translation marked unfinished, or an empty plural form."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if translation is None or kind == "unfinished" or not _filled(translation):
                source = message.findtext("source", "")
                missing.append(Unfinished(name, source, message.findtext("comment", "")))
    return missing


def _filled(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts"))


def update(check_only: bool) -> dict[Path, list[Unfinished]]:
    report: dict[Path, list[Unfinished]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for ts_file in catalogues():
            target = ts_file
            if check_only:
                target = Path(scratch) / ts_file.name
                shutil.copyfile(ts_file, target)
            run_lupdate(target)
            report[ts_file] = unfinished(target)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not modify the .ts files")
    args = parser.parse_args(argv)
    report = update(check_only=args.check)
    for ts_file, missing in report.items():
        status = "complete" if not missing else f"{len(missing)} unfinished"
        print(f"{ts_file.relative_to(ROOT)}: {status}")
        for entry in missing:
            print(f"  {entry}")
    return 1 if any(report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
