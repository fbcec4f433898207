import codecs

from briefing.ingest.readers import decode, read_json_lines


def test_truncated_utf8_loses_only_the_cut_character() -> None:
    data = "Café owners in Zürich".encode()[:-1] + "ü".encode()[:1]
    assert decode(data) == "Café owners in Zürich"[:-1]


def test_utf16_and_utf8_bom() -> None:
    assert decode("Ünïcode".encode("utf-16")) == "Ünïcode"
    assert decode(codecs.BOM_UTF8 + "Ünïcode".encode()) == "Ünïcode"


def test_windows_1252_is_preferred_for_latin_text() -> None:
    text = "Tomás Peña said the “water” came at night, and Inés Muñoz agreed."
    assert decode(text.encode("cp1252")) == text


def test_json_lines_fields_and_bad_lines() -> None:
    text = "\n".join(
        [
            '{"id": "x1", "published": "2024-03-10T09:30:00Z", "headline": "A", "body": "One.\\nTwo.", "publisher": "W", "authors": ["Ann", "Bo"]}',
            "[1, 2]",
            "{broken",
            '{"title": "no text"}',
            "",
        ]
    )
    docs, bad = read_json_lines(text, "DMY")
    (doc,) = docs
    assert (doc.key, doc.published, doc.title, doc.blocks, doc.outlet, doc.byline) == (
        "x1",
        "2024-03-10",
        "A",
        ["One.", "Two."],
        "W",
        "Ann, Bo",
    )
    assert [line for line, _ in bad] == [2, 3, 4]


def test_hostile_json_lines_do_not_crash() -> None:
    text = "\n".join(
        ["[" * 100_000, '{"text": ' + "9" * 5000 + "}", '{"text": 3.5}', '{"text": true}']
    )
    docs, bad = read_json_lines(text)
    assert docs == [] and [line for line, _ in bad] == [1, 2, 3, 4]


def test_newsapi_shaped_records() -> None:
    line = (
        '{"source": {"id": "reuters", "name": "Reuters"}, "author": null, "title": "T", '
        '"publishedAt": "2024-03-04T10:00:00Z", "content": "Body text.", "authors": [{"name": "Ann Lee"}]}'
    )
    (doc,), _ = read_json_lines(line)
    assert (doc.outlet, doc.published, doc.byline) == ("Reuters", "2024-03-04", "Ann Lee")
