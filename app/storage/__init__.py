"""Storage: SQLAlchemy models, the repository, migrations.

Store is loaded lazily (PEP 562) so that importing the errors does not import SQLAlchemy.
"""
from .errors import SchemaTooNewError, StoreError, WriteFailed

__all__ = ["Store", "StoreError", "SchemaTooNewError", "WriteFailed"]


def __getattr__(name):
    if name == "Store":
        from .repository import Store

        return Store
    raise AttributeError(name)
