"""How today stands, in four words the screens can share without loading storage."""
TODAY_NOT_STARTED, TODAY_IN_PROGRESS, TODAY_DONE, TODAY_PARTIAL = "not_started", "in_progress", "done", "partial"
