"""Maps drawn at build time: offline SVG, escaped, deterministic, markers that link."""

from briefing.write.maps import Marker, place_map


def _markers() -> list[Marker]:
    return [
        Marker("Aleppo <b>", 36.2, 37.16, "places/aleppo/", 5, "Battle"),
        Marker("Idlib", 35.93, 36.63, "places/idlib/", 2, "Strike", current=True),
        Marker("Tehran", 35.7, 51.4, "places/tehran/", 0),
    ]


def test_a_map_is_offline_escaped_and_the_same_every_time() -> None:
    drawn = place_map("Where <it> happened", _markers(), ["Battle", "Strike"])
    assert drawn == place_map("Where <it> happened", _markers(), ["Battle", "Strike"])
    assert "<b>" not in drawn and "Aleppo &lt;b&gt;" in drawn
    assert "http" not in drawn.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert drawn.count("<polygon") > 3  # the countries around the places
    for href in ("places/aleppo/", "places/idlib/", "places/tehran/"):
        assert f'<a href="{href}">' in drawn  # every located place, events or not
    assert ">Battle</text>" in drawn and ">Strike</text>" in drawn and "Natural Earth" in drawn


def test_no_located_place_draws_no_map() -> None:
    assert place_map("Nothing", [], []) == ""
