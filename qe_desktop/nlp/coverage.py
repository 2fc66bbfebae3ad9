"""Coverage of one question by its answer: demands found, aligned, judged.

The entry point for services and the CLI. It loads the shared French pipeline on first
use (seconds; call it off the GUI thread until `pipeline.is_loaded()`), then parses only
the demands, the answer's sentences and the question once, with the dependency parser
switched off: a question costs tens of milliseconds once the model is in memory.
"""

from __future__ import annotations

from qe_desktop.domain.coverage import Coverage
from qe_desktop.domain.sentences import split_sentences
from qe_desktop.nlp.alignment import align, content_bag
from qe_desktop.nlp.demands import find_demands
from qe_desktop.nlp.pipeline import french

# Alignment needs lemmas, morphology and vectors: the parser and the entity recogniser (proper
# nouns stand in for entities) would double the time of a question.
_DISABLED = ("parser", "ner")


def analyze_coverage(question_text: str, answer_text: str | None) -> Coverage:
    """Demands of `question_text` with their verdicts against `answer_text` (empty if no answer)."""
    demands = find_demands(question_text)
    if not demands or not answer_text:
        return Coverage()
    sentences = split_sentences(answer_text)
    nlp = french()
    texts = [question_text, *(d.text for d in demands), *(s.text for s in sentences)]
    docs = list(nlp.pipe(texts, disable=list(_DISABLED)))
    bags = [content_bag(doc) for doc in docs]
    question_bag = bags[0]
    demand_bags = bags[1 : 1 + len(demands)]
    sentence_bags = bags[1 + len(demands) :]
    results = align(
        question_bag,
        list(zip(demands, demand_bags, strict=True)),
        list(zip(sentences, sentence_bags, strict=True)),
    )
    return Coverage(tuple(results))
