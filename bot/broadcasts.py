"""Subscriptions and broadcasts: who may change them, what is sent, and delivery with a report.

Handlers, the daily job and `briefing-bot broadcast` all come through here, so the rules are
written once:

- A group's subscription may be changed by that group's administrators (getChatMember says
  creator or administrator), by an anonymous administrator posting as the group
  (`sender_chat` is the group itself), or by a bot administrator (ADMIN_USER_IDS).
- Channels, and `/unsubscribe <id>` from a private chat, are for bot administrators only; a
  channel is stored only once getChatMember says the bot may post there.
- A broadcast is recorded (with a pending delivery per subscribed chat) before anything is
  sent; delivery then runs in the background and ends with a report to whoever started it,
  always in their private chat: the report names other chats, which a group must not see.
- The admin's "on its way" message is edited with the counts every PROGRESS_EVERY seconds.
- A report is sent once: the process that claims it (`Store.claim_report`) sends it, whichever
  of two processes on one DATA_DIR saw the broadcast finish.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain, zip_longest

from telegram import Bot, Chat, ChatMember, ChatMemberAdministrator, ChatMemberRestricted, Message
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import views
from bot.infra.delivery import KeepGoing, Progress, Report
from bot.infra.store import Broadcast, Subscription
from bot.present import render, texts
from bot.services import Broadcasting
from knowledge import KnowledgeBase

logger = logging.getLogger(__name__)

GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})
ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
GONE_STATUSES = frozenset({ChatMemberStatus.LEFT, ChatMemberStatus.BANNED})
KINDS = ("digest", "quote")
# Seconds between two edits of the admin's progress message (Telegram frowns on more).
PROGRESS_EVERY = 3.0
# A public @username (5-32 characters) or a numeric chat id.
_TARGET = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})|(-?[1-9]\d{0,19})")


@dataclass(frozen=True)
class Outcome:
    """What a request came to: a message id of the catalogue and the fields it names."""

    message: str
    fields: Mapping[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------- permissions


async def may_manage_group(bot: Bot, chat: Chat, message: Message, found: Broadcasting) -> bool:
    """May the sender of `message` change this group's subscription?"""
    user = message.from_user
    if message.sender_chat is not None:
        # Sent on behalf of a chat: the group itself means an anonymous administrator; a
        # channel (linked or a member's own) is not one of the group's administrators.
        return message.sender_chat.id == chat.id
    if user is None:
        return False
    if found.is_admin(user.id):
        return True
    member = await bot.get_chat_member(chat.id, user.id)
    return member.status in ADMIN_STATUSES


def may_post(member: ChatMember, chat_type: str) -> bool:
    """Can the bot, as this member of a chat, post messages there?"""
    if member.status == ChatMemberStatus.OWNER:
        return True
    if member.status in GONE_STATUSES:
        return False
    if isinstance(member, ChatMemberAdministrator):
        return chat_type != ChatType.CHANNEL or bool(member.can_post_messages)
    if chat_type == ChatType.CHANNEL:
        return False  # in a channel only administrators post
    if isinstance(member, ChatMemberRestricted):
        return member.can_send_messages
    return True


def parse_target(args: list[str] | None) -> str | int | None:
    """`@channel` or a chat id from a command's arguments; None when it is neither."""
    if not args or len(args) != 1:
        return None
    found = _TARGET.fullmatch(args[0].strip())
    if found is None:
        return None
    username, number = found.groups()
    return f"@{username}" if username else int(number)


# --------------------------------------------------------------------------- subscriptions


async def subscribe_from(bot: Bot, message: Message, args: list[str] | None,
                         found: Broadcasting) -> Outcome | None:
    """/subscribe: in a group, subscribe it; in a private chat, subscribe a channel."""
    return await _manage(bot, message, args, found, subscribe=True)


async def unsubscribe_from(bot: Bot, message: Message, args: list[str] | None,
                           found: Broadcasting) -> Outcome | None:
    """/unsubscribe: in a group, unsubscribe it; in a private chat, the chat named."""
    return await _manage(bot, message, args, found, subscribe=False)


