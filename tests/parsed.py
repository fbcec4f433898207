"""Statements as a tagged parse leaves them, for the event, role and claim tests."""

from briefing.records import Citation, Statement


def parsed(text: str, arguments, verbs, claim_cue=None) -> Statement:
    """A statement as a tagged parse leaves it: (entity, relation, verb offset) per
    mention, spans found by the entity's name in the text."""
    spans = tuple(
        (text.index(name), text.index(name) + len(name), name.lower()) for name, _, _ in arguments
    )
    return Statement(
        text=text,
        citations=(Citation("a", 1),),
        entities=tuple(s[2] for s in spans),
        spans=spans,
        date="2024-11-30",
        date_evidence="Saturday",
        claim_cue=claim_cue,
        verbs=tuple((text.index(v), v) for v in verbs),
        tagged=True,
        arguments=tuple(
            (name.lower(), relation, text.index(verb) if verb else -1)
            for name, relation, verb in arguments
        ),
    )
