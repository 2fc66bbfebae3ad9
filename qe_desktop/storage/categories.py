"""Highlight categories: seeded once with the French defaults, then the user's own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qe_desktop.domain.annotation import DEFAULT_CATEGORIES
from qe_desktop.domain.annotation import Category as CategoryRecord
from qe_desktop.storage.models import Category
from qe_desktop.storage.upserts import insert_missing


def ensure_default_categories(session: Session) -> None:
    """Seed the defaults once (two clients opening a new team library at once: no clash)."""
    existing = set(session.scalars(select(Category.name)))
    missing = [
        {"name": c.name, "label": c.label, "color": c.color, "position": c.position}
        for c in DEFAULT_CATEGORIES
        if c.name not in existing
    ]
    insert_missing(session, Category, missing)


def list_categories(session: Session) -> tuple[CategoryRecord, ...]:
    """The annotation categories in the order the palette shows them."""
    rows = session.scalars(select(Category).order_by(Category.position, Category.id))
    return tuple(CategoryRecord(r.name, r.label, r.color, r.position) for r in rows)


def update_category(session: Session, name: str, *, label: str, color: str) -> None:
    """Rename or recolour a category; its name, which annotations refer to, stays."""
    row = session.scalar(select(Category).where(Category.name == name))
    if row is None:
        raise KeyError(name)
    row.label = label
    row.color = color
