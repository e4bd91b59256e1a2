"""Storage errors, importable without loading SQLAlchemy (the UI's first frame needs them)."""


class StoreError(RuntimeError):
    """Storage cannot be used; the message is meant for the patient."""


class SchemaTooNewError(StoreError):
    pass


class WriteFailed(StoreError):
    """The record refused a write just now (a full disk, a read-only file); trying again may work."""
