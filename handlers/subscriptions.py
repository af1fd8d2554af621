"""Subscriptions: /subscribe, /unsubscribe, /subscriptions, the bot's own membership changes and
group-to-supergroup migrations. Who may change what is decided here, once:

- A group's subscription may be changed by that group's administrators (getChatMember says
  creator or administrator), by an anonymous administrator posting as the group
  (`sender_chat` is the group itself), or by a bot administrator (ADMIN_USER_IDS).
- Channels, and `/unsubscribe <id>` from a private chat, are for bot administrators only; a
  channel is stored only once getChatMember says the bot may post there.
- /subscriptions lists other chats, so it answers bot administrators in a private chat only.

A database failure during a command is told to the user in one line (what could not be done
and why) and logged as one WARNING, instead of the error handler's "something went wrong".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from telegram import (
    Bot,
    Chat,
    ChatMember,
    ChatMemberAdministrator,
    ChatMemberRestricted,
    Message,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden

from bot.context import BotContext, Broadcasting
from bot.infra import notes
from bot.infra.store import StorageError, Subscription
from bot.present import render
from bot.present.reply import notice, reply, storage_failed, view

logger = logging.getLogger(__name__)

GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})
ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
GONE_STATUSES = frozenset({ChatMemberStatus.LEFT, ChatMemberStatus.BANNED})
# A public @username (5-32 characters) or a numeric chat id.
_TARGET = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})|(-?[1-9]\d{0,19})")


@dataclass(frozen=True)
class Outcome:
    """What a request came to: a message id of the catalogue and the fields it names."""

    message: str
    fields: Mapping[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------- handlers


async def subscribe(update: Update, context: BotContext) -> None:
    """/subscribe in a group (its admins), or /subscribe @channel privately (bot admins)."""
    await _change(update, context, subscribe=True)


async def unsubscribe(update: Update, context: BotContext) -> None:
    """/unsubscribe in a group (its admins), or /unsubscribe @channel|id privately (bot admins)."""
    await _change(update, context, subscribe=False)


async def _change(update: Update, context: BotContext, subscribe: bool) -> None:
    message = update.effective_message
    if message is None:
        return
    try:
        outcome = await _manage(context.bot, message, context.args, context.broadcasting,
                                subscribe)
    except StorageError as exc:
        await storage_failed(update, "doing_subscribe" if subscribe else "doing_unsubscribe",
                             exc, context.language)
        return
    if outcome is not None:
        await reply(update, notice(outcome.message, context.language, **outcome.fields))


async def subscriptions(update: Update, context: BotContext) -> None:
    """/subscriptions: every chat and its state, for bot admins in a private chat."""
    found = context.broadcasting
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or not found.is_admin(user.id):
        await reply(update, notice("only_bot_admins", context.language))
    elif chat.type != ChatType.PRIVATE:
        await reply(update, notice("subscriptions_in_private", context.language))
    else:
        try:
            listed = await found.store.subscriptions(False)
        except StorageError as exc:
            await storage_failed(update, "doing_list", exc, context.language)
            return
        await reply(update, view(render.subscriptions(listed, context.language)))


async def membership(update: Update, context: BotContext) -> None:
    """The bot's own membership changed: a chat that removed or muted it is unsubscribed."""
    change = update.my_chat_member
    if change is not None:
        await membership_changed(change.chat, change.new_chat_member, context.broadcasting)


async def migrated(update: Update, context: BotContext) -> None:
    """A group became a supergroup: its subscription moves to the new chat id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        await chat_migrated(message.chat.id, message.migrate_to_chat_id, context.broadcasting)
    elif message.migrate_from_chat_id:
        await chat_migrated(message.migrate_from_chat_id, message.chat.id, context.broadcasting)


# --------------------------------------------------------------------------- who may


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


# --------------------------------------------------------------------------- what is done


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
    added = await found.store.subscribe(chat.id, chat.type, chat.title or "", chat.username,
                                        user_id)
    logger.info("chat %s subscribed by user %s: %s", chat.id, user_id, added)
    return Outcome("subscribed_here" if added else "already_subscribed_here")


async def unsubscribe_group(chat: Chat, user_id: int | None, found: Broadcasting) -> Outcome:
    """Unsubscribe the group the command was sent in (the caller checked the sender)."""
    note = (notes.encode("note_by_admin", user=user_id) if user_id is not None
            else notes.encode("note_by_anonymous_admin"))
    removed = await found.store.unsubscribe(chat.id, note)
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
    added = await found.store.subscribe(chat.id, chat.type, chat.title or "", chat.username,
                                        user_id)
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
        subscription = await found.store.subscription(target)
    else:
        subscription = await found.store.subscription_by_username(target)
        if subscription is None:
            try:
                chat = await bot.get_chat(target)
            except (BadRequest, Forbidden):
                return Outcome("not_subscribed_target", {"target": target})
            subscription = await found.store.subscription(chat.id)
    if subscription is None:
        return Outcome("not_subscribed_target", {"target": target})
    title = render.chat_label(subscription, subscription.chat_id)
    removed = await found.store.unsubscribe(subscription.chat_id,
                                            notes.encode("note_by_admin", user=user_id))
    if not removed:
        return Outcome("not_subscribed_target", {"target": title})
    return Outcome("unsubscribed_target", {"title": title})


async def membership_changed(chat: Chat, member: ChatMember, found: Broadcasting) -> bool:
    """The bot's own membership changed: unsubscribe a chat it was removed from or muted in."""
    if member.status in GONE_STATUSES:
        note = notes.encode("note_removed", status=member.status)
    elif not may_post(member, chat.type):
        note = notes.encode("note_cannot_post")
    else:
        return False
    removed = await found.store.unsubscribe(chat.id, note)
    if removed:
        logger.info("chat %s unsubscribed: %s", chat.id, notes.described(note))
    return bool(removed)


async def chat_migrated(old_id: int, new_id: int, found: Broadcasting) -> None:
    """A group became a supergroup: its subscription follows it to the new id."""
    await found.store.migrate_chat(old_id, new_id)
    logger.info("chat %s migrated to %s", old_id, new_id)
