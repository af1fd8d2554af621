"""Questions: private free text, /ask, and group messages that mention or reply to the bot.

The matcher answers with the experts' quotes; when the briefing does not cover a question the
reply says so honestly and offers questions it does answer (as buttons).
"""

from __future__ import annotations

from telegram import Update

from bot.addressing import question_in
from bot.context import BotContext, Services
from bot.present import keyboards, render
from bot.present.reply import View, notice, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Entry, KnowledgeBase


async def ask_text(update: Update, context: BotContext) -> None:
    """Answer a message addressed to the bot (private text, mention, reply to the bot)."""
    message = update.effective_message
    question = question_in(message) if message is not None else ""
    await reply(update, question_view(context.services, question, context.language))


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask <question>, the way to ask in a group with privacy mode on."""
    question = " ".join(context.args or ())
    await reply(update, question_view(context.services, question, context.language))


async def not_text(update: Update, context: BotContext) -> None:
    """A sticker, photo or the like in a private chat: say that questions are text."""
    await reply(update, notice("text_only", context.language))


def question_view(found: Services, question: str, language: str = EN) -> View:
    """Answers to a free-text question, or an honest decline with suggestions.

    The matcher never sees the language: the quotes are the experts' English words.
    """
    if not question.strip():
        return notice("empty_question", language)
    result = found.matcher.match(question)
    if not result.declined:
        entries = [a.entry for a in result.answers]
        return view(render.answers(result, found.knowledge, language),
                    keyboards.for_answers(entries, language))
    suggested = [(found.entry_by_question[s], found.knowledge.asked_in(s, language))
                 for s in result.suggestions if s in found.entry_by_question]
    return view(render.decline(result, language, [q for _, q in suggested]),
                keyboards.for_decline(suggested, language))


def entry_view(knowledge: KnowledgeBase, entry: Entry, language: str = EN) -> View:
    """One entry opened from a button (a suggestion, an expert's position) or a deep link."""
    return view(render.quote(entry, knowledge, language), keyboards.for_entry(entry, language))
