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
from knowledge import Entry, KnowledgeBase


async def ask_text(update: Update, context: BotContext) -> None:
    """Answer a message addressed to the bot (private text, mention, reply to the bot)."""
    message = update.effective_message
    question = question_in(message) if message is not None else ""
    await reply(update, question_view(context.services, question))


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask <question>, the way to ask in a group with privacy mode on."""
    question = " ".join(context.args or ())
    await reply(update, question_view(context.services, question))


async def not_text(update: Update, context: BotContext) -> None:
    """A sticker, photo or the like in a private chat: say that questions are text."""
    await reply(update, notice("text_only"))


def question_view(found: Services, question: str) -> View:
    """Answers to a free-text question, or an honest decline with suggestions."""
    if not question.strip():
        return notice("empty_question")
    result = found.matcher.match(question)
    if not result.declined:
        entries = [a.entry for a in result.answers]
        return view(render.answers(result, found.knowledge), keyboards.for_answers(entries))
    suggested = [
        (found.entry_by_question[s], s) for s in result.suggestions if s in found.entry_by_question
    ]
    return view(render.decline(result), keyboards.for_decline(suggested))


def entry_view(knowledge: KnowledgeBase, entry: Entry) -> View:
    """One entry opened from a button (a suggestion, an expert's position) or a deep link."""
    return view(render.quote(entry, knowledge), keyboards.for_entry(entry))
