"""Questions: private free text, /ask, and group messages that mention or reply to the bot."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import views
from bot.addressing import question_in
from bot.present.reply import reply
from bot.services import services


async def ask_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a message addressed to the bot (private text, mention, reply to the bot)."""
    message = update.effective_message
    question = question_in(message) if message is not None else ""
    await reply(update, views.question_view(services(context), question))


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask <question>, the way to ask in a group with privacy mode on."""
    question = " ".join(context.args or ())
    await reply(update, views.question_view(services(context), question))


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo or the like in a private chat: say that questions are text."""
    await reply(update, views.text_only_view())
