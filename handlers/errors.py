"""The error handler: log everything useful, tell the user little."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import texts

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with the update's context; say "something went wrong" without internals."""
    where = _describe(update)
    logger.error("error while handling %s", where, exc_info=context.error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(texts.SOMETHING_WENT_WRONG)
        except TelegramError:
            logger.debug("could not answer the callback query after an error", exc_info=True)
        return
    chat = update.effective_chat
    if chat is None:
        return
    try:
        await chat.send_message(texts.SOMETHING_WENT_WRONG)
    except TelegramError:
        logger.warning("could not tell chat %s about the error", chat.id, exc_info=True)


def _describe(update: object) -> str:
    """Which update failed, by ids and kind only: no message text, nothing secret."""
    if not isinstance(update, Update):
        return f"a non-update event ({type(update).__name__})"
    kind = next((k for k in Update.ALL_TYPES if getattr(update, k, None) is not None), "unknown")
    chat = update.effective_chat
    user = update.effective_user
    return (
        f"update {update.update_id} ({kind}, chat {chat.id if chat else '-'}, "
        f"user {user.id if user else '-'})"
    )
