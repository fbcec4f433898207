"""spaCy's entity labels as the extract stage reads them.

The actor, place and name-only label sets live in :mod:`briefing.records`, since the
other stages read them off mentions too; the labels only extraction needs are here.
"""

from __future__ import annotations

DATE_LABELS = frozenset({"DATE", "TIME"})
"""Entities kept as date mentions."""
PERSON = "PERSON"
ORG = "ORG"
SPEAKER_LABELS = frozenset({PERSON, ORG})
"""Entities that can name a speaker in apposition ("its head, Olusegun Obasanjo")."""
TITLE_RUN_TYPES = frozenset({"", "NORP", "GPE"})
"""Entity types (none, a nationality, a country) a title run before a name may hold
("Iranian Foreign Minister")."""
