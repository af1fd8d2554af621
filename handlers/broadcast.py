"""Subscriptions and broadcasts: /subscribe, /unsubscribe, /subscriptions, /broadcast, the bot's
own membership changes, group-to-supergroup migrations, and the scheduled jobs."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import broadcasts, texts, views
from bot.reply import reply
from bot.services import broadcasting, services

logger = logging.getLogger(__name__)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe in a group (its admins), or /subscribe @channel privately (bot admins)."""
    if update.effective_message is None:
        return
    outcome = await broadcasts.subscribe_from(context.bot, update.effective_message,
                                              context.args, broadcasting(context))
    if outcome is not None:
        await reply(update, views.notice(outcome.text, **outcome.fields))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe in a group (its admins), or /unsubscribe @channel|id privately (bot admins)."""
    if update.effective_message is None:
        return
    outcome = await broadcasts.unsubscribe_from(context.bot, update.effective_message,
                                                context.args, broadcasting(context))
    if outcome is not None:
        await reply(update, views.notice(outcome.text, **outcome.fields))


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscriptions: every chat and its state, for bot admins in a private chat."""
    found = broadcasting(context)
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or not found.is_admin(user.id):
        await reply(update, views.notice(texts.ONLY_BOT_ADMINS))
    elif chat.type != ChatType.PRIVATE:
        await reply(update, views.notice(texts.SUBSCRIPTIONS_IN_PRIVATE))
    else:
        listed = await asyncio.to_thread(found.store.subscriptions, False)
        await reply(update, views.subscriptions_view(listed))


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/broadcast digest | quote | <text>: record it, deliver in the background, report here."""
    found = broadcasting(context)
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.sender_chat or not found.is_admin(user.id):
        await reply(update, views.notice(texts.ONLY_BOT_ADMINS))
        return
    request = broadcasts.parse_request(message.text)
    if request is None:
        await reply(update, views.notice(texts.BROADCAST_USAGE))
        return
    kind, text = request
    recorded = await broadcasts.record(kind, text, services(context).knowledge, found, user.id,
                                       message.chat.id)
    if recorded is None:
        await reply(update, views.notice(texts.NOBODY_SUBSCRIBED))
        return
    count = len(await asyncio.to_thread(found.store.deliveries, recorded.id))
    await reply(update, views.notice(texts.BROADCAST_STARTED, id=recorded.id, count=count))
    application = context.application
    application.create_task(
        broadcasts.deliver_and_report(context.bot, recorded, found, lambda: application.running),
        update=update, name=f"broadcast-{recorded.id}",
    )


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot's own membership changed: a chat that removed or muted it is unsubscribed."""
    change = update.my_chat_member
    if change is not None:
        await broadcasts.membership_changed(change.chat, change.new_chat_member,
                                            broadcasting(context))


async def migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscription moves to the new chat id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        await broadcasts.chat_migrated(message.chat.id, message.migrate_to_chat_id,
                                       broadcasting(context))
    elif message.migrate_from_chat_id:
        await broadcasts.chat_migrated(message.migrate_from_chat_id, message.chat.id,
                                       broadcasting(context))


async def quote_of_the_day(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Daily job (BROADCAST_DAILY_AT): the quote of the day to every subscribed chat."""
    found = broadcasting(context)
    recorded = await broadcasts.record("quote", "", services(context).knowledge, found, None,
                                       None)
    if recorded is None:
        logger.info("no chat is subscribed: no quote of the day")
        return
    application = context.application
    await broadcasts.deliver_and_report(context.bot, recorded, found, lambda: application.running)


async def resume(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start-up job: finish the broadcasts a crash or a stop interrupted."""
    application = context.application
    await broadcasts.resume(context.bot, broadcasting(context), lambda: application.running)
