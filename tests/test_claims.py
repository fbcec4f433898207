"""Claims: the words that mark a sentence as a claim, and who makes it."""

from dataclasses import replace

import pytest

from briefing.resolve.claims import CLAIM_CUES, claimant, cue_pattern

from .parsed import parsed


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Rebels claimed the town.", "claimed"),
        ("The army allegedly shelled it.", "allegedly"),
        ("He said so without providing evidence.", "without providing evidence"),
        ("This cannot be independently verified.", "cannot be independently verified"),
        ("Reuters could not independently confirm it.", "could not independently confirm"),
        ("The report has not been verified.", "not been verified"),
        ("Syrian state television said the town fell.", "state television said"),
        ("The army's channels reported gains.", "army's channels reported"),
        ("Rebels say they reacted to attacks on their areas.", "Rebels say"),
        ("The army has said it repelled the assault.", "army has said"),
        ("Rebels took the town.", None),
        ("A government spokesman said talks would resume.", None),
        ("The claimant spoke.", None),
    ],
)
def test_claim_cues(text: str, cue: str | None) -> None:
    found = CLAIM_CUES.search(text)
    assert (found.group(0) if found else None) == cue


def test_a_cue_phrase_has_alternatives_and_optional_words() -> None:
    assert cue_pattern("not (been) verified") == "(?:not) (?:(?:been) )?(?:verified)"
    assert cue_pattern("said (so)") == "(?:said)(?: (?:so))?"
    assert cue_pattern("could|can not") == "(?:could|can) (?:not)"


def test_a_claim_names_its_claimant() -> None:
    claimed = parsed(
        "Hezbollah claimed it had destroyed three tanks.",
        [("Hezbollah", "nsubj", "claimed")],
        ["claimed", "destroyed"],
        claim_cue="claimed",
    )
    assert claimant(claimed) == "hezbollah"
    according = parsed(
        "Ten fighters died, according to Amal, which could not be independently verified.",
        [("Amal", "prep:to", "died")],
        ["died"],
        claim_cue="could not be independently verified",
    )
    assert claimant(according) == "amal"
    media = parsed("Tyre fell, state television said.", [("Tyre", "nsubj", "fell")], ["fell"])
    media = replace(media, claim_cue="state television said")
    assert claimant(media) == "state television said"


def test_a_party_s_own_account_is_its_claim() -> None:
    """ "Rebels say they reacted to ... attacks": a party's men speaking make a claim,
    named by the party as written, or by the entity that is the verb's subject."""
    text = "Rebels say they reacted to pro-government attacks on opposition areas."
    rebels = parsed(text, [], ["say", "reacted"], claim_cue="Rebels say")
    assert claimant(rebels) == "Rebels"
    army = parsed(
        "The Syrian Army said it repelled the attack.",
        [("Syrian Army", "nsubj", "said")],
        ["said", "repelled"],
        claim_cue="Army said",
    )
    assert claimant(army) == "syrian army"
