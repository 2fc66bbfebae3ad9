"""Write the parsed `title` into every page golden file (after a change to Sénat titles).

Run from the repository root: `.venv/bin/python tools/refresh_golden_titles.py`. Only the
"title" key of each expected.json changes; review the printed lines before committing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qe_desktop.importers.pages import parse_page_bytes  # noqa: E402
from tests.importers.pages_golden_support import (  # noqa: E402
    case_input,
    format_case_dirs,
    real_page_files,
)


def main() -> None:
    pairs = [(p, p.with_name(p.stem + ".expected.json")) for p in real_page_files()]
    pairs += [(case_input(c), c / "expected.json") for c in format_case_dirs()]
    for page, expected in pairs:
        data = json.loads(expected.read_text(encoding="utf-8"))
        title = parse_page_bytes(page.read_bytes(), data["source"]).title
        if title != data.get("title"):
            print(f"{expected.parent.name}/{page.name}: {data.get('title')!r} -> {title!r}")
            data["title"] = title
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            expected.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
