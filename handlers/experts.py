"""/expert, /topics and every inline button."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import texts, views
from bot.callbacks import parse_callback
from bot.reply import reply, show
from bot.services import services


async def expert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/expert lists the experts; /expert <name> shows that expert's positions."""
    name = " ".join(context.args or ())
    await reply(update, views.expert_lookup_view(services(context), name))


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics lists the topics as buttons."""
    await reply(update, views.topics_view(services(context).knowledge))


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press; forged or stale data gets a polite answer instead of a view."""
    query = update.callback_query
    if query is None:
        return
    knowledge = services(context).knowledge
    action = parse_callback(query.data, knowledge)
    if action is None:
        await query.answer(texts.STALE_BUTTON)
        return
    await show(query, views.button_view(knowledge, action))
