"""Topics: /topics lists them as buttons; a topic shows the experts' quotes on it."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.present import keyboards, render
from bot.present.reply import View, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import KnowledgeBase, Topic


async def topics(update: Update, context: BotContext) -> None:
    """/topics lists the topics as buttons, one message per briefing when there are several."""
    for shown in topics_views(context.services.knowledge, context.language):
        await reply(update, shown)


def topics_views(knowledge: KnowledgeBase, language: str = EN) -> list[View]:
    """/topics: the topics as buttons; with several briefings, each briefing's under its title."""
    if len(knowledge.briefings) == 1:
        return [topics_view(knowledge, language)]
    return [view(render.topics_of(briefing, language),
                 keyboards.topics(knowledge, language, briefing.id))
            for briefing in knowledge.briefings]


def topics_view(knowledge: KnowledgeBase, language: str = EN) -> View:
    """All topics as buttons (the "All topics" button, one briefing's /topics)."""
    return view(render.topics_list(knowledge, language), keyboards.topics(knowledge, language))


def topic_view(knowledge: KnowledgeBase, topic: Topic, language: str = EN) -> View:
    """The quotes on a topic grouped by expert; long topics span several messages."""
    entries = knowledge.entries_for_topic(topic.key)
    return view(render.topic_view(topic, entries, knowledge, language))
