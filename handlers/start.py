"""/start (with deep links), /help and /about."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import views
from bot.present.reply import reply
from bot.services import services


def _private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


def _bot_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return services(context).is_bot_admin(user.id if user else None)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet, or open what a deep link (`expert-basbug`, `topic-arctic`, `q-<entry>`) names."""
    payload = context.args[0] if context.args else None
    view = views.start_view(services(context), payload, context.bot.username, _private(update),
                            _bot_admin(update, context))
    await reply(update, view)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the bot knows, how to ask, the commands."""
    found = services(context)
    view = views.help_view(found.knowledge, context.bot.username, _private(update),
                           _bot_admin(update, context), found.broadcasting is not None)
    await reply(update, view)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The briefing: meeting, publisher, compiler, source."""
    await reply(update, views.about_view(services(context).knowledge))
