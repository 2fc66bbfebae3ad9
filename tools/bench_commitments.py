"""Commitment model speed (run by `make bench`): load time, per-answer latency, background pass.

    .venv/bin/python tools/bench_commitments.py [--questions N]

- model load: spaCy's French pipeline and the weights, first use in this process;
- per-answer latency: `suggest_commitments` on every real answer of the labelled corpus,
  once the model is loaded (what the reader waits for on an answer not cached yet);
- background throughput: the cache-filling pass over a temporary library of N answered
  questions whose answers are the corpus answers, each made unique (so none is served
  from the cache), in questions per second; the time for 100,000 questions (about
  70,000 answered, the share of the official dumps) is extrapolated from it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from commitment_corpus import load  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import build_vocabulary, make_question  # noqa: E402
from qe_desktop.nlp import pipeline  # noqa: E402
from qe_desktop.nlp.commitments import model, suggest_commitments  # noqa: E402

LATENCY_TARGET_MS = 300.0


def _library_zip(path: Path, answers: list[str], count: int) -> Path:
    rng = random.Random(2026)
    vocabulary = build_vocabulary()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number in range(1, count + 1):
            record = make_question(number, 17, rng, vocabulary)
            question = record["question"]
            assert isinstance(question, dict)
            if question["textesReponse"] is None:
                question["textesReponse"] = {
                    "texteReponse": {
                        "infoJO": {"typeJO": "JO_QUESTION", "dateJO": "2024-05-14",
                                   "pageJO": "1", "numJO": None},
                        "texte": "",
                    }
                }  # fmt: skip
            text = answers[number % len(answers)] + f" (Réponse de référence n° {number}.)"
            question["textesReponse"]["texteReponse"]["texte"] = text  # type: ignore[index]
            archive.writestr(f"json/QANR5L17QE{number}.json", json.dumps(record))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=1000)
    args = parser.parse_args()
    corpus = [a for split in ("dev", "test") for a in load(split)]

    started = time.perf_counter()
    pipeline.french()
    model()
    load_seconds = time.perf_counter() - started

    suggest_commitments(corpus[0].text, corpus[0].answered_on)  # warm caches
    latencies = []
    for answer in corpus:
        t0 = time.perf_counter()
        suggest_commitments(answer.text, answer.answered_on)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]

    from qe_desktop.services.container import Services
    from qe_desktop.services.library import open_library

    with tempfile.TemporaryDirectory(prefix="qe-bench-commitments-") as tmp:
        database = open_library(Path(tmp) / "library.sqlite")
        services = Services.build(database, "bench")
        source = _library_zip(Path(tmp) / "answers.zip", [a.text for a in corpus], args.questions)
        services.importing.import_paths([source])
        t0 = time.perf_counter()
        done = services.commitments.cache.fill()
        fill_seconds = time.perf_counter() - t0
        database.close()
    rate = done / fill_seconds if fill_seconds else 0.0
    hours_100k = 70_000 / rate / 3600 if rate else float("nan")

    print("commitments (French model):")
    print(f"  model load                      {load_seconds:8.1f} s")
    print(
        f"  per-answer latency (loaded)     {statistics.median(latencies):8.1f} ms median, "
        f"{p95:.1f} ms p95, {latencies[-1]:.1f} ms max over {len(latencies)} real answers "
        f"(target {LATENCY_TARGET_MS:.0f} ms: {'ok' if p95 <= LATENCY_TARGET_MS else 'MISSED'})"
    )
    print(
        f"  background pass                 {rate:8.1f} answers/s ({done} answers in "
        f"{fill_seconds:.1f} s); 100,000 questions (~70,000 answered): ~{hours_100k:.1f} h"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
