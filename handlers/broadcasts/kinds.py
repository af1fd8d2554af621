"""What an administrator can broadcast by name: the registry of broadcast kinds.

`/broadcast NAME`, `briefing-bot broadcast NAME`, /help's hint and the usage message all come
from `KINDS`, so a new kind is one entry here and its text in the catalogue. Anything else after
/broadcast is an announcement (kind `text`), sent as written.

Importing this module imports no python-telegram-bot, so the command line lists the kinds
without it: the renderer (which does) is imported when a message is composed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from itertools import chain, zip_longest
from typing import TYPE_CHECKING

from knowledge import KnowledgeBase

if TYPE_CHECKING:
    from bot.infra.store import AsyncStore

# What a kind sends: the message's HTML in each language of the catalogue (each chat gets the
# one configured for it), and the entry it quotes (None if none).
Composed = tuple[Mapping[str, str], str | None]
Compose = Callable[[KnowledgeBase, "AsyncStore"], Awaitable[Composed]]
ANNOUNCEMENT = "text"


@dataclass(frozen=True)
class Kind:
    """A broadcast an administrator asks for by name, and how its message is made."""

    name: str
    compose: Compose


async def _digest(knowledge: KnowledgeBase, store: AsyncStore) -> Composed:
    """The meeting in one line, then each expert's key quote."""
    from bot.present import render, texts

    return {lang: render.digest(knowledge, language=lang) for lang in texts.languages()}, None


async def _quote(knowledge: KnowledgeBase, store: AsyncStore) -> Composed:
    """The next quote in the rotation (none repeats before every one was sent)."""
    from bot.present import render, texts

    entry_id = await store.next_quote(quote_candidates(knowledge))
    entry = knowledge.entry(entry_id)
    assert entry is not None  # a candidate is an entry of this knowledge base
    return {lang: render.quote_of_the_day(entry, knowledge, lang)
            for lang in texts.languages()}, entry_id


KINDS: Mapping[str, Kind] = {kind.name: kind for kind in (
    Kind("digest", _digest),
    Kind("quote", _quote),
)}


def parse_request(text: str | None) -> tuple[str, str] | None:
    """(a kind's name | `text`, announcement) from a /broadcast message; None if empty.

    The announcement keeps its line breaks: it is everything after the command.
    """
    parts = (text or "").split(maxsplit=1)
    rest = parts[1].strip() if len(parts) == 2 else ""
    if not rest:
        return None
    if rest.lower() in KINDS:
        return rest.lower(), ""
    return ANNOUNCEMENT, rest


async def compose(kind: str, text: str, knowledge: KnowledgeBase,
                  store: AsyncStore) -> Composed:
    """The message of a broadcast of `kind` (`text`: the announcement, escaped, as written in
    every language)."""
    from bot.present import render, texts

    if kind == ANNOUNCEMENT:
        return {lang: render.announcement(text) for lang in texts.languages()}, None
    if kind not in KINDS:
        raise ValueError(f"unknown broadcast kind {kind!r} (known: {', '.join(KINDS)})")
    return await KINDS[kind].compose(knowledge, store)


def quote_candidates(knowledge: KnowledgeBase) -> list[str]:
    """Every expert quote, taking the experts in turn so consecutive days vary the voice."""
    columns = [knowledge.entries_for_expert(e.id) for e in knowledge.experts]
    return [e.id for e in chain.from_iterable(zip_longest(*columns)) if e is not None]


def arguments() -> str:
    """/broadcast's argument hint in /help: `digest | quote | <text>`."""
    return " | ".join((*KINDS, "<text>"))


def usage_kinds() -> str:
    """The kinds as commands, for the usage message: `/broadcast digest, /broadcast quote`."""
    return ", ".join(f"/broadcast {name}" for name in KINDS)
