"""Inline mode: `@bot question` in any chat offers quotes to share."""

from __future__ import annotations

from telegram import InlineQueryResultsButton, Update
from telegram.ext import ContextTypes

from bot import views
from bot.present import texts
from bot.services import services


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Up to ten quotes for the query; featured quotes for an empty one."""
    query = update.inline_query
    if query is None:
        return
    found = services(context)
    results = views.inline_results(found, query.query)
    button = None if results else InlineQueryResultsButton(
        texts.text("inline_nothing"), start_parameter="help"
    )
    await query.answer(results, cache_time=found.inline_cache_seconds, button=button)
