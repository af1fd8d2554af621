"""/start (with deep links), /help and /about: what the bot knows and how to ask it.

/help is built from the command table (`Services.commands`), the same data as the command
menus, so the two cannot drift; group administrators' and bot administrators' commands are
listed to whom they concern.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.context import BotContext, Services
from bot.menus import Command, Where, commands_for
from bot.present import render
from bot.present.reply import View, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from handlers import experts, questions, topics


async def start(update: Update, context: BotContext) -> None:
    """Greet, or open what a deep link (`expert-basbug`, `topic-arctic`, `q-<entry>`) names."""
    payload = context.args[0] if context.args else None
    shown = start_view(context.services, payload, context.bot.username, _private(update),
                       _bot_admin(update, context), context.language)
    await reply(update, shown)


async def help_command(update: Update, context: BotContext) -> None:
    """What the bot knows, how to ask, the commands."""
    await reply(update, help_view(context.services, context.bot.username, _private(update),
                                  _bot_admin(update, context), context.language))


async def about(update: Update, context: BotContext) -> None:
    """The briefing: meeting, publisher, compiler, source."""
    await reply(update, view(render.about(context.services.knowledge, context.language)))


def _private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def _bot_admin(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    return context.services.is_bot_admin(user.id if user else None)


def help_view(found: Services, username: str | None, private: bool,
              bot_admin: bool = False, language: str = EN) -> View:
    """/start and /help; group admins' commands in groups, bot admins' for bot admins.

    Without a data directory (no broadcasts) nobody's admin commands work, so none are listed.
    """
    table = found.commands
    commands = commands_for(table, Where.PRIVATE if private else Where.GROUP)
    if found.broadcasting is None:
        extra: tuple[Command, ...] = ()
    elif private:
        extra = commands_for(table, Where.BOT_ADMIN) if bot_admin else ()
    else:
        extra = commands_for(table, Where.GROUP_ADMIN)
    extra = tuple(c for c in extra if c not in commands)
    return view(render.help_text(found.knowledge, commands or table, username, private, extra,
                                 language))


def start_view(found: Services, payload: str | None, username: str | None, private: bool,
               bot_admin: bool = False, language: str = EN) -> View:
    """/start, with a deep-link payload (`expert-basbug`, `topic-arctic`, `q-<entry>`) or not."""
    knowledge = found.knowledge
    kind, _, ident = (payload or "").partition("-")
    if kind == "expert" and (expert := knowledge.expert(ident)) is not None:
        return experts.expert_view(knowledge, expert, 0, language=language)
    if kind == "topic" and (topic := knowledge.topic(ident)) is not None:
        return topics.topic_view(knowledge, topic, language)
    if kind == "q" and (entry := knowledge.entry(ident)) is not None:
        return questions.entry_view(knowledge, entry, language)
    return help_view(found, username, private, bot_admin, language)