async def _manage(bot: Bot, message: Message, args: list[str] | None, found: Broadcasting,
                  subscribe: bool) -> Outcome | None:
    """The rules both commands share: who may act where, and on which chat."""
    chat, user_id = message.chat, _user_id(message)
    if chat.type in GROUP_TYPES:
        if not await may_manage_group(bot, chat, message, found):
            return Outcome("only_group_admins")
        if subscribe:
            return await subscribe_group(chat, user_id, found)
        return await unsubscribe_group(chat, user_id, found)
    if chat.type != ChatType.PRIVATE:
        return None
    if user_id is None or not found.is_admin(user_id):
        return Outcome("only_bot_admins")
    target = parse_target(args)
    if target is None:
        return Outcome("subscribe_how" if subscribe else "unsubscribe_how")
    if subscribe:
        return await subscribe_channel(bot, target, user_id, found)
    return await unsubscribe_target(bot, target, user_id, found)


def _user_id(message: Message) -> int | None:
    """The sender's user id; None for a message sent on behalf of a chat."""
    if message.sender_chat is not None or message.from_user is None:
        return None
    return message.from_user.id


async def subscribe_group(chat: Chat, user_id: int | None, found: Broadcasting) -> Outcome:
    """Subscribe the group the command was sent in (the caller checked the sender)."""
    added = await asyncio.to_thread(found.store.subscribe, chat.id, chat.type, chat.title or "",
                       chat.username, user_id)
    logger.info("chat %s subscribed by user %s: %s", chat.id, user_id, added)
    return Outcome("subscribed_here" if added else "already_subscribed_here")


async def unsubscribe_group(chat: Chat, user_id: int | None, found: Broadcasting) -> Outcome:
    """Unsubscribe the group the command was sent in (the caller checked the sender)."""
    note = texts.text("note_by_admin", user=user_id if user_id is not None else "anonymous")
    removed = await asyncio.to_thread(found.store.unsubscribe, chat.id, note)
    return Outcome("unsubscribed_here" if removed else "not_subscribed_here")


async def subscribe_channel(bot: Bot, target: str | int, user_id: int,
                            found: Broadcasting) -> Outcome:
    """Subscribe a channel named from a private chat, once the bot is sure it may post there."""
    try:
        chat = await bot.get_chat(target)
    except (BadRequest, Forbidden) as exc:
        logger.info("cannot subscribe %s: %s", target, exc.message)
        return Outcome("target_not_found", {"target": target})
    title = chat.title or chat.username or str(chat.id)
    if chat.type != ChatType.CHANNEL:
        return Outcome("target_not_channel", {"title": title})
    try:
        member = await bot.get_chat_member(chat.id, bot.id)
    except (BadRequest, Forbidden):
        return Outcome("cannot_post", {"title": title})
    if not may_post(member, chat.type):
        return Outcome("cannot_post", {"title": title})
    added = await asyncio.to_thread(found.store.subscribe, chat.id, chat.type, chat.title or "",
                       chat.username, user_id)
    logger.info("channel %s subscribed by user %s: %s", chat.id, user_id, added)
    return Outcome("subscribed_target" if added else "already_subscribed_target",
                   {"title": title})


async def unsubscribe_target(bot: Bot, target: str | int, user_id: int,
                             found: Broadcasting) -> Outcome:
    """Unsubscribe a channel or group named from a private chat: by id, or by @username.

    The stored subscriptions are looked up first, so a chat that removed the bot (and which
    getChat can no longer see) can still be unsubscribed.
    """
    subscription: Subscription | None
    if isinstance(target, int):
        subscription = await asyncio.to_thread(found.store.subscription, target)
    else:
        subscription = await asyncio.to_thread(found.store.subscription_by_username, target)
        if subscription is None:
            try:
                chat = await bot.get_chat(target)
            except (BadRequest, Forbidden):
                return Outcome("not_subscribed_target", {"target": target})
            subscription = await asyncio.to_thread(found.store.subscription, chat.id)
    if subscription is None:
        return Outcome("not_subscribed_target", {"target": target})
    title = render.chat_label(subscription, subscription.chat_id)
    removed = await asyncio.to_thread(found.store.unsubscribe, subscription.chat_id,
                         texts.text("note_by_admin", user=user_id))
    if not removed:
        return Outcome("not_subscribed_target", {"target": title})
    return Outcome("unsubscribed_target", {"title": title})


