"""The error handler: log everything useful, tell the user little, never apologise for a blip.

A reply that failed for a transient reason (flood control, a 5xx, a refused connection) after
the rate limiter's own retries is not replaced by "something went wrong": the update goes back
to the intake journal and is answered later (`bot.infra.intake`). A connection dropped while
the reply was on the wire may have delivered it: it is neither sent again nor apologised for.
Such failures are one WARNING line; anything else is a bug, logged with its traceback, and the
user hears that something went wrong.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError

from bot.context import BotContext
from bot.infra.intake import CURRENT
from bot.infra.ratelimit import Stopping, transient
from bot.present import texts

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error with the update's context; say "something went wrong" without internals."""
    where = _describe(update)
    error = context.error
    if error is not None and transient(error):
        ticket = CURRENT.get()
        if ticket is not None:
            ticket.retry_later(str(error))
        if not isinstance(error, Stopping):
            logger.warning("could not reply to %s: %s", where, error)
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        # The connection dropped while the reply was on the wire: it may have arrived. It is
        # not sent again (nor an apology after it), as after a kill at that moment.
        logger.warning("reply to %s may not have arrived (%s: %s); not sent again",
                       where, type(error).__name__, error)
        return
    logger.error("error while handling %s", where, exc_info=error)
    if not isinstance(update, Update):
        return
    # The error handler's context is a new one: the update's language is resolved again.
    language = await context.services.preferences.resolve(update)
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(texts.text("something_went_wrong", language))
        except TelegramError:
            logger.debug("could not answer the callback query after an error", exc_info=True)
        return
    chat = update.effective_chat
    if chat is None:
        return
    try:
        await chat.send_message(texts.text("something_went_wrong", language))
    except TelegramError as exc:
        logger.warning("could not tell chat %s about the error: %s", chat.id, exc)


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
