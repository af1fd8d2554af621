"""/broadcast, the quote of the day, and the jobs that finish interrupted broadcasts.

Only bot administrators broadcast (ADMIN_USER_IDS), and not on behalf of a chat. The admin
hears "on its way" in their private chat, where the progress and the report follow; a
/broadcast sent in a group is only acknowledged there (the report names other chats).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from telegram import Bot, Message, Update, User
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import BotContext, Broadcasting
from bot.infra.store import Broadcast, StorageError
from bot.present.reply import notice, reply, storage_failed
from handlers.broadcasts import kinds, sending

logger = logging.getLogger(__name__)


def may_broadcast(message: Message | None, user: User | None, found: Broadcasting) -> bool:
    """Only a bot administrator, speaking for themselves (not as a chat), may broadcast."""
    return (message is not None and user is not None and message.sender_chat is None
            and found.is_admin(user.id))


async def broadcast(update: Update, context: BotContext) -> None:
    """/broadcast digest | quote | <text>: record it, deliver in the background, report privately.

    The report names other subscribed chats and why they failed, so it always goes to the
    admin's private chat; a group only hears that the broadcast is on its way.
    """
    found = context.broadcasting
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not may_broadcast(message, user, found):
        await reply(update, notice("only_bot_admins", context.language))
        return
    request = kinds.parse_request(message.text)
    if request is None:
        await reply(update, notice("broadcast_usage", context.language,
                                   kinds=kinds.usage_kinds()))
        return
    kind, text = request
    try:
        recorded = await sending.record(kind, text, context.services.knowledge, found,
                                        user.id, user.id, context.language)
        if recorded is None:
            await reply(update, notice("nobody_subscribed", context.language))
            return
        count = len(await found.store.deliveries(recorded.id))
    except StorageError as exc:
        await storage_failed(update, "doing_broadcast", exc, context.language)
        return
    status = await _private_status(context.bot, recorded, found, count)
    if status is not None:
        recorded = dataclasses.replace(recorded, progress_message_id=status.message_id)
    if message.chat.type != ChatType.PRIVATE:
        said = "broadcast_started_in_group" if status else "broadcast_started_no_private"
        await reply(update, notice(said, recorded.language, id=recorded.id))
    application = context.application
    application.create_task(_deliver(application, recorded, found),
                            name=f"broadcast-{recorded.id}")


async def _private_status(bot: Bot, recorded: Broadcast, found: Broadcasting,
                          count: int) -> Message | None:
    """The "on its way" message in the admin's private chat, remembered so that whoever
    delivers (this process or another) edits it with the progress; None if unreachable."""
    assert recorded.report_chat_id is not None
    started = notice("broadcast_started", recorded.language, id=recorded.id, count=count)
    try:
        sent = await bot.send_message(recorded.report_chat_id, started.chunks[0])
    except TelegramError as exc:  # the admin never opened a private chat with the bot
        logger.info("broadcast %d: cannot write to admin %s privately (%s)", recorded.id,
                    recorded.report_chat_id, exc.message)
        return None
    try:
        await found.store.set_progress_message(recorded.id, sent.message_id)
    except StorageError as exc:
        logger.warning("broadcast %d: progress will not be shown: %s", recorded.id, exc)
    return sent


async def _deliver(application: Application[Any, Any, Any, Any, Any, Any], recorded: Broadcast,
                   found: Broadcasting) -> None:
    """Deliver in the background; a database failure is one WARNING and a line to the admin."""
    try:
        await sending.deliver_and_report(application.bot, recorded, found,
                                         lambda: application.running)
    except StorageError as exc:
        logger.warning("broadcast %d stopped: %s", recorded.id, exc)
        if recorded.report_chat_id is not None:
            stopped = notice("broadcast_stopped", recorded.language, id=recorded.id,
                             reason=exc.reason)
            try:
                await application.bot.send_message(recorded.report_chat_id, stopped.chunks[0])
            except TelegramError:
                logger.info("could not tell admin %s that broadcast %d stopped",
                            recorded.report_chat_id, recorded.id)


async def quote_of_the_day(context: BotContext) -> None:
    """Daily job (BROADCAST_DAILY_AT): the quote of the day to every subscribed chat."""
    found = context.broadcasting
    application = context.application
    try:
        recorded = await sending.record("quote", "", context.services.knowledge, found,
                                        None, None)
        if recorded is None:
            logger.info("no chat is subscribed: no quote of the day")
            return
        await sending.deliver_and_report(context.bot, recorded, found,
                                         lambda: application.running)
    except StorageError as exc:
        logger.warning("no quote of the day: %s", exc)


async def resume(context: BotContext) -> None:
    """Start-up job: finish the broadcasts a crash or a stop interrupted."""
    application = context.application
    try:
        await sending.resume(context.bot, context.broadcasting, lambda: application.running)
    except StorageError as exc:
        logger.warning("cannot resume interrupted broadcasts: %s", exc)


async def resume_abandoned(context: BotContext) -> None:
    """Periodic job: finish a broadcast whose delivering process died while this one lives on.

    Unfinished broadcasts with nobody holding the DATA_DIR's delivery lock were left by a dead
    process (a SIGKILLed `briefing-bot broadcast`, a crashed twin): without this they would
    wait for the next restart. Rows it left `sending` become `uncertain`, as at start-up.
    """
    found = context.broadcasting
    if found.deliverer.busy:
        return  # this process is delivering (or waiting to): it finishes them itself
    try:
        if not await found.store.unfinished_broadcasts():
            return
        if not await found.store.delivery_lock_is_free():
            return  # another live process is delivering them
    except StorageError as exc:
        logger.warning("cannot look for abandoned broadcasts: %s", exc)
        return
    logger.info("unfinished broadcasts and no process delivering them: resuming")
    # In a task, so a long resume never makes the scheduler skip (and warn about) this job.
    context.application.create_task(resume(context), name="resume-abandoned")
