"""Deliver broadcasts to every subscribed chat: rate-limited, resumable, never twice.

The Bot passed in carries the bot's `bot.infra.ratelimit.Limiter` (about 30 messages a second
overall and 20 a minute per group or channel), which also owns every retry: it waits out
RetryAfter as Telegram asks and tries 5xx and refused connections again with growing pauses,
within RATE_LIMIT_MAX_RETRIES and RATE_LIMIT_MAX_WAIT. What reaches this module is final; it
adds what a broadcast needs on top: a persistent record per chat, what each failure means for
the subscription, and a report for whoever started it.

| Telegram answers (after the limiter's retries) | what happens |
|---|---|
| ok | `sent` |
| RetryAfter, 5xx, refused connection | `failed`, with the reason |
| the bot is stopping (`Stopping`) | stays `pending`, sent at the next start |
| Forbidden (blocked, kicked, not a member) | unsubscribed, `unsubscribed` |
| BadRequest "chat not found" | unsubscribed, `unsubscribed` |
| ChatMigrated | subscription moved to the new id, re-sent there |
| read timeout, dropped connection | `uncertain`: Telegram may have posted it; not repeated |
| any other error | `failed`, with Telegram's reason |

A delivery becomes `sending` only when its request leaves the limiter's queue
(`bot.infra.ratelimit.WIRE`; before the call when the bot has no such limiter), and `pending` again
when the limiter knows it was not sent, so a crash while a message waits its turn leaves it
`pending`. Delivering holds the DATA_DIR's `DeliveryLock`, so two processes never send the
same broadcast at once. `keep_going` lets a stopping bot end a broadcast between two chats; the
rest stays `pending`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.infra import notes
from bot.infra.ratelimit import WIRE, Limiter, Stopping, not_sent, retry_after_seconds
from bot.infra.store import AsyncStore, Broadcast

logger = logging.getLogger(__name__)

LOCK_POLL_SECONDS = 0.2
MAX_MIGRATIONS = 3
GONE = ("chat not found", "chat_id is empty", "group chat was deleted", "peer_id_invalid")

KeepGoing = Callable[[], bool]
# Called with the broadcast's id after each chat, so whoever watches (the admin's message, a
# terminal) can show the counts; it decides itself how often to look, and must not raise.
Progress = Callable[[int], Awaitable[None]]


def _always() -> bool:
    return True


@dataclass
class Report:
    """What a broadcast achieved, chat by chat."""

    broadcast_id: int
    sent: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    unsubscribed: list[tuple[int, str]] = field(default_factory=list)
    uncertain: list[tuple[int, str]] = field(default_factory=list)
    migrated: list[tuple[int, int]] = field(default_factory=list)
    # False when delivery stopped early (the bot is stopping): the rest is still pending.
    finished: bool = True
    # True when this process claimed the report (`Store.claim_report`): it reports, no other.
    claimed: bool = False


class Deliverer:
    """Sends broadcasts through one Bot, recording every delivery in the Store."""

    def __init__(self, bot: Bot, store: AsyncStore) -> None:
        self.bot = bot
        self.store = store
        self._lock = asyncio.Lock()
        # With our limiter, `sending` is marked when the request leaves its queue.
        self._hooked = isinstance(getattr(bot, "rate_limiter", None), Limiter)
        # The broadcast being delivered in each chat's language: chat id -> message.
        self._bodies: dict[int, str] = {}

    @property
    def busy(self) -> bool:
        """Is this deliverer sending (or waiting to send) a broadcast right now?"""
        return self._lock.locked()

    async def deliver(self, broadcast: Broadcast, keep_going: KeepGoing = _always,
                      progress: Progress | None = None) -> Report:
        """Send a broadcast to every chat still pending; safe to call again after a crash."""
        async with self._lock:  # one broadcast at a time keeps per-chat order and limits
            if not await self._hold_data_lock(keep_going):
                return Report(broadcast.id, finished=False)
            try:
                recovered = await self.store.recover_interrupted(broadcast.id)
                if recovered:
                    logger.warning("broadcast %d: %d delivery(ies) were interrupted mid-send",
                                   broadcast.id, recovered)
                report = Report(broadcast.id)
                pending = await self.store.pending_chats(broadcast.id)
                await self._in_languages(broadcast, pending)
                for chat_id in pending:
                    if not keep_going():
                        logger.info("broadcast %d paused; the rest is sent at the next start",
                                    broadcast.id)
                        break
                    if not await self._deliver_one(broadcast, chat_id, report):
                        logger.info("broadcast %d paused: the bot is stopping", broadcast.id)
                        break
                    if progress is not None:
                        await progress(broadcast.id)
                finished = await self.store.finish(broadcast.id)
            finally:
                self.store.delivery_lock.release()
            return await self._final_report(broadcast.id, report, finished)

    async def resume(self, keep_going: KeepGoing = _always) -> list[Report]:
        """Finish every broadcast a crash or restart interrupted."""
        reports = []
        for broadcast in await self.store.unfinished_broadcasts():
            if not keep_going():
                break
            logger.info("resuming broadcast %d", broadcast.id)
            reports.append(await self.deliver(broadcast, keep_going))
        return reports

    async def _hold_data_lock(self, keep_going: KeepGoing) -> bool:
        """Wait until no other process is delivering from this DATA_DIR (or we should stop)."""
        waited = False
        while not self.store.delivery_lock.acquire():
            if not waited:
                logger.info("another process is delivering a broadcast; waiting for it")
                waited = True
            if not keep_going():
                return False
            await asyncio.sleep(LOCK_POLL_SECONDS)
        return True

    async def _send(self, broadcast: Broadcast, chat_id: int) -> Message:
        """One send, with the delivery marked `sending` just before the request goes out."""
        if not self._hooked:
            await self.store.mark(broadcast.id, chat_id, "sending")
            return await self._post(broadcast, chat_id)
        token = WIRE.set(_DeliveryWire(self, broadcast.id, chat_id))
        try:
            return await self._post(broadcast, chat_id)
        finally:
            WIRE.reset(token)

    async def _in_languages(self, broadcast: Broadcast, chats: list[int]) -> None:
        """Each chat's message: in the language configured for it, the default's otherwise."""
        bodies = await self.store.bodies(broadcast.id)
        configured = await self.store.chat_languages() if bodies else {}
        self._bodies = {chat_id: bodies.get(configured.get(chat_id, ""), broadcast.body)
                        for chat_id in chats}

    async def _post(self, broadcast: Broadcast, chat_id: int) -> Message:
        return await self.bot.send_message(
            chat_id,
            self._bodies.get(chat_id, broadcast.body),
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        )

    async def _deliver_one(self, broadcast: Broadcast, chat_id: int, report: Report) -> bool:
        """Send to one chat and record the outcome; False when the bot is stopping."""
        hops = 0
        while True:
            try:
                message = await self._send(broadcast, chat_id)
            except Stopping:
                await self.store.mark(broadcast.id, chat_id, "pending")
                return False
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                await self._fail(broadcast, chat_id, f"flood control (retry after {wait:g}s)")
                return True
            except ChatMigrated as exc:
                new_id = exc.new_chat_id
                logger.info("chat %s migrated to %s", chat_id, new_id)
                await self.store.migrate_chat(chat_id, new_id)
                report.migrated.append((chat_id, new_id))
                hops += 1
                if hops > MAX_MIGRATIONS:  # a chat that keeps moving: give up, do not loop
                    await self._fail(broadcast, chat_id, f"migrated {hops} times; gave up")
                    return True
                if await self.store.move_delivery(broadcast.id, chat_id, new_id):
                    self._bodies[new_id] = self._bodies.get(chat_id, broadcast.body)
                    chat_id = new_id
                    continue
                return True
            except Forbidden as exc:
                await self._drop(broadcast, chat_id, exc.message)
                return True
            except BadRequest as exc:
                if any(reason in exc.message.lower() for reason in GONE):
                    await self._drop(broadcast, chat_id, exc.message)
                else:
                    await self._fail(broadcast, chat_id, exc.message)
                return True
            except NetworkError as exc:
                if not_sent(exc):
                    await self._fail(broadcast, chat_id,
                                     notes.encode("note_network", detail=exc.message))
                else:
                    await self.store.mark(broadcast.id, chat_id, "uncertain",
                                   notes.encode("note_no_answer", detail=exc.message))
                return True
            except TelegramError as exc:
                await self._fail(broadcast, chat_id, exc.message)
                return True
            await self.store.mark(broadcast.id, chat_id, "sent", "",
                           message.message_id)
            return True

    async def _drop(self, broadcast: Broadcast, chat_id: int, reason: str) -> None:
        logger.info("chat %s is gone (%s): unsubscribed", chat_id, notes.described(reason))
        await self.store.unsubscribe(chat_id, reason)
        await self.store.mark(broadcast.id, chat_id, "unsubscribed", reason)

    async def _fail(self, broadcast: Broadcast, chat_id: int, reason: str) -> None:
        logger.warning("broadcast %d to chat %s failed: %s", broadcast.id, chat_id,
                       notes.described(reason))
        await self.store.mark(broadcast.id, chat_id, "failed", reason)

    async def _final_report(self, broadcast_id: int, report: Report,
                            finished: bool) -> Report:
        """The report from the store, so a resumed broadcast counts its earlier deliveries."""
        final = Report(broadcast_id, migrated=report.migrated, finished=finished)
        for delivery in await self.store.deliveries(broadcast_id):
            if delivery.state == "sent":
                final.sent.append(delivery.chat_id)
            elif delivery.state == "failed":
                final.failed.append((delivery.chat_id, delivery.detail))
            elif delivery.state == "unsubscribed":
                final.unsubscribed.append((delivery.chat_id, delivery.detail))
            elif delivery.state == "uncertain":
                final.uncertain.append((delivery.chat_id, delivery.detail))
        return final


class _DeliveryWire:
    """Marks one delivery as its request leaves the limiter, or is known not to have been sent."""

    def __init__(self, deliverer: Deliverer, broadcast_id: int, chat_id: int) -> None:
        self._deliverer = deliverer
        self._broadcast_id = broadcast_id
        self._chat_id = chat_id

    async def leaving(self, endpoint: str) -> None:
        await self._deliverer.store.mark(self._broadcast_id, self._chat_id, "sending")

    async def not_sent(self, endpoint: str) -> None:
        await self._deliverer.store.mark(self._broadcast_id, self._chat_id, "pending")

    async def arrived(self, endpoint: str) -> None:
        """Recorded as `sent` by the deliverer with the message id."""


def progress_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Sent, failed (not delivered for any reason), done and total, from `Store.counts`."""
    total = sum(counts.values())
    sent = counts.get("sent", 0)
    left = counts.get("pending", 0) + counts.get("sending", 0)
    return {"sent": sent, "failed": total - sent - left, "done": total - left, "total": total}
