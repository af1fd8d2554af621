"""Is a group message for the bot? Filters for mentions of it and replies to it.

The bot learns its own username from getMe at start-up, after the handlers are built, so these
filters read it from the message's bot at check time instead of taking it as an argument.
"""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.ext.filters import MessageFilter


def _bot_identity(message: Message) -> tuple[int, str] | None:
    try:
        bot = message.get_bot()
        return bot.id, bot.username
    except RuntimeError:
        return None  # no bot attached, or getMe not done yet: nobody to be addressed


class _MentionsBot(MessageFilter):
    """Messages whose text mentions the bot (@username, or a text mention of its user)."""

    __slots__ = ()

    def filter(self, message: Message) -> bool:
        identity = _bot_identity(message)
        if identity is None or not message.text:
            return False
        bot_id, username = identity
        for entity, text in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        ).items():
            if entity.type == MessageEntity.TEXT_MENTION:
                if entity.user is not None and entity.user.id == bot_id:
                    return True
            elif text.lstrip("@").lower() == username.lower():
                return True
        return False


class _RepliesToBot(MessageFilter):
    """Messages that reply to one of the bot's own messages."""

    __slots__ = ()

    def filter(self, message: Message) -> bool:
        identity = _bot_identity(message)
        replied = message.reply_to_message
        if identity is None or replied is None or replied.from_user is None:
            return False
        return replied.from_user.id == identity[0]


MENTIONS_BOT = _MentionsBot(name="MENTIONS_BOT")
REPLIES_TO_BOT = _RepliesToBot(name="REPLIES_TO_BOT")


def question_in(message: Message) -> str:
    """The message's text without the mentions of the bot: what is actually asked."""
    text = message.text or ""
    identity = _bot_identity(message)
    if identity is None:
        return text.strip()
    bot_id, username = identity
    cuts = []
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        mine = (
            entity.user is not None and entity.user.id == bot_id
            if entity.type == MessageEntity.TEXT_MENTION
            else value.lstrip("@").lower() == username.lower()
        )
        if mine:
            cuts.append(value)
    for value in cuts:
        text = text.replace(value, " ", 1)
    return " ".join(text.split()).strip(" ,:")
