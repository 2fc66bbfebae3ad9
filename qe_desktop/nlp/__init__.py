"""nlp: the French pipeline (spaCy) behind commitments and answer coverage; no Qt, no database."""
