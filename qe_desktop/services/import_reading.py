"""The reading half of an import: inputs parsed, questions named and prepared for storage.

It runs in a worker thread (`read_ahead`) and never touches the database: deputies'
names come from those stored when the import started plus those read on the way,
and each question leaves with its column values and hashes already computed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

from qe_desktop.domain.deputy import DeputyRecord, OrganeRecord
from qe_desktop.domain.question import QuestionRecord
from qe_desktop.importers.dispatch import parse_item
from qe_desktop.importers.errors import ImportFailure
from qe_desktop.importers.sources import SourceItem
from qe_desktop.services.import_steps import Input
from qe_desktop.storage.prepared import PreparedQuestion, prepare

__all__ = ["Input", "Read", "read_inputs", "with_deputy_name"]

Read = Input | PreparedQuestion | DeputyRecord | OrganeRecord | ImportFailure


def read_inputs(
    items: Iterable[SourceItem | ImportFailure | None], deputies: Mapping[str, DeputyRecord]
) -> Iterator[Read]:
    """Every input announced, then what it holds: records, and failures in their place.

    `None` is an input another reader handles (`iter_sources_share`): counted, not read.
    """
    names = dict(deputies)  # this thread's own copy, grown with the deputies read
    for done, item in enumerate(items, start=1):
        if item is None:
            continue
        if isinstance(item, ImportFailure):
            yield Input(done, item.source, item)
            continue
        yield Input(done, item.name, mark=item.mark)
        for parsed in parse_item(item):
            if isinstance(parsed, QuestionRecord):
                yield prepare(with_deputy_name(parsed, names))
            else:
                if isinstance(parsed, DeputyRecord):
                    names[parsed.ref] = parsed
                yield parsed


def with_deputy_name(
    record: QuestionRecord, deputies: Mapping[str, DeputyRecord]
) -> QuestionRecord:
    """An AN question that only carries its author's acteurRef, with the deputy's name
    (and seat, when the question gives none).
    """
    if record.author.name or not record.author.ref:
        return record
    deputy = deputies.get(record.author.ref)
    if deputy is None:
        return record
    author = dataclasses.replace(
        record.author,
        name=deputy.full_name,
        civility=deputy.civility,
        constituency=record.author.constituency or deputy.constituency,
    )
    return dataclasses.replace(record, author=author)
