"""docs/checks.md documents every rule, from the rules' own declarations."""

from yaan_opendata.checks import RULES
from yaan_opendata.checks.docs import DOCS_PATH, fresh_text


def test_the_rule_table_is_generated_from_the_code():
    text = DOCS_PATH.read_text(encoding="utf-8")
    assert text == fresh_text(text), "docs/checks.md is stale: run `python -m yaan_opendata.checks.docs`"
    for rule in RULES:
        assert f"| `{rule.rule_id}` | {rule.title_zh} | {rule.title_en} |" in text