async def membership_changed(chat: Chat, member: ChatMember, found: Broadcasting) -> bool:
    """The bot's own membership changed: unsubscribe a chat it was removed from or muted in."""
    if member.status in GONE_STATUSES:
        note = texts.text("note_removed", status=member.status)
    elif not may_post(member, chat.type):
        note = texts.text("note_cannot_post")
    else:
        return False
    removed = await asyncio.to_thread(found.store.unsubscribe, chat.id, note)
    if removed:
        logger.info("chat %s unsubscribed: %s", chat.id, note)
    return bool(removed)


async def chat_migrated(old_id: int, new_id: int, found: Broadcasting) -> None:
    """A group became a supergroup: its subscription follows it to the new id."""
    await asyncio.to_thread(found.store.migrate_chat, old_id, new_id)
    logger.info("chat %s migrated to %s", old_id, new_id)


# --------------------------------------------------------------------------- broadcasts


def parse_request(text: str | None) -> tuple[str, str] | None:
    """(`digest` | `quote` | `text`, announcement) from a /broadcast message; None if empty.

    The announcement keeps its line breaks: it is everything after the command.
    """
    parts = (text or "").split(maxsplit=1)
    rest = parts[1].strip() if len(parts) == 2 else ""
    if not rest:
        return None
    if rest.lower() in KINDS:
        return rest.lower(), ""
    return "text", rest


def quote_candidates(knowledge: KnowledgeBase) -> list[str]:
    """Every expert quote, taking the experts in turn so consecutive days vary the voice."""
    columns = [knowledge.entries_for_expert(e.id) for e in knowledge.experts]
    return [e.id for e in chain.from_iterable(zip_longest(*columns)) if e is not None]


def _compose(kind: str, text: str, knowledge: KnowledgeBase,
             found: Broadcasting) -> tuple[str, str | None]:
    if kind == "digest":
        return render.digest(knowledge), None
    if kind == "quote":
        entry_id = found.store.next_quote(quote_candidates(knowledge))
        entry = knowledge.entry(entry_id)
        assert entry is not None  # a candidate is an entry of this knowledge base
        return render.quote_of_the_day(entry, knowledge), entry_id
    return render.announcement(text), None


def _record(kind: str, text: str, knowledge: KnowledgeBase, found: Broadcasting,
            requested_by: int | None, report_chat_id: int | None) -> Broadcast | None:
    if not found.store.subscriptions():
        return None  # nobody to send it to: do not use up a quote of the day
    body, entry_id = _compose(kind, text, knowledge, found)
    return found.store.create_broadcast(kind, body, entry_id, requested_by, report_chat_id)


async def record(kind: str, text: str, knowledge: KnowledgeBase, found: Broadcasting,
                 requested_by: int | None, report_chat_id: int | None) -> Broadcast | None:
    """Compose a broadcast and record it with its pending deliveries; None if nobody subscribed."""
    return await asyncio.to_thread(_record, kind, text, knowledge, found, requested_by,
                                   report_chat_id)


def progress_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Sent, failed (not delivered for any reason), done and total, from `Store.counts`."""
    total = sum(counts.values())
    sent = counts.get("sent", 0)
    left = counts.get("pending", 0) + counts.get("sending", 0)
    return {"sent": sent, "failed": total - sent - left, "done": total - left, "total": total}


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
        counts = await asyncio.to_thread(self.found.store.counts, self.broadcast.id)
        text = views.notice(message, id=self.broadcast.id, **progress_counts(counts)).chunks[0]
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
    report.claimed = await asyncio.to_thread(found.store.claim_report, broadcast.id)
    if not report.claimed:
        logger.info("broadcast %d was reported by the process that finished it", broadcast.id)
        return report
    await status.done()
    if broadcast.report_chat_id is not None:
        chats = await known_chats(found)
        try:
            for chunk in views.report_view(report, chats).chunks:
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
    for broadcast in await asyncio.to_thread(found.store.unfinished_broadcasts):
        if not keep_going():
            break
        logger.info("resuming broadcast %d", broadcast.id)
        report = await deliver_and_report(bot, broadcast, found, keep_going, progress)
        if report.claimed or not report.finished:
            reports.append(report)
    return reports


async def known_chats(found: Broadcasting) -> dict[int, Subscription]:
    """Every chat ever subscribed, by id, to name chats in reports."""
    return {s.chat_id: s for s in await asyncio.to_thread(found.store.subscriptions, False)}
