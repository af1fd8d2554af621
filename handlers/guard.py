"""The flood guard around every reader-facing handler (`bot.infra.flood` decides, this replies)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.context import BotContext
from bot.infra.flood import Verdict
from bot.present import texts
from bot.present.reply import notice, reply

logger = logging.getLogger(__name__)

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def guarded(handler: Handler) -> Handler:
    """`handler`, unless its sender is flooding: then one "slow down", then silence."""

    async def guard(update: Update, context: BotContext) -> None:
        user = update.effective_user
        message = update.effective_message
        when = None
        if update.callback_query is None and message is not None and message.date is not None:
            when = message.date.timestamp()
        verdict = context.services.flood.check(user.id if user else None, when)
        if verdict is Verdict.ANSWER:
            await handler(update, context)
            return
        query = update.callback_query
        if verdict is Verdict.SLOW_DOWN:
            logger.info("user %s is flooding; their excess requests are dropped",
                        user.id if user else "-")
            if query is not None:
                await query.answer(texts.text("slow_down", context.language), show_alert=True)
            else:
                await reply(update, notice("slow_down", context.language))
        elif query is not None:
            await query.answer()

    guard.__name__ = handler.__name__
    guard.__doc__ = handler.__doc__
    return guard
