"""The text catalogue: every user-visible string, Telegram and console alike, by message id.

The strings live in `locale/<language>.yaml`, one file per language with the same ids, loaded
once. `text("not_covered")` gives one; `text("no_such_expert", name=...)` fills in its str.format
placeholders. Texts are plain: `bot.present.render` escapes them (it is the only place that makes
HTML), the console prints them as they are. A second language is a second file: the ids and the
placeholders must be the same (`tests/test_catalogue.py`).

Operator diagnostics (one-line start-up errors, log lines, `--help`) are not here: they are for
whoever runs the bot and stay in English next to the code that detects the problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from bot.infra import notes

if TYPE_CHECKING:
    from knowledge import Entry

DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).with_name("locale")


class CatalogueError(Exception):
    """A catalogue file is missing or malformed, or an id is not in it."""


@cache
def languages() -> tuple[str, ...]:
    """Every language with a catalogue file, the default first (the directory is read once per
    process: every update asks, to check a remembered choice)."""
    found = sorted(p.stem for p in LOCALE_DIR.glob("*.yaml"))
    return tuple(sorted(found, key=lambda language: language != DEFAULT_LANGUAGE))


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """Every message of one language by id, read once per process."""
    path = LOCALE_DIR / f"{language}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"cannot read the text catalogue {path}: {exc}") from None
    if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise CatalogueError(f"{path}: expected a mapping of message ids to strings")
    return data


def text(message_id: str, language: str = DEFAULT_LANGUAGE, /, **fields: object) -> str:
    """The message `message_id` in `language`, its placeholders filled from `fields`.

    Both are positional-only, so any name is free for a placeholder: `text("x", "tr", id=7)`.
    """
    try:
        template = catalogue(language)[message_id]
    except KeyError:
        raise CatalogueError(f"no message {message_id!r} in the {language} catalogue") from None
    return template.format(**fields)


def words_language(question: str, language: str = DEFAULT_LANGUAGE,
                   entries: Iterable[Entry] = ()) -> str:
    """The language `entries`' words are shown in, for a reader of `language` who asked
    `question`: Turkish (a Turkish `original`, the compiler's biography) when the interface is
    Turkish or the question is written in Turkish, whatever the interface. The experts' quotes
    are English either way.

    The question's language is read only when one of `entries` has a Turkish `original`:
    reading it loads the word lists (some 8 MB), which most answers do not need.
    """
    from knowledge.models import written_in

    if language == "tr" or not any(e.original and written_in(e.original) == "tr"
                                   for e in entries):
        return language
    from knowledge.normalize import question_language

    return "tr" if question_language(question) == "tr" else language


def shown(stored: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A note from the store (`bot.infra.notes`) in `language`; a plain text as it is.

    A note whose id this catalogue does not know, or whose fields do not fit it (written by
    another version of the bot), is shown by its id and fields rather than failing.
    """
    found = notes.decode(stored)
    if found is None:
        return stored
    message_id, fields = found
    try:
        return text(message_id, language, **fields)
    except (CatalogueError, KeyError, IndexError, ValueError):
        return notes.described(stored)
