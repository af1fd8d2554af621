"""Experts: /expert lists them; /expert NAME pages through one expert's positions; /expert NAME
TOPIC shows only their positions on the topic, or says they are not quoted on it and who is.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update

from bot.context import BotContext, Services
from bot.present import keyboards, render
from bot.present.callbacks import PAGE_SIZE, page_count
from bot.present.reply import View, reply, view
from bot.present.texts import DEFAULT_LANGUAGE as EN
from knowledge import Expert, KnowledgeBase, Matcher
from knowledge.normalize import content_tokens, tokens

ARTICLES = ("the", "a", "an")
# How many entries on the topic to look through for the experts who are quoted on it.
ELSEWHERE_LIMIT = 10


@dataclass(frozen=True)
class Named:
    """What `/expert NAME TOPIC` asks for: the expert, and the topic ("" for all positions)."""

    expert: Expert
    topic: str


async def expert(update: Update, context: BotContext) -> None:
    """/expert lists the experts; /expert NAME their positions; /expert NAME TOPIC those on it."""
    found, language = context.services, context.language
    text = " ".join(context.args or ())
    named = split_name_and_topic(found.matcher, text)
    if named is None:
        shown = experts_view(found.knowledge, unknown_name=text.strip() or None,
                             language=language)
    elif not named.topic:
        shown = expert_view(found.knowledge, named.expert, 0, language=language)
    else:
        shown = expert_topic_view(found, named.expert, named.topic, text, language)
    await reply(update, shown)


def experts_view(knowledge: KnowledgeBase, unknown_name: str | None = None,
                 language: str = EN) -> View:
    """The expert list as buttons, noting a name that matched nobody."""
    return view(render.experts_list(knowledge, unknown_name, language),
                keyboards.experts(knowledge))


def expert_view(knowledge: KnowledgeBase, who: Expert, page: int, edit: bool = False,
                language: str = EN) -> View:
    """One page of an expert's positions, with buttons to open each and to page."""
    entries = knowledge.entries_for_expert(who.id)
    pages = page_count(knowledge, who.id)
    page = min(max(page, 0), pages - 1)
    shown = entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    first = page * PAGE_SIZE + 1
    return view(
        render.expert_page(who, shown, first, len(entries), language),
        keyboards.expert_page(who, shown, first, page, pages, language),
        edit,
    )


def expert_topic_view(found: Services, who: Expert, topic: str, question: str,
                      language: str = EN) -> View:
    """/expert NAME TOPIC: the expert's positions on the topic, most relevant first.

    When the expert has none, say so instead of listing everything they said, and point to the
    experts who are quoted on it and to questions the briefing answers.
    """
    knowledge = found.knowledge
    result = found.matcher.match(question, top=PAGE_SIZE, expert_id=who.id)
    positions = {e.id for e in knowledge.entries_for_expert(who.id)}  # not the profile
    entries = [a.entry for a in result.answers if a.entry.id in positions]
    if entries:
        return view(render.expert_on_topic(who, topic, entries, knowledge, language),
                    keyboards.for_answers(entries, language))
    elsewhere = [a.entry for a in found.matcher.match(topic, top=ELSEWHERE_LIMIT).answers
                 if not a.entry.profile]  # a note about an expert is not a quote on the topic
    others = list(dict.fromkeys(
        e.expert for e in elsewhere if e.expert is not None and e.expert != who))
    suggested = {found.entry_by_question[s]: s for s in result.suggestions
                 if s in found.entry_by_question}
    for entry in elsewhere:
        if entry.expert in others and entry.questions:
            suggested.setdefault(entry.id, entry.questions[0])
    shown = list(suggested.items())[:PAGE_SIZE]
    return view(render.expert_silent_on_topic(who, topic, others, [q for _, q in shown],
                                              language),
                keyboards.for_decline(shown, language))


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
