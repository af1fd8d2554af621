"""Which language the interface speaks to whom: resolved once per update, then passed down.

The order: in a group, the group's setting (chosen by its administrators with /language);
then the reader's own /language choice; then Telegram's `language_code` (Turkish when it
starts with `tr`, English otherwise, and when there is none). Choices are remembered in the
store (they survive a restart); a bot built without a data directory keeps them in memory.

Only the interface is translated: the experts' quotes stay in the briefing's English, and the
matcher never sees the language.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType

from bot.infra.store import AsyncStore, StorageError
from bot.present.texts import DEFAULT_LANGUAGE, languages
from knowledge.normalize import fold

logger = logging.getLogger(__name__)

# What a reader may type after /language, folded: the codes and each language's own names.
_SPELLINGS = {
    "en": "en", "english": "en", "ingilizce": "en",
    "tr": "tr", "turkish": "tr", "turkce": "tr",
}


def from_code(code: str | None) -> str:
    """Telegram's `language_code` ("tr", "tr-TR", "en-GB", None) as a catalogue language."""
    if code:
        prefix = code.strip().lower().replace("_", "-").split("-")[0]
        if prefix in languages():
            return prefix
    return DEFAULT_LANGUAGE


def parse(word: str) -> str | None:
    """The language a reader names after /language (`tr`, `en`, `Türkçe`, `english`), or None."""
    found = _SPELLINGS.get(fold(word))
    return found if found in languages() else None


def group_of(update: Update) -> int | None:
    """The chat whose own setting applies: a group's id, None for private chats and inline."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return None
    return chat.id


class Preferences:
    """The remembered choices: readers' and groups' languages, in the store when there is one."""

    def __init__(self, store: AsyncStore | None = None) -> None:
        self.store = store
        self._users: dict[int, str] = {}
        self._chats: dict[int, str] = {}

    async def resolve(self, update: Update) -> str:
        """The language for this update (see the module's docstring for the order)."""
        user = update.effective_user
        user_id = user.id if user is not None else None
        chat_id = group_of(update)
        try:
            stored = await self.stored(user_id, chat_id)
        except StorageError as exc:
            logger.warning("cannot read the language choice (%s): using language_code", exc)
            stored = None
        if stored in languages():
            return stored
        return from_code(user.language_code if user is not None else None)

    async def stored(self, user_id: int | None, chat_id: int | None) -> str | None:
        """The group's setting, else the reader's choice; None when neither chose."""
        if self.store is not None:
            return await self.store.stored_language(user_id, chat_id)
        if chat_id is not None and chat_id in self._chats:
            return self._chats[chat_id]
        return self._users.get(user_id) if user_id is not None else None

    async def set_for_user(self, user_id: int, language: str) -> None:
        """Remember a reader's choice."""
        if self.store is not None:
            await self.store.set_user_language(user_id, language)
        else:
            self._users[user_id] = language

    async def set_for_chat(self, chat_id: int, language: str, set_by: int | None) -> None:
        """Remember a group's setting."""
        if self.store is not None:
            await self.store.set_chat_language(chat_id, language, set_by)
        else:
            self._chats[chat_id] = language
