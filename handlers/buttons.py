"""Every inline button: its data is validated, then it shows what its feature makes of it.

Button data comes back from the client, so `parse_callback` checks it against the knowledge
base first; forged or stale data gets a polite answer instead of a view.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.present import texts
from bot.present.callbacks import (
    Action,
    ExpertList,
    ExpertOpen,
    ExpertPage,
    OpenEntry,
    TopicList,
    TopicView,
    Vote,
    parse_callback,
)
from bot.present.reply import View, show
from handlers import curators, experts, questions, topics
from knowledge import KnowledgeBase


async def button(update: Update, context: BotContext) -> None:
    """A button press; forged or stale data gets a polite answer instead of a view."""
    query = update.callback_query
    if query is None:
        return
    knowledge = context.services.knowledge
    action = parse_callback(query.data, knowledge)
    if action is None:
        await query.answer(texts.text("stale_button"))
        return
    if isinstance(action, Vote):
        await curators.vote(update, context, action)
        return
    await show(query, button_view(knowledge, action))


def button_view(knowledge: KnowledgeBase, action: Action) -> View:
    """What a (validated) button press shows: paging edits in place, the rest is a new message.

    New messages keep what the reader was looking at (an answer, a list) on screen.
    """
    match action:
        case ExpertList():
            return experts.experts_view(knowledge)
        case ExpertOpen(expert_id):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return experts.expert_view(knowledge, expert, 0)
        case ExpertPage(expert_id, page):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return experts.expert_view(knowledge, expert, page, edit=True)
        case OpenEntry(entry_id):
            entry = knowledge.entry(entry_id)
            assert entry is not None
            return questions.entry_view(knowledge, entry)
        case TopicList():
            return topics.topics_view(knowledge)
        case TopicView(topic_id):
            topic = knowledge.topic(topic_id)
            assert topic is not None
            return topics.topic_view(knowledge, topic)
        case Vote():
            raise ValueError("a vote is counted, not shown")
