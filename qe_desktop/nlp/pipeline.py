"""One shared, lazily loaded French spaCy pipeline.

Loading `fr_core_news_md` takes seconds, so nothing loads it at import time: callers ask
`french()` when they first need a parse (off the GUI thread), and every later call gets the
same object. The model is an ordinary locked dependency installed from PyPI; nothing is
downloaded at run time.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "fr_core_news_md"

_lock = threading.Lock()
_nlp: Language | None = None
_load_seconds: float | None = None


def french() -> Language:
    """The French pipeline, loaded on first call (thread-safe; later calls are free)."""
    global _nlp, _load_seconds
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            import spacy

            started = time.perf_counter()
            _nlp = spacy.load(MODEL_NAME)
            _load_seconds = time.perf_counter() - started
    return _nlp


def is_loaded() -> bool:
    """Whether the pipeline is already in memory (a caller can then parse on the GUI thread)."""
    return _nlp is not None


def load_seconds() -> float | None:
    """How long the first load took, for benchmarks and logs (None before it happened)."""
    return _load_seconds


# Named entities are not used: skipping the recogniser saves about a fifth of the parse.
UNUSED_PIPES = ("ner",)


_parse_lock = threading.Lock()


def parse(texts: list[str], whole: bool = False) -> list[Doc]:
    """Parse several short texts in one batch (loads the pipeline on first use).

    `whole`: each text is one sentence already (the domain splitter's), so the parser may
    not cut it again; one tree then spans it ("… ce que je peux comprendre ; nous allons
    accélérer": cut at the semicolon, the longer part without the promise was read).
    One parse at a time: the reader and the background pass share the pipeline, and
    spaCy does not promise that concurrent calls are safe.
    """
    nlp = french()
    unused = [p for p in UNUSED_PIPES if p in nlp.pipe_names]
    with _parse_lock:
        if not whole:
            return list(nlp.pipe(texts, disable=unused))
        docs = [nlp.make_doc(text) for text in texts]
        for doc in docs:
            for token in doc[1:]:
                token.is_sent_start = False  # the parser keeps preset boundaries
        return list(nlp.pipe(docs, disable=unused))
