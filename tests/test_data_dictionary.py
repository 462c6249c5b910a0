from yaan_opendata.data_dictionary import DICTIONARY_PATH, data_dictionary
from yaan_opendata.tables import TABLES


def test_committed_data_dictionary_is_generated_from_the_tables():
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == data_dictionary(), (
        "docs/data-dictionary.md is stale: run `python -m yaan_opendata.data_dictionary`"
    )


def test_every_table_and_field_is_documented():
    text = data_dictionary()
    for table in TABLES:
        assert f"## `{table.name}`" in text
        for field in table.fields:
            assert f"| `{field.name}` |" in text
