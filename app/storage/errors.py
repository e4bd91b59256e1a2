"""Storage errors, importable without loading SQLAlchemy (the UI's first frame needs them)."""


class StoreError(RuntimeError):
    """Storage cannot be used; the message is meant for the patient."""


class SchemaTooNewError(StoreError):
    pass


class WriteFailed(StoreError):
    """The record refused a write just now (a full disk, a read-only file); trying again may work."""

    def __init__(self, reason: str):
        super().__init__(f"SmileBack could not save: {reason}.")
        self.reason = reason  # "the device's storage is full", for a sentence of the caller's
