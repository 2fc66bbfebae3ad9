"""Enumerations whose members carry the French words shown for them.

A status, a kind of follow or of news, a reason to hold an update: each member's word
is written next to it (`KEPT = "tenu", "tenu"`: value, then label), not in a table kept
in step further down the module.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Self


class LabelledEnum(StrEnum):
    """A `StrEnum` whose members are declared as `NAME = value, label`."""

    _value_: str
    label: str  # the French word or line the user reads for this member

    if TYPE_CHECKING:  # as mypy sees it: `Status("answered")` looks a member up by value

        @property
        def value(self) -> str:
            """The stored value: the first of the pair, not the pair."""
            ...

    else:

        def __new__(cls, value: str, label: str) -> Self:
            """A member compares, hashes and prints as `value`, and knows its `label`."""
            member = str.__new__(cls, value)
            member._value_ = value
            member.label = label
            return member
