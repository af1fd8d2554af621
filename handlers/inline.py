"""Inline mode: `@bot question` in any chat offers up to ten quotes to share; `@bot` alone
offers each expert's headline quote."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode

from bot.context import BotContext, Services
from bot.present import render, texts
from knowledge import Entry, KnowledgeBase

INLINE_LIMIT = 10
DESCRIPTION_LIMIT = 90


async def inline_query(update: Update, context: BotContext) -> None:
    """Up to ten quotes for the query; featured quotes for an empty one."""
    query = update.inline_query
    if query is None:
        return
    found = context.services
    results = inline_results(found, query.query, context.language)
    if query.query.strip() and not results:
        from handlers.questions import record

        await record(found, found.matcher.match(query.query, top=INLINE_LIMIT), "inline")
    button = None if results else InlineQueryResultsButton(
        texts.text("inline_nothing", context.language), start_parameter="help"
    )
    await query.answer(results, cache_time=found.inline_cache_seconds, button=button)


def inline_results(found: Services, query: str,
                   language: str = texts.DEFAULT_LANGUAGE) -> list[InlineQueryResultArticle]:
    """Up to ten articles, one per entry; an empty query gets each expert's headline quote."""
    knowledge = found.knowledge
    entries: Sequence[Entry]
    if query.strip():
        result = found.matcher.match(query, top=INLINE_LIMIT)
        entries = [a.entry for a in result.answers]
    else:
        entries = [
            e for x in knowledge.experts for e in knowledge.entries_for_expert(x.id) if e.key
        ]
    words = texts.words_language(query, language, entries)
    return [_article(knowledge, entry, language, words) for entry in entries[:INLINE_LIMIT]]


def _article(knowledge: KnowledgeBase, entry: Entry, language: str,
             words: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=entry.id,
        title=entry.expert.name if entry.expert else texts.text("from_briefing", language),
        description=render.words_of(entry.text_in(words), DESCRIPTION_LIMIT),
        input_message_content=InputTextMessageContent(
            render.split_message(render.quote(entry, knowledge, language, words))[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
    )
