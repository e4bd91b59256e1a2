"""The outcomes for the caregiver and the clinician: a CSV of every self-rating and clinician
score, and the lines the dashboard (and the PDF) show.

The photos stay on the device: no picture goes into these, only the face measures made from
them (numbers, each with the line that says they are no grade).
Ratings are the patient's own words and numbers; scores are as the clinician gave them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..outcomes.changes import notable_changes
from ..outcomes.items import ItemChoice, item_words
from ..outcomes.trends import standing_words, standings
from ..outcomes.validation import score_words
from ..storage.repository import Store
from ..vocabulary import OutcomeEntry

OUTCOME_COLUMNS = ("local_date", "entry", "item", "moment", "value", "rated_by", "note")
OUTCOME_TEXT_COLUMNS = frozenset({"entry", "item", "moment", "value", "rated_by", "note"})


def _words_by_id(store: Store, choices: tuple[ItemChoice, ...]) -> dict[int, str]:
    return {i.id: item_words(i.key, i.own_words, choices) for i in store.outcomes.every_item()}


def outcome_rows(store: Store, choices: tuple[ItemChoice, ...], more: list[tuple] = ()) -> list[tuple]:
    """Every self-rating and clinician score, and `more` rows in the same columns (the face
    measures, app/face_words.py), by date."""
    words = _words_by_id(store, choices)
    rows = [(r.local_date, OutcomeEntry.SELF_RATING.words, words[r.item_id], r.moment.words, r.value, "", "")
            for r in store.outcomes.ratings()]
    rows += [(s.scored_on, OutcomeEntry.CLINICIAN_SCORE.words, s.name, "", score_words(s.scale, s.value),
              s.rated_by or "", s.note or "") for s in store.outcomes.scores()]
    rows += list(more)
    return [(day.isoformat(), *rest) for day, *rest in sorted(rows, key=lambda row: row[0])]


@dataclass(frozen=True)
class OutcomeLines:
    standings: tuple[str, ...]  # each chosen item: now, at the first and at the last injection
    changes: tuple[str, ...]  # worth mentioning to the clinician
    scores: tuple[str, ...]  # the clinician scores over time, the earliest first


def outcome_lines(store: Store, choices: tuple[ItemChoice, ...]) -> OutcomeLines:
    words = _words_by_id(store, choices)
    chosen = [i.id for i in store.outcomes.chosen_items()]
    ratings, injections = store.outcomes.ratings(), store.treatment.injections()
    return OutcomeLines(
        standings=tuple(standing_words(words[s.item_id], s) for s in standings(chosen, ratings, injections)),
        changes=tuple(c.words(words[c.item_id]) for c in notable_changes(ratings) if c.item_id in chosen),
        scores=tuple(f"{s.scored_on.day} {s.scored_on:%B %Y}: {s.name} {score_words(s.scale, s.value)}"
                     + (f" ({s.rated_by})" if s.rated_by else "") for s in store.outcomes.scores()))
