"""Questions: private free text, /ask, and group messages that mention or reply to the bot.

The matcher answers with the experts' quotes; when the briefing does not cover a question the
reply says so honestly and offers questions it does answer (as buttons). For the curators, a
declined or weakly answered question is recorded (its text and the chat type only, never who
asked: `bot.infra.insights`), and an answer in a private chat carries 👍/👎 buttons.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.addressing import question_in
from bot.context import BotContext, Services
from bot.infra.insights import LOW_SCORE
from bot.present import keyboards, render
from bot.present.reply import View, notice, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Entry, KnowledgeBase, MatchResult


async def ask_text(update: Update, context: BotContext) -> None:
    """Answer a message addressed to the bot (private text, mention, reply to the bot)."""
    message = update.effective_message
    question = question_in(message) if message is not None else ""
    await reply(update, await answer(update, context.services, question, context.language))


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask <question>, the way to ask in a group with privacy mode on."""
    question = " ".join(context.args or ())
    await reply(update, await answer(update, context.services, question, context.language))


async def not_text(update: Update, context: BotContext) -> None:
    """A sticker, photo or the like in a private chat: say that questions are text."""
    await reply(update, notice("text_only", context.language))


async def answer(update: Update, found: Services, question: str, language: str = EN) -> View:
    """Match, note for the curators what went unanswered, and build the reply.

    The matcher never sees the language: the quotes are the experts' English words.
    """
    if not question.strip():
        return notice("empty_question", language)
    result = found.matcher.match(question)
    chat = update.effective_chat
    chat_type = chat.type if chat is not None else "private"
    await record(found, result, chat_type)
    vote_key = None
    if found.insights is not None and not result.declined and chat_type == ChatType.PRIVATE:
        top = result.answers[0].entry
        vote_key = await found.insights.record_answer(question, top.id, top.briefing_id)
    return question_view(found, result, language, vote_key)


async def record(found: Services, result: MatchResult, chat_type: str) -> None:
    """Keep a declined or weakly answered question for `briefing-bot unanswered`."""
    if found.insights is None:
        return
    weak = not result.declined and result.answers[0].score < LOW_SCORE
    if not (result.declined or weak):
        return
    if result.declined:
        nearest = found.nearest(result.question) if found.nearest else None
    else:
        top = result.answers[0]
        nearest = (top.entry.id, top.score)
    briefing = None
    if nearest is not None and (entry := found.knowledge.entry(nearest[0])) is not None:
        briefing = entry.briefing_id
    await found.insights.record_question(result.question, chat_type, briefing, nearest,
                                         result.declined)


def question_view(found: Services, result: MatchResult, language: str = EN,
                  vote_key: str | None = None) -> View:
    """Answers to a free-text question, or an honest decline with suggestions."""
    if not result.declined:
        entries = [a.entry for a in result.answers]
        return view(render.answers(result, found.knowledge, language),
                    keyboards.for_answers(entries, language, vote_key))
    suggested = [(found.entry_by_question[s], found.knowledge.asked_in(s, language))
                 for s in result.suggestions if s in found.entry_by_question]
    return view(render.decline(result, language, [q for _, q in suggested]),
                keyboards.for_decline(suggested, language))


def entry_view(knowledge: KnowledgeBase, entry: Entry, language: str = EN) -> View:
    """One entry opened from a button (a suggestion, an expert's position) or a deep link."""
    return view(render.quote(entry, knowledge, language), keyboards.for_entry(entry, language))
