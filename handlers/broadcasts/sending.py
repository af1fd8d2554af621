"""Compose, record, deliver and report a broadcast: shared by /broadcast, the daily job, the
resume jobs and `briefing-bot broadcast`.

- A broadcast is recorded (with a pending delivery per subscribed chat) before anything is
  sent; delivery (`bot.infra.delivery`) then ends with a report to whoever started it, always
  in their private chat: the report names other chats, which a group must not see.
- The admin's "on its way" message is edited with the counts every PROGRESS_EVERY seconds.
- A report is sent once: the process that claims it (`Store.claim_report`) sends it, whichever
  of two processes on one DATA_DIR saw the broadcast finish.
"""

from __future__ import annotations

import logging
import time

from telegram import Bot
from telegram.error import BadRequest, TelegramError

from bot.context import Broadcasting
from bot.infra.delivery import KeepGoing, Progress, Report, progress_counts
from bot.infra.store import Broadcast, Subscription
from bot.present import render
from bot.present.reply import notice, view
from bot.present.texts import DEFAULT_LANGUAGE
from handlers.broadcasts.kinds import compose
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

# Seconds between two edits of the admin's progress message (Telegram frowns on more).
PROGRESS_EVERY = 3.0


async def record(kind: str, text: str, knowledge: KnowledgeBase, found: Broadcasting,
                 requested_by: int | None, report_chat_id: int | None,
                 language: str = DEFAULT_LANGUAGE) -> Broadcast | None:
    """Compose a broadcast and record it with its pending deliveries; None if nobody subscribed.

    Nobody subscribed means nothing is composed, so no quote of the day is used up. The
    message is composed in every language (each chat gets its own); `language` is that of
    whoever asked, for the progress and the report.
    """
    if not await found.store.subscriptions():
        return None
    bodies, entry_id = await compose(kind, text, knowledge, found.store)
    others = {lang: body for lang, body in bodies.items() if lang != DEFAULT_LANGUAGE}
    return await found.store.create_broadcast(kind, bodies[DEFAULT_LANGUAGE], entry_id,
                                              requested_by, report_chat_id, others, language)


class StatusMessage:
    """The admin's private "on its way" message, edited with the counts as delivery goes.

    Edits are at most every PROGRESS_EVERY seconds; a failed edit (the admin deleted the
    message, blocked the bot) is logged and the progress is no longer shown.
    """

    def __init__(self, bot: Bot, broadcast: Broadcast, found: Broadcasting) -> None:
        self.bot = bot
        self.broadcast = broadcast
        self.found = found
        self._last = time.monotonic()
        self._shown = ""
        self._broken = False

    async def update(self) -> None:
        """Show the counts, unless they were shown less than PROGRESS_EVERY seconds ago."""
        if time.monotonic() - self._last >= PROGRESS_EVERY:
            await self._show("broadcast_progress")

    async def done(self) -> None:
        """The last edit: the broadcast is done and the report follows."""
        await self._show("broadcast_done")

    async def _show(self, message: str) -> None:
        chat_id, message_id = self.broadcast.report_chat_id, self.broadcast.progress_message_id
        if self._broken or chat_id is None or message_id is None:
            return
        self._last = time.monotonic()
        counts = await self.found.store.counts(self.broadcast.id)
        text = notice(message, self.broadcast.language, id=self.broadcast.id,
                      **progress_counts(counts)).chunks[0]
        if text == self._shown:
            return
        try:
            await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
            self._shown = text
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                self._broken = True
                logger.info("broadcast %d: cannot show the progress (%s)", self.broadcast.id,
                            exc.message)
        except TelegramError as exc:
            logger.info("broadcast %d: progress not shown this time (%s)", self.broadcast.id,
                        exc.message)


async def deliver_and_report(bot: Bot, broadcast: Broadcast, found: Broadcasting,
                             keep_going: KeepGoing, progress: Progress | None = None) -> Report:
    """Deliver a broadcast, then report to whoever started it (if anyone, and if it finished).

    `progress` is called after each chat besides the admin's status message (the terminal's
    progress bar). The report is sent only by the process that claims it, so a broadcast two
    processes saw finish is reported once; `Report.claimed` says whether this one did.
    """
    status = StatusMessage(bot, broadcast, found)

    async def on_progress(broadcast_id: int) -> None:
        await status.update()
        if progress is not None:
            await progress(broadcast_id)

    report = await found.deliverer.deliver(broadcast, keep_going, on_progress)
    logger.info("broadcast %d: %d sent, %d failed, %d unsubscribed, %d uncertain%s",
                broadcast.id, len(report.sent), len(report.failed), len(report.unsubscribed),
                len(report.uncertain), "" if report.finished else " (paused)")
    if not report.finished:
        return report
    report.claimed = await found.store.claim_report(broadcast.id)
    if not report.claimed:
        logger.info("broadcast %d was reported by the process that finished it", broadcast.id)
        return report
    await status.done()
    if broadcast.report_chat_id is not None:
        chats = await known_chats(found)
        try:
            for chunk in view(render.broadcast_report(report, chats,
                                                      broadcast.language)).chunks:
                await bot.send_message(broadcast.report_chat_id, chunk)
        except TelegramError as exc:
            logger.warning("broadcast %d: the report could not be sent to %s (%s)",
                           broadcast.id, broadcast.report_chat_id, exc.message)
    return report


async def resume(bot: Bot, found: Broadcasting, keep_going: KeepGoing,
                 progress: Progress | None = None) -> list[Report]:
    """Finish every broadcast a crash or a stop interrupted; the reports this process claimed
    (or that paused), not those of broadcasts another process finished meanwhile."""
    reports = []
    for broadcast in await found.store.unfinished_broadcasts():
        if not keep_going():
            break
        logger.info("resuming broadcast %d", broadcast.id)
        report = await deliver_and_report(bot, broadcast, found, keep_going, progress)
        if report.claimed or not report.finished:
            reports.append(report)
    return reports


async def known_chats(found: Broadcasting) -> dict[int, Subscription]:
    """Every chat ever subscribed, by id, to name chats in reports."""
    return {s.chat_id: s for s in await found.store.subscriptions(False)}
