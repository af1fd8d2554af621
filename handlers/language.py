"""The interface language: resolved before every update; /language and its buttons change it.

`resolve` runs first for every update (`build_application` registers it in group -1) and
puts the language on the context, so each handler passes `context.language` down to what it
renders. `/language` shows one button per language; `/language tr` or `/language en` sets
it directly. In a private chat the choice is the reader's; in a group it is the group's, and
only its administrators (or an anonymous administrator, or a bot administrator) may make it.
A channel's posts are no commands to the bot, so a bot administrator chooses a channel's
language privately: `/language tr @channel` (or the chat's id).
"""

from __future__ import annotations

import logging

from telegram import Bot, Update
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest, Forbidden

from bot.context import BotContext
from bot.infra.store import StorageError
from bot.language import group_of, parse
from bot.present import keyboards, render, texts
from bot.present.reply import View, notice, reply, storage_failed, view
from handlers.subscriptions import parse_target

logger = logging.getLogger(__name__)

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})


async def resolve(update: object, context: BotContext) -> None:
    """Before any handler: the language of this update, once (`bot.language`)."""
    if isinstance(update, Update):
        context.language = await context.services.preferences.resolve(update)


async def language(update: Update, context: BotContext) -> None:
    """/language shows the choice as buttons; /language tr|en makes it."""
    words = context.args or ()
    if not words:
        await reply(update, choice_view(context.language, group_of(update) is not None))
        return
    if len(words) == 2 and group_of(update) is None and parse(words[0]) is not None:
        await _for_target(update, context, parse(words[0]) or "", words[1])
        return
    chosen = parse(" ".join(words))
    if chosen is None:
        name = render.words_of(" ".join(words), render.ECHO_LIMIT)
        await reply(update, view(
            render.plain_line(texts.text("unknown_language", context.language, name=name)),
            keyboards.languages(texts.languages()),
        ))
        return
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        # An anonymous administrator posts as the group itself; a channel is no administrator.
        allowed = message.sender_chat.id == message.chat.id
    else:
        allowed = await _may_choose(update, context)
    if not allowed:
        await reply(update, notice("only_group_admins_language", context.language))
        return
    try:
        await _remember(update, context, chosen)
    except StorageError as exc:
        await storage_failed(update, "doing_language", exc, context.language)
        return
    await reply(update, _done(update, context.language))


async def chosen_by_button(update: Update, context: BotContext, chosen: str) -> View | None:
    """A language button was pressed: remember the choice and say so, in the new language.

    None when the presser may not change a group's language (they were told in an alert).
    """
    query = update.callback_query
    assert query is not None
    if not await _may_choose(update, context):
        await query.answer(texts.text("only_group_admins_language", context.language),
                           show_alert=True)
        return None
    try:
        await _remember(update, context, chosen)
    except StorageError as exc:
        logger.warning("could not save the language: %s", exc)
        what = texts.text("doing_language", context.language)
        await query.answer(texts.text("storage_failed", context.language, doing=what,
                                      reason=exc.reason), show_alert=True)
        return None
    return _done(update, context.language)


async def _for_target(update: Update, context: BotContext, chosen: str, named: str) -> None:
    """`/language tr @channel` (or a chat id), privately: a bot administrator chooses the
    language of a chat that cannot choose for itself, such as a channel (whose posts are no
    commands to the bot), or of any group."""
    user = update.effective_user
    if user is None or not context.services.is_bot_admin(user.id):
        await reply(update, notice("only_bot_admins", context.language))
        return
    target = parse_target([named])
    if target is None:
        await reply(update, notice("chat_language_how", context.language))
        return
    try:
        chat = await context.bot.get_chat(target)
    except (BadRequest, Forbidden) as exc:
        logger.info("cannot set the language of %s: %s", target, exc.message)
        await reply(update, notice("target_not_found", context.language, target=target))
        return
    try:
        await context.services.preferences.set_for_chat(chat.id, chosen, user.id)
    except StorageError as exc:
        await storage_failed(update, "doing_language", exc, context.language)
        return
    logger.info("language of chat %s set to %s by user %s", chat.id, chosen, user.id)
    title = chat.title or (f"@{chat.username}" if chat.username else str(chat.id))
    await reply(update, notice("chat_language_set", context.language, title=title,
                               name=texts.text("language_name", chosen)))


def choice_view(current: str, in_group: bool) -> View:
    """The choice of languages, saying which one is spoken now."""
    message = "choose_group_language" if in_group else "choose_language"
    return view(render.plain_line(texts.text(message, current)),
                keyboards.languages(texts.languages()))


async def _remember(update: Update, context: BotContext, chosen: str) -> None:
    user = update.effective_user
    group = group_of(update)
    preferences = context.services.preferences
    if group is not None:
        await preferences.set_for_chat(group, chosen, user.id if user else None)
    elif user is not None:
        await preferences.set_for_user(user.id, chosen)
    logger.info("language of %s %s set to %s", "chat" if group is not None else "user",
                group if group is not None else (user.id if user else "-"), chosen)
    context.language = chosen  # the reply that confirms it is already in the new language


def _done(update: Update, language: str) -> View:
    return notice("group_language_set" if group_of(update) is not None else "language_set",
                  language)


async def _may_choose(update: Update, context: BotContext) -> bool:
    """Anyone chooses for themselves; in a group, only its administrators choose for it."""
    group, user = group_of(update), update.effective_user
    if group is None:
        return True
    if user is None:
        return False
    if context.services.is_bot_admin(user.id):
        return True
    return await _is_admin(context.bot, group, user.id)


async def _is_admin(bot: Bot, chat_id: int, user_id: int) -> bool:
    member = await bot.get_chat_member(chat_id, user_id)
    return member.status in ADMIN_STATUSES
