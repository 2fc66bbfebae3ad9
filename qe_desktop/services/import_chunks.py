"""How many questions each transaction of an import holds (the ordinary path and the
first load of a new library chunk alike).
"""

from __future__ import annotations

# Questions per transaction. Each commit writes a new segment of the full-text index
# and the index pages it touched: at 2,000 a legislature imports in 0.9 times the
# time it takes at 500, and the write lock is still released every second or two.
DEFAULT_CHUNK_SIZE = 2_000
# The first chunks are smaller (250, 500, 1,000…), and so are the last ones (half of what
# is left to read): the writer starts once a few hundred questions are parsed instead of
# 2,000, and the reader's last file leaves little to write. The two processes overlap
# for longer: 2,000 questions imported in one chunk were parsed, then written.
FIRST_CHUNK = 250


def chunk_limit(stored: int, done: int, total: int | None, size: int = DEFAULT_CHUNK_SIZE) -> int:
    """Questions in the next chunk: doubling from `FIRST_CHUNK` up to `size`, and half
    of the inputs left to read near the end (never less than `FIRST_CHUNK`).

    One file holding many questions (the 14th legislature in XML) is the last input
    from the start: its chunks do not shrink.
    """
    limit = FIRST_CHUNK << min(stored, 16)
    if total is not None and done < total:
        limit = min(limit, max(FIRST_CHUNK, (total - done) // 2))
    return max(1, min(limit, size))
