"""/expert, /topics and every inline button."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.ext import ContextTypes

from bot import views
from bot.present import texts
from bot.present.callbacks import parse_callback
from bot.present.reply import reply, show
from bot.services import services
from knowledge import Expert, Matcher
from knowledge.normalize import content_tokens, tokens

ARTICLES = ("the", "a", "an")


@dataclass(frozen=True)
class Named:
    """What `/expert NAME TOPIC` asks for: the expert, and the topic ("" for all positions)."""

    expert: Expert
    topic: str


async def expert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/expert lists the experts; /expert NAME their positions; /expert NAME TOPIC those on it."""
    found = services(context)
    text = " ".join(context.args or ())
    named = split_name_and_topic(found.matcher, text)
    if named is None:
        view = views.experts_view(found.knowledge, unknown_name=text.strip() or None)
    elif not named.topic:
        view = views.expert_view(found.knowledge, named.expert, 0)
    else:
        view = views.expert_topic_view(found, named.expert, named.topic, text)
    await reply(update, view)


def split_name_and_topic(matcher: Matcher, text: str) -> Named | None:
    """Split `/expert`'s argument into who and what: "mehmet sait dilek sanctions".

    The name comes first and may be several words, so the longest opening that is one of an
    expert's names or aliases wins ("the ambassador crimea"); failing that (a typo: "oymn
    crimea"), the shortest opening the matcher recognises, or the shortest ending ("crimea
    oymen"). What is left is the topic, unless it holds no content word ("oymen please").
    None when no expert is named.
    """
    words = text.split()
    if not words:
        return None
    split = _alias_prefix(matcher, words) or _recognised(matcher, words)
    if split is None:
        return None
    who, rest = split
    topic = " ".join(rest)
    return Named(who, topic if content_tokens(topic) else "")


Split = tuple[Expert, list[str]]  # the expert, and the words left for the topic


def _bare(text: str) -> tuple[str, ...]:
    """Folded words without a leading article: "The Ambassador" and "ambassador" are alike."""
    found = tokens(text)
    while found and found[0] in ARTICLES:
        found = found[1:]
    return tuple(found)


def _alias_prefix(matcher: Matcher, words: list[str]) -> Split | None:
    names = {_bare(alias): who for who in matcher.experts for alias in (who.name, *who.aliases)}
    for k in range(len(words), 0, -1):
        who = names.get(_bare(" ".join(words[:k])))
        if who is not None:
            return who, words[k:]
    return None


def _recognised(matcher: Matcher, words: list[str]) -> Split | None:
    for k in range(1, len(words) + 1):
        who = matcher.find_expert(" ".join(words[:k]))
        if who is None:
            continue
        if k < len(words):
            return who, words[k:]
        for j in range(len(words) - 1, 0, -1):  # the name may come last: "crimea oymen"
            last = matcher.find_expert(" ".join(words[j:]))
            if last is not None:
                return last, words[:j]
        return who, []
    return None


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
        await query.answer(texts.text("stale_button"))
        return
    await show(query, views.button_view(knowledge, action))
