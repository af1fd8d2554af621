"""Views: what the bot says for each request, as HTML chunks plus a keyboard.

Handlers ask for a view and send it; the HTML comes from `bot.present.render`, the buttons from
`bot.present.keyboards`. Nothing here talks to Telegram.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode

from bot.commands import COMMANDS, Command, Where, commands_for
from bot.infra.delivery import Report
from bot.infra.store import Subscription
from bot.present import keyboards, render, texts
from bot.present.callbacks import (
    PAGE_SIZE,
    Action,
    ExpertList,
    ExpertOpen,
    ExpertPage,
    OpenEntry,
    TopicList,
    TopicView,
    page_count,
)
from bot.services import Services
from knowledge import Entry, Expert, KnowledgeBase, Topic

INLINE_LIMIT = 10
DESCRIPTION_LIMIT = 90


@dataclass(frozen=True)
class View:
    """A reply: one or more HTML messages, the keyboard goes under the last one.

    `edit` asks to replace the message a button was pressed on (navigation) instead of sending
    a new one (content).
    """

    chunks: tuple[str, ...]
    keyboard: InlineKeyboardMarkup | None = None
    edit: bool = False


def _view(html: str, keyboard: InlineKeyboardMarkup | None = None, edit: bool = False) -> View:
    return View(tuple(render.split_message(html)), keyboard, edit)


def help_view(
    knowledge: KnowledgeBase, username: str | None, private: bool, bot_admin: bool = False,
    broadcasts: bool = True,
) -> View:
    """/start and /help; group admins' commands in groups, bot admins' for bot admins.

    `broadcasts` is False when the bot has no data directory: then nobody's commands work.
    """
    commands = commands_for(Where.PRIVATE) if private else commands_for(Where.GROUP)
    if not broadcasts:
        extra: tuple[Command, ...] = ()
    elif private:
        extra = commands_for(Where.BOT_ADMIN) if bot_admin else ()
    else:
        extra = commands_for(Where.GROUP_ADMIN)
    extra = tuple(c for c in extra if c not in commands)
    return _view(render.help_text(knowledge, commands or COMMANDS, username, private, extra))


def about_view(knowledge: KnowledgeBase) -> View:
    """/about."""
    return _view(render.about(knowledge))


def start_view(
    found: Services, payload: str | None, username: str | None, private: bool,
    bot_admin: bool = False,
) -> View:
    """/start, with a deep-link payload (`expert-basbug`, `topic-arctic`, `q-<entry>`) or not."""
    knowledge = found.knowledge
    kind, _, ident = (payload or "").partition("-")
    if kind == "expert" and (expert := knowledge.expert(ident)) is not None:
        return expert_view(knowledge, expert, 0)
    if kind == "topic" and (topic := knowledge.topic(ident)) is not None:
        return topic_view(knowledge, topic)
    if kind == "q" and (entry := knowledge.entry(ident)) is not None:
        return entry_view(knowledge, entry)
    return help_view(knowledge, username, private, bot_admin, found.broadcasting is not None)


def question_view(found: Services, question: str) -> View:
    """Answers to a free-text question, or an honest decline with suggestions."""
    if not question.strip():
        return _view(render.plain_line(texts.text("empty_question")))
    result = found.matcher.match(question)
    if not result.declined:
        entries = [a.entry for a in result.answers]
        return _view(render.answers(result, found.knowledge), keyboards.for_answers(entries))
    suggested = [
        (found.entry_by_question[s], s) for s in result.suggestions if s in found.entry_by_question
    ]
    return _view(render.decline(result), keyboards.for_decline(suggested))


def notice(message: str, **fields: object) -> View:
    """A message of the catalogue (`bot.present.texts`), its fields filled in, escaped."""
    return _view(render.plain_line(texts.text(message, **fields)))


def subscriptions_view(found: Sequence[Subscription]) -> View:
    """/subscriptions."""
    return _view(render.subscriptions(found))


def report_view(report: Report, chats: Mapping[int, Subscription]) -> View:
    """The end-of-broadcast report."""
    return _view(render.broadcast_report(report, chats))


def text_only_view() -> View:
    """A sticker, photo or other non-text message in a private chat."""
    return _view(render.plain_line(texts.text("text_only")))


def experts_view(knowledge: KnowledgeBase, unknown_name: str | None = None) -> View:
    """The expert list as buttons, noting a name that matched nobody."""
    return _view(render.experts_list(knowledge, unknown_name), keyboards.experts(knowledge))


def expert_topic_view(found: Services, expert: Expert, topic: str, question: str) -> View:
    """/expert NAME TOPIC: the expert's positions on the topic, most relevant first.

    When the expert has none, say so instead of listing everything they said, and point to the
    experts who are quoted on it and to questions the briefing answers.
    """
    knowledge = found.knowledge
    result = found.matcher.match(question, top=PAGE_SIZE, expert_id=expert.id)
    positions = {e.id for e in knowledge.entries_for_expert(expert.id)}  # not the profile
    entries = [a.entry for a in result.answers if a.entry.id in positions]
    if entries:
        return _view(render.expert_on_topic(expert, topic, entries, knowledge),
                     keyboards.for_answers(entries))
    elsewhere = [a.entry for a in found.matcher.match(topic, top=INLINE_LIMIT).answers
                 if not a.entry.profile]  # a note about an expert is not a quote on the topic
    others = list(dict.fromkeys(
        e.expert for e in elsewhere if e.expert is not None and e.expert != expert))
    suggested = {found.entry_by_question[s]: s for s in result.suggestions
                 if s in found.entry_by_question}
    for entry in elsewhere:
        if entry.expert in others and entry.questions:
            suggested.setdefault(entry.id, entry.questions[0])
    shown = list(suggested.items())[:PAGE_SIZE]
    return _view(render.expert_silent_on_topic(expert, topic, others, [q for _, q in shown]),
                 keyboards.for_decline(shown))


def expert_view(knowledge: KnowledgeBase, expert: Expert, page: int, edit: bool = False) -> View:
    """One page of an expert's positions, with buttons to open each and to page."""
    entries = knowledge.entries_for_expert(expert.id)
    pages = page_count(knowledge, expert.id)
    page = min(max(page, 0), pages - 1)
    shown = entries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    first = page * PAGE_SIZE + 1
    return _view(
        render.expert_page(expert, shown, first, len(entries)),
        keyboards.expert_page(expert, shown, first, page, pages),
        edit,
    )


