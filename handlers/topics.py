"""Topics: /topics lists them as buttons; a topic shows the experts' quotes on it."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.present import keyboards, render
from bot.present.reply import View, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import KnowledgeBase, Topic


async def topics(update: Update, context: BotContext) -> None:
    """/topics lists the topics as buttons."""
    await reply(update, topics_view(context.services.knowledge, context.language))


def topics_view(knowledge: KnowledgeBase, language: str = EN) -> View:
    """/topics: the topics as buttons."""
    return view(render.topics_list(knowledge, language), keyboards.topics(knowledge, language))


def topic_view(knowledge: KnowledgeBase, topic: Topic, language: str = EN) -> View:
    """The quotes on a topic grouped by expert; long topics span several messages."""
    entries = knowledge.entries_for_topic(topic.id)
    return view(render.topic_view(topic, entries, knowledge, language))
