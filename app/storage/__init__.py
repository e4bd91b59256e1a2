"""Storage: SQLAlchemy models, the repository, migrations."""
from .repository import Store, StoreError, SchemaTooNewError

__all__ = ["Store", "StoreError", "SchemaTooNewError"]
