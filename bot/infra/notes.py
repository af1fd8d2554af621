"""Notes kept with a subscription or a delivery, stored by message id so they are shown later in
the language of whoever reads them.

A note is written when something happens (a chat removed the bot, an administrator
unsubscribed it, a delivery got no answer) and read much later, by a bot administrator whose
language is not known when it is written. So the store keeps the catalogue's message id and its
fields, as a small JSON object, and `bot.present.texts.shown` makes the text at reading time.
Anything else in a note column (Telegram's own error text, a note written before notes were
stored this way) is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

# Every stored note starts with this, so a Telegram error text is never mistaken for one.
_PREFIX = '{"note": '


def encode(message_id: str, /, **fields: str | int) -> str:
    """A note for the store: the message id of the catalogue and its placeholders' values."""
    return json.dumps({"note": message_id, **fields}, ensure_ascii=False, sort_keys=False)


def described(stored: str) -> str:
    """A stored note for a log line or a reader whose catalogue lacks its id: the id and its
    fields ("note_network detail=…"); a plain text as it is."""
    found = decode(stored)
    if found is None:
        return stored
    message_id, fields = found
    return " ".join([message_id, *(f"{k}={v}" for k, v in fields.items())])


def decode(stored: str) -> tuple[str, Mapping[str, object]] | None:
    """The message id and fields of a stored note; None for a plain text (shown as it is)."""
    if not stored.startswith(_PREFIX):
        return None
    try:
        data = json.loads(stored)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("note"), str):
        return None
    fields = {k: v for k, v in data.items() if k != "note"}
    return data["note"], fields
