"""spaCy's entity labels as the extract stage reads them.

The labels themselves and the actor, place and name-only label sets are named in
:mod:`briefing.records`, since the other stages read them off mentions too; the sets
only extraction needs are here.
"""

from __future__ import annotations

from ..records import GPE, NORP, ORG, PERSON

DATE_LABELS = frozenset({"DATE", "TIME"})
"""Entities kept as date mentions."""
SPEAKER_LABELS = frozenset({PERSON, ORG})
"""Entities that can name a speaker in apposition ("its head, Olusegun Obasanjo")."""
TITLE_RUN_TYPES = frozenset({"", NORP, GPE})
"""Entity types (none, a nationality, a country) a title run before a name may hold
("Iranian Foreign Minister")."""
