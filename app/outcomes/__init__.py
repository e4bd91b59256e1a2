"""Outcomes the patient can see: self-ratings in our own words, clinician scores recorded as
given, progress photos. Rules here are pure functions; the record is in app/storage."""
