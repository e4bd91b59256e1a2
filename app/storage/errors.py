"""Storage errors, importable without loading SQLAlchemy (the UI's first frame needs them)."""


class StoreError(RuntimeError):
    """Storage cannot be used; the message is meant for the patient."""


class SchemaTooNewError(StoreError):
    pass
