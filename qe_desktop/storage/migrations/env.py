"""Alembic environment: runs on the connection handed in by qe_desktop.storage.schema."""

from alembic import context

from qe_desktop.storage.models import Base
from qe_desktop.storage.schema import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("qe-desktop migrations run on a connection passed by the application")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
