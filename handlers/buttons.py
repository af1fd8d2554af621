"""Every inline button: its data is validated, then it shows what its feature makes of it.

Button data comes back from the client, so `parse_callback` checks it against the knowledge
base first; forged or stale data gets a polite answer instead of a view.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.present import texts
from bot.present.callbacks import (
    ExpertList,
    ExpertOpen,
    ExpertPage,
    Navigation,
    OpenEntry,
    SetLanguage,
    TopicList,
    TopicView,
    Vote,
    parse_callback,
)
from bot.present.reply import View, show
from handlers import curators, experts, language, questions, topics
from knowledge import KnowledgeBase


async def button(update: Update, context: BotContext) -> None:
    """A button press; forged or stale data gets a polite answer instead of a view."""
    query = update.callback_query
    if query is None:
        return
    knowledge = context.services.knowledge
    action = parse_callback(query.data, knowledge)
    if action is None:
        await query.answer(texts.text("stale_button", context.language))
        return
    shown: View | None
    if isinstance(action, Vote):
        await curators.vote(update, context, action)
        return
    if isinstance(action, SetLanguage):
        shown = await language.chosen_by_button(update, context, action.language)
    else:
        shown = button_view(knowledge, action, context.language)
    if shown is not None:
        await show(query, shown, context.language)


def button_view(knowledge: KnowledgeBase, action: Navigation, lang: str = "en") -> View:
    """What a (validated) button press shows: paging edits in place, the rest is a new message.

    New messages keep what the reader was looking at (an answer, a list) on screen. `lang` is
    the interface language (`bot.language`).
    """
    match action:
        case ExpertList():
            return experts.experts_view(knowledge, language=lang)
        case ExpertOpen(expert_id):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return experts.expert_view(knowledge, expert, 0, language=lang)
        case ExpertPage(expert_id, page):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return experts.expert_view(knowledge, expert, page, edit=True, language=lang)
        case OpenEntry(entry_id):
            entry = knowledge.entry(entry_id)
            assert entry is not None
            return questions.entry_view(knowledge, entry, lang)
        case TopicList():
            return topics.topics_view(knowledge, lang)
        case TopicView(topic_id):
            topic = knowledge.topic(topic_id)
            assert topic is not None
            return topics.topic_view(knowledge, topic, lang)
