"""Subscriptions and broadcasts: /subscribe, /unsubscribe, /subscriptions, /broadcast, the bot's
own membership changes, group-to-supergroup migrations, and the scheduled jobs.

A database failure during a command is told to the user in one line (what could not be done
and why) and logged as one WARNING, instead of the error handler's "something went wrong".
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

from telegram import Bot, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from bot import broadcasts, views
from bot.infra.store import Broadcast, StorageError
from bot.present import texts
from bot.present.reply import reply
from bot.services import Broadcasting, broadcasting, services

logger = logging.getLogger(__name__)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe in a group (its admins), or /subscribe @channel privately (bot admins)."""
    if update.effective_message is None:
        return
    try:
        outcome = await broadcasts.subscribe_from(context.bot, update.effective_message,
                                                  context.args, broadcasting(context))
    except StorageError as exc:
        await _storage_failed(update, texts.text("doing_subscribe"), exc)
        return
    if outcome is not None:
        await reply(update, views.notice(outcome.message, **outcome.fields))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe in a group (its admins), or /unsubscribe @channel|id privately (bot admins)."""
    if update.effective_message is None:
        return
    try:
        outcome = await broadcasts.unsubscribe_from(context.bot, update.effective_message,
                                                    context.args, broadcasting(context))
    except StorageError as exc:
        await _storage_failed(update, texts.text("doing_unsubscribe"), exc)
        return
    if outcome is not None:
        await reply(update, views.notice(outcome.message, **outcome.fields))


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscriptions: every chat and its state, for bot admins in a private chat."""
    found = broadcasting(context)
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or not found.is_admin(user.id):
        await reply(update, views.notice("only_bot_admins"))
    elif chat.type != ChatType.PRIVATE:
        await reply(update, views.notice("subscriptions_in_private"))
    else:
        try:
            listed = await asyncio.to_thread(found.store.subscriptions, False)
        except StorageError as exc:
            await _storage_failed(update, texts.text("doing_list"), exc)
            return
        await reply(update, views.subscriptions_view(listed))


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/broadcast digest | quote | <text>: record it, deliver in the background, report privately.

    The report names other subscribed chats and why they failed, so it always goes to the
    admin's private chat; a group only hears that the broadcast is on its way.
    """
    found = broadcasting(context)
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.sender_chat or not found.is_admin(user.id):
        await reply(update, views.notice("only_bot_admins"))
        return
    request = broadcasts.parse_request(message.text)
    if request is None:
        await reply(update, views.notice("broadcast_usage"))
        return
    kind, text = request
    try:
        recorded = await broadcasts.record(kind, text, services(context).knowledge, found,
                                           user.id, user.id)
        if recorded is None:
            await reply(update, views.notice("nobody_subscribed"))
            return
        count = len(await asyncio.to_thread(found.store.deliveries, recorded.id))
    except StorageError as exc:
        await _storage_failed(update, texts.text("doing_broadcast"), exc)
        return
    status = await _private_status(context.bot, recorded, found, count)
    if status is not None:
        recorded = dataclasses.replace(recorded, progress_message_id=status.message_id)
    if message.chat.type != ChatType.PRIVATE:
        said = "broadcast_started_in_group" if status else "broadcast_started_no_private"
        await reply(update, views.notice(said, id=recorded.id))
    application = context.application
    application.create_task(_deliver(application, recorded, found),
                            name=f"broadcast-{recorded.id}")


async def _private_status(bot: Bot, recorded: Broadcast, found: Broadcasting,
                          count: int) -> Message | None:
    """The "on its way" message in the admin's private chat, remembered so that whoever
    delivers (this process or another) edits it with the progress; None if unreachable."""
    assert recorded.report_chat_id is not None
    started = views.notice("broadcast_started", id=recorded.id, count=count)
    try:
        sent = await bot.send_message(recorded.report_chat_id, started.chunks[0])
    except TelegramError as exc:  # the admin never opened a private chat with the bot
        logger.info("broadcast %d: cannot write to admin %s privately (%s)", recorded.id,
                    recorded.report_chat_id, exc.message)
        return None
    try:
        await asyncio.to_thread(found.store.set_progress_message, recorded.id, sent.message_id)
    except StorageError as exc:
        logger.warning("broadcast %d: progress will not be shown: %s", recorded.id, exc)
    return sent


async def _deliver(application: Application[Any, Any, Any, Any, Any, Any], recorded: Broadcast,
                   found: Broadcasting) -> None:
    """Deliver in the background; a database failure is one WARNING and a line to the admin."""
    try:
        await broadcasts.deliver_and_report(application.bot, recorded, found,
                                            lambda: application.running)
    except StorageError as exc:
        logger.warning("broadcast %d stopped: %s", recorded.id, exc)
        if recorded.report_chat_id is not None:
            stopped = views.notice("broadcast_stopped", id=recorded.id, reason=exc.reason)
            try:
                await application.bot.send_message(recorded.report_chat_id, stopped.chunks[0])
            except TelegramError:
                logger.info("could not tell admin %s that broadcast %d stopped",
                            recorded.report_chat_id, recorded.id)


async def _storage_failed(update: Update, doing: str, exc: StorageError) -> None:
    """Tell the user what could not be done and why, in one line; log one WARNING."""
    chat = update.effective_chat
    logger.warning("could not %s in chat %s: %s", doing, chat.id if chat else "-", exc)
    await reply(update, views.notice("storage_failed", doing=doing, reason=exc.reason))


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
    application = context.application
    try:
        recorded = await broadcasts.record("quote", "", services(context).knowledge, found,
                                           None, None)
        if recorded is None:
            logger.info("no chat is subscribed: no quote of the day")
            return
        await broadcasts.deliver_and_report(context.bot, recorded, found,
                                            lambda: application.running)
    except StorageError as exc:
        logger.warning("no quote of the day: %s", exc)


async def resume(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start-up job: finish the broadcasts a crash or a stop interrupted."""
    application = context.application
    try:
        await broadcasts.resume(context.bot, broadcasting(context), lambda: application.running)
    except StorageError as exc:
        logger.warning("cannot resume interrupted broadcasts: %s", exc)


async def resume_abandoned(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Periodic job: finish a broadcast whose delivering process died while this one lives on.

    Unfinished broadcasts with nobody holding the DATA_DIR's delivery lock were left by a dead
    process (a SIGKILLed `briefing-bot broadcast`, a crashed twin): without this they would
    wait for the next restart. Rows it left `sending` become `uncertain`, as at start-up.
    """
    found = broadcasting(context)
    if found.deliverer.busy:
        return  # this process is delivering (or waiting to): it finishes them itself
    try:
        if not await asyncio.to_thread(found.store.unfinished_broadcasts):
            return
        if not await asyncio.to_thread(found.store.delivery_lock.is_free):
            return  # another live process is delivering them
    except StorageError as exc:
        logger.warning("cannot look for abandoned broadcasts: %s", exc)
        return
    logger.info("unfinished broadcasts and no process delivering them: resuming")
    # In a task, so a long resume never makes the scheduler skip (and warn about) this job.
    context.application.create_task(resume(context), name="resume-abandoned")
