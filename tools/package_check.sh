#!/usr/bin/env bash
# Run the standalone bundle as a user without Python would: unpacked from its archive
# somewhere else, in an empty environment (no venv, no PYTHONPATH, a new HOME), headless.
# Usage: tools/package_check.sh dist/qe-desktop-linux-x86_64.tar.gz
set -euo pipefail
archive=${1:?usage: $0 ARCHIVE.tar.gz}
python=${PYTHON:-.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
tar -C "$tmp" -xzf "$archive"
app="$tmp/qe-desktop/qe-desktop"
samples="$tmp/qe-desktop/_internal/qe_desktop/resources/samples"
key=senat-20250130-fabien-genet-p246

run() {
	env -i HOME="$tmp/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
		"$app" --db "$tmp/x.sqlite" "$@"
}
step() { printf '== %s\n' "$*"; }
seconds() { "$python" -c 'import sys, time; print(f"{time.perf_counter() - float(sys.argv[1]):.2f}")' "$1"; }
now() { "$python" -c 'import time; print(time.perf_counter())'; }

step "import of the bundled samples"
run import "$samples"
step "show $key --json"
run show "$key" --json >"$tmp/show.json"
"$python" - "$tmp/show.json" "$key" <<'PY'
import json, sys
question = json.load(open(sys.argv[1], encoding="utf-8"))
assert question["key"] == sys.argv[2], question["key"]
assert "feuille de route" in question["answer_text"]
print("  ok:", question["key"], question["status"])
PY
step "commitments --suggest (spaCy and fr_core_news_md inside the bundle)"
run commitments --suggest "$key" --json >"$tmp/suggest.json"
"$python" -c 'import json, sys; s = json.load(open(sys.argv[1])); assert s, "no suggestion"; print("  ok:", len(s), "suggestion(s)")' "$tmp/suggest.json"
step "export --format docx and pdf"
run export --format docx -o "$tmp/note.docx" --question "$key"
run export --format pdf -o "$tmp/note.pdf" --question "$key"
test -s "$tmp/note.docx" && test -s "$tmp/note.pdf"
step "screenshot (the window, in French, rendered offscreen)"
run screenshot "$tmp/window.png" --size 1366x768 --question "$key"
test -s "$tmp/window.png"
if [ -n "${PACKAGE_SCREENSHOT:-}" ]; then cp "$tmp/window.png" "$PACKAGE_SCREENSHOT"; fi

step "start times (seconds; second run, files in the page cache)"
start=$(now); run list --json >/dev/null; echo "  list --json: $(seconds "$start")"
start=$(now); run screenshot "$tmp/again.png" >/dev/null; echo "  window (screenshot): $(seconds "$start")"
step "sizes"
du -sh "$tmp/qe-desktop" "$archive" | sed 's/^/  /'
echo "package-check: OK"
