"""The text catalogue against the code: every id used exists, none is unused, placeholders agree.

The code is read with `ast`, not run: a message id is the first argument of a call that takes
one (`text`, `notice`, `Outcome`, `_show`), written as a literal or as `"a" if ... else "b"`.
The only ids made at run time are the command descriptions, `command_<name>`, one per entry
of the command table.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.commands import COMMANDS
from bot.present import texts

ROOT = Path(__file__).resolve().parent.parent
CODE = [*sorted((ROOT / "bot").rglob("*.py")), *sorted((ROOT / "handlers").rglob("*.py"))]
# Calls whose first argument is a message id.
TAKES_AN_ID = frozenset({"text", "notice", "Outcome", "_show"})
# Of those, the ones whose keyword arguments are the message's fields.
FIELDS_AS_KEYWORDS = frozenset({"text", "notice"})


@dataclass(frozen=True)
class Use:
    """One message id in the code, and the fields given with it (None: not known statically)."""

    message_id: str
    fields: frozenset[str] | None
    where: str


def _name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _ids(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _ids(node.body) + _ids(node.orelse)
    return []


def _uses() -> Iterator[Use]:
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node) not in TAKES_AN_ID or not node.args:
                continue
            fields: frozenset[str] | None = None
            if _name(node) in FIELDS_AS_KEYWORDS and all(k.arg for k in node.keywords):
                fields = frozenset(str(k.arg) for k in node.keywords)
            for message_id in _ids(node.args[0]):
                yield Use(message_id, fields, f"{path.relative_to(ROOT)}:{node.lineno}")


def _constants() -> set[str]:
    """Every string literal in the code (an id may be held in a variable before its call)."""
    found: set[str] = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def placeholders(template: str) -> frozenset[str]:
    """The str.format field names of a template."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template) if name)


COMMAND_IDS = {f"command_{c.name}" for c in COMMANDS}


def test_the_code_finds_uses_to_check() -> None:
    uses = list(_uses())
    assert len(uses) > 80  # the scan works: a broken one would make the tests below vacuous
    assert any(u.fields for u in uses)


def test_every_id_used_in_the_code_is_in_the_catalogue() -> None:
    catalogue = texts.catalogue()
    missing = [f"{u.where}: {u.message_id}" for u in _uses() if u.message_id not in catalogue]
    missing += sorted(COMMAND_IDS - set(catalogue))
    assert not missing


def test_the_catalogue_has_no_unused_ids() -> None:
    used = {u.message_id for u in _uses()} | COMMAND_IDS | _constants()
    assert sorted(set(texts.catalogue()) - used) == []


def test_every_use_gives_exactly_the_fields_its_message_names() -> None:
    catalogue = texts.catalogue()
    wrong = [
        f"{u.where}: {u.message_id} gives {sorted(u.fields)}, needs "
        f"{sorted(placeholders(catalogue[u.message_id]))}"
        for u in _uses()
        if u.fields is not None and u.message_id in catalogue
        and u.fields != placeholders(catalogue[u.message_id])
    ]
    assert not wrong


@pytest.mark.parametrize("language", texts.languages())
def test_every_language_has_the_same_ids_and_placeholders(language: str) -> None:
    english = texts.catalogue(texts.DEFAULT_LANGUAGE)
    other = texts.catalogue(language)
    assert set(other) == set(english)
    for message_id, template in english.items():
        assert placeholders(other[message_id]) == placeholders(template), message_id


def test_an_unknown_id_is_a_clear_error() -> None:
    with pytest.raises(texts.CatalogueError, match="no message 'no_such_message'"):
        texts.text("no_such_message")
    assert texts.text("not_covered") == "Not covered in this briefing."
    assert texts.text("no_such_expert", name="x") == "No expert matches “x”."
    assert texts.text("no_such_expert", "en", name="x") == "No expert matches “x”."


# What readers see on Telegram is made here; every text of it must be asked for in a language.
READER_FACING = [*sorted((ROOT / "handlers").rglob("*.py")),
                 *(ROOT / "bot" / "present" / f"{name}.py"
                   for name in ("render", "keyboards", "reply"))]
# Stored with a subscription and shown to bot administrators as stored: the default language.
STORED_NOTES = frozenset({"note_by_admin", "note_removed", "note_cannot_post", "anonymous_admin"})


def test_every_reader_facing_text_is_asked_for_in_a_language() -> None:
    """A `text(id)` or `notice(id)` without a language would always be English."""
    untranslated = []
    for path in READER_FACING:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _name(node) in FIELDS_AS_KEYWORDS
                    and len(node.args) == 1):
                continue
            ids = set(_ids(node.args[0]))
            if not ids or not ids <= STORED_NOTES:
                untranslated.append(f"{path.relative_to(ROOT)}: {ast.unparse(node)}")
    # The one exception: storage_failed's log line names what failed in English.
    assert untranslated == ["bot/present/reply.py: texts.text(doing)"]


def test_the_turkish_catalogue_is_turkish() -> None:
    english, turkish = texts.catalogue("en"), texts.catalogue("tr")
    # Only a format or an emoji with nothing to translate is the same in both.
    assert sorted(k for k in english if english[k] == turkish[k]) == [
        "button_quote", "button_vote_down", "button_vote_up", "console_briefing",
        "feedback_entry", "unanswered_group"]
    assert texts.text("not_covered", "tr") == "Bu bilgi notunda yer almıyor."
    assert texts.text("language_name", "tr") == "Türkçe"
