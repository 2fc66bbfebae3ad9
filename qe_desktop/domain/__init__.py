"""Plain-Python domain: records, canonical text, deadlines, anchoring, commitments.

Nothing here imports Qt or SQLAlchemy (enforced by import-linter).
"""