def entry_view(knowledge: KnowledgeBase, entry: Entry) -> View:
    """One entry opened from a button or a deep link."""
    return _view(render.quote(entry, knowledge), keyboards.for_entry(entry))


def topics_view(knowledge: KnowledgeBase) -> View:
    """/topics: the topics as buttons."""
    return _view(render.topics_list(knowledge), keyboards.topics(knowledge))


def topic_view(knowledge: KnowledgeBase, topic: Topic) -> View:
    """The quotes on a topic grouped by expert; long topics span several messages."""
    entries = knowledge.entries_for_topic(topic.id)
    return _view(render.topic_view(topic, entries, knowledge))


def button_view(knowledge: KnowledgeBase, action: Action) -> View:
    """What a (validated) button press shows: paging edits in place, the rest is a new message.

    New messages keep what the reader was looking at (an answer, a list) on screen.
    """
    match action:
        case ExpertList():
            return experts_view(knowledge)
        case ExpertOpen(expert_id):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return expert_view(knowledge, expert, 0)
        case ExpertPage(expert_id, page):
            expert = knowledge.expert(expert_id)
            assert expert is not None  # parse_callback checked it
            return expert_view(knowledge, expert, page, edit=True)
        case OpenEntry(entry_id):
            entry = knowledge.entry(entry_id)
            assert entry is not None
            return entry_view(knowledge, entry)
        case TopicList():
            return topics_view(knowledge)
        case TopicView(topic_id):
            topic = knowledge.topic(topic_id)
            assert topic is not None
            return topic_view(knowledge, topic)


def inline_results(found: Services, query: str) -> list[InlineQueryResultArticle]:
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
    return [_article(knowledge, entry) for entry in entries[:INLINE_LIMIT]]


def _article(knowledge: KnowledgeBase, entry: Entry) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=entry.id,
        title=entry.expert.name if entry.expert else texts.text("from_briefing"),
        description=render.words_of(entry.text, DESCRIPTION_LIMIT),
        input_message_content=InputTextMessageContent(
            render.split_message(render.quote(entry, knowledge))[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
    )
