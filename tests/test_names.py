"""Name keys and spellings: how two written names are compared."""

from briefing.records import Mention
from briefing.resolve.names import (
    display,
    has_institution_word,
    initials,
    name_key,
    role_of,
    same_spelled_name,
    spelling_key,
    without_owner,
)


def test_name_keys_ignore_case_accents_titles_articles_and_possessives() -> None:
    assert name_key("Bashar al-Assad") == name_key("President Bashar Al Assad") == "bashar assad"
    assert name_key("Mr Al Assad") == name_key("Assad's") == "assad"
    assert name_key("Saraqéb") == name_key("SARAQEB")
    assert name_key("Hama province", is_place=True) == name_key("Hama", is_place=True)
    assert name_key("Hama") != name_key("Hamas")
    assert name_key("Iran") != name_key("Iraq")
    assert name_key("The Associated Press") == name_key("Associated Press")
    assert name_key("The") == "the"
    assert name_key("Anthony Smith III") == name_key("Anthony Smith")
    assert name_key("Abdullah II") != name_key("Abdullah")  # a monarch's numeral stays


def test_spelling_variants_merge_but_different_names_do_not() -> None:
    assert spelling_key("abbas araghchi") == spelling_key("abbas araqchi")
    assert spelling_key("saraqeb") == spelling_key("saraqib")
    assert spelling_key("hama") != spelling_key("hamas")
    assert same_spelled_name("ahmed mismari", "ahmad mesmari")
    assert not same_spelled_name("ali hassan", "ali hussein")
    assert not same_spelled_name("nabil arabi", "nabil arabiya")


def test_owners_are_not_part_of_a_name_unless_an_institution_holds_them() -> None:
    assert without_owner("FRANCE 24’s Nasr") == "Nasr"
    assert without_owner("Jordan’s King Abdullah II") == "King Abdullah II"
    assert without_owner("People's Defence Force") == "People's Defence Force"
    assert name_key("FRANCE 24’s Nasr") == "nasr"


def test_hyphenated_ranks_are_titles() -> None:
    assert name_key("Maj-Gen Robert Mood") == name_key("Robert Mood") == "robert mood"
    assert name_key("Brig Gen Manaf Tlas") == "manaf tlas"


def test_display_names_drop_titles_but_keep_institutions_whole() -> None:
    assert display("President Bashar al-Assad") == "Bashar al-Assad"
    assert display("Foreign Office") == "Foreign Office"
    assert has_institution_word("Free Syrian Army")
    assert not has_institution_word("Bashar al-Assad")


def test_initials_skip_small_words() -> None:
    assert initials("Organisation for the Prohibition of Chemical Weapons") == "OPCW"
    assert initials("Hayat Tahrir al-Sham") == "HTS"


def test_roles_leave_courtesy_titles_out() -> None:
    mention = Mention("a", 1, 0, 0, 15, "Mr Kofi Annan", "PERSON", role="envoy")
    assert role_of(mention) == "envoy"
    assert role_of(Mention("a", 1, 0, 0, 19, "Foreign Minister Lavrov", "PERSON")) == (
        "Foreign Minister"
    )
