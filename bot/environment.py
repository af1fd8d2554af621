"""The environment every command reads: `.env` first, the real environment over it.

Apart from `bot.settings` so that the question-answering commands (`ask`, `check`, ...) can
find BRIEFING_KNOWLEDGE_DIR the way `run` does without importing python-telegram-bot.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line and never contains a secret."""


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a `.env` file; blank lines, comments and `export ` prefixes allowed.

    A value may be wrapped in single or double quotes. Nothing is expanded or interpolated.
    """
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return values
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read: {exc.__class__.__name__}") from None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            # Name the line, never its content: it may hold the token.
            raise SettingsError(f"{path}: line {number}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return values


def read_environment(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> dict[str, str]:
    """The variables every command sees: `.env` first, the real environment over it.

    One reading for all commands, so `check` validates the knowledge base `run` serves.
    """
    env = dict(read_dotenv(env_file)) if env_file is not None else {}
    env.update(os.environ if environ is None else environ)
    return env
